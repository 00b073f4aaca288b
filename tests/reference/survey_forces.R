# Reference values for toolkit.survey.forces (tests/test_forces.py): resourcing totals,
# each force against the rest, and wave-on-wave change, with R's survey package.
#
# Data: survey::api (apistrat, apiclus1, as exported to tests/reference/data/survey_api*.csv)
# with derived 0/1 "harm", "reported", "support" and "trained" items and a few missing
# values, and the synthetic study (tests/reference/data/survey_forces_synth.csv, written
# from toolkit.synth.survey.make_survey(20240301, n_per_wave=800)).
#
# Run from the repository root:  Rscript tests/reference/survey_forces.R
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")

anyof <- function(...) {
  m <- cbind(...)
  hit <- rowSums(m == 1, na.rm = TRUE) > 0
  answered <- rowSums(!is.na(m)) > 0
  ifelse(hit, 1, ifelse(answered, 0, NA))
}

# the api data as a staff survey: the same derivation is done in tests/test_forces.py
api <- function(file) {
  d <- read.csv(file, stringsAsFactors = FALSE)
  d$h1 <- d$awards01
  d$h2 <- as.numeric(d$comp_imp == "Yes")
  d$h2[d$snum %% 11 == 0] <- NA
  d$rep <- d$sch_wide01
  d$rep[d$snum %% 7 == 0] <- NA
  d$sup <- as.numeric(d$yr_rnd == "No")
  d$trn <- d$both01
  d$trn[d$snum %% 5 == 0] <- NA
  d$force <- paste0("F", d$dnum %% 5)
  d
}

rows <- list()
add <- function(...) rows[[length(rows) + 1]] <<- data.frame(..., stringsAsFactors = FALSE)

resourcing_ref <- function(name, des, by, measures) {
  d <- des$variables
  for (m in names(measures)) {
    des <- update(des, .x = measures[[m]])
    f <- as.formula(paste0("~", by))
    # svyby(~I(harm == 1 & !support), ~force, design, svytotal, na.rm = TRUE)
    b <- svyby(~.x, f, des, svytotal, na.rm = TRUE)
    for (g in as.character(b[[by]])) {
      sub <- subset(des, get(by) == g)
      i <- match(g, as.character(b[[by]])); est <- coef(b)[i]; se <- SE(b)[i]
      df <- degf(sub)
      ok <- !is.na(measures[[m]]) & d[[by]] == g & weights(des) > 0
      add(dataset = name, func = "resourcing", group = g, measure = m, estimate = est, se = se,
          ci_low = est - qt(0.975, df) * se, ci_high = est + qt(0.975, df) * se, df = df,
          n = sum(ok), n_events = sum(measures[[m]][ok] == 1), p = NA, p_adj = NA)
    }
    t <- svytotal(~.x, des, na.rm = TRUE)
    df <- degf(des)
    ok <- !is.na(measures[[m]]) & weights(des) > 0
    add(dataset = name, func = "resourcing", group = "All", measure = m, estimate = coef(t)[1],
        se = SE(t)[1], ci_low = coef(t)[1] - qt(0.975, df) * SE(t)[1],
        ci_high = coef(t)[1] + qt(0.975, df) * SE(t)[1], df = df, n = sum(ok),
        n_events = sum(measures[[m]][ok] == 1), p = NA, p_adj = NA)
  }
}

api_measures <- function(d) {
  harmed <- anyof(d$h1, d$h2)
  list(harmed = harmed, h1 = d$h1, h2 = d$h2,
       "harmed, not sup" = as.numeric(harmed == 1 & d$sup == 0),
       "harmed, not reported" = as.numeric(harmed == 1 & d$rep == 0),
       untrained = 1 - anyof(d$trn))
}

compare_ref <- function(name, des, by, y) {
  d <- des$variables
  des <- update(des, .y = y)
  out <- NULL
  for (g in sort(unique(d[[by]]))) {
    des <- update(des, .g = as.numeric(d[[by]] == g))
    # svyglm(y ~ I(force == g), design): the force minus the rest of the country
    fit <- svyglm(.y ~ .g, des)
    s <- summary(fit)$coefficients
    df <- fit$df.residual
    est <- s[".g", 1]; se <- s[".g", 2]
    out <- rbind(out, data.frame(dataset = name, func = "compare_forces", group = g, measure = "",
                                 estimate = est, se = se, ci_low = est - qt(0.975, df) * se,
                                 ci_high = est + qt(0.975, df) * se, df = df,
                                 n = sum(d[[by]] == g & !is.na(y)),
                                 n_events = sum(y[d[[by]] == g] == 1, na.rm = TRUE),
                                 p = s[".g", 4], p_adj = NA, stringsAsFactors = FALSE))
  }
  out$p_adj <- p.adjust(out$p, "holm")
  rows[[length(rows) + 1]] <<- out
}

cell_means <- function(des, cell) {
  # svyglm(y ~ 0 + cell, design): the cell means with their full design-based covariance
  # (svyby(~y, ~force + wave, svymean, covmat = TRUE) gives the same, but fails with na.rm)
  des <- update(des, .cell = factor(cell))
  fit <- svyglm(.y ~ 0 + .cell, des)
  names(fit$coefficients) <- sub("^\\.cell", "", names(coef(fit)))
  dimnames(fit$cov.unscaled) <- list(names(coef(fit)), names(coef(fit)))
  fit
}

