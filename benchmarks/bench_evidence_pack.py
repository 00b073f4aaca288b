"""How long the demo evidence pack takes to build (target: under 2 minutes on 2 cores).

Run: .venv/bin/python benchmarks/bench_evidence_pack.py [--no-notebooks]
Prints the time of each section, of notebook execution and of rendering.
"""

import argparse
import resource
import tempfile
import time
from pathlib import Path

from toolkit.report.evidence import build_evidence_pack


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-notebooks", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        ctx = build_evidence_pack(Path(tmp), demo=True, notebooks=not args.no_notebooks)
        total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("\nsection                seconds")
    for name, secs in ctx.timings.items():
        print(f"{name:<22} {secs:8.1f}")
    print(f"{'TOTAL (incl. render)':<22} {total:8.1f}   target < 120 s: {'OK' if total < 120 else 'SLOW'}")
    print(f"peak memory of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
