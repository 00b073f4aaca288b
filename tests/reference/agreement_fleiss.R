# Reference values for toolkit.qual.agreement.fleiss_kappa, written out in base R
# (the irr package is not installed here; this follows Fleiss 1971 for kappa and
# Fleiss, Nee & Landis 1979 for the null variance, as irr::kappam.fleiss does).
# Run from the repository root:  Rscript tests/reference/agreement_fleiss.R
# Writes tests/reference/agreement_fleiss.csv and tests/reference/data/agreement_bfi_a1a5.csv.
library(psych)
out_dir <- "tests/reference"

fleiss <- function(counts) {          # items x categories matrix of rating counts
  N <- nrow(counts); n <- sum(counts[1, ])
  stopifnot(all(rowSums(counts) == n))
  p <- colSums(counts) / (N * n); q <- 1 - p
  Pi <- (rowSums(counts^2) - n) / (n * (n - 1))
  Pbar <- mean(Pi); Pe <- sum(p^2)
  k <- (Pbar - Pe) / (1 - Pe)
  se0 <- sqrt(2 / (N * n * (n - 1))) * sqrt(sum(p * q)^2 - sum(p * q * (q - p))) / sum(p * q)
  data.frame(estimate = k, se0 = se0, statistic = k / se0, p = 2 * pnorm(-abs(k / se0)),
             observed = Pbar, expected = Pe, n = N, n_coders = n)
}

# Wikipedia, "Fleiss' kappa", worked example: 10 items, 14 raters, 5 categories
wiki <- matrix(c(0, 0, 0, 0, 14,  0, 2, 6, 4, 2,  0, 0, 3, 5, 6,  0, 3, 9, 2, 0,
                 2, 2, 8, 1, 1,  7, 7, 0, 0, 0,  3, 2, 6, 3, 0,  2, 5, 3, 2, 2,
                 6, 5, 2, 1, 0,  0, 2, 2, 3, 7), ncol = 5, byrow = TRUE)
res <- cbind(case = "wikipedia", fleiss(wiki))

# psych::bfi items A1-A5 (complete rows) read as five "raters" of a 6-point category
d <- psych::bfi[, c("A1", "A2", "A3", "A4", "A5")]
d <- d[complete.cases(d), ]
write.csv(d, file.path(out_dir, "data", "agreement_bfi_a1a5.csv"), row.names = FALSE)
counts <- t(apply(d, 1, function(r) tabulate(r, nbins = 6)))
res <- rbind(res, cbind(case = "bfi_A1_A5", fleiss(counts)))
write.csv(res, file.path(out_dir, "agreement_fleiss.csv"), row.names = FALSE)
print(res, digits = 10)
