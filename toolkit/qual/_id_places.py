"""Places: workplaces, schools, addresses and stations named in forms the main patterns miss.

Called by :func:`toolkit.qual._identifiers.find_identifiers`: :func:`find` before the
overlaps are resolved (it calls ``add((start, end, kind, identity))`` for each candidate),
:func:`revise` on the resolved list at the end (it may drop or change candidates and
returns the list, non-overlapping).

Classes of phrasing covered (issue 12, the revision on corpora M and N):

* an employer and its branch or site said after "at": "at <Name> in <Town>", "at the
  <Name> <site> in <Town>", "works for <Name> at the <Town> depot", "at the <Town> delivery
  office" (a site noun: depot, plant, warehouse, workshop, head office...); taken as a
  workplace when a site, a chain, a name no other rule found ("The Plough") or work said in
  the sentence goes with it ("I've been at Halesowen in Dudley" stays two places); a named
  workplace or school followed by "in/on <candidate>" (a shop or site word between
  allowed) is one identifier with it, and a station with "in <town>" (as "X police
  station in Y" already is);
* a business in apposition to "her own place", practices named with a descriptor ("<Name>
  Medical Practice", "<Name> Dental Care"), names ending in a trade noun the main patterns
  lack ("Tyne Valley Brewery", "Bluebell Catering"; a nationality alone is no name);
* a chain named as a branch once ("works at B&Q at <Town>") and again alone as a place
  ("see you in B&Q", "on the Asda bakery"); a colleague after "works with" is a person;
* address lines before a postcode or after "my address", "house name", "my road", "house
  is called", "moved to <number>" (house names, Welsh and Scottish forms, "2/1" and "3F1"
  flats, a town named like a person inside the line), Welsh street words before the name
  ("Heol y ...", "Lôn ..."), a care home and its room ("<Name>, room 14"), house names
  before a street ("Rose Cottage, Mill Lane") and said again alone;
* schools: Welsh "Ysgol y ..." and "Coleg ...", "... for Boys/Girls", a school in
  apposition to "nursery", "St X's" after a child "is at", "Year 9 at X", names ending in
  Family, Cross, Heart...; schools found by another rule given the kind school; fire and
  ambulance stations and named shops are workplaces;
* stations: "the <unit> hub/unit/department at <Place>"; a street named in an officer's
  description of their work is a station ("a DC in X Police, Euston Street"), not an
  address; a name joined by "and" to a street or station takes its kind.

The revision on T's misses (places19): a policing unit said by its capitalised name with no
article ("at Force Intelligence Bureau", "from Digital Media Investigation Unit", "Analyst,
X Bureau, Y Police"; with an article a unit named only by its function stays, as the
corpora before Q annotate it) and a control room named by a capitalised word ("the Force
Control Room"); a station, school or address said as a sentence of its own after the noun
of its kind ("from my station. Hammersmith.", "Going to uni. Keele,", "my address in the
comments. Whitley Bay."); places as fields of list rows beside an officer's collar number
or plate; a message sent to everyone at a place; church schools with their kind ("St
Cuthbert's RC High"), schools named by their pupils with "School", Welsh names with "y",
a king's numeral, a school after "where my son goes,"; nursery chains with their branch;
a chain and its town either side with work said ("the Bridport Co-op ... second job", "B&Q
Aintree"); site nouns (steelworks, refinery, shipyard ...); a form's "Address:" field and a
house name of ordinary words before an address. Look-alikes: "<Town> way" (an area), a
site denied as a workplace said again, "on t' drive", a platform as an address, a unit
after "moved to" ("Dog Unit").

And look-alikes: map and storage products named with street words ("Street View",
"Google Drive"), national police bodies ("the Police Treatment Centres"), departments
("the People Directorate"), events ("the Highland Games"), a town before a newspaper's
title word ("the Bristol Post"), a kind of school with no name ("the Day Nursery"),
ordinary words before a capitalised common word ("at Head Office"), a speaker after an
address line ("Camden Road, Sarah said").
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from toolkit.qual import _id_windows as _win
from toolkit.qual import _identifiers as _ids

_UP, _LO = _ids._UP, _ids._LO
#: A capitalised word of a name: "Tŷ'r", "Tany's", "Betws-y-Coed", "B&Q", "Middleton-in-Teesdale".
_AW = (
    rf"(?:[{_UP}]&[{_UP}]|(?:Mc|Mac|O['’])?[{_UP}][{_LO}]+(?:['’][{_LO}]+)?"
    rf"(?:-(?:[{_LO}]+-)*[{_UP}][{_LO}]+)*)(?![\w&'’-])"
)
#: Small words inside names ("Heol y Felin", "Newton le Willows", "Bank of Scotland").
_JOIN = r"(?:y|yr|de|la|le|on|upon|the|of|under|in|by|and|&)"
_NAME = rf"{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,3}}"
#: Sites of an employer, said after its name ("the Ford engine plant", "the Hexham delivery
#: office"): the lower-case words are part of the workplace's name.
_SITE_NOUN = (
    r"(?:depot|plant|factory|warehouse|workshop|creamery|dairy|brewery|distillery|mill|quarry|"
    r"head\s+office|delivery\s+office|sorting\s+office|offices|distribution\s+centre|"
    r"fulfilment\s+centre|call\s+centre|ambulance\s+station|fire\s+station|branch|superstore|"
    r"steelworks|ironworks|brickworks|refinery|shipyard|dockyard|boatyard|colliery|foundry|abattoir|"
    r"sawmill|power\s+station|store|yard|site)"
)
_SITE = rf"(?:\s+(?:[a-z]+\s+)?{_SITE_NOUN})"
#: The same, without the nouns that say little alone after a town ("the Leeds site").
_SITE_STRONG = (
    r"(?:\s+(?:[a-z]+\s+)?(?:depot|plant|factory|warehouse|workshop|creamery|dairy|brewery|"
    r"distillery|head\s+office|delivery\s+office|sorting\s+office|distribution\s+centre|"
    r"fulfilment\s+centre|call\s+centre|ambulance\s+station|fire\s+station|steelworks|ironworks|"
    r"brickworks|refinery|shipyard|dockyard|boatyard|colliery|foundry|abattoir|sawmill|power\s+station))"
)
_TOWN = rf"{_ids._CAP}(?:\s+{_ids._CAP}){{0,2}}"
#: "at <Name> in <Town>", "at the <Name> plant in <Town>", "works for <Name> at the <Town> depot".
AT_IN = re.compile(
    r"(?:(?<![\w'’-])at|\b(?:work(?:s|ed|ing)?|driv(?:es|ing)|drove|volunteer(?:s|ed|ing)?)\s+(?:for|with))"
    rf"\s+(?:(?P<the>the)\s+)?(?P<name>(?:The\s+)?{_NAME})(?P<site>{_SITE})?"
    rf"\s+(?:in|on|at)\s+(?:the\s+)?(?P<town>{_TOWN}(?:\s+[a-z][A-Z][a-z]+)?)(?P<site2>{_SITE})?(?![\w'’-])"
)
#: "at the Hexham delivery office", "based out of Inverness ambulance station".
AT_SITE = re.compile(rf"(?:(?<![\w'’-])at|\bout\s+of|\bfrom)\s+(?:the\s+)?(?P<name>{_NAME})(?P<site>{_SITE_STRONG})\b")
#: "her own little place, Cutting Edge in Blackwood": a business in apposition.
OWN_PLACE = re.compile(
    r"\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+own\s+(?:(?:little|small|new)\s+)?"
    rf"(?:place|business|shop|salon|firm|company|practice)\s*,\s+(?P<name>{_NAME})"
    rf"(?:\s+(?:in|on)\s+(?:the\s+)?(?P<town>{_TOWN}))?"
)
#: "Riverside Medical Practice", "Smile Dental Care": a practice named with a descriptor.
_PRACTICE_HIT = re.compile(r"(?:Medical|Dental|Health|Family|Veterinary|Vet|GP|Eye)\s+(?:Practice|Care|Group)\b")
#: Trade nouns that end a business's name, beside those the main patterns know
#: ("Tyne Valley Brewery", "Bluebell Catering", "Ink Well Tattoo").
TRADE_WORDS = frozenset(
    """Brewery Distillery Dairy Dairies Creamery Catering Caterers Laundrette Launderette Cobblers
    Tattoo Tattoos Aesthetics Lashes Grooming Tiling Flooring Plastering Fencing Paving Driveways
    Blinds Accountancy Bookkeeping Mortgages Conveyancing Restaurant Diner Steakhouse Patisserie
    Boutique Spa Dentistry Orthodontics Tuition Photography Printing Motorcycles Cycles Aquatics
    Antiques Furnishings Butchery Fishmongers Greengrocers Grocers Vintners Bookshop Tearoom
    Carvery Pizzeria Trattoria Barbershop Hairdressers Vapes""".split()
)
_TRADE_HIT = re.compile(r"(?<=\s)(?=[A-Z])(?:" + "|".join(sorted(TRADE_WORDS, key=len, reverse=True)) + r")(?![\w'’-])")
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_AW})(?:\s+(?:(?:&|and)\s+)?{_AW}){{0,3}}\s+$")
#: Welsh streets and schools, the noun first: "Heol y Parc", "Lôn Nant", "Ysgol y Preseli".
WELSH_STREET = re.compile(
    rf"(?<![\w'’-])(?:\d{{1,4}}\s+)?(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Cilgant|Teras)\s+(?:(?:y|yr)\s+)?{_AW}"
    rf"(?:\s+{_AW})?(?:,\s+(?P<town>{_AW}(?:\s+{_AW})?))?"
)
WELSH_SCHOOL = re.compile(rf"(?<![\w'’-])(?:Ysgol|Coleg)\s+(?:(?:y|yr)\s+)?{_AW}(?:\s+(?:(?:y|yr)\s+)?{_AW}){{0,3}}")
#: Welsh businesses, the noun first: "Siop y Pentre", "Caffi'r Cei", "Tafarn y Fic".
WELSH_BUSINESS = re.compile(
    rf"(?<![\w'’-])(?:Siop|Caffi|Caffi['’]r|Tafarn|Gwesty|Garej|Fferyllfa|Becws|Bwyty|Meithrinfa)"
    rf"\s+(?:(?:y|yr)\s+)?{_AW}(?:\s+(?:(?:y|yr)\s+)?{_AW}){{0,2}}"
)
#: Welsh house names, "house" first: "Tŷ Gwyn", "Tŷ'r Ywen", "Tŷ Newydd".
WELSH_HOUSE = re.compile(rf"(?<![\w'’-])Tŷ(?:['’]r)?\s+(?:(?:y|yr)\s+)?{_AW}(?:\s+{_AW})?")
#: A business in apposition to what it is: "Amber's Kitchen, her café", "Glow, my salon".
BUSINESS_APPOS = re.compile(
    rf"(?<![\w'’-])(?P<name>{_NAME}),\s+(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+(?:own\s+)?(?:little\s+)?"
    r"(?:café|cafe|shop|salon|pub|restaurant|bakery|business|takeaway|bar|florist['’]s|florist|firm|"
    r"company|garage|studio|gym|nursery|practice|surgery|deli|bistro|boutique)(?![\w'’-])"
)
#: A school on a form, after its label: "School: Park View", "Children's school(s): St Bede's".
SCHOOL_LABEL = re.compile(
    rf"(?i:school(?:\(s\)|s)?)\s*:\s+(?P<name>(?:(?:St\.?|Saint)\s+)?{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,3}})"
)
#: "Our Lady of Lourdes", "Our Lady and St Joseph", "Our Lady's": a Catholic school (or its church).
OUR_LADY = re.compile(
    rf"\bOur\s+Lady(?:['’]s|\s+(?:of|and|&)\s+(?:the\s+)?(?:(?:St\.?|Saint)\s+)?{_AW}(?:\s+{_AW}){{0,2}})"
)
_SCHOOL_SENTENCE = re.compile(
    r"(?i:\b(?:school|primary|pupils?|teachers?|head\s*teacher|the\s+head|playground|year\s+\d{1,2}|"
    r"reception\s+class|kids|son|daughter|grandson|granddaughter)\b)"
)
#: "<Name>, room 14": a room in a care home, a hostel, halls.
_ROOM_HIT = re.compile(r"[Rr]oom\s+\d{1,4}[A-Za-z]?\b")
_ROOM_NAME = re.compile(rf"(?<![\w'’-])(?P<name>{_AW}(?:\s+{_AW}){{0,2}}),?\s+$")
#: "the safeguarding hub at Tunbridge Wells": a unit's base.
UNIT_AT = re.compile(
    r"\b(?:hub|unit|units|department|squad|desk|suite)\s+(?:at|in|out\s+of)\s+(?:the\s+)?"
    rf"(?P<place>{_ids._CAP}(?:\s+{_ids._CAP}){{0,2}})"
)
#: The answer's speaker and what may open it before the name: "P: Aye, St Leonard's",
#: "Respondent: Erm, Heaton Manor." (the name stops at a stop, a comma or a dash, or ends it).
_QA_SPEAKER = r"(?:Respondent|Interviewee|Participant|R|A|P\d{0,3})\s*:\s+"
_QA_OPENER = r"(?:(?:Aye|Yes|Yeah|Yep|Yup|Erm|Er|Um|Oh|Well|Mm|Mhm|It\s+did|They\s+did|It\s+was),?\s+)*"


def _qa_name(most):
    """The name that opens an answer, of one to ``most`` + 1 words (see :data:`_QA_OPENER`)."""
    return (
        rf"{_QA_OPENER}(?P<name>(?:(?:St\.?|Saint)\s+)?{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,{most}}})"
        r"(?=\s*[.,;!]|\s+[-–—]|\s*$)"
    )


_QA_NAME = _qa_name(3)
_QA_NOUN = r"(?P<noun>school|college|nursery|academy|station|nick|street|road|estate|company|firm|shop|employer)"
#: A place named in the answer to a question asking which one: "Which school was it?
#: Respondent: Heaton Manor.", or whether something named it: "And did it name the station?
#: P: Aye, St Leonard's", "Did they say which nick? P: Yeah, Bootle Street." (a "No" answer names none).
QA_WHICH = re.compile(
    rf"(?i:\b(?:which|what|(?:name|named|names|say|said|mention|mentioned|give|gave|put|show|showed)"
    rf"\s+(?:the|your|his|her|their|our|my|which|what)(?:\s+[a-z]+)?)\s+{_QA_NOUN})\b"
    rf"[^?.!\n]{{0,40}}\?\s+{_QA_SPEAKER}{_QA_NAME}"
)
#: A station said in the answer to a question asking where an officer is based: "I: And
#: where are you based? P: Aykley Heads." (the answer opens with the name and stops after it).
QA_BASED = re.compile(
    r"(?i:\bwhere\s+(?:are|were|is)\s+(?:you|he|she|they)\s+(?:based|stationed|posted|working\s+out\s+of))"
    rf"(?:\s+now|\s+then|\s+at\s+the\s+moment)?\s*\?\s+{_QA_SPEAKER}{_QA_NAME}"
)
#: A school named by a plural possessive ("Bishops' Blue Coat", "Merchant Taylors' Girls'
#: School", "Haberdashers' Aske's"): after "school," / "school is", or ending in a school's tail.
PLURAL_POSS_SCHOOL = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_AW}\s+){{0,2}}[{_UP}][{_LO}]+s['’](?:\s+(?:Girls['’]|Boys['’]|{_AW})){{1,3}})"
)
_NOT_SCHOOL_OWNERS = frozenset(
    """Kids Children Parents Teachers Pupils Students Sisters Brothers Grandparents Friends
    Others Years Weeks Months Days Ladies Mens Womens Officers Members Neighbours""".split()
)
#: A school named, then said to be someone's: "Little Acorns is his nursery", "Westfield's
#: her school now", "Kingsmead was our primary" (the noun ends the clause: not "Sarah is my
#: school friend").
SCHOOL_IS_HERS = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:(?:St\.?|Saint)\s+)?{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,3}})"
    r"(?:(?<=['’]s)|\s+is|\s+was|\s+has\s+been|\s+had\s+been)\s+(?:still\s+|now\s+)?"
    r"(?:his|her|my|their|our|your|the\s+(?:kids|children|girls|boys)['’]s?|(?:my|his|her|our|their)\s+"
    r"(?:son|daughter|grandson|granddaughter|lad|girl|boy|kids|kid|youngest|eldest)['’]s)\s+"
    r"(?:(?:old|new|little|current|first|last|local|primary|secondary|high|nursery|infant|junior|sixth\s+form)\s+)?"
    r"(?P<noun>nursery|school|primary|pre-school|preschool|playgroup|academy|college|sixth\s+form|infants|juniors)"
    r"(?=\s*[.,;:!?\"”)]|\s*$|\s+(?:and|but|so|now|too|then|really|though|anyway|as\s+well|for|until|till|since|"
    r"before|when|where|which|back|these\s+days|this\s+year|last\s+year)\b)"
)
_SCHOOL_IS_NOUNS = (
    " nursery",
    " school",
    " primary",
    " pre-school",
    " preschool",
    " playgroup",
    " academy",
    " college",
)
_SCHOOL_SAID_BEFORE = re.compile(r"\b(?:school|college|academy)\s*(?:,|\s+(?:is|was|called))\s+$")
#: Large employers that are no shop chain, said as where someone is: "he's at JCB in
#: Rocester", "used to be at Royal Mail in Peckham" (after a verb of being or working, a job,
#: "a postie, with Royal Mail", or a part of the site, "the switchboard at JCB").
EMPLOYERS = (
    "Royal Mail",
    "Network Rail",
    "British Gas",
    "British Airways",
    "Jaguar Land Rover",
    "Rolls-Royce",
    "Openreach",
    "JCB",
    "Nissan",
    "Airbus",
    "Arriva",
    "Stagecoach",
)
EMPLOYER_AT = re.compile(
    r"(?:(?:['’]s|\bis|\bwas|\bbe|\bbeen|\bworks?|\bworked|\bworking|\bjob)"
    r"|\b(?:a|an)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+,?|\b(?:switchboard|reception|canteen|depot|office|site|plant)"
    rf"|\b(?i:postman|postwoman|postie|{_ids._alternation(_ids._OCCUPATIONS)}))"
    r"\s+(?:at|with|for)\s+"
    rf"(?P<name>(?:{'|'.join(EMPLOYERS)})(?:\s+{_AW})?)(?![\w'’&-])"
    rf"(?:\s+(?:in|on|at)\s+(?P<town>{_TOWN}))?"
)
_WORKS_CHAINS = _ids.CHAINS - {"Heron", "Subway", "Iceland", "Nationwide", "Amazon"}
#: A chain said straight after "works" with its branch: "she works Tesco Extra Upper Boat".
WORKS_CHAIN = re.compile(
    r"\b(?:works|worked|working)\s+"
    rf"(?P<name>(?:{'|'.join(re.escape(c) for c in sorted(_WORKS_CHAINS, key=len, reverse=True))})"
    rf"(?:\s+{_AW}){{0,3}})(?![\w'’&-])"
)
#: A home said in the answer to a question asking where someone lives: "I: Whereabouts do you
#: live? P: Walthamstow.", "Where do you live, if you're happy to say? P: Garforth, LS25",
#: "And where did you live at the time? P: Queensbury. Still do.", "Where's home? P: Erm, Leek."
QA_LIVES = re.compile(
    r"(?i:\bwhere(?:abouts)?\s+(?:do|did|does|are|were|was|is)\s+(?:you|you\s+all|they|he|she|"
    r"(?:your|his|her|their)\s+[a-z]+)\s+(?:live|living|stay|staying)\b"
    r"|\bwhere(?:['’]s|\s+is|\s+was)\s+home\b"
    r"|\b(?:what|which)\s+(?:town|village|area|city|suburb)\s+(?:do|did|does|are|were)\s+(?:you|they|he|she)"
    r"\s+(?:live|living|stay|staying)\s+in\b)"
    rf"[^?.!\n]{{0,50}}\?\s+{_QA_SPEAKER}{_qa_name(2)}"
)
#: A house said by its number and street: "the woman at number 6 on Old Church Road".
NUMBER_ON_STREET = re.compile(
    rf"\b[Nn]umber\s+(?P<num>\d{{1,4}}[A-Za-z]?)\s+(?:on|in)\s+(?:the\s+)?(?:{_AW}\s+){{1,3}}{_ids._STREET}(?![\w'’-])"
)
#: A place said as a sentence of its own after the noun of its kind: "officers from my
#: station. Hammersmith.", "Going to uni. Keele, hopefully." (the name stops there).
KIND_THEN_NAME = re.compile(
    r"\b(?P<noun>station|nick|uni|university|college|school|nursery|address(?:\s+[a-z]+){0,4}?)\s*[.:]\s+"
    rf"(?P<name>(?:(?:St\.?|Saint)\s+)?{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,3}})(?=\s*[.,;!?]|\s+[-–—])"
)
#: A message sent to everyone at a place: "an e-mail sent to the whole of Cardiff Bay", "it
#: went round everyone at Beaumont Leys" (its recipients' workplace, a station in policing).
SENT_TO_ALL = re.compile(
    r"\b(?:sent|went|emailed|e-mailed|forwarded|circulated|copied|cc['’]?d)\s+(?:out\s+|round\s+)?"
    r"(?:to\s+)?(?:the\s+whole\s+of|everyone\s+(?:at|in)|everybody\s+(?:at|in)|all\s+of)\s+"
    rf"(?P<place>{_TOWN})"
)
_POLICE_TEXT = re.compile(
    r"(?i:\b(?:station|nick|officers?|PCs?|PCSOs?|sergeant|inspector|police|force|shift|custody)\b)"
)
#: A school said after where a child goes: "where my grandson goes, Hethersett Old Hall,".
CHILD_GOES = re.compile(
    r"\b(?:son|daughter|grandson|granddaughter|kids?|children|lad|girl|boy|youngest|eldest|stepson|stepdaughter)"
    r"(?:['’]s)?\s+(?:goes|go|went|attends|attended)\s*,\s+"
    rf"(?P<name>(?:(?:St\.?|Saint)\s+)?{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,3}})(?=\s*[.,;!?]|\s+[-–—])"
)
#: An employer placed by a lower-case street before "where ... works": "the Wetherspoons on
#: the high street where my son works".
WHERE_WORKS_STREET = re.compile(
    rf"(?<![\w'’-])(?P<name>{_AW}(?:\s+{_AW}){{0,2}})\s+(?:on|in)\s+the\s+"
    r"(?:high\s+street|main\s+road|[a-z]+\s+(?:road|street|estate|precinct|retail\s+park))"
    r"\s*,?\s+where\s+(?:[\w’']+\s+){1,3}?(?:works?|worked|is\s+employed)\b"
)
_QA_KIND = {"station": "station", "nick": "station", "street": "address", "road": "address", "estate": "address"}
_QA_KIND.update(dict.fromkeys(("company", "firm", "shop", "employer"), "workplace"))
#: A station named by the team an officer runs or is on: "ran Wigan North neighbourhoods",
#: "I'm on Skelmersdale response".
PLACE_TEAM = re.compile(
    r"\b(?i:ran|runs?|running|manag(?:e|es|ed|ing)|on|covered|covering)\s+"
    rf"(?P<place>{_ids._CAP}(?:\s+{_ids._CAP}){{0,2}})\s+"
    r"(?:neighbourhoods?|response|CID|custody|nights|lates|earlies)(?![\w'’-])"
)
#: After an address, its landmark and town: "lives in Rose Villa by the chapel in Llanrug".
_LANDMARK_IN = re.compile(r"\s+(?:by|near|behind|opposite|beside|next\s+to)\s+the\s+[a-z]+(?:\s+[a-z]+)?\s+in\s+$")
#: A unit named by its initials and its base: "DMIU at Carr Gate", "the PPU at Bootle" (a
#: unit's initials end in U, for Unit; ranks, forces and departments are other rules').
ACRONYM_UNIT_AT = re.compile(
    rf"(?<![\w'’&/.-])(?P<unit>[A-Z]{{2,5}}U)\s+(?:at|in|out\s+of)\s+(?:the\s+)?"
    rf"(?P<place>{_ids._CAP}(?:\s+{_ids._CAP}){{0,2}})"
)
#: A unit said by its capitalised name, as a name is said (no article): "at Force Intelligence
#: Bureau", "the lad from Digital Media Investigation Unit", "Analyst, Force Intelligence
#: Bureau, Cleveland Police", "Department: Operational Support Unit". With an article ("the
#: Cyber Crime Unit", "in the Criminal Justice Unit") a unit named only by its function
#: stays, as the corpora before Q annotate it; a control room named by a capitalised word
#: ("the Force Control Room", "Bootle Control Room") is one identifier with or without it.
NAMED_UNIT = re.compile(
    rf"(?P<before>(?<![\w'’-])(?:at|from|with|to|on|in|for|into|joined)\s+|[,:(]\s*)"
    rf"(?P<name>(?:{_AW}\s+){{2,4}}(?:Unit|Bureau|Team|Squad|Hub|Command|Department|Desk|Centre|Control\s+Room))"
    r"(?![\w'’-])"
)
#: A policing unit said with an article by a capitalised name of two or more words before
#: its head ("the Cyber Crime Unit", "the Force Contact Centre", "the Force Support Group"):
#: a named unit, a station, as the brief of corpus U on marks it (its example "Digital
#: Forensics Unit"); generic departments (Professional Standards, HR, the Federation) stay.
THE_NAMED_UNIT = re.compile(
    rf"(?<![\w'’-])(?:[Tt]he|[Oo]ur|[Mm]y|[Hh]is|[Hh]er|[Tt]heir)\s+"
    rf"(?P<name>(?:{_AW}\s+){{2,4}}(?:Unit|Bureau|Team|Squad|Hub|Command|Department|Desk|Centre|Group|Branch))(?![\w'’-])"
)
#: A policing team or shift named by its letter or number: "Response Team C", "Neighbourhood
#: Team 4", "Patrol Group 2" (a named unit, a station, as corpus Y's author marks it).
LETTERED_UNIT = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_AW}\s+){{1,3}}(?:Team|Unit|Group|Shift|Squad|Relief)\s+(?:[A-H]|\d{{1,2}}))(?![\w'’-]|\.\d)"
)
_UNIT_HEADS = tuple(
    f" {w}" for w in "Unit Bureau Team Squad Hub Command Department Desk Centre Group Branch Shift".split()
)
NAMED_CONTROL_ROOM = re.compile(rf"(?<![\w'’-])(?P<name>(?:{_AW}\s+(?:(?:and|&)\s+)?){{1,3}}Control\s+Room)(?![\w'’-])")
#: Ordinary words that open a control room's or unit's name ("the Joint Contact and Control
#: Room", "the Force Control Room"), unlike "The" or "Our".
_ROOM_OPENERS = frozenset(("Force", "Joint"))
#: A unit's name broken off by a correction ("I'm on the Roads Policing and Firearms... no,
#: sorry, Joint Operations Unit", "I was in the Major Crime -- well, Serious Crime Team"):
#: the name said is a unit's as far as it goes.
BROKEN_UNIT = re.compile(
    r"(?<![\w'’-])(?:on|in|with|joined|to|from)\s+the\s+"
    rf"(?P<name>{_AW}(?:\s+(?:(?:and|&)\s+)?{_AW}){{1,3}})(?=\s*(?:\.\.\.|…|\s--|\s[–—]))"
)
#: A unit said by its place and function words, without a head noun, as where one works:
#: "I'm on Leeds District Safeguarding, at ...", "she's in Hounslow Public Protection now".
PLACE_FUNCTION = re.compile(
    r"(?<![\w'’-])(?:I['’]m|I\s+am|I\s+was|I\s+work|I\s+worked|[Hh]e['’]s|[Ss]he['’]s|[Hh]e\s+was|"
    r"[Ss]he\s+was|[Hh]e\s+works|[Ss]he\s+works)\s+(?:now\s+|still\s+|currently\s+)?(?:on|in|with)\s+"
    rf"(?P<name>{_AW}(?:\s+{_AW}){{1,3}})(?=\s*[,.;:!?]|\s+(?:now|at|in|for|out\s+of)\b)"
)
#: Words that make a unit's capitalised name a policing unit's (not "Customer Services Team").
_POLICE_FUNCTION = frozenset(
    """Forensic Forensics Intelligence Investigation Investigations Investigative Crime Crimes
    Tactical Operational Firearms Armed Dog Dogs Roads Traffic Safeguarding Protection Response
    Neighbourhood Custody Cyber Fraud Surveillance Organised Force Marine Mounted Homicide Rape
    Sexual Offences Abuse Domestic Missing Trafficking Slavery Terrorism Counter Covert Proactive
    Burglary Robbery Drugs Gangs Violence Exploitation Policing Patrol Control Collision Motorway
    Underwater Search Disclosure Prisoner Detention Tasking Criminal Justice Online Digital
    Joint""".split()
)
#: Address announced: "her address, 22 Eskside West", "my house name, which is ...", "my road. ...".
_OWNER_BEFORE = re.compile(
    r"\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Yy]our|[Tt]he)\s+(?:(?:home|new|old|full|actual)\s+)?$"
)
_ADDRESS_LABEL = re.compile(r"(?<![\w'’-])(?:Home\s+)?Address\s*:\s+")
_ADDRESS_SAID = re.compile(
    r"(?:address|house\s+name|road|street)(?:['’]s|\s+(?:is|was))?"
    r"(?:\s*,\s*(?:which\s+is|which\s+was|that['’]s|it['’]s))?\s*[,:.]?\s+"
)
#: The same with a few words between ("my address up, 4 ...", "our house name on it, ...").
_ADDRESS_SAID_LOOSE = re.compile(r"(?P<what>address|house\s+name)(?:\s+[a-z’']+){1,3}\s*,\s+")
#: "my house is called Windrush", "the farm's called Low Riggs".
_HOUSE_CALLED = re.compile(
    r"\b(?:house|home|bungalow|cottage|farm|farmhouse)(?:['’]s|\s+is|\s+was)?\s+(?:called|named)\s+"
)
#: "she's moved to 8 Cae Glas, Llandeilo": a house number and a name without a street word.
_LIVES_AT = re.compile(r"\b(?:live[sd]?|living|moved|moving)\s+(?:back\s+)?(?:to|at|in)\s+(?=\d)")
_FLAT_BEFORE = re.compile(r"(?<![\w/])(?:\d{1,2}/\d{1,2}|\d[Ff]\d{1,2}),\s+$")
#: One part of an address line: "2/1", "Flat 4B", "44 Dumbarton Road", "The Old Forge", "Tŷ'r Ywen".
_PART = (
    rf"(?:(?:[Ff]lat|[Aa]partment|[Uu]nit)\s+\d{{1,4}}[A-Za-z]?|\d[Ff]\d{{1,2}}|\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}})?)"
    rf"(?:\s+(?:The\s+)?{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,3}})?"
    rf"|(?:The\s+)?{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,3}}"
)
_PART_RE = re.compile(_PART)
_LINE = re.compile(rf"(?<![\w'’/-])(?:{_PART})(?:,\s+(?:{_PART})){{0,3}}")
_LINE_BEFORE = re.compile(rf"(?<![\w'’/-])(?:{_PART})(?:,\s+(?:{_PART})){{0,3}},?\s*$")
#: Last words of house and building names.
HOUSE_WORDS = frozenset(
    """Cottage Cottages House Lodge Farm Farmhouse Mill Barn Hall Manor Villa Forge Vicarage
    Rectory Grange Mansions Chambers Croft Bungalow Court Towers Tower Flats Buildings Works
    Coach Stables Orchard Haven Retreat Nook End""".split()
)
#: A house name of ordinary words before an address: "The Old Forge, Church Lane".
_HOUSE_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>(?:The\s+)?{_AW}(?:\s+{_AW}){{0,2}}),\s+$")
#: A house named by "The" and a plural before its street: "The Willows", "The Beeches".
_PLURAL_HOUSE = re.compile(rf"The\s+[{_UP}][{_LO}]+[{_LO}]s")
_STREET_END = re.compile(rf"\s{_ids._STREET}$")
_SCHOOL_TAIL = frozenset("School Academy Primary Nursery College Grammar Juniors Infants Middle".split())
_SCHOOL_TAIL_2 = ("High School", "Sixth Form", "Day Nursery", "Primary School")
#: Map and storage products named with street words ("on Street View", "in my Google Drive").
_PRODUCT_STREET = re.compile(r"(?:Google\s+|Apple\s+)?(?:Street\s+View|Drive|Maps?|Earth)$")
_EVENT_TAIL = frozenset("Games Festival Show Fair Marathon Cup Awards Carnival Rally".split())
_DEPT_TAIL = frozenset("Directorate Directorates".split())
_NEWSPAPER = _ids.NEWSPAPER_WORDS | {"Messenger", "Dispatch", "Despatch", "Clarion", "Informer", "Packet", "Evening"}
_PREP_BEFORE = re.compile(r"(?i:\b(?:in|at|on|into|from|outside|inside|near|for)\s+(?:the\s+)?)$")
_WORK_KINDS = ("workplace", "school")
_PLACE_KINDS = frozenset(("address", "workplace", "place", "station", "school"))
_IN_GAP = re.compile(r"\s+in\s+")
_SCHOOL_NOUN_BEFORE = re.compile(
    r"\b(?:nursery|school|college|academy|playgroup|pre-school|preschool|sixth\s+form)"
    r"\s*(?:,|\s+(?:is|was|called))\s+(?:the\s+)?$"
)
_SCHOOL_CHILD_BEFORE = re.compile(
    r"(?:\b(?:son|daughter|kids|children|child|lad|girl|boy|youngest|eldest|oldest|grandson|granddaughter|"
    r"stepson|stepdaughter)(?:['’]s|\s+is|\s+are|\s+was|\s+goes|\s+go|\s+went)?\s+(?:at|to)"
    r"|\b[Yy]ear\s+(?:\d{1,2}|seven|eight|nine|ten|eleven|twelve|thirteen)\s+at)\s+$"
)
_SAINT = re.compile(r"(?:St\.?|Saint)\s+[A-Z][a-z]+(?:['’]s)?")
_CAP_AFTER = re.compile(r" ((?:Family|Cross|Trinity|Heart|Name|Spirit|Innocents|Rosary|Redeemer|Saviour))\b")
_CAP_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
_SPEAKER_AFTER = re.compile(
    r",\s+([A-Z][a-z]+)(?=\s+(?:said|says|told|asked|reckons|reckoned|thinks|thought|rang|came|was|is)\b)"
)
_WITH_BEFORE = re.compile(r"\bwith\s+$")
_PERSON_AT = re.compile(r"([A-Z][a-z]+)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+at\s+(?:the\s+)?(?=[A-Z])")
_FOR_BOYS = re.compile(r"\s+for\s+(?:Boys|Girls)\b")
_TOWN_KINDS = ("place", "address", "station", "workplace", "school")
#: Between a named workplace and its town: "the Oxfam shop in Keswick".
_GAP = re.compile(
    r"(?:\s+(?:[a-z]+\s+)?(?:shop|store|branch|office|offices|site|depot|plant|warehouse|factory|"
    r"workshop|yard|creamery|dairy|brewery|mill|salon|surgery|practice|garage|nursery|school|"
    r"academy|centre|unit))?\s+(?:in|on|at)\s+(?:the\s+)?"
)


_COMMA_IN_GAP = re.compile(r",\s+in\s+")
_POSS = re.compile(r"['’]s$")
_POSS_AFTER = re.compile(r"['’]s(?![\w'’-])")
_TOKEN = re.compile(r"\S+")
_NUM_BEFORE = re.compile(r"(?<![\w/])\d{1,4}[A-Za-z]?\s+$")
_NUM_OR_FLAT = re.compile(r"\d|[Ff]lat\s")
_COMMA_GAP = re.compile(r",\s+")
_BRAND_HEAD = re.compile(  # "Co-op in Aughton": a brand hyphenated in lower case too
    rf"((?:{_AW}|[{_UP}][{_LO}]+-[{_LO}]+(?![\w&'’-]))(?:\s+{_AW}){{0,2}}?)\s+(?:in|on|at)\s"
)
_PRODUCT_TAIL = re.compile(r"\s*(?:Street\s+View|Drive|Maps?|Earth)$")
_POLICE_WORD_BEFORE = re.compile(r"\bPolice\s+$")
_NEXT_CAP = re.compile(rf"\s+({_ids._CAP})(?!\s+[A-Z])")
_THE_BEFORE = re.compile(r"(?i:\bthe\s+)$")
_IN_THE_BEFORE = re.compile(r"(?i:\b(?:in|to|from)\s+the\s+)$")
#: The church of a church school after its name: "C of E", "CE", "RC", "CiW".
_CHURCH_TAIL = re.compile(r" (?:C of E|CofE|C\.E\.|CE|R\.C\.|RC|CiW|CIW|VA|VC)(?![\w'’-])")
_SAINT_BEFORE = re.compile(r"(?<![\w'’-])(?:St\.?|Saint)\s+$")
_PUPILS_SCHOOL_AFTER = re.compile(
    r"['’](?: (?:High|Grammar|Academy|College|School|Collegiate)(?: School)?)?(?![\w'’-])"
)
_CHURCH_NOUN_AFTER = re.compile(r" (?i:church|chapel|parish|cathedral|diocese)\b")
#: The kind of school after its church: "St Anne's RC High", "Holy Trinity CE Primary School".
_SCHOOL_AFTER_CHURCH = re.compile(
    r" (?:High|Primary|Junior|Juniors|Infant|Infants|Secondary|Comprehensive|Grammar|Academy|College|"
    r"Middle|First)(?: School)?(?![\w'’-])"
)
#: The last word of a workplace that a number completes: "Heathrow Terminal 5".
_NUMBERED_SITE = frozenset("Terminal Hangar Pier Dock Depot Warehouse".split())
_SITE_NUMBER = re.compile(r" \d{1,2}[A-Z]?(?![\w/.,:-]\d)(?![\w])")
#: A school named by its pupils: "Kesteven and Grantham Girls'", "Colyton Boys'".
_PUPILS_TAIL = ("Girls'", "Boys'", "Girls’", "Boys’")
_PUPILS_NAME = re.compile(rf"(?<![\w'’-])(?P<name>{_AW}(?:\s+(?:and\s+|&\s+)?{_AW}){{0,3}})\s+$")
#: Last words of a "place" that make it an employer when its town follows ("... in Poole").
_SITE_TAIL = frozenset("Hospital Hospitals Infirmary Hospice Prison Council University Airport".split())
#: The town after a numbered street, before a quote or the end of a clause.
_TOWN_AFTER = re.compile(rf",\s+(?P<town>{_AW}(?:\s+{_AW})?)(?=[\"”’.;!?]|,\s|$)")
#: A company's legal ending, and the initials that may open its name ("PG Ledger Services Ltd").
_CORPORATE_TAIL = frozenset("Ltd Ltd. Limited LLP PLC plc".split())
_INITIALS_BEFORE = re.compile(r"(?<![\w'’&.-])([A-Z]{1,4}|[A-Z]&[A-Z])\s+$")
_YEAR_AT = re.compile(r"[Yy]ear\s+\S+\s+at\s+$")
#: "Pinderfields. I wasn't working there": the speaker says the site is no workplace.
_NOT_WORKED_THERE = re.compile(
    r"(?:[.,;]|\s+--)?\s+(?:(?:and|but|mind)\s+)?(?:I|he|she|they|we)\s+"
    r"(?:wasn['’]t|weren['’]t|isn['’]t|aren['’]t|don['’]t|doesn['’]t|didn['’]t|never)\s+work(?:ing|ed|s)?\s+there\b"
)
#: A venue said as where someone drinks, eats or shops: "the Stanley Arms, which she drinks
#: in", "Morrisons, where we do our big shop".
_CUSTOMER_AFTER = re.compile(
    r",?\s+(?:which|where|that)\s+(?:I|we|he|she|they|you|my\s+\w+)\s+(?:always\s+|usually\s+|sometimes\s+|used\s+to\s+)?"
    r"(?:drinks?|drank|drinking|eats?|ate|shops?|shopped|do\s+(?:our|my|the)\s+(?:big\s+)?shop|go(?:es)?\s+(?:in|to|for)|"
    r"went\s+(?:in|to|for)|socialises?|plays?\s+pool)\b"
)
#: A shop said as where someone was shopping: "filmed me at the Tesco in Merthyr doing my
#: shopping", "at Asda in Hull getting the kids' tea", "in Aldi on Mill Road with my trolley".
_SHOPPING_AFTER = re.compile(
    r",?\s+(?:(?:doing|did|do)\s+(?:my|our|his|her|their|the|a|an)\s+(?:big\s+|weekly\s+|food\s+|usual\s+|christmas\s+)?"
    r"(?:shop|shopping)|shopping\b|(?:buying|getting|picking\s+up)\s+(?:my|our|his|her|their|the|some|a|an)\s+"
    r"|with\s+(?:my|our|his|her|their|the|a)\s+(?:trolley|basket|shopping))"
)
#: A site said as visited after it: "Basildon Hospital, I'd just been there with my mum",
#: "the Royal, we'd gone in to see my nan", "Kingsmill, I was only there visiting my dad".
_VISITED_AFTER = re.compile(
    r"(?:[,;.]|\s+--?|\s+[–—])?\s+(?:(?:and|but|cos|because|I\s+mean),?\s+)?(?:I|we|he|she|they)"
    r"(?:(?:['’]d|\s+had|\s+have|['’]ve|['’]s|\s+has)\s+(?:just\s+|only\s+|literally\s+)?(?:been|gone)"
    r"|\s+(?:was|were)|\s+(?:just\s+|only\s+)?went)\s+(?:just\s+|only\s+|literally\s+)?"
    r"(?:in\s+|up\s+|down\s+|over\s+)?(?:there|in)\s+"
    r"(?:with\s+(?:my|our|his|her|their)\b|for\s+(?:a|an|my|his|her|our|their)\s+(?:appointment|scan|check-?up|visit)\b|"
    r"to\s+(?:see|visit)\b|visiting\b|as\s+a\s+(?:patient|visitor)\b)"
)
#: A venue said after "a pub", "a café": one visited, the speaker's or anyone's night out
#: ("photographed in a pub, the Nag's Head, on my night off").
_A_VENUE_BEFORE = re.compile(
    r"\b(?:in|at|outside|inside|from|into|to)\s+a\s+(?:pub|bar|club|nightclub|café|cafe|restaurant|hotel|"
    r"takeaway|chippy|bookies|wine\s+bar|coffee\s+shop),\s+(?:the\s+)?$"
)
#: "Suffolk's not where I worked", "Hexham isn't where we live": the speaker denies it.
_NOT_WHERE_AFTER = re.compile(
    r"(?:['’]s|\s+is|\s+was)(?:\s+not|n['’]t)\s+(?:even\s+)?where\s+(?:I|we|he|she|they|you|my\s+\w+)\s+"
    r"(?:work(?:s|ed)?|serve[sd]?|was\s+(?:based|posted)|live[sd]?|grew\s+up|go(?:es)?\s+to\s+school)\b"
)
#: A speaker label's description: "P39 (PCSO, Lincolnshire):", "Respondent (Norfolk):".
_SPEAKER_LABEL_HEAD = re.compile(r"(?:^|\n)\s*(?:P\d{1,3}|Respondent|Participant|Interviewee)\s+\([^()\n]*$")
_SPEAKER_LABEL_TAIL = re.compile(r"\s*\)\s*:")
_VERB_AUX_BEFORE = re.compile(r"\b(?:had|has|have|'ve|’ve|'d|’d|was|were|been|got|just)\s+$")
_INTENSIFIER_BEFORE = re.compile(r"\b(?:very|so|proper|dead|really|quite|too|more|most)\s+$")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?]\s+)$")
#: "Llandeilo way." / "up Hexham way,": the area round a town (a street is "Way", capitalised).
_AREA_WAY_AFTER = re.compile(r" way(?=\s*[.,;:!?]|\s*$|\s+(?:and|or|but|mostly|really)\b)")
_FACILITY_AFTER = re.compile(r"\s+(?:gym|pool|leisure\s+centre|sports\s+centre|swimming\s+baths)\b")
_DEMONYM_ENDS = ("ian", "ish", "ese", "ite")
_FIRE_STATION = re.compile(r"(?i:\b(?:fire|ambulance)\s+station)$")


@cache
def _chains():
    return _ids.CHAINS | {c.rstrip("'’s") for c in _ids.CHAINS}


def _bad_name(words, common, allow_chain=True):
    """True when the capitalised ``words`` cannot be an employer's or a school's name."""
    if not words:
        return True
    first = words[0]
    if first == "The" and len(words) > 1:
        first = words[1]
    name = " ".join(words)
    if name in _chains() or words[0] in _chains():
        return not allow_chain
    return (
        first.casefold() in common
        or _ids._calendar(first)
        or first in _ids._RANK_WORDS
        or first in _ids.NOT_PLACES
        or any(w in ("Police", "Constabulary", "Court", "Crown", "Operation") for w in words)
        or name in _ids._force_stems()
        or name in _ids.INSTITUTIONS
        or _ids._is_unit_words(name, common)
    )


def _bad_town(words, common):
    if not words:
        return True
    first = _POSS.sub("", words[0])
    return (
        first.casefold() in common
        or _ids._calendar(first)
        or first in _ids._RANK_WORDS
        or first in _ids.NOT_PLACES
        or " ".join(words) in _ids._force_stems()
        or any(w in ("Police", "Constabulary", "Court", "Crown") for w in words)
    )


def _street_branch(words):
    """True when ``words`` name a street whose first word is common ("New Street", "High
    Street", "Church Road"): a branch said by its street ("at Boots on New Street"), whose
    name alone is taken."""
    return (
        len(words) >= 2
        and _STREET_END.search(" " + " ".join(words)) is not None
        and not any(w in ("Police", "Constabulary", "Court", "Crown") for w in words)
        and not _ids._calendar(_POSS.sub("", words[0]))
    )


def _drop_trailing(text, start, end):
    """``(start, end)`` without trailing common words and day or month names (a final s is
    kept: "Tunbridge Wells", "Grays"); None when nothing is left."""
    common = _ids._common_words()
    words = list(_TOKEN.finditer(text[start:end]))
    while words and (_POSS.sub("", words[-1].group()).casefold() in common or _ids._calendar(words[-1].group())):
        words.pop()
    return (start, start + words[-1].end()) if words else None


def find(text: str, add, folded) -> None:
    """Candidates of this area in ``text`` (``folded`` is ``text.casefold()`` when it
    keeps the length, else ``None``)."""
    common = _ids._common_words()
    hay = folded if folded is not None else text.casefold()
    m: re.Match[str] | None
    if " own " in hay or "\nown " in hay:  # not "down ", "town ", "known "
        for m in OWN_PLACE.finditer(text):
            words = m.group("name").split()
            if _bad_name(words, common):
                continue
            end = m.end("name")
            if m.group("town") and not _bad_town(m.group("town").split(), common):
                end = m.end("town")
            add((m.start("name"), end, "workplace", m.group("name").lower()))
    if " Practice" in text or " Care" in text or " Group" in text:
        for t in _PRACTICE_HIT.finditer(text):
            m = _NAME_BEFORE.search(text, max(0, t.start() - 60), t.start())
            span = m and _ids._trim_caps(text, m.start(), m.end())
            if not span or _ids._sentence_start(text, span[0]):
                continue
            words = text[span[0] : t.start()].split()
            if not words or _bad_name(words, common):
                continue
            add((span[0], t.end(), "workplace", text[span[0] : t.end()].lower()))
    if (
        "heol" in hay
        or "ffordd" in hay
        or "stryd" in hay
        or "lôn" in hay
        or "rhodfa" in hay
        or "cilgant" in hay
        or "teras" in hay
    ):
        for m in WELSH_STREET.finditer(text):
            end = m.end()
            if m.group("town") and _bad_town(m.group("town").split(), common):
                end = m.start("town") - 2
            add((m.start(), end, "address", text[m.start() : end].lower()))
    for t in _TRADE_HIT.finditer(text):
        if t.start() == 0 or not text[t.start() - 1].isspace():
            continue
        m = _NAME_BEFORE.search(text, max(0, t.start() - 60), t.start())
        if m is None:
            continue
        span = _ids._trim_caps(text, m.start(), m.end())
        if span is None:
            continue
        words = text[span[0] : t.start()].split()
        if not words or _bad_name(words, common, allow_chain=False):
            continue
        if all(w in _ids.allowed_proper_nouns("not places") for w in words):
            continue  # "an Italian Restaurant", "the Chinese Takeaway"
        if _ids._sentence_start(text, span[0]) and len(words) == 1 and _ids.is_ordinary(words[0]):
            continue
        add((span[0], t.end(), "workplace", text[span[0] : t.end()].lower()))
    _lower_places(text, add)
    if " front counter" in hay or " front desk" in hay:
        _front_counters(text, add, common)
    if "byw yn" in hay or "byw ym" in hay or "byw yng" in hay:
        for i in _positions(hay, "byw y"):
            m = _LIVE_CY.match(text, i)
            if m and not _bad_town(m.group("line").split(), common):
                add((m.start("line"), m.end("line"), "address", m.group("line").lower()))
    if "ysgol" in hay or "coleg" in hay:
        for m in WELSH_SCHOOL.finditer(text):
            add((m.start(), m.end(), "school", m.group().lower()))
    if any(w in hay for w in _WELSH_BUSINESS_HINTS):
        for m in WELSH_BUSINESS.finditer(text):
            add((m.start(), m.end(), "workplace", m.group().lower()))
    if "Tŷ" in text:
        for m in WELSH_HOUSE.finditer(text):
            add((m.start(), m.end(), "address", m.group().lower()))
    if ", " in text:
        _business_appos(text, add, common)
    if "school" in hay and ":" in text:
        for m in SCHOOL_LABEL.finditer(text):
            if not _bad_town(m.group("name").split(), common):
                add((m.start("name"), m.end("name"), "school", m.group("name").lower()))
    if "Our Lady" in text:
        for m in OUR_LADY.finditer(text):
            if _school_said(text, m.start(), m.end()):
                add((m.start(), m.end(), "school", m.group().lower()))
    if "oom " in text:
        for t in _ROOM_HIT.finditer(text):
            m = _ROOM_NAME.search(text, max(0, t.start() - 50), t.start())
            if m is None:
                continue
            words = m.group("name").split()
            if words[0].casefold() in common or _ids._calendar(words[0]):
                continue
            if len(words) == 1 and (words[0] in HOUSE_WORDS or words[0] in _ids.gazetteer()[0]):
                continue  # "Court, room 2", "Sarah, room 4"
            if not (words[-1] in HOUSE_WORDS or not all(_ids.is_ordinary(w) for w in words)):
                continue
            add((m.start("name"), t.end(), "address", m.group("name").lower()))
    if any(w in hay for w in ("hub", " unit", "department", "squad", "desk", "suite")):  # not "community"
        for m in UNIT_AT.finditer(text):
            span = _drop_trailing(text, m.start("place"), m.end("place"))
            if span is None:
                continue
            words = text[span[0] : span[1]].split()
            if _bad_town(words, common) or _ids._is_unit_words(" ".join(words), common):
                continue
            if len(words) == 1 and words[0] in _ids.allowed_proper_nouns("not places"):
                continue
            if all(_ids.is_ordinary(w) for w in words):
                continue  # "the desk at Reception"
            add((*span, "station", " ".join(words).lower()))
    if any(w in hay for w in (" neighbourhood", " response", " cid", " custody", " nights", " lates", " earlies")):
        for m in PLACE_TEAM.finditer(text):
            words = m.group("place").split()
            if _bad_town(words, common) or _ids._is_unit_words(" ".join(words), common):
                continue
            add((m.start("place"), m.end("place"), "station", m.group("place").lower()))
    if "U at " in text or "U in " in text or "U out of " in text:
        _acronym_units(text, add, common)
    if any(w in text for w in _UNIT_HEADS):
        _named_units(text, add, common)
    _broken_units(text, add, common)
    if " Control Room" in text:
        for m in NAMED_CONTROL_ROOM.finditer(text):
            start, words = m.start("name"), m.group("name").split()
            while len(words) > 3 and words[0].casefold() in common and words[0] not in _ROOM_OPENERS:
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]
            if words[0].casefold() in common and words[0] not in _ROOM_OPENERS or _ids._calendar(words[0]):
                continue  # "The Control Room", "Our Control Room"
            add((start, m.end("name"), "station", text[start : m.end("name")].lower()))
    if any(w in hay for w in ("station", "nick", "uni", "college", "school", "nursery", "address")):
        _kind_then_name(text, add, common)
    if " goes, " in text or " go, " in text or " went, " in text or " attend" in text:
        given = _ids.gazetteer()[0]
        for m in CHILD_GOES.finditer(text):
            words = m.group("name").split()
            if _bad_town(words, common) or words[0] in given or all(_ids.is_ordinary(w) for w in words):
                continue  # "where my son goes, Sarah says", "where the kids go, Monday"
            add((m.start("name"), m.end("name"), "school", m.group("name").lower()))
    if " where " in text and (" the high street" in hay or " road" in hay or " street" in hay or " estate" in hay):
        for m in WHERE_WORKS_STREET.finditer(text):
            words = m.group("name").split()
            if _bad_name(words, common):
                continue
            end = m.start() + m.group().rindex(" where")
            end = end - 1 if text[end - 1] == "," else end
            add((m.start("name"), end, "workplace", m.group("name").lower()))
    if "whole of " in hay or "everyone " in hay or "everybody " in hay or "all of " in hay:
        for m in SENT_TO_ALL.finditer(text):
            span = _drop_trailing(text, m.start("place"), m.end("place"))
            words = text[span[0] : span[1]].split() if span else []
            if not words or _bad_town(words, common) or all(w.casefold() in _ids.english_words() for w in words):
                continue  # "sent to all of Response", "to everyone in Professional Standards"
            if any(w in _ids.allowed_proper_nouns("not places") for w in words):
                continue  # "everyone on Facebook", "the whole of Wales"
            if _ids._is_unit_words(" ".join(words), common):
                continue
            kind = "station" if _POLICE_TEXT.search(text) else "workplace"
            add((*span, kind, " ".join(words).lower()))
    if "where " in hay and "?" in text and ("based" in hay or "stationed" in hay or "posted" in hay):
        for m in QA_BASED.finditer(text):
            words = m.group("name").split()
            if _bad_town(words, common) or all(_ids.is_ordinary(w) for w in words):
                continue  # "Where are you based? P: Nights, mostly."
            if _ids._is_unit_words(" ".join(words), common):
                continue
            add((m.start("name"), m.end("name"), "station", m.group("name").lower()))
    hits = sorted({i for w in _SCHOOL_IS_NOUNS if w in hay for i in _positions(hay, w)})
    seen_school_is = -1
    for i in hits:  # the regex over a window before each noun (str.find is the cheap anchor)
        for m in SCHOOL_IS_HERS.finditer(text, max(0, i - 160, seen_school_is), min(len(text), i + 60)):
            seen_school_is = m.end("name")
            start, end = m.span("name")
            if text.startswith(("'s", "’s"), end - 2) and not text[end : end + 1].isalpha():
                end -= 2  # "Westfield's her school"
            while " " in text[start:end] and not text.startswith("The ", start):
                if text[start : text.index(" ", start)].casefold() not in common:
                    break
                start = text.index(" ", start) + 1  # "And Rainbow Corner is their playgroup"
            the = 4 if text.startswith("The ", start) else 0
            words = text[start + the : end].split()
            if not words or _bad_town(words, common) or len(words) == 1 and words[0] in _ids.gazetteer()[0]:
                continue  # "It is her school", "Sarah's my school": no school's name
            if all(w in _ids.SCHOOL_KIND_WORDS or w in _SCHOOL_TAIL or w.casefold() in common for w in words):
                continue
            add((start, end, "school", text[start:end].lower()))
    if "s' " in text or "s’ " in text:
        for m in PLURAL_POSS_SCHOOL.finditer(text):
            words = m.group("name").split()
            tail = words[-1] in _SCHOOL_TAIL or words[-1] in _PUPILS_TAIL
            if not (tail or _SCHOOL_SAID_BEFORE.search(text, max(0, m.start() - 20), m.start())):
                continue  # "the Smiths' Blue Peter badge": no school said
            if _bad_town(words, common) or any(w[:-1] in _NOT_SCHOOL_OWNERS for w in words if w[-1] in "'’"):
                continue  # "Kids' School" (a form's heading), "the Girls' School": nobody's name
            add((m.start("name"), m.end("name"), "school", m.group("name").lower()))
    if " Council" in text:
        _named_councils(text, add, common)
    if " Service" in text or " Trust" in text or " Board" in text or " Rescue" in text:
        _named_services(text, add, common)
    if " offices " in text or " office " in text:
        for m in OFFICES_IN.finditer(text):
            town = m.group("town").split()
            if (
                town[0].casefold() in common
                or _ids._calendar(town[0])
                or town[0] in _ids.NOT_PLACES
                or _NOT_WORK_OFFICE_BEFORE.search(text, max(0, m.start() - 30), m.start())
            ):
                continue
            add((m.start("name"), m.end("name"), "workplace", m.group("name").lower()))
    if any(e in text for e in EMPLOYERS):
        for m in EMPLOYER_AT.finditer(text):
            end = m.end("name")
            if m.group("town"):
                t_span = _drop_trailing(text, m.start("town"), m.end("town"))
                if t_span and not _bad_town(text[t_span[0] : t_span[1]].split(), common):
                    end = t_span[1]
            add((m.start("name"), end, "workplace", m.group("name").lower()))
    if "works " in text or "worked " in text or "working " in text:
        for m in WORKS_CHAIN.finditer(text):
            words = m.group("name").split()
            while len(words) > 1 and (_ids._calendar(words[-1]) or words[-1] in ("I", "And", "But")):
                words.pop()  # "works Tesco Mondays": the chain alone
            end = m.start("name") + len(" ".join(words))
            add((m.start("name"), end, "workplace", text[m.start("name") : end].lower()))
    if "?" in text and (" live" in hay or " living" in hay or " stay" in hay or " home" in hay):
        for m in QA_LIVES.finditer(text):
            words = m.group("name").split()
            if _bad_town(words, common) or all(_ids.is_ordinary(w) for w in words):
                continue  # "Where do you live? P: Nowhere near. Sorry."
            add((m.start("name"), m.end("name"), "address", m.group("name").lower()))
    if "umber " in text:
        for m in NUMBER_ON_STREET.finditer(text):
            add((m.start("num"), m.end(), "address", text[m.start("num") : m.end()].lower()))
    if "?" in text and ("which " in hay or "what " in hay or ":" in text):
        for m in QA_WHICH.finditer(text):
            words = m.group("name").split()
            if _bad_town(words, common) or all(_ids.is_ordinary(w) for w in words):
                continue  # "Which school? Respondent: Primary, then the high school."
            kind = _QA_KIND.get(m.group("noun").lower(), "school")
            add((m.start("name"), m.end("name"), kind, m.group("name").lower()))


#: A council named as such: "Durham County Council", "Reading Borough Council",
#: "Newcastle City Council", "North Lincolnshire Council" (an employer: the corpora's named
#: councils are all somebody's workplace).
NAMED_COUNCIL = re.compile(
    rf"(?<![\w'’-])(?P<name>{_AW}(?:\s+{_AW}){{0,2}}?)\s+(?P<tier>(?:(?:City|County|Borough|District|Town|Parish|"
    rf"Metropolitan\s+Borough|Unitary)\s+)?Council)(?P<offices>\s+[Oo]ffices)?(?![\w'’-])"
)
#: A council's offices or an employer's office said in lower case, with its town, after
#: "job is at", "works at": "my job is at the council offices in Durham".
OFFICES_IN = re.compile(
    r"\b(?:work(?:s|ed|ing)?|job(?:\s+is|['’]s)?|employed|based)\s+(?:\w+\s+){0,2}?(?:at|in|for|with)\s+the\s+"
    rf"(?P<name>(?:council|county|civic|tax|benefits|passport|jobcentre|sorting|delivery|planning|housing)\s+"
    rf"(?:offices?|centre|depot)\s+(?:in|at)\s+(?P<town>{_TOWN}))"
)
#: A council said as where something was reported, not where anyone works.
_NOT_WORK_OFFICE_BEFORE = re.compile(
    r"(?i:\b(?:report(?:ed|ing)?|complain(?:ed|ing)?|wrote|writ(?:e|ing)|rang|phoned|called|e-?mailed|contacted|"
    r"told|letter\s+from|heard\s+(?:back\s+)?from|went|go|going|visit(?:ed)?)\s+(?:\w+\s+)?(?:to\s+|from\s+)?(?:the\s+)?)$"
)


def _named_start(text, m, common):
    """Where the name of match ``m`` (groups ``name`` and ``tier``) starts, and its words,
    after the ordinary words before it ("the", "our"; not a compass word): ``(start, words)``."""
    start = m.start("name")
    words = m.group("name").split()
    while words and (words[0].casefold() in common and words[0] not in ("North", "South", "East", "West")):
        start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.start("tier")
        words = words[1:]
    return start, words


def _named_councils(text, add, common):
    """Councils named as such, unless said as where something was reported or visited."""
    for m in NAMED_COUNCIL.finditer(text):
        start, words = _named_start(text, m, common)
        if (
            not words
            or _ids._calendar(words[0])
            or _ids._sentence_start(text, start)
            and len(words) == 1
            and _ids.is_ordinary(words[0])
        ):
            continue  # "The Council", "Parish Council": no council named
        if _NOT_WORK_OFFICE_BEFORE.search(text, max(0, start - 30), start) and not _at_work(text, start):
            continue  # "I reported it to Leeds City Council": no workplace said
        end = m.end()
        town = _IN_TOWN_AFTER.match(text, end)
        if m.group("offices") and town and not _bad_town(town.group("town").split(), common):
            end = town.end()  # "North Lincolnshire Council offices in Scunthorpe"
        add((start, end, "workplace", text[start : m.end("tier")].lower()))


_IN_TOWN_AFTER = re.compile(rf"\s+in\s+(?P<town>{_TOWN})")
#: An emergency or health service named as such: "East of England Ambulance Service", "Avon
#: Fire and Rescue Service", "Betsi Cadwaladr University Health Board" (an employer, as a
#: council is), unless said as the service that came or where something was reported.
NAMED_SERVICE = re.compile(
    rf"(?<![\w'’-])(?P<name>{_AW}(?:\s+(?:of\s+|and\s+)?{_AW}){{0,3}}?)\s+(?P<tier>Ambulance\s+(?:Service|Trust)|"
    r"Fire\s+(?:and|&)\s+Rescue(?:\s+Service)?|Fire\s+Service|(?:NHS\s+)?(?:Foundation\s+)?Trust|"
    r"(?:University\s+)?Health\s+Board|Health\s+and\s+Social\s+Care\s+Trust)(?![\w'’-])"
)
_SERVICE_CAME_AFTER = re.compile(
    r"\s+(?:came|come|arrived|turned\s+up|took|were\s+called|was\s+called|got\s+there|attended)\b"
)


def _named_services(text, add, common):
    """Emergency and health services named as such, unless said as the service that came
    or where something was reported ("the North West Ambulance Service took him in")."""
    for m in NAMED_SERVICE.finditer(text):
        start, words = _named_start(text, m, common)
        if not words or _ids._calendar(words[0]) or words[0] in _ids._RANK_WORDS:
            continue
        if m.group("tier").endswith("Trust") and "NHS" not in m.group("tier") and "Hospital" not in " ".join(words):
            continue  # "the Wildlife Trust", "the Canal Trust": a charity, not said as work
        if _NOT_WORK_OFFICE_BEFORE.search(text, max(0, start - 30), start) and not _at_work(text, start):
            continue
        if _SERVICE_CAME_AFTER.match(text, m.end()) and not _at_work(text, start):
            continue
        add((start, m.end(), "workplace", text[start : m.end()].lower()))


_EXCLAMATIONS = frozenset("Christ Jesus Jeez Jeezo God Gosh Crikey Blimey Bloody Lord Heavens Cheers Ta".split())


def _kind_then_name(text, add, common):
    """A station or school said as a sentence of its own after the noun of its kind ("from
    my station. Hammersmith."): not a given name, a common word or an allowed name."""
    given = _ids.gazetteer()[0]
    for m in KIND_THEN_NAME.finditer(text):
        words = m.group("name").split()
        if _bad_town(words, common):
            continue
        if all(_ids.is_ordinary(w) for w in words) and (len(words) < 2 or m.group("noun") not in ("nursery", "school")):
            continue  # "the station. Nightmare.", "left school. Then, ..." (not "nursery. Rainbow Tots.")
        if _ids._is_unit_words(" ".join(words), common):
            continue
        if words[0] in given or (len(words) == 1 and words[0] in _ids.allowed_proper_nouns("not places")):
            continue  # "back to the station. Sarah, she was on the desk."; "school. Facebook, mostly."
        if words[0] in _EXCLAMATIONS:
            continue  # "I rang the station. Christ, the wait."
        noun = m.group("noun")
        kind = "station" if noun in ("station", "nick") else "address" if noun.startswith("address") else "school"
        rest = text[m.end("name") : m.end("name") + 40].split(". ")[0]
        if _LIVES_WORD.search(rest):
            kind = "address"  # "I moved school. Burnley, we lived there then."
        add((m.start("name"), m.end("name"), kind, m.group("name").lower()))


def _acronym_units(text, add, common):
    """A unit named by its initials and its base ("DMIU at Carr Gate"): one station."""
    for m in ACRONYM_UNIT_AT.finditer(text):
        if m.group("unit") in _ids._force_stems() or m.group("unit") in _ids._RANK_WORDS:
            continue
        span = _drop_trailing(text, m.start("place"), m.end("place"))
        if span is None:
            continue
        words = text[span[0] : span[1]].split()
        if _bad_town(words, common) or _ids._is_unit_words(" ".join(words), common):
            continue
        add((m.start("unit"), span[1], "station", text[m.start("unit") : span[1]].lower()))


def _broken_units(text, add, common):
    """A unit's name broken off by a correction ("on the Roads Policing and Firearms...
    no, ..."), and a unit said by its place and function words as where one works ("I'm on
    Leeds District Safeguarding, at ...")."""
    if "..." in text or "…" in text or "--" in text or "–" in text or "—" in text:
        for m in BROKEN_UNIT.finditer(text):
            words = [w for w in m.group("name").split() if w not in ("and", "&")]
            if not any(w in _POLICE_FUNCTION for w in words) or _department(words):
                continue  # "in the Lake District...", "on the Professional Standards..."
            if not all(w in _ids.UNIT_WORDS or _ids.is_ordinary(w) for w in words):
                continue
            if words[0].casefold() in common and words[0] not in _ROOM_OPENERS:
                continue
            add((m.start("name"), m.end("name"), "station", m.group("name").lower()))
    for m in PLACE_FUNCTION.finditer(text):
        words = m.group("name").split()
        if words[-1] not in _POLICE_FUNCTION or _department(words):
            continue  # "I'm in Leeds City Centre", "she's in Professional Standards"
        k = next((i for i, w in enumerate(words) if w in _ids.UNIT_WORDS), len(words))
        if k == 0 or k == len(words) or not all(w in _ids.UNIT_WORDS for w in words[k:]):
            continue  # no place before the function words: a department said generically
        if _bad_town(words[:k], common):
            continue  # "I'm in Merseyside Response": a force's name is another rule's
        add((m.start("name"), m.end("name"), "station", m.group("name").lower()))


def _named_units(text, add, common):
    """A policing unit said by its capitalised name without an article ("at Force
    Intelligence Bureau", "from Digital Media Investigation Unit"): a named unit, a station."""
    for m in NAMED_UNIT.finditer(text):
        words = m.group("name").split()
        if words[0] in ("The", "A", "An", "Our", "My", "Their", "His", "Her", "This", "That", "Your"):
            continue  # "at The Tasking Team": an article after all
        if not any(_POSS.sub("", w) in _POLICE_FUNCTION for w in words[:-1]):
            continue  # "from Customer Services Team": no policing unit
        if _department(words) or any(w in _ids._force_stems() for w in words[:-1]):
            continue  # "Professional Standards Department"; a force's name is another rule's
        if not all(w in _ids.UNIT_WORDS or _ids.is_ordinary(w) for w in words):
            continue  # a place inside the name: the unit rules of _identifiers take it
        add((m.start("name"), m.end("name"), "station", m.group("name").lower()))
    for m in LETTERED_UNIT.finditer(text):
        words = m.group("name").split()[:-1]
        if not any(_POSS.sub("", w) in _POLICE_FUNCTION for w in words[:-1]) or _department(words):
            continue  # "Year Group 3", "Team B": no policing unit named
        if not all(w in _ids.UNIT_WORDS or _ids.is_ordinary(w) for w in words):
            continue
        add((m.start("name"), m.end("name"), "station", m.group("name").lower()))
    for m in THE_NAMED_UNIT.finditer(text):
        words = m.group("name").split()
        if not any(_POSS.sub("", w) in _POLICE_FUNCTION for w in words[:-1]):
            continue  # "the Customer Services Team", "the Senior Leadership Team"
        if _department(words) or any(w in _ids._force_stems() for w in words[:-1]):
            continue  # "the Professional Standards Department"; a force's name is another rule's
        if not all(w in _ids.UNIT_WORDS or _ids.is_ordinary(w) for w in words):
            continue  # a place inside the name: the unit rules of _identifiers take it
        add((m.start("name"), m.end("name"), "station", m.group("name").lower()))


_WELSH_BUSINESS_HINTS = (
    "siop ",
    "caffi",
    "tafarn ",
    "gwesty ",
    "garej ",
    "fferyllfa ",
    "becws ",
    "bwyty ",
    "meithrinfa ",
)


def _business_appos(text, add, common):
    """A business in apposition to what it is: "Amber's Kitchen, her café" (a person's
    name alone is no business: "Sarah, her shop was shut")."""
    given, family = _ids.gazetteer()
    for m in BUSINESS_APPOS.finditer(text):
        words = m.group("name").split()
        while len(words) > 1 and words[0].casefold() in common:
            words = words[1:]  # "Then Glow Studio, her salon"
        if _bad_name(words, common, allow_chain=False):
            continue
        last = _POSS.sub("", words[-1])
        if last in _ids._PN_WORK_TAIL or last in TRADE_WORDS:
            pass
        elif len(words) == 1 or _POSS.sub("", words[0]) in given or words[-1] in family:
            continue
        start = m.end("name") - len(" ".join(words))
        add((start, m.end("name"), "workplace", text[start : m.end("name")].lower()))


def _school_said(text, start, end):
    """True when the sentence around ``text[start:end]`` is about a school or a child."""
    lo, hi = max(0, start - 120), min(len(text), end + 80)
    before, after = text[lo:start], text[end:hi]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    before = before[cut + 2 :] if cut >= 0 else before
    stop = min((i for i in (after.find(". "), after.find("? "), after.find("! ")) if i >= 0), default=len(after))
    return bool(_SCHOOL_SENTENCE.search(before) or _SCHOOL_SENTENCE.search(after[:stop]))


# --------------------------------------------------------------------------------------
# Messages typed in lower case ("u live in kirkby", "she works at boots in the arndale")
# --------------------------------------------------------------------------------------

_LW = r"[a-z][a-z'’&]*"
#: The street-type words in lower case ("road", "way", "close").
_STREET_LOWER = _ids._STREET.lower()
#: After "lives": a house number and a street ("lives at 9 maple way") or a place.
_LOWER_LIVES = re.compile(
    r"\b(?:(?:live[sd]?|living)\s+(?:(?:at|in|on|up|near|round)\s+)?|(?:ur|youre|you['’]re|u\s+r)\s+in\s+)"
    rf"(?:(?P<street>\d{{1,4}}[a-z]?\s+(?:{_LW}\s+){{1,3}}?{_STREET_LOWER})(?![\w'’-])|(?P<place>{_LW}(?:\s+{_LW}){{0,4}}))"
)
#: After "lives on": a street said in lower case, its words ordinary or not ("kestrel way",
#: "church lane"), and the town after it ("... in cramlington").
_LOWER_LIVES_STREET = re.compile(
    rf"(?P<street>(?:{_LW}\s+){{1,3}}?{_STREET_LOWER})(?![\w'’-])(?:\s+in\s+(?P<town>{_LW}(?:\s+{_LW})?))?"
)
#: After "works (at)": the employer and its site ("works at boots in the arndale").
_LOWER_WORKS = re.compile(
    rf"\b(?:works?|working)\s+(?:(?:at|in|for)\s+)?(?:the\s+)?(?P<place>{_LW}(?:\s+(?:in\s+(?:the\s+)?|on\s+(?:the\s+)?)?{_LW}){{0,3}})"
)
#: A chain's shop where someone works, said in lower case with its street: "works weekends
#: at the spar on main street", "she works at the co-op on the high street", "worked
#: saturdays in greggs" (the chain a word of :data:`_identifiers.CHAINS`).
_LOWER_WORKS_CHAIN = re.compile(
    r"\b(?:works?|worked|working|job\s+(?:is|was|at))\s+(?:(?:weekends|nights|days|evenings|mornings|lates|earlies|"
    r"[a-z]+days|part[- ]time|full[- ]time|shifts|there|still|now)\s+)?(?:at|in|for)\s+(?:the\s+)?"
    r"(?P<chain>[a-z][a-z'’&-]*)(?:\s+(?P<where>(?:on|in)\s+(?:the\s+)?"
    rf"(?:{_LW}\s+){{0,2}}?{_STREET_LOWER}))?(?![\w'’-])"
)


@cache
def _lower_chains():
    return frozenset(c.casefold() for c in _chains()) | frozenset(c.casefold().replace("'", "") for c in _chains())


#: A school: "kids go thornhill primary", "she's at maes y coed primary".
_LOWER_SCHOOL = re.compile(
    rf"\b(?:go|goes|going|at|attends?)\s+(?:to\s+)?(?P<place>{_LW}(?:\s+{_LW}){{0,2}}?\s+"
    r"(?:primary|academy|high|school|nursery|college|juniors|infants|grammar))(?![\w'’-])"
)
#: Where an officer works: "hes a copper in tonypandy", "d552 at bridgend".
_LOWER_STATION = re.compile(
    rf"\b(?:copper|cop|pig|plod|fed|officer|pc|pcso|[a-z]{{0,2}}\d{{2,6}}|(?:cop|police)\s+(?:shop|station)|nick)"
    rf"\s+(?:at|in|from|out\s+of)\s+(?P<place>{_LW}(?:\s+{_LW}){{0,2}})"
)
#: A street after "on / in / off": "she lives by the chippy on dukinfield rd".
_LOWER_STREET = re.compile(
    rf"\b(?:on|in|off|at)\s+(?P<street>(?P<first>{_LW})(?:\s+{_LW}){{0,2}}?\s+{_STREET_LOWER})(?![\w'’-])"
)
#: A saint's name in a message about a child or a school: "we know where ur kids go, st bedes".
_LOWER_SAINT = re.compile(r"(?<![\w'’-])st\.?\s+(?P<name>[a-z]{3,}(?:['’]?s)?)(?![\w'’-])")
#: Joining words inside a lower-case place name ("heol y felin", "stow on the wold").
_LOWER_JOIN = frozenset("y yr on upon the le de in".split())


def _lower_name(text, start, end):
    """``(start, end)`` of the place name that opens ``text[start:end]``: words in no word
    list, with joining words between them; ``None`` when it opens with an ordinary word.
    Ordinary words inside are kept when a name word follows ("boots in the arndale")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    last = None
    for n, w in enumerate(words):
        word = w.group().rstrip(".,;:!?")
        if not word:
            break
        if len(word) > 2 and not _ids.is_ordinary(word.capitalize()) and not word.isdigit():
            last = start + w.start() + len(word)
        elif word in _ids._common_words() and word not in _LOWER_JOIN:
            break
        if word != w.group():
            break
    return (start, last) if last else None


def _lower_places(text, add):
    """Addresses, workplaces, schools and stations in messages typed in lower case (see
    :func:`toolkit.qual._id_persons.quoted_lower`), each after what says its kind:
    "lives", "works", "goes to ... primary", "copper in"."""
    from toolkit.qual._id_persons import quoted_lower

    for qs, qe in quoted_lower(text):
        for m in _LOWER_LIVES.finditer(text, qs, qe):
            if m.group("street"):
                add((m.start("street"), m.end("street"), "address", m.group("street")))
                continue
            street = _LOWER_LIVES_STREET.match(text, m.start("place"), qe)
            if street and not any(w in _ids._common_words() for w in street.group("street").split()[:-1]):
                add(
                    (m.start("place"), street.end("street"), "address", street.group("street"))
                )  # "lives on kestrel way"
                town = street.group("town") and _lower_name(text, street.start("town"), street.end("town"))
                if town and not _ids.is_ordinary(text[town[0] : town[1]].split()[0].capitalize()):
                    add((*town, "address", text[town[0] : town[1]]))  # "... in cramlington"
                continue
            span = _lower_name(text, m.start("place"), m.end("place"))
            if span and not _ids.is_ordinary(text[span[0] : span[1]].split()[0].capitalize()):
                add((*span, "address", text[span[0] : span[1]]))  # not "live in fear"
        for m in _LOWER_STREET.finditer(text, qs, qe):
            first = m.group("first")
            if len(first.rstrip("'’")) > 1 and not _ids.is_ordinary(first.capitalize()):
                add((m.start("street"), m.end("street"), "address", m.group("street")))  # not "on t' drive"
        if "st" in text[qs:qe] and _SCHOOL_SENTENCE.search(text, qs, qe):
            for m in _LOWER_SAINT.finditer(text, qs, qe):
                if m.group("name") not in _ids._common_words() and not _ids.is_ordinary(m.group("name").capitalize()):
                    add((m.start(), m.end(), "school", m.group()))
        for m in _LOWER_SCHOOL.finditer(text, qs, qe):
            name = m.group("place").split()[:-1]
            if not _ids.is_ordinary(name[0].capitalize()) or (
                name[0] not in _ids._common_words() and not all(_ids.is_ordinary(w.capitalize()) for w in name)
            ):  # "thornhill primary"; "queen elizabeth high": an ordinary word before a name
                add((m.start("place"), m.end("place"), "school", m.group("place")))
        if "work" in text[qs:qe] or "job" in text[qs:qe]:
            for m in _LOWER_WORKS_CHAIN.finditer(text, qs, qe):
                if m.group("chain") in _lower_chains():
                    end = m.end("where") if m.group("where") else m.end("chain")
                    add((m.start("chain"), end, "workplace", text[m.start("chain") : end]))
        for rx, kind in ((_LOWER_WORKS, "workplace"), (_LOWER_STATION, "station")):
            for m in rx.finditer(text, qs, qe):
                span = _lower_name(text, m.start("place"), m.end("place"))
                first = m.group("place").split()[0]
                if span and first not in _ids._common_words():
                    add((m.start("place"), span[1], kind, text[m.start("place") : span[1]]))


#: Welsh "I live in": "dw i'n byw yn Maes y Llan, Llanrug" (a street or estate and its village).
_LIVE_CY = re.compile(rf"(?i:byw\s+y(?:n|m|ng))\s+(?P<line>{_NAME}(?:,\s+{_NAME})?)")
_COUNTER_NAME = re.compile(rf"(?<![\w'’-])(?P<name>{_AW}(?:\s+{_AW}){{0,2}})\s+$")


def _front_counters(text, add, common):
    """A station named by its front counter or desk: "rang Kettering front counter"."""
    for tail in (" front counter", " front desk", " Front Counter", " Front Desk"):
        for i in _positions(text, tail):
            m = _COUNTER_NAME.search(text, max(0, i - 50), i + 1)
            if m is None:
                continue
            start, words = m.start("name"), m.group("name").split()
            while len(words) > 1 and words[0].casefold() in _ids.english_words():
                start = text.index(words[1], start + len(words[0]))  # "Then Lowestoft front desk"
                words = words[1:]
            if _bad_town(words, common) or any(w in _ids.allowed_proper_nouns("not places") for w in words):
                continue  # "the Tesco front desk"; a city is a station here ("Leeds front counter")
            if all(w.casefold() in _ids.english_words() for w in words):
                continue  # "the Main front desk"
            add((start, m.end("name"), "station", text[start : m.end("name")].lower()))


def _kind_of(name_words, inside):
    """Kind of an employer's or school's candidate from its name and the candidates it
    covers."""
    if name_words and (name_words[-1] in _SCHOOL_TAIL or " ".join(name_words[-2:]) in _SCHOOL_TAIL_2):
        return "school"
    return "workplace"


def _replace(found, new):
    """``found`` with ``new`` ``(start, end, kind, identity)`` added and the candidates
    inside them dropped; a new span that cuts a candidate is not taken."""
    if not new:
        return found
    new = _ids.resolve_overlaps(list(new))
    out, taken = [], []
    for n in new:
        if any(f[0] < n[1] and f[1] > n[0] and (f[0] < n[0] or f[1] > n[1]) for f in found):
            continue
        taken.append(n)
    if not taken:
        return found
    for f in found:
        if not any(f[0] < n[1] and f[1] > n[0] for n in taken):
            out.append(f)
    return _ids.resolve_overlaps(out + taken)


_WORK_WORDS = re.compile(
    rf"(?i:\b(?:works?|worked|working|shifts?|jobs?|employed|employer|staff|colleagues?|customers?|"
    rf"{_ids._alternation(_ids._OCCUPATIONS)}s?)\b)"
    r"|\b(?:I['’]m|I\s+am|I\s+was|(?:[Ss]he|[Hh]e|[Tt]hey)(?:['’]s|['’]re|\s+is|\s+was|\s+are))\s+on\s+the\s+(?:[a-z]+\s+)?"
    r"(?:counter|tills?|checkouts?|shop\s+floor|deli|shelves|forklifts?)\s+$"
    rf"|\b(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir)\s+(?:{_ids._alternation(_ids.KIN)})\s+$"
)


def _at_work(text, pos):
    """True when the sentence before ``pos`` says someone works there ("my day job is",
    "I'm an accountant in the week,", "rang my brother")."""
    before = text[max(0, pos - 100) : pos]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    if cut >= 0:
        before = before[cut + 2 :]
    return _WORK_WORDS.search(before) is not None


#: Going to a site as a visitor or patient: "went to", "was taken to", "rushed into".
_VISIT_TO_BEFORE = re.compile(
    r"(?i:\b(?:went|go|goes|going|been|visit(?:ed|ing)?|rushed|taken|took\s+(?:him|her|me|us|them|\w+)|"
    r"admitted|ended\s+up|sent|referred)\s+(?:back\s+)?(?:to|in|into|at)\s+(?:the\s+)?)$"
)
#: What the visit was for: a short stay or a patient's business, not years of schooling.
_VISIT_FOR_AFTER = re.compile(
    r"(?i:\s+for\s+(?:(?:a|an|one|two|three|four|five|six|a\s+couple\s+of|a\s+few)\s+"
    r"(?:weeks?|nights?|days?|fortnight|bit|while|scan|check-?up|appointment|op|operation|x-?ray|tests?|"
    r"treatment|stay|rest|break|course\s+of\s+\w+)"
    r"|(?:my|his|her|our|their|your|the)\s+(?:\w+['’]s\s+)?(?:\w+\s+)?(?:hip|knee|back|check-?up|appointment|"
    r"scan|op|operation|treatment|x-?ray|jabs?|injections?|results|physio|rehab|eyes?|heart|shoulder|"
    r"leg|arm|ankle|foot|wrist|neck|head|stitches|bloods|birth|labour))\b)"
)
#: Sites whose visitors outnumber their staff: said after "went to", "was taken to" they
#: are a patient's, not a workplace.
_PATIENT_SITE = frozenset("Hospital Infirmary Hospice Clinic A&E".split())


#: "the GP signed me off", "my consultant": someone else's occupation, not the speaker's work.
_THIRD_PARTY_BEFORE = re.compile(r"(?i:\b(?:the|my|our|his|her|their|your)\s+)$")


def _visited(text, s, e, words):
    """True when the site ``text[s:e]`` is said as visited ("we went to the Royal Hallam
    for her scan", "he was rushed to the Northern General Hospital") and nobody is said to
    work or study there in the sentence (someone else's occupation, "the GP signed me off",
    aside)."""
    if not _VISIT_TO_BEFORE.search(text, max(0, s - 30), s):
        return False
    if words[-1] in _SCHOOL_TAIL:
        return False  # "she went to Ripon Grammar": a school said as such
    after = text[e : e + 120]
    stop = min((i for i in (after.find(". "), after.find("? "), after.find("! ")) if i >= 0), default=len(after))
    before = text[max(0, s - 100) : s]
    before = before[max(before.rfind(". "), before.rfind("? "), before.rfind("! ")) + 1 :]
    said = [w for w in _WORK_WORDS.finditer(before) if not _THIRD_PARTY_BEFORE.search(before, 0, w.start())]
    if said or _WORK_WORDS.search(after[:stop]):
        return False
    return bool(_VISIT_FOR_AFTER.match(text, e)) or words[-1] in _PATIENT_SITE


_AT = re.compile(r"at\s+(?:the\s+)?[A-Z]")
_NEAR_PREP = re.compile(r" (?:in|on|at) (?:the )?[A-Z]")
_SITE_WORDS = (
    "depot",
    "plant",
    "factory",
    "warehouse",
    "workshop",
    "creamery",
    "dairy",
    "brewery",
    "distillery",
    "head office",
    "delivery office",
    "sorting office",
    "distribution centre",
    "fulfilment centre",
    "call centre",
    "ambulance station",
    "fire station",
    "steelworks",
    "ironworks",
    "brickworks",
    "refinery",
    "shipyard",
    "dockyard",
    "boatyard",
    "colliery",
    "foundry",
    "abattoir",
    "sawmill",
    "power station",
)
_VERB_BEFORE = re.compile(r"\b(?:work(?:s|ed|ing)?|driv(?:es|ing)|drove|volunteer(?:s|ed|ing)?)$")


def _positions(text, word):
    return _win.starts(text, (word,))


def _site_after(sites, i):
    """True when a site noun starts within 90 characters after ``i`` (``sites`` sorted)."""
    k = bisect.bisect_right(sites, i)
    return k < len(sites) and sites[k] - i < 90


def _at_starts(text):
    """Positions of the word "at" before a capitalised word."""
    out = []
    for m in _AT.finditer(text):
        i = m.start()
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’-"):
            out.append(i)
    return out


def _at_in(text, found, common):
    """Workplaces and schools said with their branch or site: "at <Name> in <Town>"."""
    new = []
    ats = _at_starts(text)
    starts = [i for i in ats if _NEAR_PREP.search(text, i + 3, i + 90)]
    for word in (" for ", " with "):
        for i in _positions(text, word):
            v = _VERB_BEFORE.search(text, max(0, i - 12), i)
            if v:
                starts.append(v.start())
    for m in _ids._matches_at(AT_IN, text, starts):
        words = m.group("name").split()
        if _bad_name(words, common):
            continue
        if m.group("name").startswith("The ") and m.group("the"):
            continue
        if len(words) == 1 and not m.group("site") and words[0] not in _chains():
            given = _ids.gazetteer()[0]
            if _POSS.sub("", words[0]) in given:
                continue  # "at Sarah's in Leeds": a person's house
        own = {f[2] for f in found if f[0] < m.end("name") and f[1] > m.start("name")}
        if "person" in own and not text.startswith("at", m.start()) and not m.group("site"):
            continue  # "she works with Dave Hollis at Tesco": a colleague, not the employer
        if _STREET_END.search(" " + " ".join(words)) and not m.group("site"):
            if not own & {"station", "address"}:
                continue
            kind = "station" if "station" in own else "address"  # "at Strand Road in Derry"
        elif own == {"station"} and not m.group("site") and words[0] not in _chains():
            kind = "station"  # "I've been at Halesowen in Dudley": a station and its town
        else:
            kind = _kind_of(words, None)
            if own and own <= {"place", "person"} and words[0] not in _chains() and not m.group("site"):
                if not _at_work(text, m.start()):
                    continue  # "I've been at Halesowen in Dudley": two places, no workplace said
        town = m.group("town").split()
        end = m.end()
        if _bad_town(town, common):
            if not _street_branch(town):
                continue
            end = m.end("site") if m.group("site") else m.end("name")  # "at Boots on New Street"
        elif not m.group("site2"):
            t_span = _drop_trailing(text, m.start("town"), m.end("town"))
            if t_span is None:
                continue
            end = t_span[1]
        new.append((m.start("name"), end, kind, m.group("name").lower()))
    sites = [i for w in _SITE_WORDS if w in text for i in _positions(text, w)]
    near = []
    if sites:
        outs = _positions(text, "out of ") + _positions(text, "from ")
        sites.sort()
        near = [i for i in ats + outs if _site_after(sites, i)]
    for m in _ids._matches_at(AT_SITE, text, near):
        words = m.group("name").split()
        if _bad_name(words, common) or "police" in m.group("site"):
            continue
        new.append((m.start("name"), m.end(), "workplace", text[m.start("name") : m.end()].lower()))
    return new


#: An employer said by its capitals (or a one-word brand the lists lack) where someone works,
#: with its site: "my day job's at BAE in Samlesbury", "he's at JLR in Gaydon", "employed by
#: GSK at Barnard Castle", "on shift at DHL in Magna Park". After a work cue: a verb of
#: working, "job", "employed", "shift", an occupation ("a fitter at"), or a verb of being
#: (then only with the site said); the site must be a town or a place name.
_ACRO_WORK_CUE = (
    r"(?:\b(?:works?|worked|working|employed|contracted|contracting|temping|temped|volunteers?|volunteered|"
    r"volunteering)(?:\s+(?:weekends|nights|days|evenings|mornings|part-time|full-time|shifts|there|now|still|"
    r"mostly|(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days))?"
    r"|\b(?:(?:day|night|proper|real|other|second|old|first|main|new)\s+)?jobs?(?:['’]s|\s+is|\s+was)?"
    r"|\bshifts?|\bon\s+(?:shift|the\s+line|nights|lates|earlies)"
    rf"|\b(?:a|an)\s+(?:[a-z-]+\s+){{0,2}}?(?:{_ids._alternation(_ids._OCCUPATIONS)}),?)"
)
_ACRO_BE_CUE = r"(?:['’]s|['’]m|\bis|\bwas|\bam|\bbeen|\bstill|\bnow)"
ACRONYM_EMPLOYER = re.compile(
    rf"(?:(?P<work>{_ACRO_WORK_CUE})|{_ACRO_BE_CUE})\s+(?:at|for|with|by)\s+(?P<the>the\s+)?"
    rf"(?P<name>[{_UP}](?:[{_UP}]|&[{_UP}]){{1,4}}(?![\w'’&@.-])(?:\s+{_AW}){{0,2}})"
    rf"(?:\s+(?P<prep>in|at|on)\s+(?:the\s+)?(?P<town>{_TOWN}))?"
)
#: After a verb of being, what says a visit, not a job: "at the NEC in Birmingham for a gig",
#: "at A&E in Wigan with his knee", "at IKEA in Wembley this morning".
_BE_VISIT_AFTER = re.compile(
    r",?\s+(?:for\s+(?:a|an|the|my|his|her|our|their|some)\b|(?:this|that|last|on\s+the)\s+"
    r"(?:morning|afternoon|evening|night|week|weekend|day|time)\b|today|tonight|yesterday|"
    r"with\s+(?:my|his|her|our|their|the|a)\b|to\s+(?:see|watch|visit|get|buy|pick|collect|meet)\b|"
    r"watching|visiting|seeing|shopping|buying|getting|queuing|waiting)"
)
#: A workplace said as a sentence of its own after work is said: "And the bar's where I
#: work. The Crow's Nest in Enniskillen.", "They rang my old work. Sainsbury's in Bletchley."
#: (the name, and its town, end the sentence).
WORK_THEN_NAME = re.compile(
    r"(?:\bwhere\s+(?:I|he|she|they|we|(?:my|his|her)\s+[a-z]+)\s+(?:work(?:s|ed)?|used\s+to\s+work)"
    r"|\b(?:my|his|her|their|our|your)\s+(?:old\s+|new\s+|other\s+|day\s+)?(?:work|workplace|job|employer))"
    rf"\s*[.:]\s+(?P<name>(?:The\s+)?{_NAME})(?:\s+(?:in|on|at)\s+(?:the\s+)?(?P<town>{_TOWN}))?"
    r"(?=\s*[.;!?]|\s*,\s+(?:and|but|so|where|which)\b|\s+[-–—])"
)
#: An insider at a firm: "I've got a lad at Barclays", "she knows someone at the DVLA",
#: "we've a mate in Santander" (a chain, capitals, or a name ending as an employer's does).
INSIDER_AT = re.compile(
    r"\b(?:got|have|has|had|['’]ve|know|knows|knew)\s+(?:got\s+)?(?:a|an|some|someone|somebody|this|one)"
    r"(?:\s+(?:mate|friend|pal|lad|lass|guy|bloke|girl|woman|fella|contact|cousin|mole|source|insider|man))?"
    r"(?:\s+who\s+works)?\s+(?:at|in|inside)\s+(?:the\s+)?"
    rf"(?P<name>[{_UP}](?:[{_UP}]|&[{_UP}]){{1,4}}(?![\w'’&@.-])|{_NAME})"
)
#: A court said as where someone works, after a court's occupation or a verb of working: "a
#: magistrate, in Bristol Magistrates' Court", "an usher at Leeds Crown Court", "she works at
#: Teesside Magistrates'" (a court said as where evidence was given is a scene, not this).
COURT_WORK = re.compile(
    r"\b(?:magistrate|usher|court\s+(?:clerk|officer|staff|manager)|clerk|legal\s+advis[eo]r|judge|recorder|"
    r"works?|worked|working|job(?:['’]s|\s+is|\s+was)?)\s*,?\s+(?:at|in|for)\s+(?:the\s+)?"
    rf"(?P<name>{_AW}(?:\s+{_AW}){{0,2}}\s+(?:Magistrates['’]?(?:\s+Court)?|(?:Crown|County|Family|Combined|"
    r"Coroner['’]s|Youth|Sheriff)\s+Courts?))(?![\w'’-])"
)
#: Capitals that are an employer (the government's, a broadcaster) though they name no one
#: in :data:`_identifiers.KNOWN_ACRONYMS`.
#: Capitals (the cheap anchor), and the preposition before them.
_CAPS_PAIR = re.compile(r"[A-Z][A-Z&]")
_PREP_BEFORE_CAPS = re.compile(r"\b(?:at|for|with|by)\s+(?:the\s+)?$")
_ACRONYM_EMPLOYERS_KNOWN = frozenset("DVLA HMRC DWP BBC ITV MOD RAF".split())


_WORK_THEN_GATE = re.compile(r"(?:work(?:s|ed|place)?|job|employer)[.:]\s")
_INSIDER_GATE = re.compile(
    r"(?:one|body|mate|friend|pal|lad|lass|guy|bloke|girl|woman|fella|contact|cousin|mole|source|insider|man|works)"
    r" (?:at|in|inside) (?:the )?[A-Z]"
)


def _work_then_names(text, found, common):
    """Workplaces said as a sentence of their own after work is said (:data:`WORK_THEN_NAME`),
    and insiders' firms (:data:`INSIDER_AT`)."""
    new = []
    if _WORK_THEN_GATE.search(text):
        for m in WORK_THEN_NAME.finditer(text):
            s = m.start("name")
            words = m.group("name").split()
            if _bad_name(words, common) or words[0] in _ids.gazetteer()[0] and not m.group("town"):
                continue  # "my old work. Sarah rang them": a person
            end = m.end("name")
            if m.group("town"):
                t_span = _drop_trailing(text, m.start("town"), m.end("town"))
                if t_span and not _bad_town(text[t_span[0] : t_span[1]].split(), common):
                    end = t_span[1]
            if any(f[0] < end and f[1] > s and f[2] not in _PLACE_KINDS for f in found):
                continue
            new.append((s, end, "workplace", text[s:end].lower()))
    hits = [g.start() for g in _INSIDER_GATE.finditer(text)]
    last = -1
    for m in (m for i in hits for m in INSIDER_AT.finditer(text, max(0, i - 24, last), min(len(text), i + 90))):
        last = m.end()
        name = m.group("name")
        words = name.split()
        caps = " " not in name and name.isupper() or "&" in name
        if caps and (name in _ids.KNOWN_ACRONYMS and name not in _ACRONYM_EMPLOYERS_KNOWN or name == "A&E"):
            continue
        if not caps and not (
            name in _chains() or words[0] in _chains() or words[-1] in _ids._PN_WORK_TAIL or words[-1] in _SITE_TAIL
        ):
            continue  # "I know someone in Leeds": a town
        if _bad_name(words, common) and not caps:
            continue
        if any(f[0] < m.end("name") and f[1] > m.start("name") and f[2] not in _PLACE_KINDS for f in found):
            continue
        new.append((m.start("name"), m.end("name"), "workplace", name.lower()))
    return new


def _court_workplaces(text, found, common):
    """Courts said as where someone works (:data:`COURT_WORK`)."""
    new = []
    for m in COURT_WORK.finditer(text):
        words = m.group("name").split()
        if _bad_town(words[:1], common):
            continue  # "works at the Crown Court": no court named
        if any(f[0] < m.end("name") and f[1] > m.start("name") and f[2] not in _PLACE_KINDS for f in found):
            continue
        new.append((m.start("name"), m.end("name"), "workplace", m.group("name").lower()))
    return new


def _acronym_employers(text, found, common, caps):
    """Employers said by their capitals where someone works (:data:`ACRONYM_EMPLOYER`), the
    pattern run over a window round each capitals ``caps`` after a preposition."""
    new = []
    last = -1
    for m in (m for c in caps for m in ACRONYM_EMPLOYER.finditer(text, max(0, c - 140, last), min(len(text), c + 120))):
        last = m.end()
        name = m.group("name").split()[0]
        if name in _ids.KNOWN_ACRONYMS and name not in _ACRONYM_EMPLOYERS_KNOWN or name in ("A&E", "I", "OK"):
            continue
        s = m.start("name")
        span = _drop_trailing(text, s, m.end("name")) if " " in m.group("name") else (s, m.end("name"))
        e = span[1] if span else s + len(name)
        if any(f[0] < e and f[1] > s and f[2] not in ("place", "workplace") for f in found):
            continue  # "I'm at GMP in Bolton": a force, a unit, a code
        if not m.group("work") and (m.group("the") or not m.group("town")):
            continue  # "he was at the NEC": a venue; "she's at UCL": nothing placed
        town = m.group("town")
        if town:
            if not m.group("work") and _BE_VISIT_AFTER.match(text, m.end("town")):
                continue  # "was at DHL in Magna Park for a pickup": a visit
            t_span = _drop_trailing(text, m.start("town"), m.end("town"))
            words = text[t_span[0] : t_span[1]].split() if t_span else []
            if words and not _bad_town(words, common) and not _ids._is_unit_words(" ".join(words), common):
                if not any(f[0] < t_span[1] and f[1] > t_span[0] and f[2] not in _PLACE_KINDS for f in found):
                    new.append((s, t_span[1], "workplace", text[s : t_span[1]].lower()))
                    continue
        if m.group("work"):
            new.append((s, e, "workplace", text[s:e].lower()))  # "works at GSK": the employer alone
    return new


_CHAIN_AFTER = re.compile(r" (?P<chain>(?:Mc)?[A-Z][A-Za-z&'’-]+)(?![\w'’&-])")


def _work_in_sentence(text, start, end):
    """True when the sentence around ``text[start:end]`` says someone works there, before
    it ("my wife works at") or after it ("where I do a bit of relief, second job")."""
    if _at_work(text, start):
        return True
    after = text[end : end + 120]
    stop = min(
        (i for i in (after.find(". "), after.find("? "), after.find("! "), after.find("\n")) if i >= 0),
        default=len(after),
    )
    return _WORK_WORDS.search(after[:stop]) is not None


_CHAIN_BEFORE = re.compile(r"(?<![\w'’&-])(?P<chain>(?:Mc)?[A-Z][A-Za-z&'’-]+) $")


def _chain_towns(text, found):
    """A chain and its branch's town said after it ("at B&Q Aintree every Saturday"): one
    candidate, a workplace when work is said."""
    new = []
    for s, e, k, ident in found:
        if k not in ("place", "address", "station", "school"):
            continue
        words = text[s:e].split()
        if len(words) > 1 and words[0] in _ids.CHAINS:
            if _work_in_sentence(text, s, e):
                new.append((s, e, "workplace", ident))  # "Saturdays at Asda Killingbeck, second job"
            elif k == "school":
                new.append((s, e, "place", ident))  # "went to Tesco Leeds": a shop, no school
            continue
        if k == "school":
            continue
        m = _CHAIN_BEFORE.search(text, max(0, s - 16), s)
        if m is None or m.group("chain") not in _ids.CHAINS:
            continue
        if any(f[0] < s and f[1] > m.start() for f in found):
            continue
        kind = "workplace" if _work_in_sentence(text, m.start(), e) else k
        new.append((m.start(), e, kind, text[m.start() : e].lower()))
    return new


def _town_chains(text, found):
    """A chain's branch named by its town before it ("my Saturdays at the Bridport Co-op,
    second job"): one workplace when work is said in the sentence."""
    new = []
    chains = _ids.CHAINS
    for s, e, k, ident in found:
        if k not in ("place", "address", "station"):
            continue
        m = _CHAIN_AFTER.match(text, e)
        if m is None or m.group("chain") not in chains:
            continue
        if not _PREP_BEFORE.search(text, max(0, s - 14), s) or not _work_in_sentence(text, s, m.end()):
            continue
        new.append((s, m.end(), "workplace", text[s : m.end()].lower()))
    return new


#: Nursery chains, named with their branch: "Busy Bees Bamber Bridge", "Kids Planet in Crewe".
NURSERY_CHAINS = (
    "Busy Bees",
    "Bright Horizons",
    "Kids Planet",
    "Monkey Puzzle",
    "Kiddi Caru",
    "Tops Day Nurseries",
    "Little Pioneers",
    "Childbase",
)
NURSERY_BRANCH = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(NURSERY_CHAINS) + r")(?:\s+(?:in|at|on)\s+(?:the\s+)?|\s+)"
    rf"(?P<town>{_TOWN})(?![\w'’-])"
)


def _nursery_branches(text, common):
    """A nursery chain and its branch ("moved her to Busy Bees Bamber Bridge"): a school, or
    a workplace when work is said."""
    new = []
    for m in NURSERY_BRANCH.finditer(text):
        span = _drop_trailing(text, m.start("town"), m.end("town"))
        if span is None or _bad_town(text[span[0] : span[1]].split(), common):
            continue
        kind = "workplace" if _work_in_sentence(text, m.start(), span[1]) else "school"
        new.append((m.start(), span[1], kind, text[m.start() : span[1]].lower()))
    return new


#: A place as the next field of a list row after a collar number or a plate ("PATEL R --
#: 119FH -- Hounslow", "Mensah, Kwame, PC, 7720, Milton Keynes, ..."): the officer's home
#: area or station.
_ROW_PLACE = re.compile(
    rf"\s*(?:--|[–—,.;|/])\s*(?P<place>{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,2}})"
    r"(?=\s*(?:--|[–—,.;:|\"”’)]|$))"
)
_ROW_PLACE_BETWEEN = re.compile(
    rf"\s*(?:--|[–—,;|/])\s*(?P<place>{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,2}})\s*(?:--|[–—,;|/])\s*"
)
#: The codes a row may give between an officer's number and their town, and the field separator.
_ROW_CODE_KINDS = frozenset(
    "ni_number nhs_number phone warrant_number collar_number vehicle date_of_birth email".split()
)
_ROW_SEP = re.compile(r"\s*(?:--|[–—,;|/])\s*")
_CAPS_NAME_FIELD = re.compile(rf"(?<![\w'’-])[{_UP}]{{3,}}(?:\s+[{_UP}]{{1,2}})?\s*(?:--|[–—,;|/])\s*$")
_ROW_STATION = re.compile(r"(?i:\b(?:station|nick|based|posted|stationed|wellbeing|referr(?:al|ed)|staff\s+list)\b)")
_ROW_HOME = re.compile(r"(?i:\b(?:live[sd]?|living|home|address|addresses|where\s+\w+\s+lives?)\b)")


def _row_places(text, found, common):
    """Places as fields of a list row after an officer's collar number or plate."""
    new = []
    persons = [f[1] for f in found if f[2] == "person"]
    for i, f in enumerate(found):
        if f[2] not in ("collar_number", "vehicle"):
            continue
        if not any(0 <= f[0] - p <= 60 and "\n" not in text[p : f[0]] for p in persons):
            if not _CAPS_NAME_FIELD.search(text, max(0, f[0] - 30), f[0]):
                continue  # a row names its officer first ("PATEL R -- 119FH -- Hounslow")
        before = text[max(0, f[0] - 300) : f[0]]
        kind = "station" if _ROW_STATION.search(before) and not _ROW_HOME.search(before) else "address"
        lead = next((p for p in persons if 0 <= f[0] - p <= 40), None)
        mid = _ROW_PLACE_BETWEEN.fullmatch(text, lead, f[0]) if lead is not None else None
        if mid and not any(g[0] < mid.end("place") and g[1] > mid.start("place") and g[2] != "place" for g in found):
            words = mid.group("place").split()
            if not (_bad_town(words, common) or words[0].isupper() or _ids.is_ordinary(words[0]) and len(words) == 1):
                new.append((mid.start("place"), mid.end("place"), kind, mid.group("place").lower()))
        end = f[1]
        for g in found[i + 1 : i + 4]:
            if g[2] in _ROW_CODE_KINDS and _ROW_SEP.fullmatch(text, end, g[0]):
                end = g[1]  # "Patel, Anjali – 3318 – CR 52 38 66 A – Loughborough": the row's next field
            else:
                break
        m = _ROW_PLACE.match(text, end)
        if m is None or any(
            g[0] < m.end("place") and g[1] > m.start("place") and not (g[2] == "place" and g[:2] == m.span("place"))
            for g in found
        ):
            continue  # another kind there already (a lexicon's place is given the row's kind)
        words = m.group("place").split()
        if _bad_town(words, common) or words[0].isupper() or _ids._is_unit_words(" ".join(words), common):
            continue  # "1184, NHS ...", "7720, Response Team"
        if (len(words) == 1 and _ids.is_ordinary(words[0])) or all(w.casefold() in _ids.english_words() for w in words):
            continue  # "7720, Referral, ...", "4417, Night Shift" (not "Milton Keynes")
        if words[0] in _ids.gazetteer()[0] or words[0] in _ids.allowed_proper_nouns("not places"):
            continue  # a name or a platform in the next field
        new.append((m.start("place"), m.end("place"), kind, m.group("place").lower()))
    return new


_WELSH_JOIN_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>{_AW})\s+(?:y|yr)\s+$")


def _welsh_join_schools(text, found):
    """A school whose Welsh name has "y" / "yr" inside ("Pen y Dre High"): the words
    before the joining word belong to it."""
    new = []
    for f in found:
        if f[2] != "school":
            continue
        m = _WELSH_JOIN_BEFORE.search(text, max(0, f[0] - 30), f[0])
        if m is None:
            continue
        if not _ids._sentence_start(text, m.start()) or m.group("name").casefold() not in _ids.english_words():
            new.append((m.start("name"), f[1], "school", text[m.start("name") : f[1]].lower()))
    return new


_ROMAN_GAP = re.compile(r" (?:II|III|IV|V|VI|VII|VIII) ")


def _roman_names(text, found):
    """Two candidates joined by a king's numeral ("King Edward VI Camp Hill"): one name, a
    school when the sentence is about a child or a school."""
    new = []
    found = sorted(found)
    for a, b in zip(found, found[1:]):
        if a[2] in _PLACE_KINDS and b[2] in _PLACE_KINDS and _ROMAN_GAP.fullmatch(text, a[1], b[0]):
            kind = "school" if "school" in (a[2], b[2]) or _school_said(text, a[0], b[1]) else a[2]
            new.append((a[0], b[1], kind, text[a[0] : b[1]].lower()))
    return new


#: A station name ending in the plain word "station" (not "police station").
_PLAIN_STATION = re.compile(r"(?<![Pp]olice)(?<![Ff]ire)(?<![Cc]ustody)\s+[Ss]tation$")


def _merge_towns(text, found):
    """A workplace or school followed by "in/on <candidate>" (its branch or town), or a
    station by "in <place>", becomes one candidate with it."""
    out = []
    i = 0
    n = len(found)
    while i < n:
        s, e, k, ident = found[i]
        j = i
        while j + 1 < n:
            ns, ne, nk, _ = found[j + 1]
            gap = text[found[j][1] : ns]
            if k == "place" and nk in _TOWN_KINDS and _IN_GAP.fullmatch(gap) and text[s:e].split()[-1] in _SITE_TAIL:
                k = "workplace"  # "Dorset Hospitals in Poole": an employer and its town
            if (
                k in _WORK_KINDS
                and nk == "force"
                and " " not in text[ns:ne]
                and (_GAP.fullmatch(gap) or _COMMA_IN_GAP.fullmatch(gap))
            ):  # "Framwellgate School, in Durham": the school's town, no force
                j += 1
                e = ne
            if k == "station" and nk == "place" and _IN_GAP.fullmatch(gap) and _PLAIN_STATION.search(text, s, e):
                j += 1  # "Wood Street station in Wakefield": the town where it is, no name
            elif (k in _WORK_KINDS and nk in _TOWN_KINDS and _GAP.fullmatch(gap)) or (
                k == "station" and nk == "place" and _IN_GAP.fullmatch(gap)
            ):  # "Clough Road in Hull": a station and its town, as "X police station in Y"
                j += 1
                e = ne
            break
        out.append((s, e, k, ident))
        i = j + 1
    return out


def _address_lines(text, found, common):
    """Address lines before a postcode ("The Old Forge, TN3 0LE") or after "my address,",
    "my house name, which is", "my road." and house names before an address."""
    new = []
    given = _ids.gazetteer()[0]

    def blocked(s, e):
        for f in found:
            if f[0] < e and f[1] > s and f[2] not in ("place", "address", "workplace", "station"):
                if (
                    f[2] == "person"
                    and "," in text[s : f[0]]
                    and " " not in text[f[0] : f[1]]
                    and (f[1] >= len(text) or text[f[1]] in ",.;:)")
                ):
                    continue  # "Flat 3, The Maltings, Beverley,": a town named like a person
                if f[2] == "person" and (
                    text[f[0] : f[1]].split()[-1] in HOUSE_WORDS or _NUM_BEFORE.search(text[max(0, f[0] - 6) : f[0]])
                ):
                    continue  # "Rose Cottage", "11 Hill Crest": a house, not a person
                return f
        return None

    def take(s, e):
        """Trim leading parts that hold a person or start a sentence with a common word."""
        while s < e:
            b = blocked(s, e)
            if b is None:
                break
            nxt = text.find(",", b[1], e)
            if nxt < 0:
                return None
            s = nxt + 1
            while s < e and text[s] == " ":
                s += 1
        while s < e:  # a leading part of ordinary words only: "Mine, Flat 2, ..."
            comma = text.find(",", s, e)
            part = text[s : comma if comma >= 0 else e].split()
            if (
                comma < 0
                or not part
                or any(c.isdigit() for c in "".join(part))
                or part[-1] in HOUSE_WORDS
                or _STREET_END.search(" ".join(part))
                or not all(_ids.is_ordinary(w) for w in part)
            ):
                break
            s = comma + 1
            while s < e and text[s] == " ":
                s += 1
        first = text[s:e].split()[0] if s < e else ""
        head = text[s:e].split(",")[0].split()
        house = bool(head) and head[-1] in HOUSE_WORDS and len(head) > 1  # "Old Forge Cottage, ..."
        if not first or first.casefold() in common and first != "The" and not house or _ids._calendar(first):
            return None
        return s, e

    postcodes, addresses = [], []
    for i, f in enumerate(found):
        if f[2] == "postcode":
            postcodes.append(f)
        elif f[2] == "address":
            addresses.append(i)
    for f in postcodes:
        lo = max(0, f[0] - 120)
        seg = text[lo : f[0]]
        cut = max(seg.rfind(". "), seg.rfind("? "), seg.rfind("! "), seg.rfind(": "), seg.rfind("\n"))
        if cut >= 0:
            lo, seg = lo + cut + 2, seg[cut + 2 :]
        m = _LINE_BEFORE.search(seg)
        if m is None or not seg[m.start() :].rstrip().endswith(","):
            continue
        s, e = lo + m.start(), lo + m.start() + len(seg[m.start() :].rstrip().rstrip(","))
        span = take(s, e)
        if span is None:
            continue
        new.append((*span, "address", text[span[0] : span[1]].lower()))
    has_address = "address" in text or "house name" in text
    said = _ADDRESS_SAID.finditer(text) if has_address or " road" in text or " street" in text else ()
    labels = list(_ADDRESS_LABEL.finditer(text)) if "Address" in text else []
    for a in [*said, *labels]:
        if a.re is not _ADDRESS_LABEL and not _OWNER_BEFORE.search(text, max(0, a.start() - 20), a.start()):
            continue  # "my address, ...", or a form's "Address: ..." field
        m = _LINE.match(text, a.end())
        if m is None:
            continue
        span = take(m.start(), m.end())
        if span is None:
            continue
        words = _TOKEN.findall(text[span[0] : span[1]].replace(",", " "))
        if not (
            any(c.isdigit() for c in text[span[0] : span[1]])
            or any(w in HOUSE_WORDS for w in words)
            or not all(_ids.is_ordinary(w) or w in given for w in words)
        ):
            continue
        if any(w in given and len(words) <= 2 for w in words[:1]) and not any(
            c.isdigit() for c in text[span[0] : span[1]]
        ):
            continue  # "my road, Dave said": a person
        new.append((*span, "address", text[span[0] : span[1]].lower()))
    loose = _ADDRESS_SAID_LOOSE.finditer(text) if has_address else ()
    for a in loose:
        if not _OWNER_BEFORE.search(text, max(0, a.start() - 20), a.start()):
            continue
        m = _LINE.match(text, a.end())
        if m is None or (a.group("what") == "address" and not _NUM_OR_FLAT.match(m.group())):
            continue
        span = take(m.start(), m.end())
        if span:
            new.append((*span, "address", text[span[0] : span[1]].lower()))
    called = _HOUSE_CALLED.finditer(text) if " called" in text or " named" in text else ()
    for a in called:
        m = _PART_RE.match(text, a.end())
        if m and (m.group().split()[0].casefold() not in common or m.group().startswith("The ")):
            new.append((m.start(), m.end(), "address", m.group().lower()))  # "a house called The Old Forge"
    lives = _ids._anchored_finditer(_LIVES_AT, text, text, ("liv", "mov")) if "liv" in text or "mov" in text else ()
    for a in lives:
        m = _LINE.match(text, a.end())
        if m and len(m.group().split()) > 1:
            span = take(m.start(), m.end())
            if span:
                new.append((*span, "address", text[span[0] : span[1]].lower()))
    for i in addresses:
        b = found[i]
        town = _TOWN_AFTER.match(text, b[1])
        if town and _STREET_END.search(text[b[0] : b[1]]) and any(c.isdigit() for c in text[b[0] : b[1]]):
            w = town.group("town")
            if w.split()[0].casefold() not in common and not _ids._calendar(w.split()[0]):
                if not any(f[0] < town.end() and f[1] > b[1] and f[2] != "place" for f in found):
                    new.append((b[0], town.end(), "address", b[3]))  # "14 Elm Walk, Reading": its town
        flat = _FLAT_BEFORE.search(text, max(0, b[0] - 8), b[0])
        if flat:  # "2/1, 44 Dumbarton Road", "3F1, 12 Marchmont Crescent": the flat's position
            new.append((flat.start(), b[1], "address", b[3]))
        house = _HOUSE_BEFORE.search(text, max(0, b[0] - 40), b[0])
        if (
            house
            and (
                house.group("name").split()[-1] in HOUSE_WORDS
                or (
                    _PLURAL_HOUSE.fullmatch(house.group("name"))
                    and _STREET_END.search(text[b[0] : b[1]].split(",")[0])
                    and _TOWN_AFTER.match(text, b[0] + len(text[b[0] : b[1]].split(",")[0]))
                )
            )
            and not any(f[0] < b[0] and f[1] > house.start("name") for f in found)
        ):
            end = b[1]
            town = _TOWN_AFTER.match(text, b[1])
            if (
                town
                and town.group("town").split()[0].casefold() not in common
                and not any(f[0] < town.end() and f[1] > b[1] and f[2] != "place" for f in found)
            ):
                end = town.end()  # "The Willows, Church Lane, Ripley": the house, its street and town
            new.append((house.start("name"), end, "address", b[3]))  # "The Old Forge, Church Lane, Wrenbury"
        if i == 0:
            continue
        a = found[i - 1]  # a house name before an address: "Rose Cottage, Mill Lane, Great Ayton"
        if not _COMMA_GAP.fullmatch(text, a[1], b[0]):
            continue
        last = text[a[0] : a[1]].split()[-1]
        if a[2] in ("place", "address") or (a[2] in ("person", "workplace") and last in HOUSE_WORDS):
            new.append((a[0], b[1], "address", text[a[0] : b[1]].lower()))
    return new


def _landmark_towns(text, found):
    """The town after an address and a landmark ("lives in Rose Villa by the chapel in
    Llanrug"): part of where someone lives."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a[2] == "address" and b[2] == "place" and _LANDMARK_IN.fullmatch(text, a[1], b[0]):
            out[i] = (b[0], b[1], "address", b[3])
    return out


#: A chain said again as where someone shops or goes ("I don't shop at Tesco anymore"), or
#: as its website ("on the Samaritans website"): the brand, not the workplace again.
_CUSTOMER_BEFORE = re.compile(
    r"(?i:\b(?:shop(?:s|ped|ping)?|buy|bought|go|goes|went|going)\s+(?:\w+\s+)?(?:at|in|to|into)\s+(?:the\s+)?)$"
)
_ONLINE_AFTER = re.compile(
    r"\s+(?:(?:Facebook|Instagram|Twitter|X|TikTok|YouTube|LinkedIn|Insta|FB)\s+)?"
    r"(?:website|web\s+site|site|page|app|account|newsletter|magazine|logo|group|feed|channel)\b"
)


#: A brand said again before what belongs to a job there: "it's the Waitrose job they went
#: after", "in my Asda uniform", "the Greggs rota".
_JOB_NOUN_AFTER = re.compile(r"\s+(?:job|jobs|shift|shifts|uniform|lanyard|fleece|rota|staff|colleagues|payroll)\b")


def _brand_again(text, found):
    """A chain or employer named once with its branch ("B&Q at Trostre", "Asda in
    Winsford") and again alone as a place ("see you in B&Q", "on the Asda bakery")."""
    new = []
    for s, e, k, ident in found:
        if k != "workplace":
            continue
        m = _BRAND_HEAD.match(text[s:e])
        if m is None:
            continue
        name = m.group(1)
        if name.split()[0] in ("The",):
            continue
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if (
                not s <= i < e
                and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’&-"))
                and (j == len(text) or not (text[j].isalnum() or text[j] in "&-"))
                and (_PREP_BEFORE.search(text, max(0, i - 14), i) or _JOB_NOUN_AFTER.match(text, j))
                and not _CUSTOMER_BEFORE.search(text, max(0, i - 24), i)
                and not _ONLINE_AFTER.match(text, j)
            ):
                new.append((i, j, "workplace", ident))
            i = text.find(name, j)
    return new


def _again_names(span):
    """The parts of an address that name a house or a village when said again alone: its
    house name, and its last part when that is a village or town (not a large city)."""
    parts = [p.strip() for p in span.split(",")]
    out = []
    for n, name in enumerate(parts[:1] + parts[1:][-1:]):
        words = name.split()
        if (
            not words
            or len(name) < 5
            or any(c.isdigit() for c in name)
            or _STREET_END.search(" " + name)
            or (n == 1 and name in _ids.allowed_proper_nouns())
        ):
            continue
        if (words[-1] in HOUSE_WORDS if n == 0 else len(words) > 1) or not all(_ids.is_ordinary(w) for w in words):
            out.append(name)
    return out


def _house_again(text, found):
    """A house name or the village of an address ("Tŷ'r Ywen, Penrhyncoch") said again
    alone."""
    new = []
    for s, e, k, ident in found:
        if k != "address":
            continue
        for name in _again_names(text[s:e]):
            if text.count(name) >= 2:
                new += _mentions(text, name, s, e, ident)
    return new


def _mentions(text, name, s, e, ident):
    """Other whole-word mentions of ``name`` outside ``text[s:e]``, as addresses."""
    new = []
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        if (
            not s <= i < e
            and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’-"))
            and (j == len(text) or not (text[j].isalnum() or text[j] in "'’-") or _POSS_AFTER.match(text, j))
        ):
            new.append((i, j, "address", ident))  # "Tregenna's my house name": the name, then "is"
        i = text.find(name, j)
    return new


_HOME_BEFORE = re.compile(
    r"(?i:\b(?:live[sd]?|living|home|house|flat|address|moved|grew\s+up|postcode|neighbours?|"
    r"burglary|attended|incident|called\s+to|born|street|road))"
)
_POLICE_BEFORE = re.compile(
    r"\b(?:PCSO|PC|DC|DS|DI|DCI|Sgt|Insp|SC|PSNI|HQ|(?i:sergeant|inspector|detective|officer|constable|"
    r"special|police|headquarters|uniform|switchboard|custody|response\s+car|nick))\b"
)
_POLICE_AFTER = re.compile(
    r"\s+(?:response|section|custody|shift|nights|days|lates|earlies|nick|CID|neighbourhood|at\s+shift)\b"
    r"|,\s+(?:PCSO|PC|DC|DS|Sgt|Sergeant|Inspector)\b"
)
_HOME_AFTER = re.compile(r"\s*,?\s+where\s+(?:\w+\s+){1,2}(?:lives?|lived|grew)\b")
_BEFORE_PLACE = re.compile(r"(?:\b(?:at|from|outside|on\s+the|to)\s+|,\s+)$")


def _station_street(text, s, e, found_before):
    """True when the address candidate ``text[s:e]`` (a street or district, no house
    number) is where an officer works: after "at / from / outside" or in apposition, in
    a sentence about policing ("I'm a DC in Leicestershire Police, Euston Street",
    "on the Keyham Lane response shift") and not about a home."""
    lo = max(0, s - 70)
    before = text[lo:s]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    if cut >= 0:
        before = before[cut + 2 :]
    if not _BEFORE_PLACE.search(before) or _HOME_BEFORE.search(before) or _HOME_AFTER.match(text, e):
        return False
    return bool(_POLICE_BEFORE.search(before) or _POLICE_AFTER.match(text, e) or found_before(s - len(before), s))


_PAIR_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>{_AW}(?:\s+{_AW}){{0,2}})\s+(?:and|&)\s+$")


def _pairs(text, found, common):
    """ "Forth Banks and Etal Lane": a name joined by "and" to a station or a street is one
    of the same kind (two stations, two streets of a round)."""
    new = []
    for f in found:
        if f[2] not in ("station", "address") or not _STREET_END.search(" " + text[f[0] : f[1]]):
            continue
        m = _PAIR_BEFORE.search(text, max(0, f[0] - 45), f[0])
        if m is None or _ids._sentence_start(text, m.start()):
            continue
        words = m.group("name").split()
        if _bad_town(words, common) or words[0] in _ids.gazetteer()[0] or _ids._is_unit_words(" ".join(words), common):
            continue
        if any(g[0] < m.end("name") and g[1] > m.start("name") for g in found):
            continue  # already a candidate
        if all(w in _ids.allowed_proper_nouns() for w in words):
            continue  # "between Leeds and Harehills Lane": a large city names nobody
        new.append((m.start("name"), m.end("name"), f[2], m.group("name").lower()))
    return new


def _corrections(text, found, common):
    """Kinds put right and look-alikes dropped."""
    out = []
    forces = [f[1] for f in found if f[2] == "force"]

    def force_before(lo, hi):
        return any(lo <= x <= hi for x in forces)

    denied = {text[s:e] for s, e, k, _ in found if k in _PLACE_KINDS and _NOT_WORKED_THERE.match(text, e)}
    for s, e, k, ident in found:
        if k in _PLACE_KINDS or k == "force":
            if _NOT_WORKED_THERE.match(text, e):
                continue  # "my appendix out at Pinderfields. I wasn't working there": only visited
            if k in ("workplace", "place") and _CUSTOMER_AFTER.match(text, e):
                continue  # "the Stanley Arms, which she drinks in": a customer's, nobody's work
            if k in ("workplace", "place") and _A_VENUE_BEFORE.search(text, max(0, s - 40), s):
                if not _work_in_sentence(text, s, e):
                    continue  # "photographed in a pub, the Nag's Head,": a venue visited
            if k in ("workplace", "place") and (_SHOPPING_AFTER.match(text, e) or _VISITED_AFTER.match(text, e)):
                if not _at_work(text, s):
                    continue  # "at the Tesco in Merthyr doing my shopping": a shop or site visited
            if _NOT_WHERE_AFTER.match(text, e):
                continue  # "Suffolk's not where I worked", "Hexham isn't where we live": denied
            if k in ("place", "workplace") and text[s:e] in denied:
                continue  # "So Pinderfields was where you were treated?": the same site again
            if _SPEAKER_LABEL_TAIL.match(text, e) and _SPEAKER_LABEL_HEAD.search(text, max(0, s - 40), s):
                continue  # "P12 (PCSO, Kent):": the label's description of the speaker
        if k == "force" and " " not in text[s:e] and _SETTLEMENT_IN_BEFORE.search(text, max(0, s - 30), s):
            if not _home_said_before(text, s):
                continue  # "I'll say it's a village in Kent": a county, no force and no address
            k, ident = "address", text[s:e].lower()  # "we live in a little town in Surrey"
        if k == "person" and _SAINT_BEFORE.search(text, max(0, s - 7), s) and text.startswith(("'s", "’s"), e):
            church = _CHURCH_TAIL.match(text, e + 2)
            if church and not _CHURCH_NOUN_AFTER.match(text, church.end()):
                s = s - len(_SAINT_BEFORE.search(text, max(0, s - 7), s).group())
                k, ident = "school", text[s : church.end()].lower()  # "St Joseph's RC" in a row: a church school
                e = e + 2
        saint = k == "person" and _SAINT_BEFORE.search(text, max(0, s - 7), s)
        if saint and not any(f[0] < saint.end() and f[1] > saint.start() for f in found):
            continue  # "the pub by St James'", "St John Ambulance": a saint's name, nobody's
        if k not in _PLACE_KINDS:
            out.append((s, e, k, ident))
            continue
        span = text[s:e]
        words = span.split()
        if k == "station" and len(words) == 2 and words[1] in ("station", "nick") and _ids.is_ordinary(words[0]):
            if _SENTENCE_START_BEFORE.search(text, max(0, s - 4), s):
                continue  # "Whole station.", "Proper nick.": an adjective opening a sentence
        if k == "school" and span.startswith(("Saints ", "Souls ")) and text.endswith("All ", 0, s):
            s, span, words = s - 4, text[s - 4 : e], ["All", *words]  # "All Saints Catholic Primary"
            ident = span.lower()
        if k == "school" and _FACILITY_AFTER.match(text, e):
            continue  # "you go to Brook Lane gym": a gym, no school
        if k == "school" and words and words[-1] in _PATIENT_SITE:
            k = "workplace"  # "she went to Leeds General Infirmary as a nurse": a hospital, no school
        if (k in _WORK_KINDS or k == "place") and _visited(text, s, e, words):
            continue  # "we went to the Royal Hallam for her scan": a site visited, nobody's work or school
        if k == "place" and " " not in span and _VERB_AUX_BEFORE.search(text, max(0, s - 12), s):
            if span.endswith(("ed", "ing")):
                continue  # "someone had Photoshopped it": a brand made a verb
        if k == "place" and _AREA_WAY_AFTER.match(text, e) and not _home_said_before(text, s):
            continue  # "mostly rural, Llandeilo way": the area round a place, no address
        if k == "place" and _INTENSIFIER_BEFORE.search(text, max(0, s - 10), s) and span.endswith(_DEMONYM_ENDS):
            continue  # "very Glaswegian": where someone is from, as an adjective
        if not words:
            out.append((s, e, k, ident))
            continue
        if k == "address" and not any(c.isdigit() for c in span) and _PRODUCT_STREET.search(span):
            head = _PRODUCT_TAIL.sub("", span).split()
            if not head or head[-1] in ("Google", "Apple") or span.startswith(("Google", "Apple")):
                continue  # "on Street View", "my Google Drive": products, no street
        if k in ("address", "place", "school") and _department(words):
            continue  # "the leaflet was from Occupational Health", "from the Fed": no place
        if k == "address" and all(_POSS.sub("", w) in _platforms() for w in words):
            continue  # "they put my address on Facebook": a platform, no address
        if k in ("address", "place") and _UNIT_HEAD_AFTER.match(text, e) and _ids._is_unit_words(span, common):
            continue  # "moved to Dog Unit": a unit named by its function, no home
        if k in ("address", "place") and _NEGATED_BEFORE.search(text, max(0, s - 40), s):
            continue  # "I don't live in Rhyl", "I'd never been to Stoke": where nobody is
        if k == "place" and (_OPERATION_BEFORE.search(text, max(0, s - 11), s) or words[0] in ("Op", "Operation")):
            continue  # "Op Ludlow": an operation's name, no place
        while e < len(text) and text[e].isalpha():
            e += 1  # "Gdańsk", not "Gda": a name ends with its word
        if span.endswith(" Co") and text.startswith("-op", e) and not text[e + 3 : e + 4].isalpha():
            e += 3  # "the Lyme Regis Co-op": the chain's name ends with its word
            span = text[s:e]
            words = span.split()
            if k == "station":
                k = "workplace"  # a shop, no police station
        if k == "workplace" and _WITH_BEFORE.search(text, max(0, s - 12), s):
            who = _PERSON_AT.match(span)
            if who and who.group(1) in _ids.gazetteer()[0]:  # "works with Dave Hollis at Tesco"
                out.append((s, s + who.end(2), "person", who.group(2).lower()))
                s = s + who.end()
                span = text[s:e]
                words = span.split()
                ident = span.lower()
        if k == "workplace" and _POLICE_WORD_BEFORE.search(text[max(0, s - 8) : s]):
            continue  # "the Police Treatment Centres": a national police body
        if k in ("place", "workplace") and words and words[-1] in _DEPT_TAIL:
            if all(w in _DEPT_TAIL or w in _ids.UNIT_WORDS or w.casefold() in common for w in words):
                continue  # "the People Directorate": a department
        if k == "place" and _SCENE_IN_BEFORE.search(text, max(0, s - 40), s) and not _home_said_before(text, s):
            continue  # "found burnt out in Seacroft", "a copwatch page in Middlesbrough": a scene
        if k == "address" and not any(c.isdigit() or c == "," for c in span) and _STREET_END.search(" " + span):
            if _incident_street(text, s, e):
                continue  # "Arrested him on Shields Road": a scene, nobody's address
        if k == "place" and (
            span in GROUNDS
            or _VENUE_AFTER.match(text, e)
            and not _at_work(text, s)
            or _VISIT_BEFORE.search(text, max(0, s - 30), s)
        ):
            continue  # "in the Counting House pub", "at the King Power": a venue visited
        if (
            k == "address"
            and _FROM_ORIGINALLY.match(text, e)
            and _FROM_BEFORE.search(text, max(0, s - 14), s)
            and _NOT_FROM_HERE.search(text, max(0, s - 60), s)
        ):
            continue  # "I'm from Derry originally": where someone is from, not where they live
        if k in ("place", "address") and len(words) > 1 and words[-1] in _EVENT_TAIL:
            continue  # "the Highland Games": an event
        if k == "place":
            nxt = _NEXT_CAP.match(text[e : e + 30])
            if nxt and nxt.group(1) in _NEWSPAPER and _THE_BEFORE.search(text[max(0, s - 5) : s]):
                continue  # "in the Bristol Post": a newspaper
            if words and words[-1] in _NEWSPAPER and _IN_THE_BEFORE.search(text[max(0, s - 10) : s]):
                continue
        if k in ("station", "workplace", "place") and words:
            if k == "station" and " in " in span and span.rsplit(" in ", 1)[0].split()[-1] in _SCHOOL_TAIL:
                k = "school"  # "Little Acorns Nursery in Chippenham": a nursery and its town, no station
            elif words[-1] in _SCHOOL_TAIL and (k != "place" or words[-1] != "Middle" or len(words) > 1):
                k = "school"
            elif " ".join(words[-2:]) in _SCHOOL_TAIL_2:
                k = "school"
        if k == "school" and all(
            w in _ids.SCHOOL_KIND_WORDS or w in _SCHOOL_TAIL or w.casefold() in common for w in words
        ):
            continue  # "The Day Nursery", "the Sixth Form College": a kind of school, no name
        if k == "place" and len(words) == 2 and _POSS.search(words[0]) and words[1] in _ids.allowed_proper_nouns():
            name = words[0][:-2]
            if name in _ids.gazetteer()[0] and not _ids.is_ordinary(name):
                out.append((s, s + len(name), "person", name.lower()))  # "from Andy's Facebook": his account
            continue
        if k == "place" and all(w in _not_places_cy_sco() for w in words):
            continue  # '"Dyma Owain"', '"Thon wee nyaff"': Welsh and Scots words, no place
        if k == "place" and all(_ids.is_ordinary(w) for w in words):
            nxt = _CAP_WORD_AFTER.match(text, e)
            if nxt and nxt.group(1).casefold() in common:
                continue  # "at Head Office": a capitalised phrase of ordinary words
        if k == "address" and "," in span:
            last = _SPEAKER_AFTER.search(text, s, min(len(text), e + 12))
            if last and last.start(1) < e and last.group(1) in _ids.gazetteer()[0]:
                out.append((s, last.start(), k, ident))  # "Camden Road, Sarah said"
                out.append((last.start(1), last.end(1), "person", last.group(1).lower()))
                continue
        if k in ("address", "place") and _SCHOOL_THEN_BEFORE.search(text, max(0, s - 12), s):
            if not _LIVES_WORD.search(text[e : e + 40].split(". ")[0]):
                k = "school"  # "The little one's nursery. Sunny Meadows.": the nursery's name
        if k == "workplace" and _SCHOOL_NOUN_BEFORE.search(text, max(0, s - 30), s):
            k = "school"  # "at nursery, Little Owls": a nursery or school in apposition
        if k in ("address", "place") and _SCHOOL_CHILD_BEFORE.search(text, max(0, s - 40), s):
            if _SAINT.fullmatch(span) or _YEAR_AT.search(text[max(0, s - 20) : s]):
                k = "school"  # "my daughter's at St Bede's", "in Year 9 at Thornhill"
        church = _CHURCH_TAIL.match(text, e) if k in ("station", "place", "address", "workplace") else None
        if church and not _CHURCH_NOUN_AFTER.match(text, church.end()):
            if _SAINT.fullmatch(span) or _SCHOOL_AFTER_CHURCH.match(text, church.end()):
                k = "school"  # "she's at St Anne's C of E": a church school, no station
        if k == "school":
            more = _CAP_AFTER.match(text, e)
            if more and not _ids._calendar(more.group(1)) and more.group(1) not in _ids._RANK_WORDS:
                if not any(f[0] < more.end() and f[1] > e for f in found):
                    e = more.end()  # "Holy Family", "Sacred Heart": the name's last word
            church = _CHURCH_TAIL.match(text, e)
            if church and not any(f[0] < church.end() and f[1] > e for f in found):
                e = church.end()  # "St Anne's C of E", "Holy Cross RC": the school's church
                tail = _SCHOOL_AFTER_CHURCH.match(text, e)
                if tail and not any(f[0] < tail.end() and f[1] > e for f in found):
                    e = tail.end()  # "St Cuthbert's RC High": the kind of school after its church
            pupils = _PUPILS_SCHOOL_AFTER.match(text, e) if span.endswith(("Girls", "Boys")) else None
            if pupils and not any(f[0] < pupils.end() and f[1] > e for f in found):
                e = pupils.end()  # "Kings Norton Girls' School": the apostrophe and the school
            boys = _FOR_BOYS.match(text, e)
            if boys and not any(f[0] < boys.end() and f[1] > e for f in found):
                e = boys.end()  # "Altrincham Grammar School for Boys"
        if k == "workplace" and words[-1] in _CORPORATE_TAIL:
            lead = _INITIALS_BEFORE.search(text, max(0, s - 6), s)
            if (
                lead
                and lead.group(1) not in _ids._RANK_WORDS
                and not any(f[1] > lead.start(1) and f[0] < s for f in found)
            ):
                s = lead.start(1)  # "PG Ledger Services Ltd": the initials open the company's name
        if k == "workplace" and words[-1] in _NUMBERED_SITE:
            num = _SITE_NUMBER.match(text, e)
            if num and not any(f[0] < num.end() and f[1] > e for f in found):
                e = num.end()  # "Gatwick North Terminal 2", "Aintree Hangar 3": the number is its name
        if k == "station" and span.startswith(("Ysgol ", "Coleg ")):
            k = "school"
        if k == "station" and (
            _FIRE_STATION.search(span)
            or words[-1] in _ids._PN_WORK_TAIL
            and not (words[-1] == "Group" and _ids._is_unit_words(span, common))
            or words[-1] in TRADE_WORDS
            or all(w in _chains() for w in words)
        ):
            k = "workplace"  # a fire station, "Mane Street Salon": no police station
        if k == "address" and not any(c.isdigit() for c in span) and "," not in span:
            if _station_street(text, s, e, force_before):
                k = "station"  # a station named by its street
        out.append((s, e, k, ident))
    return out


#: Words that make a phrase of policing-function words a department ("Occupational Health",
#: "Professional Standards", "the Fed"), not a district or a street ("New Road", "North West").
_DEPT_WORDS = frozenset(
    """Health Standards Resources Federation Fed Welfare Wellbeing Vetting HR Finance Training
    Recruitment Occupational Occy Occ Professional Legal Complaints Misconduct Disclosure Records Audit""".split()
)


_LIVES_WORD = re.compile(r"(?i:\b(?:live[sd]?|living|moved|home|house|grew\s+up|born)\b)")


#: A street said as where something happened, not where anyone lives: "Arrested him on
#: Shields Road", "From a stop on the Soho Road", "the whole of Elland Road was rammed",
#: "Easter Road. That was where it happened", "Soho Road's not where I live".
_INCIDENT_BEFORE = re.compile(
    r"(?i:\b(?:arrest(?:ed|ing)?\s+(?:him|her|them|a\s+\w+)|stopped\s+(?:him|her|them)|a\s+(?:stop|fight|crash|chase)|"
    r"filmed\s+(?:me|us|him|her|them)|attacked|assaulted|the\s+whole\s+of)"
    r"\s+(?:\w+\s+){0,2}?(?:on|in|along|down|up|at|near)?\s*(?:the\s+)?)$"
)
_INCIDENT_AFTER = re.compile(
    r"(?:['’]s)?\.?\s+(?:(?:That|This|It)(?:['’]s|\s+was|\s+is)\s+where\s+(?:it|this|that|the\s+\w+)\s+(?:happened|kicked\s+off)"
    r"|(?:was|were)\s+(?:rammed|packed|heaving|mobbed|chaos|gridlocked))"
    r"|['’]s\s+not\s+where\s+(?:I|we|he|she|they)\s+live"
)


#: Venues merely visited, said as such: "in the Counting House pub", "we'll find you at the
#: King Power" (a football ground), "a birthday party at Wacky Warehouse".
_VENUE_AFTER = re.compile(r"\s+(?:pub|bar|inn|nightclub|club|stadium|ground|restaurant|soft\s+play)\b")
_VISIT_BEFORE = re.compile(
    r"(?i:\b(?:party|do|meal|night\s+out|drinks?|pint|match|game|gig|concert|wedding|christening)\s+(?:at|in)\s+(?:the\s+)?)$"
)
GROUNDS = frozenset(
    """King Power|Etihad|Emirates|Anfield|Old Trafford|Goodison|Goodison Park|Villa Park|Stamford Bridge|
    Molineux|Ibrox|Hampden|Celtic Park|Tynecastle|Pittodrie|St James' Park|St James’ Park|Stadium of Light|
    Pride Park|Turf Moor|Ewood Park|Craven Cottage|Selhurst Park|The Hawthorns|Hawthorns|Riverside|
    Twickenham|Welford Road|Kingsholm|Ashton Gate|Home Park|Vicarage Road""".replace("\n    ", "").split("|")
)
_NOT_FROM_HERE = re.compile(r"(?i:\bnot\s+from\s+(?:here|round\s+here|these\s+parts|this\s+area)\b)")
_FROM_ORIGINALLY = re.compile(r"\s+originally\b")
_FROM_BEFORE = re.compile(
    r"(?i:\b(?:I['’]m|I\s+am|[Ww]e['’]re|[Hh]e['’]s|[Ss]he['’]s|[Tt]hey['’]re|come|comes|came)\s+from\s+)$"
)


#: A county after a settlement said without its name: "a village in Kent", "a town in Surrey".
_SETTLEMENT_IN_BEFORE = re.compile(
    r"(?i:\b(?:a|an|one|some|this|little|small|tiny|wee)\s+(?:\w+\s+)?(?:village|town|hamlet|city|place|estate)\s+(?:in|near)\s+)$"
)


#: A town said as where something happened: "found burnt out in Seacroft", "dumped near
#: Rainford" (not "we found somewhere near Rhyl", a new home).
_SCENE_IN_BEFORE = re.compile(
    r"(?i:\b(?:dumped|abandoned|burnt\s+out|burned\s+out|torched|crashed|happened|spotted|traced)"
    r"\b[^.!?,;]{0,25}?\s(?:in|near)\s+)$"
)


def _incident_street(text, s, e):
    """True when the street at ``text[s:e]`` is said as a scene, with no home said."""
    if _home_said_before(text, s) and not _INCIDENT_AFTER.match(text, e):
        return False
    return bool(_INCIDENT_BEFORE.search(text, max(0, s - 40), s) or _INCIDENT_AFTER.match(text, e))


def _home_said_before(text, pos):
    """True when the sentence before ``pos`` says where someone lives ("we live out")."""
    before = text[max(0, pos - 80) : pos]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("\n"))
    return _LIVES_WORD.search(before[cut + 1 :]) is not None


