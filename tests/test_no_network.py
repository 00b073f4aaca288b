"""No network at run time, ever: the toolkit must work on an air-gapped force laptop.

Sockets are blocked with pytest-socket (``disable_socket()`` replaces
``socket.socket`` and the name-resolution functions with guards that raise
``SocketBlockedError``); any attempt to download (NLTK data, suffix lists, model
hubs) then fails the test.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import pytest_socket

import toolkit
from toolkit.paths import REPO_DIR


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_socket_block_is_active():
    """Guard for the tests below: with sockets disabled, opening one raises."""
    pytest_socket.disable_socket()
    try:
        import socket

        with pytest.raises(pytest_socket.SocketBlockedError):
            socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    finally:
        pytest_socket.enable_socket()


IMPORT_ALL = textwrap.dedent(
    """
    import importlib, pkgutil, socket, sys
    import pytest_socket
    pytest_socket.disable_socket()
    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    except pytest_socket.SocketBlockedError:
        pass
    else:
        sys.exit("socket block not active")
    import toolkit
    failed = []
    for mod in pkgutil.walk_packages(toolkit.__path__, "toolkit."):
        try:
            importlib.import_module(mod.name)
        except pytest_socket.SocketBlockedError as exc:
            failed.append(f"{mod.name}: {exc}")
        except ImportError as exc:
            # optional extras (e.g. notebook tooling) may be absent; not a network call
            print(f"skipped {mod.name}: {exc}")
    if failed:
        sys.exit("modules tried the network on import:\\n" + "\\n".join(failed))
    print("imported", sum(1 for _ in pkgutil.walk_packages(toolkit.__path__, "toolkit.")), "modules")
    """
)


@pytest.mark.slow
def test_importing_every_module_needs_no_network():
    """Every toolkit module imports with sockets blocked (fresh interpreter, so imports run)."""
    proc = subprocess.run([sys.executable, "-c", IMPORT_ALL], cwd=REPO_DIR, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "imported" in proc.stdout


@pytest.mark.disable_socket
@pytest.mark.filterwarnings("ignore:A test tried to use socket")
@pytest.mark.slow
def test_demo_evidence_pack_builds_offline(tmp_path):
    """The whole demo evidence pack (data, every section, rendering) builds with sockets blocked."""
    import socket

    from toolkit.report.evidence import build_evidence_pack

    with pytest.raises(pytest_socket.SocketBlockedError):  # the mark is in force
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)

    ctx = build_evidence_pack(tmp_path, demo=True)
    assert (tmp_path / "demo-data" / "survey" / "survey.csv").exists()
    assert (tmp_path / "private" / "validation" / "validation.txt").exists()  # private, beside the pack
    assert not (ctx.pack_dir / "validation.txt").exists()
    assert (ctx.pack_dir / "index.html").exists()
    assert any(name.startswith("respondents_by") for name in ctx.tables)
    assert toolkit.__version__
