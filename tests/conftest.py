"""Shared fixtures."""

import os

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def demo_pack(tmp_path_factory):
    """The demo evidence pack, built once per test session, with the notebooks executed."""
    from toolkit.report.evidence import build_evidence_pack

    out = tmp_path_factory.mktemp("pack")
    ctx = build_evidence_pack(out, demo=True, notebooks=True)
    return ctx
