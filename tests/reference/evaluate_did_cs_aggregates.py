# Reference values for the AGGREGATIONS of toolkit.evaluate.staggered_did (Callaway & Sant'Anna
# 2021): point estimates AND analytic standard errors of aggte(type = "simple" | "dynamic" |
# "group"), from csdid, the Python port of R `did` (att_gt + aggte) by Rios-Avila et al.
#
# Produced with csdid 0.4.3 (drdid 1.1.7, pandas 3.1.1, numpy 2.4.6). Columns estimate_differences
# and se_differences hold the same quantities from a second, independent implementation, the
# `differences` package 0.3.0 (ATTgt(...).aggregate("simple" | "event" | "cohort")), for the
# balanced data (empty for the unbalanced copy, which `differences` does not balance by dropping
# units). Neither package is a project dependency: run this script in a throwaway environment,
# from the repository root:
#     python3 -m venv /tmp/refenv && /tmp/refenv/bin/pip install csdid==0.4.3 differences==0.3.0 pandas
#     /tmp/refenv/bin/python tests/reference/evaluate_did_cs_aggregates.py
# It writes tests/reference/evaluate_did_cs_aggregates.csv, which tests/test_did.py reads.
#
# Data: tests/reference/data/evaluate_castle.csv (Cheng & Hoekstra 2013 castle-doctrine panel,
# 50 states x 2000-2010, balanced; written by evaluate_did.R), outcome l_homicide.
#
# Settings, chosen to be those of staggered_did: no covariates (xformla=None), balanced panel
# (panel=True, allow_unbalanced_panel=False), anticipation=0, base_period="varying", analytic
# influence-function standard errors (bstrap=False in fit and in aggte, cband=False), no
# clustering beyond the unit, no weights. Without covariates the doubly robust ('dr'),
# outcome-regression ('reg') and IPW ('ipw') estimators are the same 2x2 difference of mean
# changes; the script checks that all three agree before writing the 'dr' (default) values.
# Aggregation SEs include the influence function of the estimated cohort weights (csdid's
# `wif`, R did's `wif`), and se = sqrt(mean(IF^2) / n) with n = number of units.
import contextlib
import io
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd
from csdid.att_gt import ATTgt
from differences import ATTgt as DifferencesATTgt

REF = Path(__file__).resolve().parent
castle = pd.read_csv(REF / "data" / "evaluate_castle.csv")
# first treated year per state, 0 = never treated (csdid's convention); 'post' is a name
# csdid reserves, so it is dropped after use
first = castle.loc[castle["post"] == 1].groupby("sid")["year"].min()
castle["first_treat"] = castle["sid"].map(first).fillna(0).astype(int)
data = castle[["sid", "year", "l_homicide", "first_treat"]].copy()
# An unbalanced copy: three state-years removed (a never-treated state, a 2007 and a 2008
# adopter). With panel=True, allow_unbalanced_panel=False csdid (like R did, via
# BMisc::makeBalancedPanel) keeps only the 47 states seen in every year; staggered_did
# drops the same states with a warning.
DROPPED = [(4, 2003), (1, 2000), (26, 2010)]
gaps = pd.MultiIndex.from_frame(data[["sid", "year"]]).isin(DROPPED)
unbalanced = data.loc[~gaps].reset_index(drop=True)


def fit(control, est_method, data=data):
    att = ATTgt(
        yname="l_homicide",
        tname="year",
        idname="sid",
        gname="first_treat",
        data=data,
        control_group=control,
        xformla=None,
        panel=True,
        allow_unbalanced_panel=False,
        anticipation=0,
        cband=False,
    )
    with contextlib.redirect_stdout(io.StringIO()):  # csdid prints its tables
        att.fit(est_method=est_method, base_period="varying", bstrap=False)
    return att


def aggregates(att):
    rows = []
    for typec in ("simple", "dynamic", "group"):
        with contextlib.redirect_stdout(io.StringIO()):
            a = att.aggte(typec=typec, bstrap=False, cband=False, na_rm=False).atte
        rows.append(
            {
                "aggregation": typec,
                "term": "overall",
                "estimate": float(np.ravel(a["overall_att"])[0]),
                "se": float(np.ravel(a["overall_se"])[0]),
            }
        )
        if typec != "simple":
            prefix = "e=" if typec == "dynamic" else "g="
            for k, est, se in zip(np.ravel(a["egt"]), np.ravel(a["att_egt"]), np.ravel(a["se_egt"])):
                rows.append(
                    {"aggregation": typec, "term": f"{prefix}{int(k)}", "estimate": float(est), "se": float(se)}
                )
    return pd.DataFrame(rows)


def differences_aggregates(control):
    """Same aggregations from `differences` (cohort NaN = never treated, varying base period,
    no covariates, est_method='reg', analytic se: boot_iterations=0)."""
    d = data.assign(cohort=data["first_treat"].where(data["first_treat"] > 0))
    d = d[["sid", "year", "l_homicide", "cohort"]].set_index(["sid", "year"])
    att = DifferencesATTgt(data=d, cohort_column="cohort", base_period="varying", anticipation=0)
    att.fit(formula="l_homicide", est_method="reg", control_group=control, progress_bar=False, boot_iterations=0)
    rows = []
    for typ, ours, prefix in (("simple", "simple", None), ("event", "dynamic", "e="), ("cohort", "group", "g=")):
        for overall in (False,) if typ == "simple" else (True, False):
            r = att.aggregate(typ, overall=overall, boot_iterations=0)
            for k, est, se in zip(r.index, r.iloc[:, 0], r.iloc[:, 1]):
                term = "overall" if prefix is None or overall else f"{prefix}{int(k)}"
                rows.append(
                    {"aggregation": ours, "term": term, "estimate_differences": float(est), "se_differences": float(se)}
                )
    return pd.DataFrame(rows)


out = []
for name, d in (("castle", data), ("castle_unbalanced", unbalanced)):
    for control in ("nevertreated", "notyettreated"):
        by_method = {m: aggregates(fit(control, m, d)) for m in ("dr", "reg", "ipw")}
        for m in ("reg", "ipw"):
            diff = np.abs(by_method[m][["estimate", "se"]].to_numpy() - by_method["dr"][["estimate", "se"]].to_numpy())
            if not diff.max() < 1e-10:
                raise SystemExit(f"est_method={m!r} differs from 'dr' by {diff.max():.3g} ({name}, {control})")
        res = by_method["dr"]
        res.insert(0, "control", "never" if control == "nevertreated" else "notyet")
        res.insert(0, "data", name)
        if name == "castle":
            other = differences_aggregates("never_treated" if control == "nevertreated" else "not_yet_treated")
            res = res.merge(other, on=["aggregation", "term"], how="left", validate="1:1")
            gap = np.abs(
                res[["estimate", "se"]].to_numpy() - res[["estimate_differences", "se_differences"]].to_numpy()
            )
            if not gap.max() < 1e-8:
                raise SystemExit(f"csdid and differences disagree by {gap.max():.3g} ({name}, {control})")
        out.append(res)
out = pd.concat(out, ignore_index=True)
out.to_csv(REF / "evaluate_did_cs_aggregates.csv", index=False, float_format="%.12g")
print(f"csdid {version('csdid')}: wrote {len(out)} rows to evaluate_did_cs_aggregates.csv")
