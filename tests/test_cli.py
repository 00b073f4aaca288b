"""The command line answers --help and reports bad arguments without a traceback."""

import subprocess
import sys

import pytest

from toolkit.cli import main


def test_help_lists_commands(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for command in ("demo-data", "validate", "evidence-pack"):
        assert command in out


def test_console_script_help():
    result = subprocess.run(
        [sys.executable, "-m", "toolkit.cli", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "evidence-pack" in result.stdout


def test_evidence_pack_needs_demo_or_config(capsys):
    assert main(["evidence-pack"]) == 1
    err = capsys.readouterr().err
    assert "--demo or --config" in err
    assert "Traceback" not in err


def test_evidence_pack_refuses_a_worker_count_under_one(tmp_path, capsys):
    assert main(["evidence-pack", "--demo", "--workers", "0", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "--workers must be a positive number" in err and "Traceback" not in err
    assert not any(tmp_path.iterdir())  # refused before anything was written


@pytest.mark.slow
def test_demo_data_command_writes_a_valid_study(tmp_path):
    """`toolkit demo-data OUTDIR` (the console script) writes every part of the study,
    and the survey it writes validates cleanly against its dictionary."""
    import shutil
    from pathlib import Path

    exe = Path(sys.executable).with_name("toolkit")
    cmd = [str(exe)] if exe.exists() else [shutil.which("toolkit")]
    out = tmp_path / "demo"
    result = subprocess.run([*cmd, "demo-data", str(out)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    for rel in (
        "survey/survey.csv",
        "survey/dictionary.csv",
        "survey/workforce.csv",
        "qual/interviews.qdpx",
        "qual/documents.csv",
        "evaluate/panel.csv",
        "evaluate/incidents.csv",
    ):
        assert (out / rel).exists(), rel
        assert rel.split("/")[-1] in result.stdout
    check = subprocess.run(
        [*cmd, "validate", str(out / "survey/survey.csv"), "--dictionary", str(out / "survey/dictionary.csv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.slow
def test_demo_data_is_deterministic(tmp_path):
    from toolkit.synth import write_demo

    a = write_demo(tmp_path / "a", seed=5)
    b = write_demo(tmp_path / "b", seed=5)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
