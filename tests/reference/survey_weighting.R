# Reference values for toolkit.survey.weighting.rake.
#
# Run from the repository root:   Rscript tests/reference/survey_weighting.R
# Writes tests/reference/survey_weighting_rake.csv: one row per school and scenario,
# the raked weight from survey::rake (and Kish's design effect of those weights).
#
# Tested with R 4.2, survey 4.1-1.
source(file.path("tests", "reference", "survey_data.R"))

ctrl <- list(maxit = 200, epsilon = 1e-12, verbose = FALSE)
rows <- list()

# Scenario 1: apiclus1 with its sampling weights, raked to the population counts of
# school type and sch.wide (the example in ?survey::rake).
apiclus1 <- read_ref("apiclus1")
d1 <- svydesign(ids = ~1, weights = ~pw, data = apiclus1)
pop_stype <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop_schwide <- data.frame(sch_wide = c("No", "Yes"), Freq = c(1072, 5122))
r1 <- rake(d1, list(~stype, ~sch_wide), list(pop_stype, pop_schwide), control = ctrl)
rows[[1]] <- data.frame(scenario = "apiclus1_counts", snum = apiclus1$snum, weight = weights(r1))

# Scenario 2: apistrat, equal starting weights, three margins given as proportions;
# the total is the sample size (200).
apistrat <- read_ref("apistrat")
apistrat$one <- 1
d2 <- svydesign(ids = ~1, weights = ~one, data = apistrat)
n <- nrow(apistrat)
m_stype <- data.frame(stype = c("E", "H", "M"), Freq = c(0.71, 0.12, 0.17) * n)
m_awards <- data.frame(awards = c("No", "Yes"), Freq = c(0.45, 0.55) * n)
m_yr <- data.frame(yr_rnd = c("No", "Yes"), Freq = c(0.85, 0.15) * n)
r2 <- rake(d2, list(~stype, ~awards, ~yr_rnd), list(m_stype, m_awards, m_yr), control = ctrl)
rows[[2]] <- data.frame(scenario = "apistrat_props", snum = apistrat$snum, weight = weights(r2))

res <- do.call(rbind, rows)
kish <- aggregate(weight ~ scenario, res, function(w) length(w) * sum(w^2) / sum(w)^2)
names(kish)[2] <- "deff_kish"
res <- merge(res, kish, by = "scenario", sort = FALSE)
write.csv(res, out("survey_weighting_rake.csv"), row.names = FALSE)
