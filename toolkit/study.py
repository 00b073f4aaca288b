"""The demo study's configuration: write the synthetic study, then describe it in a
``study.yml`` exactly as a force would describe its own files."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

import toolkit
from toolkit.config import ConfigError, StudyConfig, load_study
from toolkit.dictionary import default_dictionary, load_dictionary, parse_code
from toolkit.errors import ToolkitError
from toolkit.io import read_survey
from toolkit.survey import rake, workforce_margins
from toolkit.synth import write_demo
from toolkit.synth.survey import ROLLOUT_FORCES, WAVE_START

__all__ = [
    "demo_config",
    "open_study",
    "DEMO_FILES",
    "Contract",
    "contract",
    "DEMO_SURVEY",
    "StudyWeights",
    "study_weights",
    "read_study_survey",
]

#: configuration key -> file written by toolkit.synth, relative to the demo-data folder
DEMO_FILES = {
    ("survey", "data"): "survey/survey.csv",
    ("survey", "dictionary"): "survey/dictionary.csv",
    ("survey", "margins"): "survey/workforce.csv",
    ("qual", "interviews"): "qual/interviews.qdpx",
    ("qual", "documents"): "qual/documents.csv",
    ("evaluate", "panel"): "evaluate/panel.csv",
    ("evaluate", "incidents"): "evaluate/incidents.csv",
    ("evaluate", "denominators"): "evaluate/forces.csv",
}


#: the demo study's survey settings (study.yml ``survey:``), as a force would write them
DEMO_SURVEY = {
    "weight_by": ["force", "role"],
    "by": ["role"],
    "compare_by": ["gender"],
    "model": ["role", "public_facing", "gender"],
    "reference": {"role": 1, "public_facing": 0, "gender": 1},
    "wave": "latest",
}


def demo_config(outdir, *, seed: int = 20240301) -> StudyConfig:
    """Write the demo study into ``outdir / "demo-data"`` with its ``study.yml``; load it."""
    data_dir = Path(outdir) / "demo-data"
    write_demo(data_dir, seed=seed)
    raw: dict = {
        "study": {"name": "Synthetic demo study (not real data)", "seed": seed, "demo": True},
        "disclosure": {"threshold": 10},
    }
    for (section, key), rel in DEMO_FILES.items():
        if (data_dir / rel).exists():
            raw.setdefault(section, {})[key] = rel
    if "survey" in raw:
        raw["survey"].update(DEMO_SURVEY)
        raw["survey"]["waves"] = {int(w): str(d)[:10] for w, d in WAVE_START.items()}
    if "qual" in raw and "interviews" in raw["qual"]:
        raw["qual"]["by"] = ["role", "personal_experience", "team_composition"]
    if "evaluate" in raw and "panel" in raw["evaluate"]:
        raw["evaluate"].update(
            {
                "unit": "force",
                "time": "wave",
                "treated": "trained",
                "outcomes": ["wellbeing"],
                "intervention": "online-harms training",
            }
        )
    if "survey" in raw:
        raw.setdefault("evaluate", {}).update(
            {"survey_treated": list(ROLLOUT_FORCES), "survey_outcome": "training_confidence"}
        )
    truth = data_dir / "evaluate" / "truth.json"
    if truth.exists():
        dates = json.loads(truth.read_text()).get("config_dates", {})
        if dates:
            raw.setdefault("evaluate", {}).update(dates)
    path = data_dir / "study.yml"
    path.write_text(
        "# Study configuration of the synthetic demo study, written by toolkit.\n"
        + yaml.safe_dump(raw, sort_keys=False),
        encoding="utf-8",
    )
    return load_study(path)


def open_study(study=None, output="outputs", *, seed: int = 20240301) -> StudyConfig:
    """The study a notebook works on: ``study.yml`` if given, else the synthetic demo
    study (written once into ``output/demo-data`` and reused while its seed and the
    toolkit version are unchanged).

    >>> import tempfile
    >>> cfg = open_study(None, tempfile.mkdtemp())
    >>> cfg.name
    'Synthetic demo study (not real data)'
    """
    if study is not None:
        return load_study(study)

    data_dir = Path(output) / "demo-data"
    marker = data_dir / ".demo-version"
    stamp = f"{toolkit.__version__} {seed}"
    if (data_dir / "study.yml").exists() and marker.exists() and marker.read_text() == stamp:
        return load_study(data_dir / "study.yml")
    cfg = demo_config(output, seed=seed)
    marker.write_text(stamp)
    return cfg


# ---------------------------------------------------------------------- the contract
#: roles whose 0/1 items the survey section publishes as proportions, with the pillar they inform
PILLAR_ROLES = {"reporting": "reporting", "support": "support", "training": "training"}
#: types a breakdown may have (codes that name groups)
BREAKDOWN_TYPES = ("categorical", "ordinal", "binary", "likert")


@dataclass(frozen=True)
class Contract:
    """What each survey variable is to the evidence pack, and the study's settings.

    The pack and the notebooks never look for a variable by its name: they ask the
    contract ("the harm items", "the breakdowns to publish", "the wave analysed",
    "the reporting items"). The answers come from the data dictionary's ``role``,
    ``scale`` and ``disclosure`` columns and from ``study.yml``'s ``survey`` section.
    Build one with :meth:`Contract.from_study`.

    Attributes
    ----------
    variables : tuple of str
        Dictionary variables, in dictionary order.
    roles, types, disclosure, labels : dict
        Variable -> role (None when blank), type, disclosure class, label.
    scales : dict
        Scale name -> tuple of its items.
    by : tuple of str
        Breakdowns to publish (``survey.by``; default every dictionary variable with
        role ``breakdown`` of a coded type).
    compare_by, model : tuple of str
        Breakdowns tested for differences and predictors of the any-harm model
        (``survey.compare_by`` / ``survey.model``; default ``by``).
    reference : dict
        Variable -> code of its reference group as configured (``survey.reference``).
    weight_by : tuple of str or None
        Margins to rake to (``survey.weight_by``); None = every variable of the margins file.
    wave_choice : int, str
        ``survey.wave``: a wave code, ``"latest"`` (default) or ``"all"``.
    wave_dates : dict
        Wave code -> ``datetime.date`` fielded (``survey.waves``).

    Examples
    --------
    >>> from toolkit.dictionary import default_dictionary
    >>> c = Contract.from_study(None, default_dictionary())
    >>> c.harm_items[:3], c.wave, c.force, c.identifier
    (['harm_abuse', 'harm_threats', 'harm_doxxing'], 'wave', 'force', 'resp_id')
    >>> c.items("reporting", types=("binary",)), c.climate_scales[:2]
    (['reported'], ['training_confidence', 'recognition_climate'])
    >>> c.may_publish("resp_id"), c.may_publish("role"), c.may_publish("ethnicity")
    (False, True, True)
    """

    variables: tuple
    roles: dict
    types: dict
    disclosure: dict
    labels: dict
    scales: dict
    by: tuple = ()
    compare_by: tuple = ()
    model: tuple = ()
    reference: dict = field(default_factory=dict)
    weight_by: tuple | None = None
    wave_choice: object = "latest"
    wave_dates: dict = field(default_factory=dict)

    # ------------------------------------------------------------------ building
    @classmethod
    def from_study(cls, config, dictionary) -> Contract:
        """The contract of a study: its dictionary's roles and its ``study.yml`` settings.

        Parameters
        ----------
        config : StudyConfig or None
            The study configuration (None: the defaults).
        dictionary : toolkit.dictionary.Dictionary
            The survey's data dictionary.

        Returns
        -------
        Contract

        Raises
        ------
        ConfigError
            A setting names a variable the dictionary does not have, an identifier or
            free text as a breakdown, or a reference code the variable does not have.
        """
        t = dictionary.table
        variables = tuple(t["variable"])
        roles = dict(zip(variables, (dictionary.role(v) for v in variables)))
        types = dict(zip(variables, t["type"]))
        disclosure = dict(zip(variables, t["disclosure"]))
        labels = {v: dictionary.label(v) for v in variables}
        scales = {k: tuple(v) for k, v in dictionary.scales().items()}
        get = (
            (lambda key, default=None: config.get("survey", key, default))
            if config is not None
            else (lambda key, default=None: default)
        )
        problems: list[str] = []
        declared = [v for v in variables if roles[v] == "breakdown" and types[v] in BREAKDOWN_TYPES]

        def variables_of(key, default):
            value = get(key)
            if value is None:
                return tuple(default)
            out = []
            for v in value:
                v = str(v)
                if v not in types:
                    problems.append(
                        f"'survey.{key}' names {v!r}, which is not in the data dictionary "
                        f"{dictionary.source}; breakdowns it declares: {declared}"
                    )
                elif disclosure[v] in ("identifier", "restricted") or roles[v] in ("identifier", "free_text"):
                    problems.append(
                        f"'survey.{key}' names {v!r}, classed {disclosure[v]} in the dictionary: "
                        "identifiers and restricted variables are never published; remove it"
                    )
                elif types[v] not in BREAKDOWN_TYPES and key != "model":
                    problems.append(
                        f"'survey.{key}' names {v!r} of type {types[v]}; a breakdown needs codes "
                        f"(type {', '.join(BREAKDOWN_TYPES)})"
                    )
                else:
                    out.append(v)
            return tuple(out)

        by = variables_of("by", declared)
        compare_by = variables_of("compare_by", by)
        model = variables_of("model", by)
        reference = {}
        for var, code in (get("reference") or {}).items():
            var = str(var)
            if var not in types:
                problems.append(f"'survey.reference' names {var!r}, which is not in the data dictionary")
                continue

            codes = dictionary.codes(var)
            code = parse_code(code)
            if codes and code not in codes:
                problems.append(f"'survey.reference' gives {var}: {code!r}, not a code of {var} (codes: {list(codes)})")
                continue
            reference[var] = code
        weight_by = get("weight_by")
        if weight_by is not None:
            missing = [str(v) for v in weight_by if str(v) not in types]
            if missing:
                problems.append(f"'survey.weight_by' names {missing}, not in the data dictionary")
            weight_by = tuple(str(v) for v in weight_by if str(v) in types)
        waves = {}
        for code, date in (get("waves") or {}).items():
            waves[parse_code(code)] = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
        if waves and not [v for v in variables if roles[v] == "wave"]:
            problems.append("'survey.waves' gives wave dates but no dictionary variable has role 'wave'")
        if problems:
            raise ConfigError(getattr(config, "source", None), problems)
        return cls(
            variables=variables,
            roles=roles,
            types=types,
            disclosure=disclosure,
            labels=labels,
            scales=scales,
            by=by,
            compare_by=compare_by,
            model=model,
            reference=reference,
            weight_by=weight_by,
            wave_choice=get("wave", "latest"),
            wave_dates=waves,
        )

    # ------------------------------------------------------------------ look-ups
    def items(self, *roles, types=None, data=None) -> list:
        """Variables with one of ``roles`` (of ``types`` if given; present in ``data`` if given)."""
        out = [v for v in self.variables if self.roles[v] in roles and (types is None or self.types[v] in types)]
        if data is not None:
            out = [v for v in out if v in data.columns]
        return out

    def _single(self, role):
        found = self.items(role)
        return found[0] if found else None

    @property
    def harm_items(self) -> list:
        """The 0/1 harm-type items (role ``harm``, type binary): "any harm" is any of them."""
        return self.items("harm", types=("binary",))

    def harm_items_in(self, data) -> list:
        """The harm items (:attr:`harm_items`) that are columns of ``data``: the items "any
        harm" is built from, in the survey section and the notebooks alike."""
        return self.items("harm", types=("binary",), data=data)

    @property
    def identifier(self):
        """The respondent identifier (role ``identifier``, else the ``id`` variable), or None."""
        return self._single("identifier") or next((v for v in self.variables if self.types[v] == "id"), None)

    @property
    def force(self):
        """The variable naming the force / organisation (role ``force``), or None."""
        return self._single("force")

    @property
    def wave(self):
        """The survey-wave variable (role ``wave``), or None."""
        return self._single("wave")

    @property
    def weight(self):
        """A weight supplied with the data (role ``weight``), or None."""
        return self._single("weight")

    @property
    def breakdowns(self) -> list:
        """Every variable the dictionary declares a breakdown (role ``breakdown``)."""
        return self.items("breakdown")

    @property
    def climate_scales(self) -> list:
        """Scales scored and compared across groups: those whose items are not impact items
        (impact is asked only of those harmed)."""
        return [s for s, items in self.scales.items() if not any(self.roles[i] == "impact" for i in items)]

    @property
    def identifiers(self) -> list:
        """Variables classed ``identifier``: never published."""
        return [v for v in self.variables if self.disclosure[v] == "identifier" or self.roles[v] == "identifier"]

    @property
    def quasi_identifiers(self) -> list:
        """Variables classed ``quasi-identifier``: published only as declared breakdowns."""
        return [v for v in self.variables if self.disclosure[v] == "quasi-identifier"]

    @property
    def restricted(self) -> list:
        """Variables classed ``restricted`` (free text): never published."""
        return [v for v in self.variables if self.disclosure[v] == "restricted" or self.roles[v] == "free_text"]

    def may_publish(self, var) -> bool:
        """True when tables may show ``var``: never identifiers or restricted variables;
        quasi-identifiers only when declared breakdowns (role breakdown, force or wave, or
        named in ``survey.by`` / ``compare_by`` / ``model``); public variables always."""
        if var not in self.disclosure or var in self.identifiers or var in self.restricted:
            return False
        if self.disclosure[var] == "quasi-identifier":
            return (
                self.roles[var] in ("breakdown", "force", "wave")
                or var in self.by
                or var in self.compare_by
                or var in self.model
            )
        return True

    def reference_code(self, var, data=None):
        """Reference group of ``var``: ``survey.reference`` if set, else the first code of
        the dictionary present in ``data`` (the first code when no data is given)."""
        if var in self.reference:
            return self.reference[var]
        return None if data is None else _first_present(data[var])

    def select_wave(self, data, *, source=None):
        """The rows of the wave analysed (``survey.wave``: a code, ``"latest"`` or ``"all"``)
        and a sentence saying which ('' when the survey has no wave variable).

        Returns
        -------
        (pandas.DataFrame, str)
        """
        wave = self.wave
        if wave is None or wave not in data.columns or not data[wave].notna().any():
            return data, ""
        choice = self.wave_choice
        waves = sorted(data[wave].dropna().unique().tolist())
        if choice == "all":
            return data, f"all {len(waves)} waves pooled ({len(data)} responses)"
        code = waves[-1] if choice in (None, "latest") else choice
        if code not in waves:
            raise ConfigError(
                source, [f"'survey.wave' is {choice!r}, but the survey's wave column {wave!r} holds {waves}"]
            )
        out = data[data[wave] == code].copy()
        date = self.wave_date(code)
        when = f", fielded {date:%d %B %Y}" if date else ""
        latest = f"; the latest of {len(waves)}" if len(waves) > 1 and choice in (None, "latest") else ""
        return out, f"wave {code}{when} ({len(out)} respondents{latest})"

    def wave_date(self, code):
        """Date wave ``code`` was fielded (``survey.waves``), or None."""
        return self.wave_dates.get(code)

    def before_after(self, data=None):
        """The first and last waves (codes) of ``survey.waves``, else of ``data``'s wave
        column; None when the study has fewer than two waves."""
        codes = sorted(self.wave_dates)
        if len(codes) < 2 and data is not None and self.wave in getattr(data, "columns", ()):
            codes = sorted(data[self.wave].dropna().unique().tolist())
        return (codes[0], codes[-1]) if len(codes) >= 2 else None


