"""The result of a suppression: the safe table and the record of what was done."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

#: Symbol to display in place of a suppressed value (ONS convention: "[c]" =
#: confidential). Tables themselves hold missing values, never this string.
MARKER = "[c]"

#: Columns of :attr:`SuppressionResult.record`, in order.
RECORD_COLUMNS = ["row", "column", "value", "action", "reason", "lower", "upper"]


@dataclass
class SuppressionResult:
    """A table made safe for publication, and the record of every change.

    Attributes
    ----------
    table : pandas.DataFrame
        The safe table. Suppressed cells are missing (``pd.NA`` in the nullable
        ``Int64`` counts of :func:`suppress`, ``NaN`` in the float values of
        :func:`suppress_by_counts`); totals appear as a row and column named
        ``margins_name`` when ``margins=True``.
    record : pandas.DataFrame
        One row per suppressed or rounded cell, columns ``row, column, value,
        action, reason, lower, upper``: ``value`` is the original count (or
        value), ``action`` is ``"primary"``, ``"secondary"`` or ``"rounded"``,
        ``lower`` / ``upper`` the interval an intruder can derive for a
        suppressed count from the published table (NaN for rounded cells).
        The record holds the true values: keep it with the restricted files,
        never publish it.
    threshold : int
        The minimum publishable count.
    """

    table: pd.DataFrame
    record: pd.DataFrame
    threshold: int
    settings: dict = field(default_factory=dict)

    @property
    def n_suppressed(self) -> int:
        """Number of suppressed cells (totals included)."""
        return int(self.record["action"].isin(["primary", "secondary"]).sum())

    def summary(self) -> str:
        """One line for the evidence-pack log: how many cells were withheld and why."""
        act = self.record["action"].value_counts()
        return (
            f"{int(act.get('primary', 0))} cell(s) below {self.threshold} suppressed, "
            f"{int(act.get('secondary', 0))} more suppressed so that they cannot be "
            f"recovered from totals, {int(act.get('rounded', 0))} rounded"
        )

    def to_long(self, *, value_name: str = "value") -> pd.DataFrame:
        """The safe table in long form: ``row``, ``column``, ``value_name`` (missing if suppressed)."""
        t = self.table.copy()
        t.index = t.index.rename("row")
        t.columns = t.columns.rename("column")
        return t.stack(future_stack=True).rename(value_name).reset_index()
