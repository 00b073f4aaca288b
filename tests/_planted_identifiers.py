"""Seeded generator of realistic sentences with planted identifiers, to measure redaction.

``planted_corpus(n_docs, seed=...)`` returns texts and a truth table of every planted
identifier (``document, start, end, kind, original``), mixed with distractors a redactor
must leave alone: years, times, dates, sums of money, counts, statute references, and
ordinary capitalised words (days, months, platforms, bodies, ranks without names).
Phone numbers use Ofcom's ranges reserved for drama, so no real number is generated.
"""

from __future__ import annotations

import csv
import random
import string

import pandas as pd

from toolkit.paths import DATA_DIR

SURNAMES = [
    "Smith",
    "Jones",
    "Patel",
    "O'Neil",
    "McDonald",
    "Williams",
    "Taylor",
    "Brown-Hughes",
    "Khan",
    "Nowak",
    "Okafor",
    "MacLeod",
    "Davies",
    "Evans",
    "Singh",
    "Walsh",
    "O'Brien",
    "Murphy",
    "Hussain",
    "Clarke",
    "Robinson",
    "Wright",
    "Thompson",
    "Ahmed",
    "Kowalski",
    "Fitzgerald",
    "Campbell",
    "Stewart",
    "Begum",
    "Chaudhry",
    "Osei",
    "Lewis",
    "Hall",
]
GIVEN = [
    "Sarah",
    "James",
    "Priya",
    "Tom",
    "Aisha",
    "Mark",
    "Claire",
    "Daniel",
    "Fatima",
    "Gareth",
    "Helen",
    "Imran",
    "Joanne",
    "Kieran",
    "Laura",
    "Mohammed",
    "Niamh",
]
RANKS = [
    "PC",
    "DC",
    "PS",
    "DS",
    "Sgt",
    "Inspector",
    "DI",
    "DCI",
    "Chief Inspector",
    "Superintendent",
    "Chief Superintendent",
    "Detective Sergeant",
    "Sergeant",
    "Detective Inspector",
    "Assistant Chief Constable",
    "Chief Constable",
    "PCSO",
    "Police Constable",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
]
#: civilian names the test passes to ``redact(names=...)``
SUPPLIED_NAMES = [
    "Rebecca Thornton",
    "Owen Pritchard",
    "Leah Castellano",
    "Marcus Adeyemi",
    "Bethan Llewellyn",
    "Callum Reid",
]
DISTRACTORS = [
    "in 2019",
    "since 2023",
    "at 14:30",
    "by 9.45pm",
    "on 12/03/2024",
    "on 3 March 2024",
    "costing £1,250",
    "a £3.5m budget",
    "about 3,400 officers",
    "45% of respondents",
    "under section 127 of the Communications Act 2003",
    "on Monday",
    "in January",
    "on Twitter",
    "via Facebook",
    "as the Code of Ethics says",
    "with Professional Standards",
    "the Chief Constable said",
    "the Inspector Development Programme",
    "after COVID-19",
    "under Article 8 ECHR",
    "the NPCC lead",
    "an HMICFRS inspection",
    "the IOPC",
    "over 24 hours",
    "for 10 days",
    "at 0900",
    "version 2.1",
    "page 14",
    "in Q3 2022",
    "the Federation rep",
    "Operation Hydrant",
    "in the last 12 months",
    "in Wales",
    "across England",
    "the College of Policing",
    "after the BBC story",
    "on 01/04/2023",
    "a 1-in-5 chance",
    "at 08:15",
    "the Sergeant Development Course",
    "Chapter 3",
]
OPENERS = [
    "Interviewer: Can you tell me what happened? Respondent: Well,",
    "The report noted that",
    "According to the log,",
    "In the interview it emerged that",
    "Respondent: Honestly,",
    "The welfare referral stated that",
    "A colleague explained that",
    "During the debrief",
    "It was recorded that",
    "The manager said",
]


