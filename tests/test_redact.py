"""Tests of toolkit.qual.redact: identifiers found, consistent pseudonyms, planted recall."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.errors import ParameterError
from _planted_identifiers import SUPPLIED_NAMES, planted_corpus
from toolkit.qual.redact import KINDS, Redactor, redact, redact_many


@pytest.mark.parametrize(
    "text, kind, original",
    [
        ("I told PC Smith about it.", "person", "PC Smith"),
        ("DS Jones took the report.", "person", "DS Jones"),
        ("Inspector Patel was named.", "person", "Inspector Patel"),
        ("Chief Superintendent O'Neil replied.", "person", "Chief Superintendent O'Neil"),
        ("Ask Sergeant McDonald-Hay first.", "person", "Sergeant McDonald-Hay"),
        ("His collar number 4521 was visible.", "collar_number", "4521"),
        ("It showed PC 1234 clearly.", "collar_number", "1234"),
        ("A photo of warrant card no. WC123456 went round.", "warrant_number", "WC123456"),
        ("She joined Greater Manchester Police in 2010.", "force", "Greater Manchester Police"),
        ("She joined GMP in 2010.", "force", "GMP"),
        ("Devon & Cornwall Police replied.", "force", "Devon & Cornwall Police"),
        ("The account @copwatch_99 tagged her.", "handle", "@copwatch_99"),
        ("See https://twitter.com/copwatch99/status/1 now.", "url",
         "https://twitter.com/copwatch99/status/1"),
        ("Posted at facebook.com/jane.doe.", "url", "facebook.com/jane.doe"),
        ("Write to jane.doe@kent.police.uk today.", "email", "jane.doe@kent.police.uk"),
        ("Ring 01632 960123 now.", "phone", "01632 960123"),
        ("Ring 020 7946 0123 now.", "phone", "020 7946 0123"),
        ("Ring +44 (0)20 7946 0999 now.", "phone", "+44 (0)20 7946 0999"),
        ("Text 07700 900456 now.", "phone", "07700 900456"),
        ("Near SW1A 2AA at night.", "postcode", "SW1A 2AA"),
        ("Near M1 1AE at night.", "postcode", "M1 1AE"),
        ("The car AB12 CDE was filmed.", "vehicle", "AB12 CDE"),
        ("The car A123 BCD was filmed.", "vehicle", "A123 BCD"),
        ("Her NI number QQ 12 34 56 C leaked.", "ni_number", "QQ 12 34 56 C"),
    ],
)
def test_each_kind_found(text, kind, original):
    red, log = redact(text)
    assert list(log["kind"]) == [kind]
    assert log["original"].iloc[0] == original
    start, end = log["start"].iloc[0], log["end"].iloc[0]
    assert text[start:end] == original
    assert original not in red


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 at 14:30 on 12/03/2024 it cost £1,250 and 3,400 officers replied.",
        "Under section 127 of the Communications Act 2003, on Monday 3 March 2024.",
        "The Chief Constable said the Inspector Development Programme starts in January.",
        "The NPCC lead, an HMICFRS inspection and the IOPC; COVID-19; Article 8 ECHR.",
        "Professional Standards and the College of Policing use Twitter and Facebook.",
    ],
)
def test_distractors_left_alone(text):
    red, log = redact(text)
    assert log.empty, log
    assert red == text


def test_consistent_pseudonyms_across_texts():
    texts = ["PC Smith reported it to GMP.", "Greater Manchester Police told Inspector Smith.",
             "DS Jones rang 07700 900123.", "They rang 07700 900123 again; PC Smith knew."]
    red, log = redact_many(texts)
    assert red[0] == "[Officer A] reported it to [Force A]."
    assert red[1] == "[Force A] told [Officer A]."
    assert red[2] == "[Officer B] rang [Phone A]."
    assert red[3] == "They rang [Phone A] again; [Officer A] knew."
    assert list(log.columns) == ["document", "start", "end", "kind", "original", "replacement"]
    assert log["document"].tolist() == [0, 0, 1, 1, 2, 2, 3, 3]


def test_keyed_pseudonyms_stable_and_order_free():
    texts = ["PC Smith met DS Jones.", "DS Jones met Mr Khan."]
    a, _ = redact_many(texts, key="secret")
    b, _ = redact_many(texts[::-1], key="secret")
    assert a == b[::-1]
    c, _ = redact_many(texts, key="other")
    assert c != a
    red = Redactor(key="secret")
    one, _ = red.redact("DS Jones")
    again, _ = Redactor(key="secret").redact("Inspector Jones")
    assert one == again


def test_supplied_names_and_mapping():
    names = {"Sarah Connor": "p1", "Sally": "p1"}
    red, log = redact("Sarah Connor (Sally to friends) told Connor's sergeant.", names=names)
    assert red == "[Person A] ([Person A] to friends) told [Person A]'s sergeant."
    assert (log["kind"] == "person").all()


def test_log_is_tidy_and_reversible():
    text = "Inspector Patel of Kent Police: @kp_watch, 01632 960001."
    red, log = redact(text)
    assert red == "[Officer A] of [Force A]: [Handle A], [Phone A]."
    # replacing back in order reconstructs the original
    out, pos = [], 0
    for row in log.itertuples():
        out.append(text[pos:row.start])
        out.append(row.original)
        pos = row.end
    out.append(text[pos:])
    assert "".join(out) == text
    assert log["start"].dtype == "int64"


def test_planted_recall_and_precision_per_kind():
    """Seeded planted set: >= 1,000 identifiers of every kind among distractors (years,
    times, dates, money, counts, statutes, capitalised words). Exact span and kind must
    match. Floors: recall >= 0.99 and precision >= 0.90 for each kind."""
    texts, truth = planted_corpus(200, seed=2024)
    assert len(truth) >= 1000
    planted_kinds = set(truth["kind"])
    assert len(planted_kinds) >= 11 and planted_kinds <= set(KINDS)
    _, log = redact_many(texts, names=SUPPLIED_NAMES)
    log = log[log["kind"].isin(planted_kinds)]
    merged = truth.merge(log, on=["document", "start", "end", "kind"], how="outer",
                         indicator=True)
    for kind, g in merged.groupby("kind"):
        tp = (g["_merge"] == "both").sum()
        fn = (g["_merge"] == "left_only").sum()
        fp = (g["_merge"] == "right_only").sum()
        assert tp / (tp + fn) >= 0.99, (kind, g[g["_merge"] != "both"].head())
        assert tp / (tp + fp) >= 0.90, (kind, g[g["_merge"] != "both"].head())


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: redact(123), "str"),
        (lambda: redact("x", names=[1]), "names"),
        (lambda: redact("x", names=3), "names"),
        (lambda: redact("x", key=3), "key"),
        (lambda: redact("x", kinds=["ssn"]), "kinds"),
        (lambda: redact_many("one text"), "list"),
        (lambda: redact_many(["a", "b"], ids=[1]), "ids"),
    ],
)
def test_errors(call, match):
    with pytest.raises(ParameterError, match=match):
        call()


def test_series_index_used_as_document():
    s = pd.Series(["PC Smith", "no names"], index=["t1", "t2"])
    _, log = redact_many(s)
    assert log["document"].tolist() == ["t1"]


@pytest.mark.parametrize(
    "text",
    [
        "I wore my Dr Martens to court.",
        "We bought a doorbell camera at PC World.",
        "We had an away day in Constable Country.",
        "By May it had stopped. Will it start again? Hope not.",
        "In March, April and June the posts went on.",
        "The Gold group met on Monday with the Silver commander.",
        "It was like on The Bill, really.",
        "Sergeant Pepper, that's what they called the custody sergeant.",
    ],
)
def test_ordinary_words_stay(text):
    red, log = redact(text)
    assert red == text, log


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It was PC 1234 Smith who came.", "It was PC [Collar number A] [Officer A] who came."),
        ("My wife Sarah found it.", "My wife [Person A] found it."),
        ("Our son Jack is fourteen.", "Our son [Person A] is fourteen."),
        ('They called him "Big Tony" on the shift.', 'They called him "[Person A]" on the shift.'),
        ("Ch Insp Fiona Gallagher was gold.", "[Officer A] was gold."),
        ("She goes to St Mary's Primary School now.", "She goes to [School A] now."),
        ("He lives at 14 Elm Grove, Otley.", "He lives at [Address A]."),
        ("I was born on 3 March 1985.", "I was born on [Date of birth A]."),
        ("NHS number 943 476 5919.", "NHS number [NHS number A]."),
        ("NHS number 943 476 5918.", "NHS number 943 476 5918."),  # check digit wrong
        ("I work out of Longsight police station.", "I work out of [Station A]."),
        ("She works at Hartley & Finch Solicitors.", "She works at [Workplace A]."),
    ],
)
def test_interview_identifiers(text, expected):
    assert redact(text)[0] == expected


def _corpus_floors():
    # Floors a little below the figures measured on each corpus (stated in the benchmark
    # and the closing note); per kind only where the corpus has >= 3 of that kind.
    return {
        "corpus_b": {"all": (0.97, 0.97), "person": (0.95, 0.95)},
        "corpus_c": {"all": (0.93, 0.94), "person": (0.95, 0.93), "school": (0.9, 0.9),
                     "force": (0.9, 0.9), "station": (0.5, 0.7), "workplace": (0.6, 0.9),
                     "address": (0.9, 0.9), "collar_number": (0.9, 0.9),
                     "date_of_birth": (0.9, 0.9), "handle": (0.9, 0.9), "phone": (0.9, 0.9)},
    }


@pytest.mark.parametrize("name", ["corpus_b", "corpus_c"])
def test_recall_precision_on_annotated_corpora(name):
    """Hand-annotated interview excerpts (tests/data/redaction/<name>.txt, 47 and 60
    excerpts). Recall: every letter and digit of a gold identifier replaced; precision: at
    least half of a replacement's letters and digits inside gold identifiers."""
    from toolkit.qual._redaction_eval import evaluate

    table = evaluate(name).set_index("kind")
    for kind, (rec, prec) in _corpus_floors()[name].items():
        assert table.loc[kind, "recall"] >= rec, (kind, table.loc[kind])
        assert table.loc[kind, "precision"] >= prec, (kind, table.loc[kind])
    assert table.loc["all", "n_gold"] >= 60


