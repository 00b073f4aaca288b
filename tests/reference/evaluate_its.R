# Reference values for toolkit.evaluate.its.
# Run from the repository root:  Rscript tests/reference/evaluate_its.R
# Data: evaluate_sicily.csv, acute coronary events in Sicily 2002-2006 around the smoking ban of
# January 2005 (Lopez Bernal, Cummins & Gasparrini 2017, Int J Epidemiol tutorial data);
# datasets::Seatbelts (UK front- and rear-seat passengers killed, seat-belt law February 1983).
suppressMessages({library(sandwich); library(MASS)})
out <- "tests/reference/"
si <- read.csv(file.path(out, "data/evaluate_sicily.csv"))
si$t <- si$time - 1
t0 <- 36                                  # January 2005 = month 37 (t = 36)
si$post <- as.numeric(si$t >= t0)
si$tsince <- si$post * (si$t - t0)
for (j in 1:2) { si[[paste0("sin", j)]] <- sin(2 * pi * j * (si$month - 1) / 12)
                 si[[paste0("cos", j)]] <- cos(2 * pi * j * (si$month - 1) / 12) }
si$rate <- si$aces / si$stdpop * 1e5
L <- floor(4 * (nrow(si) / 100)^(2 / 9))  # = 3
res <- list(); diag <- list()
add <- function(name, fit) {
  V <- NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)
  k <- c("(Intercept)", "t", "post", "tsince")
  res[[length(res) + 1]] <<- data.frame(model = name, term = c("baseline", "pre_trend", "level_change", "slope_change"),
                                         estimate = coef(fit)[k], se = sqrt(diag(V)[k]))
  e <- residuals(fit, type = "pearson")
  lb <- Box.test(e, lag = 12, type = "Ljung-Box")
  diag[[length(diag) + 1]] <<- data.frame(model = name, durbin_watson = sum(diff(e)^2) / sum(e^2),
                                          ljung_box_stat = unname(lb$statistic), ljung_box_p = lb$p.value,
                                          theta = if (!is.null(fit$theta)) fit$theta else NA)
}
add("gaussian", lm(rate ~ t + post + tsince, data = si))
add("poisson", glm(aces ~ t + post + tsince + offset(log(stdpop)), family = poisson, data = si))
add("poisson_fourier", glm(aces ~ t + post + tsince + sin1 + cos1 + sin2 + cos2 + offset(log(stdpop)),
                           family = poisson, data = si))
add("negbin_fourier", glm.nb(aces ~ t + post + tsince + sin1 + cos1 + sin2 + cos2 + offset(log(stdpop)),
                             data = si, control = glm.control(epsilon = 1e-12, maxit = 100)))
si$m <- factor(si$month)
add("poisson_month", glm(aces ~ t + post + tsince + m + offset(log(stdpop)), family = poisson, data = si))

# Controlled ITS: Seatbelts front (law) vs rear (comparison) seat passengers killed, Poisson,
# stacked with interactions; Driscoll-Kraay: vcovPL(cluster = ~series, order.by = ~t, lag = L)
sb <- as.data.frame(Seatbelts)
sb$t <- seq_len(nrow(sb)) - 1
sb$month <- rep(1:12, length.out = nrow(sb))
write.csv(data.frame(year = floor(time(Seatbelts)), month = sb$month, front = sb$front, rear = sb$rear,
                     law = sb$law), file.path(out, "data/evaluate_seatbelts.csv"), row.names = FALSE)
t0s <- which(sb$law == 1)[1] - 1
long <- rbind(data.frame(t = sb$t, y = sb$front, x = 1), data.frame(t = sb$t, y = sb$rear, x = 0))
long$post <- as.numeric(long$t >= t0s); long$tsince <- long$post * (long$t - t0s)
long$series <- long$x
Ls <- floor(4 * (nrow(sb) / 100)^(2 / 9))
fit <- glm(y ~ t + post + tsince + x + x:t + x:post + x:tsince, family = poisson, data = long)
V <- vcovPL(fit, cluster = ~series, order.by = ~t, lag = Ls, adjust = FALSE, prewhite = FALSE)
k <- c("x", "t:x", "post:x", "tsince:x", "post", "tsince")
res[[length(res) + 1]] <- data.frame(model = "cits_poisson",
  term = c("baseline", "pre_trend", "level_change", "slope_change", "comparison_level_change", "comparison_slope_change"),
  estimate = coef(fit)[k], se = sqrt(diag(V)[k]))
write.csv(do.call(rbind, res), file.path(out, "evaluate_its_coef.csv"), row.names = FALSE)
write.csv(do.call(rbind, diag), file.path(out, "evaluate_its_diag.csv"), row.names = FALSE)
cat("done\n")