change_ref <- function(name, des, by, time, y) {
  des <- update(des, .y = y)
  d <- des$variables
  waves <- sort(unique(d[[time]]))
  one <- function(g, fit, k0, k1, sub) {
    cc <- setNames(rep(0, length(coef(fit))), names(coef(fit)))
    cc[k1] <- 1; cc[k0] <- -1
    # svycontrast(cell means, later - earlier)
    ct <- svycontrast(fit, cc)
    df <- degf(sub)
    est <- coef(ct)[1]; se <- SE(ct)[1]
    add(dataset = name, func = "change_by", group = g, measure = paste(k0, k1),
        estimate = est, se = se, ci_low = est - qt(0.975, df) * se, ci_high = est + qt(0.975, df) * se,
        df = df, n = NA, n_events = NA, p = 2 * pt(-abs(est / se), df), p_adj = NA)
  }
  fit <- cell_means(des, paste(d[[by]], d[[time]], sep = "."))
  for (g in sort(unique(d[[by]]))) for (a in seq_len(length(waves) - 1))
    one(g, fit, paste(g, waves[a], sep = "."), paste(g, waves[a + 1], sep = "."),
        subset(des, d[[by]] == g & d[[time]] %in% waves[a:(a + 1)]))
  fit <- cell_means(des, as.character(d[[time]]))
  for (a in seq_len(length(waves) - 1))
    one("All", fit, as.character(waves[a]), as.character(waves[a + 1]),
        subset(des, d[[time]] %in% waves[a:(a + 1)]))
}

# ---- api, stratified (strata = stype, fpc): forces cross the strata
st <- api("tests/reference/data/survey_apistrat.csv")
dst <- svydesign(ids = ~1, strata = ~stype, fpc = ~fpc, data = st)
resourcing_ref("apistrat", dst, "force", api_measures(st))
compare_ref("apistrat", dst, "force", st$rep)

# ---- api, one-stage cluster sample (ids = ~dnum, fpc): school types share districts
cl <- api("tests/reference/data/survey_apiclus1.csv")
dcl <- svydesign(ids = ~dnum, fpc = ~fpc, weights = ~pw, data = cl)
resourcing_ref("apiclus1", dcl, "stype", api_measures(cl))
compare_ref("apiclus1", dcl, "stype", cl$rep)
cl$year <- ifelse(cl$snum %% 2 == 0, 1, 2)  # two pseudo-waves sharing the districts
dcl <- svydesign(ids = ~dnum, fpc = ~fpc, weights = ~pw, data = cl)
change_ref("apiclus1", dcl, "stype", "year", cl$rep)

# ---- synthetic study
sy <- read.csv("tests/reference/data/survey_forces_synth.csv", stringsAsFactors = FALSE)
w2 <- sy[sy$wave == 2, ]
d2 <- svydesign(ids = ~1, strata = ~force, fpc = ~headcount, data = w2)
harmed <- anyof(w2$harm_abuse, w2$harm_threats, w2$harm_doxxing, w2$harm_family)
resourcing_ref("synth", d2, "force", list(
  harmed = harmed, harm_abuse = w2$harm_abuse, harm_threats = w2$harm_threats,
  harm_doxxing = w2$harm_doxxing, harm_family = w2$harm_family,
  "harmed, not support_aware" = as.numeric(harmed == 1 & w2$support_aware == 0),
  "harmed, not support_used" = as.numeric(harmed == 1 & w2$support_used == 0),
  "harmed, not reported" = as.numeric(harmed == 1 & w2$reported == 0),
  untrained = 1 - anyof(w2$train_induction, w2$train_manager, w2$train_leadership)))
compare_ref("synth", d2, "force", w2$harm_threats)
# independent samples per wave: strata force x wave, fpc the headcount
di <- svydesign(ids = ~1, strata = ~stratum, fpc = ~headcount, data = sy)
change_ref("synth_independent", di, "force", "wave", sy$reported)
# linked panel: each person a cluster within the force
dp <- svydesign(ids = ~resp_id, strata = ~force, weights = ~w, data = sy)
change_ref("synth_panel", dp, "force", "wave", sy$reported)

res <- do.call(rbind, rows)
rownames(res) <- NULL
write.csv(res, "tests/reference/survey_forces.csv", row.names = FALSE)
print(table(res$dataset, res$func))

# ---- empirical-Bayes shrinkage (toolkit.survey.shrink_forces): metafor REML random-effects
# model on the logit of each force's proportion, and its BLUPs
suppressPackageStartupMessages(library(metafor))
shrink <- function(name, g, r, n) {
  fit <- rma(measure = "PLO", xi = r, ni = n, method = "REML", control = list(threshold = 1e-12, maxiter = 1000))
  b <- blup(fit)
  data.frame(dataset = name, group = g, n = n, n_events = r, pred = b$pred, se = b$se,
             pi.lb = b$pi.lb, pi.ub = b$pi.ub, tau2 = fit$tau2, mu = as.numeric(coef(fit)))
}
agg <- function(d, y) {
  d <- d[!is.na(d[[y]]), ]
  data.frame(force = sort(unique(d$force)), r = as.numeric(tapply(d[[y]], d$force, sum)),
             n = as.numeric(tapply(d[[y]], d$force, length)))
}
f8 <- read.csv("tests/reference/data/funnel_forces.csv")
f43 <- read.csv("tests/reference/data/funnel_43.csv")
rep2 <- agg(w2, "reported")
sh <- rbind(shrink("funnel_forces", f8$group, f8$numerator, f8$denominator),
            shrink("funnel_43", f43$group, f43$numerator, f43$denominator),
            shrink("synth_reported", rep2$force, rep2$r, rep2$n))
write.csv(sh, "tests/reference/survey_forces_shrink.csv", row.names = FALSE)
print(unique(sh[, c("dataset", "tau2", "mu")]))
