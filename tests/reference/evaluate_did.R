# Reference values for toolkit.evaluate.did / event_study / staggered_did.
# Run from the repository root:  Rscript tests/reference/evaluate_did.R
# Data (committed in tests/reference/data/):
#   evaluate_organ_donations.csv  Kessler & Roth (2014) organ donation rates, 27 states x 6 quarters,
#                                 California's active-choice question from Q3 2011 (The Effect, ch. 18;
#                                 from the MIT-licensed PyPI package causaldata 0.1.5)
#   evaluate_castle.csv           Cheng & Hoekstra (2013) castle-doctrine state panel 2000-2010
#                                 (The Mixtape; causaldata 0.1.5)
suppressMessages({library(sandwich)})
out <- "tests/reference/"
od <- read.csv(file.path(out, "data/evaluate_organ_donations.csv"))
ca <- read.csv(file.path(out, "data/evaluate_castle.csv"))

twfe <- function(formula, data, cluster, nested_k) {
  fit <- lm(formula, data = data)
  n <- nobs(fit); G <- length(unique(data[[cluster]]))
  v_all <- vcovCL(fit, cluster = data[[cluster]], type = "HC1")            # every dummy counted in K
  v0 <- vcovCL(fit, cluster = data[[cluster]], type = "HC0", cadjust = FALSE)
  v_nested <- v0 * G / (G - 1) * (n - 1) / (n - nested_k)                  # K = slopes + T
  list(fit = fit, v_all = v_all, v_nested = v_nested, G = G, n = n)
}
rows <- list()
# organ donations: lm(Rate ~ Treated + factor(State) + factor(Quarter_Num))
r <- twfe(Rate ~ Treated + factor(State) + factor(Quarter_Num), od, "State", 1 + 6)
rows[[1]] <- data.frame(data = "organ", term = "Treated", estimate = coef(r$fit)[["Treated"]],
  se_all = sqrt(r$v_all["Treated", "Treated"]), se_nested = sqrt(r$v_nested["Treated", "Treated"]))
# castle: lm(l_homicide ~ post + factor(sid) + factor(year))
r <- twfe(l_homicide ~ post + factor(sid) + factor(year), ca, "sid", 1 + 11)
rows[[2]] <- data.frame(data = "castle", term = "post", estimate = coef(r$fit)[["post"]],
  se_all = sqrt(r$v_all["post", "post"]), se_nested = sqrt(r$v_nested["post", "post"]))
write.csv(do.call(rbind, rows), file.path(out, "evaluate_did_twfe.csv"), row.names = FALSE)

# event study on castle: relative-time dummies (never-treated all zero), reference e = -1,
# ends binned at -5 and +4; CR1 with every dummy counted (vcovCL HC1); Wald F of the leads.
adopt <- sapply(split(ca, ca$sid), function(d) if (any(d$post == 1)) min(d$year[d$post == 1]) else NA)
ca$adopt <- adopt[as.character(ca$sid)]
ca$rel <- pmin(pmax(ca$year - ca$adopt, -5), 4)
evs <- setdiff(-5:4, -1)
for (e in evs) ca[[paste0("ev", ifelse(e < 0, paste0("m", -e), e))]] <- as.numeric(!is.na(ca$rel) & ca$rel == e)
evn <- paste0("ev", ifelse(evs < 0, paste0("m", -evs), evs))
fit <- lm(as.formula(paste("l_homicide ~", paste(evn, collapse = "+"), "+ factor(sid) + factor(year)")), data = ca)
V <- vcovCL(fit, cluster = ca$sid, type = "HC1")
es <- data.frame(event_time = evs, estimate = coef(fit)[evn], se = sqrt(diag(V)[evn]))
leads <- evn[evs < -1]
b <- coef(fit)[leads]; F <- as.numeric(t(b) %*% solve(V[leads, leads]) %*% b) / length(leads)
G <- length(unique(ca$sid))
es_pre <- data.frame(statistic = F, df1 = length(leads), df2 = G - 1, p = pf(F, length(leads), G - 1, lower.tail = FALSE))
write.csv(es, file.path(out, "evaluate_did_event.csv"), row.names = FALSE)
write.csv(es_pre, file.path(out, "evaluate_did_event_pretrend.csv"), row.names = FALSE)

