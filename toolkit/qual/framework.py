"""Framework matrix: cases (or groups of cases) by codes, each cell summarising the coded text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from toolkit.errors import ParameterError
from toolkit.qual._common import (
    case_groups,
    check_project,
    check_table,
    coder_segments,
    leaf_codes,
    resolve_codes,
    rollup_map,
)

__all__ = ["framework_matrix", "framework_to_excel"]

COLUMNS = [
    "row",
    "code",
    "name",
    "n_segments",
    "n_cases",
    "summary",
    "exemplar",
    "exemplar_pseudonym",
    "exemplar_source",
    "exemplar_start",
]
EXCEL_CELL_LIMIT = 32767


def framework_matrix(project, *, codes=None, by="case", coder=None, seed=0, max_chars=None) -> pd.DataFrame:
    """Framework matrix in long form: one row per (case or group) x code.

    Parameters
    ----------
    project : QualProject
    codes : list of str, optional
        Codes forming the columns (default: the codes without children, in codebook
        order). A parent code gathers the text of its descendants.
    by : str
        ``"case"`` (one row per case, as in Gale et al.) or a case attribute
        (one row per value: the cell gathers every case in the group).
    coder : str, optional
        Only this coder's segments (default all coders; identical passages counted once).
    seed : int
        Seed of the exemplar choice (same seed, same exemplars).
    max_chars : int, optional
        Truncate each summary to this many characters (ending in "...").

    Returns
    -------
    pandas.DataFrame
        ``row`` (case id or group value), ``code``, ``name``, ``n_segments``,
        ``n_cases``, ``summary`` (the distinct coded passages of the cell, in source order,
        joined by " | "; empty when nothing is coded), ``exemplar`` (one passage drawn
        with ``seed``), ``exemplar_pseudonym``, ``exemplar_source``, ``exemplar_start``.
        Every row x code combination is present (empty cells included).

    Notes
    -----
    The framework method charts summarised data into a matrix of cases by codes so that
    one can read across a case and down a theme (Gale et al., 2013). Here the cell holds
    the verbatim passages; researchers' own summaries can replace ``summary`` in the
    exported workbook. The exemplar is drawn uniformly among the cell's distinct passages
    with ``numpy.random.default_rng([seed, row number, code number])``, so it does not
    change when other cells change.

    References
    ----------
    Gale, N. K., Heath, G., Cameron, E., Rashid, S., & Redwood, S. (2013). Using the
    framework method for the analysis of qualitative data in multi-disciplinary health
    research. *BMC Medical Research Methodology*, 13, 117.

    Examples
    --------
    >>> from toolkit.synth.qual import make_interviews
    >>> from toolkit.qual import framework_matrix
    >>> m = framework_matrix(make_interviews(1), codes=["REC.NORM", "REC.FAMILY"],
    ...                      by="personal_experience", coder="A")
    >>> m[["row", "code", "n_cases"]]
      row        code  n_cases
    0  no    REC.NORM       ...
    1  no  REC.FAMILY       ...
    2 yes    REC.NORM       ...
    3 yes  REC.FAMILY       ...
    """
    check_project(project, "framework_matrix")
    if max_chars is not None and (not isinstance(max_chars, int) or max_chars < 10):
        raise ParameterError(
            f"The 'max_chars' parameter of framework_matrix must be an "
            f"integer of at least 10 or None. Got {max_chars!r} instead."
        )
    seg = coder_segments(project, coder, "framework_matrix")
    codes = leaf_codes(project) if codes is None else resolve_codes(project, codes, "framework_matrix")
    groups = case_groups(project, by, "framework_matrix")
    rows_order = list(groups.index) if by == "case" else sorted(groups.unique(), key=str)
    rollup = rollup_map(project)
    names = dict(zip(project.codebook["id"], project.codebook["name"]))
    pseud = dict(zip(project.cases["id"], project.cases["pseudonym"]))
    src_order = {s: i for i, s in enumerate(project.sources["id"])}
    seg = seg.assign(row=seg["case"].map(groups), _o=seg["source"].map(src_order))
    seg = seg.sort_values(["_o", "start", "end"], kind="mergesort")
    out = []
    for i, row in enumerate(rows_order):
        in_row = seg[seg["row"] == row]
        for j, code in enumerate(codes):
            cell = in_row[in_row["code"].isin(rollup[code])].drop_duplicates(["source", "start", "end"])
            rec = {
                "row": row,
                "code": code,
                "name": names[code],
                "n_segments": len(cell),
                "n_cases": cell["case"].nunique(),
                "summary": "",
                "exemplar": np.nan,
                "exemplar_pseudonym": np.nan,
                "exemplar_source": np.nan,
                "exemplar_start": np.nan,
            }
            if len(cell):
                summary = " | ".join(dict.fromkeys(cell["text"]))
                if max_chars is not None and len(summary) > max_chars:
                    summary = summary[: max_chars - 3] + "..."
                k = int(np.random.default_rng([seed, i, j]).integers(len(cell)))
                ex = cell.iloc[k]
                rec.update(
                    summary=summary,
                    exemplar=ex["text"],
                    exemplar_pseudonym=pseud.get(ex["case"], np.nan),
                    exemplar_source=ex["source"],
                    exemplar_start=float(ex["start"]),
                )
            out.append(rec)
    df = pd.DataFrame(out, columns=COLUMNS)
    df["n_segments"] = df["n_segments"].astype("int64")
    df["n_cases"] = df["n_cases"].astype("int64")
    df.attrs["by"] = by
    df.attrs["seed"] = seed
    return df


def framework_to_excel(matrix: pd.DataFrame, path) -> Path:
    """Export a framework matrix to an Excel workbook (openpyxl).

    Sheet ``summary``: rows x codes with the coded passages (cut at Excel's 32,767
    characters per cell, with a note); sheet ``exemplars``: rows x codes with the exemplar
    and its pseudonym; sheet ``long``: the tidy table as returned.
    """
    check_table(
        matrix,
        argument="matrix",
        function="framework_to_excel",
        producer="framework_matrix",
        columns=("row", "code", "summary", "exemplar"),
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)

    def cut(s):
        if isinstance(s, str) and len(s) > EXCEL_CELL_LIMIT:
            return s[: EXCEL_CELL_LIMIT - 40] + " ... [cut: Excel cell limit]"
        return s

    order_r = list(dict.fromkeys(matrix["row"]))
    order_c = list(dict.fromkeys(matrix["code"]))
    summary = matrix.pivot(index="row", columns="code", values="summary").loc[order_r, order_c]
    ex = matrix.assign(
        exemplar=[
            f"{e} ({p})" if isinstance(e, str) else "" for e, p in zip(matrix["exemplar"], matrix["exemplar_pseudonym"])
        ]
    )
    exemplars = ex.pivot(index="row", columns="code", values="exemplar").loc[order_r, order_c]
    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        summary.map(cut).to_excel(xw, sheet_name="summary")
        exemplars.map(cut).to_excel(xw, sheet_name="exemplars")
        matrix.map(cut).to_excel(xw, sheet_name="long", index=False)
    return path
