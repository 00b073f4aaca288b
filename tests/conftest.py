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


def pytest_collection_modifyitems(config, items):
    """Every test that opens the demo pack (built once, with the notebooks, in minutes) is
    ``slow``: ``pytest -m "not slow"`` leaves them out. Other slow tests carry the marker
    themselves."""
    for item in items:
        if "demo_pack" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
