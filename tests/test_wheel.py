"""The toolkit works from a built wheel installed in a clean environment (not editable):
every file it reads at run time is inside the package.

The slow test builds the wheel from a copy of the files the build reads, installs it with
no network into a new virtual environment whose only other packages are this
environment's (listed in a ``.pth`` file: a directory named there is put on ``sys.path``
but its own ``.pth`` files, among them the editable install's finder, are not run), and
builds the demo evidence pack with that environment's ``toolkit`` command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.paths import REPO_DIR, TEMPLATES_DIR

SOURCE = ("pyproject.toml", "README.md", "toolkit", "data-templates")


def _pyproject() -> dict:
    return tomllib.loads((REPO_DIR / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_is_listed_for_the_wheel():
    """pyproject.toml lists the packages by hand (so that data-templates/ can be mapped into
    the package): a new subpackage missing from the list would be left out of the wheel."""
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO_DIR).parts) for p in (REPO_DIR / "toolkit").rglob("__init__.py")}
    mapped = set(_pyproject()["tool"]["setuptools"]["package-dir"])
    assert listed - mapped == found, (
        "tool.setuptools.packages in pyproject.toml should list every package under toolkit/: "
        f"missing {sorted(found - listed)}, not found {sorted(listed - mapped - found)}"
    )


def test_templates_command_copies_every_template(tmp_path, capsys):
    out = tmp_path / "templates"
    assert main(["templates", str(out)]) == 0
    expected = sorted(
        p.relative_to(TEMPLATES_DIR) for p in TEMPLATES_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    copied = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert copied == expected and Path("survey", "dictionary.csv") in copied
    assert (out / "survey" / "dictionary.csv").read_bytes() == (
        TEMPLATES_DIR / "survey" / "dictionary.csv"
    ).read_bytes()
    assert f"{len(expected)} files copied" in capsys.readouterr().out


def test_templates_command_never_overwrites(tmp_path, capsys):
    out = tmp_path / "filled-in"
    out.mkdir()
    (out / "dictionary.csv").write_text("a force's own file\n")
    assert main(["templates", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (out / "dictionary.csv").read_text() == "a force's own file\n"
    assert [p.name for p in out.iterdir()] == ["dictionary.csv"]


def _run(cmd, **kw):
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=False, **kw)
    assert result.returncode == 0, f"{' '.join(map(str, cmd))}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.mark.slow
def test_wheel_installs_and_builds_the_demo_pack(tmp_path):
    src = tmp_path / "src"
    for name in SOURCE:
        path = REPO_DIR / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            src.mkdir(exist_ok=True)
            shutil.copyfile(path, src / name)
    dist = tmp_path / "dist"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--disable-pip-version-check",
            "--quiet",
            "--wheel-dir",
            dist,
            src,
        ]
    )
    (wheel,) = dist.glob("*.whl")

    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (REPO_DIR / "data-templates").rglob("*"):
        if path.is_file():
            rel = path.relative_to(REPO_DIR / "data-templates").as_posix()
            assert f"toolkit/data_templates/{rel}" in names, rel
    assert not [n for n in names if n.startswith("tests/") or "/tests/" in n]

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--quiet",
            wheel,
        ]
    )
    # the dependencies: this environment's site-packages, but not its editable install
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    (purelib / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    env["MPLBACKEND"] = "Agg"
    where = _run(
        [python, "-c", "import toolkit, toolkit.paths as p; print(toolkit.__file__); print(p.TEMPLATES_DIR)"],
        cwd=tmp_path,
        env=env,
    ).stdout.split()
    assert Path(where[0]).is_relative_to(venv), f"toolkit imported from {where[0]}, not the wheel"
    assert Path(where[1]).is_relative_to(venv) and Path(where[1]).name == "data_templates"

    out = tmp_path / "outputs"
    _run([venv / "bin" / "toolkit", "evidence-pack", "--demo", "--out", out, "--no-notebooks"], cwd=tmp_path, env=env)
    index = out / "evidence-pack" / "index.html"
    assert index.exists() and index.stat().st_size > 10_000
    assert "<img" in index.read_text(encoding="utf-8")

    copied = tmp_path / "templates"
    _run([venv / "bin" / "toolkit", "templates", copied], cwd=tmp_path, env=env)
    assert (copied / "survey" / "dictionary.csv").read_bytes() == (
        REPO_DIR / "data-templates" / "survey" / "dictionary.csv"
    ).read_bytes()
