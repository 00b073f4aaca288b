"""Tests of toolkit.qual.redact: identifiers found, consistent pseudonyms, planted recall."""

from __future__ import annotations

import pandas as pd
import pytest
from _planted_identifiers import SUPPLIED_NAMES, planted_corpus

from toolkit.errors import ParameterError
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
        ("See https://twitter.com/copwatch99/status/1 now.", "url", "https://twitter.com/copwatch99/status/1"),
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
    texts = [
        "PC Smith reported it to GMP.",
        "Greater Manchester Police told Inspector Smith.",
        "DS Jones rang 07700 900123.",
        "They rang 07700 900123 again; PC Smith knew.",
    ]
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
        out.append(text[pos : row.start])
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
    merged = truth.merge(log, on=["document", "start", "end", "kind"], how="outer", indicator=True)
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
        "I went back to the station and the nick was empty.",
        "The Professional Standards Department were told, and HR.",
        "He works in IT and she works for the NHS.",
        "He went to Sunday school at a Catholic school.",
        "We walked in the Lake District; the Senior Leadership Team met in March.",
        "The College of Policing guidance is on www.college.police.uk now.",
        "His Instagram was private and the control room had no record.",
        "My husband works in Professional Standards, on nights in January.",
        "The Old Bill came round; it cost 1.5/2 and/or e.g. 3/4 of it.",
        "The last name is fine, and we were in Court.",
        "The Met Office said rain; the High Court sat; at the shop, we're at Christmas.",
        "She transferred to Operation Hydrant and was a bit at sea with it.",
        "We flew to Spain at Christmas, posted it on Facebook, walked in the Peak District.",
        "It went to Stoke Crown Court in Year 10 of the case, under Section 18.",
        "I work in Occupational Health; we've got Oscar Kilo and the Spar.",
        "A Black Qashqai outside; I'm a rep for the Federation.",
    ],
)
def test_ordinary_words_stay(text):
    red, log = redact(text)
    assert red == text, log


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Cyber Crime Unit and the Professional Standards Department were told.",
            "The [Station A] and the Professional Standards Department were told.",
        ),
        (
            "His Instagram was private and the Roads Policing Unit had no record.",
            "His Instagram was private and the [Station A] had no record.",
        ),
        (
            "I work in the Criminal Justice Unit; we've got Oscar Kilo and the Spar.",
            "I work in the [Station A]; we've got Oscar Kilo and the Spar.",
        ),
        (
            "A Black Qashqai outside; I'm an analyst for the Force Intelligence Bureau.",
            "A Black Qashqai outside; I'm an analyst for the [Station A].",
        ),
    ],
)
def test_named_units_with_article_marked(text, expected):
    """These sentences stood in test_ordinary_words_stay under the older policy (corpora
    G-R left a unit named by its function with an article unmarked); the brief of corpus
    U on marks named units ("Digital Forensics Unit") as stations, the project's convention
    now (round 20). Generic departments stay (see test_ordinary_words_stay)."""
    red, log = redact(text)
    assert red == expected, log


