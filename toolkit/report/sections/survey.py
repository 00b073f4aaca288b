"""Survey section of the evidence pack: prevalence of online harms, impact, reporting,
support and training, scale reliability, and who is more affected. Every table is offered
to the publication gate with the meaning of its cells (counts of people, events, what each
estimate rests on, links to other tables); every figure is drawn from gated tables.

Every variable is found through the study's contract (:class:`toolkit.study.Contract`):
the data dictionary's ``role``, ``scale`` and ``disclosure`` columns and ``study.yml``'s
``survey`` settings, never by a name. A part the study has no variables for says so in
one line; a part the data cannot support (an empty group, a singular model) is noted in
one line and the rest of the pack is built.
"""

from __future__ import annotations

import contextlib
import re
import textwrap
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from toolkit.disclosure import MARKER
from toolkit.disclosure.gate import Link, cell
from toolkit.errors import ToolkitError
from toolkit.report import alt_text
from toolkit.report.shared import ForceScope, SurveyResults, WeightedSurvey
from toolkit.report.summary import survey_period
from toolkit.study import Contract, StudyWeights, read_study_survey, study_weights
from toolkit.survey import (
    any_of,
    compare_groups,
    likert_bars,
    logit,
    mean_by,
    prevalence,
    prevalence_plot,
    reliability_table,
    score_scales,
)
from toolkit.survey.figures import heat_cells, load_labels

if TYPE_CHECKING:
    from toolkit.dictionary import Dictionary

#: errors of a part of the section that become a one-line note rather than a failed pack
PART_ERRORS = (ToolkitError, np.linalg.LinAlgError)


@contextlib.contextmanager
def part(ctx, what: str, section: str = "survey"):
    """Run one part of a section; a toolkit error (or a singular matrix) becomes one line
    of the pack's log and notes rather than a traceback."""
    try:
        yield
    except PART_ERRORS as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if isinstance(exc, np.linalg.LinAlgError):
            first = f"the data cannot support this model ({first}: a group too small or predictors collinear)"
        ctx.note(f"{section}: {what} not included: {first}")
        ctx.limitation(f"{what[0].upper()}{what[1:]} is not included: {first}")


def _links_to_total(table, name, total_table, total_row, *, overall_table):
    """The groups of a breakdown count the people of the overall row (exactly when the
    breakdown is known for everyone, else at most)."""
    total = overall_table.set_index("outcome").loc[total_row]
    links = []
    for col in ("n", "n_events"):
        parts = tuple(cell(name, g, col) for g in table["group"])
        exact = float(pd.to_numeric(table[col]).sum()) == float(total[col])
        links.append(Link(cell(total_table, total_row, col), parts, exact=exact))
    return tuple(links)


def _term_counts(data: pd.DataFrame, terms, outcome: str) -> pd.DataFrame:
    """Respondents behind each model term (``C(var)[T.level]`` or a 0/1 column), and how
    many of them had the outcome: the gate drops terms resting on fewer than k."""
    rows = []
    y = pd.to_numeric(data[outcome], errors="coerce")
    for term in terms:
        m = re.fullmatch(r"C\((\w+)(?:, Treatment\(reference=.*?\))?\)\[T\.(.+)\]", str(term))
        if m and m.group(1) in data.columns:
            col = data[m.group(1)]
            mask = col.astype(str) == m.group(2)
            if not mask.any():
                mask = pd.to_numeric(col, errors="coerce") == pd.to_numeric(m.group(2), errors="coerce")
        elif str(term) in data.columns:
            mask = pd.to_numeric(data[str(term)], errors="coerce").fillna(0) != 0
        else:
            continue
        mask = mask & y.notna()
        rows.append({"term": term, "n": int(mask.sum()), "n_events": int((y[mask] == 1).sum())})
    return pd.DataFrame(rows, columns=["term", "n", "n_events"])


