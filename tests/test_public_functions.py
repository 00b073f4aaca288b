"""Every public function handles bad input with a clear toolkit error.

The cross-cutting check of STYLE.md example 7 (scikit-learn's
``sklearn/tests/test_public_functions.py``): every function exported by the lazy maps of
``toolkit.survey``, ``toolkit.qual`` and ``toolkit.evaluate``, plus the readers and the
disclosure entry points, has an entry in :data:`REGISTRY` with a small valid input, and
parametrised tests feed each one

* a misspelt column name -> a :class:`~toolkit.errors.ToolkitError` naming the bad name and
  the available columns / what was expected (never a bare KeyError, AttributeError,
  AssertionError or a statsmodels / patsy internal error);
* an invalid choice (``missing="x"``, ``family="x"`` ...) -> :class:`ParameterError` naming
  the parameter and the allowed values;
* data of the wrong type (``None``, a list) -> a ToolkitError / TypeError naming the
  expected type;
* an empty table (0 rows, right columns) -> a clear ToolkitError, never silent NaNs or an
  IndexError;
* a file that does not exist -> an error naming the file;
* a number where column names belong -> a ToolkitError naming the argument;
* a qualitative project with no coding -> a clear error or a table without silent NaNs.

It also checks that functions taking a confidence level put it in ``attrs["ci"]``
(never in a column name), that core estimators return the documented fixed columns as
floats, and that no ``assert`` guards anything in ``toolkit/`` (``python -O`` strips them).

Every error message is therefore built at least once (messages that crash while being
formatted are an anti-pattern of STYLE.md). :func:`test_registry_is_complete` fails when a
new public name is exported without an entry here: add one.
"""

from __future__ import annotations

import ast
import inspect
import pathlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
import pytest

import toolkit.dictionary
import toolkit.disclosure
import toolkit.evaluate
import toolkit.io
import toolkit.qual
import toolkit.survey
from toolkit.errors import ParameterError, ToolkitError

ROOT = pathlib.Path(__file__).resolve().parents[1]
TYPO = "_tpyo"

# ----------------------------------------------------------------------------------------
# Small valid inputs (cached; factories return fresh copies)
# ----------------------------------------------------------------------------------------


@cache
def _survey() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    n = 60
    f = rng.normal(size=n)
    df = pd.DataFrame({f"q{i}": np.clip(np.round(3 + f + rng.normal(size=n)), 1, 5) for i in range(1, 5)})
    df["harm_abuse"] = rng.binomial(1, 0.4, n)
    df["harm_threats"] = rng.binomial(1, 0.3, n)
    df["role"] = np.tile([1, 2], n // 2)
    df["gender"] = np.repeat([1, 2], n // 2)
    df["w"] = rng.uniform(0.5, 2.0, n)
    df["rec_serious"] = pd.Categorical(rng.integers(1, 6, n), categories=[1, 2, 3, 4, 5], ordered=True)
    return df


def survey() -> pd.DataFrame:
    return _survey().copy()


def scale_dictionary() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "variable": ["q1", "q2", "q3", "q4"],
            "label": ["Q1", "Q2", "Q3", "Q4"],
            "type": "likert",
            "values": "1=No; 2=Rather no; 3=Unsure; 4=Rather yes; 5=Yes",
            "missing": "",
            "scale": "trust",
            "reverse": "",
            "min": 1,
            "max": 5,
            "required": "",
            "pillar": "",
            "disclosure": "public",
        }
    )


@cache
def _project():
    from toolkit.synth.qual import make_interviews

    return make_interviews(1)


def project():
    return _project()


def sleep() -> pd.DataFrame:
    """R's ``sleep`` data (long: id, drug, extra), from the committed reference copy."""
    data = pd.read_csv(ROOT / "tests" / "reference" / "data" / "evaluate_sleep.csv")
    return data.rename(columns={"ID": "id", "group": "drug"})[["id", "drug", "extra"]]


def waves() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "officer": [1, 2, 3, 4, 5, 6, 7, 8] * 2,
            "wave": ["pre"] * 8 + ["post"] * 8,
            "force": (["rollout"] * 4 + ["comparison"] * 4) * 2,
            "confidence": [
                1.5,
                3.0,
                2.5,
                3.5,
                3.0,
                2.0,
                2.5,
                3.5,
                3.5,
                4.0,
                4.0,
                4.5,
                3.0,
                2.5,
                2.5,
                4.0,
            ],
        }
    )


@cache
def _panel(staggered: bool):
    from toolkit.synth.evaluate import make_panel

    return make_panel(seed=1, staggered=staggered, n_forces=8)


@cache
def _incidents():
    from toolkit.synth.evaluate import make_incidents

    return make_incidents(seed=1)


def _forces():
    from toolkit.synth.evaluate import make_forces

    return make_forces(seed=1)  # the forces of _incidents()


def monthly() -> pd.DataFrame:
    inc = _incidents()
    return (
        inc.assign(month=pd.PeriodIndex(inc["date"], freq="M"))
        .groupby("month")
        .size()
        .rename("incidents")
        .reset_index()
    )


DOCS = pd.DataFrame(
    {
        "id": ["a", "b", "c", "d"],
        "year": [2015, 2015, 2022, 2022],
        "text": [
            "Breaches may lead to disciplinary action.",
            "Misconduct damages the reputation of the force.",
            "Your wellbeing matters; support is available.",
            "Talk to occupational health and your line manager for support.",
        ],
    }
)

TEXTS = [
    "Report online abuse to your line manager.",
    "Report online abuse to your line manager today.",
    "Line manager support after online abuse matters.",
    "Managers signpost staff to wellbeing support after online abuse.",
]


def _template(*parts) -> pathlib.Path:
    return ROOT / "data-templates" / pathlib.Path(*parts)


# ----------------------------------------------------------------------------------------
# The registry
# ----------------------------------------------------------------------------------------


