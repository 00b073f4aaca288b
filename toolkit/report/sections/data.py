"""Data section of the evidence pack: the study's survey file read and checked
against its data dictionary, with every excluded row and every problem logged.

For the demo (no configuration) the synthetic study is first written to
``outdir / "demo-data"``. Outputs:

* ``outdir / "private" / "validation" / validation_report.csv``: one row per problem,
  with the file's row numbers and the values found (text typed into coded columns
  included). It holds respondent-level values, so it stays private, outside the pack.
* ``outdir / "private" / "validation" / excluded_rows.csv``: rows not analysed, with reasons.
* ``outdir / "private" / "validation" / validation.txt``: a short text summary (rows in,
  kept, excluded and why; problems by kind, with first rows).
* table ``data_validation``: respondents with each kind of problem, by severity, problem
  and column, through the publication gate (each problem cell is one respondent's answer).
* table ``respondents_by_force_wave``: respondents per force and wave, through the gate.

The checked survey and the study's contract are handed to later sections as
``ctx.shared.checked`` (:class:`toolkit.report.shared.CheckedSurvey`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from toolkit.io import read_survey
from toolkit.report.shared import CheckedSurvey
from toolkit.study import DEMO_FILES, Contract, read_study_survey
from toolkit.synth import write_demo


def _survey_files(ctx) -> tuple[Path | None, Path | None]:
    """Survey and dictionary paths: from the configuration, else the demo study."""
    cfg = ctx.config
    if cfg is not None and cfg.path("survey", "data") is not None:
        return cfg.path("survey", "data"), cfg.path("survey", "dictionary")
    if not ctx.demo:
        return None, None

    folder = ctx.outdir / "demo-data"
    survey_path = folder / DEMO_FILES[("survey", "data")]
    if not survey_path.exists():
        written = write_demo(folder, seed=ctx.seed)
        ctx.note(f"data: synthetic demo study (seed {ctx.seed}) written to {folder} ({len(written)} files)")
    return survey_path, folder / DEMO_FILES[("survey", "dictionary")]


def _summary_text(name: str, survey, excluded_reasons: pd.Series) -> str:
    rep = survey.report
    lines = [
        f"Validation of {name} against its data dictionary",
        "",
        f"Rows in the file: {survey.n_rows_in}",
        f"Rows kept:        {len(survey.data)}",
        f"Rows excluded:    {len(survey.excluded)}",
    ]
    for reason, n in excluded_reasons.items():
        lines.append(f"  - {n} row(s): {reason}")
    lines += ["", f"Problems found: {rep.n_errors} error(s), {rep.n_warnings} warning(s)."]
    summary = rep.summary()
    for rec in summary.head(30).itertuples(index=False):
        lines.append(
            f"  - {rec.severity}: {rec.problem} in column '{rec.column}' "
            f"({rec.n} cell(s), first at row {rec.first_row})"
        )
    if len(summary) > 30:
        lines.append(f"  ... {len(summary) - 30} more kinds; see validation/validation_report.csv")
    if not len(summary):
        lines.append("  none: every value is a valid code, a declared missing code or blank.")
    missing = survey.missing
    if len(missing):
        lines += ["", "Missing codes turned into missing values (kept rows):"]
        for rec in missing.groupby(["code", "label"], dropna=False)["n"].sum().reset_index().itertuples(index=False):
            lines.append(f"  - code {rec.code} ({rec.label}): {rec.n} cell(s)")
    lines += [
        "",
        "The row-level report (file row numbers and values found) is in "
        "private/validation/validation_report.csv beside the pack; it is not part of the "
        "publishable pack.",
    ]
    return "\n".join(lines) + "\n"


def _declared_forces(ctx, survey, contract, name):
    """Respondents whose force is not one of the forces of the workforce margins
    (``survey.margins``) are excluded, with the reason: the force column is free text in
    the dictionary, and a value typed there must never label a published table (nor stop
    the raking). Without margins the force tables leave out small unknown labels instead
    (:meth:`EvidenceContext.undeclared`)."""
    force = contract.force
    margins = ctx.config.path("survey", "margins") if ctx.config is not None else None
    data = survey.data
    if force is None or force not in data.columns or margins is None or not Path(margins).exists():
        return survey
    profile = pd.read_csv(margins, dtype=str, encoding="utf-8-sig")
    if "force" not in profile.columns:
        return survey
    ok = ctx.undeclared(
        data[force], set(profile["force"].dropna()), what=f"{force}", where=f"data: {name}", unit="row(s)"
    )
    if ok.all():
        return survey
    reason = f"{force} is not one of the forces of the workforce margins ({Path(margins).name})"
    out = data[~ok]
    ids = out[contract.identifier].astype(str) if contract.identifier in out.columns else pd.Series("", index=out.index)
    excluded = pd.DataFrame({"row": out.index, "id": ids.to_numpy(), "reason": reason})
    survey.excluded = pd.concat([survey.excluded, excluded], ignore_index=True)
    survey.data = data[ok]
    return survey


def build(ctx) -> None:
    """Read and check the survey; log rows in / kept / excluded; publish the checks."""
    survey_path, dict_path = _survey_files(ctx)
    if survey_path is None:
        ctx.note("data: the study has no survey file (survey.data); nothing to validate")
        return

    sheet = ctx.config.get("survey", "sheet") if ctx.config is not None else None
    if ctx.config is not None and ctx.config.path("survey", "data") is not None:
        survey = read_study_survey(ctx.config)
    else:
        survey = read_survey(survey_path, dict_path, on_error="report")
    name = Path(survey_path).name + (f" (sheet {sheet!r})" if sheet else "")
    contract = Contract.from_study(ctx.config, survey.dictionary)
    survey = _declared_forces(ctx, survey, contract, Path(survey_path).name)

    restricted = ctx.private_dir / "validation"
    restricted.mkdir(parents=True, exist_ok=True)
    survey.report.to_csv(restricted / "validation_report.csv")
    survey.excluded.to_csv(restricted / "excluded_rows.csv", index=False, lineterminator="\n")

    reasons = survey.excluded["reason"].value_counts(sort=True) if len(survey.excluded) else pd.Series(dtype=int)
    ctx.note(f"data: {name}: {survey.n_rows_in} rows in, {len(survey.data)} kept, {len(survey.excluded)} excluded")
    for reason, n in reasons.items():
        ctx.note(f"data: excluded {n} row(s) of {name}: {reason}")
    ctx.note(
        f"data: {survey.report.n_errors} error(s) and {survey.report.n_warnings} warning(s) "
        f"found in {name}; details in private/validation/validation_report.csv"
    )

    (restricted / "validation.txt").write_text(_summary_text(name, survey, reasons), encoding="utf-8")

    # each problem cell is one respondent's answer: counts of people, through the gate;
    # the first row of each problem (which points at a respondent) stays private
    summary = survey.report.summary().drop(columns="first_row")
    ctx.table(
        "data_validation",
        summary,
        counts=["n"],
        key=["severity", "problem", "column"],
        title="Data validation: problems found, by column",
        caption="Cells breaking a rule of the data dictionary (errors) or worth a look "
        f"(warnings); fewer than {ctx.threshold} withheld. Details stay private.",
    )

    data = survey.data
    force, wave = contract.force, contract.wave
    if force is not None and wave is not None and {force, wave} <= set(data.columns):
        labelled = data
        if not (ctx.config is not None and ctx.config.path("survey", "margins") is not None):
            # forces the study does not declare (no margins) with fewer than k respondents may be
            # free text: they are counted together, so the total stays the number of respondents
            label = f"Other (forces of fewer than {ctx.threshold} respondents)"
            ok = ctx.undeclared(
                data[force],
                None,
                what=force,
                where="data: respondents by force",
                unit="respondent(s)",
                fate=f"counted together as '{label}'",
            )
            labelled = data.assign(**{force: data[force].astype("string").where(ok, label)})
        counts = pd.crosstab(labelled[force].astype(str), labelled[wave].astype("Int64"))
        counts.columns = [f"Wave {w}" for w in counts.columns]
        counts.index.name, counts.columns.name = "force", None
        ctx.table(
            "respondents_by_force_wave",
            counts,
            wide=True,
            index_name="force",
            title="Respondents by force and wave",
            caption=f"Counts below {ctx.threshold} and cells that would reveal them are withheld (blank).",
        )

    ctx.method(
        "Data validation",
        (
            "The survey file was read and every cell checked against its data dictionary "
            "(codes, ranges, missing codes, required items"
            + (f", unique identifiers{' within wave' if contract.wave else ''}" if contract.identifier else "")
            + "). "
            f"{len(survey.data)} of {survey.n_rows_in} rows were kept; excluded rows and every "
            f"problem are listed with the file's own row numbers."
        ),
    )
    ctx.shared.checked = CheckedSurvey(survey=survey, contract=contract)