def _department(words):
    """True when ``words`` name a police department or body, not a place ("the Fed's")."""
    words = [_POSS.sub("", w) for w in words]
    return any(w in _DEPT_WORDS for w in words) and all(w in _DEPT_WORDS or w in _ids.UNIT_WORDS for w in words)


#: Where someone says they do not live, work or go: "I don't live in", "I'd never been to".
_NEGATED_BEFORE = re.compile(
    r"(?i:\b(?:(?:do|does|did)n['’]t|never|not)\s+(?:even\s+|ever\s+)?"
    r"(?:live[sd]?|living|been|gone|go|work(?:s|ed)?)\s+(?:in|to|at|near)\s+(?:the\s+)?)$"
)
_UNIT_HEAD_AFTER = re.compile(r" (?:Unit|Units|Team|Teams|Squad|Department|Bureau|Hub|Command)(?![\w'’-])")
_OPERATION_BEFORE = re.compile(r"\b(?:Op|Operation)\.?\s+$")


@cache
def _platforms() -> frozenset:
    """The platforms, apps and online services of ``proper_nouns_allowed.txt``."""
    out, section = set(), ""
    with open(_ids.DATA_DIR / "proper_nouns_allowed.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("# --"):
                section = line
            elif line and not line.startswith("#") and "platforms" in section:
                out.add(line)
    return frozenset(out)


@cache
def _not_places_cy_sco() -> frozenset:
    """Welsh and Scots function words and form labels (``not_places_cy_sco.txt``)."""
    return _ids._read_list("not_places_cy_sco.txt")


#: The words that end a school's name and may be left off when it is said again ("Little
#: Acorns Day Nursery" ... "at Little Acorns").
_SCHOOL_END_WORDS = frozenset(
    "School Academy Primary Nursery College Infants Juniors Infant Junior Day Pre-School Preschool Playgroup "
    "High Grammar Secondary Community Church CofE RC Catholic C of E".split()
)


_HOME_BEFORE_SCHOOL = re.compile(
    r"(?:\d[A-Za-z]?|\b(?:live[sd]?|living|moved|lives\s+up|off|down|along|up)\s+(?:on|in|at|to))\s+$"
)


def _school_again(text, found):
    """A school named once ("Little Acorns is his nursery", "Hollins Park Primary") said
    again by its name, or by its name without the words of its kind ("we know about Oscar
    at Little Acorns"): the same school. A one-word name must be no ordinary word or given
    name, and a name left one word is no school's ("Lurgan College" ... "in Lurgan"); a
    mention inside another candidate is left to it."""
    names = {}
    given = _ids.gazetteer()[0]
    for s, e, k, ident in found:
        if k != "school":
            continue
        words = text[s:e].split()
        if words and words[0] == "The":
            words = words[1:]
        head = list(words)
        while len(head) > 1 and head[-1] in _SCHOOL_END_WORDS:
            head.pop()
        for ws in (words, head):
            if not ws or not all(w[:1].isupper() for w in ws) or ws is head and len(head) == 1:
                continue  # "Lurgan College" said again as "Lurgan": the town
            if len(ws) == 1 and (_ids.is_ordinary(ws[0]) or ws[0] in given or ws[0] in _ids.gazetteer()[1]):
                continue
            names.setdefault(" ".join(ws), ident)
    new = []
    for name, ident in names.items():
        for m in re.finditer(rf"(?<![\w'’&-]){re.escape(name)}(?![\w&-])", text):
            if any(
                f[0] < m.end()
                and f[1] > m.start()
                and not (f[:2] == m.span() and f[2] in ("person", "place", "address"))
                for f in found + new
            ):
                continue  # inside another candidate; the same words found as a name are the school's
            if _HOME_BEFORE_SCHOOL.search(text, max(0, m.start() - 24), m.start()):
                continue  # "she lives on Meadow Bank": a street of the school's name
            new.append((m.start(), m.end(), "school", ident))
    return new


_SCHOOL_THEN_BEFORE = re.compile(r"\b(?:nursery|school)\.\s+$")
_SCHOOL_IS_BEFORE = re.compile(r"\b(?:school|college|academy)(?:['’]s|\s+is|\s+was|\s*[,:])\s+$")


def _pupils_schools(text, common):
    """Schools named by their pupils after a preposition: "when I was at Kesteven and
    Grantham Girls'" (not "the Old Boys' club": the name must hold a word that is no
    ordinary English word). Anchored at the tail word (str.find)."""
    out = []
    for tail in _PUPILS_TAIL:
        for i in _positions(text, " " + tail):
            m = _PUPILS_NAME.search(text, max(0, i - 60), i + 1)
            if m and (
                _PREP_BEFORE.search(text, max(0, m.start() - 12), m.start())
                or _SCHOOL_IS_BEFORE.search(text, max(0, m.start() - 16), m.start())
            ):
                names = [w for w in m.group("name").split() if w not in ("and", "&")]
                school_said = _SCHOOL_IS_BEFORE.search(text, max(0, m.start() - 16), m.start())
                if school_said or not all(w.casefold() in common or _ids.is_ordinary(w) for w in names):
                    end = i + 1 + len(tail)
                    out.append((m.start(), end, "school", text[m.start() : end].lower()))
    return out


#: The station before a station said: "I've been at Middlesbrough custody since it opened,
#: and before that Hartlepool." (the name stops there).
_BEFORE_THAT = re.compile(
    r"[^.!?\n]{0,80}?,?\s+(?:and\s+)?(?:before|prior\s+to)\s+that,?\s+(?:(?:at|in)\s+)?"
    rf"(?P<name>{_TOWN})(?=\s*[.,;!?]|\s*$)"
)


def _station_before_that(text, found, common):
    """Stations said after "and before that" following a station."""
    new = []
    for f in found:
        if f[2] != "station":
            continue
        m = _BEFORE_THAT.match(text, f[1])
        if m is None:
            continue
        words = m.group("name").split()
        if words[0].casefold() in common or _ids.is_ordinary(words[0]) or _bad_town(words, common):
            continue
        if any(g[0] < m.end("name") and g[1] > m.start("name") and g[2] != "place" for g in found):
            continue
        new.append((m.start("name"), m.end("name"), "station", m.group("name").lower()))
    return new


def revise(text: str, found: list) -> list:
    """``found`` after this area's corrections."""
    common = _ids._common_words()
    if "Girls" in text or "Boys" in text:
        found = _replace(found, _pupils_schools(text, common))
    if " at " in text or " for " in text or " with " in text or " out of " in text or " from " in text:
        found = _replace(found, _at_in(text, found, common))
        caps = [
            c.start()
            for c in _CAPS_PAIR.finditer(text)
            if _PREP_BEFORE_CAPS.search(text, max(0, c.start() - 12), c.start())
        ]
        if caps:
            found = _replace(found, _acronym_employers(text, found, common, caps))
    found = _replace(found, _work_then_names(text, found, common))
    if " Court" in text or "Magistrates" in text:
        found = _replace(found, _court_workplaces(text, found, common))
    kinds = {f[2] for f in found}
    if "collar_number" in kinds or "vehicle" in kinds:
        found = _replace(found, _row_places(text, found, common))
    if " V" in text or " I" in text:
        found = _replace(found, _roman_names(text, found))
    if " y " in text or " yr " in text:
        found = _replace(found, _welsh_join_schools(text, found))
    if any(c in text for c in NURSERY_CHAINS):
        found = _replace(found, _nursery_branches(text, common))
    found = _replace(found, _town_chains(text, found) + _chain_towns(text, found))
    kinds = {f[2] for f in found}
    if "workplace" in kinds or "school" in kinds or "station" in kinds or ("place" in kinds and " in " in text):
        found = _merge_towns(text, found)
    found = _replace(found, _address_lines(text, found, common))
    if " that" in text and "station" in kinds:
        found = _replace(found, _station_before_that(text, found, common))
    if " the " in text and " in " in text:
        found = _landmark_towns(text, found)
    kinds = {f[2] for f in found}
    if "workplace" in kinds or "address" in kinds:
        found = _replace(found, _brand_again(text, found) + _house_again(text, found))
    if "school" in kinds:
        again = _school_again(text, found)
        if again:
            found = _replace(found, again)
    if " and " in text or " & " in text:
        found = _replace(found, _pairs(text, found, common))
    found = _corrections(text, found, common)
    if any(f[2] == "address" for f in found):
        again = _home_respelled(text, found)
        if again:
            found = _ids.resolve_overlaps(found + again)
    if any(f[2] in ("station", "address") for f in found):
        again = _station_street_again(text, found, common)
        if again:
            found = _ids.resolve_overlaps(found + again)
    if any(f[2] == "workplace" for f in found):
        found = [
            f for f in found if not (f[2] == "workplace" and (_own_platform(text, f) or _hospital_visited(text, f)))
        ]
    if any(f[2] in ("place", "workplace") and text[f[0] : f[1]].endswith(_CLUB_TAIL) for f in found):
        found = [f for f in found if not _football_club(text, f)]
    if "'re " in text or "’re " in text or "I'm " in text or "I’m " in text or "e are " in text:
        homes = _home_we_are(text, found)
        if homes:
            found = _replace(found, homes)
    if " years, " in text or " year, " in text:
        found = _drop_service_list(text, found)
    if any(f[2] == "place" for f in found):
        found = [f for f in found if not (f[2] == "place" and _SITE_HEDGE_BEFORE.search(text, max(0, f[0] - 40), f[0]))]
    if any(f[2] == "station" and text[f[0] : f[1]].endswith(_STATION_TAIL_WORDS) for f in found):
        again = _station_tail_again(text, found)
        if again:
            found = _ids.resolve_overlaps(found + again)
    return found


_OWN_BEFORE = re.compile(r"(?i:\b(?:on|in|off)\s+(?:his|her|my|their|your|our)\s+)$")


def _own_platform(text, f):
    """A platform said as someone's own account ("not on his Facebook where he works"): the
    medium, not the employer."""
    return text[f[0] : f[1]] in _platforms() and _OWN_BEFORE.search(text, max(0, f[0] - 12), f[0]) is not None


_HOSPITAL_TAIL = ("Hospital", "Infirmary", "Clinic", "A&E")
_PATIENT_CUE = re.compile(
    r"(?i:\bas\s+an?\s+(?:patient|outpatient|in-?patient|visitor)\b|\bwasn['’]t\s+working\s+there\b|"
    r"\bfor\s+(?:an?|my|his|her)\s+(?:appointment|scan|x-?ray|operation|op)\b)"
)
_HOSPITAL_WORK = re.compile(
    r"(?i:\b(?:works?|worked|working|employed|shifts?|job|on\s+the\s+wards?)\s+(?:at|in|for|on)\b)"
)


def _hospital_visited(text, f):
    """A hospital said where someone went as a patient or visitor ("the Royal Victoria
    Infirmary with my hand, just as a patient"): a look-alike, not a workplace."""
    if not text[f[0] : f[1]].endswith(_HOSPITAL_TAIL):
        return False
    sent_start = max(text.rfind(".", 0, f[0]), text.rfind("\n", 0, f[0])) + 1
    near = text[sent_start : min(len(text), f[1] + 120)]
    return _PATIENT_CUE.search(near) is not None and _HOSPITAL_WORK.search(text, sent_start, f[0]) is None


#: A home said as what the speaker is, with a hedge to a place near it: "We're Aberdeen,
#: well, just outside, Westhill", "I'm Leeds, just outside, in Horsforth", "We're just
#: outside Westhill."
_WE_ARE = re.compile(
    rf"(?<![\w'’-])(?:[Ww]e['’]re|I['’]m|[Ww]e\s+are)\s+(?P<near>(?:just\s+)?(?:outside|near)\s+)?"
    rf"(?P<place>{_AW}(?:\s+{_AW})?)(?P<hedge>,\s+(?:well,?\s+)?(?:just\s+)?(?:outside|near)(?:\s+it)?,?\s+"
    rf"(?:in\s+)?(?P<village>{_AW}(?:\s+{_AW})?))?(?=[\s,.;:!?]|$)"
)


def _home_we_are(text, found):
    """Homes said with "we're/I'm <place>" and a hedge to a place near it (see
    :data:`_WE_ARE`): the places are addresses; a person or a word found as anything but
    a place is left ("I'm Sharon, well, just Shaz")."""
    cities = None
    new = []
    for m in _WE_ARE.finditer(text):
        if not (m.group("near") or m.group("hedge")):
            continue
        spans = [(m.start("place"), m.end("place"))]
        if m.group("village"):
            spans.append((m.start("village"), m.end("village")))
        ok = []
        for s, e in spans:
            over = [f for f in found if f[0] < e and f[1] > s]
            if any(f[2] not in ("place", "address") for f in over):
                break
            if not over:
                if cities is None:
                    cities = _ids.allowed_proper_nouns() - _ids.allowed_proper_nouns("not places")
                if text[s:e] not in cities:
                    break
            ok.append((s, e, "address", text[s:e].lower()))
        else:
            new.extend(ok)
    return new


#: A site said only by where it is, with "a" or "outside/near": "a depot in Bermondsey",
#: "the plant outside Crewe" (the town near a site, no workplace named).
_SITE_HEDGE_BEFORE = re.compile(
    rf"(?i:\b(?:an?\s+{_SITE_NOUN}\s+(?:in|near|outside|just\s+outside)|"
    rf"{_SITE_NOUN}\s+(?:near|outside|just\s+outside))\s+)$"
)
#: The start of a career said by its length, then the areas served: "I was Met for thirty
#: years, Brixton, Peckham, Walworth".
_SERVICE_YEARS = re.compile(r"\bfor\s+(?:[\w-]+\s+){1,3}years?,\s+")
_BARE_LIST_ITEM = re.compile(rf"{_AW}(?:,\s+and\s+|,\s+|\s+and\s+)")
_LIST_GAP = re.compile(r",\s+and\s+|,\s+|\s+and\s+")


def _drop_service_list(text, found):
    """Places listed after a career's length ("for thirty years, Brixton, Peckham,
    Walworth"): the areas someone served in, not a home or a named station (two or more)."""
    drop = set()
    for m in _SERVICE_YEARS.finditer(text):
        if not any(f[2] == "force" and m.start() - 30 <= f[1] <= m.start() for f in found):
            continue
        run, pos, items = [], m.end(), 0
        for i, f in enumerate(found):
            if f[0] < pos:
                continue
            while f[0] > pos:  # a town left alone in the list ("Salford, Eccles"): step over it
                bare = _BARE_LIST_ITEM.match(text, pos)
                if bare is None or bare.end() > f[0]:
                    break
                pos, items = bare.end(), items + 1
            if f[0] != pos or f[2] != "place":
                break
            run.append(i)
            items += 1
            gap = _LIST_GAP.match(text, f[1])
            if gap is None:
                break
            pos = gap.end()
        if run and items >= 2:
            drop.update(run)
    return [f for i, f in enumerate(found) if i not in drop]


#: Last words of football clubs' names after their town ("Newcastle United", "Wigan
#: Athletic"): a club is a look-alike, not a place, unless someone works there.
_CLUB_TAIL = ("United", "Rovers", "Athletic", "Wanderers", "Albion", "Hotspur", "Argyle", "Academicals")
_CLUB_FAN = re.compile(
    r"(?i:\b(?:match|matches|game|games|season\s+ticket|supporters?|fans?|watch(?:ing|ed)?|"
    r"play(?:s|ed|ing)?\s+(?:for|against)|kick[\s-]off|stadium|ground|terraces?|chant(?:s|ed|ing)?|off\s+duty)\b)"
)
_CLUB_WORK = re.compile(r"(?i:\b(?:work(?:s|ed|ing)?|employed|job|steward(?:s|ing)?)\b)")


def _football_club(text, f):
    """True when ``f`` names a football club ("<Town> United") as a place, or as a
    workplace said where no work is said but a match is ("a season ticket at Wigan
    Athletic")."""
    s, e, k = f[0], f[1], f[2]
    words = text[s:e].split()
    if k not in ("place", "workplace") or len(words) < 2 or words[-1] not in _CLUB_TAIL:
        return False
    if words[0] in ("The", "the") or any(not w[:1].isupper() for w in words):
        return False
    near = text[max(0, s - 60) : min(len(text), e + 60)]
    if _CLUB_WORK.search(near):
        return False
    return k == "place" or _CLUB_FAN.search(near) is not None


#: Last words of a station named by its town that a speaker says alone once it is named
#: ("Coventry Central ... I'm not at Central").
_STATION_TAIL_WORDS = ("Central", "North", "South", "East", "West")
_TAIL_AGAIN_BEFORE = re.compile(r"(?i:\b(?:at|from|to|into|in|out\s+of|left|joined)\s+)$")


def _station_tail_again(text, found):
    """A station named "<Town> Central" said again by its last word after "at", "from",
    "to"...: "Put me through to Coventry Central ... I'm not at Central"."""
    new = []
    for s, e, k, ident in found:
        words = text[s:e].split()
        if k != "station" or len(words) < 2 or words[-1] not in _STATION_TAIL_WORDS:
            continue
        tail = words[-1]
        for m in re.finditer(rf"(?<![\w'’-]){tail}(?![\w'’-])(?!\s+(?:[A-Z]|of\b|line\b))", text):
            if m.start() < e or not _TAIL_AGAIN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            if any(f[0] < m.end() and f[1] > m.start() for f in found + new):
                continue
            new.append((m.start(), m.end(), k, ident))
    return new


_STREET_STATION_TAIL = frozenset("Street Road Lane".split())
_HOME_PART = re.compile(rf"{_AW}(?:\s+(?:{_JOIN}\s+)?{_AW}){{0,3}}")
_CAPS_TOKEN = re.compile(r"(?<![\w'’&@#.-])[A-Z]{2,4}(?![\w'’&@-])")


def _abbreviates(abbr, words):
    """True when the capitals ``abbr`` shorten the name ``words`` ("MSN" for "Midsomer
    Norton", "WGC" for "Welwyn Garden City"): its letters in order, each capitalised word's
    initial among them, the first letter the name's first."""

    def fits(i, w, c):  # abbr[i:] matched from words[w] at its character c
        if i == len(abbr):
            return w == len(words) or (w == len(words) - 1 and c > 0)
        if w == len(words):
            return False
        word = words[w]
        if c == 0:
            if word[0].isupper():
                return word[0] == abbr[i] and fits(i + 1, w, 1)
            return fits(i, w + 1, 0)  # a joiner ("upon", "le") may be left out
        if c < len(word) and (word[c].upper() == abbr[i] and fits(i + 1, w, c + 1) or fits(i, w, c + 1)):
            return True
        return fits(i, w + 1, 0)

    return len(words) > 1 and fits(0, 0, 0)


def _home_respelled(text, found):
    """A home (a town or street found as an address) said again in another spelling: in lower
    case or capitals ("kidsgrove" in the hashtags), run together ("#hebdenbridge"), or
    shortened to its capitals ("MSN" for Midsomer Norton)."""
    folded = text.casefold()
    if len(folded) != len(text):
        return []
    new = []
    seen = set()
    common = _ids._common_words()
    for s, e, k, ident in found:
        if k != "address" or any(c.isdigit() for c in text[s:e]):
            continue
        for part in _HOME_PART.finditer(text, s, e):
            name = part.group()
            words = name.split()
            if name in seen or len(name) < 4 or all(_ids.is_ordinary(w) for w in words):
                continue
            seen.add(name)
            spellings = {name.casefold()} | ({"".join(words).casefold()} if len(words) > 1 else set())
            for low in spellings:
                i = folded.find(low)
                while i >= 0:
                    j = i + len(low)
                    if (
                        text[i:j] != name
                        and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’-_"))
                        and (j == len(text) or not (text[j].isalnum() or text[j] in "-_"))
                    ):
                        new.append((i, j, "address", ident))
                    i = folded.find(low, j)
            if len(words) > 1:
                for m in _CAPS_TOKEN.finditer(text):
                    abbr = m.group()
                    if abbr in _ids.KNOWN_ACRONYMS or abbr.casefold() in common or not _abbreviates(abbr, words):
                        continue
                    new.append((m.start(), m.end(), "address", ident))
    return [n for n in new if not any(f[0] < n[1] and f[1] > n[0] for f in found)]


def _station_street_again(text, found, common):
    """A station named by its street (or a street) said again by the street's name alone:
    "Musgrave Street. Musgrave's the big one"."""
    new = []
    for s, e, k, ident in found:
        words = text[s:e].split()
        if k not in ("station", "address") or len(words) != 2 or words[1] not in _STREET_STATION_TAIL:
            continue
        name = words[0]
        if name.casefold() in common or _ids.is_ordinary(name) or not name[:1].isupper():
            continue
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?=['’]s\b|(?![\w'’-]))", text):
            if any(f[0] < m.end() and f[1] > m.start() for f in found + new):
                continue
            new.append((m.start(), m.end(), k, ident))
    return new