@dataclass
class Case:
    """How to call one public function and how to break its input.

    valid(tmp_path) -> kwargs that make a successful call.
    data     : kwarg holding the main table / object (wrong-type and empty-table tests).
    expects  : word the wrong-type message must contain (e.g. "DataFrame").
    bad_data : wrong-typed values to try for ``data``.
    columns  : names to misspell, each ("arg", kwarg): the column name(s) (or code, coder,
               scale) given in that kwarg; ("drop", column): a column the function needs
               is renamed out of ``data``; or a callable kwargs -> (kwargs, bad_name)
               for anything else (formulas).
    choices  : ((kwarg, an allowed value), ...); the test sets kwarg to an invalid string.
    empty    : run the empty-table test (``data`` with 0 rows).
    path     : kwarg holding a file path (missing-file test).
    """

    func: Callable
    valid: Callable
    data: str | None = None
    expects: str = "DataFrame"
    bad_data: tuple = (None, [[1, 2], [3, 4]])
    columns: tuple = ()
    choices: tuple = ()
    empty: bool = False
    path: str | None = None


S, Q, E = toolkit.survey, toolkit.qual, toolkit.evaluate


def _formula_typo(kwargs):
    kwargs["formula"] = kwargs["formula"].replace("role", "role" + TYPO)
    return kwargs, "role" + TYPO


def _qdpx_file(tmp):
    return Q.write_qdpx(project(), tmp / "demo.qdpx")


def _qdc_file(tmp):
    return Q.write_qdc(project(), tmp / "codebook.qdc")


def _transcript(tmp):
    f = tmp / "P07.txt"
    f.write_text("Interviewer: Any abuse?\nP07: Part of the job.\n", encoding="utf-8")
    return f


def _hand_coded_case(func) -> Case:
    """validate_lexicon and lexicon_confusion take the same hand-coded sample."""
    return Case(
        func,
        lambda tmp: {
            "sample": DOCS.assign(label=["misconduct", "misconduct", "care", "care"]),
            "label": "label",
            "text": "text",
        },
        data="sample",
        columns=(
            ("arg", "label"),
            ("arg", "text"),
        ),
        empty=True,
        path="sample",
    )