def test_corpus_scoring_rejects_trivial_redactors():
    """The measure cannot be met by redacting nothing or everything."""
    from toolkit.qual._redaction_eval import CORPUS_DIR, load_corpus, score

    corpus = load_corpus(CORPUS_DIR / "corpus_c.jsonl")
    nothing = score(corpus, [[] for _ in corpus]).set_index("kind")
    everything = score(corpus, [[(0, len(ex["text"]), "person")] for ex in corpus])
    everything = everything.set_index("kind")
    floors = _corpus_floors()["corpus_c"]["all"]
    assert nothing.loc["all", "recall"] < floors[0]
    assert everything.loc["all", "recall"] == 1.0
    assert everything.loc["all", "precision"] < floors[1]


def test_corpora_files_match_their_markup():
    """The JSONL spans are what the marked-up source says (rebuilt here)."""
    import json

    from toolkit.qual._redaction_eval import CORPUS_DIR, parse_markup

    for name in ("corpus_a", "corpus_b", "corpus_c"):
        source = (CORPUS_DIR / f"{name}.txt").read_text(encoding="utf-8")
        blocks = [b.strip() for b in source.split("\n\n")]
        rows = [json.loads(line) for line in
                (CORPUS_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        marked = [b for b in blocks if b and not b.startswith("#")]
        assert len(marked) == len(rows) >= 40
        for block, row in zip(marked, rows):
            text, spans = parse_markup(" ".join(block.split("\n")))
            assert (text, spans) == (row["text"], row["spans"])


def test_redact_many_two_processes_identical():
    texts, _ = planted_corpus(60, seed=5)
    one = redact_many(texts, names=SUPPLIED_NAMES)
    two = redact_many(texts, names=SUPPLIED_NAMES, n_jobs=2)
    assert one[0] == two[0]
    pd.testing.assert_frame_equal(one[1], two[1])
    with pytest.raises(ParameterError, match="n_jobs"):
        redact_many(texts, n_jobs=0)


# --------------------------------------------------------------------- review workflow


REVIEW_TEXTS = [
    "DS Jones rang +44 7700 900455 from Canning Circus. I said =HYPERLINK(x) was odd.",
    "Later Jones met Mrs Hope at Fenwick Street depot; my wife Sarah was there.",
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_review_sheet_workflow(tmp_path, suffix):
    from toolkit.qual.redact import (apply_review, read_review_sheet, residual_risk,
                                     review_sheet, write_review_sheet)

    sheet = review_sheet(REVIEW_TEXTS, ids=["T1", "T2"])
    assert list(sheet.columns[:6]) == ["document", "start", "end", "kind", "original",
                                       "replacement"]
    rules = sheet[sheet["source"] == "rule"]
    cands = sheet[sheet["source"] == "candidate"]
    assert {"DS Jones", "+44 7700 900455", "Jones", "Mrs Hope", "Sarah"} <= set(
        rules["original"])
    assert "Canning Circus" in set(cands["original"])
    assert (cands["confidence"] == "low").all() and (cands["replacement"] == "").all()
    assert all("«" in c for c in sheet["context"])
    # risk before review: open candidates
    before = residual_risk(REVIEW_TEXTS, sheet, ids=["T1", "T2"])
    assert before.loc[0, "risk"] in ("review", "high") and before.loc[0, "n_candidates_open"] >= 1

    path = write_review_sheet(sheet, tmp_path / f"review{suffix}")
    if suffix == ".csv":
        raw = path.read_text(encoding="utf-8-sig")
        assert "'+44 7700 900455" in raw  # formula-safe
        assert ",=" not in raw
    edited = read_review_sheet(path)
    assert set(edited["original"]) == set(sheet["original"])  # guard undone on reading
    # the reviewer: "Mrs Hope" is a shop, not a person (reject); Canning Circus is a
    # place to hide (accept); everything else left undecided.
    edited.loc[edited["original"] == "Mrs Hope", "decision"] = "reject"
    edited.loc[edited["original"] == "Canning Circus", "decision"] = "accept"
    out, log = apply_review(REVIEW_TEXTS, edited, ids=["T1", "T2"])
    assert "Canning Circus" not in out[0] and "[Place A]" in out[0]
    assert "Mrs Hope" in out[1]
    assert "Jones" not in " ".join(out) and "Sarah" not in out[1]
    assert "900455" not in out[0]
    after = residual_risk(REVIEW_TEXTS, edited, ids=["T1", "T2"])
    assert after.loc[0, "n_candidates_accepted"] == 1
    assert (after["n_rejected"] == [0, 1]).all()
    # a decision that is not accept/reject is refused, naming the row
    edited.loc[0, "decision"] = "maybe"
    write_review_sheet(edited, tmp_path / f"bad{suffix}")
    with pytest.raises(ParameterError, match="row 2.*maybe"):
        read_review_sheet(tmp_path / f"bad{suffix}")


def test_rejecting_a_checked_format_is_high_risk():
    from toolkit.qual.redact import residual_risk, review_sheet

    sheet = review_sheet(["Ring 07700 900123 now."])
    sheet.loc[sheet["kind"] == "phone", "decision"] = "reject"
    assert residual_risk(["Ring 07700 900123 now."], sheet)["risk"].iloc[0] == "high"


def test_key_mapping_saved_apart_and_continued(tmp_path):
    red = Redactor(key="team-secret")
    first, _ = red.redact_many(["PC Smith met DS Jones.", "My wife Sarah rang."])
    path = red.save_key(tmp_path / "keys" / "mapping.csv")
    table = pd.read_csv(path)
    assert {"kind", "identity", "replacement"} <= set(table.columns)
    assert "smith" in set(table["identity"])
    # a new session continues: known people keep their pseudonyms, in any order
    again = Redactor.load_key(path, key="team-secret")
    red_text, _ = again.redact("DS Jones and PC Smith; Inspector Khan.")
    assert red_text.startswith(first[0].split(" met ")[1].rstrip(".") + " and ")
    # never inside an evidence pack
    pack = tmp_path / "pack"
    (pack / "tables").mkdir(parents=True)
    (pack / "manifest.json").write_text("{}")
    with pytest.raises(ParameterError, match="evidence pack"):
        red.save_key(pack / "mapping.csv")


def test_surrogate_names_consistent_and_form_kept():
    red = Redactor(surrogates="names")
    out, log = red.redact_many(["PC Smith met my wife Sarah and DS John Patel.",
                                "Later Smith told Patel."])
    first = out[0].split()
    assert first[0] == "PC" and first[1] not in ("Smith",)
    surname = first[1]
    assert out[1].startswith(f"Later {surname} told ")
    assert "Smith" not in " ".join(out) and "Patel" not in " ".join(out)
    assert "[" not in " ".join(out)
    with pytest.raises(ParameterError, match="surrogates"):
        Redactor(surrogates="fake")


def test_surrogate_names_follow_kinship_gender():
    from toolkit.qual.redact import _SURROGATE_FEMALE, _SURROGATE_MALE

    for key in (None, "k1", "k2", "k3"):
        out, _ = Redactor(surrogates="names", key=key).redact(
            "My wife Sarah and our son Jack were followed.")
        words = out.split()
        assert words[2] in _SURROGATE_FEMALE and words[6] in _SURROGATE_MALE, out
