# Reference values for toolkit.evaluate.power (power, mdes, sample_size).
# Run from the repository root:  Rscript tests/reference/evaluate_power.R
# Base R stats::power.t.test with strict = TRUE (both rejection tails counted) and a
# tight root-finding tolerance. Cluster designs: t-test on cluster means, whose SD in
# units of the individual SD is sqrt((1 + (m - 1) * icc) / m) (Donner & Klar 2000).
out <- "tests/reference"
tol <- 1e-10
rows <- list()
add <- function(solve, design, alternative, n, d, power, correlation = NA, m = NA, icc = NA, alpha = 0.05) {
  type <- if (design == "paired") "paired" else "two.sample"
  alt <- if (alternative == "two-sided") "two.sided" else "one.sided"
  sd <- 1
  if (design == "paired" && !is.na(correlation)) sd <- sqrt(2 * (1 - correlation))
  if (design == "cluster") sd <- sqrt((1 + (m - 1) * icc) / m)
  args <- list(n = if (solve == "n") NULL else n, delta = if (solve == "delta") NULL else d,
               power = if (solve == "power") NULL else power, sd = sd, sig.level = alpha,
               type = type, alternative = alt, strict = TRUE, tol = tol)
  r <- do.call(power.t.test, args)
  rows[[length(rows) + 1]] <<- data.frame(solve = solve, design = design, alternative = alternative,
    n = r$n, effect_size = r$delta, power = r$power, alpha = alpha, correlation = correlation,
    cluster_size = m, icc = icc)
}
# power for given n and effect
for (n in c(20, 64)) for (d in c(0.3, 0.5)) for (alt in c("two-sided", "one-sided")) {
  add("power", "independent", alt, n, d, NA)
  add("power", "paired", alt, n, d, NA)
}
add("power", "paired", "two-sided", 50, 0.3, NA, correlation = 0.6)
add("power", "cluster", "two-sided", 10, 0.3, NA, m = 20, icc = 0.05)
add("power", "cluster", "one-sided", 6, 0.4, NA, m = 50, icc = 0.1)
# sample size for given effect and power
for (d in c(0.2, 0.5, 0.8)) add("n", "independent", "two-sided", NA, d, 0.8)
add("n", "independent", "two-sided", NA, 0.5, 0.9, alpha = 0.01)
add("n", "paired", "two-sided", NA, 0.5, 0.9)
add("n", "paired", "one-sided", NA, 0.3, 0.8)
add("n", "paired", "two-sided", NA, 0.25, 0.8, correlation = 0.5)
add("n", "cluster", "two-sided", NA, 0.25, 0.8, m = 25, icc = 0.02)
# minimum detectable effect for given n and power
add("delta", "independent", "two-sided", 50, NA, 0.8)
add("delta", "paired", "two-sided", 30, NA, 0.8)
add("delta", "cluster", "two-sided", 8, NA, 0.8, m = 30, icc = 0.05)
res <- do.call(rbind, rows)
write.csv(res, file.path(out, "evaluate_power.csv"), row.names = FALSE)
cat("done\n")
