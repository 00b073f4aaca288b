# Reference values for toolkit.evaluate.prepost (pre_post, attrition).
# Run from the repository root:  Rscript tests/reference/evaluate_prepost.R
# Writes the data it uses to tests/reference/data/ and the results to
# tests/reference/evaluate_prepost_*.csv. Base R + MASS only (no MBESS/effectsize):
# noncentral-t confidence limits are found with uniroot() on pt(q, df, ncp)
# (Steiger & Fouladi 1997; Kelley 2007, J Stat Softw 20(8)).
suppressMessages(library(MASS))
out <- "tests/reference"
dir.create(file.path(out, "data"), showWarnings = FALSE, recursive = TRUE)
wcsv <- function(x, name) write.csv(x, file.path(out, name), row.names = FALSE)

# ---- data -------------------------------------------------------------------
sleep <- datasets::sleep
sleep$group <- as.integer(as.character(sleep$group))
sleep$ID <- as.integer(as.character(sleep$ID))
wcsv(sleep, "data/evaluate_sleep.csv")
tg <- datasets::ToothGrowth
tg$supp <- as.character(tg$supp)
wcsv(tg, "data/evaluate_toothgrowth.csv")
cw <- as.data.frame(datasets::ChickWeight)
cw <- data.frame(weight = as.numeric(cw$weight), Time = as.numeric(cw$Time),
                 Chick = as.integer(as.character(cw$Chick)), Diet = as.integer(as.character(cw$Diet)))
wcsv(cw, "data/evaluate_chickweight.csv")
an <- MASS::anorexia
an$subject <- seq_len(nrow(an))
an$Treat <- as.character(an$Treat)
wcsv(an, "data/evaluate_anorexia.csv")

# ---- helpers ----------------------------------------------------------------
nct_limits <- function(t, df, level = 0.95) {  # pnt() may warn about precision for large t; values checked against scipy
  a <- (1 - level) / 2
  f <- function(ncp, p) suppressWarnings(pt(t, df, ncp)) - p
  lo <- uniroot(f, c(t - 30, t + 30), p = 1 - a, tol = 1e-13)$root
  hi <- uniroot(f, c(t - 30, t + 30), p = a, tol = 1e-13)$root
  c(lo, hi)
}
hedges_j <- function(df) exp(lgamma(df / 2) - lgamma((df - 1) / 2)) / sqrt(df / 2)

paired_row <- function(name, pre, post) {
  tt <- t.test(post, pre, paired = TRUE)
  d <- post - pre; n <- length(d)
  dz <- mean(d) / sd(d)
  lim <- nct_limits(unname(tt$statistic), n - 1) / sqrt(n)
  data.frame(case = name, test = "t", n_pre = n, n_post = n, mean_pre = mean(pre), mean_post = mean(post),
             estimate = unname(tt$estimate), se = unname(tt$stderr),
             ci_low = tt$conf.int[1], ci_high = tt$conf.int[2],
             statistic = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value,
             effect_size = dz, effect_size_ci_low = lim[1], effect_size_ci_high = lim[2])
}
indep_row <- function(name, pre, post, var.equal) {
  tt <- t.test(post, pre, var.equal = var.equal)
  n1 <- length(pre); n2 <- length(post); df <- n1 + n2 - 2
  sp <- sqrt(((n1 - 1) * var(pre) + (n2 - 1) * var(post)) / df)
  d <- (mean(post) - mean(pre)) / sp
  tpool <- d * sqrt(n1 * n2 / (n1 + n2))
  lim <- nct_limits(tpool, df) / sqrt(n1 * n2 / (n1 + n2))
  J <- hedges_j(df)
  data.frame(case = name, test = if (var.equal) "pooled" else "welch", n_pre = n1, n_post = n2,
             mean_pre = mean(pre), mean_post = mean(post),
             estimate = mean(post) - mean(pre), se = unname(tt$stderr),
             ci_low = tt$conf.int[1], ci_high = tt$conf.int[2],
             statistic = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value,
             effect_size = J * d, effect_size_ci_low = J * lim[1], effect_size_ci_high = J * lim[2])
}
# Rank-biserial confidence limits: Fisher z with the null-distribution SE
# (as documented for effectsize::rank_biserial, Ben-Shachar et al. 2020).
signed_rank_row <- function(name, pre, post) {
  wt <- suppressWarnings(wilcox.test(post, pre, paired = TRUE))
  d <- post - pre; d <- d[d != 0]; nd <- length(d)
  r <- rank(abs(d)); vplus <- sum(r[d > 0]); vminus <- sum(r[d < 0])
  rb <- (vplus - vminus) / (vplus + vminus)
  maxw <- nd * (nd + 1) / 2
  se <- sqrt((nd * (nd + 1) * (2 * nd + 1) / 6) / maxw^2)
  lim <- tanh(atanh(rb) + c(-1, 1) * qnorm(0.975) * se)
  dd <- post - pre; walsh <- outer(dd, dd, "+") / 2
  hl <- median(walsh[upper.tri(walsh, diag = TRUE)])   # Hodges-Lehmann: median of Walsh averages
  data.frame(case = name, test = "rank", n_pre = length(pre), n_post = length(post),
             mean_pre = mean(pre), mean_post = mean(post), estimate = hl, se = NA,
             ci_low = NA, ci_high = NA, statistic = unname(wt$statistic), df = NA, p = wt$p.value,
             effect_size = rb, effect_size_ci_low = lim[1], effect_size_ci_high = lim[2])
}
rank_sum_row <- function(name, pre, post) {
  wt <- suppressWarnings(wilcox.test(post, pre))
  n1 <- length(post); n2 <- length(pre)
  rb <- 2 * unname(wt$statistic) / (n1 * n2) - 1
  se <- sqrt((n1 + n2 + 1) / (3 * n1 * n2))
  lim <- tanh(atanh(rb) + c(-1, 1) * qnorm(0.975) * se)
  # Cliff's delta computed directly, as a check of the identity with the rank-biserial r
  cd <- mean(sign(outer(post, pre, "-")))
  stopifnot(abs(cd - rb) < 1e-12)
  hl <- median(outer(post, pre, "-"))   # Hodges-Lehmann shift: median of all differences
  data.frame(case = name, test = "rank", n_pre = n2, n_post = n1,
             mean_pre = mean(pre), mean_post = mean(post), estimate = hl, se = NA,
             ci_low = NA, ci_high = NA, statistic = unname(wt$statistic), df = NA, p = wt$p.value,
             effect_size = rb, effect_size_ci_low = lim[1], effect_size_ci_high = lim[2])
}

