"""Synthetic qualitative study: 50 manager interviews and 46 policy documents.

Modelled on the design of the Edinburgh Napier study of police managers (Wong, Horgan &
Aston, 2024): interviews whose themes vary with job role, team composition and personal
experience of online harm, coded with the starter codebook, a subset double-coded; policy
and guidance documents framed around misconduct and reputation or around care.

Everything is generated from a seed; the truth it was generated from is recorded:
``project.truth`` for interviews (which case has which theme, the generating
probabilities, the second coder's disagreements) and ``true_frame`` for documents.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit.paths import template
from toolkit.qual.project import QualProject
from toolkit.qual.qdpx import write_qdpx
from toolkit.synth._seed import DEFAULT_SEED

__all__ = ["make_interviews", "make_documents", "write", "THEME_MODEL"]

N_INTERVIEWS = 50
N_DOCUMENTS = 46
N_DOUBLE_CODED = 12
DISAGREEMENT_RATE = 0.2

ROLES = {  # role -> (rank band, sampling weight)
    "Sergeant": ("first-line", 0.30),
    "Inspector": ("middle", 0.28),
    "Chief Inspector": ("middle", 0.14),
    "Superintendent": ("senior", 0.10),
    "Police staff manager": ("staff", 0.18),
}
TEAMS = {"public-facing": 0.40, "investigative": 0.25, "digital/communications": 0.15, "support functions": 0.20}
P_PERSONAL_EXPERIENCE = 0.4

#: Logit model of each theme's presence in an interview:
#: intercept, then additive effects of case attributes (``attribute=value``).
THEME_MODEL: dict[str, dict[str, float]] = {
    "REC.NORM": {"_": 0.4, "team=public-facing": 1.0, "personal=yes": -0.5},
    "REC.INVIS": {"_": -0.3, "personal=yes": -1.5, "team=digital/communications": -1.0},
    "REC.FAMILY": {"_": -1.2, "personal=yes": 1.8},
    "REC.ORG.MISC": {"_": 0.6, "band=senior": 1.0, "band=middle": 0.4},
    "REC.ORG.CARE": {"_": -1.0, "personal=yes": 1.0},
    "REC.PERSONAL": {"_": -4.0, "personal=yes": 6.0},
    "REC.TEAM": {"_": -0.6, "team=public-facing": 0.8, "team=digital/communications": 1.2},
    "REC.ROLE": {"_": -1.0, "band=staff": 1.6},
    "REC.SM.ENG": {"_": -0.8, "team=digital/communications": 2.5, "band=senior": 0.6},
    "REC.SM.RISK": {"_": 0.5},
    "TRN.GAP": {"_": 1.6},
    "TRN.OFFLINE": {"_": 0.2, "band=first-line": 0.6},
    "TRN.SELFPROT": {"_": 0.0, "team=public-facing": 0.6},
    "REP.BARRIER": {"_": -0.2, "personal=yes": 0.7},
    "REP.ROUTE": {"_": 0.0},
    "REP.MISCONDUCT": {"_": -0.4, "band=middle": 0.6, "band=senior": 0.8},
    "SUP.SIGNPOST": {"_": 1.2},
    "SUP.EMOTIONAL": {"_": -0.6, "personal=yes": 1.2},
    "SUP.AVAIL": {"_": -0.2},
    "SUP.PEER": {"_": -0.4, "team=public-facing": 0.5},
}

#: Sentences that express each theme (the coded segment is the whole sentence).
PHRASES: dict[str, list[str]] = {
    "REC.NORM": [
        "Honestly, a lot of people see it as part of the job now.",
        "You grow a thick skin; it comes with the uniform, doesn't it.",
        "The abuse online is just accepted, people shrug it off as normal.",
    ],
    "REC.INVIS": [
        "It's not something that really springs to mind unless it's brought to your attention.",
        "We don't talk about online harm much, it isn't really on our radar.",
        "Nobody has ever raised it with me as a manager, so it's a bit invisible.",
    ],
    "REC.FAMILY": [
        "One of my officers had his kids' school named in a comment, and his wife was terrified.",
        "It's the families I worry about, their photos get found and shared.",
        "Someone posted where her partner worked, so it spilled over onto the family.",
    ],
    "REC.ORG.MISC": [
        "The message from the force is mostly about not bringing us into disrepute.",
        "It's framed around misconduct really, what you mustn't post and the reputational risk.",
        "Professional standards are the ones who talk about social media, and it's about conduct.",
    ],
    "REC.ORG.CARE": [
        "To be fair the wellbeing team have started talking about it as a welfare issue.",
        "I'd say the force does see it as part of our duty of care now.",
        "There is more emphasis on looking after people who are targeted online.",
    ],
    "REC.PERSONAL": [
        "It happened to me, a video of me was posted with my name and it went round for weeks.",
        "I was doxxed a few years ago, so I'm probably more alert to it than most.",
        "After my own account was impersonated I started paying much more attention.",
    ],
    "REC.TEAM": [
        "On a neighbourhood team you're out there, you're filmed every shift.",
        "My team runs the force accounts, so they take the brunt of the comments.",
        "Because of what the team does, they're more exposed than most.",
    ],
    "REC.ROLE": [
        "Staff get it differently from officers, they don't have the same protections.",
        "As an inspector I'm more visible than my sergeants ever were.",
        "It depends on the role, the call handlers get abuse that nobody sees.",
    ],
    "REC.SM.ENG": [
        "Social media is brilliant for engagement, people feel they know their local officers.",
        "We use it to build trust, it's how we reach the community now.",
        "Our accounts get messages from people who would never walk into a station.",
    ],
    "REC.SM.RISK": [
        "I tell people to keep off social media, the risk isn't worth it.",
        "Being online means being findable, and that's a risk to you.",
        "One bad post and you're in the papers, so it's a risk for all of us.",
    ],
    "TRN.GAP": [
        "I've never had any training on this as a manager, nothing at all.",
        "There was an e-learning package years ago but that's it really.",
        "The training is about what not to post, not about how to support someone.",
    ],
    "TRN.OFFLINE": [
        "I deal with it like I'd deal with any assault on an officer, same process.",
        "You fall back on what you know from the street, really.",
        "I just treat it the same as any other welfare issue.",
    ],
    "TRN.SELFPROT": [
        "I tell them to lock down their privacy settings and take family photos off.",
        "The advice is don't post in uniform and use a different name.",
        "We tell new starters to check their digital footprint before they go out.",
    ],
    "REP.BARRIER": [
        "People don't report it because they think nothing will be done.",
        "There's a worry that if you report it you'll end up being looked at yourself.",
        "They don't know who to report it to, and the platforms won't take it down.",
    ],
    "REP.ROUTE": [
        "If someone tells me, I'd record it as a crime or a non-crime incident.",
        "It would go through me and then professional standards or the local team.",
        "There's a form on the intranet now for reporting online abuse.",
    ],
    "REP.MISCONDUCT": [
        "Most of my involvement has been in misconduct referrals about what people posted.",
        "I've had to do the paperwork for a couple of professional standards cases.",
        "When it comes to online stuff it's usually me gathering evidence for a hearing.",
    ],
    "SUP.SIGNPOST": [
        "My job is to signpost them to occupational health or the wellbeing service.",
        "I point them to the Federation and the employee assistance line.",
        "I'd refer them on, TRiM or occupational health, that's the route.",
    ],
    "SUP.EMOTIONAL": [
        "I don't think emotional support is really my role, I'm not a counsellor.",
        "I see it as part of my job to sit down with them and listen.",
        "Supporting them emotionally, yes, I think that's on me as their supervisor.",
    ],
    "SUP.AVAIL": [
        "The wellbeing services are stretched and there's nothing specific for online harm.",
        "There's a waiting list for occupational health, months sometimes.",
        "I'm not sure there is any support that covers online abuse as such.",
    ],
    "SUP.PEER": [
        "The team look after each other, they'll flag it if something's been posted.",
        "We keep an eye on each other's accounts, it's a bit of peer policing really.",
        "Informally, colleagues are the first people they go to.",
    ],
}

#: Sentences that express two themes at once (coded with both).
JOINT = {
    ("REC.NORM", "REP.BARRIER"): [
        "Nobody reports it because it's seen as part of the job.",
        "They won't report it, they just think that's what you sign up for.",
    ],
    ("REC.PERSONAL", "REC.FAMILY"): [
        "When it happened to me my partner was targeted too, and that changed how I see it.",
    ],
}

QUESTIONS = {
    "recognition": "How much of an issue is online abuse of officers and staff in your team?",
    "training": "What training or guidance have you had on managing online harms?",
    "reporting": "What happens when someone is targeted online? How is it reported?",
    "support": "What support is available, and what do you see as your role?",
}
FILLER = {
    "recognition": "I can't say it's something I've thought much about, to be honest.",
    "training": "I'd have to check what's on offer, I couldn't tell you off-hand.",
    "reporting": "It hasn't really come up in my time, so I'm not sure.",
    "support": "There are the usual services, I suppose.",
}
EXTRA = [
    "They'd post things like 'we know where you live 🙂' under our appeals.",
    "It's changed a lot since I joined — the phones are everywhere now.",
    "We had a case last year, I won't go into the details.",
]
PSEUDONYMS = [
    "Alder",
    "Badger",
    "Birch",
    "Bittern",
    "Bramble",
    "Buzzard",
    "Cedar",
    "Curlew",
    "Dipper",
    "Dunlin",
    "Elm",
    "Fieldfare",
    "Finch",
    "Fox",
    "Gannet",
    "Hare",
    "Hawthorn",
    "Hazel",
    "Heron",
    "Holly",
    "Ivy",
    "Jay",
    "Juniper",
    "Kestrel",
    "Kite",
    "Lapwing",
    "Larch",
    "Linnet",
    "Maple",
    "Merlin",
    "Nightjar",
    "Oak",
    "Osprey",
    "Otter",
    "Owl",
    "Pine",
    "Plover",
    "Raven",
    "Robin",
    "Rowan",
    "Sedge",
    "Shrike",
    "Siskin",
    "Sparrow",
    "Stoat",
    "Swift",
    "Teal",
    "Thrush",
    "Willow",
    "Wren",
]


def _codebook() -> pd.DataFrame:
    return pd.read_csv(template("qual", "codebook.csv"), dtype=str, keep_default_na=False, na_values=[""])


def _a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


def _pillar(code: str) -> str:
    return {"REC": "recognition", "TRN": "training", "REP": "reporting", "SUP": "support"}[code.split(".")[0]]


def _probability(code: str, attrs: dict) -> float:
    model = THEME_MODEL[code]
    eta = model["_"] + sum(v for k, v in model.items() if k != "_" and attrs.get(k.split("=")[0]) == k.split("=")[1])
    return float(1.0 / (1.0 + np.exp(-eta)))


def _generate(seed: int):
    rng = np.random.default_rng([seed, 1])
    roles = list(ROLES)
    role_p = np.array([ROLES[r][1] for r in roles])
    teams = list(TEAMS)
    team_p = np.array(list(TEAMS.values()))
    cases, sources, segs, presence, probs = [], [], [], [], []
    for i in range(N_INTERVIEWS):
        cid, label = f"M{i + 1:02d}", f"P{i + 1:02d}"
        role = roles[rng.choice(len(roles), p=role_p / role_p.sum())]
        team = teams[rng.choice(len(teams), p=team_p / team_p.sum())]
        personal = "yes" if rng.random() < P_PERSONAL_EXPERIENCE else "no"
        attrs = {"band": ROLES[role][0], "team": team, "personal": personal}
        cases.append(
            {
                "id": cid,
                "pseudonym": PSEUDONYMS[i],
                "role": role,
                "rank_band": ROLES[role][0],
                "team_composition": team,
                "personal_experience": personal,
            }
        )
        present = {}
        for code in THEME_MODEL:
            p = _probability(code, attrs)
            present[code] = bool(rng.random() < p)
            probs.append({"case": cid, "code": code, "probability": p})
            presence.append({"case": cid, "code": code, "present": present[code]})
        # sentences per pillar: list of (sentence, [codes])
        by_pillar: dict[str, list] = {p: [] for p in QUESTIONS}
        done: set = set()
        for pair, variants in JOINT.items():
            if all(present[c] for c in pair) and rng.random() < 0.6:
                by_pillar[_pillar(pair[0])].append((variants[rng.integers(len(variants))], list(pair)))
                done.update(pair)
        for code in THEME_MODEL:
            if present[code] and code not in done:
                by_pillar[_pillar(code)].append((PHRASES[code][rng.integers(len(PHRASES[code]))], [code]))
        closing = []
        for code in THEME_MODEL:
            if present[code] and rng.random() < 0.25:
                closing.append((PHRASES[code][rng.integers(len(PHRASES[code]))], [code]))
        text = (
            f"Interviewer: Thank you for taking part. Could you describe your role and team?\n"
            f"{label}: I'm {_a(role.lower())} working with {_a(team)} team."
        )
        if rng.random() < 0.3:
            text += " " + EXTRA[rng.integers(len(EXTRA))]
        text += "\n"
        spans = []
        for pillar, question in QUESTIONS.items():
            items = by_pillar[pillar]
            order = rng.permutation(len(items))
            text += f"Interviewer: {question}\n{label}:"
            if not items:
                text += " " + FILLER[pillar]
            for k in order:
                sentence, codes = items[k]
                text += " "
                spans.append((len(text), len(text) + len(sentence), codes))
                text += sentence
            text += "\n"
        text += f"Interviewer: Is there anything else you'd like to add?\n{label}:"
        if not closing:
            text += " No, I think that covers it."
        for sentence, codes in closing:
            text += " "
            spans.append((len(text), len(text) + len(sentence), codes))
            text += sentence
        text += "\n"
        sid = f"INT{i + 1:02d}"
        sources.append({"id": sid, "kind": "interview", "name": f"Interview {label}", "text": text, "case": cid})
        for start, end, codes in spans:
            for code in codes:
                segs.append(
                    {
                        "source": sid,
                        "case": cid,
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                        "code": code,
                        "coder": "A",
                    }
                )
    seg_a = pd.DataFrame(segs)
    # second coder on a subset, disagreeing at a known rate
    double = sorted(rng.choice([c["id"] for c in cases], N_DOUBLE_CODED, replace=False).tolist())
    seg_b, changes = [], []
    leaves = list(THEME_MODEL)
    for rec in seg_a[seg_a["case"].isin(double)].to_dict("records"):
        if rng.random() < DISAGREEMENT_RATE:
            if rng.random() < 0.5:
                changes.append({**{k: rec[k] for k in ("source", "start", "end", "code")}, "change": "omitted"})
                continue
            same = [c for c in leaves if _pillar(c) == _pillar(rec["code"]) and c != rec["code"]]
            new = same[rng.integers(len(same))]
            changes.append({**{k: rec[k] for k in ("source", "start", "end", "code")}, "change": f"recoded as {new}"})
            rec = {**rec, "code": new}
        seg_b.append({**rec, "coder": "B"})
    segments = pd.concat([seg_a, pd.DataFrame(seg_b)], ignore_index=True)
    truth = {
        "seed": seed,
        "double_coded_cases": double,
        "disagreement_rate": DISAGREEMENT_RATE,
        "coder_b_changes": changes,
        "coder_b_segments_compared": int((seg_a["case"].isin(double)).sum()),
        "presence": presence,
        "probability": probs,
        "theme_model": THEME_MODEL,
    }
    return pd.DataFrame(sources), pd.DataFrame(cases), segments, truth


def make_interviews(seed: int = DEFAULT_SEED):
    """Fifty synthetic manager interviews coded with the starter codebook.

    Coder ``A`` codes all 50 interviews exactly as generated; coder ``B`` double-codes
    12 of them, omitting or recoding each segment with probability 0.2.

    Returns
    -------
    QualProject
        With a ``truth`` attribute (dict): ``presence`` (case, code, present) as generated,
        ``probability`` (case, code, probability of presence under ``THEME_MODEL``),
        ``double_coded_cases``, ``disagreement_rate``, ``coder_b_changes``.

    Examples
    --------
    >>> from toolkit.synth.qual import make_interviews
    >>> p = make_interviews(1)
    >>> len(p.sources), len(p.cases), sorted(p.segments["coder"].unique())
    (50, 50, ['A', 'B'])
    """
    sources, cases, segments, truth = _generate(seed)
    project = QualProject(sources, cases, _codebook(), segments, name="Synthetic manager interviews")
    project.truth = truth
    return project


FORCES = [f"Force {chr(65 + i)}" for i in range(20)]
DOC_TITLES = [
    "Social media policy",
    "Guidance on personal use of social media",
    "Online safety for officers and staff",
    "Standards of professional behaviour online",
    "Corporate communications: using force accounts",
    "Wellbeing and online abuse",
    "Training package: digital footprint",
]
MISC_SENT = [
    "Officers and staff must not post material that could bring the force into disrepute.",
    "Breaches of this policy may result in misconduct proceedings.",
    "Your online conduct is subject to the Standards of Professional Behaviour.",
    "Public confidence in policing depends on how you conduct yourself online.",
    "Inappropriate use of social media may lead to disciplinary action.",
    "You are personally responsible for any content you publish.",
    "Posts that damage the reputation of the organisation will be investigated.",
]
CARE_SENT = [
    "Your wellbeing matters to us, and support is available if you are targeted online.",
    "If you experience online abuse, speak to your line manager or the wellbeing team.",
    "The force has a duty of care to protect you and your family from online harm.",
    "Occupational health can offer confidential support after online harassment.",
    "We will help you remove personal information that puts you at risk.",
    "Online abuse of staff is not acceptable and will be taken seriously.",
]
NEUTRAL_SENT = [
    "This document applies to all officers, staff and volunteers.",
    "It should be read alongside the information security policy.",
    "Corporate accounts are managed by the communications department.",
    "The policy will be reviewed every two years.",
    "Definitions of terms are given in the appendix.",
]


def make_documents(seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Forty-six synthetic policy and guidance documents with a known framing.

    About 65% are framed around misconduct and reputation, the rest around care and
    wellbeing (the pattern reported by Wong, Horgan & Aston, 2024). Each document mixes
    sentences of both kinds with neutral ones; the framing is the majority kind.

    Returns
    -------
    pandas.DataFrame
        ``id, force, year, title, text, true_frame`` (``"misconduct"`` or ``"care"``),
        ``n_misconduct, n_care, n_neutral`` (sentences of each kind in the text).

    Examples
    --------
    >>> from toolkit.synth.qual import make_documents
    >>> d = make_documents(1)
    >>> d.shape[0], sorted(d["true_frame"].unique())
    (46, ['care', 'misconduct'])
    """
    rng = np.random.default_rng([seed, 2])
    rows = []
    for i in range(N_DOCUMENTS):
        frame = "misconduct" if rng.random() < 0.65 else "care"
        major, minor = rng.integers(4, 7), rng.integers(0, 3)
        n_m, n_c = (major, minor) if frame == "misconduct" else (minor, major)
        n_n = int(rng.integers(1, 4))
        sents = (
            [MISC_SENT[k] for k in rng.choice(len(MISC_SENT), n_m, replace=False)]
            + [CARE_SENT[k] for k in rng.choice(len(CARE_SENT), n_c, replace=False)]
            + [NEUTRAL_SENT[k] for k in rng.choice(len(NEUTRAL_SENT), n_n, replace=False)]
        )
        sents = [sents[k] for k in rng.permutation(len(sents))]
        title = DOC_TITLES[rng.integers(len(DOC_TITLES))]
        rows.append(
            {
                "id": f"DOC{i + 1:02d}",
                "force": FORCES[rng.integers(len(FORCES))],
                "year": int(rng.integers(2014, 2024)),
                "title": title,
                "text": title + "\n\n" + " ".join(sents) + "\n",
                "true_frame": frame,
                "n_misconduct": int(n_m),
                "n_care": int(n_c),
                "n_neutral": n_n,
            }
        )
    return pd.DataFrame(rows)


def write(outdir, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write the qualitative demo study under ``outdir/qual/``.

    Files: ``interviews.qdpx`` (REFI-QDA project), the four CSV tables (``interviews/``),
    plain-text transcripts (``transcripts/P01.txt`` ...), ``documents.csv`` and
    ``truth.json``.
    """
    folder = Path(outdir) / "qual"
    folder.mkdir(parents=True, exist_ok=True)
    project = make_interviews(seed)
    docs = make_documents(seed)
    paths = [write_qdpx(project, folder / "interviews.qdpx")]
    paths += project.to_csv(folder / "interviews")
    tdir = folder / "transcripts"
    tdir.mkdir(exist_ok=True)
    for name, text in zip(project.sources["name"], project.sources["text"]):
        path = tdir / f"{name.split()[-1]}.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    docs.to_csv(folder / "documents.csv", index=False, lineterminator="\n")
    paths.append(folder / "documents.csv")
    truth = dict(project.truth)
    truth["documents"] = docs[["id", "true_frame", "n_misconduct", "n_care", "n_neutral"]].to_dict("records")
    (folder / "truth.json").write_text(json.dumps(truth, indent=1, default=float), encoding="utf-8")
    paths.append(folder / "truth.json")
    return paths
