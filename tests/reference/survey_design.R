# Reference values for the survey designs of toolkit.survey (prevalence, mean_by, total,
# compare_groups, logit, ordinal with weight=, strata=, cluster=, fpc=).
#
# Run from the repository root:   Rscript tests/reference/survey_design.R
# (it sources survey_data.R, which rewrites the data files it reads).
# Writes
#   tests/reference/data/survey_apiclus2.csv  survey::apiclus2 (126 schools, two stages)
#   tests/reference/survey_design_estimates.csv  svymean / svyby / svytotal / svyciprop
#   tests/reference/survey_design_tests.csv      svychisq (Rao-Scott F) and regTermTest
#   tests/reference/survey_design_models.csv     svyglm / svyolr coefficients
#   tests/reference/survey_design_raked.csv      the same on a rake()d design (calibration)
#   tests/reference/survey_design_lonely.csv     svymean, svyglm and svychisq (F in estimate,
#                                                ndf in se) under each survey.lonely.psu
# Designs (the names in the CSVs):
#   strat  svydesign(ids = ~1, strata = ~stype, fpc = ~fpc, weights = ~pw, data = apistrat)
#   clus1  svydesign(ids = ~dnum, fpc = ~fpc, weights = ~pw, data = apiclus1)
#   clus2  svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)  (weights from fpc)
#   zerow  svydesign(ids = ~dnum, weights = ~pw0, data = apiclus1), pw0 = 0 where snum %% 13 == 0
#          (zero weights stay in the design: they count as rows of their PSU, add nothing)
# Missing answers: sch_wide_na is sch_wide01 with NA where snum %% 7 == 0, api00_na is api00
# with NA where snum %% 11 == 0 (na.rm = TRUE: the rows stay in the design).
# Intervals: t on degf() of the design (or of the domain, subset(design, group)).
#
# Tested with R 4.2, survey 4.1-1.
source(file.path("tests", "reference", "survey_data.R"))

data(api, package = "survey")
c2 <- apiclus2[, c("cds", "dnum", "snum", "stype", "sch.wide", "awards", "api00", "ell", "meals",
                   "fpc1", "fpc2", "pw")]
names(c2) <- gsub(".", "_", names(c2), fixed = TRUE)
c2$cds <- as.character(c2$cds)
for (v in c("stype", "sch_wide", "awards")) c2[[v]] <- as.character(c2[[v]])
c2$awards01 <- as.integer(c2$awards == "Yes")
c2$sch_wide01 <- as.integer(c2$sch_wide == "Yes")
write.csv(c2, out("data/survey_apiclus2.csv"), row.names = FALSE, na = "")

prep <- function(d) {
  d$sch_wide_na <- ifelse(d$snum %% 7 == 0, NA, d$sch_wide01)
  d$api00_na <- ifelse(d$snum %% 11 == 0, NA, d$api00)
  d$awards_na <- ifelse(d$snum %% 7 == 0, NA, d$awards)
  if ("pw" %in% names(d)) d$pw0 <- ifelse(d$snum %% 13 == 0, 0, d$pw)
  d
}
designs <- list(
  strat = svydesign(ids = ~1, strata = ~stype, fpc = ~fpc, weights = ~pw, data = prep(read_ref("apistrat"))),
  clus1 = svydesign(ids = ~dnum, fpc = ~fpc, weights = ~pw, data = prep(read_ref("apiclus1"))),
  clus2 = svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, data = prep(read_ref("apiclus2"))),
  zerow = svydesign(ids = ~dnum, weights = ~pw0, data = prep(read_ref("apiclus1")))
)

