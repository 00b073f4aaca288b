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


#: Work units that take longest, heaviest first (seconds of one core, measured with
#: ``--durations=0``). Under ``make test`` (``-n auto --dist loadfile``) xdist hands units out
#: in this order, so the long ones start at once and short ones fill the end of the run on
#: both workers. A unit is a test file; the files in ``DEMO_PACK_FILES`` are one unit,
#: "demo_pack", so that the demo pack (built with the notebooks, minutes) is built once, not
#: once per worker. Units not listed follow in file order.
HEAVY_FIRST = (
    "demo_pack",
    "tests/test_pack_set.py",
    "tests/test_pack_contract.py",
    "tests/test_by_force.py",
    "tests/test_offline_install.py",
    "tests/test_wheel.py",
    "tests/test_airgapped.py",
    "tests/test_synth_evaluate.py",
    "tests/test_no_network.py",
)

#: The test files that open the demo pack (checked at collection: a test that asks for
#: ``demo_pack`` in another file stops the run with this list to update).
DEMO_PACK_FILES = frozenset(
    f"tests/{name}.py"
    for name in (
        "test_briefing_docx",
        "test_gate",
        "test_notebooks",
        "test_pack_adversarial",
        "test_pack_browser",
        "test_pack_privacy",
        "test_pack_reproducible",
        "test_pack_spreadsheets",
        "test_report_render",
    )
)


def work_unit(nodeid: str) -> str:
    """The unit of work of a test (see ``HEAVY_FIRST``)."""
    path = nodeid.split("::")[0]
    return "demo_pack" if path in DEMO_PACK_FILES else path


def pytest_collection_modifyitems(config, items):
    """Every test that opens the demo pack is ``slow``: ``pytest -m "not slow"`` leaves them
    out (other slow tests carry the marker themselves). The heaviest units come first, in
    the same order on every worker."""
    rank = {unit: i for i, unit in enumerate(HEAVY_FIRST)}
    for item in items:
        if "demo_pack" in getattr(item, "fixturenames", ()):
            if work_unit(item.nodeid) != "demo_pack":
                raise pytest.UsageError(f"{item.nodeid} opens demo_pack: add its file to DEMO_PACK_FILES")
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: rank.get(work_unit(item.nodeid), len(rank)))


def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile`` with the demo-pack files as one unit, in collection order (the
    order above, not xdist's reordering by number of tests)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    config.option.loadscopereorder = False
    return ByWorkUnit(config, log)