@pytest.mark.parametrize(
    "text, expected",
    [
        # names of pages, groups and accounts are handles (they stayed before the policy
        # change recorded in tests/data/redaction/README.md); the ordinary words around
        # them stay
        (
            "His wife's Pilates studio was in a group called Exeter Watchers.",
            "His wife's Pilates studio was in a group called [Handle A].",
        ),
        (
            'A grey Octavia outside the Co-op; the account was called "Lancs Copwatch".',
            'A grey Octavia outside the Co-op; the account was called "[Handle A]".',
        ),
    ],
)
def test_page_and_group_names_are_handles(text, expected):
    red, log = redact(text)
    assert red == expected, log


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
        ("I'm in the Kirkstall Neighbourhood Policing Team.", "I'm in the [Station A]."),
        ("I moved to Leeds CID in 2019.", "I moved to [Station A] in 2019."),
        ("I work at Wakefield Road control room.", "I work at [Station A]."),
        ("When I was at Coventry Central, nobody", "When I was at [Station A], nobody"),
        ("At Hyde Park police station in Leeds.", "At [Station A]."),
        ("I was in Bradford custody suite.", "I was in [Station A]."),
        ("My wife works at Greggs on Station Street.", "My wife works at [Workplace A]."),
        ("He is employed by Arriva as a driver.", "He is employed by [Workplace A] as a driver."),
        ("He's a porter at Leeds General Infirmary.", "He's a porter at [Workplace A]."),
        ("Her employer, Capita, rang.", "Her employer, [Workplace A], rang."),
        ("The Tesco in Otley, where my wife works.", "The [Workplace A], where my wife works."),
        ("He works at M&S.", "He works at [Workplace A]."),
        ("She studies at the University of Leeds.", "She studies at the [School A]."),
        ("He goes to Moorside school.", "He goes to [School A]."),
        ("Her school, Hillside, rang.", "Her school, [School A], rang."),
        ("Born in March 1985, he", "Born in [Date of birth A], he"),
        ("They live on the Gipton estate.", "They live on the [Address A]."),
        ("His username was truthseeker_74.", "His username was [Handle A]."),
        ("See www.ratemycop.co.uk/officers/4471 now.", "See [Profile URL A] now."),
        ("I'm in the custody block at Hexham now.", "I'm in the custody block at [Station A] now."),
        ("The Holbeck and Beeston Neighbourhood Team.", "The [Station A]."),
        ("The bio links to linktr.ee/copperexposed.", "The bio links to [Profile URL A]."),
        ("Parked outside my mum's in Whitby.", "Parked outside my mum's in [Address A]."),
        ("My collar number's 6158, and", "My collar number's [Collar number A], and"),
        ("With my surname, Rawlinson, it's", "With my surname, [Person A], it's"),
        ('A man calling himself "Reaper" wrote.', 'A man calling himself "[Person A]" wrote.'),
        ("He moved on to Harehills last year.", "He moved on to [Station A] last year."),
        ("Nineteen years, most of it at Cathays.", "Nineteen years, most of it at [Station A]."),
        ("The response officers at Lewisham had it.", "The response officers at [Station A] had it."),
        ("I'm PC Harris at Chelmsford.", "I'm [Officer A] at [Station A]."),
        ("I'm a PCSO in Kirkby.", "I'm a PCSO in [Station A]."),
        ("My wife's salon, Glow Hair and Beauty, got reviews.", "My wife's salon, [Workplace A], got reviews."),
        ("He's a quantity surveyor at Halliwell Jones Construction.", "He's a quantity surveyor at [Workplace A]."),
        ("He works at the Co-op on Rushey Green.", "He works at the [Workplace A]."),
        ("They rang the home, the Cherry Tree Lodge.", "They rang the home, the [Workplace A]."),
        ("Our kids at Ysgol Gymraeg Treganna.", "Our kids at [School A]."),
        ("My daughter's school, Craigmount High, rang.", "My daughter's school, [School A], rang."),
        (
            "My date of birth as well, 29th of January 1979, was there.",
            "My date of birth as well, [Date of birth A], was there.",
        ),
        ('Bob Tranter, "Tranny" everyone called him.', '[Person A], "[Person B]" everyone called him.'),
        ("It's a Met thing.", "It's a [Force A] thing."),
        ("She lives on her own in Cheadle now.", "She lives on her own in [Place A] now."),
        ("I was born in Bentilee and I police Bentilee.", "I was born in [Place A] and I police [Place A]."),
        ("From Burntwood to a village.", "From [Place A] to a village."),
        ("Our house number, 41, was there.", "Our house number, [Address A], was there."),
        (
            "My date of birth, which is the 12th of October 1991, and",
            "My date of birth, which is the [Date of birth A], and",
        ),
        ("She works on the tills at Morrisons in Bideford.", "She works on the tills at [Workplace A]."),
        ("A lad came in from Hampshire.", "A lad came in from [Force A]."),
        (
            "Our youngest turned six on the 14th of February, and",
            "Our youngest turned six on the [Date of birth A], and",
        ),
        (
            "My police ID with the number, 7724, was shared for Year 10.",
            "My police ID with the number, [Collar number A], was shared for Year 10.",
        ),
        ("Then the Fed rep, Andy, came in.", "Then the Fed rep, [Person A], came in."),
        ("An officer on my team, Jas Dhillon, had it.", "An officer on my team, [Person A], had it."),
        ("Samira, that's my wife, is a GP.", "[Person A], that's my wife, is a GP."),
        ("My first name's unusual, Eirlys, so.", "My first name's unusual, [Person A], so."),
        (
            "Letters came to my work address, which is Fettes, today.",
            "Letters came to my work address, which is [Station A], today.",
        ),
        ("They named the church, New Covenant Fellowship, too.", "They named the church, [Workplace A], too."),
        ("His club, Rocester Juniors FC, was named.", "His club, [Workplace A], was named."),
        ("My wife's maiden name, Szymańska, is rare.", "My wife's maiden name, [Person A], is rare."),
        ("My daughter Siân found it; it was Zoë Hart.", "My daughter [Person A] found it; it was [Person B]."),
        ("He's a paramedic with East of England Ambulance Service.", "He's a paramedic with [Workplace A]."),
        ("His crewmate, Jonno, got one.", "His crewmate, [Person A], got one."),
        # the revision after corpus K (general patterns for its misses)
        ("My DOB's 22.09.1990, for what it is worth.", "My DOB's [Date of birth A], for what it is worth."),
        ("Her birthday on her profile was 14 March 1987.", "Her birthday on her profile was [Date of birth A]."),
        (
            "It listed my warrant card number's WC 304719 as well.",
            "It listed my warrant card number's [Warrant number A] as well.",
        ),
        (
            "It was Tesco in Marple, and she works there part-time.",
            "It was [Workplace A], and she works there part-time.",
        ),
        # no workplace without work said; and (round 25) the town of a visit is no place either
        ("We met in Tesco in Marple on a Sunday.", "We met in Tesco in Marple on a Sunday."),
        ("I'm the sector inspector for Denton and Haughton Green.", "I'm the sector inspector for [Station A]."),
        ("I'm Superintendent for Stockport district.", "I'm Superintendent for [Station A] district."),
        ("Her pharmacy, Patel Chemists, got reviews.", "Her pharmacy, [Workplace A], got reviews."),
        ("They work for Star Taxis now.", "They work for [Workplace A] now."),
        ("We had three Traffic Cars out.", "We had three Traffic Cars out."),
        ("My dad was in the RUC.", "My dad was in the [Force A]."),
        ("My wife Joy got a message.", "My wife [Person A] got a message."),
        ("It went well. Grace is a nurse at the hospital.", "It went well. [Person A] is a nurse at the hospital."),
        ("It went well. Grace is a virtue, my nan said.", "It went well. Grace is a virtue, my nan said."),
    ],
)
def test_interview_identifiers(text, expected):
    assert redact(text)[0] == expected