est <- list()
add <- function(design, estimator, outcome, group, value, se, df, level = 0.95, ci = NULL) {
  if (is.null(ci)) ci <- value + c(-1, 1) * qt(1 - (1 - level) / 2, df) * se
  est[[length(est) + 1]] <<- data.frame(design = design, estimator = estimator, outcome = outcome,
    group = group, estimate = value, se = se, df = df, ci_low = ci[1], ci_high = ci[2])
}
for (nm in names(designs)) {
  des <- designs[[nm]]
  groups <- sort(unique(des$variables$stype))
  for (y in c("api00", "api00_na")) {
    f <- as.formula(paste0("~", y))
    m <- svymean(f, des, na.rm = TRUE)
    add(nm, "svymean", y, "All", coef(m)[[1]], SE(m)[[1]], degf(des))
    by <- svyby(f, ~stype, des, svymean, na.rm = TRUE)
    for (g in groups) add(nm, "svymean", y, g, by[g, y], by[g, "se"], degf(subset(des, stype == g)))
    t <- svytotal(f, des, na.rm = TRUE)
    add(nm, "svytotal", y, "All", coef(t)[[1]], SE(t)[[1]], degf(des))
  }
  for (y in c("sch_wide01", "sch_wide_na")) {
    f <- as.formula(paste0("~", y))
    ci <- svyciprop(f, des, method = "logit", na.rm = TRUE)
    add(nm, "svyciprop", y, "All", coef(ci)[[1]], SE(ci)[[1]], degf(des), ci = attr(ci, "ci"))
    byci <- svyby(f, ~stype, des, svyciprop, vartype = c("se", "ci"), method = "logit", na.rm = TRUE)
    for (g in groups) add(nm, "svyciprop", y, g, byci[g, y], byci[g, 3],
                          degf(subset(des, stype == g)), ci = c(byci[g, "ci_l"], byci[g, "ci_u"]))
    t <- svytotal(f, des, na.rm = TRUE)
    add(nm, "svytotal", y, "All", coef(t)[[1]], SE(t)[[1]], degf(des))
    byt <- svyby(f, ~stype, des, svytotal, na.rm = TRUE)
    for (g in groups) add(nm, "svytotal", y, g, byt[g, y], byt[g, "se"], degf(subset(des, stype == g)))
  }
}
write.csv(do.call(rbind, est), out("survey_design_estimates.csv"), row.names = FALSE)

# --- tests: Rao-Scott F (svychisq default) and the Wald F of equal means (regTermTest) ---
tst <- list()
for (nm in names(designs)) {
  des <- designs[[nm]]
  for (y in c("awards", "awards_na")) {
    r <- svychisq(as.formula(paste0("~", y, " + stype")), des)
    tst[[length(tst) + 1]] <- data.frame(design = nm, test = "rao_scott_f", outcome = y,
      statistic = unname(r$statistic), df = unname(r$parameter[1]), df2 = unname(r$parameter[2]),
      p = r$p.value)
  }
  for (y in c("api00", "api00_na")) {
    fit <- svyglm(as.formula(paste0(y, " ~ stype")), des)
    r <- regTermTest(fit, ~stype)
    tst[[length(tst) + 1]] <- data.frame(design = nm, test = "wald_f", outcome = y,
      statistic = unname(r$Ftest), df = unname(r$df), df2 = unname(r$ddf), p = unname(r$p))
  }
}
write.csv(do.call(rbind, tst), out("survey_design_tests.csv"), row.names = FALSE)

# --- models: svyglm (quasibinomial: the estimates of binomial without its warning) with
# t on df.residual = degf(design) + 1 - p; svyolr on a 4-level cut of api00 ---
tight <- glm.control(epsilon = 1e-14, maxit = 100)
mods <- list()
addm <- function(design, model, est, se, df) {
  tq <- qt(0.975, df)
  mods[[length(mods) + 1]] <<- data.frame(design = design, model = model, term = names(est),
    estimate = unname(est), se = unname(se), statistic = unname(est / se), df = df,
    p = 2 * pt(-abs(unname(est / se)), df), ci_low = exp(unname(est - tq * se)),
    ci_high = exp(unname(est + tq * se)))
}
for (nm in names(designs)) {
  des <- designs[[nm]]
  fit <- svyglm(awards01 ~ ell + meals, design = des, family = quasibinomial, control = tight)
  addm(nm, "logit", coef(fit), SE(fit), fit$df.residual)
  fitna <- svyglm(sch_wide_na ~ ell + meals, design = des, family = quasibinomial, control = tight)
  addm(nm, "logit_na", coef(fitna), SE(fitna), fitna$df.residual)
  des <- update(des, api_cat = cut(api00, c(0, 550, 650, 750, 1000), labels = FALSE))
  des <- update(des, api_cat = factor(api_cat, ordered = TRUE))
  # proportions rather than percentages: svyolr's variance uses optim's finite-difference
  # Hessian, accurate to about 5 digits only when the predictors are on a unit scale
  des <- update(des, ell_p = ell / 100, meals_p = meals / 100)
  o <- svyolr(api_cat ~ ell_p + meals_p, design = des, control = list(reltol = 1e-15, maxit = 5000))
  e <- c(coef(o), o$zeta)
  addm(nm, "ordinal", e, sqrt(diag(vcov(o)))[names(e)], o$df.residual)  # degf - length(beta)
}
write.csv(do.call(rbind, mods), out("survey_design_models.csv"), row.names = FALSE)

