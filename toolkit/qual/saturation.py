"""Code saturation: how many new codes each additional interview brings."""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.errors import ColumnNotFoundError, ParameterError
from toolkit.qual._common import check_project, check_table, coder_segments

__all__ = ["saturation", "saturation_plot"]

COLUMNS = ["position", "source", "case", "n_new", "n_cumulative", "proportion", "new_codes"]


def saturation(
    project, *, order="source", kind="interview", coder=None, seed=0, new_share=0.05, window=3
) -> pd.DataFrame:
    """New codes per additional source (code saturation, after Guest, Bunce & Johnson 2006).

    Parameters
    ----------
    project : QualProject
    order : str or list of str
        Order in which sources are taken: ``"source"`` (order of the sources table, e.g.
        interview date order), ``"random"`` (shuffled with ``seed``), the name of a column
        of ``sources`` or ``cases`` to sort by (e.g. a date), or an explicit list of
        source ids.
    kind : str or None
        Only sources of this kind (default ``"interview"``; None for all).
    coder : str, optional
        Only this coder's codes (default all coders).
    new_share, window : float, int
        Saturation is declared at the first position after which ``window`` consecutive
        sources each add new codes amounting to at most ``new_share`` of all codes found.

    Returns
    -------
    pandas.DataFrame
        ``position`` (1, 2, ...), ``source``, ``case``, ``n_new`` (codes first applied in
        this source), ``n_cumulative``, ``proportion`` (``n_cumulative`` / codes found in
        all sources), ``new_codes`` (the new code ids, ";"-separated).
        ``attrs["saturation_position"]``: the position where saturation is reached
        (NaN if never), ``attrs["n_codes"]``: codes found in all sources.

    Notes
    -----
    Guest et al. (2006) counted codes first appearing in each successive batch of six
    interviews and found 88% of their 114 codes within the first twelve of sixty
    interviews. Here the step is one source; the curve depends on the order, so report it
    (and try ``order="random"`` with several seeds).

    References
    ----------
    Guest, G., Bunce, A., & Johnson, L. (2006). How many interviews are enough? An
    experiment with data saturation and variability. *Field Methods*, 18(1), 59-82.

    Examples
    --------
    >>> from toolkit.synth.qual import make_interviews
    >>> from toolkit.qual.saturation import saturation
    >>> sat = saturation(make_interviews(1), coder="A")
    >>> int(sat["n_cumulative"].iloc[-1]) == sat.attrs["n_codes"]
    True
    """
    check_project(project, "saturation")
    seg = coder_segments(project, coder, "saturation")
    src = project.sources
    if kind is not None:
        src = src[src["kind"] == kind]
        if src.empty:
            raise ParameterError(
                f"The 'kind' parameter of saturation must be one of the source kinds in the "
                f"project {sorted(project.sources['kind'].dropna().unique())} or None. "
                f"Got {kind!r} instead (no source has that kind)."
            )
    if isinstance(order, (list, tuple)):
        unknown = [s for s in order if s not in set(src["id"])]
        if unknown:
            raise ParameterError(
                f"The 'order' parameter of saturation lists source ids "
                f"{unknown[:5]} not among the {kind or ''} sources."
            )
        ids = list(order)
    elif order == "source":
        ids = src["id"].tolist()
    elif order == "random":
        ids = src["id"].to_numpy()[np.random.default_rng(seed).permutation(len(src))].tolist()
    elif isinstance(order, str) and order in src.columns:
        ids = src.sort_values(order, kind="mergesort")["id"].tolist()
    elif isinstance(order, str) and order in project.cases.columns:
        key = src["case"].map(dict(zip(project.cases["id"], project.cases[order])))
        ids = src.assign(_k=key.to_numpy()).sort_values("_k", kind="mergesort")["id"].tolist()
    else:
        raise ColumnNotFoundError(
            f"The 'order' parameter of saturation must be 'source', 'random', a list of source "
            f"ids or a column of sources / cases. Got {order!r}; columns: "
            f"{list(src.columns) + project.case_attributes()}."
        )
    codes_by_source = seg.groupby("source")["code"].apply(lambda s: list(dict.fromkeys(s)))
    case_of = dict(zip(project.sources["id"], project.sources["case"]))
    seen: dict[str, None] = {}
    rows = []
    for pos, sid in enumerate(ids, start=1):
        new = [c for c in codes_by_source.get(sid, []) if c not in seen]
        seen.update(dict.fromkeys(new))
        rows.append(
            {
                "position": pos,
                "source": sid,
                "case": case_of.get(sid),
                "n_new": len(new),
                "n_cumulative": len(seen),
                "new_codes": ";".join(new),
            }
        )
    out = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "proportion"])
    total = len(seen)
    if total == 0:
        raise ParameterError(
            f"saturation found no coded segments in the {len(ids)} {kind or ''} source(s)"
            f"{f' of coder {coder!r}' if coder is not None else ''}: there is no code whose "
            "first appearance could be counted. Code the transcripts (or check the coder) first."
        )
    out["proportion"] = out["n_cumulative"] / total if total else np.nan
    out = out[COLUMNS]
    sat_pos = np.nan
    small = (out["n_new"] <= new_share * total).to_numpy()
    for i in range(len(out) - window + 1):
        if small[i : i + window].all():
            sat_pos = float(out["position"].iloc[i] - 1) if i > 0 else 0.0
            break
    out.attrs.update(
        saturation_position=sat_pos,
        n_codes=total,
        new_share=new_share,
        window=window,
        order=order if isinstance(order, str) else "explicit",
    )
    return out


def saturation_plot(table: pd.DataFrame, *, ax=None):
    """Bar chart of new codes per source with the cumulative proportion of codes found."""
    # lazy: pyplot starts a plotting backend; only drawing needs it
    import matplotlib.pyplot as plt

    check_table(
        table,
        argument="table",
        function="saturation_plot",
        producer="saturation",
        columns=("position", "n_new", "proportion"),
    )
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 3.5))
    else:
        fig = ax.figure
    ax.bar(table["position"], table["n_new"], color="#4C72B0", label="new codes")
    ax.set_xlabel("Interview (in order of analysis)")
    ax.set_ylabel("New codes")
    ax2 = ax.twinx()
    ax2.plot(table["position"], table["proportion"], color="#DD8452", label="cumulative share")
    ax2.set_ylim(0, 1.05)
    ax2.set_ylabel("Share of all codes found")
    pos = table.attrs.get("saturation_position")
    if pos is not None and not (isinstance(pos, float) and np.isnan(pos)):
        ax.axvline(pos + 0.5, color="grey", linestyle="--", linewidth=1)
    ax.set_title("Code saturation")
    fig.tight_layout()
    return fig