# ---- cases ------------------------------------------------------------------
s1 <- sleep$extra[sleep$group == 1][order(sleep$ID[sleep$group == 1])]
s2 <- sleep$extra[sleep$group == 2][order(sleep$ID[sleep$group == 2])]
oj <- tg$len[tg$supp == "OJ"]; vc <- tg$len[tg$supp == "VC"]
cw0 <- cw[cw$Time == 0, ]; cw21 <- cw[cw$Time == 21, ]
both <- intersect(cw0$Chick, cw21$Chick)
cw_pre <- cw0$weight[match(both, cw0$Chick)]; cw_post <- cw21$weight[match(both, cw21$Chick)]
cbt <- an[an$Treat == "CBT", ]

res <- rbind(
  paired_row("sleep", s1, s2),
  signed_rank_row("sleep", s1, s2),
  indep_row("toothgrowth", vc, oj, var.equal = FALSE),   # pre = VC, post = OJ
  indep_row("toothgrowth", vc, oj, var.equal = TRUE),
  rank_sum_row("toothgrowth", vc, oj),
  paired_row("chickweight", cw_pre, cw_post),            # 45 chicks seen on day 0 and day 21
  indep_row("chickweight_unlinked", cw0$weight, cw21$weight, var.equal = FALSE),
  paired_row("anorexia_cbt", cbt$Prewt, cbt$Postwt),
  signed_rank_row("anorexia_cbt", cbt$Prewt, cbt$Postwt)
)
wcsv(res, "evaluate_prepost_tests.csv")

# ---- attrition: chicks seen on day 0 but not on day 21 -----------------------
cw0$dropped <- !(cw0$Chick %in% cw21$Chick)
ret <- cw0[!cw0$dropped, ]; drp <- cw0[cw0$dropped, ]
tw <- t.test(drp$weight, ret$weight)   # Welch
smd_w <- (mean(drp$weight) - mean(ret$weight)) / sqrt((var(drp$weight) + var(ret$weight)) / 2)
tab <- table(factor(cw0$dropped), factor(cw0$Diet))
cs <- suppressWarnings(chisq.test(tab, correct = FALSE))
rows <- data.frame(covariate = "weight", level = NA, n_retained = nrow(ret), n_dropped = nrow(drp),
                   mean_retained = mean(ret$weight), mean_dropped = mean(drp$weight), smd = smd_w,
                   statistic = unname(tw$statistic), df = unname(tw$parameter), p = tw$p.value)
for (lev in sort(unique(cw0$Diet))) {
  p1 <- mean(drp$Diet == lev); p0 <- mean(ret$Diet == lev)
  rows <- rbind(rows, data.frame(covariate = "Diet", level = lev, n_retained = nrow(ret), n_dropped = nrow(drp),
                                 mean_retained = p0, mean_dropped = p1,
                                 smd = (p1 - p0) / sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2),
                                 statistic = unname(cs$statistic), df = unname(cs$parameter), p = cs$p.value))
}
wcsv(rows, "evaluate_prepost_attrition.csv")
wcsv(data.frame(dropped = sort(drp$Chick)), "evaluate_prepost_attrition_ids.csv")
cat("done\n")
