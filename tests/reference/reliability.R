# Reference values for toolkit.survey.reliability and toolkit.survey.scales.
#
# Run from the repository root:   Rscript tests/reference/reliability.R
# Writes (committed; the Python tests read them, CI has no R):
#   tests/reference/data/bfi.csv              psych::bfi, 2800 x 28, NA written as empty
#   tests/reference/reliability_alpha.csv     one row per scale x missing-data rule
#   tests/reference/reliability_items.csv     one row per scale x missing rule x item
#   tests/reference/reliability_scores.csv    psych::scoreItems person means
#
# Tested with R 4.2, psych 2.2.9, GPArotation (needed by psych::omega).
suppressPackageStartupMessages({
  library(psych)
  library(GPArotation)
})

out <- function(name) file.path("tests", "reference", name)

data(bfi, package = "psych")
write.csv(bfi, out("data/bfi.csv"), row.names = FALSE, na = "")
bfi <- read.csv(out("data/bfi.csv"))   # read back: R and Python use identical data

# psych::bfi.keys: A1, C4, C5, E1, E2, O2, O5 are reverse keyed.
scales <- list(
  A = c("A1", "A2", "A3", "A4", "A5"),
  C = c("C1", "C2", "C3", "C4", "C5"),
  E = c("E1", "E2", "E3", "E4", "E5"),
  N = c("N1", "N2", "N3", "N4", "N5"),
  O = c("O1", "O2", "O3", "O4", "O5")
)
reverse <- c("A1", "C4", "C5", "E1", "E2", "O2", "O5")

alpha_rows <- list()
item_rows <- list()
for (s in names(scales)) {
  items <- scales[[s]]
  for (missing in c("pairwise", "listwise")) {
    x <- bfi[, items]
    if (missing == "listwise") x <- na.omit(x)
    keys <- items[items %in% reverse]
    # psych::alpha(x, keys = keys)   (use = "pairwise" is its default)
    a <- psych::alpha(x, keys = if (length(keys)) keys else NULL, warnings = FALSE)
    # psych::omega(x, nfactors = 1): minres one-factor fit on cor(x, use = "pairwise")
    o <- suppressWarnings(suppressMessages(
      psych::omega(x, nfactors = 1, plot = FALSE)))
    z <- qnorm(0.975)
    alpha_rows[[length(alpha_rows) + 1]] <- data.frame(
      scale = s, missing = missing, n = nrow(x), k = length(items),
      alpha = a$total$raw_alpha, alpha_std = a$total$std.alpha,
      feldt_low = as.numeric(unlist(a$feldt$lower.ci)),
      feldt_high = as.numeric(unlist(a$feldt$upper.ci)),
      ase = a$total$ase,
      duhachek_low = a$total$raw_alpha - z * a$total$ase,
      duhachek_high = a$total$raw_alpha + z * a$total$ase,
      average_r = a$total$average_r,
      omega_total = o$omega.tot)
    st <- a$item.stats
    item_rows[[length(item_rows) + 1]] <- data.frame(
      scale = s, missing = missing, item = items,
      n = st$n, mean = st$mean, sd = st$sd, r_drop = st$r.drop,
      alpha_if_dropped = a$alpha.drop$raw_alpha,
      alpha_std_if_dropped = a$alpha.drop$std.alpha)
  }
}
write.csv(do.call(rbind, alpha_rows), out("reliability_alpha.csv"), row.names = FALSE)
write.csv(do.call(rbind, item_rows), out("reliability_items.csv"), row.names = FALSE)

# Scale scores: psych::scoreItems(keys, bfi, totals = FALSE, impute = "none", min = 1, max = 6)
# -> mean of the answered items, reversed items scored as 1 + 6 - x.
keys_list <- lapply(scales, function(items)
  ifelse(items %in% reverse, paste0("-", items), items))
sc <- psych::scoreItems(keys_list, bfi[, unlist(scales)], totals = FALSE,
                        impute = "none", min = 1, max = 6)
scores <- as.data.frame(sc$scores)
for (s in names(scales)) {
  scores[[paste0(s, "_n_answered")]] <- rowSums(!is.na(bfi[, scales[[s]]]))
}
scores <- cbind(row = seq_len(nrow(bfi)), scores)
write.csv(scores, out("reliability_scores.csv"), row.names = FALSE)
cat("done\n")