def _corpus_floors():
    # Today's figures on each corpus, rounded down to 2 decimals (per kind where the corpus
    # has >= 3 of that kind, and "all"). Held-out first looks, before any rule was revised on
    # a corpus, are in heldout_corpus_<x>.csv: C 0.91 / 0.96, D 0.855 / 0.964,
    # E 0.732 / 1.000, F 0.707 / 0.977, G 0.932 / 0.860, H 0.930 / 0.952, I 0.947 / 0.948,
    # J 0.875 / 0.944, K 0.957 / 0.960, L 0.933 / 0.946 (recall / precision, all kinds).
    # A-L informed the rules (J's misses the lexicon revision, K's and L's the revisions
    # after it). M (another author, who had not read the rules) was held out (first look
    # 0.922 / 0.976); the rules were then revised on two of its errors, so its floors are
    # today's figures. N (a third author, who had not read the rules) was held out (first
    # look 0.869 / 0.953). The issue-12 revision of five areas (_id_online, _id_codes,
    # _id_spoken, _id_places, _id_persons) was made on the misses of K-N, so M and N are
    # now tuned-on (0.998 / 0.994 and 0.997 / 0.983). P (a fourth author, who read no
    # rules, tests, word lists or other corpus) is the held-out measure of that revision:
    # first look with the rules before it 0.849 / 0.961 (heldout_corpus_p.csv), scored
    # once after it 0.907 / 0.966 (revised_corpus_p.csv); its floors are that score.
    # Q (a fifth author, who read only the written annotation conventions) was scored
    # once with the rules of f9faf71 (heldout_corpus_q.csv, 0.820 / 0.968); the codes15
    # and names15 revisions were then made on its misses. R (a sixth author) was scored
    # once after them (heldout_corpus_r.csv, 0.868 / 0.950); codes16 and places16 were
    # made on R's misses. S (a seventh author, from a brief of the conventions only) was
    # scored once after them (heldout_corpus_s.csv, 0.882 / 0.961); places17 and persons17
    # were made on S's misses. T (an eighth author) was scored once after them
    # (heldout_corpus_t.csv, 0.877 / 0.938); places18 and persons18 were made on T's
    # misses. U (a ninth author) was scored once after them (heldout_corpus_u.csv,
    # 0.912 / 0.945). V (a tenth author, same brief) was scored once with those rules
    # (heldout_corpus_v.csv, 0.919 / 0.922), then codes19, online19, places19 and
    # persons19 were made on T's misses; V scored once after them 0.937 / 0.925
    # (revised_corpus_v.csv), W (an eleventh author, same brief) 0.896 / 0.975
    # (heldout_corpus_w.csv), U (second look) 0.929 / 0.948. codes20, online20, places20
    # and persons20 were then made on the misses of T, U and V; X (a twelfth author, same
    # brief) was scored once after them, 0.910 / 0.944 (heldout_corpus_x.csv), and W
    # (second look) 0.906 / 0.977 (revised_corpus_w.csv). codes21, online21, places21 and
    # persons21 were then made on the misses of W and X; Y (a thirteenth author, same brief)
    # was scored once after them, 0.921 / 0.979 (heldout_corpus_y.csv). codes22, online22,
    # places22 and persons22 were then made on the misses of Y (and W, X); Z (a fourteenth
    # author, same brief) was scored once after them, 0.936 / 0.970 (heldout_corpus_z.csv;
    # 0.933 / 0.970 with the rules before them). codes24, online24, places24b and
    # persons24 were then made on the misses of Z; AA (a fifteenth author, same brief) was
    # scored once after them, 0.943 / 0.966 (heldout_corpus_aa.csv; 0.939 / 0.966 with the
    # rules before them). codes25, places25, stations25, persons25, lower25 and review25
    # were then made on the misses of AA; AB (a sixteenth author, same brief) was scored once
    # after them, 0.949 / 0.963 (heldout_corpus_ab.csv; 0.943 / 0.963 with the rules before
    # them). codes26, places26 and persons26 were then made on the misses of AB; AE (a
    # nineteenth author, same brief) was scored once after them, 0.947 / 0.967
    # (heldout_corpus_ae.csv; 0.947 / 0.967 with the rules before them, 0.943 / 0.967 with
    # those of f0428f7). Q-AE floors are today's figures (AC and AD stay held out).
    return {
        "corpus_a": {
            "all": (1.0, 1.0),
            "person": (1.0, 1.0),
            "address": (1.0, 1.0),
            "station": (1.0, 1.0),
            "school": (1.0, 1.0),
            "workplace": (1.0, 1.0),
        },
        "corpus_b": {
            "all": (1.0, 1.0),
            "person": (1.0, 1.0),
            "station": (1.0, 1.0),
            "school": (1.0, 1.0),
            "workplace": (1.0, 1.0),
        },
        "corpus_c": {
            "all": (1.0, 0.98),
            "person": (1.0, 1.0),
            "school": (1.0, 1.0),
            "force": (1.0, 1.0),
            "station": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "address": (1.0, 1.0),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "handle": (1.0, 1.0),
            "phone": (1.0, 1.0),
        },
        "corpus_d": {
            "all": (1.0, 1.0),
            "person": (1.0, 1.0),
            "address": (1.0, 1.0),
            "station": (1.0, 1.0),
            "school": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "phone": (1.0, 1.0),
        },
        "corpus_e": {
            "all": (0.98, 1.0),
            "person": (0.94, 1.0),
            "address": (1.0, 1.0),
            "station": (1.0, 1.0),
            "school": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "force": (1.0, 1.0),
        },
        "corpus_f": {
            "all": (0.96, 0.98),
            "person": (1.0, 0.95),
            "address": (0.88, 1.0),
            "station": (1.0, 1.0),
            "workplace": (0.83, 1.0),
        },
        "corpus_g": {
            "all": (1.0, 0.97),
            "person": (1.0, 1.0),
            "address": (1.0, 1.0),
            "station": (1.0, 1.0),
            "school": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "force": (1.0, 0.83),
        },
        "corpus_h": {
            "all": (1.0, 1.0),
            "person": (1.0, 1.0),
            "address": (1.0, 1.0),
            "station": (1.0, 1.0),
            "workplace": (1.0, 1.0),
        },
        "corpus_i": {
            "all": (1.0, 1.0),
            "person": (1.0, 1.0),
            "address": (1.0, 1.0),
            "station": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "force": (1.0, 1.0),
            "handle": (1.0, 1.0),
        },
        "corpus_j": {
            "all": (1.0, 0.96),
            "person": (1.0, 0.9),
            "address": (1.0, 1.0),
            "station": (1.0, 1.0),
            "school": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "force": (1.0, 1.0),
        },
        "corpus_k": {
            "all": (0.99, 0.97),
            "person": (1.0, 0.96),
            "address": (1.0, 1.0),
            "station": (1.0, 1.0),
            "school": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "force": (1.0, 1.0),
            "phone": (1.0, 1.0),
            "email": (1.0, 1.0),
            "handle": (1.0, 1.0),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "date_of_birth": (0.91, 1.0),
            "collar_number": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
        },
        "corpus_l": {
            "all": (1.0, 0.97),
            "person": (1.0, 0.88),
            "address": (1.0, 1.0),
            "station": (1.0, 0.97),
            "school": (1.0, 1.0),
            "workplace": (1.0, 0.96),
            "force": (1.0, 1.0),
            "phone": (1.0, 1.0),
            "email": (1.0, 1.0),
            "handle": (1.0, 1.0),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "collar_number": (1.0, 0.9),
            "warrant_number": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
        },
        "corpus_m": {
            "all": (0.99, 0.99),
            "address": (0.96, 1.0),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 1.0),
            "force": (1.0, 1.0),
            "handle": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (1.0, 1.0),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (1.0, 1.0),
            "station": (1.0, 0.95),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "workplace": (1.0, 0.96),
        },
        "corpus_n": {
            "all": (0.99, 0.98),
            "address": (1.0, 1.0),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 1.0),
            "force": (1.0, 0.98),
            "handle": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (1.0, 0.95),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (1.0, 1.0),
            "station": (0.96, 0.95),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "workplace": (1.0, 0.97),
        },
        "corpus_p": {
            "all": (0.92, 0.97),
            "address": (0.97, 0.98),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 1.0),
            "force": (0.97, 0.97),
            "handle": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (0.97, 0.97),
            "phone": (1.0, 1.0),
            "postcode": (0.96, 1.0),
            "school": (0.94, 1.0),
            "station": (0.97, 1.0),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "workplace": (0.89, 1.0),
        },
        "corpus_q": {
            "address": (0.94, 0.97),
            "collar_number": (0.98, 1.0),
            "date_of_birth": (0.97, 1.0),
            "email": (1.0, 1.0),
            "force": (0.98, 0.98),
            "handle": (0.94, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (0.99, 0.97),
            "phone": (1.0, 1.0),
            "postcode": (0.95, 1.0),
            "school": (0.97, 1.0),
            "station": (1.0, 0.96),
            "url": (1.0, 1.0),
            "vehicle": (0.94, 1.0),
            "warrant_number": (0.86, 1.0),
            "workplace": (0.95, 0.95),
            "all": (0.97, 0.98),
        },
        "corpus_r": {
            "address": (0.99, 0.95),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 1.0),
            "force": (1.0, 0.92),
            "handle": (0.93, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (0.96, 0.98),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (0.96, 1.0),
            "station": (0.95, 0.9),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (0.96, 1.0),
            "workplace": (0.87, 0.95),
            "all": (0.97, 0.97),
        },
        "corpus_s": {
            "address": (0.92, 0.95),
            "collar_number": (0.97, 1.0),
            "date_of_birth": (0.93, 1.0),
            "email": (0.96, 1.0),
            "force": (1.0, 0.94),
            "handle": (0.97, 0.97),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (0.98, 1.0),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (0.9, 1.0),
            "station": (1.0, 0.96),
            "url": (1.0, 0.96),
            "vehicle": (1.0, 1.0),
            "warrant_number": (0.93, 1.0),
            "workplace": (0.89, 0.85),
            "all": (0.97, 0.97),
        },
        "corpus_t": {
            "address": (1.0, 0.97),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 0.95),
            "force": (1.0, 0.97),
            "handle": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (1.0, 1.0),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (1.0, 1.0),
            "station": (0.96, 1.0),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "all": (0.99, 0.98),
        },
        "corpus_u": {
            "address": (1.0, 0.93),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 0.87),
            "email": (1.0, 1.0),
            "force": (1.0, 1.0),
            "handle": (1.0, 0.96),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (1.0, 0.96),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (1.0, 1.0),
            "station": (1.0, 0.96),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 0.93),
            "warrant_number": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "all": (1.0, 0.97),
        },
        "corpus_v": {
            "address": (1.0, 0.97),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 1.0),
            "force": (1.0, 0.77),
            "handle": (1.0, 0.95),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (1.0, 0.93),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (1.0, 1.0),
            "station": (1.0, 0.9),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (0.95, 1.0),
            "workplace": (1.0, 1.0),
            "all": (0.99, 0.95),
        },
        "corpus_w": {
            "address": (0.9, 1.0),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (0.9, 1.0),
            "email": (1.0, 1.0),
            "force": (0.93, 1.0),
            "handle": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (1.0, 1.0),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (0.95, 1.0),
            "station": (0.96, 0.96),
            "url": (0.95, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "workplace": (0.95, 1.0),
            "all": (0.97, 0.99),
        },
        "corpus_x": {
            "address": (0.96, 0.91),
            "collar_number": (1.0, 0.97),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 1.0),
            "force": (0.97, 0.95),
            "handle": (1.0, 1.0),
            "nhs_number": (1.0, 0.95),
            "ni_number": (0.95, 1.0),
            "person": (1.0, 0.99),
            "phone": (1.0, 1.0),
            "postcode": (0.95, 1.0),
            "school": (1.0, 1.0),
            "station": (0.95, 0.87),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 0.91),
            "warrant_number": (1.0, 1.0),
            "workplace": (0.96, 0.96),
            "all": (0.98, 0.96),
        },
        "corpus_y": {
            "address": (1.0, 0.97),
            "collar_number": (0.96, 1.0),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 1.0),
            "force": (1.0, 0.97),
            "handle": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (1.0, 1.0),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (1.0, 1.0),
            "station": (1.0, 1.0),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "workplace": (1.0, 0.95),
            "all": (0.99, 0.99),
        },
        "corpus_z": {
            "address": (0.96, 1.0),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 1.0),
            "force": (0.97, 0.97),
            "handle": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (1.0, 1.0),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (1.0, 1.0),
            "station": (1.0, 0.93),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "all": (0.99, 0.98),
        },
        "corpus_aa": {
            "address": (0.98, 0.92),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 1.0),
            "force": (1.0, 0.97),
            "handle": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (1.0, 1.0),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (1.0, 1.0),
            "station": (1.0, 0.96),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "all": (0.99, 0.98),
        },
        "corpus_ab": {
            "address": (1.0, 1.0),
            "collar_number": (1.0, 1.0),
            "date_of_birth": (1.0, 1.0),
            "email": (1.0, 1.0),
            "force": (1.0, 1.0),
            "handle": (1.0, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (1.0, 1.0),
            "person": (1.0, 0.97),
            "phone": (1.0, 1.0),
            "postcode": (1.0, 1.0),
            "school": (1.0, 1.0),
            "station": (1.0, 1.0),
            "url": (1.0, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "workplace": (1.0, 1.0),
            "all": (1.0, 0.99),
        },
        "corpus_ae": {
            "address": (0.95, 1.0),
            "collar_number": (0.91, 1.0),
            "date_of_birth": (0.82, 1.0),
            "email": (0.95, 1.0),
            "force": (0.95, 1.0),
            "handle": (0.93, 1.0),
            "nhs_number": (1.0, 1.0),
            "ni_number": (0.95, 1.0),
            "person": (0.95, 0.99),
            "phone": (1.0, 1.0),
            "postcode": (0.95, 1.0),
            "school": (1.0, 0.87),
            "station": (0.95, 0.92),
            "url": (0.8, 1.0),
            "vehicle": (1.0, 1.0),
            "warrant_number": (1.0, 1.0),
            "workplace": (0.87, 0.95),
            "all": (0.94, 0.96),
        },
    }


@pytest.mark.parametrize(
    "name",
    [
        "corpus_a",
        "corpus_b",
        "corpus_c",
        "corpus_d",
        "corpus_e",
        "corpus_f",
        "corpus_g",
        "corpus_h",
        "corpus_i",
        "corpus_j",
        "corpus_k",
        "corpus_l",
        "corpus_m",
        "corpus_n",
        "corpus_p",
        "corpus_q",
        "corpus_r",
        "corpus_s",
        "corpus_t",
        "corpus_u",
        "corpus_v",
        "corpus_w",
        "corpus_x",
        "corpus_y",
        "corpus_z",
        "corpus_aa",
        "corpus_ab",
        "corpus_ae",
    ],
)
def test_recall_precision_on_annotated_corpora(name):
    """Hand-annotated interview excerpts (tests/data/redaction/<name>.txt, 25-60 excerpts
    each). Recall: every letter and digit of a gold identifier replaced; precision: at
    least half of a replacement's letters and digits inside gold identifiers."""
    from _redaction_eval import evaluate

    table = evaluate(name).set_index("kind")
    for kind, (rec, prec) in _corpus_floors()[name].items():
        assert table.loc[kind, "recall"] >= rec, (kind, table.loc[kind])
        assert table.loc[kind, "precision"] >= prec, (kind, table.loc[kind])
    assert table.loc["all", "n_gold"] >= 40


def test_review_sheet_candidates_on_corpus_j():
    """On corpus J (held out before the lexicon revision, which was made on its misses) the
    review sheet's low-confidence candidates brought what a reviewer sees to recall 0.946
    (from 0.875 redacted) at 0.37 candidates per excerpt; the three identifiers neither
    redacted nor flagged then are named here (today none is missed)."""
    from _redaction_eval import evaluate_review

    table = evaluate_review("corpus_j")
    row = table.set_index("kind").loc["all"]
    assert row["recall"] >= 0.94 and row["precision"] >= 0.89, row
    assert table.attrs["candidates"] <= 0.4
    assert set(table.attrs["missed"]["original"]) <= {
        "Minster in Sheppey Primary",
        "Petals on the Parade",
        "Harvey Nichols in Leeds",
    }


def test_review_sheet_candidates_on_corpus_k():
    """On corpus K (written after the lexicon revision, scored once; the rules were then
    revised on its misses) the review sheet put 0.07 candidates per excerpt before the
    reviewer and brought recall from 0.957 to 0.961; the ten identifiers then neither
    redacted nor flagged are named here (today one is missed)."""
    from _redaction_eval import evaluate_review

    table = evaluate_review("corpus_k")
    row = table.set_index("kind").loc["all"]
    assert row["recall"] >= 0.96 and row["precision"] >= 0.94, row
    assert table.attrs["candidates"] <= 0.1
    assert set(table.attrs["missed"]["original"]) <= {
        "the 3rd of February 2013",
        "Precious",
        "RUC",
        "Aldi on Coventry Road",
        "Stockport",
        "22.09.1990",
        "WC 304719",
        "Pelsall and Rushall",
        "Qureshi Chemists",
        "2 August 2015",
    }


def test_review_sheet_candidates_on_held_out_corpus():
    """On corpus L (written after the revision on K's misses, scored once; the rules were
    then revised on its misses, so it is no longer held out) the review sheet put 0.09
    candidates per excerpt before the reviewer and brought recall from 0.933 to 0.951; the
    sixteen identifiers then neither redacted nor flagged are named here (today none is
    missed)."""
    from _redaction_eval import evaluate_review

    table = evaluate_review("corpus_l")
    row = table.set_index("kind").loc["all"]
    assert row["recall"] >= 0.95 and row["precision"] >= 0.93, row
    assert table.attrs["candidates"] <= 0.1
    assert set(table.attrs["missed"]["original"]) <= {
        "14",
        "Polished by Priya",
        "Doncaster",
        "www.copsofkirklees.co.uk",
        "12th of May",
        "30.01.1983",
        "9.6.1990",
        "Slough",
        "TV 77206",
        "Amazon warehouse in Daventry",
        "Starlight Academy of Dance",
        "27 March 1981",
        "Flat 2",
        "DC 44219",
        "Grays",
        "exposingdorsetcops.wordpress.com",
    }


def test_corpus_scoring_rejects_trivial_redactors():
    """The measure cannot be met by redacting nothing or everything."""
    from _redaction_eval import CORPUS_DIR, load_corpus, score

    corpus = load_corpus(CORPUS_DIR / "corpus_c.jsonl")
    nothing = score(corpus, [[] for _ in corpus]).set_index("kind")
    everything = score(corpus, [[(0, len(ex["text"]), "person")] for ex in corpus])
    everything = everything.set_index("kind")
    floors = _corpus_floors()["corpus_c"]["all"]
    assert nothing.loc["all", "recall"] < floors[0]
    assert everything.loc["all", "recall"] == 1.0
    assert everything.loc["all", "precision"] < floors[1]


def test_corpus_scoring_judges_a_rank_taken_with_the_name_on_the_name():
    """'Sergeant Mills' replaced whole, annotated ``Sergeant [[person:Mills]]``, is a correct
    replacement; the rank alone, or a rank before a word nobody annotated, is not."""
    from _redaction_eval import parse_markup, score

    text, spans = parse_markup("Tell Sergeant [[person:Mills]] and Chief Inspector [[person:Jo Dunn]] now, Sergeant.")
    corpus = [{"id": "x", "text": text, "spans": spans}]
    at = text.index

    def found(*preds):
        return score(corpus, [list(preds)]).set_index("kind").loc["person", ["n_found", "n_correct"]].tolist()

    mills = (at("Sergeant Mills"), at("Sergeant Mills") + len("Sergeant Mills"), "person")
    dunn = (at("Chief"), at("Jo Dunn") + len("Jo Dunn"), "person")
    assert found(mills, dunn) == [2, 2]
    assert found((at("Sergeant"), at("Sergeant") + len("Sergeant"), "person")) == [1, 0]
    assert found((at("now, Sergeant"), len(text) - 1, "person")) == [1, 0]
    # 'Tell Sergeant Mills' starts before the rank: judged on all its letters (5 of 17 named)
    assert found((0, mills[1], "person")) == [1, 0]


def test_corpora_files_match_their_markup():
    """The JSONL spans are what the marked-up source says (rebuilt here)."""
    import json

    from _redaction_eval import CORPUS_DIR, parse_markup

    names = sorted(p.stem for p in CORPUS_DIR.glob("corpus_*.txt"))
    assert len(names) >= 15 and names == sorted(p.stem for p in CORPUS_DIR.glob("corpus_*.jsonl"))
    for name in names:
        source = (CORPUS_DIR / f"{name}.txt").read_text(encoding="utf-8")
        blocks = [b.strip() for b in source.split("\n\n")]
        rows = [json.loads(line) for line in (CORPUS_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        marked = [b for b in blocks if b and not b.startswith("#")]
        assert len(marked) == len(rows) >= 25
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
    "DS Jones rang +44 7700 900455 and Canning Circus came up. I said =HYPERLINK(x) was odd.",
    "Later Jones met Mrs Hope at Fenwick Street depot; my wife Sarah was there.",
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_review_sheet_workflow(tmp_path, suffix):
    from toolkit.qual.redact import apply_review, read_review_sheet, residual_risk, review_sheet, write_review_sheet

    sheet = review_sheet(REVIEW_TEXTS, ids=["T1", "T2"])
    assert list(sheet.columns[:6]) == ["document", "start", "end", "kind", "original", "replacement"]
    rules = sheet[sheet["source"] == "rule"]
    cands = sheet[sheet["source"] == "candidate"]
    assert {"DS Jones", "+44 7700 900455", "Jones", "Mrs Hope", "Sarah"} <= set(rules["original"])
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
    out, log = red.redact_many(["PC Smith met my wife Sarah and DS John Patel.", "Later Smith told Patel."])
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
        out, _ = Redactor(surrogates="names", key=key).redact("My wife Sarah and our son Jack were followed.")
        words = out.split()
        assert words[2] in _SURROGATE_FEMALE and words[6] in _SURROGATE_MALE, out
