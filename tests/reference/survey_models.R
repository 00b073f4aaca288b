# Reference values for toolkit.survey.models (logit, ordinal).
#
# Run from the repository root:   Rscript tests/reference/survey_models.R
# Writes tests/reference/survey_models.csv: one row per model x term with the
# log-odds estimate and its standard error.
#
# Tested with R 4.2, MASS 7.3, survey 4.1-1.
source(file.path("tests", "reference", "survey_data.R"))

rows <- list()
# converge fully (glm's default epsilon = 1e-8 leaves differences in the 6th decimal)
tight <- glm.control(epsilon = 1e-14, maxit = 100)
add <- function(model, est, se, n) {
  rows[[length(rows) + 1]] <<- data.frame(model = model, term = names(est),
    estimate = unname(est), se = unname(se), n = n)
}

# 1. logistic regression, model-based (ML) standard errors
infert <- read_ref("infert")
m1 <- glm(case ~ age + parity + spontaneous + induced, family = binomial, data = infert,
          control = tight)
add("infert_ml", coef(m1), sqrt(diag(vcov(m1))), nobs(m1))

# 2. the same, clustered by matched set as a survey design: svyglm on
#    svydesign(ids = ~stratum) (weights 1; variance G/(G-1) sum_g U_g U_g')
d2 <- svydesign(ids = ~stratum, data = infert)
m2 <- svyglm(case ~ age + parity + spontaneous + induced, design = d2, family = quasibinomial,
             control = tight)
add("infert_cl_stratum", coef(m2), SE(m2), nobs(m1))

# 3. weighted (probability weights), design-based: svyglm on svydesign(ids = ~1, weights = ~pw)
apistrat <- read_ref("apistrat")
des <- svydesign(ids = ~1, weights = ~pw, data = apistrat)
m3 <- svyglm(awards01 ~ ell + meals + stype, design = des, family = quasibinomial,
             control = tight)
add("apistrat_svyglm", coef(m3), sqrt(diag(vcov(m3))), nrow(apistrat))

# 4. weighted and clustered by district: svyglm on svydesign(ids = ~dnum, weights = ~pw)
apiclus1 <- read_ref("apiclus1")
d4 <- svydesign(ids = ~dnum, weights = ~pw, data = apiclus1)
m4 <- svyglm(awards01 ~ ell + meals, design = d4, family = quasibinomial, control = tight)
add("apiclus1_weighted_cl_dnum", coef(m4), SE(m4), nrow(apiclus1))

# 5. proportional-odds model, MASS::polr on MASS::housing (one row per respondent)
housing <- read_ref("housing")
housing$Sat <- factor(housing$Sat, levels = 1:3, ordered = TRUE)
housing$Infl <- factor(housing$Infl, levels = c("Low", "Medium", "High"))
housing$Type <- factor(housing$Type, levels = c("Tower", "Apartment", "Atrium", "Terrace"))
housing$Cont <- factor(housing$Cont, levels = c("Low", "High"))
m5 <- polr(Sat ~ Infl + Type + Cont, data = housing, Hess = TRUE)
est5 <- c(coef(m5), m5$zeta)
add("housing_polr", est5, sqrt(diag(vcov(m5))), nrow(housing))

# 6. the same, clustered by covariate cell (24 clusters): svyolr on svydesign(ids = ~cell)
m6 <- svyolr(Sat ~ Infl + Type + Cont, design = svydesign(ids = ~cell, data = housing))
add("housing_polr_cl_cell", coef(m6), sqrt(diag(vcov(m6))), nrow(housing))  # coef() holds zeta too

# 7. weighted proportional odds: svyolr on svydesign(ids = ~1, weights = ~w),
#    w a fixed function of the covariate cell (so the data stay public and exact)
housing$w <- 1 + (housing$cell %% 5) / 2
write.csv(data.frame(w = housing$w), out("data/survey_housing_weights.csv"), row.names = FALSE)
dh <- svydesign(ids = ~1, weights = ~w, data = housing)
m7 <- svyolr(Sat ~ Infl + Type + Cont, design = dh)
add("housing_svyolr", coef(m7), sqrt(diag(vcov(m7))), nrow(housing))

write.csv(do.call(rbind, rows), out("survey_models.csv"), row.names = FALSE)
