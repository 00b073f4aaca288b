"""Small-cell suppression: hand-checked examples and an adversarial audit.

The adversary is the intruder of Hundepool et al. (2012, Statistical Disclosure
Control, section 4.2.2): knowing every published cell and total, they solve a
linear programme for the smallest and largest value each suppressed cell can
take. The LP below is written independently of ``toolkit.disclosure.audit``
(all cells as variables, published ones fixed through their bounds).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from scipy.optimize import linprog

from toolkit.disclosure import MARKER, protection_intervals, suppress, suppress_by_counts, suppress_long
from toolkit.disclosure.tables import DisclosureWarning


# ----------------------------------------------------------------- the intruder
def intruder_intervals(counts: np.ndarray, suppressed: np.ndarray):
    """Feasible [min, max] of every suppressed cell of the table bordered by totals.

    Variables: the r*c interior cells, r row totals, c column totals and the grand
    total. Equalities: each row sums to its total, each column to its total, row
    totals and column totals each sum to the grand total. Published cells are
    fixed through lb = ub = value; suppressed cells are >= 0.
    """
    r, c = counts.shape
    full = np.zeros((r + 1, c + 1))
    full[:r, :c] = counts
    full[:r, c] = counts.sum(1)
    full[r, :c] = counts.sum(0)
    full[r, c] = counts.sum()
    idx = np.arange((r + 1) * (c + 1)).reshape(r + 1, c + 1)
    rows = []
    for i in range(r):  # interior rows
        a = np.zeros(idx.size)
        a[idx[i, :c]] = 1
        a[idx[i, c]] = -1
        rows.append(a)
    for j in range(c):  # interior columns
        a = np.zeros(idx.size)
        a[idx[:r, j]] = 1
        a[idx[r, j]] = -1
        rows.append(a)
    a = np.zeros(idx.size)
    a[idx[:r, c]] = 1
    a[idx[r, c]] = -1
    rows.append(a)
    a = np.zeros(idx.size)
    a[idx[r, :c]] = 1
    a[idx[r, c]] = -1
    rows.append(a)
    A = np.array(rows)
    b = np.zeros(len(rows))
    bounds = [(0, None) if s else (v, v) for v, s in zip(full.ravel(), suppressed.ravel())]
    out = {}
    for k in np.flatnonzero(suppressed.ravel()):
        obj = np.zeros(idx.size)
        obj[k] = 1
        lo = linprog(obj, A_eq=A, b_eq=b, bounds=bounds, method="highs")
        hi = linprog(-obj, A_eq=A, b_eq=b, bounds=bounds, method="highs")
        assert lo.status == 0 and hi.status in (0, 3)  # 3: unbounded (grand total withheld)
        out[divmod(int(k), c + 1)] = (lo.fun, -hi.fun if hi.status == 0 else np.inf)
    return out, full


def record_mask(result, table, margins_name="Total"):
    """Suppressed cells of the bordered table, read back from the record."""
    rows = list(table.index) + [margins_name]
    cols = list(table.columns) + [margins_name]
    mask = np.zeros((len(rows), len(cols)), bool)
    rec = result.record[result.record["action"].isin(["primary", "secondary"])]
    for r_, c_ in zip(rec["row"], rec["column"]):
        mask[rows.index(r_), cols.index(c_)] = True
    return mask


# ----------------------------------------------------------------- hand-checked
def test_hand_example_three_by_two():
    # Totals: F01 33, F02 75, F03 53; A 68, B 93; grand 161. The 3 is primary.
    # With a = F01/A suppressed, its row and column each need a second cell; the
    # cheapest cycle of cells >= 10 - 3 = 7 is F01/B, F03/A, F03/B (cost 83,
    # against 105 through F02). By hand: b = 33 - a, c = 28 - a, d = 25 + a,
    # all >= 0, so a in [0, 28], b in [5, 33], c in [0, 28], d in [25, 53].
    t = pd.DataFrame({"A": [3, 40, 25], "B": [30, 35, 28]}, index=["F01", "F02", "F03"])
    res = suppress(t)
    assert res.table.loc["F02", "A"] == 40 and res.table.loc["Total", "Total"] == 161
    assert res.table.loc[["F01", "F03"], ["A", "B"]].isna().all().all()
    assert res.table.loc[["F01", "F02", "F03"], "Total"].tolist() == [33, 75, 53]
    rec = res.record.set_index(["row", "column"])
    assert rec.loc[("F01", "A"), "action"] == "primary"
    assert (rec.drop(("F01", "A"))["action"] == "secondary").all()
    expected = {("F01", "A"): (0, 28), ("F01", "B"): (5, 33), ("F03", "A"): (0, 28), ("F03", "B"): (25, 53)}
    for cell, (lo, hi) in expected.items():
        assert_allclose([rec.loc[cell, "lower"], rec.loc[cell, "upper"]], [lo, hi], atol=1e-9)
    assert str(res.table.dtypes.iloc[0]) == "Int64"
    assert MARKER == "[c]"


def test_one_way_table_needs_two_suppressed_cells():
    # One line 3 + 20 + 30 + 45 = 98: suppressing only the 3 leaves 98 - 95 = 3.
    # The smallest complement is 20, so a in [0, 23] (a + b = 23).
    s = pd.Series([3, 20, 30, 45], index=["a", "b", "c", "d"], name="n")
    res = suppress(s)
    assert list(res.table.index) == ["a", "b", "c", "d", "Total"]
    assert list(res.table.columns) == ["n"]  # the duplicate 'Total' column is not shown
    assert res.table["n"].isna().tolist() == [True, True, False, False, False]
    rec = res.record[res.record["row"] == "a"].iloc[0]
    assert (rec["lower"], rec["upper"]) == (0.0, 23.0)


def test_small_total_is_suppressed_and_protected():
    # F01 = 4 + 3 = 7 < 10, so its total is primary too. Columns A, B and Total
    # then each hold one suppressed cell; the cheapest line to pair with is F03
    # (40 + 30 + 70). By hand: a + c = 94 - 50 = 44 and b + d = 93 - 60 = 33,
    # so a in [0, 44], b in [0, 33], F01 total = a + b in [0, 77].
    t = pd.DataFrame({"A": [4, 50, 40], "B": [3, 60, 30]}, index=["F01", "F02", "F03"])
    res = suppress(t)
    assert res.table.loc[["F01", "F03"]].isna().all().all()
    assert res.table.loc["F02"].tolist() == [50, 60, 110]
    assert res.table.loc["Total"].tolist() == [94, 93, 187]
    rec = res.record.set_index(["row", "column"])
    assert rec.loc[("F01", "Total"), "action"] == "primary"
    assert_allclose(rec.loc[("F01", "A"), ["lower", "upper"]].astype(float), [0, 44])
    assert_allclose(rec.loc[("F01", "B"), ["lower", "upper"]].astype(float), [0, 33])
    assert_allclose(rec.loc[("F01", "Total"), ["lower", "upper"]].astype(float), [0, 77])


def test_without_secondary_the_cell_is_recoverable():
    # Only the 3 suppressed: 33 - 30 = 3 exactly; the audit must say so and warn.
    t = pd.DataFrame({"A": [3, 40, 25], "B": [30, 35, 28]}, index=["F01", "F02", "F03"])
    with pytest.warns(DisclosureWarning, match="derived exactly"):
        res = suppress(t, secondary=False)
    assert res.n_suppressed == 1
    assert tuple(res.record.loc[0, ["lower", "upper"]]) == (3.0, 3.0)


def test_zeros_publish_or_suppress():
    t = pd.DataFrame({"A": [0, 25, 30], "B": [40, 35, 28]}, index=["x", "y", "z"])
    assert suppress(t).n_suppressed == 0
    res = suppress(t, zeros="suppress")
    rec = res.record.set_index(["row", "column"])
    assert rec.loc[("x", "A"), "action"] == "primary"
    assert rec.loc[("x", "A"), "upper"] >= 10  # could be as large as the threshold
    assert res.n_suppressed >= 4


def test_rounding_to_base_five():
    # 12 -> 10, 23 -> 25, 31 -> 30, 44 -> 45, column totals 43 -> 45, 67 -> 65;
    # row totals 35, 75 and grand total 110 are multiples of 5 already.
    t = pd.DataFrame({"A": [12, 31], "B": [23, 44]}, index=["p", "q"])
    res = suppress(t, rounding=5)
    assert res.table.to_numpy().tolist() == [[10, 25, 35], [30, 45, 75], [45, 65, 110]]
    assert (res.record["action"] == "rounded").sum() == 6
    assert set(res.record["value"]) == {12.0, 23.0, 31.0, 44.0, 43.0, 67.0}


def test_margins_false_hides_totals_but_still_protects():
    t = pd.DataFrame({"A": [3, 40, 25], "B": [30, 35, 28]}, index=["F01", "F02", "F03"])
    res = suppress(t, margins=False)
    assert "Total" not in res.table.index and "Total" not in res.table.columns
    assert int(res.table.isna().sum().sum()) == 4


def test_by_counts_uses_the_count_pattern():
    n = pd.DataFrame({"Officer": [120, 4, 80], "Staff": [60, 30, 50]}, index=["F01", "F02", "F03"])
    pct = n.div(n.sum(axis=1), axis=0) * 100
    pct.loc["Total"] = n.sum() / n.to_numpy().sum() * 100
    res = suppress_by_counts(pct, n)
    counts = suppress(n)
    interior = counts.table.loc[n.index, n.columns].isna()
    assert (res.table.loc[n.index, n.columns].isna() == interior).all().all()
    assert res.table.loc["F02"].isna().all()
    assert res.table.loc["Total"].notna().all()
    assert res.table.dtypes.eq("float64").all()
    assert res.record.equals(counts.record)


def test_long_table_matches_wide():
    d = pd.DataFrame(
        {
            "force": ["F01", "F01", "F02", "F02", "F03", "F03"],
            "role": ["Officer", "Staff"] * 3,
            "n": [52, 3, 40, 18, 33, 21],
        }
    )
    res = suppress_long(d, rows="force", columns="role", count="n")
    wide = suppress(d.pivot(index="force", columns="role", values="n"))
    assert res.table.equals(wide.table)
    long = res.to_long(value_name="n")
    assert list(long.columns) == ["row", "column", "n"]
    assert long["n"].isna().sum() == res.table.isna().sum().sum()
    people = d.loc[d.index.repeat(d["n"])]
    assert suppress_long(people, rows="force", columns="role").table.equals(res.table)


# ----------------------------------------------------------------- adversarial
def _random_table(seed):
    rng = np.random.default_rng(seed)
    r, c = (int(x) for x in rng.integers(1, 6, size=2))
    pool = np.array([0, 1, 2, 3, 4, 6, 9, 10, 12, 15, 25, 40, 80, 150])
    counts = rng.choice(pool, size=(r, c), p=None)
    return pd.DataFrame(counts, index=[f"r{i}" for i in range(r)], columns=[f"c{j}" for j in range(c)])


@pytest.mark.slow
@pytest.mark.parametrize("zeros", ["publish", "suppress"])
def test_no_suppressed_cell_is_recoverable(zeros):
    """For 40 random tables, every suppressed cell's feasible interval is wider than a point."""
    k = 10
    reached = total_primary = 0
    for seed in range(40):
        t = _random_table(seed)
        with _no_warning():
            res = suppress(t, threshold=k, zeros=zeros)
        mask = record_mask(res, t)
        counts = t.to_numpy()
        bounds, full = intruder_intervals(counts, mask)
        # published values are the true ones, and none is a small count
        shown = res.table.reindex(index=list(t.index) + ["Total"], columns=list(t.columns) + ["Total"])
        pub = shown.to_numpy(dtype="float64", na_value=np.nan)
        ok = ~np.isnan(pub)
        assert_allclose(pub[ok], full[ok])
        small = (full > 0) & (full < k) if zeros == "publish" else (full < k)
        assert not (ok & small & ~np.isnan(pub)).any(), f"seed {seed}: small count published"
        rec = res.record.set_index(["row", "column"])
        rows = list(t.index) + ["Total"]
        cols = list(t.columns) + ["Total"]
        for (i, j), (lo, hi) in bounds.items():
            v = full[i, j]
            assert hi - lo >= 1 - 1e-9, f"seed {seed}: cell {(i, j)}={v} recoverable: [{lo}, {hi}]"
            assert lo - 1e-9 <= v <= hi + 1e-9
            # the toolkit's own audit agrees with the intruder
            assert_allclose(rec.loc[(rows[i], cols[j]), ["lower", "upper"]].astype(float), [lo, hi], atol=1e-6)
            if rec.loc[(rows[i], cols[j]), "action"] == "primary":
                total_primary += 1
                reached += hi >= k
                if v > 0:  # a positive primary cell can move both ways
                    assert lo < v < hi, f"seed {seed}: cell {(i, j)} only bounded one way"
    # upper protection: nearly every primary cell could be as large as the threshold
    assert total_primary > 50
    assert reached / total_primary > 0.9


class _no_warning:
    def __enter__(self):
        import warnings

        self._cm = warnings.catch_warnings()
        self._cm.__enter__()
        warnings.simplefilter("error", DisclosureWarning)

    def __exit__(self, *exc):
        return self._cm.__exit__(*exc)


def test_protection_intervals_table():
    t = pd.DataFrame({"A": [3, 40, 25], "B": [30, 35, 28]}, index=["F01", "F02", "F03"])
    out = protection_intervals(suppress(t))
    assert list(out.columns) == ["row", "column", "value", "lower", "upper", "width"]
    assert (out["width"] > 0).all()
