# Reference values for toolkit.evaluate.evidence (evidence_table): multiplicity-adjusted
# p-values with stats::p.adjust, for a family of before-and-after tests on R data sets.
# Run from the repository root:  Rscript tests/reference/evaluate_evidence.R
# (uses the data files written by evaluate_prepost.R)
out <- "tests/reference"
sleep <- read.csv(file.path(out, "data/evaluate_sleep.csv"))
tg <- read.csv(file.path(out, "data/evaluate_toothgrowth.csv"))
an <- read.csv(file.path(out, "data/evaluate_anorexia.csv"))
cw <- read.csv(file.path(out, "data/evaluate_chickweight.csv"))
s1 <- sleep$extra[sleep$group == 1][order(sleep$ID[sleep$group == 1])]
s2 <- sleep$extra[sleep$group == 2][order(sleep$ID[sleep$group == 2])]
p <- c(
  sleep = t.test(s2, s1, paired = TRUE)$p.value,
  toothgrowth = t.test(tg$len[tg$supp == "OJ"], tg$len[tg$supp == "VC"])$p.value,
  anorexia_CBT = with(an[an$Treat == "CBT", ], t.test(Postwt, Prewt, paired = TRUE))$p.value,
  anorexia_Cont = with(an[an$Treat == "Cont", ], t.test(Postwt, Prewt, paired = TRUE))$p.value,
  anorexia_FT = with(an[an$Treat == "FT", ], t.test(Postwt, Prewt, paired = TRUE))$p.value,
  chick_diet1 = {d <- cw[cw$Diet == 1, ]; a <- d[d$Time == 0, ]; b <- d[d$Time == 2, ];
                 ids <- intersect(a$Chick, b$Chick)
                 t.test(b$weight[match(ids, b$Chick)], a$weight[match(ids, a$Chick)], paired = TRUE)$p.value}
)
res <- data.frame(result = names(p), p = unname(p), holm = p.adjust(p, "holm"), BH = p.adjust(p, "BH"))
write.csv(res, file.path(out, "evaluate_evidence_padjust.csv"), row.names = FALSE)
cat("done\n")
