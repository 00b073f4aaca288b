# Wilson score intervals (no continuity correction) for proportions of cases coded.
# Run from the repository root: Rscript tests/reference/qual_wilson.R
x <- c(0, 1, 7, 17, 25, 49, 50)
n <- rep(50, length(x))
out <- do.call(rbind, lapply(seq_along(x), function(i) {
  ci <- prop.test(x[i], n[i], correct = FALSE, conf.level = 0.95)$conf.int
  ci90 <- prop.test(x[i], n[i], correct = FALSE, conf.level = 0.90)$conf.int
  data.frame(x = x[i], n = n[i], ci_low = ci[1], ci_high = ci[2],
             ci_low_90 = ci90[1], ci_high_90 = ci90[2])
}))
write.csv(out, "tests/reference/qual_wilson.csv", row.names = FALSE)
