"""Word lists and text matchers that extraction's rules share: the words
that mark a person (titles, roles only a person holds), those that mark an
organisation, and fast ways to find whole words in a text (an Aho-Corasick
automaton, a prefix-factored regex alternation, a word-boundary scan)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# A word's possessive ending: "Britain's", "Jones’s"
POSSESSIVE_END = re.compile(r"[’']s$")


def word_matches(pattern: re.Pattern, text: str, inside: str = "_") -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern that opens with a word character,
    as if it began with ``\\b`` (or, with more ``inside`` characters than
    ``_``, with a look-behind for a letter, a digit or one of them): matches
    that start inside a word are skipped and the search goes on one character
    later, as the engine would."""
    pos, search = 0, pattern.search
    while (m := search(text, pos)) is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in inside):
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
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev",
    "reverend", "mx", "baroness", "viscount", "countess", "baron", "marquess",
}
# Roles that only a person holds: "President Obama said" names a person even
# when the article never gives his first name (a stripped "Labour" or "Team"
# does not).
PERSONAL_ROLES = {
    "president", "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "judge",
    "justice", "chancellor", "minister", "secretary", "king", "queen", "prince", "princess",
    "pope", "general", "gen", "colonel", "col", "major", "maj", "lt", "sgt", "sergeant",
    "ambassador", "commissioner", "detective", "inspector", "archbishop", "bishop", "sheikh",
    "ayatollah", "emir", "premier", "coach", "captain", "del", "attorney", "capt", "adm",
    "admiral", "cmdr", "cpl", "corporal", "lieutenant", "brigadier",
}
# Words after a place that name an office of it, not an organisation: "US
# President Joe Biden", "Texas Governor Greg Abbott" (a place then another
# capitalised word is otherwise a name: "Paris Hilton"); a portfolio counts
# only before one ("UK Foreign Secretary", not "Republic Health Corp")
OFFICE_WORDS = frozenset(PERSONAL_ROLES - {"coach", "captain", "del", "major", "maj"} | {
    "prime", "deputy", "vice", "envoy", "republican", "democrat", "congressman",
    "congresswoman", "lawmaker", "attorney-general", "secretary-general",
})
PORTFOLIOS = frozenset({"foreign", "home", "defence", "defense", "interior", "trade", "health",
                        "finance", "energy", "education", "justice", "economy", "transport"})
ORG_WORDS = {
    "commission", "street", "house", "party", "united", "council", "ministry", "office", "group",
    "bank", "association", "committee", "union", "department", "agency", "police", "government",
    "company", "club", "court", "inc", "corp", "co", "llc", "ltd", "plc", "news", "times", "post", "state",
    "states", "fc", "city", "board", "institute", "university", "college", "school", "hospital",
    "army", "forces", "force", "navy", "corps", "league", "federation", "organisation", "organization",
    "authority", "service", "services", "trust", "fund", "foundation", "network", "media",
    "records", "studios", "pictures", "airlines", "airways", "motors", "telecom", "systems",
    "technologies", "software", "labs", "industries", "holdings", "partners", "capital", "resources",
    "securities", "exchange", "reserve", "treasury", "parliament", "congress", "senate",
    "assembly", "cabinet", "administration", "commons", "lords", "church", "museum", "centre",
    "center", "society", "societies", "research", "channel", "radio", "tv", "magazine", "images",
    "blog", "fellowship",
    "journal", "review", "guardian", "telegraph", "mail", "express", "herald", "observer",
    "tribune", "chronicle", "gazette", "reuters", "ap", "afp", "bbc", "cnn", "nbc", "abc", "cbs",
    # news agencies named like towns ("the Xinhua news agency said")
    "xinhua", "tass", "interfax", "kyodo", "yonhap", "anadolu", "bernama", "ansa", "irna",
    "fox", "sky", "itv", "microsoft", "google", "apple", "amazon", "facebook", "twitter", "sony",
    "nintendo", "yahoo", "ibm", "intel", "nasa", "fifa", "uefa", "nato", "opec", "eu", "un",
    "imf", "wto", "who", "ofcom", "ofsted", "nhs", "fa", "icc", "ioc", "iaaf", "rfu", "wru",
    "irfu", "sru", "ecb", "fed", "sec", "fbi", "cia", "isis", "isil", "al-qaeda", "taliban",
    "hamas", "hezbollah", "islamic", "brothers", "sisters", "festival", "awards", "oscars",
    "grammys", "academy", "games", "cup", "championship", "open", "tour", "series", "day",
    "prison", "jail", "bay", "airport", "station", "stadium", "hotel", "square", "road",
    "avenue", "bridge", "park", "palace", "castle", "cathedral", "abbey", "tower", "hall",
    # in other languages: "Compagnie Generale d'Electricite", "Ecole d'Humanité"
    "compagnie", "societe", "société", "generale", "générale", "banque", "ecole", "école",
    "universite", "université", "institut", "banco", "banca", "sociedad", "gruppo",
    "gesellschaft", "stiftung",
    # things named like people: "Clinton Global Initiative", "Ku Klux Klan"
    "initiative", "partnership", "plan", "dialogue", "promise", "arena", "market", "county",
    "beach", "klan", "alliance", "coalition", "project", "program", "programme", "act", "poll",
    "survey", "pac", "caucus", "movement", "conference", "summit", "forum", "mall", "plaza",
    "district", "amendment", "doctrine", "agreement", "accord", "treaty", "prize", "award",
    "trophy", "lab", "laboratory", "clinic", "mosque", "temple", "synagogue", "guild", "division",
}
# Organisation words that are also common surnames: "Tony Hall of Ohio", "Kristen
# Day said" (after a given name they end a person's name)
SURNAME_ORG_WORDS = frozenset({"hall", "day", "fox", "church", "castle", "banks"})
# (not "house", "street", "park": "Georgia House", "Harley Street", "Victoria Park")
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
    "also", "not", "no", "yes", "arsenal", "liverpool", "il", "my", "your", "even",
    "do", "does", "did", "could", "would", "should", "why", "how",
}
MONTHS_DAYS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday",
}
