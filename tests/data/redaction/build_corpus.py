"""Turn a marked-up corpus (``[[kind:text]]``) into JSONL: one excerpt per line with its
plain ``text`` and ``spans`` (``start``, ``end`` in code points, end exclusive, ``kind``).

Run from the repository root: ``python tests/data/redaction/build_corpus.py corpus_a``.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
sys.path.insert(0, str(HERE.parents[1]))  # tests/, for _redaction_eval

from _redaction_eval import parse_markup  # noqa: E402


def main(name):
    source = (HERE / f"{name}.txt").read_text(encoding="utf-8")
    blocks = [b.strip() for b in source.split("\n\n")]
    out = []
    for i, block in enumerate(b for b in blocks if b and not b.startswith("#")):
        text, spans = parse_markup(" ".join(block.split("\n")))
        out.append({"id": f"{name}-{i + 1:02d}", "text": text, "spans": spans})
    with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{name}: {len(out)} excerpts, {sum(len(r['spans']) for r in out)} identifiers")


if __name__ == "__main__":
    main(sys.argv[1])
