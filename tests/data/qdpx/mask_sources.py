"""Derive the committed vendor fixtures from the published exports (run by hand).

    python tests/data/qdpx/mask_sources.py ORIGINAL.qdpx OUT.qdpx [--drop-ext .docx]

``project.qde`` is copied byte for byte. Every source text (``.txt`` member) is masked
character by character so that no person's words or user name are republished, while
everything a position convention depends on is kept: each ASCII letter becomes a random
ASCII letter of the same case, each digit a random digit, each letter of two UTF-8 bytes a
random Hungarian accented letter of the same case (also two bytes, one UTF-16 unit);
white space, line ends (CR, LF), punctuation, emoji and every other character are kept.
So code points, UTF-16 units, UTF-8 bytes, word and line boundaries all stay where they
were. Members with an extension in ``--drop-ext`` (the rich-text copies the toolkit does
not read) are left out. Seeded: the same input gives the same output.
"""

import argparse
import random
import zipfile

LOWER2 = "áéíóöőúüű"
UPPER2 = "ÁÉÍÓÖŐÚÜŰ"


def mask(text: str, rng: random.Random) -> str:
    out = []
    for ch in text:
        o = ord(ch)
        if "a" <= ch <= "z":
            out.append(chr(rng.randrange(97, 123)))
        elif "A" <= ch <= "Z":
            out.append(chr(rng.randrange(65, 91)))
        elif "0" <= ch <= "9":
            out.append(chr(rng.randrange(48, 58)))
        elif 0x80 <= o < 0x800 and ch.isalpha():
            out.append(rng.choice(UPPER2 if ch.isupper() else LOWER2))
        else:
            out.append(ch)
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--drop-ext", action="append", default=[])
    a = ap.parse_args()
    rng = random.Random(20261201)
    with zipfile.ZipFile(a.src) as zin, zipfile.ZipFile(a.out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if any(info.filename.lower().endswith(e) for e in a.drop_ext):
                continue
            data = zin.read(info)
            if info.filename.lower().endswith(".txt"):
                bom = data.startswith(b"\xef\xbb\xbf")
                text = mask(data[3 if bom else 0 :].decode("utf-8"), rng)
                data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
            zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


if __name__ == "__main__":
    main()
