# Reference values for toolkit.evaluate.power_proportions (power for two proportions).
# Run from the repository root:  Rscript tests/reference/evaluate_power_prop.R
# pooled:  base R stats::power.prop.test(strict = TRUE), tight root-finding tolerance.
# arcsine: Cohen's h, the formula of pwr::pwr.2p.test (pwr 1.3-0; not installed here, so its two
#          lines are written out): power = P(Z > c - h sqrt(n/2)) [+ P(Z < -c - h sqrt(n/2))].
out <- "tests/reference"
tol <- 1e-10
pwr_2p <- function(h, n, alpha, alternative) {
  if (alternative == "two-sided")
    pnorm(qnorm(alpha / 2, lower.tail = FALSE) - h * sqrt(n / 2), lower.tail = FALSE) +
      pnorm(qnorm(alpha / 2, lower.tail = TRUE) - h * sqrt(n / 2), lower.tail = TRUE)
  else pnorm(qnorm(alpha, lower.tail = FALSE) - h * sqrt(n / 2), lower.tail = FALSE)
}
rows <- NULL
grid <- expand.grid(p1 = c(0.1, 0.3, 0.5), p2 = c(0.2, 0.45, 0.75), n = c(30, 120),
                    alternative = c("two-sided", "one-sided"), alpha = c(0.05, 0.01), stringsAsFactors = FALSE)
for (i in seq_len(nrow(grid))) {
  g <- grid[i, ]
  alt <- if (g$alternative == "two-sided") "two.sided" else "one.sided"
  h <- abs(2 * asin(sqrt(g$p1)) - 2 * asin(sqrt(g$p2)))
  pw <- power.prop.test(n = g$n, p1 = g$p1, p2 = g$p2, sig.level = g$alpha, alternative = alt,
                        strict = TRUE)$power
  nn <- power.prop.test(power = 0.8, p1 = g$p1, p2 = g$p2, sig.level = g$alpha, alternative = alt,
                        strict = TRUE, tol = tol)$n
  n_h <- uniroot(function(n) pwr_2p(h, n, g$alpha, g$alternative) - 0.8, c(2, 1e7), tol = tol)$root
  rows <- rbind(rows, data.frame(p1 = g$p1, p2 = g$p2, n = g$n, alternative = g$alternative, alpha = g$alpha,
                                 h = h, power_pooled = pw, n80_pooled = nn,
                                 power_arcsine = pwr_2p(h, g$n, g$alpha, g$alternative), n80_arcsine = n_h))
}
write.csv(rows, file.path(out, "evaluate_power_prop.csv"), row.names = FALSE)
