"""The publication gate (toolkit.disclosure.gate): primary suppression of counts, events and
complements; estimates blanked with their counts; model terms on small categories dropped;
linked tables protected jointly by one linear programme that fails closed; zeros and
rounding applied; a low threshold refused unless allowed. Hand-checked small tables."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.disclosure.gate import DisclosureError, Gate, Link, Publishable, cell, lp_attack
from toolkit.errors import ParameterError


def _groups():
    return pd.DataFrame(
        {
            "group": ["a", "b", "c", "d"],
            "n": [120, 80, 60, 7],
            "n_events": [50, 75, 4, 3],
            "estimate": [0.42, 0.94, 0.07, 0.43],
        }
    )


def test_counts_events_complements_and_estimates():
    g = Gate(10)
    out = g.add(Publishable("t", _groups(), counts=("n", "n_events"), events=(("n_events", "n"),), key=("group",)))
    out = out.set_index("group")
    # d: 7 people (primary); c: 4 events; b: 80 - 75 = 5 without the outcome (complement)
    assert pd.isna(out.loc["d", "n"]) and pd.isna(out.loc["c", "n_events"]) and pd.isna(out.loc["b", "n_events"])
    assert out.loc["a", "n"] == 120 and out.loc["a", "n_events"] == 50
    assert out["estimate"].isna().tolist() == [False, True, True, True]
    rules = {(r["row"], r["column"]): r["rule"] for r in g.record()}
    assert rules == {
        ("d", "n"): "primary",
        ("d", "n_events"): "events",
        ("c", "n_events"): "events",
        ("b", "n_events"): "complement",
    }
    assert all("value" not in r for r in g.record())
    private = g.private_record().set_index(["row", "column"])["value"]
    assert private[("b", "n_events")] == 75


def test_breakdown_and_total_in_another_table_are_suppressed_together():
    """The group of 7 is withheld; the overall table gives the total of all groups, so
    without a second withheld group 'total - published groups' would give it back."""
    g = Gate(10)
    groups = _groups()[["group", "n"]]
    g.add(Publishable("overall", pd.DataFrame({"outcome": ["x"], "n": [267]}), counts=("n",), key=("outcome",)))
    parts = tuple(cell("by", x, "n") for x in groups["group"])
    g.add(Publishable("by", groups, counts=("n",), key=("group",), links=(Link(cell("overall", "x", "n"), parts),)))
    findings, _ = g.attack()
    assert [(str(e), lo, hi) for e, lo, hi in findings] == [("by['d', 'n']", 7.0, 7.0)]
    changed = g.finalise()
    assert changed == ["by"]
    out = g.tables["by"].out.set_index("group")["n"]
    # the smallest other group (c, 60) is withheld with d: d is now anywhere in 0..67
    assert out.isna().tolist() == [False, False, True, True]
    assert g.attack()[0] == []


def _pinned_wide():
    g = Gate(10)
    g.add(Publishable("w", pd.DataFrame({"A": [3, 40], "B": [30, 35]}, index=["F1", "F2"]), wide=True))
    g.tables["w"].suppressed.clear()  # as if the within-table step had not run:
    g.tables["w"].suppressed[cell("w", "F1", "A")] = "primary"  # only the 3 withheld, totals published
    return g


def test_joint_attack_withholds_more_until_safe():
    g = _pinned_wide()
    assert [(str(e), lo, hi) for e, lo, hi in g.attack()[0]] == [("w['F1', 'A']", 3.0, 3.0)]
    assert g.finalise() == ["w"]
    assert len(g.tables["w"].suppressed) >= 4 and g.attack()[0] == []
    assert g.tables["w"].out.drop(columns="row").isna().sum().sum() >= 4


def test_fails_closed_naming_the_cells():
    with pytest.raises(DisclosureError, match=r"w\['F1', 'A'\] in \[3, 3\]"):
        _pinned_wide().finalise(max_rounds=0)


def test_wide_table_margins_and_rounding():
    g = Gate(10, rounding=5)
    out = g.add(
        Publishable(
            "w",
            pd.DataFrame({"A": [3, 40, 25], "B": [30, 35, 28]}, index=["F1", "F2", "F3"]),
            wide=True,
            index_name="force",
        )
    )
    assert list(out.columns) == ["force", "A", "B", "Total"]
    assert out["A"].isna().sum() >= 2  # the 3 and the cell closing its cycle
    shown = out.drop(columns="force").stack().dropna()
    assert (shown % 5 == 0).all()  # every published count rounded to base 5
    assert out.set_index("force").loc["Total", "Total"] == 160  # 161 rounded to 160


def test_zeros_suppressed_when_configured():
    data = pd.DataFrame({"group": ["a", "b"], "n": [0, 50]})
    assert Gate(10).add(Publishable("t", data, counts=("n",), key=("group",)))["n"].tolist() == [0, 50]
    out = Gate(10, zeros="suppress").add(Publishable("t", data, counts=("n",), key=("group",)))
    assert out["n"].isna().tolist() == [True, False]


def test_model_terms_on_small_or_uniform_categories_are_dropped():
    model = pd.DataFrame(
        {"term": ["Intercept", "C(g)[T.2]", "C(g)[T.3]", "x"], "estimate": [0.1, 0.2, 37.1, 0.3], "n": [500] * 4}
    )
    terms = pd.DataFrame({"term": ["C(g)[T.2]", "C(g)[T.3]", "x"], "n": [200, 3, 100], "n_events": [80, 3, 100]})
    g = Gate(10)
    out = g.add(Publishable("m", model, counts=("n",), key=("term",), terms=terms))
    # T.3: 3 respondents, all harmed (an odds ratio of 1e16); x: all 100 had the outcome
    assert out["term"].tolist() == ["Intercept", "C(g)[T.2]"]
    assert "dropped" in g.notes[0] and {r["row"] for r in g.record() if r["rule"] == "term"} == {"C(g)[T.3]", "x"}


def test_settings_are_checked():
    with pytest.raises(ParameterError, match="allow_low_threshold"):
        Gate(3)
    assert Gate(3, allow_low_threshold=True).threshold == 3
    with pytest.raises(ParameterError, match="zeros"):
        Gate(10, zeros="banana")
    with pytest.raises(ParameterError, match="rounding"):
        Gate(10, rounding=1)


def test_undeclared_count_column_is_refused():
    with pytest.raises(ParameterError, match="look like counts"):
        Gate(10).add(Publishable("t", pd.DataFrame({"group": ["a"], "n": [3]})))


def test_lp_attack_complement_and_rounding():
    """Complement: 50 interviews, the theme count withheld but bounded to 44..50 by another
    table: 'interviews minus those raising it' is below 10. With rounding to 5 a
    published 45 only says 42.5..47.5 (and 50 says 47.5..52.5)."""
    e, n, other = cell("t", "x", "n_cases"), cell("t", "x", "n"), cell("u", "x", "Total")
    found = lp_attack(
        published={n: 50, other: 44}, unknown=[e], constraints=[({other: 1, e: -1}, "=")], pairs=[(e, n)], threshold=10
    )
    assert found == [((e, n), 6.0, 6.0)]  # the theme count itself (44) is not small
    found = lp_attack(
        published={n: 50, other: 45},
        unknown=[e],
        constraints=[({other: 1, e: -1}, "=")],
        pairs=[(e, n)],
        threshold=10,
        half=2.5,
    )
    # both published counts are only known to +-2.5: n - e can reach 52.5 - 42.5 = 10
    assert found == []
    found = lp_attack(
        published={n: 50, other: 30}, unknown=[e], constraints=[({other: 1, e: -1}, "=")], pairs=[(e, n)], threshold=10
    )
    assert found == []


def test_findings_never_quote_a_withheld_estimate(demo_pack):
    """A headline finding is a sentence a stranger reads: every share, mean or bound it quotes
    that also stands in an analysis table must be published in that table's CSV on disk."""
    import json

    import numpy as np
    import pandas as pd

    ctx = demo_pack
    published = set()
    for path in (ctx.pack_dir / "tables").glob("*.csv"):
        table = pd.read_csv(path)
        vals = table.select_dtypes("number").to_numpy(dtype=float).ravel()
        published |= {float(f"{v:.12g}") for v in vals if np.isfinite(v)}
    analysed = set()
    for g in ctx.gate.tables.values():
        vals = g.pub.data.select_dtypes("number").to_numpy(dtype=float, na_value=np.nan).ravel()
        analysed |= {float(f"{v:.12g}") for v in vals if np.isfinite(v) and not float(v).is_integer()}
    findings = json.loads((ctx.pack_dir / "findings.json").read_text(encoding="utf-8"))
    assert findings
    quoted = 0
    for f in findings:
        for name, v in f["values"].items():
            if isinstance(v, float) and not v.is_integer() and float(f"{v:.12g}") in analysed:
                quoted += 1
                assert float(f"{v:.12g}") in published, (f["text"], name, v)
    assert quoted > 10  # the check bites: most findings quote a table's estimate
    # a theme the gate withholds (44 of 50 managers raised gaps in training: 6 did not) has no
    # finding; one it publishes has (withdrawal itself: tests/test_disclosure_text.py)
    prevalence = pd.read_csv(ctx.pack_dir / "tables" / "qual_theme_prevalence.csv").set_index("code")
    assert pd.isna(prevalence.loc["TRN.GAP", "estimate"])
    assert not any("gaps in training" in f["text"] for f in findings)
    assert pd.notna(prevalence.loc["REC.ORG.MISC", "estimate"])
    assert any("organisational response as misconduct" in f["text"] for f in findings)


