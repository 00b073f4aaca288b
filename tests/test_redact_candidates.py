"""The review sheet's low-confidence candidates (toolkit.qual._review_candidates): the
shapes of identifiers no rule was sure of, put before a reviewer; ordinary words, known
acronyms, years, times and roads are left out. Sentences written for these tests."""

import pytest

from toolkit.qual.redact import apply_review, review_sheet


def _cands(text):
    sheet = review_sheet([text])
    return set(sheet.loc[sheet["source"] == "candidate", "original"])


def _covered(text):
    """Every character the sheet puts before the reviewer (replacements and candidates)."""
    sheet = review_sheet([text])
    return [any(s <= i < e for s, e in zip(sheet["start"], sheet["end"])) for i in range(len(text))]


@pytest.mark.parametrize(
    "text, shown",
    [
        # codes: letters and digits mixed, capitals before a number, slashed groups
        ("On the jacket it just says Q608, nothing else.", "Q608"),
        ("The caption had 77KW under his photo.", "77KW"),
        ("His card, LX/09/31177, was in the photo.", "LX/09/31177"),
        ("They kept posting RT 5530 like it was his name.", "RT 5530"),
        ("The chat was called blue lads 4eva for a reason.", "4eva"),
        # digits and letters spoken in runs, letter pairs around them
        ("She read it out, seven two nine, four four one, that was her number.", "seven two nine, four four one"),
        ("It was jd six six one oh four two b, which is my NI.", "jd six six one oh four two b"),
        # a day and month without a year
        ("They had my son's birthday on it, the 19th of August.", "the 19th of August"),
        ("Mine's September the twenty-second, and they posted it.", "September the twenty-second"),
        ("The card in the photo just said 17.11 in felt tip.", "17.11"),
        # a team or unit with its letter
        ("I moved to Burglary Team B after that.", "Burglary Team B"),
        # initials and unknown capitals
        ("The list named RW, KD and TF, only initials.", "RW"),
        ("He was a fitter at DBK for ten years.", "DBK"),
        # lower-case postcodes in a pasted comment
        ("someone wrote she lives in hx7 near the mill.", "hx7"),
        # a quoted name near an account word
        ('Then the page "Wirral Watchers 2" shared it.', "Wirral Watchers 2"),
        # a quoted name that extends a replacement, a nickname in single quotes inside it
        ('The fake profile was "Insp. K. Whitlock", dots and everything.', "Insp. K. Whitlock"),
        ('The group admin went by "Big Shaz", nobody knew her.', "Big Shaz"),
        ('They had nicknames on the chat, "\'Gizmo\'", "Tank" and the rest.', "Gizmo"),
        # a possessive name: a station, a school, a bar, a child
        ("I: Which nick? P: Oh, St Aidan's, round the back of the market.", "St Aidan's"),
        ("We used to drink in the Fox's Den after lates.", "Fox's Den"),
        ("Jarvo's not been sleeping since they posted it.", "Jarvo's"),
        # a house number and a street, in any case
        ("the message just said, all small, 27 mill lane, and a picture of my door", "27 mill lane"),
        ("They'd put Flat 3/2, 41 Paisley Road West under the photo.", "Flat 3/2, 41 Paisley Road West"),
        ("So 9 Rowan Bank North, that's us, went round the group.", "9 Rowan Bank North"),
        # single letters and digits written apart
        ("His number was on the bottom, W 7 7 1 0 4, in biro.", "W 7 7 1 0 4"),
        ("They wrote the postcode as B L 9 4 R X to dodge the filter.", "B L 9 4 R X"),
        # a defanged or bare web address
        (
            "The link was hxxp://leakz-blue.example.net/names, so it wouldn't click.",
            "hxxp://leakz-blue.example.net/names",
        ),
        ("They said it lives at bluewatch[.]example[.]org now.", "bluewatch[.]example[.]org"),
        ("You just type it in, copfinder.io, and up it comes.", "copfinder.io"),
        # a workplace and its place joined by a venue noun: the whole phrase
        ("His wife works at the Boots pharmacy on Castle Street.", "Boots pharmacy on Castle Street"),
        # a public employer named in ordinary words, with its last word
        ("My sister clerks at Hull Magistrates' Court, so she heard about it first.", "Hull Magistrates' Court"),
        # a national chain where someone works
        ("I've a cousin at Lidl who told me who it was.", "Lidl"),
        ("My nephew's on the tills at Aldi now.", "Aldi"),
    ],
)
def test_candidate_shapes_are_put_before_the_reviewer(text, shown):
    start = text.index(shown)
    covered = _covered(text)
    assert all(covered[i] for i in range(start, start + len(shown)) if text[i].isalnum()), (shown, _cands(text))


