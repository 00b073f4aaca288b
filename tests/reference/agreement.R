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

# Large-sample variances of Fleiss, Cohen & Everitt (1969), Psychological Bulletin 72(5),
# 323-327, written out here (no installed R package reports them for weighted kappa;
# psych's var.weighted uses another formula). Agreement weights w (1 on the diagonal):
# identity for unweighted kappa, 1 - (i - j)^2 / (k - 1)^2 for quadratic weights.
fce <- function(tab, w) {
  n <- sum(tab); p <- tab / n; pr <- rowSums(p); pc <- colSums(p)
  po <- sum(w * p); pe <- sum(w * outer(pr, pc)); k <- (po - pe) / (1 - pe)
  wr <- as.vector(w %*% pc)   # wbar_i. = sum_j p.j w_ij
  wc <- as.vector(pr %*% w)   # wbar_.j = sum_i pi. w_ij
  sw <- outer(wr, wc, "+")
  v <- (sum(p * (w - sw * (1 - k))^2) - (k - pe * (1 - k))^2) / (n * (1 - pe)^2)
  v0 <- (sum(outer(pr, pc) * (w - sw)^2) - pe^2) / (n * (1 - pe)^2)
  data.frame(estimate = k, se = sqrt(v), se0 = sqrt(v0), statistic = k / sqrt(v0),
             p = 2 * pnorm(-abs(k / sqrt(v0))), n = n)
}
tab <- table(factor(d$A2, levels = 1:6), factor(d$A3, levels = 1:6))
kq <- 6
quad <- 1 - outer(1:kq, 1:kq, function(i, j) (i - j)^2) / (kq - 1)^2
fce_res <- rbind(
  cbind(case = "bfi_A2_A3_unweighted", fce(tab, diag(6))),
  cbind(case = "bfi_A2_A3_quadratic", fce(tab, quad)),
  cbind(case = "wikipedia_2x2", fce(matrix(c(20, 10, 5, 15), 2), diag(2)))
)
write.csv(fce_res, file.path(out_dir, "agreement_kappa_fce.csv"), row.names = FALSE)
print(fce_res, digits = 10)
