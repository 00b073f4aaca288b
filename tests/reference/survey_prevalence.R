# Reference values for toolkit.survey.prevalence (prevalence, mean_by).
#
# Run from the repository root:   Rscript tests/reference/survey_prevalence.R
# Writes
#   tests/reference/survey_prevalence_unweighted.csv  Wilson intervals: prop.test(x, n, correct = FALSE)
#   tests/reference/survey_prevalence_weighted.csv    svymean / svyby SE and svyciprop(method = "logit")
#   tests/reference/survey_mean_by.csv                t.test (unweighted) and svymean / svyby (weighted)
# Data: survey::apistrat, design svydesign(ids = ~1, weights = ~pw) (weights only).
#
# Tested with R 4.2, survey 4.1-1.
source(file.path("tests", "reference", "survey_data.R"))

apistrat <- read_ref("apistrat")
# a copy of awards01 with missing answers (every school whose number is a multiple of 7)
apistrat$awards_na <- ifelse(apistrat$snum %% 7 == 0, NA, apistrat$awards01)
des <- svydesign(ids = ~1, weights = ~pw, data = apistrat)
groups <- c("E", "H", "M")

# --- unweighted Wilson (score) interval, 95% and 90% ---
unw <- list()
for (lev in c(0.95, 0.90)) {
  for (g in c("All", groups)) {
    y <- if (g == "All") apistrat$awards01 else apistrat$awards01[apistrat$stype == g]
    pt <- prop.test(sum(y), length(y), correct = FALSE, conf.level = lev)
    p <- mean(y)
    unw[[length(unw) + 1]] <- data.frame(ci_level = lev, group = g, estimate = p,
      se = sqrt(p * (1 - p) / length(y)), ci_low = pt$conf.int[1], ci_high = pt$conf.int[2],
      n = length(y))
  }
}
write.csv(do.call(rbind, unw), out("survey_prevalence_unweighted.csv"), row.names = FALSE)

# --- weighted: Taylor-linearised SE and logit interval ---
wtd <- list()
for (v in c("awards01", "awards_na")) for (lev in c(0.95, 0.90)) {
  f <- as.formula(paste0("~", v))
  ok <- !is.na(apistrat[[v]])
  overall_m <- svymean(f, des, na.rm = TRUE)
  overall_ci <- svyciprop(f, des, method = "logit", level = lev)
  wtd[[length(wtd) + 1]] <- data.frame(outcome = v, ci_level = lev, group = "All",
    estimate = coef(overall_m)[[1]], se = SE(overall_m)[[1]],
    ci_low = attr(overall_ci, "ci")[[1]], ci_high = attr(overall_ci, "ci")[[2]],
    n = sum(ok), n_weighted = sum(apistrat$pw[ok]))
  by_m <- svyby(f, ~stype, des, svymean, na.rm = TRUE)
  by_ci <- svyby(f, ~stype, des, svyciprop, vartype = "ci", method = "logit", level = lev,
                 na.rm = TRUE)
  for (g in groups) {
    sel <- ok & apistrat$stype == g
    wtd[[length(wtd) + 1]] <- data.frame(outcome = v, ci_level = lev, group = g,
      estimate = by_m[g, v], se = by_m[g, "se"],
      ci_low = by_ci[g, "ci_l"], ci_high = by_ci[g, "ci_u"],
      n = sum(sel), n_weighted = sum(apistrat$pw[sel]))
  }
}
write.csv(do.call(rbind, wtd), out("survey_prevalence_weighted.csv"), row.names = FALSE)

# --- means of a numeric score (api00) by school type ---
mb <- list()
for (g in c("All", groups)) {
  y <- if (g == "All") apistrat$api00 else apistrat$api00[apistrat$stype == g]
  tt <- t.test(y)
  mb[[length(mb) + 1]] <- data.frame(weighted = FALSE, group = g, estimate = mean(y),
    se = sd(y) / sqrt(length(y)), ci_low = tt$conf.int[1], ci_high = tt$conf.int[2],
    n = length(y))
  sub <- if (g == "All") des else subset(des, stype == g)
  m <- svymean(~api00, sub)
  ci <- confint(m, df = degf(sub))
  mb[[length(mb) + 1]] <- data.frame(weighted = TRUE, group = g, estimate = coef(m)[[1]],
    se = SE(m)[[1]], ci_low = ci[1, 1], ci_high = ci[1, 2], n = length(y))
}
# svyby gives the same domain SEs as subset(); check and keep svyby's
by_api <- svyby(~api00, ~stype, des, svymean)
stopifnot(isTRUE(all.equal(unname(by_api$se),
  sapply(groups, function(g) SE(svymean(~api00, subset(des, stype == g))))[1:3], check.attributes = FALSE)))
write.csv(do.call(rbind, mb), out("survey_mean_by.csv"), row.names = FALSE)