@pytest.mark.parametrize(
    "text, not_shown",
    [
        ("We met at 10.30 by the canteen.", "10.30"),
        ("I drove up the M6 and back down the A38.", "M6"),
        ("It's a 24/7 job, honestly.", "24/7"),
        ("P1: It started in 2019. P2: Same for me.", "P1"),
        ("He rang NHS 111 that night.", "NHS 111"),
        ("PSD and CID both had a look at it.", "PSD"),
        ("Said he would ring back, never did.", "Said"),
        ("Occupational Health were brilliant with me.", "Occupational Health"),
        ("My 30s were all nights and earlies.", "30s"),
        ("The 3rd floor is where the analysts sit.", "3rd"),
        ("Got a P60 and a P45 in the same month.", "P60"),
        ("We were on 4G the whole way up.", "4G"),
        ("Operation Kestrel Dawn ran for a year.", "Operation Kestrel Dawn"),
        ("I bank with Barclays, always have.", "Barclays"),
        ("We queued outside at Greggs for ages.", "Greggs"),
        ("She parked at Asda and walked up to the nick.", "Asda"),
        ("She does shifts at Boots on Saturdays.", "Saturdays"),
        ('The admin wrote "see you all soon" under it.', "see you"),
        ("It was Father's Day, so I was off for once.", "Father"),
        ("Then the Chief Inspector's office rang me.", "Inspector"),
        ("My Gran's the one who spotted it.", "Gran"),
        ("It's 20 minutes down the road from the nick.", "20 minutes"),
        ("He did 3 laps round the park before his shift.", "3 laps"),
        ("We lived 12 years on the same street.", "12 years"),
        ("That's how it was.Me and him never spoke again.", "was.Me"),
        ("Give them something else, e.g. a nickname.", "e.g"),
        ("It finished 4 3 and then 2 1 in the replay.", "4 3"),
        ("I went to the Boots pharmacy on Castle Street for paracetamol.", "pharmacy"),
        ("PC Harris at Chelmsford dealt with it.", "Harris at"),
        ("I'm admin in the Vetting department, nine to five.", "Vetting"),
        ("We watched a programme about Fire and Rescue Service cuts.", "Fire and Rescue"),
        ("The Health Board said nothing useful.", "Health Board"),
    ],
)
def test_ordinary_shapes_are_no_candidates(text, not_shown):
    assert not any(not_shown in c for c in _cands(text)), _cands(text)


def test_a_function_word_does_not_extend_a_replacement():
    """A date of birth replaced: "the" before it adds no candidate."""
    text = "My date of birth is the 4th of June 1979, they had it."
    sheet = review_sheet([text])
    assert (sheet["source"] == "rule").any()
    assert not any("4th" in c for c in _cands(text))


def test_a_candidate_extending_a_replacement_replaces_the_whole_phrase():
    """The force "Kent" is replaced; the page "Kent Dog Walkers" is a candidate; accepted as
    a handle, the whole name goes, once. A sentence's first word and a platform after the
    phrase are no part of it."""
    text = "It went round on Kent Dog Walkers, a Facebook thing, that week."
    sheet = review_sheet([text])
    rules = sheet[sheet["source"] == "rule"]
    assert "Kent" in set(rules["original"])
    cand = sheet[(sheet["source"] == "candidate") & (sheet["original"] == "Kent Dog Walkers")]
    assert len(cand) == 1, sheet
    sheet.loc[cand.index, "decision"] = "accept"
    sheet.loc[cand.index, "kind"] = "handle"
    out, log = apply_review([text], sheet)
    assert "Kent" not in out[0] and "Walkers" not in out[0], out
    assert out[0].count("[Handle") == 1, out
    assert log["kind"].tolist() == ["handle"]
    assert "Norfolk Mums Chat" in _cands("Someone on Norfolk Mums Chat posted my photo on Facebook.")
    assert "Norfolk Mums Chat" in _cands("It was shared by Norfolk Mums Chat on Facebook.")


def test_candidates_cover_their_shapes_on_every_corpus_within_a_budget():
    """The review sheet on every corpus: what a reviewer sees (replacements and candidates)
    and the candidates per excerpt it costs. Floors are the figures when the candidates'
    shapes were widened (codes, spoken runs, days and months, units, initials, quoted
    names, lower-case postcodes, phrases extending a replacement): corpus Y's review recall
    went from 0.927 at 0.11 candidates per excerpt to 0.970 at 0.25. Z, written meanwhile and
    held out, was scored once afterwards: 0.978 at 0.24 (0.942 at 0.13 with the candidates
    and rules before; heldout_review_corpus_z.csv). Y's floor is today's (after the
    revision on its misses)."""
    from _redaction_eval import evaluate_review

    floors = {
        "corpus_k": 0.99,
        "corpus_n": 0.99,
        "corpus_p": 0.99,
        "corpus_q": 0.99,
        "corpus_r": 0.98,
        "corpus_s": 0.99,
        "corpus_t": 0.99,
        "corpus_w": 0.99,
        "corpus_x": 0.99,
        "corpus_y": 0.99,
        "corpus_z": 1.0,
        "corpus_aa": 1.0,
        "corpus_ab": 1.0,
        "corpus_ae": 0.97,
    }
    for name, floor in floors.items():
        table = evaluate_review(name)
        row = table.set_index("kind").loc["all"]
        assert row["recall"] >= floor, (name, row)
        assert row["precision"] >= 0.89, (name, row)
        assert table.attrs["candidates"] <= 0.35, (name, table.attrs["candidates"])


def test_review_workbook_is_laid_out_for_a_reviewer(tmp_path):
    """The XLSX opens with a frozen header, a filter, the context wide and wrapped in rows tall
    enough for it, and accept/reject as the decision's choices; it still reads back as written."""
    from openpyxl import load_workbook

    from toolkit.qual.redact import read_review_sheet, write_review_sheet

    texts = ["DS Priya Kaur rang me from Sandwell about her son's school, Oakfield Juniors, on 07700 900871."]
    sheet = review_sheet(texts, ids=["T9"])
    path = write_review_sheet(sheet, tmp_path / "review.xlsx")
    ws = load_workbook(path)["review"]
    header = [c.value for c in ws[1]]
    context = header.index("context") + 1
    decision = header.index("decision") + 1
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert ws.column_dimensions[ws.cell(row=1, column=context).column_letter].width >= 60
    assert ws.cell(row=2, column=context).alignment.wrap_text
    assert ws.row_dimensions[2].height >= 15
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"accept,reject"'
    assert ws.cell(row=1, column=decision).column_letter in str(dv.sqref)
    back = read_review_sheet(path)
    assert back["original"].tolist() == sheet["original"].tolist()