def _forces():
    forms = []
    with open(DATA_DIR / "uk_police_forces.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            forms.append(row["name"])
            forms.extend(v for v in row["variants"].split(";") if v and v != "the Met")
            forms.extend(a for a in row["abbreviations"].split(";") if a)
    return forms


def _letter(rng, allowed):
    return rng.choice(allowed)


def _person(rng):
    rank = rng.choice(RANKS)
    r = rng.random()
    if r < 0.6:
        name = rng.choice(SURNAMES)
    elif r < 0.85:
        name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
    else:
        name = f"{rng.choice(string.ascii_uppercase)}. {rng.choice(SURNAMES)}"
    return f"{rank} {name}", None


def _supplied(rng):
    name = rng.choice(SUPPLIED_NAMES)
    return (name if rng.random() < 0.7 else name.split()[-1]), None


def _collar(rng):
    number = str(rng.randint(10, 99999))
    style = rng.random()
    if style < 0.4:
        return f"{rng.choice(['PC', 'PCSO', 'DC', 'PS', 'Sgt'])} {number}", number
    word = rng.choice(["collar number", "shoulder number", "collar no.", "Collar number", "epaulette number"])
    return f"{word} {number}", number


def _warrant(rng):
    number = rng.choice(["", "", "WC", "AB"]) + str(rng.randint(1000, 99999999))
    word = rng.choice(["warrant number", "warrant card number", "Warrant no.", "warrant no"])
    sep = rng.choice([" ", ": ", " "])
    return f"{word}{sep}{number}", number


def _handle(rng):
    base = rng.choice(
        ["copwatch", "justice4", "thinblue", "anon", "truth_teller", "x", "realnews", "bobby", "mum_of", "sgt_"]
    ) + str(rng.randint(0, 9999))
    if rng.random() < 0.3:
        base = base.capitalize() + rng.choice(["_UK", "Live", ".official", ""])
    return "@" + base, None


def _url(rng):
    user = rng.choice(
        ["jane.doe", "officer_k", "copwatchuk", "t.hughes88", "realtruth", "mark-ellis-1a2b3c", "anon4321"]
    )
    form = rng.choice(
        [
            "https://twitter.com/{u}",
            "https://x.com/{u}",
            "www.facebook.com/{u}",
            "facebook.com/{u}",
            "https://www.instagram.com/{u}/",
            "https://www.tiktok.com/@{u}",
            "https://www.linkedin.com/in/{u}",
            "instagram.com/{u}",
            "https://www.reddit.com/user/{u}",
        ]
    )
    return form.format(u=user), None


def _email(rng):
    user = rng.choice(
        [
            f"{rng.choice(GIVEN).lower()}.{rng.choice(SURNAMES).lower()}",
            f"{rng.choice(GIVEN).lower()}{rng.randint(1, 99)}",
            "angry.resident",
            "j_smith",
        ]
    ).replace("'", "")
    domain = rng.choice(
        [
            "gmail.com",
            "outlook.com",
            "yahoo.co.uk",
            "kent.police.uk",
            "met.police.uk",
            "btinternet.com",
            "example.org",
            "hotmail.co.uk",
        ]
    )
    return f"{user}@{domain}", None


def _phone(rng):
    x3 = f"{rng.randint(0, 999):03d}"
    form = rng.choice(
        [
            f"01632 960{x3}",
            f"020 7946 0{x3}",
            f"0113 496 0{x3}",
            f"0161 496 0{x3}",
            f"07700 900{x3}",
            f"+44 7700 900{x3}",
            f"+44 (0)20 7946 0{x3}",
            f"0808 157 0{x3}",
            f"(01632) 960 {x3}",
            f"07700900{x3}",
            f"0121-496-0{x3}",
            f"+447700900{x3}",
            f"0131 496 0{x3}",
            f"0117 496 0{x3}",
            f"028 9649 6{x3}",
            f"029 2018 0{x3}",
        ]
    )
    return form, None


_PC_FIRST = "ABCDEFGHJKLMNOPRSTUWYZ"
_PC_SECOND = "ABCDEFGHKLMNOPQRSTUVWXY"
_PC_INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def _postcode(rng):
    area = rng.choice(_PC_FIRST) + (rng.choice(_PC_SECOND) if rng.random() < 0.7 else "")
    district = str(rng.randint(1, 29))
    inward = f"{rng.randint(0, 9)}{rng.choice(_PC_INWARD)}{rng.choice(_PC_INWARD)}"
    sep = " " if rng.random() < 0.85 else ""
    return f"{area}{district}{sep}{inward}", None


_VR = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def _vehicle(rng):
    if rng.random() < 0.75:
        s = (
            rng.choice("ABCDEFGHKLMNOPRSVWY")
            + rng.choice(_VR)
            + f"{rng.randint(2, 74):02d}"
            + " "
            + "".join(rng.choice(_VR) for _ in range(3))
        )
    else:
        s = (
            rng.choice("ABCDEFGHJKLMNPRSTVWXY")
            + str(rng.randint(1, 999))
            + " "
            + "".join(rng.choice(_VR) for _ in range(3))
        )
    return s, None


_NI1 = "ABCEGHJKLMNOPRSTWXYZ"
_NI2 = "ABCEGHJKLMNPRSTWXYZ"


def _ni(rng):
    while True:
        prefix = rng.choice(_NI1) + rng.choice(_NI2)
        if prefix not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    d = [f"{rng.randint(0, 99):02d}" for _ in range(3)]
    sep = " " if rng.random() < 0.6 else ""
    return f"{prefix}{sep}{sep.join(d)}{sep}{rng.choice('ABCD')}", None


_TEMPLATES = {
    "person": [
        "{o} {x} posted the screenshot.",
        "{o} I reported it to {x} {d}.",
        "{o} {x} was the one who was targeted {d}.",
        "{o} it was {x}'s family who got the messages.",
    ],
    "supplied": [
        "{o} {x} had her address posted {d}.",
        "{o} I spoke to {x} {d}.",
        "{o} {x} said it had been going on {d}.",
    ],
    "collar_number": ["{o} the post named the officer by {x} {d}.", "{o} someone filmed {x} and shared it {d}."],
    "warrant_number": ["{o} a photo of the {x} was shared {d}.", "{o} {x} appeared in the video."],
    "handle": ["{o} the account {x} kept tagging her {d}.", "{o} messages came from {x}."],
    "url": ["{o} the profile at {x} showed his house {d}.", "{o} it was posted on {x}."],
    "email": ["{o} threats were sent to {x} {d}.", "{o} contact {x} for the referral."],
    "phone": ["{o} his mobile, {x}, was posted online {d}.", "{o} they kept ringing {x}."],
    "postcode": ["{o} the home postcode {x} was published {d}.", "{o} they lived near {x}."],
    "vehicle": ["{o} the car, registration {x}, was photographed {d}.", "{o} a picture of {x} went round."],
    "ni_number": ["{o} her NI number {x} was leaked {d}.", "{o} the form showed {x}."],
    "force": ["{o} {x} handled the complaint {d}.", "{o} she transferred from {x} {d}."],
}
_MAKERS = {
    "person": _person,
    "supplied": _supplied,
    "collar_number": _collar,
    "warrant_number": _warrant,
    "handle": _handle,
    "url": _url,
    "email": _email,
    "phone": _phone,
    "postcode": _postcode,
    "vehicle": _vehicle,
    "ni_number": _ni,
}


def planted_corpus(n_docs: int = 200, *, per_doc: int = 8, seed: int = 0):
    """Texts with planted identifiers and the truth table.

    Returns ``(texts, truth)``: a list of ``n_docs`` strings and a DataFrame
    ``document, start, end, kind, original`` (kinds as in ``redact``; supplied names are
    kind ``person``). Each document has ``per_doc`` sentences, each planting one
    identifier (kinds in rotation) among distractors.
    """
    rng = random.Random(seed)
    forces = _forces()
    kinds = list(_TEMPLATES)
    texts, truth = [], []
    k = 0
    for doc in range(n_docs):
        parts, pos = [], 0
        for _ in range(per_doc):
            kind = kinds[k % len(kinds)]
            k += 1
            if kind == "force":
                x, ident = rng.choice(forces), None
            else:
                x, ident = _MAKERS[kind](rng)
            template = rng.choice(_TEMPLATES[kind])
            o, d = rng.choice(OPENERS), rng.choice(DISTRACTORS)
            before, after = template.split("{x}")
            before = before.format(o=o, d=d)
            after = (
                after.format(o=o, d=d)
                + " "
                + rng.choice(["", f"This was {rng.choice(DISTRACTORS)}.", f"It started {d}."])
            )
            start = pos + len(before)
            if ident is not None:
                offset = x.rindex(ident)
                s, e = start + offset, start + offset + len(ident)
            else:
                s, e = start, start + len(x)
            sentence = before + x + after.rstrip() + " "
            truth.append((doc, s, e, "person" if kind == "supplied" else kind, (before + x)[s - pos : e - pos]))
            parts.append(sentence)
            pos += len(sentence)
        texts.append("".join(parts))
    return texts, pd.DataFrame(truth, columns=["document", "start", "end", "kind", "original"])