# Callaway & Sant'Anna ATT(g,t) on castle, never-treated controls, varying base period:
# each cell is the 2x2 regression lm(dY ~ D) on cohort g and never-treated states, with the
# HC0 standard error (= the analytic influence-function se of R package did without covariates).
Y <- tapply(ca$l_homicide, list(ca$sid, ca$year), mean)
A <- adopt[rownames(Y)]
years <- as.integer(colnames(Y))
cs <- list()
for (g in sort(unique(na.omit(A)))) {
  for (ti in 2:length(years)) {
    t <- years[ti]; base <- if (t >= g) g - 1 else t - 1
    keep <- (!is.na(A) & A == g) | is.na(A)
    dy <- Y[keep, as.character(t)] - Y[keep, as.character(base)]
    D <- as.numeric(!is.na(A[keep]) & A[keep] == g)
    f <- lm(dy ~ D)
    cs[[length(cs) + 1]] <- data.frame(group = g, time = t, estimate = coef(f)[["D"]],
                                       se = sqrt(vcovHC(f, type = "HC0")["D", "D"]),
                                       n_g = sum(D))
  }
}
cs <- do.call(rbind, cs)
write.csv(cs, file.path(out, "evaluate_did_cs_gt.csv"), row.names = FALSE)
post <- cs[cs$time >= cs$group, ]
simple <- sum(post$estimate * post$n_g) / sum(post$n_g)
cs$e <- cs$time - cs$group
dyn <- do.call(rbind, lapply(split(cs, cs$e), function(d) data.frame(event_time = d$e[1],
  estimate = sum(d$estimate * d$n_g) / sum(d$n_g))))
write.csv(rbind(data.frame(aggregation = "simple", event_time = NA, estimate = simple),
                data.frame(aggregation = "dynamic", dyn)),
          file.path(out, "evaluate_did_cs_agg.csv"), row.names = FALSE)

# Not-yet-treated controls (Callaway & Sant'Anna 2021, eq. 2.7; R did::att_gt(control_group =
# "notyettreated"), varying base period): for cell (g, t) the controls are the never-treated
# states and those adopting after t (cohort g itself excluded); same 2x2 regression and HC0 se.
csn <- list()
for (g in sort(unique(na.omit(A)))) {
  for (ti in 2:length(years)) {
    t <- years[ti]; base <- if (t >= g) g - 1 else t - 1
    ctrl <- is.na(A) | (A > t & A != g)
    keep <- (!is.na(A) & A == g) | ctrl
    if (!any(ctrl)) next
    dy <- Y[keep, as.character(t)] - Y[keep, as.character(base)]
    D <- as.numeric(!is.na(A[keep]) & A[keep] == g)
    f <- lm(dy ~ D)
    csn[[length(csn) + 1]] <- data.frame(group = g, time = t, estimate = coef(f)[["D"]],
                                         se = sqrt(vcovHC(f, type = "HC0")["D", "D"]))
  }
}
write.csv(do.call(rbind, csn), file.path(out, "evaluate_did_cs_notyet.csv"), row.names = FALSE)
# Group aggregation (did::aggte(type = "group")): theta(g) = mean of ATT(g, t) over t >= g;
# overall = theta(g) weighted by cohort size. Dynamic overall (did::aggte(type = "dynamic")
# overall.att): plain mean of the event-time effects for e >= 0.
theta <- sapply(split(post, post$group), function(d) mean(d$estimate))
size <- sapply(split(post, post$group), function(d) d$n_g[1])
grp <- data.frame(group = c(as.integer(names(theta)), NA),
                  estimate = c(unname(theta), sum(theta * size) / sum(size)))
grp <- rbind(grp, data.frame(group = NA, estimate = mean(dyn$estimate[dyn$event_time >= 0])))
grp$aggregation <- c(rep("group", length(theta) + 1), "dynamic_overall")
write.csv(grp, file.path(out, "evaluate_did_cs_group.csv"), row.names = FALSE)

# Restricted wild cluster bootstrap (WCR), Rademacher weights, full enumeration of 2^10 sign
# patterns, brute force with lm(): California and the first 9 control states alphabetically.
sub <- od[od$State %in% c("California", head(sort(setdiff(unique(od$State), "California")), 9)), ]
cl <- as.integer(factor(sub$State))
Gs <- max(cl)
fitu <- lm(Rate ~ Treated + factor(State) + factor(Quarter_Num), data = sub)
cr0 <- function(f) sqrt(vcovCL(f, cluster = cl, type = "HC0", cadjust = FALSE)["Treated", "Treated"])
se_u <- cr0(fitu); b_u <- coef(fitu)[["Treated"]]
signs <- as.matrix(expand.grid(rep(list(c(1, -1)), Gs)))
wcr <- list()
for (b0 in c(0, -0.01, -0.02, -0.03, -0.045)) {
  fitr <- lm(I(Rate - b0 * Treated) ~ factor(State) + factor(Quarter_Num), data = sub)
  yhat_r <- fitted(fitr) + b0 * sub$Treated; u_r <- residuals(fitr)
  t_obs <- (b_u - b0) / se_u
  tstar <- apply(signs, 1, function(v) {
    ys <- yhat_r + u_r * v[cl]
    f <- lm(ys ~ Treated + factor(State) + factor(Quarter_Num), data = sub)
    (coef(f)[["Treated"]] - b0) / cr0(f)
  })
  wcr[[length(wcr) + 1]] <- data.frame(beta0 = b0, t = t_obs,
                                       p = mean(abs(tstar) >= abs(t_obs) * (1 - 1e-9)))
}
write.csv(do.call(rbind, wcr), file.path(out, "evaluate_did_wcr.csv"), row.names = FALSE)
cat("done\n")
