# Reference values for toolkit.survey.compare.compare_groups.
#
# Run from the repository root:   Rscript tests/reference/survey_compare.R
# Writes tests/reference/survey_compare.csv: one row per test.
# Data: survey::apistrat; weighted design svydesign(ids = ~1, weights = ~pw).
#
# Tested with R 4.2, survey 4.1-1.
source(file.path("tests", "reference", "survey_data.R"))

apistrat <- read_ref("apistrat")
des <- svydesign(ids = ~1, weights = ~pw, data = apistrat)
rows <- list()
add <- function(...) rows[[length(rows) + 1]] <<- data.frame(...)

# Unweighted Pearson chi-square (no continuity correction) and Cramer's V.
for (dv in c("awards", "both", "yr_rnd")) {
  tab <- table(apistrat[[dv]], apistrat$stype)
  ct <- chisq.test(tab, correct = FALSE)
  v <- sqrt(ct$statistic / (sum(tab) * (min(dim(tab)) - 1)))
  add(dv = dv, between = "stype", weighted = FALSE, test = "chisq",
      statistic = ct$statistic[[1]], df = ct$parameter[[1]], df2 = NA, p = ct$p.value,
      effect_size = v[[1]])
}
# Rao-Scott second-order corrected F (svychisq default statistic = "F") and the
# first-order corrected chi-square (statistic = "Chisq").
for (dv in c("awards", "both", "yr_rnd")) {
  f <- as.formula(paste("~", dv, "+ stype"))
  rs <- svychisq(f, des, statistic = "F")
  rs1 <- svychisq(f, des, statistic = "Chisq")
  tab <- svytable(f, des, Ntotal = nrow(apistrat))
  x2 <- suppressWarnings(chisq.test(tab, correct = FALSE))$statistic
  v <- sqrt(x2 / (sum(tab) * (min(dim(tab)) - 1)))
  add(dv = dv, between = "stype", weighted = TRUE, test = "rao_scott_F",
      statistic = rs$statistic[[1]], df = rs$parameter[[1]], df2 = rs$parameter[[2]],
      p = rs$p.value, effect_size = v[[1]])
  add(dv = dv, between = "stype", weighted = TRUE, test = "rao_scott_chisq",
      statistic = rs1$statistic[[1]], df = rs1$parameter[[1]], df2 = NA,
      p = rs1$p.value, effect_size = v[[1]])
}
# Mann-Whitney (normal approximation with continuity correction), rank-biserial r.
sub <- apistrat[apistrat$stype %in% c("H", "M"), ]
for (dv in c("api00", "ell", "meals")) {
  x <- sub[[dv]][sub$stype == "H"]; y <- sub[[dv]][sub$stype == "M"]
  w <- wilcox.test(x, y, exact = FALSE, correct = TRUE)
  r <- 2 * w$statistic[[1]] / (length(x) * length(y)) - 1   # > 0: first group higher
  add(dv = dv, between = "stype_HM", weighted = FALSE, test = "mann_whitney",
      statistic = w$statistic[[1]], df = NA, df2 = NA, p = w$p.value, effect_size = r)
  # Welch t-test and Hedges' g (pooled SD, exact small-sample factor
  # J = gamma(m/2) / (sqrt(m/2) gamma((m-1)/2)), m = n1 + n2 - 2; Hedges 1981)
  tt <- t.test(x, y, var.equal = FALSE)
  n1 <- length(x); n2 <- length(y)
  sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / (n1 + n2 - 2))
  m <- n1 + n2 - 2
  g <- (mean(x) - mean(y)) / sp * exp(lgamma(m / 2) - lgamma((m - 1) / 2)) / sqrt(m / 2)
  add(dv = dv, between = "stype_HM", weighted = FALSE, test = "welch_t",
      statistic = tt$statistic[[1]], df = tt$parameter[[1]], df2 = NA, p = tt$p.value,
      effect_size = g)
}
# Kruskal-Wallis (epsilon-squared = H / (n - 1)) and Welch's ANOVA (eta-squared
# from the one-way ANOVA sums of squares) across the three school types.
for (dv in c("api00", "ell", "meals")) {
  kw <- kruskal.test(apistrat[[dv]], factor(apistrat$stype))
  add(dv = dv, between = "stype", weighted = FALSE, test = "kruskal",
      statistic = kw$statistic[[1]], df = kw$parameter[[1]], df2 = NA, p = kw$p.value,
      effect_size = kw$statistic[[1]] / (nrow(apistrat) - 1))
  ow <- oneway.test(as.formula(paste(dv, "~ stype")), apistrat, var.equal = FALSE)
  ss <- summary(aov(as.formula(paste(dv, "~ stype")), apistrat))[[1]][["Sum Sq"]]
  add(dv = dv, between = "stype", weighted = FALSE, test = "welch_anova",
      statistic = ow$statistic[[1]], df = ow$parameter[[1]], df2 = ow$parameter[[2]],
      p = ow$p.value, effect_size = ss[1] / sum(ss))
  # weighted: design-based Wald F test of equal means, svyglm + regTermTest
  m <- svyglm(as.formula(paste(dv, "~ stype")), des)
  rt <- regTermTest(m, ~stype)
  # weighted eta-squared = R-squared of the weighted least-squares fit
  r2 <- summary(lm(as.formula(paste(dv, "~ stype")), apistrat, weights = pw))$r.squared
  add(dv = dv, between = "stype", weighted = TRUE, test = "wald_F",
      statistic = rt$Ftest[[1]], df = rt$df[[1]], df2 = rt$ddf[[1]], p = rt$p[[1]],
      effect_size = r2)
}
res <- do.call(rbind, rows)
# Multiplicity: Holm and Benjamini-Hochberg over the three Kruskal-Wallis tests.
kw <- res$test == "kruskal" & !res$weighted
res$p_holm <- NA; res$p_bh <- NA
res$p_holm[kw] <- p.adjust(res$p[kw], "holm")
res$p_bh[kw] <- p.adjust(res$p[kw], "BH")
write.csv(res, out("survey_compare.csv"), row.names = FALSE)
