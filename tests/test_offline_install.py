"""The first install on an air-gapped laptop, as the README's "Air-gapped laptops" says:
``make wheelhouse`` on a connected machine, then the project folder with ``wheelhouse/``
copied to a machine with no network, where ``make install`` installs from it alone.

The copy is installed and run inside a fresh network namespace (``unshare -n``: no
interface but a loopback that is down), so any attempt of pip to reach an index fails.
Needs root and unshare(1), and a network for the wheelhouse step; skipped otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNSHARE = shutil.which("unshare")
CACHE = ROOT / "tests" / ".cache" / "wheelhouse"  # kept between runs, like axe-core

pytestmark = pytest.mark.slow


def _can_unshare() -> bool:
    if UNSHARE is None or os.geteuid() != 0 or shutil.which("make") is None:
        return False
    return subprocess.run([UNSHARE, "-n", "true"], capture_output=True, check=False).returncode == 0


def _index_reachable() -> bool:
    """pip's index (or the mirror pip is configured with) answers: the wheelhouse can be built."""
    probe = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--dest", str(CACHE.parent / "probe"), "six"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    return probe.returncode == 0


@pytest.fixture(scope="module")
def wheelhouse():
    if not _can_unshare():
        pytest.skip("needs root, make and unshare(1) to cut the network")
    if not CACHE.exists() or not list(CACHE.glob("*.whl")):
        if not _index_reachable():
            pytest.skip("no package index reachable: cannot build the wheelhouse")
    # the README's step on the connected machine (test extras only: jupyterlab is not needed here)
    built = subprocess.run(
        ["make", "wheelhouse", f"WHEELHOUSE={CACHE}", "WHEELHOUSE_EXTRAS=test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    return CACHE


def _offline(cmd, cwd, timeout=900):
    return subprocess.run(
        [UNSHARE, "-n", *cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env={**os.environ, "PIP_NO_CACHE_DIR": "1"},
    )


def test_first_install_with_the_network_cut(wheelhouse, tmp_path):
    # the project folder as it is copied to the laptop: committed files and wheelhouse/, no venv
    laptop = tmp_path / "laptop"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        target = laptop / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, target)
    shutil.copytree(wheelhouse, laptop / "wheelhouse")

    # the namespace really has no network: an outside address is unreachable
    probe = _offline(
        [
            sys.executable,
            "-c",
            "import socket; s = socket.socket(); s.settimeout(2); print(s.connect_ex(('192.0.2.1', 443)))",
        ],
        laptop,
    )
    assert probe.returncode == 0 and probe.stdout.strip() != "0"

    installed = _offline(["make", "install", f"PYTHON={sys.executable}"], laptop)
    out = installed.stdout + installed.stderr
    assert installed.returncode == 0, out[-3000:]
    assert "from wheelhouse/ (offline)" in out
    assert "Installed: toolkit" in out
    python = laptop / ".venv" / "bin" / "python"
    # the toolkit and the test tools import there, from the laptop's own venv
    run = _offline(
        [
            str(python),
            "-c",
            "import toolkit, toolkit.survey, toolkit.qual, toolkit.evaluate, "
            "toolkit.report, pytest, pytest_socket, krippendorff; print(toolkit.__file__)",
        ],
        laptop,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert Path(run.stdout.strip()).is_relative_to(laptop)
    version = _offline([str(laptop / ".venv" / "bin" / "toolkit"), "--version"], laptop)
    assert version.returncode == 0 and "toolkit" in version.stdout
    # a second make install does nothing (the stamp holds)
    again = _offline(["make", "install", f"PYTHON={sys.executable}"], laptop)
    assert again.returncode == 0 and "Installing the toolkit" not in again.stdout
