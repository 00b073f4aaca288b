"""A quote bank: coded passages attributed by pseudonym and role only."""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.errors import ColumnNotFoundError, ParameterError
from toolkit.qual._common import case_groups, check_project, coder_segments, resolve_codes, rollup_map

__all__ = ["quotes"]

COLUMNS = ["group", "code", "attribution", "pseudonym", "role", "source", "start", "end", "text"]


def quotes(project, code, *, n=None, by=None, role=None, seed=0, coder=None) -> pd.DataFrame:
    """Passages coded with ``code`` (and its descendants), attributed by pseudonym and role.

    Parameters
    ----------
    project : QualProject
    code : str
        Code id.
    n : int, optional
        Quotes per group (default all). The draw prefers one passage per case before a
        second passage of the same case, so quotes spread across participants.
    by : str, optional
        Case attribute to draw ``n`` quotes within each of its values.
    role : str, optional
        Case attribute used in the attribution. Default: ``"role"`` if the cases have that
        attribute, else pseudonym only. A name given explicitly must be a case attribute.
    seed : int
        Seed of the draw: same seed, same quotes.
    coder : str, optional
        Only this coder's passages (default all; a passage coded by two coders appears once).

    Returns
    -------
    pandas.DataFrame
        ``group`` (``"all"`` without ``by``), ``code``, ``attribution`` (e.g.
        ``"Tigger, Inspector"``), ``pseudonym``, ``role``, ``source``, ``start``, ``end``,
        ``text``. No case id, source name or other attribute is used in the attribution,
        so real names held there never reach a report. A case without a pseudonym is
        attributed as ``"Participant k"`` (k = its row in the cases table).

    Notes
    -----
    Quotes are sampled, not selected for vividness: the draw uses
    ``numpy.random.default_rng([seed, group number])`` after ordering passages by source
    and position, so the same project and seed give the same quote bank.

    Examples
    --------
    >>> from toolkit.synth.qual import make_interviews
    >>> from toolkit.qual.quotes import quotes
    >>> q = quotes(make_interviews(1), "REC.NORM", n=2, seed=1)
    >>> q.columns.tolist()
    ['group', 'code', 'attribution', 'pseudonym', 'role', 'source', 'start', 'end', 'text']
    >>> len(q)
    2
    """
    check_project(project, "quotes")
    resolve_codes(project, [code], "quotes", argument="code")
    if n is not None and (not isinstance(n, (int, np.integer)) or n < 1):
        raise ParameterError(f"The 'n' parameter of quotes must be a positive integer or None. Got {n!r} instead.")
    seg = coder_segments(project, coder, "quotes")
    groups = case_groups(project, by, "quotes")
    cases = project.cases.reset_index(drop=True)
    pseud = {}
    for k, rec in enumerate(cases.to_dict("records")):
        p = rec["pseudonym"]
        pseud[rec["id"]] = p if isinstance(p, str) else f"Participant {k + 1}"
    if role is not None and (role not in cases.columns or role in ("id", "pseudonym")):
        raise ColumnNotFoundError(
            f"The 'role' parameter of quotes names column {role!r}, which is not a case "
            f"attribute. Available attributes: {project.case_attributes()}; or leave role "
            "unset to use 'role' when present."
        )
    role = "role" if role is None else role
    roles = dict(zip(cases["id"], cases[role])) if role in cases.columns else {}
    order = {s: i for i, s in enumerate(project.sources["id"])}
    s = seg[seg["code"].isin(rollup_map(project)[code])].drop_duplicates(["source", "start", "end"])
    s = s.assign(_o=s["source"].map(order)).sort_values(["_o", "start", "end"], kind="mergesort")
    s = s.assign(group=s["case"].map(groups) if by is not None else "all")
    out = []
    for gi, group in enumerate(sorted(s["group"].dropna().unique(), key=str)):
        g = s[s["group"] == group].reset_index(drop=True)
        if n is not None and len(g) > n:
            rng = np.random.default_rng([seed, gi])
            perm = rng.permutation(len(g))
            rank = g.loc[perm].groupby("case", sort=False).cumcount().to_numpy()
            pick = perm[np.argsort(rank, kind="stable")][:n]
            g = g.loc[np.sort(pick)]
        out.append(g)
    res = pd.concat(out, ignore_index=True) if out else s.iloc[0:0]
    r = [roles.get(c, np.nan) for c in res["case"]]
    p = [pseud.get(c, "Participant") if isinstance(c, str) else "Document" for c in res["case"]]
    res = pd.DataFrame(
        {
            "group": res["group"].to_numpy(),
            "code": code,
            "attribution": [f"{a}, {b}" if isinstance(b, str) else a for a, b in zip(p, r)],
            "pseudonym": p,
            "role": r,
            "source": res["source"].to_numpy(),
            "start": res["start"].to_numpy(dtype="int64"),
            "end": res["end"].to_numpy(dtype="int64"),
            "text": res["text"].to_numpy(),
        },
        columns=COLUMNS,
    )
    return res
