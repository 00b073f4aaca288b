"""Untrained by role in the resourcing table (issue 14): the section's rows are design-based
totals of the derived 0/1 column by (force, role) and by role (as R ``svyby(~untrained,
~force + role, design, svytotal)``; :func:`toolkit.survey.total` is checked against R in
tests/test_forces.py), and the roles' rows add up to the untrained row of their force."""

from __future__ import annotations

import pathlib
import warnings

import numpy as np
import pandas as pd
from numpy.testing import assert_allclose

from toolkit.survey import resourcing, total

REF = pathlib.Path(__file__).parent / "reference"
TRAIN = ["train_induction", "train_manager", "train_leadership"]
DESIGN = {"strata": "force", "fpc": "headcount"}


def _rows():
    from toolkit.report.sections.resourcing import untrained_by_role

    w2 = pd.read_csv(REF / "data" / "survey_forces_synth.csv").query("wave == 2").reset_index(drop=True)
    w2["role"] = w2["role"].astype(str)
    rows = untrained_by_role(w2, "force", "role", TRAIN, None, DESIGN, 10)
    return w2, rows


def test_untrained_by_role_is_svytotal_by_force_and_role():
    w2, rows = _rows()
    block = w2[TRAIN].to_numpy(float)
    hit, answered = (block == 1).any(axis=1), (~np.isnan(block)).any(axis=1)
    frame = w2.assign(untrained=np.where(hit, 0.0, np.where(answered, 1.0, np.nan)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        direct = total(frame, "untrained", by=["force", "role"], **DESIGN)
        national = total(frame, "untrained", by="role", **DESIGN)
    per_force = rows[rows["group"] != "All"].reset_index(drop=True)
    key = direct["group"].str.rsplit(" / ", n=1)
    assert per_force["group"].tolist() == key.str[0].tolist()
    assert per_force["measure"].tolist() == ("untrained: " + key.str[1]).tolist()
    for col in ("estimate", "se", "ci_low", "ci_high", "n"):
        assert_allclose(per_force[col].to_numpy(float), direct[col].to_numpy(float), rtol=1e-12, err_msg=col)
    nat = rows[rows["group"] == "All"].reset_index(drop=True)
    national = national[national["group"] != "All"].reset_index(drop=True)
    assert nat["measure"].tolist() == ("untrained: " + national["group"].astype(str)).tolist()
    for col in ("estimate", "se", "n"):
        assert_allclose(nat[col].to_numpy(float), national[col].to_numpy(float), rtol=1e-12, err_msg=col)


def test_untrained_rows_add_up_by_role():
    """Every respondent has a role: the roles' totals, n and n_events sum to the force's
    untrained row (and nationally)."""
    w2, rows = _rows()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = resourcing(w2, harms=["harm_abuse"], by="force", trained=TRAIN, **DESIGN)
    un = res[res["measure"] == "untrained"].set_index("group")
    sums = rows.groupby("group")[["estimate", "n", "n_events"]].sum()
    assert sorted(sums.index) == sorted(un.index)
    assert_allclose(sums["estimate"], un.loc[sums.index, "estimate"], rtol=1e-10)
    assert (sums["n"] == un.loc[sums.index, "n"]).all()
    assert (sums["n_events"] == un.loc[sums.index, "n_events"]).all()
