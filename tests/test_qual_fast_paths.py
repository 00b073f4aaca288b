"""The fast paths of the qual module give exactly what the plain computations give.

Redaction tries long alternations only where a first word occurs and number patterns only
near digits; agreement stores only coded (unit, code) cells. Both must be exact
shortcuts, not approximations.
"""

import numpy as np
import pandas as pd
import pytest
from _planted_identifiers import planted_corpus
from numpy.testing import assert_allclose

import toolkit.qual._identifiers as ids


def _texts():
    texts, _ = planted_corpus(60, per_doc=10, seed=3)
    extra = (
        "NI AB 12 34 56 C, QQ123456A; 07700 900123, +44 (0)20 7946 0000, (0161) 496 0000; "
        "EH10 5DT, GIR 0AA, SW1A 1AA; AB12 CDE, A123 BCD, ABC 123D; 1234567 AB12CDE. "
        "GMP and Greater Manchester Police, PC 1234, collar number 99, DS Jones, "
        "Police Scotland’s Chief Inspector O'Neil; the Met; @user_1 and a@b.org"
    )
    return texts + [
        extra,
        "x" + extra,
        extra.replace(" ", ""),
        extra.upper(),
        extra.replace("Police", "İPolice"),
    ]  # İ changes length when folded


@pytest.mark.parametrize("text", _texts()[-8:] + _texts()[:20:4])
def test_anchored_patterns_equal_full_scans(text):
    folded = text.casefold()
    folded = folded if len(folded) == len(text) else None
    force, _ = ids.force_table()
    for pattern, tokens in (
        (force, ids._force_tokens()),
        (ids.COLLAR, ids._COLLAR_TOKENS),
        (ids.RANK_NAME, ids._RANK_TOKENS),
        (ids.HANDLE, ("@",)),
    ):
        full = [m.span() for m in pattern.finditer(text)]
        fast = [m.span() for m in ids._anchored_finditer(pattern, text, folded, tokens)]
        assert fast == full, pattern.pattern[:40]
    near = ids._digit_starts(text)
    for pattern in (ids.NI_NUMBER, ids.PHONE, ids.POSTCODE, ids.VEHICLE):
        full = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in ids._matches_at(pattern, text, near)] == full


def _three_coder_project():
    from toolkit.qual.project import QualProject
    from toolkit.synth.qual import make_interviews

    p = make_interviews(4)
    seg = p.segments
    b = seg[seg["coder"] == "B"]
    c = b[b["source"].isin(b["source"].unique()[:5])].iloc[::2].assign(coder="C")
    extra = seg[(seg["coder"] == "A") & seg["source"].isin(b["source"].unique()[6:9])]
    return QualProject(p.sources, p.cases, p.codebook, pd.concat([seg, c, extra.assign(coder="C")]))


@pytest.mark.parametrize("coders", [None, ["C", "A", "B"], ["B", "C"]])
@pytest.mark.parametrize("unit", ["segment", "source"])
def test_agreement_equals_standalone_measures_on_presence_table(coders, unit):
    """Per-code alpha from agreement() equals krippendorff_alpha on the long presence
    table (every unit x code x coder written out), with three coders who coded
    different sources."""
    from toolkit.qual._coding_units import presence_table
    from toolkit.qual.agreement import agreement, krippendorff_alpha

    proj = _three_coder_project()
    res = agreement(proj, coders=coders, item=unit, weight="units", n_boot=0)
    est = res.set_index(["code", "measure"])["estimate"]
    chosen = coders or list(pd.unique(proj.segments["coder"]))
    table, codes, shared = presence_table(proj.segments, chosen, unit, "units")
    assert set(res["n_sources"]) == {len(shared)}
    assert list(res["code"].unique()) == [*codes, "(overall)"]
    for code in codes[::4]:
        t = table[table["code"] == code].assign(u=lambda d: d["source"] + d["unit"].astype(str))
        assert_allclose(
            est[(code, "krippendorff_alpha")],
            krippendorff_alpha(t, item="u", coder="coder", value="present"),
            atol=1e-12,
        )
    t = table.assign(u=lambda d: d["source"] + d["unit"].astype(str) + d["code"])
    assert_allclose(
        est[("(overall)", "krippendorff_alpha")],
        krippendorff_alpha(t, item="u", coder="coder", value="present"),
        atol=1e-12,
    )
    assert (res["n"] == table.groupby(["source", "unit"]).ngroups).all()
    assert np.isfinite(res["estimate"]).all()