# --- lonely PSU: apistrat with one school (snum 1622) made a stratum of its own ---
ap <- read_ref("apistrat")
ap$stratum <- ifelse(ap$snum == 1622, "X", ap$stype)
lon <- list()
for (opt in c("adjust", "average", "remove", "certainty")) {
  options(survey.lonely.psu = opt)
  des <- svydesign(ids = ~1, strata = ~stratum, weights = ~pw, data = ap)
  m <- svymean(~api00, des)
  by <- svyby(~api00, ~awards, des, svymean)
  lon[[length(lon) + 1]] <- data.frame(lonely_psu = opt, group = c("All", "No", "Yes"),
    estimate = c(coef(m)[[1]], by$api00), se = c(SE(m)[[1]], by$se))
  # the dense variance (models, Rao-Scott) under the same option
  fit <- svyglm(api00 ~ ell + meals, design = des)
  lon[[length(lon) + 1]] <- data.frame(lonely_psu = opt, group = paste0("svyglm:", names(coef(fit))),
    estimate = unname(coef(fit)), se = unname(SE(fit)))
  r <- svychisq(~awards + stype, des)
  lon[[length(lon) + 1]] <- data.frame(lonely_psu = opt, group = "svychisq", estimate = unname(r$statistic),
    se = unname(r$parameter[1]))
}
options(survey.lonely.psu = "fail")
write.csv(do.call(rbind, lon), out("survey_design_lonely.csv"), row.names = FALSE)

# --- raked weights carried into the variance: rake() of svydesign(ids = ~dnum, weights = ~pw,
# data = apiclus1) to the population counts of stype and sch_wide (?survey::rake), raked to
# convergence; estimates with the calibration in the variance ---
cl <- prep(read_ref("apiclus1"))
dr <- rake(svydesign(ids = ~dnum, weights = ~pw, data = cl), list(~stype, ~sch_wide),
           list(data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018)),
                data.frame(sch_wide = c("No", "Yes"), Freq = c(1072, 5122))),
           control = list(maxit = 200, epsilon = 1e-12, verbose = FALSE))
rk <- list()
addr <- function(estimator, outcome, group, value, se) {
  rk[[length(rk) + 1]] <<- data.frame(estimator = estimator, outcome = outcome, group = group,
                                      estimate = value, se = se)
}
for (y in c("api00", "api00_na")) {
  m <- svymean(as.formula(paste0("~", y)), dr, na.rm = TRUE)
  addr("svymean", y, "All", coef(m)[[1]], SE(m)[[1]])
  by <- svyby(as.formula(paste0("~", y)), ~awards, dr, svymean, na.rm = TRUE)
  for (g in c("No", "Yes")) addr("svymean", y, g, by[g, y], by[g, "se"])
}
t <- svytotal(~awards01, dr)
addr("svytotal", "awards01", "All", coef(t)[[1]], SE(t)[[1]])
byt <- svyby(~awards01, ~stype, dr, svytotal)
for (g in c("E", "H", "M")) addr("svytotal", "awards01", g, byt[g, "awards01"], byt[g, "se"])
fit <- svyglm(awards01 ~ ell + meals, design = dr, family = quasibinomial, control = tight)
for (j in names(coef(fit))) addr("svyglm", "awards01", j, coef(fit)[[j]], SE(fit)[[j]])
r <- svychisq(~awards + stype, dr)
addr("svychisq", "awards", "F", unname(r$statistic), unname(r$parameter[1]))
write.csv(do.call(rbind, rk), out("survey_design_raked.csv"), row.names = FALSE)
