# Reference values for toolkit.evaluate.mixed_anova: type II / III sums of squares,
# Mauchly's test and Greenhouse-Geisser / Huynh-Feldt corrections (issue 11).
# Run from the repository root:  Rscript tests/reference/evaluate_groups_anova.R
# R 4.2, car (afex is not packaged for Debian; afex::aov_ez calls car::Anova the same way).
# Data: carData::OBrienKaiser (16 subjects, treatment control/A/B of sizes 5/4/7; the five hourly
#       scores averaged within each phase pre/post/fup), written to data/evaluate_obrienkaiser.csv;
#       datasets::ChickWeight weighed on days 0, 4, 8, 12, 16, 21 by Diet (chicks with every
#       day only; data/evaluate_chickweight.csv is written by evaluate_groups.R).
suppressMessages(library(car))
out <- "tests/reference"

anova_rows <- function(mod, idata, within, dataset) {
  rows <- NULL
  for (ty in c(2, 3)) {
    s <- summary(Anova(mod, idata = idata, idesign = as.formula(paste("~", within)), type = ty),
                 multivariate = FALSE)
    u <- s$univariate.tests
    sph <- s$sphericity.tests
    adj <- s$pval.adjustments
    for (term in setdiff(rownames(u), "(Intercept)")) {
      has <- !is.null(sph) && term %in% rownames(sph)
      rows <- rbind(rows, data.frame(
        dataset = dataset, ss_type = ty, term = term, ss = u[term, "Sum Sq"], df = u[term, "num Df"],
        ss_resid = u[term, "Error SS"], df_resid = u[term, "den Df"], statistic = u[term, "F value"],
        p = u[term, "Pr(>F)"],
        eps_gg = if (has) adj[term, "GG eps"] else NA, p_gg = if (has) adj[term, "Pr(>F[GG])"] else NA,
        eps_hf = if (has) adj[term, "HF eps"] else NA, p_hf = if (has) adj[term, "Pr(>F[HF])"] else NA,
        mauchly_w = if (has) sph[term, "Test statistic"] else NA,
        mauchly_p = if (has) sph[term, "p-value"] else NA))
    }
  }
  # cross-check: stats::mauchly.test on the same model (car and stats share the second-order term
  # of the p-value, which uses 3 * k, k the number of times, where Anderson's formula has 3 * (k - 1))
  mt <- mauchly.test(mod, X = ~1, idata = idata)
  rows$mauchly_w_stats <- ifelse(is.na(rows$mauchly_w), NA, unname(mt$statistic))
  rows$mauchly_p_stats <- ifelse(is.na(rows$mauchly_w), NA, mt$p.value)
  rows
}

# ---- O'Brien-Kaiser: treatment x phase -----------------------------------------------
ok <- carData::OBrienKaiser
for (ph in c("pre", "post", "fup")) ok[[ph]] <- rowMeans(ok[, paste0(ph, ".", 1:5)])
ok$id <- seq_len(nrow(ok))
long <- do.call(rbind, lapply(c("pre", "post", "fup"), function(ph)
  data.frame(id = ok$id, treatment = as.character(ok$treatment), phase = ph, score = ok[[ph]])))
write.csv(long, file.path(out, "data", "evaluate_obrienkaiser.csv"), row.names = FALSE)
mod_ok <- lm(cbind(pre, post, fup) ~ treatment, data = ok, contrasts = list(treatment = contr.sum))
idata_ok <- data.frame(phase = factor(c("pre", "post", "fup"), levels = c("pre", "post", "fup")))
rows <- anova_rows(mod_ok, idata_ok, "phase", "obrienkaiser")

# ---- ChickWeight: Diet x Time, six days ------------------------------------------------
cw <- read.csv(file.path(out, "data", "evaluate_chickweight.csv"))
days <- c(0, 4, 8, 12, 16, 21)
cw <- cw[cw$Time %in% days, ]
keep <- names(which(table(cw$Chick) == length(days)))
cw <- cw[cw$Chick %in% keep, ]
wide <- reshape(cw[, c("Chick", "Diet", "Time", "weight")], direction = "wide", idvar = c("Chick", "Diet"),
                timevar = "Time")
wide$Diet <- factor(wide$Diet)
resp <- as.matrix(wide[, paste0("weight.", days)])
mod_cw <- lm(resp ~ Diet, data = wide, contrasts = list(Diet = contr.sum))
idata_cw <- data.frame(Time = factor(days, levels = days))
rows <- rbind(rows, anova_rows(mod_cw, idata_cw, "Time", "chickweight6"))
write.csv(rows, file.path(out, "evaluate_groups_anova.csv"), row.names = FALSE)
print(rows)
