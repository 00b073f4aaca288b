"""What the sections of the evidence pack hand to later sections, one typed object each.

A section that computes something a later section needs sets one attribute of
``ctx.shared`` (:class:`Shared`) to a frozen dataclass; the later section reads that
attribute. A misspelt name is then an ``AttributeError`` (and a type-checker error), not a
silent ``None`` from a dictionary lookup.

=====================  ========================  ===========================================
attribute              set by                    read by
=====================  ========================  ===========================================
``checked``            data section              survey section, presentation (dictionary)
``weighted``           survey section            ``evidence-pack --by force`` (by_force)
``survey``             survey section            resourcing section, summary (periods)
``force``              build_evidence_pack       survey and resourcing sections (force pack)
``funnel``             resourcing section        ``evidence-pack --by force`` (by_force)
=====================  ========================  ===========================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from toolkit.dictionary import Dictionary
    from toolkit.io import SurveyData
    from toolkit.study import Contract

__all__ = ["CheckedSurvey", "ForceScope", "FunnelLimits", "Shared", "SurveyResults", "WeightedSurvey"]


@dataclass(frozen=True)
class CheckedSurvey:
    """The survey file read and checked against its data dictionary (data section)."""

    survey: SurveyData  # rows kept, dictionary, validation report, excluded rows
    contract: Contract  # the study's variable roles, scales and survey settings


@dataclass(frozen=True)
class WeightedSurvey:
    """The respondents of the wave analysed with their weights: what a force's own pack
    starts from (``toolkit evidence-pack --by force``), weighted once, nationally."""

    data: pd.DataFrame  # respondents of the wave analysed, with the weight column
    weight: str | None  # the weight column, None when unweighted
    weight_text: str  # the methods sentence on weighting
    wave_text: str  # which wave the results use ('' when the survey has one)
    dictionary: Dictionary
    contract: Contract
    raked_on: tuple[str, ...] | None  # the raking margins' variables (calibration=), None if not raked


@dataclass(frozen=True)
class SurveyResults:
    """What the survey section hands to later sections."""

    data: pd.DataFrame  # respondents analysed, with the any-harm column and the scale scores
    contract: Contract
    weight: str | None
    raked_on: tuple[str, ...] | None
    harms: tuple[str, ...]  # the harm items found in the data
    any_harm: str | None  # the column: 1 when any harm item is 1 (None without harm items)
    dictionary: Dictionary | None = None  # the survey's data dictionary (code labels)


@dataclass(frozen=True)
class FunnelLimits:
    """The national funnel plot's target proportion and overdispersion (resourcing section),
    which a force pack's funnel redraws."""

    target: float
    tau2: float


@dataclass(frozen=True)
class ForceScope:
    """A force's own pack: the force, and what the national pack computed once
    (:func:`toolkit.report.by_force.force_reference`)."""

    force: str
    reference: dict[str, Any]


@dataclass(slots=True)
class Shared:
    """One typed attribute per thing a section hands on (None until it is set).

    ``slots`` makes a misspelt attribute an error when it is set, not a new attribute.
    """

    checked: CheckedSurvey | None = None
    weighted: WeightedSurvey | None = None
    survey: SurveyResults | None = None
    force: ForceScope | None = None
    funnel: FunnelLimits | None = None
