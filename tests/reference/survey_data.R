# Export the public R data sets the survey reference scripts use, so that R and
# Python read identical files. Sourced by the other tests/reference/survey_*.R scripts.
#
#   tests/reference/data/survey_apistrat.csv   survey::apistrat (200 schools), selected columns
#   tests/reference/data/survey_apiclus1.csv   survey::apiclus1 (183 schools), selected columns
#   tests/reference/data/survey_housing.csv    MASS::housing expanded to one row per
#                                              respondent (1681 rows; Freq -> rows)
#   tests/reference/data/survey_infert.csv     datasets::infert (248 rows)
suppressPackageStartupMessages({
  library(survey)
  library(MASS)
})

out <- function(name) file.path("tests", "reference", name)

data(api, package = "survey")
api_cols <- c("snum", "dnum", "stype", "sch.wide", "awards", "both", "comp.imp",
              "yr.rnd", "api00", "api99", "ell", "meals", "pw", "fpc")
for (nm in c("apistrat", "apiclus1")) {
  d <- get(nm)[, api_cols]
  names(d) <- gsub(".", "_", names(d), fixed = TRUE)
  d$awards01 <- as.integer(d$awards == "Yes")
  d$sch_wide01 <- as.integer(d$sch_wide == "Yes")
  d$both01 <- as.integer(d$both == "Yes")
  d$stype <- as.character(d$stype)
  for (v in c("sch_wide", "awards", "both", "comp_imp", "yr_rnd")) d[[v]] <- as.character(d[[v]])
  write.csv(d, out(paste0("data/survey_", nm, ".csv")), row.names = FALSE, na = "")
}

data(housing, package = "MASS")
h <- housing[rep(seq_len(nrow(housing)), housing$Freq), c("Sat", "Infl", "Type", "Cont")]
h$Sat <- as.integer(h$Sat)            # 1 = Low, 2 = Medium, 3 = High
h$cell <- as.integer(interaction(h$Infl, h$Type, h$Cont, drop = TRUE))
write.csv(h, out("data/survey_housing.csv"), row.names = FALSE)

data(infert, package = "datasets")
write.csv(infert, out("data/survey_infert.csv"), row.names = FALSE)

read_ref <- function(name) read.csv(out(paste0("data/survey_", name, ".csv")))
