"""The demo pack builds on a machine with no network at all (not even loopback):
the command runs in a fresh network namespace (``unshare -n``, needs root), with one
notebook executed too (kernels talk over IPC, not TCP)."""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow  # builds the pack and runs a notebook

UNSHARE = shutil.which("unshare")


def _can_unshare() -> bool:
    if UNSHARE is None or os.geteuid() != 0:
        return False
    return subprocess.run([UNSHARE, "-n", "true"], capture_output=True, check=False).returncode == 0


@pytest.mark.skipif(not _can_unshare(), reason="needs root and unshare(1) to cut the network")
def test_pack_and_notebook_without_any_network(tmp_path):
    script = textwrap.dedent(
        f"""
        import socket
        s = socket.socket(); s.settimeout(1)
        assert s.connect_ex(("192.0.2.1", 443)) != 0, "network reachable: the test would prove nothing"
        from pathlib import Path
        from toolkit.report.evidence import build_evidence_pack
        from toolkit.report.notebooks import run_notebook, list_notebooks
        ctx = build_evidence_pack(Path({str(tmp_path)!r}), demo=True)
        assert (ctx.pack_dir / "index.html").exists() and ctx.tables
        run_notebook(list_notebooks()[0], {{"study": None, "output": {str(tmp_path)!r}}})
        print("OFFLINE-OK")
        """
    )
    result = subprocess.run(
        [UNSHARE, "-n", sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "OFFLINE-OK" in result.stdout
