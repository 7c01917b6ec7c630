"""Places an article names, as pure functions over its text.

Gazetteer matches are filtered by context: a common English word that is also
a town ("Reading", "Nice", "Split") needs a locative cue such as "in", and a
small town always does; a place followed by another capitalised word is part
of a name ("Paris Hilton", "Manchester United"); "X of <place>" where X is not
a geographic word is an organisation ("Bank of England"); a place that is part
of a person's name in the same article is not a place there ("Jordan
Henderson"); a town used as a sports club's name is a club ("Chelsea striker
Adrian Mutu"). Wire datelines, all-caps headlines and towns the gazetteer
lacks but the context names ("the town of Moengo", "over Lockerbie,
Scotland") are read too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .gazetteer import (
    HOME_NATIONS,
    Entry,
    ap_states,
    common_words,
    gazetteer,
    given_names,
    is_place,
    plain_words,
)
from .words import (
    MONTHS_DAYS,
    NOT_NAME_START,
    OFFICE_WORDS,
    ORG_WORDS,
    PERSON_TITLES,
    PERSONAL_ROLES,
    PORTFOLIOS,
    POSSESSIVE_END,
    SURNAME_ORG_WORDS,
    WordFinder,
    trie_pattern,
)

GEO_HEAD_WORDS = {
    "republic", "kingdom", "gulf", "sea", "bay", "isle", "isles", "city", "province", "region",
    "residents", "citizens", "inhabitants", "villagers",
    "state", "county", "islands", "island", "people", "government", "governor", "mayor",
    "capital", "south", "north", "east", "west", "centre", "center", "heart", "outskirts",
    "streets", "coast", "shores", "port", "strait", "straits", "mouth", "valley",
    "border", "borders", "rest", "north-east", "north-west", "south-east", "south-west",
    "parts", "part", "area", "areas", "suburbs", "president", "prime", "minister", "king",
    "queen", "emir", "sultan", "archbishop", "bishop",
}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
           "central", "greater", "upper", "lower", "inner", "outer", "new"}
NAME_SUFFIXES = {"city", "province", "county", "region", "river", "state", "island", "islands",
                 "valley", "district", "governorate", "airport"}  # ("Melbourne Airport")
LOCATIVE = {"in", "at", "from", "near", "to", "into", "across", "outside", "around", "towards",
            "toward", "via", "through", "throughout", "of", "between", "and", "within", "inside",
            "visit", "visited", "visiting", "leave", "left", "reach", "reached", "entered",
            "flew", "travelled", "traveled", "based", "born", "moved",
            "capital"}  # "the capital Manila" (right before the name: see find_places)

# Words that make a town's name a sports club's: "Chelsea striker Adrian Mutu",
# "Liverpool boss Rafael Benitez", "Leicester fly-half".
SPORT_ROLES = {
    "striker", "strikers", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward",
    "manager", "boss", "captain", "skipper", "fans", "supporters", "squad", "player",
    "players", "fly-half", "scrum-half", "prop", "flanker", "hooker", "full-back", "academy",
    "youngster", "loanee", "team-mate", "team-mates", "teammate", "teammates", "back-row",
    "bowler", "batsman", "all-rounder", "spinner", "seamer", "wicketkeeper", "opener",
}  # not "side", "attack", "centre", "coach": "the Syrian side", "the Paris attack"
# Words of a sports report: where four or more of them occur, a town named
# without "in" ("the Barcelona game", "Newcastle were never in danger") is a club.
SPORT_WORDS = frozenset({
    "match", "league", "cup", "goal", "goals", "striker", "midfielder", "defender",
    "goalkeeper", "coach", "manager", "season", "premiership", "club", "clubs", "fixture",
    "scored", "penalty", "referee", "squad", "semi-final", "quarter-final", "stadium", "fans",
    "relegation", "promotion", "derby", "transfer", "winger", "rugby", "football", "soccer",
    "cricket", "innings", "wicket", "tries", "half-time", "kick-off", "champions", "clash",
    "fly-half", "scrum-half", "try-scorer", "championship", "playoff", "play-off", "replay",
})


@lru_cache(maxsize=1)
def _sport_finder() -> WordFinder:
    return WordFinder(SPORT_WORDS)


@lru_cache(maxsize=1)
def _town_finder() -> WordFinder:
    return WordFinder(_TOWN_WORDS)


# ... and the words before one: "beat Chelsea", "Chelsea v Arsenal"
_CLUB_BEFORE = re.compile(r"(?:\b(?:v|vs|beat|beating|drew with|draw with|lost to|"
                          r"win over|victory over|defeat to|beaten by)\.?|\(|\bv\.)\s*$")
_CLUB_AFTER = re.compile(rf"(?:[’']s)?\s+(?:(?:new|former|caretaker|assistant|fast|spin|opening)\s+)?"
                         rf"(?:{trie_pattern(SPORT_ROLES)})\b"
                         r"|\s+(?:v|vs)\.?\s")
# A team opening a sentence takes a plural verb, a town does not ("Newcastle
# have signed"), and teams beat each other ("Barcelona beat Madrid").
_CLUB_SUBJECT = re.compile(r"\s+(?:are|have|were)\s+(?!been\b)")
_CLUB_WIN = re.compile(r"\s+(?:beat|drew|thrashed|defeated|edged|hammered)\b")
_AT_END = re.compile(r"\b[Aa]t\s+(?:the\s+)?$")
# "the Amsterdam club's new coach", "the Lisbon side": the town the club is
# from, named as a place (CoNLL tags it so)
_THE_END = re.compile(r"\b[Tt]he\s+$")
_CLUB_OF_TOWN = re.compile(r"\s+(?:club|side)\b")
# What follows a firm's name, not a town's: "Nokia said", "Mori poll", "Jupiter analyst"
_AGENT_AFTER = re.compile(r"[’']?s?\s+(?:said|says|told|announced|launched|reported|unveiled|group|"
                          r"shares|analysts?|survey|poll|research|spokes(?:man|woman|person)|"
                          r"handsets?|phones?|executives?|chief|boss|sales|profits?|revenues?|"
                          r"devices?|products?|brand|subsidiary|unit|cars|models|dealers|"
                          r"stock(?!\s+(?:market|exchange)))\b")  # (not "the Tel Aviv stock market")
_STAKE_IN = re.compile(r"\b(?:stake|stakes|shares|holding|holdings|shareholding|interest)\s+in\s+$")
_FIRM_BEFORE = re.compile(r"\b(?:companies|firms|makers|rivals)\s+(?:such\s+as|like|including)\s+$"
                          # "Chennai-based Tata", "state-owned Sasol": a firm
                          r"|\w-(?:based|owned|listed|registered)\s+$"
                          # "software firm Tata", "oil giant Sasol"
                          r"|\b(?:firm|company|giant|group|maker|operator|carrier|retailer|"
                          r"insurer|lender|brewer|conglomerate)\s+$")
_STANDINGS = re.compile(r"\s+\d+\s+\d+\s+\.?\d")  # won, lost, percentage or points
_SCORE = re.compile(r"\s+\d{1,3}(?:-\d{1,3})?\b")  # "Portsmouth 1", "Yorkshire 305-5"
_NUMBER = re.compile(r"\b\d+\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n\"“”])\s*$")
_WORD_BRACKET = re.compile(r"([A-Z][a-z]+)\s*\(\s*$")
# (and "back to": "bring the cup back to Manchester" is the city, no club)
_STRICT_LOCATIVE = re.compile(r"\b(?:in|near|outside|across|around|throughout|city of|town of|"
                              r"back to)\s+$", re.IGNORECASE)  # "In Vaduz: Vaduz (Liechtenstein) 1 ..."


# ------------------------------------------------------------------ places


_NEXT_NAME = re.compile(r"\s([A-Z][\w’'-]*)")
_POSSESSIVE = re.compile(r"[’']s\b")
_NAME_OF = re.compile(r"(?:([A-Z][\w’'-]*)\s+)?([A-Z][\w-]*)\s+of\s+(?:the\s+)?$")
_EVENT_WORDS = frozenset({"open", "cup", "championship", "championships", "games", "masters",
                          "grand", "classic", "marathon", "tour"})
_FIRM_ENDS = frozenset({"inc", "corp", "co", "ltd", "plc", "llc"})
_TITLE_CUES = (" in ", " near ", " outside ")
_TOWN_CUES = frozenset({"in", "near", "at", "from", "outside", "to", "into", "towards", "around",
                        "across", "through", "throughout", "via"})

# "Canada-based", "US-led", "Iran-backed": a place, then what it does to the next word
_PLACE_COMPOUND = re.compile(r"-(?:based|born|bound|led|backed|brokered|controlled|owned|ruled|"
                             r"made|registered|headquartered|listed|allied|funded|sponsored|"
                             r"occupied|administered|held|run|bred|raised|educated)\b")
# ... and of those, the ones that say it is where someone or something is
# from, a cue as good as "in": "Cambridge-based Ubisense", "Reading-born"
_HOME_COMPOUND = re.compile(r"-(?:based|born|bred|raised|educated|headquartered|registered)\b")
_MODIFIER_WORD = re.compile(r"-[a-z]+$")  # "Kurdish-controlled", "Iranian-backed"
_NATIONS = frozenset({"country", "continent", "state"})
# a place paired with another party: "the Israel-Hamas war", "US-Taliban talks"
_PAIRED_WITH = re.compile(r"-[A-Z][\w’'.]*\s+(?:war|wars|conflict|talks|border|relations|deal|"
                          r"trade|ceasefire|truce|summit|agreement|treaty|tensions|dispute|crisis|"
                          r"peace|fighting|clashes|negotiations|ties|rivalry|alliance|pact)\b")
# Nouns for people: a name right after one is a person's ("her sister Clare")
_PERSON_NOUNS = frozenset({
    "sister", "brother", "wife", "husband", "son", "daughter", "mother", "father", "uncle",
    "aunt", "cousin", "niece", "nephew", "grandson", "granddaughter", "friend", "girlfriend",
    "boyfriend", "fiancé", "fiancée", "widow", "singer", "actress", "actor", "rapper",
    "presenter", "comedian", "player", "striker", "midfielder", "defender", "goalkeeper",
    "winger", "colleague", "novelist", "writer", "designer", "model", "chef", "artist",
    "musician", "drummer", "guitarist", "songwriter", "star", "frontman", "frontwoman",
    "vocalist", "bassist", "pianist", "composer", "poet", "author", "director", "producer",
    "photographer", "dancer",
})
_INITIAL_END = re.compile(r"(?:^|[\s(])[A-Z]\.\s?$")
_WORD_MARKS = "’'-"


# _prev_word's regex run on the reversed text: what follows the last word (lazily,
# up to marks and a word character), then the word itself
_PREV_WORD_REVERSED = re.compile(r"(\W*?)([’'-]*\w[\w’'-]*)")


def _prev_word(before: str) -> tuple[str, str, int] | None:
    r"""The last word of ``before`` and what follows it: (word, the non-word
    characters after it, where the word starts), as the regex
    ``([\w’'-]+)(\W*)$`` finds them, but matched once on the reversed text
    instead of tried at every position."""
    m = _PREV_WORD_REVERSED.match(before[::-1])
    if m is not None:
        gap, word = m.group(1), m.group(2)
        start = len(before) - m.end()
        return word[::-1], gap[::-1], start
    # no word character at all: the first run of marks
    n = len(before)
    k = next((i for i, c in enumerate(before) if c in _WORD_MARKS), -1)
    if k < 0:
        return None
    r = k
    while r < n and before[r] in _WORD_MARKS:
        r += 1
    return before[k:r], before[r:], k


def _place_before_and(before: str) -> bool:
    """Whether ``before`` (the text before an "and") ends with a place's name,
    other than a small town's that is also a given name ("Frederick")."""
    word = _prev_word(before)
    found = word and gazetteer().get(word[0])
    return bool(found) and (word[0].lower() not in given_names() or found[1].kind != "city"
                            or found[1].population >= 100_000)


def _office_after(after: str, nxt: re.Match) -> bool:
    """Whether the capitalised word ``nxt`` found after a place opens the name
    of an office: "US President", "UK Foreign Secretary" (see OFFICE_WORDS)."""
    word = nxt.group(1).lower()
    if word in PORTFOLIOS:
        then = _NEXT_NAME.match(after, nxt.end())
        word = then.group(1).lower() if then else ""
    return word in OFFICE_WORDS


def _of_someone(m_of: re.Match, kind: str) -> bool:
    """Whether "G2 of" before a place (G1 the word before G2, if any) names a
    person, a club or a firm from that place, not an organisation named for it."""
    word, first = m_of.group(2).lower(), (m_of.group(1) or "").lower()
    if word not in ORG_WORDS:
        return first in given_names() or kind == "country"
    if word in SURNAME_ORG_WORDS and first not in NOT_NAME_START and first in given_names():
        return True
    return kind == "country" and word.rstrip(".") in _FIRM_ENDS  # not "Royal Bank of Scotland"


_IN_WORDS = frozenset({"in", "near", "outside", "across", "throughout"})


def named_in(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] follows "in", "near", ... and names a big place
    (a city of 100,000 or more, a region, a country): there it is that place
    even where the article also gives the name to a person or a club ("Rotor
    Volgograd ... the violence in Volgograd"; not "resulted in Fowler scoring")."""
    word = _prev_word(text[max(0, start - 12):start])
    if word is None or word[0].lower() not in _IN_WORDS or word[1] not in (" ", "\u00a0"):
        return False
    if _POSSESSIVE.match(text, end):
        return False  # "the lead role in Jordan's film": the person's
    found = gazetteer().get(text[start:end])
    return bool(found) and (found[1].kind not in ("city", "town") or found[1].population >= 100_000)


def _starts_sentence(before: str) -> bool:
    r"""Whether a word after ``before`` opens a sentence: ``before`` is white
    space after the text's start, a line break or a sentence mark (the regex
    ``(?:^|[.!?:"“”\n])\s*$``, without trying every position)."""
    tail = before.rstrip()
    return not tail or tail[-1] in '.!?:"“”' or "\n" in before[len(tail):]


# A list of names, each maybe with a note in brackets: "Mawson, Travis,
# Hyde (Pitman 105), Purdie (Mills 83), Brown"
_ROSTER_ITEM = r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}(?: \([^()\n]{1,30}\))?"
_ROSTER = re.compile(rf"(?<![\w’'-]){_ROSTER_ITEM}(?:, {_ROSTER_ITEM}){{3,}}(?:,? and {_ROSTER_ITEM})?")
_ROSTER_NOTE = re.compile(r" \(.*")
# (three items after commas, spelled out: a pattern that opens with a literal
# is found by a fast scan for it, one that opens with a repeated group is tried
# at every position, 0.041 -> 0.002 ms per BBC article)
_ROSTER_HINT = re.compile(rf", {_ROSTER_ITEM}, {_ROSTER_ITEM}, {_ROSTER_ITEM}")
# Titles of several people that are also towns' names: "Sens. Brian Schatz and ..."
_TITLE_PLURALS = frozenset({"Sens", "Reps", "Govs", "Gens"})


def _rosters(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The spans of lists of four or more names in which most names are no
    place: a team sheet's surnames ("Mawson, Travis, ..., Hyde (Pitman 105)")
    are people, a list of towns ("Heathrow, Gatwick, Edinburgh and Glasgow")
    stays places."""
    matches = gazetteer().matches
    out = []
    for m in _ROSTER.finditer(text, start):
        items = [_ROSTER_NOTE.sub("", t).strip() for t in m.group(0).replace(" and ", ", ").split(", ")]
        # (a month or an all-capitals word counts for neither: "NEW YORK,
        # Louisville, KY, March 11")
        items = [t for t in items if not t.isupper() and t.split()[0] not in MONTHS_DAYS]
        # (an item that starts with a place counts as one, past compass
        # words: "Birmingham Yardley", "South West Edinburgh", "Dundee East and West")
        placey = 0
        for item in items:
            words = item.split()
            while words and words[0].lower() in COMPASS:
                words.pop(0)
            placey += not words or any(s == 0 for _i, s, _e in matches(" ".join(words)))
        if 2 * placey < len(items):
            out.append(m.span())
    return out


def within(spans: Iterable[tuple[int, ...]], start: int, end: int) -> bool:
    """Whether text[start:end] lies inside one of ``spans`` (each starting
    (start, end, ...): a list's, a feature's, a title's)."""
    return any(s <= start and end <= e for s, e, *_rest in spans)


def find_places(text: str, person_tokens: frozenset[str] = frozenset(),
                strict: bool = False, dateline: bool = False) -> list[tuple[int, int, str]]:
    """Place mentions in ``text`` as (start, end, canonical name).

    ``strict`` (for titles, where every word is capitalised) keeps only
    countries, continents and cities of a million or more; ``dateline`` says
    the text is a wire dateline's place, so a common word there is a place.
    """
    automaton = gazetteer()
    common, plain, given = common_words(), plain_words(), given_names()
    out = []
    n, entry_of = len(text), automaton.entry
    matches = automaton.matches(text)
    hint = None if strict else _ROSTER_HINT.search(text)
    # (a list starts at most one name before its second: from there, not the text's start)
    rosters = _rosters(text, max(0, hint.start() - 120)) if hint else []
    # (two countries, continents or states joined by a hyphen are both named,
    # "the Russia-Ukraine war", "US-China talks", unless a name goes on after
    # them; cities so joined are mostly firms' names, "Wheeling-Pittsburgh",
    # "Kowloon-Canton Railway", "Allen-Bradley", and "Austria-Hungary" is a
    # place of its own)
    joined_ends: set[int] = set()
    joined_starts: set[int] = set()
    if "-" in text:
        after_hyphen = {s: (i, e) for i, s, e in matches if s and text[s - 1] == "-"}
        for i, _s, e in matches:
            if text[e:e + 1] == "-" and e + 1 in after_hyphen:
                j, e2 = after_hyphen[e + 1]
                if (entry_of(i)[1].kind in _NATIONS and entry_of(j)[1].kind in _NATIONS
                        and not _CAPITAL_NEXT.match(text, e2)):
                    joined_ends.add(e)
                    joined_starts.add(e + 1)
    for i, start, end in matches:
        # (inside a word is no match, nor after a letter and an apostrophe,
        # "Youssou N'Dour"; the entry is looked up only past these)
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "@#" or (
                text[start - 1] in "'’" and start > 1 and text[start - 2].isalpha()) or (
                text[start - 1] == "-" and start - 1 not in joined_ends)):
            continue
        if end + 1 < n and text[end] == "." and text[end + 1].islower():
            continue  # a web address: "Sina.com", "Georgia.gov"
        if end < n and (text[end].isalnum() or text[end] == "$" or (
                text[end] == "-" and not _PLACE_COMPOUND.match(text, end)
                and end + 1 not in joined_starts
                and not (_PAIRED_WITH.match(text, end) and entry_of(i)[1].kind in _NATIONS))):
            continue  # "US$ 79": a currency; "Coca-Cola" (but "Canada-based", "Israel-Hamas war")
        surface, entry = entry_of(i)
        if surface in _TITLE_PLURALS and text[end:end + 1] == ".":
            continue  # "Sens. Brian Schatz (D-HI)": senators, not Sens in France
        if entry.kind == "demonym":
            continue  # "Iraqi" is not a mention of Iraq (but shields "Iraqi Kurdistan")
        if rosters and text[start - 1:start] != "(" and within(rosters, start, end):
            continue  # (but a note's place is one: "E Taukafa (Tonga)")
        if surface in person_tokens or surface.lower() in ORG_WORDS:
            continue  # (the town of Hama is no mention in "Hamas")
        major = entry.kind in ("country", "continent", "state", "region") or (
            entry.kind == "city" and entry.population >= 1_000_000)
        if not major and text.startswith(_GRADE_WORDS, end):
            continue  # "Brent crude", "Forties blend": a grade of oil named for a field
        # (in a title, a smaller city only after "in", "near", ...: "Burial of
        # Pelé in Santos")
        if strict and not major and not (
                entry.kind == "city" and surface.lower() not in common  # "Chrysler In Deal"
                and text[max(0, start - 8):start].lower().endswith(_TITLE_CUES)):
            continue
        before = text[max(0, start - 40):start]
        after = text[end:end + 30]
        prev_word = _prev_word(before)
        # (a quotation mark opening the word is no part of it: "'Television Sur'")
        prev = prev_word[0].lstrip("’'") if prev_word else ""
        # only a word right before the name (no punctuation between) can be
        # part of it: "Real Madrid", not "Henman (Britain)" or "Lockerbie, Scotland"
        joined = prev_word is not None and prev_word[1] in (" ", "\u00a0")
        # (not the end of a longer name: "Los Angeles-based" is no "Angeles")
        # (nor across a wire's line break: "Los\nAngeles-based")
        home = text[end:end + 1] == "-" and _HOME_COMPOUND.match(text, end) is not None and not (
            prev_word is not None and prev_word[1].isspace() and prev[:1].isupper())
        if prev_word is not None and prev_word[1].isspace() and prev[:1].isupper() \
                and (longer := automaton.get(f"{prev} {surface}")) is not None:
            # the end of a longer name across a line break: "Los\nAngeles", "West\nGermany"
            out.append((start - len(prev) - 1, end, longer[1].name))
            continue
        nxt = _NEXT_NAME.match(after)
        if nxt and not strict:
            word = nxt.group(1)
            # (a title opens the next name: "at a summit in California Mr Torvalds said")
            if (word.lower() not in NAME_SUFFIXES and not _POSSESSIVE.match(after)
                    and not is_place(word) and word not in MONTHS_DAYS
                    # (a country before an acronym: "Kyiv, Ukraine CNN —", "UK NHS")
                    and not (entry.kind == "country" and word.isupper() and 2 <= len(word) <= 5
                             and word not in _FIRM_SUFFIXES)
                    and word.lower() not in PERSON_TITLES
                    and not ((major or surface.lower() not in common) and _office_after(after, nxt))):
                continue  # "Paris Hilton", "Manchester United", "New York Times"
            if (word == "City" and entry.kind in ("city", "town", "province")
                    and automaton.get(f"{surface} City") is None
                    and prev.lower() not in _CITY_CUES and not _CAPITAL_NEXT.match(after, nxt.end())):
                continue  # a city the gazetteer knows as "X City" is found whole ("Mexico City",
                # "Gaza City"): another one is a club, "Manchester City beat", "Hull City
                # fans" (not "in Malacca City", "Tacoma City Manager", "Ipswich City Council")
        elif nxt and (nxt.group(1).lower() in _EVENT_WORDS or nxt.group(1) in ("Lane", "Avenue")):
            continue  # (a title's words are all capitalised: "SAMPRAS IN U.S. OPEN", "in
            # Holden Lane"; but "On California Road" may be a road in California)
        # (_NAME_OF ends with "of" or "of the" and a space: test that first)
        m_of = _NAME_OF.search(before) if (
            before[-1:].isspace() and before.rstrip().endswith(("of", "the"))) else None
        if m_of and m_of.group(2).lower() not in GEO_HEAD_WORDS and not (
                # "Cedric Pioline of France", "Tony Hall of Ohio": a person (a
                # given name first) and the country or state they are from;
                # "Fenerbahce of Turkey", "Oakley Inc of the United States": a
                # club or a firm and its country
                not strict and major and _of_someone(m_of, entry.kind)):
            continue  # "Bank of England", "University of Chicago"
        prev_starts = prev_word is not None and _starts_sentence(before[:prev_word[2]])
        if (joined and prev[:1].isupper() and prev.lower() not in COMPASS
                and not _MODIFIER_WORD.search(prev)  # "British-ruled Northern Ireland"
                # (a foreign article opens a name: "Il Divo", a band)
                and (prev.lower() not in NOT_NAME_START or prev in _FOREIGN_ARTICLES)
                and prev not in MONTHS_DAYS and not strict
                and not POSSESSIVE_END.search(prev)  # "Brown's Britain", "Putin's Russia"
                and ((not prev_starts and not is_place(prev))
                     or prev.lower() in given_names())):
            continue  # "Real Madrid", "Aston Villa"; "Jordan Henderson" (a given name first)
        if joined and prev[:1].isupper() and (prev.lower().rstrip(".") in PERSON_TITLES
                                              or prev.lower() in PERSONAL_ROLES):
            continue  # "President Clinton", "Mr Lincoln": a person
        if not major and prev.lower() in _PERSON_NOUNS and (
                joined or prev_word[1] == ", " and text[end:end + 1] == ","):
            continue  # "her sister Clare", "singer Estelle", "her mother, Mari,": a person
        if entry.kind == "town" and not dateline and prev.lower() not in _TOWN_CUES and not home:
            continue  # a small town only after "in", "near", ...: "in Velten", not "Mr Velten"
        if not major and _INITIAL_END.search(before):
            continue  # "W. Weston", "J. Crawley": an initial, then a surname
        low = surface.lower()
        # (a common word needs a cue: one a dictionary writes in lower case,
        # "Reading the report", a given name, "Chelsea", or a small town's,
        # "Olympic", "Evans"; not a province or a city of 100,000 people the
        # dictionaries only capitalise, "Norfolk farmer", "Hollywood is")
        if (not major and not dateline and not home and low in common
                and (low in plain or low in given or not (
                    entry.kind == "province" or entry.population >= 100_000))
                and (entry.population < 500_000 or low in given)
                # "Hull, Quebec", "Waterloo, Ontario": a province after a place
                # and its comma says where the place is
                and not (entry.kind == "province" and low not in COMPASS
                         and prev_word is not None
                         and prev_word[1] == ", " and _place_before_comma(before))
                # (a word that opens a quotation has no cue before it: 'a slogan of
                # "Say no to Europe"')
                and (prev.lower() not in LOCATIVE or (start and text[start - 1] in "\"“‘")
                     or prev == "capital" and not joined  # "working capital, Evans and ..."
                     # a given name after "and" needs a place before it: "Dallas
                     # and Austin", not "the twins, Frederick and David"
                     or prev == "and" and low in given
                     and not _place_before_and(before[:prev_word[2]]))):
            # "Reading the report", "a nice day", "Bath time" (the word list
            # also holds big cities' names: "Seattle", "Beijing")
            continue
        if joined and prev[:1].isupper() and prev.lower() in _REGION_PREFIXES and not strict \
                and (entry.kind not in ("country", "continent") or entry.name in HOME_NATIONS):
            # a capitalised compass word makes a region of its own that the
            # gazetteer lacks: "South Wales", "West Yorkshire", "Greater
            # Manchester" (in lower case it only says where: "south Wales";
            # a country's part is the country: "Northern Iraq", "Western Canada")
            out.append((start - len(prev) - 1, end, f"{prev} {surface}"))
            continue
        out.append((start, end, entry.name))
    return out


_GRADE_WORDS = (" crude", " blend", " futures", " Crude", " Blend", " Futures")
_FOREIGN_ARTICLES = frozenset({"Il", "El", "La", "Le", "Los", "Las", "Les", "Lo", "Der", "Die", "Das"})
_REGION_PREFIXES = COMPASS - {"new"}
# (not "to" or "at": "a move to Stoke City", "a draw at Manchester City")
_CITY_CUES = frozenset({"in", "from", "near", "outside", "throughout", "within", "inside"})
# (a country before one of these is part of a firm's name: "Finance Curacao NV")
_FIRM_SUFFIXES = frozenset({"NV", "BV", "AG", "SA", "PLC", "LTD", "INC", "AB", "ASA", "SPA", "AS",
                            "GMBH", "LLC", "CO", "CORP", "SE", "KK", "PT", "BHD", "SRL", "OY"})
_NAME_BEFORE_COMMA = re.compile(r"((?:[A-Z][\w’'-]+ ){0,2}[A-Z][\w’'-]+), $")


def _place_before_comma(before: str) -> bool:
    """Whether ``before`` ends with a place the gazetteer knows, not a town
    of a few thousand ("the Jubilee, Northern and Piccadilly lines"), and a
    comma."""
    m = _NAME_BEFORE_COMMA.search(before)
    if m is None:
        return False
    words, gaz = m.group(1).split(), gazetteer()
    for i in range(len(words)):
        name = " ".join(words[i:])
        found = gaz.get(name)
        if found and found[1].kind not in ("demonym", "town"):
            return True
    return False


def place_entry(surface: str) -> tuple[str, Entry] | None:
    """The gazetteer's entry for a place ``find_places`` found as ``surface``;
    a region it made of a compass word and a place ("South Wales", "West
    Hartlepool") has that place's."""
    gaz = gazetteer()
    return gaz.get(surface) or gaz.get(surface.partition(" ")[2])


# "LONDON (Reuters) -", "NEW YORK 1996-08-30", "BEIJING, Aug 31 (Reuters) -",
# "ROCHESTER, N.H. (AP) -", "MOSUL, Iraq —": an upper-case place opening a line,
# maybe a region, then an agency, a date or a dash.
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'’ -]{2,40}?)(?:,\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*))?,?\s+"
                       r"(?:(\(\w[\w ]*\)|\d{4}-\d\d-\d\d|[A-Z][a-z]{2,8}\.? \d{1,2}\b"
                       r"|\d{1,2}\s+[A-Z][a-z]+)|[-–—_])",
                       re.MULTILINE)


def _datelines(text: str) -> Iterator[re.Match]:
    """``_DATELINE.finditer(text)``, tried at line starts only: its ``^`` can
    match nowhere else, and finditer tries every position (14 -> 3 us per
    BBC article)."""
    pos, last, match = 0, 0, _DATELINE.match
    while True:
        if pos >= last and (m := match(text, pos)) is not None:
            yield m
            last = m.end()
        nl = text.find("\n", pos)
        if nl == -1:
            return
        pos = nl + 1


def dateline_places(text: str) -> list[str]:
    """The places of wire datelines, where the story was filed ("LONDON
    (Reuters) -", "NEW YORK 1996-08-30"), read as title case."""
    out = []
    for m in _datelines(text):
        city = m.group(1).strip().title()
        found = [p for _, _, p in find_places(city, dateline=True)]
        region = [p for _, _, p in find_places(m.group(2), dateline=True)] if m.group(2) else []
        word = city.strip(" .-")
        parts = word.replace("-", " ").split()
        if (not found and (region or m.group(3)) and all(w.isalpha() for w in parts)
                and len(word) > 3 and len(parts) <= 3 and parts[0].lower() not in common_words()):
            # a place the gazetteer lacks, dated, credited to an agency or given
            # a region, is still the dateline's place ("TOFTIR 1996-08-31",
            # "NOVYE ATAGI, Russia", "SPA-FRANCORCHAMPS, Belgium")
            found = [word]
        out += found + region
    return out


def _kind(surface: str) -> str | None:
    found = gazetteer().get(surface)
    return found[1].kind if found else None


def caps_line_places(text: str) -> list[str]:
    """Places in all-caps headlines ("RUSSIA BEAT ITALY"), read as title case:
    only countries, continents and big cities."""
    out = []
    for line in text.split("\n"):
        # isupper: every cased letter upper case (checked first: it is cheap)
        if line.isupper() and sum(c.isalpha() for c in line) >= 8:
            titled = line.title()
            # (not a team of a standings table: "PHILADELPHIA 52 75 .409 28";
            # a country in a table of figures is one: "NORWAY 14 14 97 130")
            out.extend(p for s, e, p in find_places(titled, strict=True)
                       if not (_STANDINGS.match(titled, e) and _kind(titled[s:e]) in ("city", "state")))
    return out


# (a hyphen joins two parts of one word: "Urus-Martan", not "Urus-")
_TOWN_WORD = r"[A-Z][a-z’']+(?:-[A-Z]?[a-z’']+)*"
_TOWN = rf"({_TOWN_WORD}(?: {_TOWN_WORD})?)"
_TOWN_WORDS = ("town", "city", "village", "port", "district", "suburb", "province", "region")
# "the town of Moengo": a word of _TOWN_WORDS, then this
_OF_TOWN = re.compile(r"\s+of\s+" + _TOWN + r"\b")
# "over Lockerbie, Scotland": found from the comma, the rare part, as
# ``\b(?:in|at|...)\s+TOWN\s*,\s+(REGION)`` would find it (whose first words
# are everywhere): the region after it, then the town and the word before,
# matched once on the reversed text before the comma
_COMMA_REGION = re.compile(r",\s+([A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)")
_TOWN_WORD_REVERSED = r"(?:[a-z’']+[A-Z]?-)*[a-z’']+[A-Z]"
_TOWN_IN_REVERSED = re.compile(
    rf"\s*((?:{_TOWN_WORD_REVERSED} )?{_TOWN_WORD_REVERSED})\s+"
    + trie_pattern(w[::-1] for w in ("in", "at", "near", "outside", "over", "from", "to"))
    + r"(?!\w)")
# "Tiananmen Square", "Times Square": a named square is a place
_SQUARE = re.compile(r"\b((?:[A-Z][a-z]+ ){1,2}Square)\b")


# "Jacksonville, Fla.", "ROCHESTER, N.H.": only after a place name and a comma,
# since "Miss.", "Del." and "Ind." are also a title, a rank and a party.
# (the comma first: a pattern that opens with a literal is found by a fast scan;
# the letter before it is checked in context_places)
_AP_STATE = re.compile(r",\s+((?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.(?:[A-Z][a-z]\.)?)")


# "in Madhumalla village", "in the Leveilly suburb of Algiers": a word of
# _TOWN_WORDS after a locative word and a name
_OWNER = re.compile(r"^\S+[’']s\s+")
_ADJECTIVE_END = re.compile(r"(?:an|ese|ish|ic|i)$")
_IN_TOWN = re.compile(r"\b(?:in|at|near|outside|from|into)\s+(?:the\s+)?" + _TOWN + r"\s+$")


# A work's title after the word for it: "her book Small Island", "the film
# Man to Man", "the song Wuthering Heights" (its places are no places)
_TITLE_WORD = r"(?:[A-Z][\w’'-]*|of|the|and|in|on|a|to|for|at)"
_WORKS = ("book", "novel", "album", "film", "movie", "song", "musical", "memoir", "autobiography",
          "documentary", "opera", "sitcom", "biopic")
_TITLE_AFTER = re.compile(rf"\s+([A-Z][\w’'-]*(?:\s+{_TITLE_WORD}){{0,6}}?)"
                          r"(?=\s*(?:[,.;:!?)]|\s[a-z(]|$))")


@lru_cache(maxsize=1)
def _work_finder() -> WordFinder:
    return WordFinder(_WORKS)


def work_titles(text: str) -> list[tuple[int, int]]:
    """The spans of works' titles named after the word for them ("the book
    Small Island"): the words found by one automaton pass, the title matched
    after each (a regex alternation tried at every word took 0.05 ms per BBC
    article)."""
    return [m.span(1) for _s, e, _w in _work_finder().find(text) if (m := _TITLE_AFTER.match(text, e))]


def towns_of(text: str, words: list[tuple[int, int, str]] | None = None) -> list[str]:
    """The X of each "town of X", "city of X", ... in ``text`` (``words``: the
    town words' finds in it, when the caller has them)."""
    return [m.group(1) for _s, e, _w in (_town_finder().find(text) if words is None else words)
            if (m := _OF_TOWN.match(text, e))]


def towns_before(text: str, words: list[tuple[int, int, str]] | None = None) -> list[str]:
    """The X of each "in X village", "in the X suburb", ... in ``text``."""
    return [m.group(1) for s, _e, _w in (_town_finder().find(text) if words is None else words)
            if (m := _IN_TOWN.search(text, max(0, s - 50), s))]


def towns_in(text: str) -> list[tuple[str, str]]:
    """(X, Y) of each "in X, Y", "over X, Y", ... in ``text`` (X and Y
    capitalised, X of one or two words)."""
    out = []
    for m in _COMMA_REGION.finditer(text):
        c = m.start()
        town = _TOWN_IN_REVERSED.match(text[max(0, c - 120):c][::-1])
        if town:
            out.append((town.group(1)[::-1], m.group(1)))
    return out


# Geographic features named by a word of their kind: "Robben Island", "Prince
# William Sound", "the Pearl River Delta", "Lake Tahoe", "the Gulf of Aden"
# (not "Nottingham Forest", a club; not "Ricki Lake": "Lake" only first)
_FEATURE_WORDS = ("Island", "Islands", "Isles", "Mountains", "Hills", "Heights", "Peninsula",
                  "Valley", "Desert", "River", "Delta", "Strait", "Straits", "Sound", "Canyon",
                  "Glacier", "Plateau", "Basin", "Reef", "Archipelago", "Falls", "National Park",
                  "National Forest", "Nature Reserve", "Game Reserve")
_FEATURE_FIRST = ("Lake", "Mount", "Cape", "Isle of", "Gulf of", "Bay of", "Sea of")


@lru_cache(maxsize=1)
def _feature_finder() -> WordFinder:
    return WordFinder(_FEATURE_WORDS + _FEATURE_FIRST)


_WORDS_BEFORE = re.compile(r"((?:[A-Z][a-z’'-]+\s){1,3})$")
_WORDS_AFTER = re.compile(r"\s((?:[A-Z][a-z’'-]+)(?:\s[A-Z][a-z’'-]+)?)")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


def feature_places(text: str) -> list[tuple[int, int, str]]:
    """Islands, valleys, rivers, lakes and the like that their name says are
    one, as (start, end, name): capitalised words and a word of a feature's
    kind, not followed by another capitalised word ("Long Island Rail Road",
    "Thames Valley Police"); the words after an owner's ("Hawaii's Big
    Island"). Names the gazetteer knows are left to it."""
    out = []
    gaz = gazetteer()
    for s, e, word in _feature_finder().find(text):
        if word in _FEATURE_FIRST:
            m = _WORDS_AFTER.match(text, e)
            if m is None or _CAPITAL_NEXT.match(text, m.end()) or POSSESSIVE_END.search(m.group(1)):
                continue
            if any(w.lower() in ORG_WORDS for w in m.group(1).split()):
                continue  # "Mount Sinai Hospital"
            start, end = s, m.end()
        else:
            before = text[max(0, s - 40):s]
            m = _WORDS_BEFORE.search(before)
            if m is None or _CAPITAL_NEXT.match(text, e):
                continue
            words = m.group(1).split()
            start = s - len(before) + m.start()
            while words and (words[0].lower() in NOT_NAME_START or words[0] in _MONTH_WORDS
                             or POSSESSIVE_END.search(words[0]) or _kind(words[0]) == "demonym"):
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else s
                words.pop(0)  # "In Silicon Valley", "Hawaii's Big Island", "Nigerian Brass River"
            if not words or any(w.lower() in ORG_WORDS for w in words):
                continue
            end = e
        name = " ".join(text[start:end].split())  # ("Lake\nGeneva" at a line's end)
        # (a small town that bears the feature's name is no reason to leave it to
        # the gazetteer, which finds towns only after "in": "Lake Geneva", Wisconsin)
        known = gaz.get(name)
        if known is None or known[1].kind == "town":
            out.append((start, end, name))
        elif "\n" in text[start:end]:
            # (the gazetteer's matcher finds no name across a line break:
            # "Prince Edward\nIsland" in hard-wrapped wire copy)
            out.append((start, end, known[1].name))
    return out


# months and days, also as the wires shorten them ("Nov Lower Mississippi River")
_MONTH_WORDS = frozenset(MONTHS_DAYS) | frozenset(m[:3] for m in MONTHS_DAYS)


def context_places(text: str, person_tokens: frozenset[str] = frozenset()) -> list[str]:
    """Places the gazetteer lacks, named by their context: "the town of
    Moengo", "in Madhumalla village", "over Lockerbie, Scotland" (a known
    country, state or province after the comma), "Jacksonville, Fla." (an AP
    state abbreviation)."""
    common = common_words()
    states = ap_states()

    def ok(name: str) -> bool:
        words = name.split()
        return (not any(w in person_tokens or w in MONTHS_DAYS for w in words)
                and words[0].lower() not in common and words[0].lower() not in NOT_NAME_START)

    words = _town_finder().find(text)  # (one pass for both scans)
    out = [town for town in towns_of(text, words) if ok(town)]
    # (not "in the Kurdish region", "the Californian town"; the town of "in
    # Bangladesh's Chittagong district")
    before = [_OWNER.sub("", town) for town in towns_before(text, words)]
    out += [town for town in before if ok(town) and not _ADJECTIVE_END.search(town)]
    out += [m.group(1) for m in (_SQUARE.finditer(text) if "Square" in text else ())
            if m.group(1).split()[0] not in MONTHS_DAYS and m.group(1).split()[0].lower() != "the"]
    gaz = gazetteer()
    for town, region in towns_in(text):
        # (a region in an AP state's abbreviation too: "in Kenansville, N.C.")
        found = gaz.get(region.rstrip("."), None) or (region in states and gaz.get(states[region]))
        if found and found[1].kind in ("country", "state", "province", "region") and ok(town):
            out.append(town)
    for m in _AP_STATE.finditer(text):
        abbr = m.group(1)
        prev = text[max(0, m.start() - 20):m.start()].rstrip()[-1:]
        if not (prev.isascii() and prev.isalpha()):  # "Tupelo, Miss.", "Tupelo , Miss."
            continue
        if abbr in states and not (abbr in ("Miss.", "Del.")
                                   and re.match(r"\s*[A-Z]", text[m.end():m.end() + 3])):
            out.append(states[abbr])  # ("Miss. Smith" is a person)
    return out


def club_places(text: str, candidates: list[tuple[int, int, str]]) -> tuple[set[str], set[str]]:
    """Towns in ``candidates`` that the text uses as sports clubs' names and
    never as a place: "Chelsea striker Adrian Mutu", "beat Liverpool 2-1",
    "Drobnjak (Bastia)", a results table ("Portsmouth 1 Queens Park Rangers 2").
    Countries are kept: national teams are their country ("England beat France").
    In a sports report a town named without any cue is a club too, unless it is
    also a venue somewhere in the report ("at Twickenham"). Returns all of
    them, and those of them something marks as a club (not only a sports
    report's lack of a cue)."""
    clubs, places, venues, uncued = set(), set(), set(), set()
    sporty = None  # worked out for the first town that needs it
    gaz = gazetteer()
    for s, e, name in candidates:
        found = place_entry(text[s:e])  # (a region's is its place's: "West Hartlepool 20")
        kind = found[1].kind if found else None
        if kind not in ("city", "town", "province", "state", "region"):
            continue
        before, after = text[max(0, s - 30):s], text[e:e + 40]
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line = text[line_start:line_end if line_end != -1 else len(text)]
        # a results or standings line: "Portsmouth 1 Queens Park Rangers 2"
        table_row = len(line) < 120 and _SCORE.match(after) and len(_NUMBER.findall(line)) >= 2
        if _STAKE_IN.search(before) and found[1].population < 300_000:
            clubs.add(name)  # "a 20% stake in Sina": a firm named like a town
        elif _STRICT_LOCATIVE.search(before) or (kind != "town" and _CLUB_OF_TOWN.match(after)
                                                 and _THE_END.search(before)):
            places.add(name)
        elif _AT_END.search(before):
            venues.add(name)
        elif kind == "state":  # "TEXAS 73 54 .575": only a standings line makes a club
            if table_row:
                clubs.add(name)
        elif (_CLUB_BEFORE.search(before) and not before.rstrip().endswith("(")) or \
                _CLUB_AFTER.match(after) or _CLUB_WIN.match(after) or \
                _CLUB_SUBJECT.match(after) and _SENTENCE_START.search(before) or table_row:
            clubs.add(name)  # (a county too: "v Surrey", "Yorkshire fast bowler")
        elif kind == "region":
            continue  # (but no region is a club for being named in a sports report)
        elif found[1].population < 500_000 and (_AGENT_AFTER.match(after)
                                                 or _FIRM_BEFORE.search(before)):
            clubs.add(name)  # a firm named like a town: "Nokia said", "companies such as Nokia"
        elif before.rstrip().endswith("(") and after.lstrip().startswith(")") and (
                m := _WORD_BRACKET.search(before)) and not is_place(m.group(1)) \
                and gaz.get(m.group(1), None) is None:
            clubs.add(name)  # "Anto Drobnjak ( Bastia )": a player's club ("Mumbai (Bombay)" stays)
        else:
            if sporty is None:
                words = _sport_finder().find(text[:20_000].lower())
                sporty = len({w for _s, _e, w in words}) >= 4
            if sporty:
                uncued.add(name)
    return (clubs | (uncued - venues)) - places, clubs - places


def preload() -> None:
    """Build the gazetteer and the place matchers now (see extract.preload)."""
    gazetteer()
    common_words()
    ap_states()
    _sport_finder()
    _town_finder()
    _work_finder()
