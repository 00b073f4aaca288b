# Reference values for toolkit.survey.funnel (tests/test_funnel.py).
#
# Computed with the internal functions of the R package FunnelPlotR 0.6.0 (MIT licence,
# Chris Mainey and NHS-R Community; source repository nhs-r-community/FunnelPlotR, commit
# 9020d49), which implements Spiegelhalter (2005) funnel plots for proportions
# (data_type = "PR") with the additive (DerSimonian-Laird) overdispersion adjustment of
# Spiegelhalter (2005b). ggplot2 >= 3.5.2, which the package needs to install, is newer
# than Debian's, so the three files that compute (R/aggregate_func.R, R/od_adjustment.R,
# R/calculate_limits.R) are sourced directly; they use base R only. This is what
# funnel_plot(data_type = "PR", draw_adjusted = TRUE, trim_by = 0.1) computes internally.
#
# Run from the repository root:
#   Rscript tests/reference/survey_funnel.R /path/to/FunnelPlotR
args <- commandArgs(trailingOnly = TRUE)
src <- if (length(args)) args[1] else "FunnelPlotR"
for (f in c("aggregate_func.R", "od_adjustment.R", "calculate_limits.R")) source(file.path(src, "R", f))

one <- function(name) {
  d <- read.csv(sprintf("tests/reference/data/funnel_%s.csv", name))
  agg <- aggregate_func(data.frame(numerator = d$numerator, denominator = d$denominator,
                                   group = as.factor(d$group)))
  target <- sum(agg$numerator) / sum(agg$denominator)
  agg <- transformed_zscore(agg, data_type = "PR")
  agg <- winsorisation(agg, trim_by = 0.1)
  k <- as.numeric(sum(!is.na(agg$Wuzscore)))
  phi <- phi_func(n = k, zscores = na.omit(agg$Wuzscore))
  tau2 <- tau_func(n = k, phi = phi, S = agg$s)
  grid <- data.frame(number_seq = sort(unique(agg$denominator)))
  adj <- calculate_limits(grid, data_type = "PR", tau2 = tau2, target = target, draw_adjusted = TRUE)
  raw <- calculate_limits(grid, data_type = "PR", tau2 = 0, target = target, draw_adjusted = FALSE)
  lim <- merge(adj, raw, by = "number_seq")
  out <- merge(data.frame(group = as.character(agg$group), n = agg$denominator,
                          n_events = agg$numerator,
                          z = (agg$Y - agg$target_transformed) / sqrt(agg$s^2 + tau2),
                          z_unadjusted = agg$Uzscore),
               lim, by.x = "n", by.y = "number_seq")
  out$dataset <- name
  out$target <- target
  out$phi <- phi
  out$tau2 <- tau2
  out[order(out$group), ]
}
res <- rbind(one("forces"), one("43"))
write.csv(res, "tests/reference/survey_funnel.csv", row.names = FALSE)
print(res[, c("dataset", "group", "n", "z", "odll95", "odul95", "ll998", "ul998", "phi", "tau2")])