def test_joint_repair_withholds_one_cell_not_every_neighbour():
    """Group c (7 people, 3 with the outcome) is withheld; the overall total 207 would give it
    back. One further group (b, the smallest that helps) is enough: the total and group a stay
    published. (Repairing the three findings of c's group at once withheld a, b and the total.)"""
    g = Gate(10)
    groups = pd.DataFrame({"group": ["a", "b", "c"], "n": [120, 80, 7], "n_events": [50, 60, 3]})
    g.add(Publishable("overall", pd.DataFrame({"outcome": ["x"], "n": [207]}), counts=("n",), key=("outcome",)))
    g.add(
        Publishable(
            "by",
            groups,
            counts=("n", "n_events"),
            events=(("n_events", "n"),),
            key=("group",),
            links=(Link(cell("overall", "x", "n"), tuple(cell("by", x, "n") for x in "abc")),),
        )
    )
    g.finalise()
    assert set(g.suppressed()) == {cell("by", "c", "n"), cell("by", "c", "n_events"), cell("by", "b", "n")}
    assert g.attack()[0] == []


def test_a_withheld_cell_whose_twin_is_published_is_published_again():
    """The within-table step withholds the row totals of F1 (3 + 30) and F3 (30 + 4); another
    table publishes both forces' totals (declared equal). Withholding them hides nothing, so
    they are published again; the joint attack still finds nothing (A[F1] can be 0..33)."""
    wide = pd.DataFrame({"A": [3, 40, 30], "B": [30, 35, 4]}, index=["F1", "F2", "F3"])
    g = Gate(10)
    g.add(Publishable("w", wide, wide=True))
    totals = {cell("w", "F1", "Total"), cell("w", "F3", "Total")}
    assert {c for c, r in g.suppressed().items() if r == "secondary"} >= totals
    g.add(
        Publishable(
            "forces",
            pd.DataFrame({"force": ["F1", "F3"], "n": [33, 34]}),
            counts=("n",),
            key=("force",),
            links=tuple(Link(cell("w", f, "Total"), (cell("forces", f, "n"),)) for f in ("F1", "F3")),
        )
    )
    assert g.attack()[0] == []
    assert g.finalise() == ["w"]
    assert not totals & set(g.suppressed())
    assert g.tables["w"].out["Total"].tolist() == [33, 75, 34, 142]
    assert g.attack()[0] == []
    assert any("published again" in n for n in g.notes)
