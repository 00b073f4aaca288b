"""Recognition and resourcing section of the evidence pack: how many people each force has
affected by online harms and with an unmet need, and how each force compares with the rest.

Three tables, all through the publication gate with their counts of respondents declared
(so a small force's row is withheld, and the national row cannot give it back):

* ``resourcing_by_force``: design-based totals (:func:`toolkit.survey.resourcing`, as R
  ``svytotal``) of people affected (any harm, each harm type), harmed and not aware of /
  not using support, harmed and not reported, untrained, per force and nationally, with
  95% intervals, rounded to the nearest 10 people (:func:`toolkit.report.format.round_people`).
* ``resourcing_force_comparison``: each force against the rest of the country
  (:func:`toolkit.survey.compare_forces`), Holm-adjusted over the forces.
* ``resourcing_funnel``: the funnel plot of each force's prevalence of any harm
  (:func:`toolkit.survey.funnel`, 95% and 99.8% limits, overdispersion-adjusted), and the
  figure drawn from it.

Every variable comes from the study's contract: the force is the dictionary's role
``force`` (any name), the measures its ``harm``, ``support``, ``reporting`` and
``training`` 0/1 items. A study without a force variable gets one line saying so.

In a force's own pack (``toolkit evidence-pack --by force``, ``ctx.shared.force``)
the section publishes that force's rows and the national rows of the national pack's
published tables (computed once, already gated): the force against the national picture.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd

from toolkit.disclosure.gate import Link, cell
from toolkit.report import alt_text
from toolkit.report.format import round_people
from toolkit.report.sections.survey import PEOPLE, _drawn, _fresh, _ok, _short, part
from toolkit.report.shared import FunnelLimits
from toolkit.survey import any_of, compare_forces, funnel, funnel_plot, resourcing, total, workforce_margins
from toolkit.survey._inputs import group_codes
from toolkit.survey.forces import COMPARE_COLUMNS

RESOURCING = "resourcing_by_force"
COMPARISON = "resourcing_force_comparison"
FUNNEL = "resourcing_funnel"
#: published columns of each table
RES_COLUMNS = ["group", "measure", "label", "estimate", "ci_low", "ci_high", "n", "n_events", "method"]
# compare_forces' columns without the outcome and design labels, and without n_rest (the
# national total minus n_rest would give a small force's count back)
CMP_COLUMNS = [c for c in COMPARE_COLUMNS if c not in ("outcome", "by", "n_rest", "suppress")]
FUN_COLUMNS = ["group", "n", "n_events", "estimate", "target", "z", "ll95", "ul95", "ll998", "ul998", "method"]


def build(ctx) -> None:
    survey = ctx.shared.survey
    if survey is None:
        ctx.note("resourcing: the study has no survey; force comparison and resourcing not included")
        return
    c, data = survey.contract, survey.data
    force = c.force
    if force is None or force not in data.columns:
        ctx.note(
            "resourcing: the data dictionary declares no force variable (role 'force'); force comparison "
            "and resourcing not included"
        )
        return
    if not c.may_publish(force):
        ctx.note(
            f"resourcing: the force variable {force!r} may not be published (disclosure class); "
            "force comparison and resourcing not included"
        )
        return
    harms, any_harm = list(survey.harms), survey.any_harm
    if not harms or any_harm is None:
        ctx.note("resourcing: the dictionary declares no harm items (role 'harm'); resourcing not included")
        return
    if ctx.shared.force is not None:
        _force_pack(ctx, c, ctx.shared.force.force)
        return
    k = ctx.threshold
    weight = survey.weight
    design, design_text = _design(ctx, c, data, weight)
    w_word = "weighted" if weight else "unweighted"
    res = cmp = None
    with part(ctx, "the resourcing table (people affected, unmet need)", "resourcing"):
        res = _resourcing(ctx, c, data, force, harms, any_harm, weight, design, design_text, k)
    with part(ctx, "the comparison of each force with the rest of the country", "resourcing"):
        cmp = _comparison(ctx, c, data, force, any_harm, weight, design, w_word, k, res)
    with part(ctx, "the funnel plot of the forces", "resourcing"):
        target, tau2 = _funnel(ctx, c, data, force, any_harm, k, cmp)
        ctx.shared.funnel = FunnelLimits(target=target, tau2=tau2)
    ctx.method(
        "Recognition and resourcing",
        (
            "Numbers of people are design-based totals (as R survey::svytotal) of the "
            + (
                "weights raked to the workforce"
                if weight
                else "respondents (unweighted: numbers of respondents, not of the workforce)"
            )
            + f" ({design_text}), with t intervals, rounded to the nearest 10 people. Each force is compared with the "
            "rest of the country by the difference of domain means (Taylor linearisation, t test), with Holm's "
            "adjustment over the forces. The funnel plot compares each force's unweighted proportion with any harm "
            "against the national proportion with 95% and 99.8% control limits on the arcsine scale, inflated "
            "for overdispersion (Spiegelhalter 2005)."
        ),
    )


def _design(ctx, c, data, weight):
    """Strata = the force; fpc = its headcount (workforce margins); calibration = the raking margins."""
    force = c.force
    args = {"strata": force, "lonely_psu": "adjust"}
    parts = [f"strata = ~{force}"]
    raked = ctx.shared.survey.raked_on
    path = ctx.config.path("survey", "margins") if ctx.config is not None else None
    if path is not None and weight is not None:
        try:
            heads = {str(f): n for f, n in workforce_margins(path, ["force"])["force"].items()}
        except Exception as exc:  # noqa: BLE001 - a margins file without force headcounts
            heads = {}
            ctx.note(f"resourcing: no finite population correction (force headcounts not read: {exc})")
        col = _fresh(data, "headcount")
        values = data[force].astype(str).map(heads)
        sizes = data[force].astype(str).value_counts()
        if heads and values.notna().all() and all(heads[f] >= n for f, n in sizes.items()):
            data[col] = values.astype(float)
            args["fpc"] = col
            parts.append("fpc = force headcount")
        elif heads:
            ctx.note(
                "resourcing: no finite population correction (a force of the survey has no headcount in the "
                "workforce margins, or more respondents than its headcount)"
            )
    if raked and weight is not None and all(v in data.columns for v in raked):
        args["calibration"] = list(raked)
        parts.append(f"raked on {', '.join(raked)}")
    return args, "; ".join(parts)


def _labels(c, harms, support, reported):
    out = {"harmed": "Any online harm"}
    out.update({h: _short(c.labels.get(h, h)) for h in harms})
    out.update({f"harmed, not {s}": f"Harmed, and not: {_short(c.labels.get(s, s)).lower()}" for s in support})
    if reported:
        out["harmed, not reported"] = f"Harmed, and not: {_short(c.labels.get(reported, reported)).lower()}"
    out["untrained"] = "No training on online harms (none of the training items)"
    return out


def _sum_links(table, name, groups, measures, col_key="measure"):
    """The national row counts the people of the forces' rows (exactly when every respondent
    has a force)."""
    links = []
    t = table.set_index(["group", col_key])
    for m in measures:
        here = [g for g in groups if (g, m) in t.index]
        if not here or ("All", m) not in t.index:
            continue
        for col in ("n", "n_events"):
            parts = tuple(cell(name, f"{g} | {m}", col) for g in here)
            exact = float(t.loc[[(g, m) for g in here], col].sum()) == float(t.loc[("All", m), col])
            links.append(Link(cell(name, f"All | {m}", col), parts, exact=exact))
    return links


def _same(table_a, name_a, row_a, table_b, name_b, row_b, cols=("n", "n_events")):
    """Links saying two cells count the same people (only when they are equal)."""
    out = []
    for col in cols:
        if float(table_a.loc[row_a, col]) == float(table_b.loc[row_b, col]):
            out.append(
                Link(
                    cell(name_a, row_a if isinstance(row_a, str) else " | ".join(row_a), col),
                    (cell(name_b, row_b if isinstance(row_b, str) else " | ".join(row_b), col),),
                )
            )
    return out


def untrained_by_role(data, force, role, training, weight, design, k, *, dictionary=None) -> pd.DataFrame:
    """People with none of the training items, by role: per force (``by=[force, role]``)
    and nationally (``by=role``), as :func:`toolkit.survey.resourcing`'s ``untrained``
    (:func:`toolkit.survey.total` of ``1 - any_of(training)``, unrounded). Measure
    ``"untrained: <role>"`` (the role's label from ``dictionary``, else its code), rows of
    the force or ``"All"``."""
    codes = {}
    if dictionary is not None:
        try:
            codes = {str(k): v for k, v in dictionary.codes(role).items()}
        except Exception:  # noqa: BLE001 - a role without codes: its values are its labels
            codes = {}
    col = _fresh(data, "untrained")
    frame = data.assign(**{col: 1.0 - any_of(data, list(training)).astype(float)})
    one = frame[col].to_numpy() == 1
    if weight is not None:
        one &= frame[weight].to_numpy(dtype=float) > 0
    parts = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for by in ([force, role], [role]):
            r = total(frame, col, by=by, weight=weight, threshold=k, **design)
            r = r[r["group"].astype(str) != "All"].copy()
            cells, labels = group_codes(frame, by)
            per = np.bincount(cells[one & (cells >= 0)], minlength=len(labels))
            events = dict(zip(map(str, labels), per.tolist()))
            r["n_events"] = r["group"].astype(str).map(events).fillna(0).astype("int64")
            if len(by) == 2:
                split = r["group"].astype(str).str.rsplit(" / ", n=1)
                r["group"], code = split.str[0], split.str[1]
            else:
                code = r["group"].astype(str)
                r["group"] = "All"
            label = code.map(lambda v: codes.get(v, codes.get(v.removesuffix(".0"), v)))
            r["measure"] = "untrained: " + label
            r["label"] = "No training on online harms: " + label
            parts.append(r)
    out = pd.concat(parts, ignore_index=True).drop(columns=["outcome"], errors="ignore")
    out["group"] = out["group"].astype(str)
    return out


def _resourcing(ctx, c, data, force, harms, any_harm, weight, design, design_text, k):
    support = c.items("support", types=("binary",), data=data)
    reporting = c.items("reporting", types=("binary",), data=data)
    training = c.items("training", types=("binary",), data=data)
    reported = reporting[0] if reporting else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing answers are counted in n
        res = resourcing(
            data,
            harms=harms,
            by=force,
            weight=weight,
            support=support or None,
            reported=reported,
            trained=training or None,
            threshold=k,
            **design,
        )
    res["label"] = res["measure"].map(_labels(c, harms, support, reported))
    role = next((v for v in c.by if v in data.columns and c.may_publish(v) and v != force), None)
    by_role = None
    if training and role is not None:
        survey = ctx.shared.survey
        by_role = untrained_by_role(
            data, force, role, training, weight, design, k, dictionary=survey.dictionary if survey else None
        )
        res = pd.concat([res, by_role], ignore_index=True)
        order = {g: i for i, g in enumerate(dict.fromkeys(res["group"].astype(str)))}
        res = res.sort_values("group", key=lambda g: g.astype(str).map(order), kind="stable").reset_index(drop=True)
    for col in ("estimate", "ci_low", "ci_high"):
        res[col] = round_people(res[col]).to_numpy()
    res["group"] = res["group"].astype(str)
    res = res[RES_COLUMNS]
    groups = [g for g in dict.fromkeys(res["group"]) if g != "All"]
    measures = list(dict.fromkeys(res["measure"]))
    links = _sum_links(res, RESOURCING, groups, measures)
    if by_role is not None:  # the roles' rows count the people of the untrained row
        t = res.set_index(["group", "measure"])
        roles = list(dict.fromkeys(by_role["measure"]))
        for g in [*groups, "All"]:
            here = [m for m in roles if (g, m) in t.index]
            if not here or (g, "untrained") not in t.index:
                continue
            for col in ("n", "n_events"):
                parts = tuple(cell(RESOURCING, f"{g} | {m}", col) for m in here)
                exact = float(t.loc[[(g, m) for m in here], col].sum()) == float(t.loc[(g, "untrained"), col])
                links.append(Link(cell(RESOURCING, f"{g} | untrained", col), parts, exact=exact))
    if "survey_harm_prevalence" in ctx.tables:
        overall = ctx.gate.tables["survey_harm_prevalence"].pub.data.set_index("outcome")
        links += _same(
            overall,
            "survey_harm_prevalence",
            any_harm,
            res.set_index(["group", "measure"]),
            RESOURCING,
            ("All", "harmed"),
        )
    who = "people of the workforce" if weight else "respondents (unweighted)"
    safe = ctx.table(
        RESOURCING,
        res,
        key=["group", "measure"],
        **PEOPLE,
        links=tuple(links),
        title=f"Resourcing: {who} affected by online harms and with an unmet need, per force and nationally",
        pillar="recognition",
        caption=f"estimate = estimated number of {who} (design-based total, {design_text}); ci_low/ci_high = 95% "
        "interval; all rounded to the nearest 10; 'untrained: <role>' rows break the untrained down by role. "
        "n = respondents answering, n_events = respondents "
        f"counted in the measure. Rows resting on fewer than {k} respondents (with or without the "
        "measure) are withheld, with further rows withheld so that the national row does not give "
        "them back.",
    )
    row = safe.set_index(["group", "measure"]).loc[("All", "harmed")]
    if _ok(row, "estimate", "ci_low", "ci_high") and weight:
        ctx.finding(
            "recognition",
            "An estimated {est:,.0f} people of the workforce (95% CI {lo:,.0f} to {hi:,.0f}) "
            "experienced online harm because of their role in policing.",
            recommendation="1.01",
            est=float(row["estimate"]),
            lo=float(row["ci_low"]),
            hi=float(row["ci_high"]),
        )
    return res


def _comparison(ctx, c, data, force, any_harm, weight, design, w_word, k, raw_resourcing):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cmp = compare_forces(data, outcome=any_harm, by=force, weight=weight, correction="holm", threshold=k, **design)
    cmp["group"] = cmp["group"].astype(str)
    cmp = cmp[CMP_COLUMNS]  # n_rest (national minus the force) is left out: it would give n back
    links = []
    if raw_resourcing is not None:
        res = raw_resourcing.set_index(["group", "measure"])
        for g in cmp["group"]:
            links += _same(cmp.set_index("group"), COMPARISON, g, res, RESOURCING, (g, "harmed"))
    ctx.table(
        COMPARISON,
        cmp,
        key=["group"],
        **PEOPLE,
        links=tuple(links),
        title=f"Each force against the rest of the country: any online harm ({w_word}, Holm-adjusted)",
        pillar="recognition",
        caption="prevalence = the force's proportion; prevalence_rest = the rest of the country's; estimate = the "
        "difference, with its 95% interval and t test; p_adj = Holm-adjusted over the forces. "
        f"Forces with fewer than {k} respondents with or without the harm are withheld.",
    )
    return cmp


def _draw_funnel(table, target, tau2, title, highlight=None):
    t = table.copy()
    t["small"] = t["estimate"].isna() | t["n"].isna()
    t.attrs.update({"target": target, "tau2": tau2})
    return funnel_plot(t, title=title, label="Proportion with any online harm", highlight=highlight)


#: the label of the other forces' rows in a force pack's funnel table
OTHER = "Other force"


def force_funnel(fun: pd.DataFrame, scope) -> pd.DataFrame:
    """A force pack's funnel table: every row of the national one, in its order, the other
    forces' unnamed (:data:`OTHER`)."""
    out = fun.reset_index(drop=True).copy()
    out["group"] = [g if g == str(scope) else OTHER for g in out["group"].astype(str)]
    return out


def _force_funnel_alt(table, scope):
    text = alt_text.funnel_alt(table, measure="share with any online harm")
    row = table[table["group"].astype(str) == scope]
    if row.empty or pd.isna(row["estimate"].iloc[0]):
        return text + f" {scope} is highlighted; its point is withheld by disclosure control."
    r = row.iloc[0]
    where = (
        "above the outer control limits"
        if pd.notna(r["ul998"]) and r["estimate"] > r["ul998"]
        else "below the outer control limits"
        if pd.notna(r["ll998"]) and r["estimate"] < r["ll998"]
        else "within the outer control limits"
    )
    return (
        text
        + f" {scope} is highlighted: {alt_text.pct(float(r['estimate']))}, {where}; the other forces are unnamed points."
    )


def _funnel(ctx, c, data, force, any_harm, k, raw_comparison) -> tuple[float, float]:
    fun = funnel(data, outcome=any_harm, by=force, threshold=k)
    target, tau2 = float(fun.attrs["target"]), float(fun.attrs["tau2"])
    fun["group"] = fun["group"].astype(str)
    fun = fun[FUN_COLUMNS]
    links = []
    if raw_comparison is not None:
        cmp = raw_comparison.set_index("group")
        for g in fun["group"]:
            if g in cmp.index:
                links += _same(fun.set_index("group"), FUNNEL, g, cmp, COMPARISON, g)
    ctx.table(
        FUNNEL,
        fun,
        key=["group"],
        **PEOPLE,
        links=tuple(links),
        title="Funnel plot data: each force's proportion with any online harm (unweighted) and its control limits",
        pillar="recognition",
        caption=f"target = national proportion ({target:.3f}); ll/ul = lower/upper 95% and 99.8% limits at the "
        f"force's number of respondents, inflated for overdispersion (tau^2 = {tau2:.4f}); z = adjusted "
        f"z-score. Forces with fewer than {k} respondents with or without the harm are withheld.",
    )
    ctx.figure(
        FUNNEL,
        _drawn(lambda t: _draw_funnel(t, target, tau2, "Any online harm, by force")),
        source=FUNNEL,
        title="Funnel plot: each force's proportion with any online harm against its number of respondents",
        pillar="recognition",
        alt=lambda t: alt_text.funnel_alt(t, measure="share with any online harm"),
    )
    return target, tau2


# ------------------------------------------------------------------------------ a force's pack


def _force_pack(ctx, c, scope) -> None:
    """The force's rows of the national pack's published tables, beside the national rows."""
    ref = ctx.shared.force.reference
    tables = ref.get("tables", {})
    k = ctx.threshold
    if RESOURCING in tables:
        res = tables[RESOURCING]
        mine = res[res["group"].astype(str).isin([str(scope), "All"])].reset_index(drop=True)
        # the national rows count at least the force's people (cells the national pack withheld
        # are blank here already, and not linked: they are not counts of this pack)
        idx = mine.set_index(["group", "measure"])
        links = tuple(
            Link(cell(RESOURCING, f"All | {m}", col), (cell(RESOURCING, f"{scope} | {m}", col),), exact=False)
            for m in dict.fromkeys(mine["measure"])
            for col in ("n", "n_events")
            if ("All", m) in idx.index
            and (str(scope), m) in idx.index
            and pd.notna(idx.loc[("All", m), col])
            and pd.notna(idx.loc[(str(scope), m), col])
        )
        ctx.table(
            RESOURCING,
            mine,
            key=["group", "measure"],
            **PEOPLE,
            links=links,
            title=f"Resourcing: {scope} against the national picture (people affected, unmet need)",
            pillar="recognition",
            caption=ref.get("captions", {}).get(RESOURCING),
        )
    if COMPARISON in tables:
        cmp = tables[COMPARISON]
        ctx.table(
            COMPARISON,
            cmp[cmp["group"].astype(str) == str(scope)].reset_index(drop=True),
            key=["group"],
            **PEOPLE,
            title=f"{scope} against the rest of the country: any online harm (Holm-adjusted over the forces)",
            pillar="recognition",
            caption=ref.get("captions", {}).get(COMPARISON),
        )
    if FUNNEL in tables:
        mine = force_funnel(tables[FUNNEL], scope)
        attrs = ref.get("funnel_attrs") or {}
        caption = ref.get("captions", {}).get(FUNNEL) or ""
        ctx.table(
            FUNNEL,
            mine,
            key=["group"],
            **PEOPLE,
            title=f"Funnel plot data: {scope} and the other forces (unnamed), as in the national pack",
            pillar="recognition",
            caption=f"{caption} The other forces' rows are the national pack's, in its order, not named ({OTHER!r}).",
        )
        if attrs:
            ctx.figure(
                FUNNEL,
                _drawn(
                    lambda t: _draw_funnel(
                        t,
                        attrs["target"],
                        attrs["tau2"],
                        f"Any online harm: {scope} in the national funnel",
                        highlight=str(scope),
                    )
                ),
                source=FUNNEL,
                title=f"Funnel plot: {scope} (highlighted) and every other force against the national proportion "
                "and its control limits",
                pillar="recognition",
                alt=lambda t: _force_funnel_alt(t, str(scope)),
            )
    ctx.method(
        "Recognition and resourcing",
        (
            f"The rows of {scope} and the national rows are those of the national evidence pack (computed once, on "
            f"every force's respondents, and passed through its publication gate); they are checked again here "
            f"(threshold {k}). " + ref.get("method", "")
        ),
    )


def national_row(table: str, row: str, tables: dict) -> str:
    """The row key of the national pack's ``table`` that a force pack's row ``row`` repeats
    (the same key, except the funnel's other forces, shown unnamed in a force pack)."""
    m = re.fullmatch(r".* #(\d+)", row)
    if table == FUNNEL and m and FUNNEL in tables:  # rows of the same order, the others unnamed
        return str(tables[FUNNEL]["group"].astype(str).iloc[int(m.group(1)) - 1])
    return row
