# Reference values for toolkit.evaluate.its(se = "ar1").
# Run from the repository root:  Rscript tests/reference/evaluate_its_ar1.R
# Data: evaluate_sicily.csv (written by evaluate_its.R; Lopez Bernal et al. 2017 tutorial data).
# Gaussian: nlme::gls with AR(1) errors by REML (nlme's default method).
# Counts: glm / MASS::glm.nb coefficients; the working (IRLS) regression at convergence,
# sqrt(w) z = sqrt(w) X b + e with z = X b + (y - mu) / mu, gets AR(1) errors by REML
# (nlme::gls with weights varFixed(~ 1 / w)), and V = B X' W^1/2 (phi R) W^1/2 X B,
# B = (X' W X)^-1 (Zeger 1988).
suppressMessages({library(nlme); library(MASS)})
out <- "tests/reference/"
si <- read.csv(file.path(out, "data/evaluate_sicily.csv"))
si$t <- si$time - 1
t0 <- 36
si$post <- as.numeric(si$t >= t0)
si$tsince <- si$post * (si$t - t0)
for (j in 1:2) { si[[paste0("sin", j)]] <- sin(2 * pi * j * (si$month - 1) / 12)
                 si[[paste0("cos", j)]] <- cos(2 * pi * j * (si$month - 1) / 12) }
si$rate <- si$aces / si$stdpop * 1e5
k <- c("(Intercept)", "t", "post", "tsince")
terms <- c("baseline", "pre_trend", "level_change", "slope_change")
ctl <- glsControl(tolerance = 1e-10, msTol = 1e-10, returnObject = TRUE)
res <- list()

g <- gls(rate ~ t + post + tsince, data = si, correlation = corAR1(form = ~ t), method = "REML", control = ctl)
rho <- unname(coef(g$modelStruct$corStruct, unconstrained = FALSE))
res[[1]] <- data.frame(model = "gaussian", term = terms, estimate = coef(g)[k],
                       se = sqrt(diag(vcov(g))[k]), rho = rho, dispersion = g$sigma^2)

count_ar1 <- function(name, fit) {
  X <- model.matrix(fit)
  mu <- fitted(fit)
  w <- if (is.null(fit$theta)) mu else mu / (1 + mu / fit$theta)
  wd <- data.frame(z = drop(X %*% coef(fit)) + (fit$y - mu) / mu, w = w, t = si$t)
  wd <- cbind(wd, X[, -1])
  names(wd) <- make.names(names(wd))
  f <- as.formula(paste("z ~", paste(make.names(colnames(X)[-1]), collapse = " + ")))
  g <- gls(f, data = wd, weights = varFixed(~ 1 / w), correlation = corAR1(form = ~ t),
           method = "REML", control = ctl)
  rho <- unname(coef(g$modelStruct$corStruct, unconstrained = FALSE))
  R <- rho^abs(outer(seq_len(nrow(X)), seq_len(nrow(X)), "-"))
  Xw <- X * sqrt(w)
  B <- solve(crossprod(Xw))
  V <- g$sigma^2 * B %*% t(Xw) %*% R %*% Xw %*% B
  data.frame(model = name, term = terms, estimate = coef(fit)[k], se = sqrt(diag(V)[k]),
             rho = rho, dispersion = g$sigma^2)
}
res[[2]] <- count_ar1("poisson", glm(aces ~ t + post + tsince + offset(log(stdpop)), family = poisson, data = si))
res[[3]] <- count_ar1("negbin_fourier",
                      glm.nb(aces ~ t + post + tsince + sin1 + cos1 + sin2 + cos2 + offset(log(stdpop)),
                             data = si, control = glm.control(epsilon = 1e-12, maxit = 100)))
write.csv(do.call(rbind, res), file.path(out, "evaluate_its_ar1.csv"), row.names = FALSE)
cat("done\n")
