# Reference values for toolkit.qual.agreement (Cohen's kappa).
# Run from the repository root:  Rscript tests/reference/agreement.R
# Writes tests/reference/agreement_kappa.csv and the data it used to
# tests/reference/data/agreement_bfi.csv (psych::bfi items A2 and A3, complete rows).
library(psych)
out_dir <- "tests/reference"
d <- psych::bfi[, c("A2", "A3")]
d <- d[complete.cases(d), ]
write.csv(d, file.path(out_dir, "data", "agreement_bfi.csv"), row.names = FALSE)
k <- psych::cohen.kappa(d)
res <- data.frame(
  case = c("bfi_A2_A3_unweighted", "bfi_A2_A3_weighted"),
  estimate = c(k$kappa, k$weighted.kappa),
  se = c(sqrt(k$var.kappa), sqrt(k$var.weighted)),
  ci_low = k$confid[, "lower"],
  ci_high = k$confid[, "upper"],
  n = k$n.obs
)
# Wikipedia's worked example (50 proposals: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)
t2 <- psych::cohen.kappa(matrix(c(20, 10, 5, 15), 2))
res <- rbind(res, data.frame(case = "wikipedia_2x2", estimate = t2$kappa,
  se = sqrt(t2$var.kappa), ci_low = t2$confid[1, "lower"], ci_high = t2$confid[1, "upper"], n = 50))
write.csv(res, file.path(out_dir, "agreement_kappa.csv"), row.names = FALSE)
print(res, digits = 10)