REGISTRY: dict[str, Case] = {
    # ---------------------------------------------------------------- survey
    "survey.score_scales": Case(
        S.score_scales,
        lambda tmp: {"data": survey(), "dictionary": scale_dictionary()},
        data="data",
        columns=(("drop", "q2"),),
        choices=(("method", "mean"),),
        empty=True,
    ),
    "survey.reliability": Case(
        S.reliability,
        lambda tmp: {"data": survey(), "items": ["q1", "q2", "q3", "q4"]},
        data="data",
        columns=(("arg", "items"),),
        choices=(
            ("missing", "pairwise"),
            ("ci_method", "feldt"),
        ),
        empty=True,
    ),
    "survey.item_analysis": Case(
        S.item_analysis,
        lambda tmp: {"data": survey(), "items": ["q1", "q2", "q3", "q4"]},
        data="data",
        columns=(("arg", "items"),),
        choices=(("missing", "pairwise"),),
        empty=True,
    ),
    "survey.reliability_table": Case(
        S.reliability_table,
        lambda tmp: {"data": survey(), "dictionary": scale_dictionary()},
        data="data",
        columns=(("drop", "q2"),),
        choices=(
            ("missing", "pairwise"),
            ("ci_method", "feldt"),
        ),
        empty=True,
    ),
    "survey.rake": Case(
        S.rake,
        lambda tmp: {
            "data": survey(),
            "margins": {"gender": {1: 0.5, 2: 0.5}, "role": {1: 0.5, 2: 0.5}},
        },
        data="data",
        columns=(("arg", "margins"),),
        empty=True,
    ),
    "survey.workforce_margins": Case(
        S.workforce_margins,
        lambda tmp: {
            "workforce": pd.DataFrame(
                {
                    "force": ["F1", "F1", "F2", "F2"],
                    "variable": "role",
                    "code": [1, 2, 1, 2],
                    "count": [60, 40, 30, 20],
                }
            ),
            "variables": ["force", "role"],
        },
        data="workforce",
        columns=(("arg", "variables"),),
        empty=True,
    ),
    "survey.any_of": Case(
        S.any_of,
        lambda tmp: {"data": survey(), "items": ["harm_abuse", "harm_threats"]},
        data="data",
        columns=(("arg", "items"),),
        empty=True,
    ),
    "survey.prevalence": Case(
        S.prevalence,
        lambda tmp: {
            "data": survey(),
            "outcome": "harm_abuse",
            "by": "role",
            "weight": "w",
        },
        data="data",
        columns=(
            ("arg", "outcome"),
            ("arg", "by"),
            ("arg", "weight"),
        ),
        empty=True,
    ),
    "survey.total": Case(
        S.total,
        lambda tmp: {"data": survey(), "outcome": "harm_abuse", "by": "role", "weight": "w"},
        data="data",
        columns=(
            ("arg", "outcome"),
            ("arg", "by"),
            ("arg", "weight"),
        ),
        empty=True,
    ),
    "survey.mean_by": Case(
        S.mean_by,
        lambda tmp: {"data": survey(), "outcome": "q1", "by": "role", "weight": "w"},
        data="data",
        columns=(
            ("arg", "outcome"),
            ("arg", "by"),
            ("arg", "weight"),
        ),
        empty=True,
    ),
    "survey.compare_groups": Case(
        S.compare_groups,
        lambda tmp: {
            "data": survey(),
            "outcome": ["harm_abuse", "q1"],
            "by": "role",
            "weight": "w",
        },
        data="data",
        columns=(
            ("arg", "by"),
            ("arg", "outcome"),
            ("arg", "weight"),
        ),
        choices=(
            ("correction", "holm"),
            ("measure", "auto"),
        ),
        empty=True,
    ),
    "survey.logit": Case(
        S.logit,
        lambda tmp: {"formula": "harm_abuse ~ role", "data": survey()},
        data="data",
        columns=(_formula_typo,),
        empty=True,
    ),
    "survey.ordinal": Case(
        S.ordinal,
        lambda tmp: {"formula": "rec_serious ~ role", "data": survey()},
        data="data",
        columns=(_formula_typo,),
        choices=(("link", "logit"),),
        empty=True,
    ),
    "survey.likert_bars": Case(
        S.likert_bars,
        lambda tmp: {"data": survey(), "items": ["q1", "q2"], "weight": "w"},
        data="data",
        columns=(
            ("arg", "items"),
            ("arg", "weight"),
        ),
        empty=True,
    ),
    "survey.prevalence_plot": Case(
        S.prevalence_plot,
        lambda tmp: {"table": S.prevalence(survey(), "harm_abuse", by="role", threshold=5)},
        data="table",
        columns=(("drop", "estimate"),),
        empty=True,
    ),
    "survey.funnel": Case(
        S.funnel,
        lambda tmp: {
            "data": survey().assign(force=np.tile([1, 2, 3], 20)),
            "outcome": "harm_abuse",
            "by": "force",
        },
        data="data",
        columns=(("arg", "outcome"), ("arg", "by")),
        empty=True,
    ),
    "survey.funnel_limits": Case(
        S.funnel_limits,
        lambda tmp: {"n": [50, 100], "target": 0.2},
        data="n",
        expects="positive numbers",
        bad_data=(None, "many", [[-1, 3]]),
    ),
    "survey.funnel_plot": Case(
        S.funnel_plot,
        lambda tmp: {
            "result": S.funnel(survey().assign(force=np.tile([1, 2, 3], 20)), outcome="harm_abuse", by="force")
        },
        data="result",
        columns=(("drop", "estimate"),),
    ),
    "survey.resourcing": Case(
        S.resourcing,
        lambda tmp: {
            "data": survey().assign(force=np.tile([1, 2, 3], 20)),
            "harms": ["harm_abuse", "harm_threats"],
            "by": "force",
            "weight": "w",
            "reported": "harm_threats",
        },
        data="data",
        columns=(("arg", "harms"), ("arg", "by"), ("arg", "weight"), ("arg", "reported")),
        empty=True,
    ),
    "survey.compare_forces": Case(
        S.compare_forces,
        lambda tmp: {
            "data": survey().assign(force=np.tile([1, 2, 3], 20)),
            "outcome": "harm_abuse",
            "by": "force",
            "weight": "w",
        },
        data="data",
        columns=(("arg", "outcome"), ("arg", "by"), ("arg", "weight")),
        choices=(("correction", "holm"),),
        empty=True,
    ),
    "survey.change_by": Case(
        S.change_by,
        lambda tmp: {
            "data": survey().assign(force=np.tile([1, 2, 3], 20), wave=np.repeat([1, 2], 30)),
            "outcome": "harm_abuse",
            "by": "force",
            "time": "wave",
        },
        data="data",
        columns=(("arg", "outcome"), ("arg", "by"), ("arg", "time")),
        empty=True,
    ),
    "survey.shrink_forces": Case(
        S.shrink_forces,
        lambda tmp: {"data": survey().assign(force=np.tile([1, 2, 3], 20)), "outcome": "harm_abuse", "by": "force"},
        data="data",
        columns=(("arg", "outcome"), ("arg", "by")),
        empty=True,
    ),
    "survey.harm_heatmap": Case(
        S.harm_heatmap,
        lambda tmp: {
            "data": survey(),
            "harms": ["harm_abuse", "harm_threats"],
            "by": "role",
            "weight": "w",
            "threshold": 5,
        },
        data="data",
        columns=(
            ("arg", "by"),
            ("arg", "harms"),
            ("arg", "weight"),
        ),
        empty=True,
    ),
    # ---------------------------------------------------------------- qual
    "qual.QualProject": Case(
        Q.QualProject,
        lambda tmp: {
            "sources": project().sources,
            "cases": project().cases,
            "codebook": project().codebook,
            "segments": project().segments.drop(columns="text"),
        },
        data="segments",
        columns=(("drop", "code"),),
    ),
    "qual.read_qdpx": Case(
        Q.read_qdpx,
        lambda tmp: {"path": _qdpx_file(tmp)},
        path="path",
        choices=(("errors", "raise"),),
    ),
    "qual.write_qdpx": Case(
        Q.write_qdpx,
        lambda tmp: {"project": project(), "path": tmp / "out.qdpx"},
        data="project",
        expects="QualProject",
    ),
    "qual.read_qdc": Case(Q.read_qdc, lambda tmp: {"path": _qdc_file(tmp)}, path="path"),
    "qual.write_qdc": Case(
        Q.write_qdc,
        lambda tmp: {"codebook": project(), "path": tmp / "out.qdc"},
        data="codebook",
        expects="QualProject",
    ),
    "qual.read_transcript": Case(
        Q.read_transcript,
        lambda tmp: {"path": _transcript(tmp)},
        path="path",
    ),
    "qual.read_transcripts": Case(
        Q.read_transcripts,
        lambda tmp: {"paths": [_transcript(tmp)]},
        path="paths",
    ),
    "qual.code_frequencies": Case(
        Q.code_frequencies,
        lambda tmp: {
            "project": project(),
            "by": "role",
            "coder": "A",
            "codes": ["REC.NORM"],
        },
        data="project",
        expects="QualProject",
        columns=(
            ("arg", "by"),
            ("arg", "codes"),
            ("arg", "coder"),
        ),
    ),
    "qual.framework_matrix": Case(
        Q.framework_matrix,
        lambda tmp: {
            "project": project(),
            "codes": ["REC.NORM"],
            "by": "personal_experience",
            "coder": "A",
        },
        data="project",
        expects="QualProject",
        columns=(
            ("arg", "by"),
            ("arg", "codes"),
            ("arg", "coder"),
        ),
    ),
    "qual.cooccurrence": Case(
        Q.cooccurrence,
        lambda tmp: {
            "project": project(),
            "coder": "A",
            "codes": ["REC.NORM", "REP.BARRIER"],
        },
        data="project",
        expects="QualProject",
        columns=(
            ("arg", "codes"),
            ("arg", "coder"),
        ),
        choices=(
            ("unit", "segment"),
            ("measure", "count"),
        ),
    ),
    "qual.cooccurrence_heatmap": Case(
        Q.cooccurrence_heatmap,
        lambda tmp: {"table": Q.cooccurrence(project(), coder="A")},
        data="table",
        columns=(("drop", "estimate"),),
        empty=True,
    ),
    "qual.agreement": Case(
        Q.agreement,
        lambda tmp: {"project": project(), "n_boot": 0},
        data="project",
        expects="QualProject",
        choices=(
            ("item", "segment"),
            ("weight", "characters"),
        ),
    ),
    "qual.krippendorff_alpha": Case(
        Q.krippendorff_alpha,
        lambda tmp: {
            "data": pd.DataFrame(
                {
                    "unit": list(range(10)) * 2,
                    "coder": ["A"] * 10 + ["B"] * 10,
                    "value": [
                        0,
                        1,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        1,
                        0,
                        1,
                        1,
                        1,
                        0,
                        0,
                        1,
                        0,
                        0,
                        0,
                        0,
                    ],
                }
            ),
            "item": "unit",
            "coder": "coder",
            "value": "value",
        },
        data="data",
        columns=(
            ("arg", "item"),
            ("arg", "coder"),
            ("arg", "value"),
        ),
        choices=(("level", "nominal"),),
        empty=True,
    ),
    "qual.fleiss_kappa": Case(
        Q.fleiss_kappa,
        lambda tmp: {
            "data": pd.DataFrame(
                {
                    "item": np.repeat(np.arange(12), 3),
                    "coder": ["A", "B", "C"] * 12,
                    "value": np.arange(36) % 4 // 2 + np.arange(36) // 27,
                }
            ),
            "item": "item",
            "coder": "coder",
            "value": "value",
            "n_boot": 0,
        },
        data="data",
        columns=(("arg", "item"), ("arg", "coder"), ("arg", "value")),
        empty=True,
    ),
    "qual.krippendorff_alpha_ci": Case(
        Q.krippendorff_alpha_ci,
        lambda tmp: {
            "data": pd.DataFrame(
                {
                    "item": list(range(10)) * 2,
                    "coder": ["A"] * 10 + ["B"] * 10,
                    "value": [0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
                }
            ),
            "item": "item",
            "coder": "coder",
            "value": "value",
            "n_boot": 100,
        },
        data="data",
        columns=(("arg", "item"), ("arg", "coder"), ("arg", "value")),
        choices=(("level", "nominal"),),
        empty=True,
    ),
    "qual.cohen_kappa": Case(
        Q.cohen_kappa,
        lambda tmp: {
            "data": pd.DataFrame(
                {
                    "a": ["y"] * 25 + ["n"] * 25,
                    "b": ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15,
                }
            ),
            "raters": ["a", "b"],
        },
        data="data",
        columns=(("arg", "raters"),),
        choices=(("weighting", "linear"),),
        empty=True,
    ),
    "qual.quotes": Case(
        Q.quotes,
        lambda tmp: {
            "project": project(),
            "code": "REC.NORM",
            "n": 2,
            "by": "role",
            "role": "role",
        },
        data="project",
        expects="QualProject",
        columns=(
            ("arg", "by"),
            ("arg", "code"),
            ("arg", "role"),
        ),
    ),
    "qual.saturation": Case(
        Q.saturation,
        lambda tmp: {"project": project(), "coder": "A", "order": "role"},
        data="project",
        expects="QualProject",
        choices=(("kind", "interview"),),
        columns=(
            ("arg", "order"),
            ("arg", "coder"),
        ),
    ),
    "qual.saturation_plot": Case(
        Q.saturation_plot,
        lambda tmp: {"table": Q.saturation(project(), coder="A")},
        data="table",
        columns=(("drop", "n_new"),),
        empty=True,
    ),
    "qual.kwic": Case(
        Q.kwic,
        lambda tmp: {"texts": TEXTS, "term": "online abuse"},
        data="texts",
        expects="list",
    ),
    "qual.collocations": Case(
        Q.collocations,
        lambda tmp: {"texts": TEXTS, "top": 3},
        data="texts",
        expects="list",
        choices=(("measure", "llr"),),
    ),
    "qual.keyness": Case(
        Q.keyness,
        lambda tmp: {"texts_a": TEXTS[:2], "texts_b": TEXTS[2:]},
        data="texts_a",
        expects="list",
    ),
    "qual.frame_documents": Case(
        Q.frame_documents,
        lambda tmp: {"documents": DOCS.copy(), "text": "text", "id": "id"},
        data="documents",
        columns=(
            ("arg", "text"),
            ("arg", "id"),
        ),
        empty=True,
    ),
    "qual.redact": Case(
        Q.redact,
        lambda tmp: {"text": "PC Smith of GMP rang 07700 900123."},
        data="text",
        expects="str",
        bad_data=(None, 42),
        choices=(("kinds", "phone"),),
    ),
    "qual.redact_many": Case(
        Q.redact_many,
        lambda tmp: {"texts": ["Inspector Patel called.", "Ask PC Brown."]},
        data="texts",
        expects="list",
        choices=(("kinds", "phone"),),
    ),
    "qual.Redactor": Case(Q.Redactor, lambda tmp: {}, choices=(("kinds", "phone"),)),
    "qual.framing_evidence": Case(
        Q.framing_evidence,
        lambda tmp: {"documents": DOCS.copy(), "text": "text", "id": "id"},
        data="documents",
        columns=(
            ("arg", "text"),
            ("arg", "id"),
        ),
        empty=True,
    ),
    "qual.compare_frames": Case(
        Q.compare_frames,
        lambda tmp: {"scores": Q.frame_documents(DOCS.copy()), "by": "year"},
        data="scores",
        columns=(("arg", "by"),),
        empty=True,
    ),
    "qual.framing_share": Case(
        Q.framing_share,
        lambda tmp: {"scores": Q.frame_documents(DOCS.copy())},
        data="scores",
        columns=(("drop", "frame"),),
        choices=(("frame", "care"),),
        empty=True,
    ),
    "qual.framing_balance_plot": Case(
        Q.framing_balance_plot,
        lambda tmp: {
            "scores": Q.frame_documents(DOCS.copy()),
            "comparison": Q.compare_frames(Q.frame_documents(DOCS.copy()), by="year"),
            "by": "year",
        },
        data="scores",
        columns=(("arg", "by"), ("drop", "estimate")),
    ),
    "qual.validate_lexicon": _hand_coded_case(Q.validate_lexicon),
    "qual.lexicon_confusion": _hand_coded_case(Q.lexicon_confusion),
    "qual.read_lexicon": Case(
        Q.read_lexicon,
        lambda tmp: {"lexicon": pd.read_csv(_template("qual", "framing_lexicon.csv"))},
        data="lexicon",
        bad_data=([[1, 2], [3, 4]], 42),
        columns=(("drop", "frame"),),
        empty=True,
        path="lexicon",
    ),
    "qual.tokenize": Case(
        Q.tokenize,
        lambda tmp: {"texts": TEXTS},
        data="texts",
        expects="list",
    ),
    "qual.framework_to_excel": Case(
        Q.framework_to_excel,
        lambda tmp: {
            "matrix": Q.framework_matrix(project(), codes=["REC.NORM"], coder="A"),
            "path": tmp / "matrix.xlsx",
        },
        data="matrix",
        columns=(("drop", "code"),),
        empty=True,
    ),
    # ---------------------------------------------------------------- evaluate
    "evaluate.pre_post": Case(
        E.pre_post,
        lambda tmp: {
            "data": sleep(),
            "outcome": "extra",
            "time": "drug",
            "subject": "id",
        },
        data="data",
        columns=(
            ("arg", "outcome"),
            ("arg", "time"),
            ("arg", "subject"),
        ),
        choices=(
            ("test", "t"),
            ("effect_size", "d_z"),
        ),
        empty=True,
    ),
    "evaluate.attrition": Case(
        E.attrition,
        lambda tmp: {
            "data": waves(),
            "time": "wave",
            "subject": "officer",
            "baseline": ["force"],
        },
        data="data",
        columns=(
            ("arg", "baseline"),
            ("arg", "time"),
            ("arg", "subject"),
        ),
        empty=True,
    ),
    "evaluate.mixed_anova": Case(
        E.mixed_anova,
        lambda tmp: {
            "data": waves(),
            "outcome": "confidence",
            "within": "wave",
            "between": "force",
            "subject": "officer",
        },
        data="data",
        columns=(
            ("arg", "between"),
            ("arg", "outcome"),
            ("arg", "within"),
            ("arg", "subject"),
        ),
        empty=True,
    ),
    "evaluate.balance_table": Case(
        E.balance_table,
        lambda tmp: {
            "data": waves(),
            "by": "force",
            "covariates": ["confidence"],
            "treated": "rollout",
        },
        data="data",
        columns=(
            ("arg", "covariates"),
            ("arg", "by"),
        ),
        empty=True,
    ),
    "evaluate.mixed_model": Case(
        E.mixed_model,
        lambda tmp: {
            "data": waves(),
            "outcome": "confidence",
            "within": "wave",
            "between": "force",
            "subject": "officer",
        },
        data="data",
        columns=(
            ("arg", "within"),
            ("arg", "outcome"),
            ("arg", "between"),
            ("arg", "subject"),
        ),
        empty=True,
    ),
    "evaluate.did": Case(
        E.did,
        lambda tmp: {
            "data": _panel(False).copy(),
            "outcome": "wellbeing",
            "unit": "force",
            "time": "wave",
            "treated": "trained",
            "n_boot": 99,
        },
        data="data",
        columns=(
            ("arg", "treated"),
            ("arg", "outcome"),
            ("arg", "unit"),
            ("arg", "time"),
        ),
        choices=(
            ("ssc", "nested"),
            ("boot_weights", "rademacher"),
        ),
        empty=True,
    ),
    "evaluate.event_study": Case(
        E.event_study,
        lambda tmp: {
            "data": _panel(False).copy(),
            "outcome": "wellbeing",
            "unit": "force",
            "time": "wave",
            "treated": "trained",
        },
        data="data",
        columns=(
            ("arg", "unit"),
            ("arg", "outcome"),
            ("arg", "time"),
            ("arg", "treated"),
        ),
        choices=(("ssc", "nested"),),
        empty=True,
    ),
    "evaluate.staggered_did": Case(
        E.staggered_did,
        lambda tmp: {
            "data": _panel(True).copy(),
            "outcome": "wellbeing",
            "unit": "force",
            "time": "wave",
            "treated": "trained",
        },
        data="data",
        columns=(
            ("arg", "time"),
            ("arg", "outcome"),
            ("arg", "unit"),
            ("arg", "treated"),
        ),
        choices=(
            ("aggregate", "simple"),
            ("control", "never"),
        ),
        empty=True,
    ),
    "evaluate.event_study_plot": Case(
        E.event_study_plot,
        lambda tmp: {
            "result": E.event_study(
                _panel(False).copy(),
                outcome="wellbeing",
                unit="force",
                time="wave",
                treated="trained",
            )
        },
        data="result",
        columns=(("drop", "estimate"),),
        empty=True,
    ),
    "evaluate.its_plot": Case(
        E.its_plot,
        lambda tmp: {
            "fitted": E.its(
                monthly(),
                outcome="incidents",
                time="month",
                intervention="2023-01",
                family="poisson",
                return_fitted=True,
            )[1]
        },
        data="fitted",
        expects="its()",
        columns=(("drop", "observed"),),
        empty=True,
    ),
    "evaluate.its": Case(
        E.its,
        lambda tmp: {
            "data": monthly(),
            "outcome": "incidents",
            "time": "month",
            "intervention": "2023-01",
            "family": "poisson",
        },
        data="data",
        columns=(
            ("arg", "outcome"),
            ("arg", "time"),
        ),
        choices=(
            ("family", "gaussian"),
            ("seasonality", "fourier"),
        ),
        empty=True,
    ),
    "evaluate.incident_trends": Case(
        E.incident_trends,
        lambda tmp: {
            "data": _incidents().copy(),
            "by": "crime_status",
            "freq": "Y",
        },
        data="data",
        columns=(("arg", "by"),),
        choices=(("freq", "M"),),
        empty=True,
    ),
    "evaluate.launch_series": Case(
        E.launch_series,
        lambda tmp: {"data": _incidents().copy(), "denominators": _forces()},
        data="data",
        columns=(("drop", "force"),),
        choices=(("freq", "M"),),
        empty=True,
    ),
    "evaluate.launched_forces": Case(
        E.launched_forces,
        lambda tmp: {"data": _forces()},
        data="data",
        columns=(("drop", "route_launched"),),
        empty=True,
    ),
    "evaluate.read_incidents": Case(
        E.read_incidents,
        lambda tmp: {"path": _template("evaluate", "incidents.csv")},
        path="path",
    ),
    "evaluate.power": Case(
        E.power,
        lambda tmp: {"effect_size": 0.5, "n": 64},
        choices=(
            ("design", "independent"),
            ("alternative", "two-sided"),
        ),
    ),
    "evaluate.mdes": Case(
        E.mdes,
        lambda tmp: {"n": 30},
        choices=(
            ("alternative", "two-sided"),
            ("design", "independent"),
        ),
    ),
    "evaluate.sample_size": Case(
        E.sample_size,
        lambda tmp: {"effect_size": 0.5},
        choices=(
            ("design", "independent"),
            ("alternative", "two-sided"),
        ),
    ),
    "evaluate.power_proportions": Case(
        E.power_proportions,
        lambda tmp: {"p1": 0.3, "p2": 0.4, "n": 100},
        choices=(
            ("method", "pooled"),
            ("alternative", "two-sided"),
        ),
    ),
    "evaluate.evidence_table": Case(
        E.evidence_table,
        lambda tmp: {
            "results": {
                "t": E.pre_post(sleep(), outcome="extra", time="drug", subject="id"),
                "rank": E.pre_post(sleep(), outcome="extra", time="drug", subject="id", test="rank"),
            }
        },
        data="results",
        expects="dict",
        bad_data=(None, 42),
        choices=(("correction", "holm"),),
    ),
    # ---------------------------------------------------------------- io, dictionary
    "io.read_survey": Case(
        toolkit.io.read_survey,
        lambda tmp: {
            "path": _template("survey", "example.csv"),
            "dictionary": toolkit.dictionary.default_dictionary(),
            "id_column": "resp_id",
        },
        path="path",
        choices=(
            ("on_error", "raise"),
            ("multiselect", "auto"),
        ),
        columns=(("arg", "id_column"),),
    ),
    "dictionary.load_dictionary": Case(
        toolkit.dictionary.load_dictionary,
        lambda tmp: {"source": pd.read_csv(_template("survey", "dictionary.csv"), dtype=str, keep_default_na=False)},
        data="source",
        bad_data=([[1, 2], [3, 4]], 42),
        columns=(("drop", "type"),),
        empty=True,
        path="source",
    ),
    # ---------------------------------------------------------------- disclosure
    "disclosure.suppress": Case(
        toolkit.disclosure.suppress,
        lambda tmp: {"table": pd.DataFrame({"A": [3, 40, 25], "B": [30, 35, 28]}, index=["F01", "F02", "F03"])},
        data="table",
        choices=(("zeros", "publish"),),
        empty=True,
    ),
    "disclosure.suppress_by_counts": Case(
        toolkit.disclosure.suppress_by_counts,
        lambda tmp: {
            "values": pd.DataFrame({"Officer": [41.7, 75.0], "Staff": [20.0, 33.3]}, index=["F01", "F02"]),
            "counts": pd.DataFrame({"Officer": [120, 4], "Staff": [60, 30]}, index=["F01", "F02"]),
        },
        data="values",
        choices=(("zeros", "publish"),),
        empty=True,
    ),
    "disclosure.suppress_long": Case(
        toolkit.disclosure.suppress_long,
        lambda tmp: {
            "data": pd.DataFrame(
                {
                    "force": ["F01", "F01", "F02", "F02"],
                    "role": ["Officer", "Staff", "Officer", "Staff"],
                    "n": [52, 3, 40, 18],
                }
            ),
            "rows": "force",
            "columns": "role",
            "count": "n",
        },
        data="data",
        columns=(
            ("arg", "rows"),
            ("arg", "columns"),
            ("arg", "count"),
        ),
        choices=(("zeros", "publish"),),
        empty=True,
    ),
}

EXTRA_PUBLIC = {
    "io.read_survey",
    "dictionary.load_dictionary",
    "disclosure.suppress",
    "disclosure.suppress_by_counts",
    "disclosure.suppress_long",
}


def _params(test: str, applies: Callable[[Case], bool]):
    out = []
    for name, case in REGISTRY.items():
        if not applies(case):
            continue
        out.append(pytest.param(name, id=name))
    return out


def _spec_id(spec) -> str:
    return spec.__name__.strip("_") if callable(spec) else f"{spec[0]}-{spec[1]}"


def _params_each(test: str, attr: str, keep: Callable = lambda spec: True):
    """One parameter per (function, entry of ``attr``)."""
    out = []
    for name, case in REGISTRY.items():
        for i, spec in enumerate(getattr(case, attr)):
            if not keep(spec):
                continue
            sid = _spec_id(spec) if attr == "columns" else spec[0]
            out.append(pytest.param(name, i, id=f"{name}:{sid}"))
    return out


def _message(exc_info) -> str:
    msg = str(exc_info.value)
    assert msg.strip(), "the error has an empty message"
    return msg


def _misspell(value):
    """The value with its first column name misspelt, and that bad name."""
    if isinstance(value, str):
        return value + TYPO, value + TYPO
    if isinstance(value, (list, tuple)):
        bad = value[0] + TYPO
        return [bad, *value[1:]], bad
    if isinstance(value, dict):
        first = next(iter(value))
        bad = first + TYPO
        return {bad if k == first else k: v for k, v in value.items()}, bad
    raise TypeError(f"cannot misspell {value!r}")


# ----------------------------------------------------------------------------------------
# Tests
# ----------------------------------------------------------------------------------------


def test_every_entry_is_tested():
    """Each registry entry exercises at least one error path."""
    untested = [name for name, c in REGISTRY.items() if not (c.columns or c.choices or c.data or c.path)]
    assert untested == []


def test_registry_is_complete():
    """Every exported public name has an entry (add one for each new function)."""
    exported = {f"survey.{n}" for n in toolkit.survey.__all__}
    exported |= {f"qual.{n}" for n in toolkit.qual.__all__}
    exported |= {f"evaluate.{n}" for n in toolkit.evaluate.__all__}
    exported |= EXTRA_PUBLIC
    assert sorted(exported - set(REGISTRY)) == [], "public functions without a REGISTRY entry"
    assert sorted(set(REGISTRY) - exported) == [], "REGISTRY entries no longer exported"
    for name, case in REGISTRY.items():
        pkg, attr = name.split(".")
        module = {
            "survey": S,
            "qual": Q,
            "evaluate": E,
            "io": toolkit.io,
            "dictionary": toolkit.dictionary,
            "disclosure": toolkit.disclosure,
        }[pkg]
        assert getattr(module, attr) is case.func, name


@pytest.mark.parametrize("name", _params("valid", lambda c: True))
def test_valid_input_runs(name, tmp_path):
    """The registry's valid input works (else the error tests below prove nothing)."""
    case = REGISTRY[name]
    case.func(**case.valid(tmp_path))


EXPECTED_WORDS = (
    "available",
    "expected",
    "must",
    "one of",
    "known",
    "columns",
    "it has",
    "lacks",
    "missing",
    "not found",
    "needs",
    "required",
)


@pytest.mark.parametrize(("name", "i"), _params_each("column", "columns"))
def test_misspelt_column(name, i, tmp_path):
    """The error names the bad column and says what is available or expected."""
    case = REGISTRY[name]
    kwargs = case.valid(tmp_path)
    spec = case.columns[i]
    if callable(spec):
        kwargs, bad = spec(kwargs)
    elif spec[0] == "arg":
        kwargs[spec[1]], bad = _misspell(kwargs[spec[1]])
    else:  # a column the function needs is missing from the data
        bad = spec[1]
        kwargs[case.data] = kwargs[case.data].rename(columns={bad: "renamed" + TYPO})
    with pytest.raises(ToolkitError) as exc:
        case.func(**kwargs)
    msg = _message(exc)
    assert bad in msg, msg
    data = kwargs.get(case.data) if case.data else None
    shown = [c for c in getattr(data, "columns", []) if str(c) != bad and f"'{c}'" in msg]
    if callable(spec):  # a formula: the message must list the columns the data has
        assert shown, msg
    else:
        assert shown or any(w in msg.lower() for w in EXPECTED_WORDS), msg


@pytest.mark.parametrize(
    ("name", "i"),
    _params_each(
        "column_type",
        "columns",
        keep=lambda spec: not callable(spec) and spec[0] == "arg",
    ),
)
def test_column_argument_of_wrong_type(name, i, tmp_path):
    """A number where column names belong: a ToolkitError naming the argument."""
    case = REGISTRY[name]
    spec = case.columns[i]
    kwargs = case.valid(tmp_path)
    kwargs[spec[1]] = 42
    with pytest.raises(ToolkitError) as exc:
        case.func(**kwargs)
    assert f"'{spec[1]}'" in _message(exc), str(exc.value)


@pytest.mark.parametrize(("name", "i"), _params_each("choice", "choices"))
def test_invalid_choice(name, i, tmp_path):
    """ParameterError naming the parameter, the value given and the allowed values."""
    case = REGISTRY[name]
    kwargs = case.valid(tmp_path)
    arg, allowed = case.choices[i]
    kwargs[arg] = ["not_a_choice"] if arg == "kinds" else "not_a_choice"
    with pytest.raises(ParameterError) as exc:
        case.func(**kwargs)
    msg = _message(exc)
    assert f"'{arg}'" in msg, msg
    assert "not_a_choice" in msg, msg
    assert allowed in msg, msg


@pytest.mark.parametrize("name", _params("wrong_type", lambda c: c.data is not None))
def test_wrong_data_type(name, tmp_path):
    case = REGISTRY[name]
    for bad in case.bad_data:
        kwargs = case.valid(tmp_path)
        kwargs[case.data] = bad
        with pytest.raises((ToolkitError, TypeError)) as exc:
            case.func(**kwargs)
        assert case.expects in _message(exc), f"{bad!r}: {exc.value}"


@pytest.mark.parametrize("name", _params("empty", lambda c: c.empty))
def test_empty_table(name, tmp_path):
    case = REGISTRY[name]
    kwargs = case.valid(tmp_path)
    kwargs[case.data] = kwargs[case.data].iloc[0:0]
    with pytest.raises(ToolkitError) as exc:
        case.func(**kwargs)
    msg = _message(exc).lower()
    assert any(w in msg for w in ("0 ", "0:", "no ", "empty", "[]", "all missing")), msg


@pytest.mark.parametrize("name", _params("missing_file", lambda c: c.path is not None))
def test_missing_file(name, tmp_path):
    case = REGISTRY[name]
    kwargs = case.valid(tmp_path)
    missing = tmp_path / "no_such_file.csv"
    kwargs[case.path] = [missing] if case.path == "paths" else missing
    with pytest.raises((ToolkitError, FileNotFoundError)) as exc:
        case.func(**kwargs)
    assert "no_such_file.csv" in _message(exc)


def _uncoded_project():
    p = project()
    return Q.QualProject(p.sources, p.cases, p.codebook, p.segments.iloc[0:0].drop(columns="text"))


ESTIMATE_COLUMNS = ("estimate", "se", "ci_low", "ci_high", "proportion")


@pytest.mark.parametrize("name", _params("uncoded", lambda c: c.expects == "QualProject"))
def test_uncoded_project(name, tmp_path):
    """A project with no coded segments: a clear error, or a table without silent NaNs."""
    case = REGISTRY[name]
    kwargs = case.valid(tmp_path)
    kwargs[case.data] = _uncoded_project()
    kwargs.pop("coder", None)  # no coder is left in an uncoded project
    try:
        res = case.func(**kwargs)
    except ToolkitError as exc:
        assert str(exc).strip()
        return
    if isinstance(res, pd.DataFrame) and len(res):
        all_nan = [c for c in ESTIMATE_COLUMNS if c in res and res[c].isna().all()]
        assert all_nan == [], f"{name} returned only NaN in {all_nan} without an error"


LEVEL_ARGS = ("ci",)


def _takes_level(case: Case) -> bool:
    return any(a in inspect.signature(case.func).parameters for a in LEVEL_ARGS)


@pytest.mark.parametrize("name", _params("ci_level", _takes_level))
def test_confidence_level_in_attrs(name, tmp_path):
    """Functions taking a level return ci_low / ci_high and the level in attrs only."""
    case = REGISTRY[name]
    kwargs = case.valid(tmp_path)
    arg = next(a for a in LEVEL_ARGS if a in inspect.signature(case.func).parameters)
    kwargs[arg] = 0.9
    res = case.func(**kwargs)
    table = res if isinstance(res, pd.DataFrame) else getattr(res, "scales", None)
    if table is None:
        table = res.table
    assert table.attrs.get("ci") == 0.9, table.attrs
    cols = [str(c) for c in table.columns]
    assert {"ci_low", "ci_high"} <= set(cols) or {"estimate"} <= set(cols), cols
    assert not [c for c in cols if re.search(r"(?i)ci\s*_?9\d|9\d\s*%", c)], cols


@pytest.mark.parametrize(
    "name, columns",
    [
        ("survey.prevalence", ["group", "estimate", "se", "ci_low", "ci_high", "n"]),
        ("survey.mean_by", ["group", "estimate", "se", "ci_low", "ci_high", "n"]),
        ("survey.reliability", ["n", "k", "alpha", "ci_low", "ci_high"]),
        ("qual.cohen_kappa", ["estimate", "se", "ci_low", "ci_high", "n", "method"]),
        (
            "evaluate.pre_post",
            ["estimate", "se", "ci_low", "ci_high", "statistic", "df", "p", "method"],
        ),
        ("evaluate.mixed_model", ["term", "estimate", "se", "ci_low", "ci_high", "p"]),
        (
            "evaluate.did",
            ["term", "estimate", "se", "ci_low", "ci_high", "p", "method"],
        ),
        (
            "evaluate.its",
            ["term", "estimate", "se", "ci_low", "ci_high", "p", "method"],
        ),
        ("survey.logit", ["term", "estimate", "se", "ci_low", "ci_high", "p"]),
        (
            "qual.code_frequencies",
            ["group", "code", "n", "estimate", "ci_low", "ci_high", "method"],
        ),
        (
            "qual.compare_frames",
            ["year", "n", "estimate", "se", "ci_low", "ci_high", "method"],
        ),
        (
            "qual.validate_lexicon",
            ["measure", "estimate", "se", "ci_low", "ci_high", "n", "method"],
        ),
        ("evaluate.event_study", ["estimate", "se", "ci_low", "ci_high", "p"]),
        ("evaluate.staggered_did", ["estimate", "se", "ci_low", "ci_high", "n"]),
    ],
)
def test_core_estimators_have_fixed_columns(name, columns, tmp_path):
    case = REGISTRY[name]
    res = case.func(**case.valid(tmp_path))
    missing = [c for c in columns if c not in res.columns]
    assert missing == [], f"{name} lacks documented columns {missing}: {list(res.columns)}"
    for col in ("estimate", "se", "ci_low", "ci_high"):
        if col in res.columns:
            assert pd.api.types.is_float_dtype(res[col]), (col, res[col].dtype)


def _asserts_outside_doctests() -> list[str]:
    hits = []
    for path in sorted((ROOT / "toolkit").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hits += [f"{path.relative_to(ROOT)}:{node.lineno}" for node in ast.walk(tree) if isinstance(node, ast.Assert)]
    return hits


def test_no_assert_in_toolkit_source():
    """``python -O`` strips ``assert``: user input must be checked with raised errors."""
    assert _asserts_outside_doctests() == []
