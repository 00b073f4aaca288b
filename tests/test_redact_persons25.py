"""Round 25 rules of ``toolkit/qual/_id_persons.py``: a nickname said before "that's what
they call me", a name after "calls me," or "knows me as", a full name in apposition after a
role ("mine, Nick Farrow,"), "Surname, Initial." in a list, a town before a given name as a
nickname, a name written wrong after "spelt it", pets listed together, and a royal's title
before a given name, with look-alikes that must stay.

Every sentence here was written for these tests (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from _redact_helpers import persons

from toolkit.qual.redact import redact

_persons = persons


@pytest.mark.parametrize(
    "text, gone",
    [
        # the nickname first, then "that's what ... call(s) me"
        ("Spud, that's what the whole shift calls me, even the inspector.", "Spud"),
        ("Yeah, Noddy, that's what they called him at training school.", "Noddy"),
        ('"Tigs" -- that was what the lads called her on the relief.', "Tigs"),
        ("Bazza, which is what I get called at work, was on the post.", "Bazza"),
        ("Dibsy, that's my nickname, it's even on my mug.", "Dibsy"),
        # the name after a pause, or after "knows me as"
        ("Everyone calls me, erm, Smudge, because of the fingerprint powder.", "Smudge"),
        ("The whole station knew him as Tigger.", "Tigger"),
        ("Half the town knows me as Scoops now.", "Scoops"),
    ],
)
def test_round25_nickname_said_with_what_they_call_me(text, gone):
    assert gone not in redact(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Coward, that's what they called me, for going sick.",
        "Anyway, that's what they call me now, I don't mind.",
        "Honestly, that's what he called me in front of everyone.",
        "Nain, that's what I call her, she's my gran.",
        "Sarge, that's what they call me since the promotion.",
        "Monday, that's what it was called, the meeting.",
    ],
)
def test_round25_what_they_call_me_look_alikes_stay(text):
    assert "[Person" not in redact(text)[0]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Depends on your inspector; mine, Nick Farrow, was brilliant.", "Nick Farrow"),
        ("My tutor, Dawn Reed, told me to screenshot everything.", "Dawn Reed"),
        ("Our skipper at the time, Joy Bell, took it to PSD herself.", "Joy Bell"),
        ("My neighbour, Rose Wood, saw them filming the house.", "Rose Wood"),
    ],
)
def test_round25_full_name_in_apposition_after_a_role(text, name):
    assert name in _persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "My favourite, Summer Fruits, was sold out again.",
        "My team, Major Crime, picked the job up.",
        "Mine, Sweet Chilli, was the best flavour by miles.",
    ],
)
def test_round25_apposition_look_alikes_stay(text):
    assert "[Person" not in redact(text)[0]


@pytest.mark.parametrize(
    "text, name",
    [
        ("There was Lowe, Gemma, Pratt, Dean and Reid, A., all on my team.", "Reid, A."),
        ("The list had Shaw, J., Patel, R. and Hussain, M. on it.", "Patel, R."),
        ("The rota said Wood, A., Hill, B. and Stone, C. for nights.", "Hill, B."),
        ("The statement was signed Okoro, T. J. and dated the Monday.", "Okoro, T. J."),
    ],
)
def test_round25_surname_comma_initial(text, name):
    assert name in _persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "We moved to Leeds, W. Yorkshire, in 2010.",
        "It happened in May, A. bit later than we thought.",
        "I said to Sarge, X. marks the spot, as a joke.",
    ],
)
def test_round25_surname_comma_initial_look_alikes_stay(text):
    assert not [p for p in _persons(text) if "." in p]


@pytest.mark.parametrize(
    "text, name",
    [
        ('One said "we know where Barnsley Brian drinks". That\'s what the pickets called me.', "Barnsley Brian"),
        ("They called him Wigan Pete, there were three Petes on the shift.", "Wigan Pete"),
        ("On that page I'm Swansea Gareth, that's my nickname from rugby.", "Swansea Gareth"),
    ],
)
def test_round25_town_before_a_given_name_as_a_nickname(text, name):
    assert name in _persons(text)


def test_round25_town_before_a_name_without_a_nickname_stays_a_town():
    persons = _persons("We went over to Hull, Brian and me, that's what they called us.")
    assert not [p for p in persons if "Hull" in p]
    assert not [p for p in _persons("I drove to Leeds Brian said, and he called me later.") if "Leeds" in p]


@pytest.mark.parametrize(
    "text, gone",
    [
        ('"kate mcallister is bent" and they spelt it "mcalister" in the next one, "mcalister out".', "mcalister"),
        ("My name's Siobhan McKenzie and they spelled my name Mckenzy all the way through.", "Mckenzy"),
        ('PC Joanne Baxter, they wrote it as "Backster" just to mock her.', "Backster"),
    ],
)
def test_round25_name_written_wrong(text, gone):
    assert gone not in redact(text)[0]


def test_round25_spelt_it_look_alikes_stay():
    assert "prise" in redact('DS Price, they put it "prise", as in prise open.')[0]
    assert "holly" in redact("Sergeant Hollins, they spelt it wrong, they spelt it as in holly.")[0]


@pytest.mark.parametrize(
    "text, pet",
    [
        ("Me, the wife and the two dogs, Hazel and Biscuit, and they knew that.", "Hazel"),
        ("Me, the wife and the two dogs, Hazel and Biscuit, and they knew that.", "Biscuit"),
        ("Our cats are called Luna and Milo, and they posted that too.", "Milo"),
        ("We've got the dogs, Rolo, Bella and Max, and they walk them past.", "Bella"),
        ("Bella and Max, that's our dogs, were in the garden when it came.", "Bella"),
    ],
)
def test_round25_pets_listed_together_are_no_persons(text, pet):
    assert pet in redact(text)[0]


@pytest.mark.parametrize(
    "text, gone",
    [
        ("I went with the sergeant, Karen and Dave to the door.", "Karen"),
        ("It was me and the dog, Dave came later on.", "Dave"),
        ("My wife, Karen and the kids were at home.", "Karen"),
    ],
)
def test_round25_persons_near_pets_stay_persons(text, gone):
    assert gone not in redact(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "My NHS number came from a letter after my op at the Queen Elizabeth.",
        "We drank in the King Edward after late shifts.",
        "It was on the news the day Prince Philip died.",
    ],
)
def test_round25_royal_title_before_a_given_name_is_no_person(text):
    assert "[Person" not in redact(text)[0]


def test_round25_given_name_prince_is_still_a_person():
    assert "Adeyemi" not in redact("My son Prince Adeyemi came home crying.")[0]


@pytest.mark.parametrize(
    "text, name",
    [
        ("My mentor was Grace Hopper, lovely woman, retired now.", "Grace Hopper"),
        ("My neighbour is Rose Wood and she saw the whole thing.", "Rose Wood"),
        ("Mine was Nick Farrow.", "Nick Farrow"),
    ],
)
def test_round25_full_name_after_my_role_was(text, name):
    assert name in _persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "My favourite was Summer Fruits, the squash.",
        "My team was Major Crime and then CID.",
    ],
)
def test_round25_my_role_was_look_alikes_stay(text):
    assert "[Person" not in redact(text)[0]


@pytest.mark.parametrize(
    "text, name",
    [
        ("I'll just call her Mrs B, she lives two doors down.", "Mrs B"),
        ("The neighbour, Mrs J., said she saw nothing.", "Mrs J."),
        ("Mr T from over the road filmed the whole thing.", "Mr T"),
        ("It was DC H who took my statement, I won't say the name.", "DC H"),
        ("Mrs K's lad was the one who shared it.", "Mrs K"),
    ],
)
def test_round25_title_and_one_initial(text, name):
    assert name in _persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "The PC I was crewed with saw it too.",
        "I became a PC. A year later it all started.",
        "We had a Plan B and a Vitamin D tablet.",
        "He was a Sergeant E-grade then, on the old scales.",
        "I was a Sergeant B shift then, nights mostly.",
    ],
)
def test_round25_title_and_one_initial_look_alikes_stay(text):
    assert "[Person" not in redact(text)[0]


def test_round25_title_initial_leaves_a_full_name_whole():
    assert "A. J. Okafor" in " ".join(_persons("Referee: Mr A. J. Okafor, 4 Mill Lane."))


@pytest.mark.parametrize(
    "text, name",
    [
        ('They wrote "we know where Saffron lives" under the photo.', "Saffron"),
        ("Somebody found out where Sunny works, at the garage.", "Sunny"),
        ('"Ask Bryony where she parks", and then "we know where Rowan sleeps".', "Rowan"),
    ],
)
def test_round25_know_where_someone_lives(text, name):
    assert name in _persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "I don't know where Tesco parks the lorries.",
        "Tell him where Mum lives, he's forgotten.",
        "Nobody knows where Monday went, honestly.",
    ],
)
def test_round25_know_where_look_alikes_stay(text):
    assert "[Person" not in redact(text)[0]


@pytest.mark.parametrize(
    "text, name",
    [
        ("There were three of them and one was Stevie G.", "Stevie G"),
        ("I was crewed with Chris B. that night.", "Chris B"),
    ],
)
def test_round25_given_name_and_initial_ending_a_sentence(text, name):
    assert name in _persons(text)


def test_round25_plan_b_stays():
    assert "[Person" not in redact("We had a Plan B. It didn't work either.")[0]


@pytest.mark.parametrize(
    "text, gone",
    [
        ('Someone commented "thats hollie\'s mum, the copper".', "hollie"),
        ("The reply was \"that's kayleigh's dad, the pig\".", "kayleigh"),
        ('The post said "thats jaydens mum the pig".', "jaydens"),
    ],
)
def test_round25_lower_case_name_with_a_possessive_in_a_message(text, gone):
    assert gone not in redact(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        'The post said "its the pigs mum\'s house".',
        "\"tell will's dad he's next\" was the message.",
        '"the coppers mum lives round here" they put.',
    ],
)
def test_round25_lower_case_possessive_look_alikes_stay(text):
    assert "[Person" not in redact(text)[0]


@pytest.mark.parametrize(
    "text, name",
    [
        ("And then his mate, who they call Scouse Dave, joined in.", "Scouse Dave"),
        ("Everyone on the unit knew him as Geordie Pete.", "Geordie Pete"),
    ],
)
def test_round25_where_from_before_a_given_name_as_a_nickname(text, name):
    assert name in _persons(text)


def test_round25_where_from_without_a_nickname_stays_out():
    assert "Irish" not in " ".join(_persons("The Irish lad, Sean, rang me about it."))


@pytest.mark.parametrize(
    "text, name",
    [
        ("My nickname at work is Mitch, short for Mitchell.", "Mitch"),
        ("My nickname on the shift was Tigs.", "Tigs"),
        ("His nickname's Bomber, don't ask.", "Bomber"),
        ('Her nickname was "Big Sal" on the relief.', "Big Sal"),
    ],
)
def test_round25_my_nickname_is(text, name):
    assert name in _persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "My nickname was Pig at school, kids are cruel.",
        "My nickname is Sarge now, since the board.",
        "His nickname's Anyway, no, I'm joking, he hasn't got one.",
    ],
)
def test_round25_my_nickname_look_alikes_stay(text):
    assert "[Person" not in redact(text)[0]
