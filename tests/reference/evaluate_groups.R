# Reference values for toolkit.evaluate.groups (mixed_anova, mixed_model, balance_table).
# Run from the repository root:  Rscript tests/reference/evaluate_groups.R
# Data: MASS::anorexia (weight before/after by treatment; written by evaluate_prepost.R)
#       MASS::birthwt  (smokers vs non-smokers: baseline balance), written here.
suppressMessages({library(MASS); library(lme4)})
out <- "tests/reference"
wcsv <- function(x, name) write.csv(x, file.path(out, name), row.names = FALSE)

an <- MASS::anorexia
an$subject <- seq_len(nrow(an))
long <- rbind(data.frame(subject = an$subject, Treat = an$Treat, time = "pre", weight = an$Prewt),
              data.frame(subject = an$subject, Treat = an$Treat, time = "post", weight = an$Postwt))
long$subject <- factor(long$subject)
long$time <- factor(long$time, levels = c("pre", "post"))
long$Treat <- factor(long$Treat, levels = c("CBT", "Cont", "FT"))

# ---- split-plot ANOVA: aov(weight ~ Treat * time + Error(subject/time)) --------
fit <- aov(weight ~ Treat * time + Error(subject / time), data = long)
s <- summary(fit)
rows <- NULL
for (stratum in names(s)) {
  tab <- s[[stratum]][[1]]
  terms <- trimws(rownames(tab))
  res_df <- tab[terms == "Residuals", "Df"]
  for (i in which(terms != "Residuals")) {
    rows <- rbind(rows, data.frame(stratum = stratum, term = terms[i], ss = tab[i, "Sum Sq"],
                                   df = tab[i, "Df"], df_resid = res_df, ms = tab[i, "Mean Sq"],
                                   statistic = tab[i, "F value"], p = tab[i, "Pr(>F)"]))
  }
}
wcsv(rows, "evaluate_groups_aov.csv")

# ---- three times: ChickWeight chicks weighed on days 0, 10 and 21, by Diet ----------
cw <- as.data.frame(datasets::ChickWeight)
cw <- data.frame(weight = as.numeric(cw$weight), Time = as.numeric(cw$Time),
                 Chick = as.character(cw$Chick), Diet = as.character(cw$Diet))
cw3 <- cw[cw$Time %in% c(0, 10, 21), ]
keep <- names(which(table(cw3$Chick) == 3))
cw3 <- cw3[cw3$Chick %in% keep, ]
cw3$Chick <- factor(cw3$Chick); cw3$Time <- factor(cw3$Time); cw3$Diet <- factor(cw3$Diet)
s3 <- summary(aov(weight ~ Diet * Time + Error(Chick / Time), data = cw3))
rows3 <- NULL
for (stratum in names(s3)) {
  tab <- s3[[stratum]][[1]]
  terms <- trimws(rownames(tab))
  res_df <- tab[terms == "Residuals", "Df"]
  for (i in which(terms != "Residuals")) {
    rows3 <- rbind(rows3, data.frame(stratum = stratum, term = terms[i], ss = tab[i, "Sum Sq"],
                                     df = tab[i, "Df"], df_resid = res_df, ms = tab[i, "Mean Sq"],
                                     statistic = tab[i, "F value"], p = tab[i, "Pr(>F)"]))
  }
}
wcsv(rows3, "evaluate_groups_aov_chick3.csv")

# ---- linear mixed model: lmer(weight ~ Treat * time + (1 | subject)), REML ----
m <- lmer(weight ~ Treat * time + (1 | subject), data = long, REML = TRUE)
co <- summary(m)$coefficients
fe <- data.frame(term = rownames(co), estimate = co[, 1], se = co[, 2], statistic = co[, 3],
                 p_normal = 2 * pnorm(-abs(co[, 3])))
vc <- as.data.frame(VarCorr(m))
fe <- rbind(fe, data.frame(term = c("var(subject)", "var(residual)"), estimate = vc$vcov, se = NA,
                           statistic = NA, p_normal = NA))
wcsv(fe, "evaluate_groups_lmer.csv")

# ---- baseline balance (Austin 2009 SMDs), MASS::birthwt, smokers (1) vs not (0) --
bw <- MASS::birthwt
wcsv(bw, "data/evaluate_birthwt.csv")
t1 <- bw[bw$smoke == 1, ]; t0 <- bw[bw$smoke == 0, ]
bal <- NULL
for (v in c("age", "lwt")) {
  x1 <- t1[[v]]; x0 <- t0[[v]]
  bal <- rbind(bal, data.frame(covariate = v, level = NA, mean_treated = mean(x1), mean_control = mean(x0),
                               sd_treated = sd(x1), sd_control = sd(x0),
                               smd = (mean(x1) - mean(x0)) / sqrt((var(x1) + var(x0)) / 2),
                               variance_ratio = var(x1) / var(x0)))
}
for (v in c("race", "ht")) {
  for (lev in sort(unique(bw[[v]]))) {
    p1 <- mean(t1[[v]] == lev); p0 <- mean(t0[[v]] == lev)
    bal <- rbind(bal, data.frame(covariate = v, level = lev, mean_treated = p1, mean_control = p0,
                                 sd_treated = sqrt(p1 * (1 - p1)), sd_control = sqrt(p0 * (1 - p0)),
                                 smd = (p1 - p0) / sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2),
                                 variance_ratio = NA))
  }
}
wcsv(bal, "evaluate_groups_balance.csv")
cat("done\n")
