"""Plain transcripts (.txt, .docx) into sources, with a table of speaker turns."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from toolkit.errors import FileFormatError, ParameterError

__all__ = ["read_transcript", "read_transcripts", "Transcripts", "SPEAKER_PATTERN"]

#: Speaker labels recognised at the start of a line, followed by a colon.
SPEAKER_PATTERN = (
    r"(?:Interviewer|Interviewee|Respondent|Participant(?: \d+)?|Facilitator|"
    r"Moderator|I|R|Q|A|P\d{1,3}|R\d{1,3}|[A-Z]{2,4}\d{0,3})"
)
TURN_COLUMNS = ["source", "turn", "speaker", "start", "end", "text"]


@dataclass
class Transcripts:
    """Transcripts read from files: ``sources`` (id, kind, name, text, case, file) and
    ``turns`` (source, turn, speaker, start, end, text; offsets into the source text)."""

    sources: pd.DataFrame
    turns: pd.DataFrame


def _read_text(path: Path) -> str:
    if path.suffix.lower() == ".docx":
        try:
            import docx  # lazy: python-docx is loaded only when a Word transcript is read
        except ImportError as exc:  # pragma: no cover - declared dependency
            raise FileFormatError("Reading .docx needs python-docx (pip install python-docx).") from exc
        try:
            document = docx.Document(str(path))
        except Exception as exc:  # python-docx raises several types for a bad file
            raise FileFormatError(
                f"{path} cannot be read as a Word document ({exc}). Open it in Word and save it again as .docx."
            ) from exc
        return "\n".join(p.text for p in document.paragraphs)
    if path.suffix.lower() != ".txt":
        raise FileFormatError(f"{path}: transcripts must be .txt or .docx, not {path.suffix!r}.")
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            f"{path} is not UTF-8 text (byte {exc.start}). Save it as UTF-8 (Notepad: Save As > Encoding UTF-8)."
        ) from exc


def _turns(text: str, source: str, pattern: str) -> pd.DataFrame:
    rx = re.compile(rf"^[ \t]*(?P<speaker>{pattern})[ \t]*:[ \t]*", re.MULTILINE)
    marks = list(rx.finditer(text))
    rows = []
    for k, m in enumerate(marks):
        start = m.end()
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        while end > start and text[end - 1] in "\r\n \t":
            end -= 1
        rows.append(
            {
                "source": source,
                "turn": k + 1,
                "speaker": m.group("speaker"),
                "start": start,
                "end": end,
                "text": text[start:end],
            }
        )
    return pd.DataFrame(rows, columns=TURN_COLUMNS)


def read_transcript(path, *, id=None, case=None, kind="interview", speakers=SPEAKER_PATTERN) -> Transcripts:
    """Read one transcript (.txt in UTF-8, or .docx) and split it into speaker turns.

    Parameters
    ----------
    path : str or Path
    id : str, optional
        Source id (default: the file name without extension).
    case : str, optional
        Case id of the participant.
    kind : str
        Source kind (default ``"interview"``).
    speakers : str
        Regular expression of the speaker labels that open a turn ("Interviewer:",
        "P07:", "R:", "Q:", ...); see ``SPEAKER_PATTERN``.

    Returns
    -------
    Transcripts
        ``sources``: one row (``id, kind, name, text, case, file``); ``turns``: ``source,
        turn`` (1, 2, ...), ``speaker``, ``start, end`` (code point offsets of the speech,
        label excluded), ``text``. Text before the first label is not a turn.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "P07.txt"
    >>> _ = f.write_text("Interviewer: Any abuse?\\nP07: Part of the job.\\n", encoding="utf-8")
    >>> read_transcript(f).turns[["speaker", "start", "end", "text"]]
           speaker  start  end               text
    0  Interviewer     13   23         Any abuse?
    1          P07     29   45   Part of the job.
    """
    path = Path(path)
    if not path.exists():
        raise FileFormatError(f"Transcript {path} not found.")
    text = _read_text(path)
    sid = id or path.stem
    turns = _turns(text, sid, speakers)
    if turns.empty:
        warnings.warn(
            f"{path}: no speaker labels found (e.g. 'Interviewer:' or 'P07:' at the "
            "start of a line); the text is kept as one source without turns.",
            stacklevel=2,
        )
    src = pd.DataFrame([{"id": sid, "kind": kind, "name": path.stem, "text": text, "case": case, "file": str(path)}])
    return Transcripts(src, turns)


def read_transcripts(paths, *, cases=None, kind="interview", speakers=SPEAKER_PATTERN) -> Transcripts:
    """Read many transcripts: a folder (every .txt and .docx in it, sorted) or a list of paths.

    ``cases`` maps source id (file name without extension) to case id. Source ids must be
    unique. Returns the same :class:`Transcripts` as :func:`read_transcript`, stacked.
    """
    if isinstance(paths, (str, Path)) and Path(paths).is_dir():
        files = sorted(
            p for p in Path(paths).iterdir() if p.suffix.lower() in (".txt", ".docx") and not p.name.startswith("~$")
        )
        if not files:
            raise FileFormatError(f"No .txt or .docx transcripts in folder {paths}.")
    elif isinstance(paths, (str, Path)):
        files = [Path(paths)]
    else:
        files = [Path(p) for p in paths]
    cases = cases or {}
    parts = [read_transcript(f, case=cases.get(f.stem), kind=kind, speakers=speakers) for f in files]
    sources = pd.concat([p.sources for p in parts], ignore_index=True)
    dup = sources["id"][sources["id"].duplicated()]
    if len(dup):
        raise ParameterError(
            f"Two transcripts have the same file name {dup.iloc[0]!r} (source ids come from file names); rename one."
        )
    turns = pd.concat([p.turns for p in parts], ignore_index=True)
    return Transcripts(sources, turns)