def _likert_table(data, items, weight) -> pd.DataFrame:
    """Weighted share answering each level of each item, with the counts behind it."""
    rows = []
    for item in items:
        y = pd.to_numeric(data[item], errors="coerce")
        w = data[weight] if weight else pd.Series(1.0, index=data.index)
        ok = y.notna()
        for level in sorted(y[ok].unique()):
            hit = ok & (y == level)
            rows.append(
                {
                    "item": item,
                    "level": float(level),
                    "n": int(ok.sum()),
                    "n_level": int(hit.sum()),
                    "share": float(w[hit].sum() / w[ok].sum()),
                }
            )
    return pd.DataFrame(rows)


def _draw_likert(table, items, weight, dictionary):
    """likert_bars from the published shares (one pseudo-row per item and level, weighted
    by its published share; withheld shares count as zero)."""
    rows = []
    for rec in table.itertuples(index=False):
        share = float(rec.share) if pd.notna(rec.share) else 0.0
        rows.append({**{i: float("nan") for i in items}, rec.item: rec.level, "_w": share})
    pseudo = pd.DataFrame(rows)
    return likert_bars(pseudo, items, weight="_w", dictionary=dictionary)


def _draw_heatmap(table, dictionary, k, title, w_word="weighted"):
    """Heat table of published prevalences (harm by group); withheld cells marked [c]."""
    labels = load_labels(dictionary)
    harms = list(dict.fromkeys(table["outcome"]))
    groups = list(dict.fromkeys(table["group"]))
    est = table.pivot(index="outcome", columns="group", values="estimate").reindex(index=harms, columns=groups)
    shown = 100 * est.to_numpy(dtype="float64", na_value=np.nan)
    fig = Figure(figsize=(0.9 * len(groups) + 3.6, 0.3 * len(harms) + 1.4))  # printed about 14 x 7 cm
    ax = fig.add_subplot()
    im = heat_cells(ax, shown, missing=MARKER)
    ax.set_xticks(range(len(groups)), [textwrap.fill(str(g), 12) for g in groups])  # "Special\nconstable"
    ax.set_yticks(
        range(len(harms)),
        [textwrap.shorten(labels.variable(h).split(": ")[-1], 46, placeholder="…") for h in harms],
        fontsize=9,
    )
    fig.colorbar(im, ax=ax).set_label(f"% experienced ({w_word})")
    ax.set_title(
        title + f"\n({MARKER} = withheld: fewer than {k} respondents, or with or without the harm)", fontsize="small"
    )
    fig.tight_layout()
    return fig


def _level_labels(dictionary, item) -> dict:
    """Answer labels of a coded item by numeric level ({4.0: 'Agree', ...}); empty if not numeric."""
    out = {}
    for code, label in dictionary.codes(item).items():
        try:
            out[float(code)] = label
        except (TypeError, ValueError):
            return {}
    return out


def _short(label: str) -> str:
    """A label without its question stem ('Last 12 months, ...: Threats' -> 'Threats')."""
    return str(label).split(": ", 1)[-1]


def _group_labels(dictionary, var) -> dict:
    return {str(c): lab for c, lab in dictionary.codes(var).items()}


def _relabel(table: pd.DataFrame, dictionary, var) -> pd.DataFrame:
    labels = _group_labels(dictionary, var)
    table = table.copy()
    table["group"] = table["group"].astype(str).map(labels).fillna(table["group"].astype(str))
    return table


def _fresh(data: pd.DataFrame, name: str) -> str:
    while name in data.columns:
        name = "_" + name
    return name


def _scale_range(dictionary, items) -> str:
    """'1 (Strongly disagree) to 5 (Strongly agree)' from the dictionary's codes and ranges."""
    ranges = {dictionary.range(i) for i in items if dictionary.range(i) is not None}
    if len(ranges) != 1:
        return "item ranges differ" if ranges else "range not declared"
    lo, hi = next(iter(ranges))
    codes = dictionary.codes(items[0])
    lo_l, hi_l = codes.get(int(lo)) if lo == int(lo) else None, codes.get(int(hi)) if hi == int(hi) else None
    text = f"{lo:g}{f' ({lo_l})' if lo_l else ''} to {hi:g}{f' ({hi_l})' if hi_l else ''}"
    return text


