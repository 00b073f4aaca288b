"""Study configuration (``study.yml``): which files, which analyses, which parameters.

A configuration is checked completely before any analysis runs: unknown keys, paths
that do not exist, values of the wrong kind and inconsistent dates are all reported
together in one :class:`~toolkit.errors.ConfigError`.

Example ``study.yml``::

    study:
      name: My force staff survey 2025
      seed: 20240301
    disclosure:
      threshold: 10
    survey:
      data: data/survey.csv
      dictionary: data/dictionary.csv
      margins: data/workforce.csv
      weight_by: [force, role]      # margins to rake to
      by: [role]                    # breakdowns to publish
      reference: {role: 1}          # reference groups of the model
      waves: {1: 2023-03-01, 2: 2024-03-01}
    evaluate:
      incidents: data/incidents.csv
      reporting_launch: 2024-04-01
    analyses: [survey, evaluate]

Relative paths are read relative to the folder holding ``study.yml``. Every key is
listed in :data:`SCHEMA` and documented in ``data-templates/study.yml``; a key not
listed is refused with the list of valid ones. YAML aliases (``&name`` / ``*name``)
are refused: a few bytes of nested aliases expand into gigabytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from toolkit.dictionary import load_dictionary
from toolkit.errors import ParameterError, ToolkitError, check_threshold

__all__ = ["ConfigError", "StudyConfig", "load_study", "SCHEMA", "ANALYSES"]

#: analyses a configuration may ask for, in the order the evidence pack runs them
ANALYSES = ("survey", "qual", "evaluate")

# section -> key -> kind.  Kinds: path, str, int, float, date, list, mapping, bool,
# wave (a wave code, "latest" or "all"), dates (a date mapping), one of:a|b|c
SCHEMA: dict[str, dict[str, str]] = {
    "study": {"name": "str", "seed": "int", "demo": "bool", "description": "str"},
    "disclosure": {
        "threshold": "int",
        "zeros": "str",
        "rounding": "int",
        "allow_low_threshold": "bool",
        "quote_bank": "bool",
    },
    "survey": {
        "data": "path",  # the survey file
        "dictionary": "path",  # its data dictionary (roles in the 'role' column)
        "sheet": "str",  # sheet of an .xlsx survey file (default: the first)
        "margins": "path",  # workforce profile to rake to
        "weight_by": "list",  # margins to rake to (default: every variable of the margins file)
        "by": "list",  # breakdowns to publish (default: the dictionary's breakdowns)
        "compare_by": "list",  # breakdowns tested for differences (default: `by`)
        "model": "list",  # predictors of the any-harm model (default: `by`)
        "reference": "mapping",  # variable: code of its reference group (default: first code present)
        "wave": "wave",  # wave analysed: a code, "latest" (default) or "all"
        "waves": "dates",  # wave code: date it was fielded
        "date_order": "one of:day_first|month_first",  # how ambiguous dates such as 03/04/2024 are read
        "exclude_previews": "bool",  # drop Qualtrics survey previews (default true)
        "exclude_unfinished": "bool",  # drop unfinished Qualtrics responses (default true)
    },
    "qual": {"interviews": "path", "documents": "path", "lexicon": "path", "by": "list"},
    "evaluate": {
        "panel": "path",  # one row per unit per time
        "unit": "str",  # panel column of the unit (e.g. force)
        "time": "str",  # panel column of the period
        "treated": "str",  # panel 0/1 column: 1 in the periods a unit has the intervention
        "outcomes": "list",  # panel outcome column(s); the first is the headline
        "intervention": "str",  # what the intervention is, in words (e.g. "online-harms training")
        "survey_treated": "list",  # forces (codes of the survey's force variable) treated between the waves
        "survey_outcome": "str",  # the survey scale the intervention targets (notebook 04)
        "incidents": "path",
        "denominators": "path",
        "study_start": "date",
        "study_end": "date",
        "rollout_start": "date",
        "reporting_launch": "date",
    },
    # how the pack looks: the force's name, logo (PNG/JPEG) and colour (#RRGGBB) on the HTML and DOCX,
    # and the Word document whose styles the briefing uses (default: toolkit/report/templates/reference.docx)
    "report": {"organisation": "str", "logo": "path", "colour": "str", "reference_docx": "path"},
    "analyses": {},  # a list, checked on its own
    "output": {},  # a folder, checked on its own
}


class ConfigError(ToolkitError):
    """The study configuration has one or more problems (all listed in the message)."""

    def __init__(self, path, problems: list[str]):
        self.path = path
        self.problems = problems
        where = f" {path}" if path else ""
        lines = [f"The study configuration{where} has {len(problems)} problem(s):"]
        lines += [f"  - {p}" for p in problems]
        lines.append("Fix these in the file and run again; no analysis was started.")
        super().__init__("\n".join(lines))


@dataclass
class StudyConfig:
    """A checked study configuration.

    Attributes
    ----------
    raw : dict
        The configuration as written (after checks), paths still as written.
    base : Path
        Folder relative paths are resolved against.
    source : Path or None
        The ``study.yml`` file, if read from one.
    """

    raw: dict
    base: Path
    source: Path | None = None
    analyses: tuple[str, ...] = field(default=ANALYSES)

    def get(self, section: str, key: str, default: Any = None) -> Any:
        return (self.raw.get(section) or {}).get(key, default)

    def path(self, section: str, key: str) -> Path | None:
        """Absolute path of a file named in the configuration, or None if not given."""
        value = self.get(section, key)
        if value is None:
            return None
        p = Path(value)
        return p if p.is_absolute() else (self.base / p)

    @property
    def name(self) -> str:
        return self.get("study", "name", "Unnamed study")

    @property
    def seed(self) -> int:
        return int(self.get("study", "seed", 20240301))

    @property
    def threshold(self) -> int:
        return int(self.get("disclosure", "threshold", 10))

    @property
    def zeros(self) -> str:
        """``"publish"`` (default) or ``"suppress"``: what the publication gate does with zero counts."""
        return self.get("disclosure", "zeros", "publish")

    @property
    def rounding(self) -> int | None:
        """Rounding base for published counts (e.g. 5, as ONS), or None."""
        return self.get("disclosure", "rounding")

    @property
    def allow_low_threshold(self) -> bool:
        return bool(self.get("disclosure", "allow_low_threshold", False))

    def input_files(self) -> list[Path]:
        """Every input file the configuration names (for the provenance manifest)."""
        files = []
        for section, keys in SCHEMA.items():
            for key, kind in keys.items():
                if kind == "path":
                    p = self.path(section, key)
                    if p is not None:
                        files.append(p)
        return files


def _check_kind(value, kind: str) -> str | None:
    if kind in ("path", "str"):
        return None if isinstance(value, str) and value.strip() else "a non-empty text value"
    if kind == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) else "a whole number"
    if kind == "float":
        return None if isinstance(value, (int, float)) and not isinstance(value, bool) else "a number"
    if kind == "bool":
        return None if isinstance(value, bool) else "true or false"
    if kind == "list":
        return None if isinstance(value, list) else "a list, e.g. [role, gender]"
    if kind == "mapping":
        return None if isinstance(value, dict) else "a mapping of key: value lines, e.g. {role: 1}"
    if kind == "dates":
        if not isinstance(value, dict) or not value:
            return "a mapping of wave: date, e.g. {1: 2023-03-01, 2: 2024-03-01}"
        bad = [v for v in value.values() if _check_kind(v, "date")]
        return "dates written YYYY-MM-DD, e.g. {1: 2023-03-01}" if bad else None
    if kind == "wave":
        if isinstance(value, bool):
            return "a wave code, 'latest' or 'all'"
        return (
            None if isinstance(value, (int, float)) or value in ("latest", "all") else "a wave code, 'latest' or 'all'"
        )
    if kind.startswith("one of:"):
        options = kind.split(":", 1)[1].split("|")
        return None if value in options else "one of " + ", ".join(options)
    if kind == "date":
        if isinstance(value, dt.date):
            return None
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
                return None
            except ValueError:
                pass
        return "a date written YYYY-MM-DD"
    raise RuntimeError(kind)  # pragma: no cover


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def check_study(raw: dict, *, base: Path, source: Path | None = None, check_paths: bool = True) -> StudyConfig:
    """Check a configuration mapping; return a :class:`StudyConfig` or raise :class:`ConfigError`."""
    where = source or "(in memory)"
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise ConfigError(where, ["the file must contain 'section: ...' blocks (a YAML mapping)"])
    for section, body in raw.items():
        if section not in SCHEMA:
            problems.append(f"unknown section '{section}'; expected one of {sorted(SCHEMA)}")
            continue
        if section == "analyses":
            if not isinstance(body, list) or not all(isinstance(a, str) for a in body):
                problems.append(f"'analyses' must be a list such as {list(ANALYSES)}; found {body!r}")
            else:
                unknown = [a for a in body if a not in ANALYSES]
                if unknown:
                    problems.append(f"'analyses' names unknown analyses {unknown}; expected some of {list(ANALYSES)}")
            continue
        if section == "output":
            if not isinstance(body, str):
                problems.append(f"'output' must be a folder name; found {body!r}")
            continue
        if body is None:
            continue
        if not isinstance(body, dict):
            problems.append(f"section '{section}' must hold 'key: value' lines; found {body!r}")
            continue
        for key, value in body.items():
            if key not in SCHEMA[section]:
                problems.append(f"unknown key '{section}.{key}'; expected one of {sorted(SCHEMA[section])}")
                continue
            if value is None:
                continue
            kind = SCHEMA[section][key]
            expected = _check_kind(value, kind)
            if expected:
                problems.append(f"'{section}.{key}' should be {expected}; found {value!r}")
                continue
            if kind == "path" and check_paths:
                p = Path(value) if Path(value).is_absolute() else base / value
                if not p.exists():
                    problems.append(
                        f"'{section}.{key}' names a file that does not exist: {value} "
                        f"(looked for {p}); check the spelling or give a path relative to {base}"
                    )
    disc: dict = raw["disclosure"] if isinstance(raw.get("disclosure"), dict) else {}
    threshold = disc.get("threshold")
    if isinstance(threshold, int) and not isinstance(threshold, bool):
        try:
            check_threshold(threshold, allow_low=disc.get("allow_low_threshold") is True)
        except ParameterError as exc:
            problems.append(f"'disclosure.threshold': {exc}")
    if isinstance(disc.get("zeros"), str) and disc["zeros"] not in ("publish", "suppress"):
        problems.append(f"'disclosure.zeros' must be 'publish' or 'suppress'; found {disc['zeros']!r}")
    rounding = disc.get("rounding")
    if isinstance(rounding, int) and not isinstance(rounding, bool) and rounding < 2:
        problems.append(
            f"'disclosure.rounding' must be a whole-number base of at least 2 (for example 5, "
            f"as ONS rounds), or left out; found {rounding!r}"
        )
    rep: dict = raw["report"] if isinstance(raw.get("report"), dict) else {}
    ref = rep.get("reference_docx")
    if check_paths and isinstance(ref, str) and ref.strip():
        p = Path(ref) if Path(ref).is_absolute() else base / ref
        if p.exists():  # a missing file is reported above
            # lazy: import cycle (the briefing reads the configuration), and python-docx loads only here
            from toolkit.report.docx_briefing import reference_problems

            problems += reference_problems(p)
    ev: dict = raw["evaluate"] if isinstance(raw.get("evaluate"), dict) else {}
    dates = {}
    for key in ("study_start", "study_end", "rollout_start", "reporting_launch"):
        if ev.get(key) is not None and not _check_kind(ev[key], "date"):
            dates[key] = _as_date(ev[key])
    if "study_start" in dates and "study_end" in dates and dates["study_start"] >= dates["study_end"]:
        problems.append(
            f"'evaluate.study_start' ({dates['study_start']}) must be before "
            f"'evaluate.study_end' ({dates['study_end']})"
        )
    for key in ("rollout_start", "reporting_launch"):
        if key in dates:
            if "study_start" in dates and dates[key] <= dates["study_start"]:
                problems.append(
                    f"'evaluate.{key}' ({dates[key]}) must be after 'evaluate.study_start' "
                    f"({dates['study_start']}): an evaluation needs data before the intervention"
                )
            if "study_end" in dates and dates[key] >= dates["study_end"]:
                problems.append(
                    f"'evaluate.{key}' ({dates[key]}) must be before 'evaluate.study_end' "
                    f"({dates['study_end']}): an evaluation needs data after the intervention"
                )
    if problems:
        raise ConfigError(where, problems)
    analyses = tuple(raw.get("analyses") or ANALYSES)
    cfg = StudyConfig(raw=raw, base=base, source=source, analyses=analyses)
    dictionary = cfg.path("survey", "dictionary")
    if check_paths and dictionary is not None and dictionary.exists():
        # the survey settings name variables: check them against the dictionary now, before
        # any analysis (a dictionary that does not load is reported by the data section)
        # lazy: import cycle (toolkit.study builds on this module)
        from toolkit.study import Contract

        try:
            d = load_dictionary(dictionary)
        except ToolkitError:
            return cfg
        Contract.from_study(cfg, d)
        target = cfg.get("evaluate", "survey_outcome")
        if target is not None and target not in d.scales():
            raise ConfigError(
                where,
                [
                    f"'evaluate.survey_outcome' is {target!r}, not a scale of the data dictionary "
                    f"{dictionary.name}; its scales: {sorted(d.scales())}"
                ],
            )
    return cfg


def load_study(path, *, check_paths: bool = True) -> StudyConfig:
    """Read and check ``study.yml``.

    Parameters
    ----------
    path : str or Path
        The configuration file.
    check_paths : bool
        Check that every file named exists (default True).

    Returns
    -------
    StudyConfig

    Raises
    ------
    ConfigError
        Listing every problem found (unknown keys, missing files, wrong kinds, dates out of order).
    """
    path = Path(path)
    if not path.exists():
        raise ConfigError(path, [f"the configuration file {path} does not exist"])
    if path.is_dir():
        hint = " (the folder holds a study.yml: give that file)" if (path / "study.yml").exists() else ""
        raise ConfigError(path, [f"{path} is a folder; expected the study.yml file itself{hint}"])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, [f"the file cannot be read as UTF-8 text: {exc}"]) from None
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                raise ConfigError(
                    path,
                    [
                        f"line {mark.line + 1}, column {mark.column + 1}: YAML anchors and aliases "
                        "(&name / *name) are not accepted in a study configuration; write each value out"
                    ],
                )
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(path, [f"the file is not valid YAML{line}: {getattr(exc, 'problem', exc)}"]) from None
    return check_study(raw or {}, base=path.resolve().parent, source=path, check_paths=check_paths)