def read_study_survey(config, *, on_error: str = "report"):
    """Read and check the study's survey as ``study.yml`` declares it: ``survey.data``
    against ``survey.dictionary``, on ``survey.sheet`` of an Excel file, with dates read in
    ``survey.date_order``, Qualtrics previews and unfinished responses excluded unless
    ``survey.exclude_previews`` / ``exclude_unfinished`` are false.

    Returns
    -------
    toolkit.io.SurveyData
    """
    get = lambda key, default=None: config.get("survey", key, default)  # noqa: E731
    return read_survey(
        config.path("survey", "data"),
        config.path("survey", "dictionary"),
        on_error=on_error,
        sheet=get("sheet"),
        date_order=get("date_order", "day_first"),
        exclude_previews=get("exclude_previews", True),
        exclude_unfinished=get("exclude_unfinished", True),
    )


@dataclass(frozen=True)
class StudyWeights:
    """How the respondents are weighted (:func:`study_weights`)."""

    column: str | None  # the weight column added to (or found in) the data; None = unweighted
    text: str  # a sentence for the methods
    raked_on: tuple[str, ...] | None = None  # the raking margins' variables (calibration=); None if not raked


def study_weights(config, c: Contract, data) -> StudyWeights:
    """Weight respondents as the study declares, adding the weight column to ``data``.

    A weight supplied with the data (dictionary role ``weight``) is used as it is, or as
    the base weight when the study also gives workforce margins (``survey.margins``): the
    respondents are then raked to the margins on ``survey.weight_by`` (default: the force
    and every variable of the margins file the survey has).

    Returns
    -------
    StudyWeights
        ``column`` (the weight column, None = unweighted), ``text`` (a sentence for the
        methods) and ``raked_on`` (the variables raked on, for design-based variances).
    """
    base = c.weight if c.weight in data.columns else None
    path = config.path("survey", "margins") if config is not None else None
    if path is None:
        if base is None:
            return StudyWeights(
                None,
                "Unweighted: the study names no workforce margins (survey.margins) and no weight "
                "variable, so every figure describes the respondents, not the workforce.",
            )
        return StudyWeights(base, f"Weighted by the weight supplied with the data ({base}).")
    profile = pd.read_csv(path, encoding="utf-8-sig")
    variables = (
        list(c.weight_by)
        if c.weight_by is not None
        else [
            *([c.force] if c.force and "force" in profile.columns else []),
            *[v for v in dict.fromkeys(profile.get("variable", pd.Series(dtype=str)).astype(str)) if v in data.columns],
        ]
    )
    if not variables:
        raise ToolkitError(f"the workforce margins {path.name} name no variable of the survey; set survey.weight_by")
    margins = {}
    for var in variables:
        if var == c.force:
            margins[var] = workforce_margins(path, ["force"])["force"]
        else:
            margins.update(workforce_margins(path, [var]))
    w = rake(data, margins, weight=base)
    a = dict(w.attrs)
    name = "weight"
    while name in data.columns:
        name = "_" + name
    data[name] = w
    labels = [c.labels.get(v, v).split(" (")[0].lower() for v in variables]
    text = (
        f"Responses were raked to the workforce profile ({path.name}) on {', '.join(labels)}"
        f"{f', starting from the supplied weight {base}' if base else ''} "
        f"(converged: {a.get('converged')}; Kish design effect {a.get('design_effect', float('nan')):.2f}, "
        f"effective sample size {a.get('effective_n', float('nan')):.0f} of {len(data)})."
    )
    return StudyWeights(name, text, raked_on=tuple(variables))


def _first_present(values):
    """The first category (categorical order) or smallest value present."""
    s = pd.Series(values).dropna()
    if not len(s):
        return None
    if isinstance(s.dtype, pd.CategoricalDtype):
        present = set(s.unique())
        return next(c for c in s.cat.categories if c in present)
    return sorted(s.unique().tolist())[0]


def contract(config, dictionary=None) -> Contract:
    """The :class:`Contract` of a study: from ``config`` (a StudyConfig or a path to
    ``study.yml``) and its survey dictionary (read from ``survey.dictionary`` when not given).

    >>> import tempfile
    >>> c = contract(open_study(None, tempfile.mkdtemp()))
    >>> c.by, c.weight_by
    (('role',), ('force', 'role'))
    """
    if config is not None and not isinstance(config, StudyConfig):
        config = load_study(config)
    if dictionary is None:
        path = config.path("survey", "dictionary") if config is not None else None
        if path is None:
            dictionary = default_dictionary()
        else:
            dictionary = load_dictionary(path)
    elif not hasattr(dictionary, "table"):
        dictionary = load_dictionary(dictionary)
    return Contract.from_study(config, dictionary)