def select_wave(ctx, c, data: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The respondents analysed (``survey.wave``) and a sentence saying which."""
    out, text = c.select_wave(data, source=getattr(ctx.config, "source", None))
    if text:
        ctx.note(f"survey: results use {text}")
    return out, text


def weights(ctx, c, data: pd.DataFrame) -> StudyWeights:
    """Weight the respondents as the study declares (:func:`toolkit.study.study_weights`)."""
    return study_weights(ctx.config, c, data)


def _drop_thin_levels(ctx, c, dictionary, data, outcome, predictors) -> None:
    """Leave out of the model the respondents in a level of a categorical predictor with fewer
    than k respondents, or fewer than k with or without the outcome: the gate would drop its
    term anyway, and fitting it invites separation (all three of a group harmed)."""
    k = ctx.threshold
    y = pd.to_numeric(data[outcome], errors="coerce")
    for var in predictors:
        if c.types.get(var) == "binary" and not isinstance(data[var].dtype, pd.CategoricalDtype):
            continue
        answered = data[var].notna() & y.notna()
        table = (
            pd.DataFrame({"level": data.loc[answered, var], "y": y[answered]})
            .groupby("level", observed=True)["y"]
            .agg(["size", "sum"])
        )
        thin = table[(table["size"] < k) | (table["sum"] < k) | (table["size"] - table["sum"] < k)].index
        if len(thin) == 0 or len(thin) == len(table):
            continue
        codes = dictionary.codes(var) if var in dictionary.variables else {}
        data.loc[data[var].isin(list(thin)), var] = None
        ctx.note(
            f"survey_harm_model: term(s) for {_short(c.labels.get(var, var)).lower()} = "
            f"{', '.join(str(codes.get(t, t)) for t in thin)} dropped (fewer than {k} respondents, or "
            f"fewer than {k} with or without the outcome); those respondents are left out of the model"
        )


def _model_formula(c, dictionary, data, outcome, predictors):
    """The any-harm model's formula, reference groups (text) and any level dropped."""
    terms, refs, notes = [], [], []
    for var in predictors:
        col = data[var]
        if col.dropna().nunique() < 2:
            notes.append(f"{c.labels.get(var, var)} left out (a single answer in the data)")
            continue
        codes = dictionary.codes(var) if c.types.get(var) in ("categorical", "ordinal", "binary", "likert") else {}
        if c.types.get(var) == "binary" and not isinstance(col.dtype, pd.CategoricalDtype):
            ref = c.reference_code(var, data)
            low = min(col.dropna().unique())
            terms.append(var if ref in (None, low) else f"C({var}, Treatment(reference={ref!r}))")
            ref = low if ref is None else ref
        else:
            if isinstance(col.dtype, pd.CategoricalDtype):
                empty = [k for k in col.cat.categories if not (col == k).any()]
                if empty:
                    data[var] = col.cat.remove_unused_categories()
                    notes.append(
                        f"{_short(c.labels.get(var, var))}: no respondents in "
                        f"{', '.join(str(codes.get(k, k)) for k in empty)} (level left out)"
                    )
            ref = c.reference_code(var, data)
            first = _first_level(data[var])
            terms.append(f"C({var})" if ref == first else f"C({var}, Treatment(reference={ref!r}))")
        refs.append(f"{_short(c.labels.get(var, var)).lower()}: {codes.get(ref, ref)}")
    return f"{outcome} ~ " + " + ".join(terms) if terms else None, refs, notes


def _first_level(col):
    """The level patsy takes as reference by default: the first category, else the smallest value."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.cat.categories[0] if len(col.cat.categories) else None
    values = sorted(col.dropna().unique().tolist())
    return values[0] if values else None


def _term_labels(model: pd.DataFrame, c, dictionary) -> pd.Series:
    out = []
    for term in model["term"]:
        m = re.match(r"C\((\w+)(?:, Treatment\(reference=.*?\))?\)\[T\.(.+)\]$", str(term))
        if m and m.group(1) in c.types:
            var, code = m.group(1), m.group(2)
            codes = {str(k): v for k, v in dictionary.codes(var).items()}
            out.append(f"{_short(c.labels[var])}: {codes.get(code, code)}")
        elif term in c.types:
            out.append(_short(c.labels[term]))
        else:
            out.append(str(term))
    return pd.Series(out, index=model.index)


@dataclass(frozen=True)
class _Basis:
    """The respondents a pack analyses and how they are weighted."""

    data: pd.DataFrame  # respondents analysed (columns are added as the section goes)
    dictionary: Dictionary
    contract: Contract
    weight: str | None
    weight_text: str  # the methods sentence on weighting
    wave_text: str  # which wave the results use ('' when the survey has one)
    raked_on: tuple[str, ...] | None


def build(ctx) -> None:
    """The survey section: each part in turn, then the methods, the limitation of the
    weighting, and what later sections need (``ctx.shared.survey``)."""
    cfg = ctx.config
    if cfg is None or cfg.path("survey", "data") is None:
        ctx.note("survey: the study has no survey (survey.data in study.yml); no survey results")
        return
    basis = _force_basis(ctx, ctx.shared.force) if ctx.shared.force is not None else _national_basis(ctx)
    ctx.method("Weighting", basis.weight_text)
    summary = _Summary()
    harms, any_harm, scale_cols = _parts(ctx, basis, summary)
    _survey_method(ctx, harms, scale_cols, summary, basis.wave_text)
    _weighting_limitation(ctx, basis.weight, basis.weight_text)
    ctx.shared.survey = SurveyResults(
        data=basis.data,
        contract=basis.contract,
        weight=basis.weight,
        raked_on=basis.raked_on,
        harms=tuple(harms),
        any_harm=any_harm,
        dictionary=basis.dictionary,
    )


def _force_basis(ctx, scope: ForceScope) -> _Basis:
    """A force's own pack: its respondents only, with the national weights (raked once,
    nationally, so the force's weighted totals match its workforce)."""
    ref = scope.reference
    c = ref["contract"]
    national = ref["survey"]
    data = national[national[c.force].astype(str) == str(scope.force)].copy()
    weight_text = (
        f"{ref['weight_text']} This pack shows the respondents of {scope.force} only, with the weights of the "
        "national analysis."
    )
    ctx.note(f"survey: force pack for {scope.force}: {len(data)} respondents of {len(national)} nationally")
    return _Basis(data, ref["dictionary"], c, ref["weight"], weight_text, ref["wave_text"], raked_on=None)


def _national_basis(ctx) -> _Basis:
    """The survey checked by the data section (read here when it did not run), the wave
    analysed and its weights; what a force's own pack starts from goes to ``ctx.shared.weighted``."""
    checked = ctx.shared.checked
    if checked is not None:
        survey, c = checked.survey, checked.contract
    else:
        survey = read_study_survey(ctx.config)
        c = Contract.from_study(ctx.config, survey.dictionary)
    dictionary = survey.dictionary
    data, wave_text = select_wave(ctx, c, survey.data.copy())
    chosen = StudyWeights(None, "")
    with part(ctx, "weighting"):
        chosen = weights(ctx, c, data)
    weight, weight_text, raked_on = chosen.column, chosen.text, chosen.raked_on
    if weight is None and not weight_text:
        weight_text = "Unweighted: weighting failed (see the log), so figures describe the respondents only."
    ctx.shared.weighted = WeightedSurvey(
        data=data.copy(),
        weight=weight,
        weight_text=weight_text,
        wave_text=wave_text,
        dictionary=dictionary,
        contract=c,
        raked_on=raked_on,
    )
    return _Basis(data, dictionary, c, weight, weight_text, wave_text, raked_on)


def _parts(ctx, basis: _Basis, summary) -> tuple[list[str], str | None, list[str]]:
    """Every part of the section, each one a line of notes if the data cannot support it;
    returns the harm items, the any-harm column and the scale columns used."""
    c, dictionary, data, weight, k = basis.contract, basis.dictionary, basis.data, basis.weight, ctx.threshold
    w_word = "weighted" if weight else "unweighted"
    harms = c.harm_items_in(data)
    any_harm = None
    if not harms:
        ctx.note(
            "survey: the dictionary declares no harm items (role 'harm', type binary); prevalence of harm not included"
        )
    else:
        any_harm = _add_any_harm(data, harms)
        with part(ctx, "prevalence of harm"):
            _prevalence(ctx, c, dictionary, data, harms, any_harm, weight, w_word, k, summary)
    _pillars(ctx, c, dictionary, data, any_harm, weight, w_word, k, summary)
    scale_cols = []
    with part(ctx, "scale reliability and scores"):
        scale_cols = _scales(ctx, c, dictionary, data, weight, w_word, k, summary)
    if any_harm is not None and c.model:
        with part(ctx, "the model of who is more likely to be harmed"):
            _model(ctx, c, dictionary, data, any_harm, weight, w_word, summary)
    outcomes = ([any_harm] if any_harm else []) + scale_cols
    for var in c.compare_by:
        if var not in data.columns or not outcomes:
            continue
        with part(ctx, f"the comparison by {_short(c.labels[var]).lower()}"):
            _compare(ctx, c, dictionary, data, var, outcomes, weight, w_word, k)
    with part(ctx, "the figures of agreement with each statement"):
        _likert(ctx, c, dictionary, data, scale_cols, weight, w_word)
    return harms, any_harm, scale_cols


def _add_any_harm(data: pd.DataFrame, harms: list[str]) -> str:
    """Add the column 'any harm' (1 when any harm item is 1) under a free name; return it."""
    any_harm = _fresh(data, "harm_any")
    data[any_harm] = any_of(data, harms)
    return any_harm


def _survey_method(ctx, harms, scale_cols, summary, wave_text: str) -> None:
    """The methods paragraph of the survey: intervals of prevalence, scale scores, the wave."""
    done = []
    if harms:
        done.append(
            "Prevalence of 0/1 items uses Wilson intervals unweighted and, with weights, "
            "Taylor-linearised standard errors with a logit-transformed interval (as R survey::svyciprop)"
            f"; 'any harm' is 1 when any of the {len(harms)} harm items is 1."
        )
    if scale_cols:
        done.append(
            f"Scale scores ({', '.join(summary.scale_text)}) are the mean of answered items after "
            "reverse-keying, requiring at least half the items."
        )
    ctx.method(
        "Survey",
        " ".join(done + ([f"Results use {wave_text}."] if wave_text else []))
        or "The survey declares no harm items and no scales: only data validation is reported.",
    )


def _weighting_limitation(ctx, weight: str | None, weight_text: str) -> None:
    """The limitation the weighting leaves: unweighted figures describe the respondents;
    weighted ones can still be biased by non-response related to harm."""
    if weight is None:
        ctx.limitation(
            "The survey figures are unweighted: they describe those who responded, who may differ "
            "from the workforce in role, force or experience of harm."
        )
    else:
        how = "raked to the workforce profile" if "raked" in weight_text else "weighted by the supplied weight"
        ctx.limitation(
            f"Survey figures are {how} (see Weighting); non-response related to experience "
            "of harm could still bias them."
        )


class _Summary:
    def __init__(self):
        self.scale_text: list[str] = []


PEOPLE = {"counts": ["n", "n_events"], "events": [("n_events", "n")]}


def _drawn(draw):
    """``draw`` for ``ctx.figure``, or, when the gate has withheld everything it would show
    (the figure is drawn again after the gate's last pass), a figure saying so."""

    def safe(*tables):
        try:
            return draw(*tables)
        except ToolkitError:
            fig = Figure(figsize=(6, 1.2))
            fig.text(
                0.5,
                0.5,
                "Nothing to show: every figure it would draw was withheld by disclosure control.",
                ha="center",
                va="center",
                fontsize="small",
            )
            return fig

    return safe


def _ok(row, *cols) -> bool:
    """True when every value of ``cols`` survived the gate (not withheld)."""
    return all(pd.notna(row[c]) for c in cols)


def _prevalence(ctx, c, dictionary, data, harms, any_harm, weight, w_word, k, summary):
    """Prevalence of each harm and of any harm, overall and by each published grouping."""
    overall_raw = _overall_prevalence(ctx, dictionary, data, harms, any_harm, weight, w_word, k)
    period = survey_period(data, contract=c, config=ctx.config)
    for var in c.by:
        if var not in data.columns or not c.may_publish(var):
            continue
        what = _short(c.labels[var]).lower()
        with part(ctx, f"harm by {what}"):
            _prevalence_by(ctx, dictionary, data, harms, any_harm, var, what, overall_raw, weight, w_word, k, period)


def _overall_prevalence(ctx, dictionary, data, harms, any_harm, weight, w_word, k) -> pd.DataFrame:
    """The table of each harm and any harm over all respondents, and the headline finding;
    returns the table before the gate (the total the breakdowns link to)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # excluded missing answers are counted in the n column
        overall = prevalence(data, [any_harm, *harms], weight=weight, threshold=k)
    labels = {v: _short(dictionary.label(v)) for v in harms}
    labels[any_harm] = "Any online harm"
    overall.insert(1, "label", overall["outcome"].map(labels))
    overall = overall.drop(columns=["by", "group", "suppress"])
    overall_raw = overall.copy()
    overall = ctx.table(
        "survey_harm_prevalence",
        overall,
        key=["outcome"],
        **PEOPLE,
        title=f"Harms experienced ({w_word} proportions)",
        pillar="recognition",
        caption=f"estimate = {w_word} proportion; ci_low/ci_high = 95% "
        f"{'logit' if weight else 'Wilson'} interval; n = respondents answering.",
    )
    row = overall.set_index("outcome").loc[any_harm]
    if _ok(row, "estimate", "ci_low", "ci_high", "n"):
        ctx.finding(
            "recognition",
            "{est:.0%} of respondents (95% CI {lo:.0%} to {hi:.0%}; n = {n:,}) experienced at least one of the "
            "{k} online harms asked about.",
            recommendation="1.01",
            est=float(row["estimate"]),
            lo=float(row["ci_low"]),
            hi=float(row["ci_high"]),
            n=int(row["n"]),
            k=len(harms),
            people=("n",),
            cells={"n": cell("survey_harm_prevalence", any_harm, "n")},
        )
    return overall_raw


def _prevalence_by(ctx, dictionary, data, harms, any_harm, var, what, overall_raw, weight, w_word, k, period):
    """Any harm and each harm type by one grouping: two tables, a bar chart and a heat table."""
    name = f"survey_harm_by_{var}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        by = _relabel(prevalence(data, any_harm, by=var, weight=weight, threshold=k), dictionary, var)
        types = _relabel(prevalence(data, harms, by=var, weight=weight, threshold=k), dictionary, var)
    by = by.drop(columns=["suppress"])
    ctx.table(
        name,
        by,
        key=["group"],
        **PEOPLE,
        links=_links_to_total(by, name, "survey_harm_prevalence", any_harm, overall_table=overall_raw),
        title=f"Any online harm by {what} ({w_word})",
        pillar="recognition",
        caption=f"Groups with fewer than {k} respondents, or fewer than {k} with or without the harm, are "
        "withheld (blank), with further cells withheld so that the overall figures do not give them back.",
    )
    ctx.figure(
        name,
        _drawn(
            lambda t, var=var, what=what: prevalence_plot(
                t.assign(suppress=t["estimate"].isna(), outcome="Any online harm", by=var),
                dictionary=dictionary,
                title=f"Any online harm, by {what}",
            )
        ),
        source=name,
        title=f"Any online harm by {what} ({w_word}, 95% CI)",
        pillar="recognition",
        alt=lambda t, what=what: alt_text.groups_alt(
            t, measure=f"{w_word} share of respondents who experienced any online harm", by=what, period=period
        ),
    )
    ctx.table(
        f"survey_harm_types_by_{var}",
        types.drop(columns=["suppress"]),
        key=["outcome", "group"],
        **PEOPLE,
        title=f"Harm types by {what} ({w_word})",
        pillar="recognition",
        caption=f"Cells with fewer than {k} respondents, or fewer than {k} with or without the harm, are withheld.",
    )
    ctx.figure(
        f"survey_harm_heatmap_{var}",
        _drawn(lambda t, what=what: _draw_heatmap(t, dictionary, k, f"Harm types by {what} ({w_word} %)", w_word)),
        source=f"survey_harm_types_by_{var}",
        title=f"Harm types by {what} ({w_word} %; withheld cells marked [c])",
        pillar="recognition",
        alt=lambda t, what=what: alt_text.heatmap_alt(
            t,
            rows="harm types",
            columns=f"groups of {what}",
            measure=f"{w_word} share of respondents who experienced each harm type",
            period=period,
            row_labels={h: _short(dictionary.label(h)) for h in t["outcome"].unique()},
        ),
    )


def _pillars(ctx, c, dictionary, data, any_harm, weight, w_word, k, summary):
    findings = {
        "reporting": (
            "3.01",
            "Of those harmed, {est:.0%} (95% CI {lo:.0%} to {hi:.0%}; n = {n:,}) answered yes to: {label}.",
        ),
        "support": (
            "4.04",
            "{est:.0%} of respondents (95% CI {lo:.0%} to {hi:.0%}; n = {n:,}) answered yes to: {label}.",
        ),
        "training": (
            "2.01",
            "{est:.0%} of respondents (95% CI {lo:.0%} to {hi:.0%}; n = {n:,}) answered yes to: {label}.",
        ),
    }
    for pillar in ("reporting", "support", "training"):
        items = c.items(pillar, types=("binary",), data=data)
        if not items:
            ctx.note(
                f"survey: the dictionary declares no 0/1 {pillar} items (role '{pillar}'); "
                f"{pillar} proportions not included"
            )
            continue
        # reporting is asked of those harmed
        base = data[data[any_harm] == 1] if pillar == "reporting" and any_harm is not None else data
        who = "of those harmed" if base is not data else "of respondents"
        with part(ctx, f"the {pillar} proportions"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                table = prevalence(base, items, weight=weight, threshold=k)
            table = table.drop(columns=["by", "group", "suppress"])
            table.insert(1, "label", table["outcome"].map(dictionary.label))
            table = ctx.table(
                f"survey_{pillar}",
                table,
                key=["outcome"],
                **PEOPLE,
                title=f"{pillar.title()}: {w_word} proportions {who}",
                pillar=pillar,
            )
            rec, text = findings[pillar]
            if base is data and pillar == "reporting":
                text = text.replace("Of those harmed, ", "").replace("{est:.0%} (", "{est:.0%} of respondents (")
            # the first two items of the pillar (e.g. aware of support, and used it)
            for i in range(min(2, len(table))):
                row = table.iloc[i]
                if _ok(row, "estimate", "ci_low", "ci_high", "n"):
                    ctx.finding(
                        pillar,
                        text,
                        recommendation=rec,
                        est=float(row["estimate"]),
                        lo=float(row["ci_low"]),
                        hi=float(row["ci_high"]),
                        n=int(row["n"]),
                        label=dictionary.label(items[i]),
                        people=("n",),
                        cells={"n": cell(f"survey_{pillar}", row["outcome"], "n")},
                    )


def _scales(ctx, c, dictionary, data, weight, w_word, k, summary):
    scales = {s: items for s, items in dictionary.scales().items() if all(i in data.columns for i in items)}
    if not scales:
        ctx.note(
            "survey: the dictionary declares no scales (column 'scale'); reliability and scale scores not included"
        )
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rel = reliability_table(data, dictionary, scales=list(scales))
        scores = score_scales(data, dictionary, scales=list(scales))
    ctx.table(
        "survey_scale_reliability",
        rel.scales,
        key=["scale"],
        counts=["n"],
        title="Reliability of the survey scales (Cronbach's alpha with Feldt 95% CI, omega total)",
        caption="Computed as R psych::alpha / psych::omega do (pairwise deletion).",
    )
    for col in scores.columns:
        data[col] = scores[col]
    scale_cols = [s for s in c.climate_scales if s in scores.columns]
    for s in scale_cols:
        summary.scale_text.append(f"{s}: {_scale_range(dictionary, list(scales[s]))}")
    ranges = {_scale_range(dictionary, list(scales[s])) for s in scale_cols}
    range_text = next(iter(ranges)) if len(ranges) == 1 else "see the methods for each scale's range"
    for var in c.by:
        if var not in data.columns or not c.may_publish(var) or not scale_cols:
            continue
        what = _short(c.labels[var]).lower()
        with part(ctx, f"scale means by {what}"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                means = _relabel(mean_by(data, scale_cols, by=var, weight=weight, threshold=k), dictionary, var)
            pillars = {dictionary.pillar(scales[s][0]) for s in scale_cols}
            ctx.table(
                f"survey_scale_means_by_{var}",
                means.drop(columns=["suppress"]),
                key=["outcome", "group"],
                counts=[col for col in ("n", "n_events") if col in means.columns],
                title=f"Scale means ({range_text}; higher = more agreement, reverse-worded items reversed) by {what}",
                pillar=next(iter(pillars)) if len(pillars) == 1 and None not in pillars else None,
                caption=f"{w_word.capitalize()} means with 95% CI; groups under {k} respondents withheld.",
            )
    return scale_cols


def _model(ctx, c, dictionary, data, any_harm, weight, w_word, summary):
    predictors = [v for v in c.model if v in data.columns]
    if not predictors:
        ctx.note("survey: none of the model's predictors (survey.model) is in the data; model not included")
        return
    data = data.copy()
    _drop_thin_levels(ctx, c, dictionary, data, any_harm, predictors)
    formula, refs, notes = _model_formula(c, dictionary, data, any_harm, predictors)
    for n in notes:
        ctx.note(f"survey: model: {n}")
    if formula is None:
        ctx.note("survey: no predictor of the model varies in the data; model not included")
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = logit(data, formula, weight=weight)
    model.insert(1, "label", _term_labels(model, c, dictionary))
    se = (
        "Design-based standard errors for a weighted sample (as R survey::svyglm)."
        if weight
        else "Unweighted; model-based standard errors."
    )
    ctx.table(
        "survey_harm_model",
        model,
        key=["term"],
        counts=["n"],
        terms=_term_counts(data, model["term"], any_harm),
        title=f"Who is more likely to experience online harm: {w_word} logistic regression (odds ratios)",
        pillar="recognition",
        caption=f"Reference groups: {'; '.join(refs)}. {se}" + (f" {'; '.join(notes)}." if notes else ""),
    )


def _compare(ctx, c, dictionary, data, var, outcomes, weight, w_word, k):
    what = _short(c.labels[var]).lower()
    # groups under the threshold are left out of the comparison (their share would rest on them)
    sizes = data[var].value_counts()
    small = sorted(map(str, sizes[sizes < k].index))
    if small:
        ctx.note(f"survey: comparison by {what} leaves out {len(small)} group(s) with fewer than {k} respondents")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        comparisons = compare_groups(
            data[data[var].isin(sizes[sizes >= k].index)], outcomes, by=var, weight=weight, correction="holm"
        )
    ctx.table(
        f"survey_compare_by_{var}",
        comparisons,
        key=["outcome"],
        counts=["n"],
        not_people={"n_groups": "groups compared"},
        title=f"Differences by {what} ({'design-based' if weight else 'unweighted'} tests, Holm-adjusted across outcomes)",
        pillar="recognition",
    )


def _likert(ctx, c, dictionary, data, scale_cols, weight, w_word):
    period = survey_period(data, contract=c, config=ctx.config)
    for scale in scale_cols:
        items = dictionary.scales().get(scale)
        if not items or not all(i in data.columns for i in items):
            continue
        if not all(c.types[i] == "likert" for i in items):
            continue
        pillar = dictionary.pillar(items[0])
        ctx.table(
            f"survey_likert_{scale}",
            _likert_table(data, items, weight),
            key=["item", "level"],
            counts=["n", "n_level"],
            events=[("n_level", "n")],
            pillar=pillar,
            title=f"{scale.replace('_', ' ').capitalize()}: answers to each statement ({w_word} share)",
        )
        ctx.figure(
            f"survey_likert_{scale}",
            _drawn(lambda t, items=items: _draw_likert(t, items, weight, dictionary)),
            source=f"survey_likert_{scale}",
            title=f"{scale.replace('_', ' ').capitalize()}: agreement with each statement ({w_word})",
            pillar=pillar,
            alt=lambda t, items=items, scale=scale: alt_text.likert_alt(
                t,
                topic=scale.replace("_", " "),
                period=period,
                weighted=weight is not None,
                item_labels={i: _short(dictionary.label(i)) for i in items},
                level_labels=_level_labels(dictionary, items[0]),
            ),
        )
