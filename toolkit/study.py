"""The demo study's configuration: write the synthetic study, then describe it in a
``study.yml`` exactly as a force would describe its own files."""

from __future__ import annotations

from pathlib import Path

import yaml

from toolkit.config import StudyConfig, load_study

__all__ = ["demo_config", "open_study", "DEMO_FILES"]

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


def demo_config(outdir, *, seed: int = 20240301) -> StudyConfig:
    """Write the demo study into ``outdir / "demo-data"`` with its ``study.yml``; load it."""
    from toolkit.synth import write_demo

    data_dir = Path(outdir) / "demo-data"
    write_demo(data_dir, seed=seed)
    raw: dict = {
        "study": {"name": "Synthetic demo study (not real data)", "seed": seed, "demo": True},
        "disclosure": {"threshold": 10},
    }
    for (section, key), rel in DEMO_FILES.items():
        if (data_dir / rel).exists():
            raw.setdefault(section, {})[key] = rel
    truth = data_dir / "evaluate" / "truth.json"
    if truth.exists():
        import json

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
    import toolkit

    data_dir = Path(output) / "demo-data"
    marker = data_dir / ".demo-version"
    stamp = f"{toolkit.__version__} {seed}"
    if (data_dir / "study.yml").exists() and marker.exists() and marker.read_text() == stamp:
        return load_study(data_dir / "study.yml")
    cfg = demo_config(output, seed=seed)
    marker.write_text(stamp)
    return cfg
