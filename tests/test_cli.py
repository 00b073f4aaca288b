"""The command line answers --help and reports bad arguments without a traceback."""

import subprocess
import sys

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
