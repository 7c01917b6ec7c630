"""Speakers, quotes and places of one article, as pure functions.

``extract(article)`` is what the indexer stores; every helper takes text and
returns data, so each rule can be tested on a sentence. Places come from
``places`` (over the ``gazetteer``); this module finds the people.

Speakers are named people whose words the article reports: "X said", "said X",
"X told AFP", "according to X", a quotation attributed to X, or "he said"
resolved to the last person named. Titles are dropped and surnames resolved to
the fullest name in the article ("said Nujaifi" -> "Atheel Nujaifi").
Organisations and unnamed descriptions ("an Interior Ministry official") are
not speakers; the latter are kept as ``sources``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from .gazetteer import (
    ap_states,
    common_words,
    gazetteer,
    gendered_names,
    given_names,
    is_place,
    plain_words,
)
from .model import Article, Extraction, Quote
from .places import (
    COMPASS,
    caps_line_places,
    club_places,
    context_places,
    dateline_places,
    feature_places,
    find_places,
    named_in,
    place_entry,
    within,
    work_titles,
)
from .places import preload as preload_places
from .words import (
    MONTHS_DAYS,
    NOT_NAME_START,
    ORG_WORDS,
    PERSON_TITLES,
    PERSONAL_ROLES,
    PORTFOLIOS,
    POSSESSIVE_END,
    SURNAME_ORG_WORDS,
    WordFinder,
    trie_pattern,
    word_matches,
)

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
    "answers|answered|shot back|fired back|hit back|tweeting|bemoaned|decried|denounced|condemned|"
    "exclaimed|barked|observed|charged|"
    # words of judging that report what was said: "Sanders assailed Clinton's
    # paid speeches", "O'Malley reminded viewers that", "Gingrich dismissed Estonia"
    "reminded|assailed|dismissed|lauded|threatened|questioned|echoed|derided|dubbed|branded|"
    "hailed|lambasted|ridiculed|rebuked|proclaimed|touted|chimed in|weighed in|lashed out|"
    "was quoted as saying|is quoted as saying|was quoted saying|has been quoted as saying|"
    "is reported as saying|was reported as saying|is reported to have said|"
    "was reported to have said|is said to have told|put it|puts it|"
    # the present of features: "explains Redford", "points out BBC pundit Steve Cram"
    "points out|reveals|confirms|stresses|responds|replies|concedes|complains|predicts|"
    "acknowledges|quips|jokes"
    # (not "estimated", "forecast", "proposed", "agreed": what companies do too)
)
# Reporting verbs whose object follows them: the name after one is not the speaker
OBJECT_VERBS = frozenset({
    "told", "tells", "asked", "asks", "urged", "urges", "accused", "called", "calls", "praised",
    "criticized", "criticised", "slammed", "blasted", "mocked", "promised", "promises", "assured",
    "described", "has told", "has called", "observed", "charged",
    "reminded", "assailed", "dismissed", "lauded", "questioned", "echoed", "derided", "dubbed",
    "branded", "hailed", "lambasted", "ridiculed", "rebuked", "touted",
    "believes", "believed",  # ("he believed Bryan Kohberger, the suspect, would")
})
# After "will", a speech the article previews: "Mr Howard will argue" (only
# there: "figures suggest", "to tell")
_WILL_VERBS = ("tell", "warn", "argue", "insist", "urge", "claim", "explain", "announce", "accuse",
               "admit", "deny", "promise", "pledge", "reveal", "suggest")
_WILL_SAY = rf"will\s+(?:say|{'|'.join(_WILL_VERBS)})"
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
    "capt", "adm", "admiral", "cmdr", "cpl", "corporal", "lieutenant", "brigadier", "army", "navy",
    "independent", "premier", "chancellor-elect", "president-elect", "world", "olympic",
    "host", "co-host", "anchor", "moderator", "co-moderator", "presenter", "interviewer",
    "superintendent", "supt", "constable", "insp", "det",
}
# A capitalised function word ends a name (headline case: "Marco Rubio On Rape")
NAME_BREAKS = {"On", "For", "To", "In", "At", "With", "And", "The", "From", "By", "As", "Over",
               "After", "Against", "Is", "Are", "Was", "Says", "Said", "Vs", "Slams", "Takes"}


# ------------------------------------------------------------------ names

# A name word that opens with a capital: "Smith", "J." or "J", "G.K.", "O'Neill",
# "McDonald" and "MacDougall" (one word, not "Mac"), "McEwen-King", "Jean-Marc"
_CAPITAL_TOKEN = (r"[A-Z](?:[a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ]+)*|\.?(?=\s)|\.(?:[A-Z]\.){1,2}(?=\s)"
                  r"|['’][A-Z][a-z]+|[a-z]*[A-Z][a-z]+(?:-[A-Z][a-z]+)?)")
# ... or with "al-", "el-" or a particle joined to it ("Neil deGrasse Tyson",
# "Henri d’Anselme"); a word ends at a non-letter (one alternation per first
# letter: the regex engine tries every alternative at every position these
# patterns are searched at)
_TOKEN = (rf"(?:{_CAPITAL_TOKEN}|[ae]l-[A-Z][a-z]+|d(?:[eiau][A-Z][a-z]+|['’][A-Z][a-zà-ÿ]+)"
          r"|l[ea][A-Z][a-z]+)"
          r"(?![A-Za-zà-ÿ])")
_PARTICLE = r"(?:de|da|di|du|del|della|van|von|der|den|bin|ibn|al|el|le|la|dos|das|ter|ten)"
# (a name does not run on past its line, but for an initial's at the end of a
# hard-wrapped line: "said Austin C.\nMarshall has been named")
_SPACE = r"(?:[ \t\u00a0]+|(?<=\s[A-Z]\.)\n(?=[A-Z][a-z]))"
NAME = rf"{_TOKEN}(?:{_SPACE}(?:{_PARTICLE}{_SPACE}){{0,2}}{_TOKEN}){{0,5}}"
# "Mr. Rosenthal", "Del. Stacey Plaskett": a title with a full stop before a name
_TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Sen", "Rep", "Gov", "Gen", "Del",
                        "Lt", "Col", "Sgt", "St", "Capt", "Adm", "Cmdr", "Cpl", "Maj")
_TITLE = rf"(?:(?:{'|'.join(_TITLE_ABBREVIATIONS)})\.\s+){{1,2}}"  # "Lt. Gen. Mick Bednarek"
_TITLED = rf"(?:{_TITLE})?"
# Two words or more: the full names a bare surname resolves to (one word never
# becomes two, and most capitalised words stand alone: "The", "He"); a name
# does not run on past its line ("Nottingham Forest\n\nSouthampton")
_FULL_NAME_RE = re.compile(rf"(?<![\w’'-]){_TOKEN}(?:{_SPACE}(?:{_PARTICLE}{_SPACE}){{0,2}}{_TOKEN}){{1,7}}")
# The same without its look-behind (checked in _full_names) and, for a text
# without "al-Maliki", "el-Sisi" or "deGrasse", with a first word that opens with
# a capital: a pattern that opens with a set of letters is scanned for them, one
# that opens with a look-behind is tried at every position (79 -> 45 us per BBC
# article, the same matches).
_FULL_NAME_CAPITAL = re.compile(
    rf"{_CAPITAL_TOKEN}(?![A-Za-zà-ÿ])(?:{_SPACE}(?:{_PARTICLE}{_SPACE}){{0,2}}{_TOKEN}){{1,7}}")
_VERB = rf"(?:{trie_pattern(SPEECH_VERBS.split('|'))})"


@lru_cache(maxsize=1)
def _verb_finder() -> WordFinder:
    """Speech verbs are rare, names are everywhere: find the verbs, then look
    for a name just before ("X said", "X, the minister, said", "X has called
    on") or just after ("said X", "said Chelsea boss Jose Mourinho") in a short
    window."""
    return WordFinder(SPEECH_VERBS.split("|") + list(_PARTICIPLES) + list(_WILL_VERBS))


# Participles of speech right after their subject: "Ryan saying he was “very
# encouraged”", "with leader Charles Kennedy saying" (not "the official, Nahum
# Vaskevitch, yesterday saying", nor after a comma: the clause before's)
_PARTICIPLES = ("saying", "telling")
_WITH = frozenset({"with"})
_NAME_RIGHT_BEFORE = re.compile(rf"(?<![\w.-])({_TITLED}{NAME})[ \t]+$")


_CAPITAL = re.compile(r"[A-Z]")
# Verbs that report speech only at a clause's end or before "that": "the
# quotas are unfair, Smith charged", not "Smith charged with murder"
# (and "continued his steady progress", "maintained their impressive form",
# "hit back just before half time": a retort is "hit back at" someone)
_BARE_VERBS = frozenset({"charged", "continued", "continues", "hit back", "maintained", "maintains",
                         "put it", "puts it"})
_BARE_AFTER = re.compile(r"\s*(?:[,.;:]|that\b)")
# (and "As Akhil Amar put it, ...", "put it bluntly", "put it in his memo";
# not "put it on the table")
_PUT_IT_AFTER = re.compile(r"\s*(?:[,.;:]|(?:in|to|bluntly|simply|succinctly|best|mildly|"
                           r"starkly|plainly|this\s+way|another\s+way)\b)")


def _thing_after(nouns: str) -> re.Pattern:
    """A verb's object that is a thing, no words reported: a determiner or a
    number, a word, then one of ``nouns`` ("claimed the 200m", "wrote a memoir")."""
    return re.compile(r"\s+(?:(?:the|a|an|his|her|their|its|two|three|four|five|several|many|"
                      rf"dozens\s+of)\s+)?(?:[\w'’-]+\s+)?(?:{nouns})")


# What is claimed that is no claim: "claimed the 200m", "claimed victory",
# "claims responsibility", "claimed two lives"
_CLAIMS = ("claimed", "claims")
_CLAIMED_THING = _thing_after(
    r"titles?|victory|victories|win|wins|gold|silver|bronze|medals?|crown|prizes?|awards?|seats?|"
    r"lives|life|responsibility|credit|asylum|benefits?|compensation|lead|place|spot|record|"
    r"points?|wickets?|scalps?|share|stake|\d")
_WROTE = ("wrote", "writes")
# a work written, no words of the writer's own reported: "wrote a memoir",
# "the songs he wrote" stays a report ("wrote in a letter", "wrote that")
_WRITTEN_WORK = _thing_after(
    r"(?:books?|memoirs?|novels?|songs?|music|scripts?|screenplays?|plays?|poems?|poetry|lyrics|"
    r"biography|autobiography|albums?|code|software|history|stories|story|operas?|symphony|"
    r"symphonies|scores?|chapters?|fiction|hits?)\b")
# lies or jokes told are no words reported: "Trump tells so many lies", "told
# jokes" ("told reporters", "told the BBC" stay reports)
_TELLS = ("tell", "tells", "told", "telling")
_TOLD_THING = re.compile(r"\s+(?:(?:the|a|an|his|her|their|its|so\s+many|many|more|few|such|"
                         r"some|no|these|those)\s+)?(?:[\w'’-]+\s+)?"
                         r"(?:lies|lie|jokes?|stories|story|tales?|fibs?|truth|untruths)\b")
# a name given, then the sentence's verb: the naming verb was a participle
_NAMING = ("dubbed", "branded", "labelled", "labeled", "nicknamed")
_NAMED_THEN_VERB = re.compile(r"\s+(?:the\s+|a\s+)?[\"“'‘][^\"“”’\n]{1,60}[\"”'’]\s*,?\s+"
                              r"(?:were|was|are|is|have|has|had|will)\b")
_ADJECTIVE_ALLEGED = re.compile(r"\b(?:[Tt]he|[Aa]n?|of|for|to|with|by|on|in|over|his|her|their|its|"
                                r"and|or)\s+$")
_RETORT_AT = re.compile(r"\s*(?:[,.;:]|that\b|at\b)")
# "James B. Comey Jr., the director of the FBI, said", "Vann R. Newkirk II said"
_JR = r"(?:(?<=[JS]r)\.|\s+I{2,3}(?!\w))?"
# "Lord Faulkner of Worcester, who chaired the inquiry, said", "Sen. John McCain of
# Arizona said": a person, then where from (or a firm: "Mike Powell of Dresdner
# Kleinwort Wasserstein says", "Dr Maria Van Kerkhove of the WHO warned")
_OF_PLACE = r"(?:\s+of\s+(?:the\s+)?[A-Z][a-zA-Z]+(?:\s+[A-Z][a-z]+){0,2})?"
# "(D-Calif.)", "(Britain)" or ", R-Ky.": a party and state, a country, in brackets
# or the AP's commas
_AFFILIATION = r"(?:\s*\([^()]{1,40}\)|,\s+[RDI]-[A-Z][A-Za-z.]{1,6}(?=,))?"
# "in a Medium post", "during an interview": where the words were said, between
# the name and the verb
_OCCASION = (r"(?:in|on|at|during)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
             r"(?:post|interview|statement|speech|tweet|letter|op-ed|e-?mail|video|memo|"
             r"briefing|conference|message|column|appearance)")
# A description's character: not a comma, a full stop, a semicolon or a
# quotation mark, but the stop of "Mrs. Clinton's", "George W. Bush", "N.C." or
# "fivethirtyeight.com"
_APPOSITIVE_CHAR = (r"(?:[^,.;\"“”]|\.(?=[\w,])|(?<=\b[A-Z])\."
                    + "".join(rf"|(?<=\b{t})\." for t in ("Mr", "Mrs", "Ms", "Dr", "No", "Jr"))
                    + ")")
_NAME_BEFORE = re.compile(rf"(?<![\w.-])({_TITLED}{NAME}){_JR}{_OF_PLACE}{_AFFILIATION}"
                          rf"(?:\s*,{_APPOSITIVE_CHAR}{{2,120}}(?:,{_APPOSITIVE_CHAR}{{1,90}}){{0,3}},)?,?\s+"
                          rf"(?:(?:has|had|also|later|then|previously|once|again|have|who|[a-z]{{3,}}ly"
                          rf"|even|just|still|already|often|first|now|too|will"
                          rf"|yesterday|today|tonight|(?:on|last)\s+[A-Z][a-z]+day"
                          rf"|(?:last|this)\s+(?:week|month|year|night)|{_OCCASION})\s+)*$")
# what may follow a name after "said": punctuation, or a word of place, time
# or manner ("said Jol after the draw", "said Nadal afterwards"); not an
# opening quotation mark: 'Trump said Hillary Clinton “caused death.”' quotes
# what he said of her; nor an initial's stop ("said Austin C. Marshall has been named")
_NAME_END = (r"(?<!\s[A-Z]\.)(?=\s*(?:(?<!\b[A-Z])\.|[,;:!?\n(”—–]|\"(?![A-Za-z])|$|"
             r"(?:in|on|of|at|who|when|while|after|"
             r"afterwards|earlier|later|yesterday|today|recently|last|this|during|from|for|ahead|before|following|near|"
             r"outside)\b))")
_NAME_AFTER = re.compile(rf"\s+((?:\w[\w-]*\s+){{0,3}}?{_TITLED}{NAME}){_JR}{_NAME_END}")
# ... or past more words, when the last is a role: "said BBC labour affairs
# correspondent Stephen Cape" (not "said the recent cases involving Ivan Boesky")
_NAME_AFTER_ROLE = re.compile(rf"\s+((?:\w[\w-]*\s+){{3,4}}?(?:{trie_pattern(sorted(ROLE_WORDS))})"
                              rf"\s+{_TITLED}{NAME}){_JR}{_NAME_END}")
# the same with a title: "said Army Capt. Christian Pardo," (where _NAME_AFTER
# stops at "Army Capt", whose full stop could end a sentence)
_NAME_AFTER_TITLE = re.compile(rf"\s+((?:\w[\w-]*\s+){{0,3}}?{_TITLE}{NAME}){_JR}{_NAME_END}")
_ROLE_COMMA_NAME = re.compile(rf"\s+the\s+([^,.;\"“”]{{2,60}}),\s+(?:(?:MP|MEP|MSP|AM|TD)\s+)?"
                              rf"({_TITLED}{NAME})(?=\s*(?:[,.;:]|$))")  # (", MP Edward Leigh")
_LOWER_LEAD = re.compile(r"((?:[a-z]+\s+)*)(.*)", re.S)
# (the literal first, the capital checked behind it: a pattern that opens with a
# literal is found by a fast scan for it)
_ACCORDING_TO = r"ccording to(?<=\b[Aa]ccording to)"
_ACCORDING = re.compile(rf"{_ACCORDING_TO}\s+((?:[a-z]+\s+){{0,2}}{NAME})")
# "according to Ronald Reagan's former education secretary William J. Bennett":
# the owner is not the source, the person after the role is
_ACCORDING_OWNED = re.compile(
    rf"{_ACCORDING_TO}\s+(?:the\s+)?{NAME}[’']s\s+((?:[a-z][\w-]*\s+){{1,4}}{NAME})")
# ... or an employer, a place or a party before the role: "according to
# Pentagon spokesman John Kirby", "New York-based dissident Fu Shenqi" (not
# "according to UN figures seen by Reuters": no preposition ends the role)
_ACCORDING_DESCRIBED = re.compile(
    rf"{_ACCORDING_TO}\s+(?:[A-Z][\w’'.-]*\s+){{1,3}}"
    r"((?:(?!(?:on|of|about|for|with|at|in|to|from|by|the|an?|and|or|close|near)\s)[a-z][\w-]*\s+){1,3}"
    rf"{_TITLED}{NAME})")
# "Sanders was asked by host John Dickerson whether ...", "Asked by Matt Lauer
# if ...": the one who asks
_ASKED_BY = re.compile(rf"sked by(?<=\b[Aa]sked by)\s+((?:[a-z][\w-]*\s+){{0,3}}{_TITLED}{NAME})"
                       r"(?=\s+(?:whether|if|about|why|how|what)\b|,)")
# A credit after a closing quotation mark, at the end of a line or before the
# next quotation ("...shame.” ― Sonya Herridge “During ..."): found on its own,
# since quotation marks in such lists are often unpaired.
_CREDIT = re.compile(rf"[”\"]\s*[―—]\s*({_TITLED}{NAME})(?=[ \t]*(?:\n|$|[“\"]))")
_STATEMENT = re.compile(r"\bin a (?:joint |written |brief )?statement\b")
_NAME_IN = re.compile(rf"(?<![\w.-])({NAME})")
# (after a quotation, words that report speech only there: '“...,” agreed Cram')
_AFTER_VERB_NAME = re.compile(rf"\s*,?\s*(?:{_VERB}|agreed|laughed|smiled|sighed|reflected|"
                              r"enthused|beamed|grinned)(?=\s)")  # (then _name_after)
# "said Clinton’s top foreign policy aide Jake Sullivan.", "said Huckabee campaign
# spokesman Hogan Gidley.": an owner or employer, a role, then the speaker (not
# "said Paul Hofheinz of the Lisbon Council,", "said Jonathan Wolpaw and Dennis
# McFarlane")
_DESCRIPTOR = r"(?!(?:of|the|an?|at|from|in|for|with|on|to|by)\s)[a-z][\w-]*\s+"  # no preposition
_AFTER_VERB_OWNED = re.compile(rf"\s*,?\s*{_VERB}\s+{NAME}\s+(?!(?:and|or)\s)"
                               rf"((?:{_DESCRIPTOR}){{1,5}}(?:[A-Z][a-z]+\s+)?{_TITLED}{NAME})"
                               r"(?=\s*(?:[.,;:!?\n]|$))")
_AFTER_NAME_VERB = re.compile(rf"\s*,?\s*((?:\w[\w'’-]*\s+){{0,5}}?{_TITLED}{NAME}){_JR}{_OF_PLACE}"
                              rf"{_AFFILIATION}(?:\s*,{_APPOSITIVE_CHAR}{{2,130}}(?:,{_APPOSITIVE_CHAR}{{1,80}}){{0,3}},)?"
                              rf",?\s+(?:[a-z]{{3,}}ly\s+)?{_VERB}\b")
# A person's words in writing: "Mr Tanzi's statement said", "Trump's tweet read"
_WRITINGS = ("statement", "letter", "email", "e-mail", "message", "note", "memo", "tweet",
             "post", "blog", "memoir", "column", "speech", "autobiography", "book")
_OWNED_WRITING = rf"({_TITLED}{NAME})[’']s?\s+(?:(?:written|joint|brief|official|latest)\s+)?" \
                 rf"(?:{'|'.join(_WRITINGS)})\s+(?:[a-z]{{3,}}ly\s+)?"
_AFTER_OWNED_WRITING = re.compile(rf"\s*,?\s*{_OWNED_WRITING}{_VERB}\b")
_OWNED_WRITING_BEFORE = re.compile(rf"(?<![\w-]){_OWNED_WRITING}$")
# A name, then its role in an appositive without the closing comma (see above)
_APPOSITIVE_ROLES = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "executive", "analyst", "official", "editor",
    "correspondent", "professor", "adviser", "advisor", "aide", "lawyer", "attorney",
    "economist", "strategist", "researcher", "scientist", "officer", "head", "partner",
    "president", "chairman", "chairwoman", "director", "manager", "minister", "secretary",
    "chief", "founder", "leader", "coach", "boss", "spokesmen",
})
# (it opens with "a" or a capitalised word: "X, the spokesman said" reports
# the spokesman's words about X)
_APPOSITIVE_OPEN = r",\s+(?:an?\s+|[A-Z])(?:[^,.;\"“”]{0,60}?\s)?"
_NAME_APPOSITIVE_ROLE = re.compile(
    rf"(?<![\w.-])({_TITLED}{NAME}){_APPOSITIVE_OPEN}"
    rf"(?:{trie_pattern(sorted(_APPOSITIVE_ROLES))})\s+$")
# ... or of where they are from: "Mark Serwotka, from the Public and
# Commercial Services union said"
_APPOSITIVE_BODIES = frozenset({
    "union", "party", "group", "association", "council", "institute", "university", "charity",
    "society", "federation", "campaign", "commission", "agency", "department", "ministry",
    "office", "committee", "foundation", "centre", "center", "firm", "company", "club",
})
_NAME_APPOSITIVE_BODY = re.compile(
    rf"(?<![\w.-])({_TITLED}{NAME}),\s+(?:from|of|at|with)\s+(?:the\s+)?[^,.;\"“”]{{0,60}}?"
    rf"(?:{trie_pattern(sorted(_APPOSITIVE_BODIES))})\s+$")
_INVERTED_SUBJECT = re.compile(r"\s+(?:the|a|an|one|our|his|her|their|its)\s+(?:[A-Za-z'’-]+\s+)?"
                               r"[A-Za-z'’-]+\s*(?:[.;](?=\s|$)|,\s+(?:citing|adding|quoting|which|who)\b|$)")
# the first of two names joined by "and" (the sentence's or a clause's start,
# its roles before it: "German Chancellor Gerhard Schroeder")
_CONJOINED_NAME = re.compile(rf"(?:^|(?<=[.!?;:\n])\s*|(?<=, )|(?<=\A))(?:[A-Z][\w-]*\s+){{0,3}}?"
                             rf"({_TITLED}{NAME})$")
_HOLDER_APPOSITIVE = re.compile(
    rf"(?<![\w.-])({_TITLED}{NAME}),\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{trie_pattern(sorted(_APPOSITIVE_ROLES))})\s+(?:of|at)\s+(?:the\s+)?$")
_AFTER_NAME_APPOSITIVE_ROLE_VERB = re.compile(
    rf"\s*,?\s*({_TITLED}{NAME}){_APPOSITIVE_OPEN}"
    rf"(?:{trie_pattern(sorted(_APPOSITIVE_ROLES))})\s+(?:[a-z]{{3,}}ly\s+)?{_VERB}\b")
_AFTER_NAME_FROM_VERB = re.compile(
    rf"\s*,?\s*({_TITLED}{NAME}),\s+(?:from|of|at|with)\s+(?:the\s+)?(?:[A-Z][\w&'’.-]*\s+){{1,5}}"
    rf"(?:\([A-Z]{{2,6}}\)\s+)?{_VERB}\b")
_AFTER_ROLE_NAME_VERB = re.compile(rf"\s*,?\s*(?:the|a|an)\s+[^,.\"“”]{{2,70}},\s*({_TITLED}{NAME}),?"
                                   rf"\s+{_VERB}\b")
_SENTENCE_END = re.compile(r"\s*(?:[.\n]|$)")
_AFTER_CREDIT = re.compile(rf"\s*[―—–]\s*({_TITLED}{NAME})")
_AFTER_HE_SAID = re.compile(rf"\s*,?\s*(he|she)\s+{_VERB}", re.I)
_AFTER_SAID_HE = re.compile(rf"\s*,?\s*{_VERB}\s+(he|she)\b", re.I)
_BEFORE_NAME_COLON = re.compile(rf"({_TITLED}{NAME})(?:\s+(?:{_VERB}))?\s*:\s*$")
_BEFORE_NAME_SAID = re.compile(rf"({_TITLED}{NAME}){_JR}{_AFFILIATION}"
                               r"(?:,[^.;\"“”]{2,90},\s+|,\s+(?![a-z]+ing\b)|\s+)"
                               rf"(?:{_VERB})\s*,?\s*$")
_OBJECT_OF_SAID = re.compile(r"\b(?:about|of|to|on|for|with|at|against)\s+$")
# "Said Dorothy Poynter, who grew up with Ali, “...”": the verb first
_SAID_NAME_BEFORE = re.compile(rf"\b(?:Said|Added|Asked)\s+({_TITLED}{NAME})(?:,[^.\"“”]{{2,90}})?[,:]\s*$")
# Those who speak for an owner or employer: "Mr Blair's spokesman said:" is no
# Blair's, nor "a spokesman for Mr Prescott warned" (_PROXIES, below)
_AIDES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "officials", "aide",
                    "aides", "campaign", "office", "staff", "lawyer", "lawyers", "attorney",
                    "attorneys", "representative", "representatives", "team"})
_AIDE = re.compile(rf"\b(?:{trie_pattern(sorted(_AIDES))})\b")
# (words that open a sentence and are no name: "When", "During", ...)
_OPENING_WORDS = trie_pattern(sorted({w.capitalize() for w in NOT_NAME_START}
                                     | {"During", "Despite", "Following", "Speaking", "Addressing"}))
# "When Wallace died, President Bill Clinton released the following statement:
# “...”", "Cruz called them on it:": a sentence's or a clause's subject, then
# words (the first in lower case) and a colon
_DESCRIPTION_ROLES = {w for w in ROLE_WORDS if w.isalpha()} | {"nominee", "candidate", "hopeful",
                                                                 "contender"}
_SUBJECT_COLON = re.compile(rf"(?:^|[.!?\n”\",]\s+)(?:(?:And|But)\s+)?(?!(?:{_OPENING_WORDS})\b)"
                            # (a description first: "Republican presidential nominee Donald Trump")
                            # (ending with a role: not "According to Mr Peston the prime
                            # minister said:", "Priebus later Thursday told")
                            rf"(?:[A-Z][\w’'-]*\s+(?:[a-z][\w’'-]*\s+){{0,2}}"
                            rf"(?:{trie_pattern(sorted(_DESCRIPTION_ROLES))})\s+(?=[A-Z]))?"
                            rf"({_TITLED}{NAME}){_JR}{_AFFILIATION}"
                            r"(?!\s+(?:was|were)\s+(?:asked|told)\b)"  # (not the question put to them)
                            r"(?:,[^.;\"“”:]{2,90},)?"  # ("Mark Mahaney, analyst at RBC, agreed:")
                            # (a word in lower case first, then any: "later Thursday told Fox News:")
                            rf",?\s+[a-z][\w’'-]*,?(?:\s+[\w’'-]+,?){{0,7}}\s*:\s*$")
# (the description may be a role, "Lord Hanningfield, leader of Essex County
# Council, told", and the verb may have its object before the colon:
# "told BBC Radio 4's Today programme:", "responded to the figures:")
_NAME_CLAUSE_VERB = re.compile(rf"({_TITLED}{NAME}){_JR}{_OF_PLACE},\s+"
                               rf"(?:who|which|a|an|the|at|in|on|during|after|speaking|"
                               rf"{trie_pattern(sorted(_APPOSITIVE_ROLES))})\b[^.;\"“”]{{2,90}},\s+"
                               rf"(?:(?:once|later|also|then)\s+)?(?:{_VERB})"
                               rf"(?:\s*,|(?:\s+[\w’'.-]+){{0,6}}?\s*:)\s*$")
# ("He told BBC Sport:": whom he told, before a colon)
_PRONOUN_INTRO = re.compile(rf"\b([Hh]e|[Ss]he)\s+(?:(?:also|then|later|has|had)\s+)?"
                            rf"(?:{_VERB}|{_WILL_SAY})"
                            rf"(?:\s*,|(?:\s+[\w’'.-]+){{0,4}}?\s*:)\s*$")
_SUBJECT_INTRO = re.compile(rf"(?:^|[.!?\n”\"]\s+)({_TITLED}{NAME})(?:\s*\([^()]{{1,40}}\))?"
                            rf"\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_VERB}|saying|writing|adding)\b"
                            rf"[^.!?\"“”\n]{{0,80}}[,:]\s*$")
# "During a speech, Trump attacked Clinton for her vote on Iraq, saying, “...”":
# a participle of speech after a clause is the clause's subject's (the first
# name, at the sentence's start or after its opening phrase, before a verb)
_SUBJECT_PARTICIPLE = re.compile(
    rf"(?:^|[.!?\n”\"]\s+|,\s+)(?!(?:{_OPENING_WORDS})\b)({_TITLED}{NAME})\s+[a-z][\w-]*\s"
    rf"[^.!?\"“”\n]{{0,120}}?,\s+"
    r"(?:saying|adding|writing|declaring|insisting|arguing|warning|noting)\s*[,:]?\s*$")
_SUBORDINATE = re.compile(r"\s(?:when|while|whom?|which|because|after|before|if|where|"
                          r"whose|until|since|though|although)\s")
# "went on to become", "responded by using": no speech
_NOT_SPEECH = re.compile(r"\s+(?:to|by)\s")
# A sentence's subject before a clause that reports speech: a name opening the
# sentence (maybe with an appositive), then a word of lower case
_CLAUSE_SUBJECT = re.compile(
    rf"\s*(?:(?:{_OPENING_WORDS})\b[^,.;\"“”]{{0,80}},\s+)?"  # ("In an interview with CNN, ")
    rf"(?!(?:{_OPENING_WORDS})\b)({_TITLED}{NAME}){_JR}(?:,[^.;\"“”]{{2,120}},)?"
    # (past a quoted phrase: 'proposed we "wake up and smell the falafel" and said')
    rf"\s+[a-z][\w’'-]*\b(?:[^.!?\"“”\n]|[\"“][^\"“”\n]{{1,80}}[\"”]){{0,200}}?(?:,|\s[-–—]|\sand)\s*$")
# A headline's speaker: "Prince Harry claims he has ...", "NYC mayor Eric Adams
# says ...", "Artist Jenny Holzer: ‘Women are not ...’" (a verb of the present,
# so not "Ellen DeGeneres slammed for", and in lower case, so not a Title Case
# headline's "Usair Says"; a colon only before a quotation: "Death of Gianluca
# Vialli: tributes abound" has none)
_TITLE_VERB = trie_pattern(["says", "tells", "warns", "urges", "insists", "admits", "vows",
                            "recalls", "reveals", "explains", "asks", "denies", "believes",
                            "argues", "suggests", "announces"])
_TITLE_SPEAKER = re.compile(rf"((?:[A-Za-z][\w-]*\s+){{0,3}}?{_TITLED}{NAME})"
                            rf"(?:\s+{_TITLE_VERB}\b|:\s*[‘'“\"])")
_PREPOSITIONS = frozenset({"on", "of", "about", "for", "with", "at", "in", "to", "from", "by"})
# (word_matches adds the leading \b: a pattern that opens with a letter is
# scanned for that letter by the regex engine, one that opens with \b is
# tried at every position, about twice as slow over a whole article)
_PRONOUN_VERB = re.compile(rf"(He|She|he|she)\s+(?:(?:has\s+|had\s+|also\s+|later\s+"
                           rf"|[a-z]{{3,}}ly\s+)*{_VERB}|{_WILL_SAY})\b")
# Someone unnamed: "a spokesman", "one analyst", "our correspondent"
_UNNAMED_WORDS = ("spokesman|spokeswoman|spokesperson|official|source|aide|insider|diplomat|"
                  "witness|resident|analyst|mother|father|worker|officer|correspondent|reporter|"
                  "editor|banker|trader|dealer|economist|lawyer|expert")
_UNNAMED_NOUNS = rf"(?:[\w-]+\s+){{0,4}}?(?:{_UNNAMED_WORDS})\b"
# (in lower case: after a quotation, "A spokesman said" opens another sentence)
_UNNAMED = re.compile(rf"\b((?:an?|the|one|another|our|his|her|its|their)\s+{_UNNAMED_NOUNS})")
# ... and speaking, anywhere in a sentence ("Our correspondent said")
_UNNAMED_SAYS = re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Oo]ur|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+"
                           rf"{_UNNAMED_NOUNS}\s+(?:has\s+|had\s+|also\s+)?{_VERB}\b")
# ... introducing a quotation: "A Foreign Office spokeswoman said:", "One
# resident told AFP:", "a spokesman for Mr Blair said,"
_UNNAMED_INTRO = re.compile(
    rf"(?:^|[.!?\n”\"]\s+|,\s+|\bbut\s+)((?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Oo]ur)\s+{_UNNAMED_NOUNS}"
    rf"(?:\s+(?:for|of|at|to|in|from|with)\s+[^,.:;“”\"]{{1,60}}?)?)\s+(?:has\s+|had\s+|also\s+)?{_VERB}\b"
    rf"[^.!?\"“”\n]{{0,60}}[,:]\s*$")


@lru_cache(maxsize=1)
def _unnamed_noun_finder() -> WordFinder:
    return WordFinder(_UNNAMED_WORDS.split("|"))


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_PLACE_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "B.C.", "D.C.", "U.S.A."})
_ROLES_AND_TITLES = frozenset(ROLE_WORDS | PERSON_TITLES)


_HONORIFIC_LEADS = frozenset({"most", "right", "very"})


def strip_titles(name: str) -> tuple[str, bool]:
    """Drop leading titles, roles and acronyms: ("Prime Minister Nuri al-Maliki")
    -> ("Nuri al-Maliki", False); the flag says a personal title (Mr, Dr) stood
    there, which makes a lone surname a person."""
    tokens = name.split()
    titled = False
    while tokens:
        low = tokens[0].lower().rstrip(".")
        if (low in PERSON_TITLES or low in PERSONAL_ROLES) and len(tokens) > 1:
            titled = True
        elif low in _HONORIFIC_LEADS and len(tokens) > 2 and tokens[1].lower().rstrip(".") in PERSON_TITLES:
            titled = True  # "the Most Reverend Peter Smith", "the Right Honourable"
        elif len(tokens) == 1 and low in PERSON_TITLES and not titled and tokens[0][1:].islower():
            break  # a surname that is also a title, to be resolved: "said Baron" (Martin Baron)
        elif not (low in ROLE_WORDS or (tokens[0].isupper() and len(low) > 1)) or (
                titled and len(tokens) == 1 and tokens[0].rstrip(".") not in _TITLE_ABBREVIATIONS):
            break  # (after a title a role word is the surname: "Mr. King", "Ms Major"; not "Lt. Gov")
        elif (_INITIALS.fullmatch(tokens[0]) and len(tokens) > 1
              and tokens[1].lower().rstrip(".") not in _ROLES_AND_TITLES
              and tokens[0] not in _PLACE_INITIALS and tokens[0] not in ap_states()):
            break  # initials, "G.K. Butterfield" (not "U.S. Sen. X", "N.J. It")
        tokens.pop(0)
    while tokens and tokens[-1].lower() in ("jr", "sr", "ii", "iii"):
        tokens.pop()
    return " ".join(tokens), titled


def _clause_start(window: str) -> int:
    """Where the clause before a speech verb can start at the earliest: past
    the window's last quotation mark and last sentence end, which no name,
    title, description or affiliation before the verb holds (so _NAME_BEFORE
    is tried at fewer positions; "Mr.", "Sen." and "R-Ky." end no sentence)."""
    start = max(window.rfind('"'), window.rfind("“"), window.rfind("”")) + 1
    k = len(window)
    while (k := window.rfind(". ", start, k)) >= start + 2:
        word = window[:k].rsplit(None, 1)[-1] if window[:k].strip() else ""
        if (len(word) >= 3 and word[-1].islower() and word[-2].islower() and word.isalpha()
                and word not in _TITLE_ABBREVIATIONS):
            return k + 2
    return start


_CLAUSE_WORDS = frozenset({"it", "he", "she", "they", "we", "i", "you", "that", "would", "will",
                           "could", "should", "can", "may", "might", "must", "was", "were", "is",
                           "are", "had", "has", "have", "be", "been", "not", "there", "this",
                           "which", "what", "if"})


def _name_after(text: str, pos: int, end: int | None = None) -> re.Match | None:
    """_NAME_AFTER at ``pos``, past a title it took for a name's last word."""
    end = len(text) if end is None else end
    m = _NAME_AFTER.match(text, pos, end)
    if m is None and ROLE_WORDS.intersection(text[pos:pos + 60].split()[3:5]):
        m = _NAME_AFTER_ROLE.match(text, pos, end)  # (tried only where a role can end it)
    # (the words before the name describe the speaker, they are no clause: "said
    # it would allow Mr Glazer", "said that Mr Blair")
    if m and _CLAUSE_WORDS.intersection(text[m.start(1):m.end(1)].split()):
        return None
    if m and text.startswith(".", m.end(1)) and m.group(1).rsplit(None, 1)[-1] in _TITLE_ABBREVIATIONS:
        return _NAME_AFTER_TITLE.match(text, pos, end) or m
    return m


def _after_descriptors(cand: str) -> str:
    """"Sideways producer Michael London" -> "Michael London": the name is what
    follows the last lower-case descriptor word; none when that word is an
    article ("the Beige Book said", "said the Fed": a thing, but "said the Rev.
    Peter Wherry")."""
    m = _LAST_DESCRIPTOR.match(cand)
    if m is None:
        return cand
    name = cand[m.end():]
    if m.group(1) in ("the", "a", "an") and name.split()[0].lower().rstrip(".") not in PERSON_TITLES:
        return ""
    if m.group(1) in _THING_NOUNS:
        return ""  # "said investment bank Merrill Lynch"
    return name


_MODIFIER = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)+")  # "State-owned", "Cash-strapped"
_COMPOUND_END = re.compile(r"-(?:based|born|bred|raised|owned|run|led|backed|listed|made)$")
_LAST_DESCRIPTOR = re.compile(r"^.*(?<![\w-])([a-z0-9][\w-]*)\s+")  # (or "20-year-old")


def _possessive(name: str) -> str:
    return POSSESSIVE_END.sub("", name)


def person_name(raw: str, places: frozenset[str] = frozenset()) -> tuple[str | None, bool]:
    """A candidate string to a clean person name (or None), and whether a
    personal title marked it; a name that is one of the article's ``places``
    is none unless a personal title marks it ("Ms. Gao", not the town of Gao)."""
    name, titled = _person_name(raw)
    if name and name in places and not titled:
        return None, titled
    return name, titled


# A description, not a name: "The South Carolina Republican admitted"
_PARTY_ENDS = frozenset({"republican", "republicans", "democrat", "democrats", "democratic",
                         "conservative", "conservatives", "liberal", "liberals"})


def _gendered(first: str) -> bool:
    """Whether gender-guesser knows ``first`` as a given name (its list, not the
    looser one of given names)."""
    male, female = gendered_names()
    return first in male or first in female


_PRONOUNS = frozenset({"Me", "You", "Him", "Us", "Them", "My", "Your", "Our", "We", "They"})
_BROADCAST = frozenset({"radio", "tv", "television", "channel", "network", "news"})
_INVERTED_VERBS = frozenset({"Said", "Says", "Added", "Asked", "Wrote", "Tweeted"})


@lru_cache(maxsize=65_536)
def _person_name(raw: str) -> tuple[str | None, bool]:
    """person_name without the article's places: the same strings recur across
    articles (32,000 calls per 800 BBC articles), so it is cached. An apostrophe
    is written straight: "O’Neill" and "O'Neill" in one article are one man."""
    tokens = _possessive(raw.strip()).replace("’", "'").split()
    # A personal title marks where the name starts: "Interrupting Mr Sukul".
    for i, t in enumerate(tokens):
        if i and t.lower().rstrip(".") in PERSON_TITLES and t != "Baron":  # (Sacha Baron Cohen)
            tokens = tokens[i:]
            break
    name, titled = strip_titles(" ".join(tokens))
    tokens = name.split()
    if len(tokens) == 2 and len(tokens[0].rstrip(".")) == 1 and (
            tokens[1].lower() in common_words() or tokens[1].lower() in ROLE_WORDS):
        # an abbreviation's last letter, no initial: "in the U.S. Pound continued",
        # "at EMI. He said", "U.K. Chancellor" ("R. Sridharan" is a name)
        tokens = tokens[1:]
        name = tokens[0]
    # "German Chancellor Angela Merkel": the name follows the last role word
    roles = [i for i in range(1, len(tokens) - 1) if tokens[i].lower().rstrip(".") in ROLE_WORDS]
    if roles:
        titled = titled or tokens[roles[-1]].lower().rstrip(".") in PERSONAL_ROLES
        tokens = tokens[roles[-1] + 1:]
        name = " ".join(tokens)
    raws = raw.split()
    if len(tokens) == 1 and tokens[0].lower() in ROLE_WORDS and len(raws) > 1 \
            and raws[-2].lower().rstrip(".") not in PERSON_TITLES:
        return None, titled  # roles only: "Acting Detective Chief Superintendent" (not "Ms King")
    # "City Attorney Brad Holm": capitalised words of a role the lists lack,
    # then a given name; the name starts there.
    firsts = given_names()
    if len(tokens) > 2 and tokens[0].lower() not in firsts:
        at = next((i for i in range(1, len(tokens) - 1) if tokens[i].lower() in firsts), None)
        if at is not None and tokens[at - 1].lower() not in _BROADCAST:  # not "Radio Five Live"
            tokens = tokens[at:]
            name = " ".join(tokens)
    if len(tokens) > 2 and tokens[0] in _INVERTED_VERBS:
        tokens = tokens[1:]  # "Said Dorothy Poynter, who grew up with Ali," (not "Said Jalili")
        name = " ".join(tokens)
    if len(tokens) > 1 and tokens[0].endswith(("ing", "ed")) and tokens[0].lower() not in firsts:
        tokens = tokens[1:]  # "Retreating Russian brigade", "U.S. Criticised Japan's policy"
        name = " ".join(tokens)
    if any(_COMPOUND_END.search(t) for t in tokens):
        return None, titled  # "El Paso-based", "Los Angeles-born": a place's adjective
    if tokens and _MODIFIER.fullmatch(tokens[0]):
        tokens = tokens[1:]  # "State-owned Rosneft", "Cash-strapped Smith"
        name = " ".join(tokens)
    cut = next((i for i, t in enumerate(tokens) if i and t in NAME_BREAKS), None)
    if cut is not None:
        tokens = tokens[:cut]
        name = " ".join(tokens)
    # "Ted Cruz South Carolina": a name, then a country or state (a headline's);
    # "Funaro Brazil" too, a surname without a given name ("Michael Jordan" stays)
    for k in (2, 1):
        if len(tokens) - k >= 2 or len(tokens) - k == 1 and tokens[0].lower() not in firsts:
            found = gazetteer().get(" ".join(tokens[-k:]), None)
            if found and found[1].kind in ("country", "state") and tokens[-k - 1].lower() not in COMPASS:
                tokens = tokens[:-k]
                name = " ".join(tokens)
                break
    if not tokens or len(tokens) > 4:
        return None, titled
    lows = [t.lower() for t in tokens]
    if lows[0] in NOT_NAME_START or lows[-1] in _PARTY_ENDS:
        return None, titled
    if _PRONOUNS.intersection(tokens[1:]):
        return None, titled  # a title's words: "Love Me Tender", "Stand By Me", "All of Us"
    # (an organisation's word, but a surname after a given name: "Kristen Day")
    # (alone it is a surname a full name in the article may end with: "Day said")
    # (and after a personal title: "Mr Park" is a man, "Park" an org's word;
    # not after a role, "Justice Department")
    surname_ok = lows[-1] in SURNAME_ORG_WORDS and (len(lows) == 1 or _gendered(lows[0])) or (
        len(lows) == 1 and len(raws) > 1 and raws[-2].lower().rstrip(".") in PERSON_TITLES)
    # (a middle name too: "Kathleen Hall Jamieson", "Mary Church Terrell")
    middle_ok = len(lows) >= 3 and _gendered(lows[0])
    if any(t in ORG_WORDS and not (middle_ok and 0 < i < len(lows) - 1 and t in SURNAME_ORG_WORDS)
           for i, t in enumerate(lows[:-1] if surname_ok else lows)):
        return None, titled
    # (a month is a surname after a given name, "Theresa May", "Brian May", or
    # alone, titled or to be resolved to such a name: "Mrs May", "May said";
    # a day never is: "Wednesday Dixon")
    if any(t in MONTHS_DAYS for t in tokens[:-1]) or tokens[-1] in _DAYS or tokens[-1] == "I" or (
            tokens[-1] in MONTHS_DAYS and len(tokens) > 1 and lows[0] not in firsts):
        return None, titled  # (not "Do I", "Can I")
    if tokens[0].islower() and gazetteer().get(" ".join(tokens[1:])) is not None:
        return None, titled  # "Stade de France": a particle and a place are no name
    if any(POSSESSIVE_END.search(t) for t in tokens[:-1]):
        return None, titled  # "Britain's Guantanamo Bay": a possessive inside is no name
    if len(tokens) > 1 and not titled:
        if is_place(tokens[0]) and lows[0] not in firsts:
            return None, titled  # "Iraq Sunni", "Britain Sunday" (but "Paul Rieckhoff")
        if lows[0] in common_words() and lows[0] not in firsts:
            return None, titled  # "Peace Corps", "Federal Bureau", "Presidential Debates"
    if all(len(t.rstrip(".")) == 1 for t in tokens):
        return None, titled
    return name, titled


# ------------------------------------------------------------------ quotes


_DAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_QUOTE_MARK = re.compile(r'"|“|\'\'')  # '' is the double quote of some wire archives
_CLOSING = {"“": "”", '"': '"', "''": "''"}
_MIXED_CLOSING = {"“": '"', '"': "”"}


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotations (without the quote marks), paragraph by
    paragraph; a quote left open at a paragraph end runs to that end (news
    style for quotes that go on in the next paragraph)."""
    # (one scan of the whole text for marks, the paragraph found from each: most
    # paragraphs have none, and a search per paragraph cost more than the marks)
    spans = []
    n, i, search = len(text), 0, _QUOTE_MARK.search
    while (m := search(text, i)) is not None:
        i = m.start()
        if text[i] == '"' and i and text[i - 1].isalnum():
            i += 1  # inch marks, 6'2"
            continue
        mark = m.group(0)
        para_end = text.find("\n", i)
        if para_end == -1:
            para_end = n
        close = text.find(_CLOSING[mark], i + len(mark), para_end)
        if mark in _MIXED_CLOSING:
            # (web copy mixes its marks: '“I heard parts of Bernie’s speech,"
            # Trump said. "He wants to give away our country.”': the nearer
            # closing mark, a straight one only where it closes: after no space
            # or inch's digit, before no letter)
            other = text.find(_MIXED_CLOSING[mark], i + 1, para_end if close == -1 else close)
            if other != -1 and (mark == '"' or (
                    text[other - 1] not in " \t" and not text[other - 1].isdigit()  # (6'2")
                    and not text[other + 1:other + 2].isalnum())):
                close = other
        if mark == "“":
            # (an opening mark typed for a closing one: '“It's unusual,“ said Larry
            # Noble. “It's a hard thing ...”': after a stop or a comma, before a space)
            typo = text.find("“", i + 1, close if close != -1 else para_end)
            if typo != -1 and text[typo - 1] in ",.?!" and text[typo + 1:typo + 2] == " ":
                close = typo
        end = close if close != -1 else para_end
        if end - i > len(mark):
            spans.append((i + len(mark), end))
        # (a straight mark between a space and a letter opens the next sentence's
        # quotation, the last one left unclosed: '"A clear division is emerging.
        # "Labour is counting on fear," he said')
        reopens = (close != -1 and mark == '"' and text[close - 1].isspace()
                   and close + 1 < n and text[close + 1].isalpha())
        i = (close if reopens else end + len(mark)) if close != -1 else para_end
    return spans


# ------------------------------------------------------------------ speakers


@lru_cache(maxsize=1)
def _lower_led_finder():
    """A name word that opens in lower case: "al-", "el-", or a particle joined
    to a capital ("deGrasse", "d’Anselme"), found by one automaton of their 260
    possible openings (a regex alternation of them took 65 us per BBC article)."""
    import ahocorasick_rs

    upper = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    openings = [p + u for p in ("al-", "el-", "de", "di", "da", "du", "le", "la", "d'", "d’")
                for u in upper]
    return ahocorasick_rs.AhoCorasick(openings)


def lower_led(text: str) -> bool:
    """Whether ``text`` may hold a name word that opens in lower case."""
    return bool(_lower_led_finder().find_matches_as_indexes(text))


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of ``spans`` (a quotation's, say)."""
    return any(s <= pos < e for s, e in spans)


def _full_names(text: str, lower: bool | None = None) -> Iterator[re.Match]:
    """``_FULL_NAME_RE.finditer(text)``: runs of two or more name words
    (``lower``: ``lower_led(text)``, when the caller knows it)."""
    if lower_led(text) if lower is None else lower:
        yield from _FULL_NAME_RE.finditer(text)
        return
    yield from word_matches(_FULL_NAME_CAPITAL, text, inside="_’'-")


def _mentions(text: str, places: frozenset[str],
              lower: bool | None = None) -> tuple[list[tuple[int, str]], set[str]]:
    """Person names mentioned anywhere, with positions (for resolution); and
    the surnames a title or a personal role marks ("President Obama", "Sen.
    Warren"), which stand for a person even where the article never gives
    the full name ("Obama said")."""
    out, titled_surnames = [], set()
    for m in _full_names(text, lower):
        raw = m.group(0)
        if _firm_of_before(text, m.start()):
            continue  # "Financial Corp of Santa Barbara": a firm's place
        name, titled = person_name(raw, places)
        if name is None and "s " in raw and (own := _OWNER.match(raw)):
            # a person who owns what follows: "Clint Eastwood's Million Dollar Baby"
            name, titled = person_name(own.group(1), places)
        if name and len(name.split()) >= 2:
            out.append((m.start() + raw.find(name.split()[0]), name))
        elif name and titled:
            titled_surnames.add(name)
    return out, titled_surnames


_OWNER = re.compile(r"(\S+(?:\s+\S+)+?[’']s)\s")  # two words or more, then "'s"
_DASHES = (" - ", " – ", " — ")  # an aside's dashes, spaced
_EXAMPLES_BEFORE = re.compile(r"\b(?:particularly|especially|including|notably|such as)\s+"
                              r"[^,.;:!?\"“”]{0,60}$")


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
        # (position, name, the gender a title gives: "m", "f" or "")
        named = [(p, name, "") for p, name in mentions]
        in_full = {p + len(name) for p, name in mentions}  # where a full mention's surname ends
        n = len(body)
        for surname, fulls in owners.items():
            i = body.find(surname)
            while i != -1:
                j = i + len(surname)
                if ((not i or not body[i - 1].isalnum()) and (j >= n or not body[j].isalnum())
                        and j not in in_full):
                    named.extend((i, full, "") for full in fulls)
                i = body.find(surname, j)
        for m in word_matches(_TITLED_SURNAME, body):
            if m.group(1) not in owners and m.group(1) not in MONTHS_DAYS:
                # (the title gives the gender: "Mr." is no "she")
                title = m.group(0)[:3].rstrip(". ")
                named.append((m.start(1), m.group(1), _TITLE_GENDER.get(title, "")))
        named.sort(key=lambda m: m[0])
        self.body, self.quoted, self.named = body, quoted, named
        self.starts = [p for p, _name, _gender in named]
        self._usable: dict[int, bool] = {}
        self._nouns: list[int] | None = None
        # A sentence's subject may be a person's role, not their name: "Tory
        # leader Michael Howard ... Documentary maker Michael Cockerell was
        # given access to Mr Howard. The Tory leader was asked ... He replies:"
        # is Howard's. Such a subject is a mention of the one it stands for.
        described = []
        for m in _THE_ROLE_SUBJECT.finditer(body) if "The " in body else ():
            if _SENTENCE_START_BEFORE.search(body, max(0, m.start() - 3), m.start()) or not m.start():
                who = self.role(m.start(), m.group(1))
                if who:
                    described.append((m.start(), who, ""))
        if described:
            named = sorted(named + described, key=lambda m: m[0])
            self.named, self.starts = named, [p for p, _name, _gender in named]
            at = {p for p, _name, _gender in described}
            self._usable = {k: True for k, (p, _n, _g) in enumerate(named) if p in at}

    def usable(self, k: int) -> bool:
        """Whether the k-th mention can be a "he": not a person named as an
        object ("did not have kind words for Donald Trump. In a speech, he
        said", "told host Chris Cuomo she"), as an owner ("Anderson Cooper's
        questions") or inside a quotation. (Worked out only for the mentions a
        pronoun looks back at.)"""
        ok = self._usable.get(k)
        if ok is None:
            p, name, _gender = self.named[k]
            body = self.body
            end = p + len(name if body.startswith(name, p) else name.split()[-1])
            noun = _MODIFIER_AFTER.match(body, end)
            ok = self._usable[k] = not (
                _named_as_object(body, p, end) or _POSSESSIVE_AFTER.match(body, end)
                or (noun is not None and noun[1] in _MODIFIED_NOUNS)
                or _inside(self.quoted, p) or _thing_mention(body, p)
                or _reported_subject(body, p, end)
                # (an aside between dashes: "another member of the relay team -
                # Jason Gardener - over 60m. He added:" is the sentence's subject's)
                or (body.endswith(_DASHES, 0, p) and body.startswith(_DASHES, end))
                # (nor one among examples: "his young players, particularly Wayne
                # Rooney and Cristiano Ronaldo, are up to the task. ... he declared")
                or _EXAMPLES_BEFORE.search(body, max(0, p - 80), p) is not None)
        return ok

    def last(self, pos: int, pronoun: str) -> str | None:
        """The person named last before ``pos`` that ``pronoun`` ("he", "she")
        can stand for: one whose given name (or title) is not the other
        gender's. A shared surname there is the one of its people who fits;
        none if several do."""
        other_gender = "f" if pronoun.lower() == "he" else "m"
        at, found = -1, set()
        for k in range(bisect.bisect_left(self.starts, pos) - 1, -1, -1):
            p, name, gender = self.named[k]
            if found and p != at:
                break
            if self.usable(k) and gender != other_gender and self.fits(name, pronoun):
                at = p
                found.add(name)
        # (not past someone unnamed who speaks since: "John Prescott held a
        # meeting. Our correspondent said that ..., he added" is the correspondent)
        if len(found) != 1 or self._unnamed_says(at, pos):
            return None
        return found.pop()

    @staticmethod
    def fits(name: str, pronoun: str) -> bool:
        """Whether "he" or "she" can stand for ``name``: its given name is not
        the other gender's."""
        return name.split()[0].lower() not in gendered_names()[pronoun.lower() == "he"]

    def role(self, pos: int, phrase: str) -> str | None:
        """The person named before ``pos`` whom "the ``phrase``" stands for:
        the last one the article describes by its role word ("Justice
        Minister Cathy Jamieson" ... "the minister said"), or, for an age
        ("the 30-year-old"), the person last named."""
        word = phrase.split()[-1].lower()
        body = self.body
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and not self.usable(k):
            k -= 1
        if k < 0:
            return None
        who = self.named[k][1]
        if word.endswith("-year-old") or phrase.split()[-1] in _NATIONALS:
            return who
        # (a team's player is the one last named, as in a match report: "Cueto
        # was puzzled. \"...,\" said the Sale player"; so is a seat's member,
        # "the Salford MP told the committee")
        if word in _QUALIFIED_ROLES and phrase.split()[0][:1].isupper():
            return who
        # (the person last named, if the article gave them that role: not
        # "Olympic champion Kenenisa Bekele ... Paula Radcliffe ... said the
        # two-time champion")
        for j in range(k, max(-1, k - 40), -1):
            p, name, _gender = self.named[j]
            if name == who and word in self._near_words(p, name, pos).split():
                return who
        # (or, for a role of two words or more, the one last named with all
        # of them: "Tory leader Michael Howard", then others, then "the Tory
        # leader"; the words together say more than "the champion" does)
        words = phrase.lower().split()
        if len(words) < 2:
            return None
        for j in range(k, max(-1, k - 60), -1):
            p, name, _gender = self.named[j]
            if body.startswith(name, p) and self._introduced_as(p, p + len(name), words):
                return name
        return None

    def _introduced_as(self, p: int, end: int, words: list[str]) -> bool:
        """Whether the name at body[p:end] has the role ``words`` right before
        it ("Tory leader Michael Howard", not "Deputy Prime Minister John
        Prescott" for "the prime minister") or in an appositive after it
        ("Charles Clarke, the home secretary,")."""
        body = self.body
        before = body[max(0, p - 80):p].lower().split()
        n = len(words)
        if before[-n:] == words and (len(before) == n or before[-n - 1] not in _ROLE_MODIFIERS):
            return True
        after = body[end:end + 80].lower().replace(",", " , ").split()
        if after[:1] == [","]:
            after = after[2:] if after[1:2] == ["the"] else after[1:]
            return after[:n] == words and after[n:n + 1] in ([","], [])
        return False

    def _near_words(self, p: int, name: str, pos: int) -> str:
        """The words of the sentence that names ``name`` at ``p`` (up to ``pos``,
        not the anaphor itself), lower case, near the name."""
        body = self.body
        end = body.find(".", p + len(name))
        end = min(p + 120 if end == -1 else end, p + 120, pos)
        start = max(body.rfind(". ", 0, p) + 2, body.rfind("\n", 0, p) + 1, p - 60)
        return " ".join((body[start:p] + " " + body[p:end]).lower().replace(",", " ")
                        .replace("'s", " ").split())

    def _unnamed_says(self, start: int, end: int) -> bool:
        """Whether someone unnamed speaks in body[start:end] ("Our correspondent
        said"): the regex runs only where one of its nouns stands, which an
        Aho-Corasick pass finds once per article."""
        if self._nouns is None:
            self._nouns = [s for s, _e, _w in _unnamed_noun_finder().find(self.body)]
        k = bisect.bisect_left(self._nouns, start)
        return k < len(self._nouns) and self._nouns[k] < end and \
            _UNNAMED_SAYS.search(self.body, start, end) is not None


# Nouns before a name that make it a thing's: "the terrorist group Ansar
# al-Sharia", "the band Kasabian"
_THING_NOUNS = frozenset({"group", "organisation", "organization", "company", "firm", "team",
                          "club", "party", "movement", "band", "network", "agency", "brand",
                          "label", "website", "show", "film", "sorority", "fraternity",
                          "society", "association", "think-tank",
                          # and firms' kinds: "investment bank Merrill Lynch said"
                          # (plural: "Bombay broker Dinesh Walji" is a person)
                          "bank", "brokerage", "brokers", "stockbrokers", "insurer",
                          "carmaker", "consultancy",
                          "automaker", "retailer", "newspaper", "magazine", "airline",
                          "manufacturer", "supermarket", "watchdog",
                          "regulator", "charity", "lender", "conglomerate", "giant"})


def _org_before(body: str, pos: int) -> bool:
    """Whether a noun of things stands right before the name at ``pos``."""
    word = body[max(0, pos - 20):pos].rsplit(None, 1)[-1:]
    return bool(word) and word[0].lower() in _THING_NOUNS


def _thing_mention(body: str, pos: int) -> bool:
    """Whether the name at ``pos`` is a thing's, which no "he" stands for: a
    noun of things is before it."""
    before = body[max(0, pos - 30):pos].split()
    # (past the name's own words: its surname at "Hain" of "The Peter Hain")
    while before and before[-1].isalpha() and before[-1][0].isupper() and \
            before[-1].lower() not in _ROLES_AND_TITLES:
        before.pop()
    # (past a participle and its adverb: "the newly created South East Asia
    # Earthquake and Tsunami Blog")
    if len(before) > 2 and before[-1].endswith("ed") and before[-2].endswith("ly") \
            and before[-1].isalpha() and before[-1].islower():
        before = before[:-2]
    # (or past the words that give a thing its name: "a terrorist group known as
    # Ansar al-Sharia", "a band called Blue")
    if before[-2:] == ["known", "as"] or before[-1:] in (["called"], ["named"], ["dubbed"]):
        named = before[:-2] if before[-1] == "as" else before[:-1]
        if named and named[-1].lower() in _THING_NOUNS:
            return True
    # (or an article: "The Peter Hain \"mongrel\" attack", "a Martin Luther King Jr.
    # celebration")
    return bool(before) and (before[-1].lower() in _THING_NOUNS
                             or before[-1] in ("the", "The", "a", "A", "an", "An"))


_MODIFIER_AFTER = re.compile(r" ([a-z][a-z-]+)\b")
_POSSESSIVE_AFTER = re.compile(r"[’']s?\b|[’'](?!\w)")
_TITLE_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f"}
_TITLED_SURNAME = re.compile(r"(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)*)\b(?!\s+[A-Z]|[-'’])")
# Words after which a name is an object: prepositions and verbs done to people
_OBJECT_BEFORE = frozenset({
    "to", "with", "by", "for", "against", "of", "about", "from", "at", "on", "into", "over",
    "than", "like", "told", "asked", "urged", "praised", "thanked", "attacked", "criticized",
    "criticised", "interviewed", "beat", "defeated", "met", "joined", "endorsed", "backed",
    "blasted", "slammed", "mocked", "called", "named", "accused", "defended", "replaced",
    "succeeded", "appointed", "hired", "fired", "sued", "tell", "ask", "thank", "elect", "call",
    "between", "among", "including",
})


_ABBREVIATED = frozenset(t.lower() for t in _TITLE_ABBREVIATIONS) | {"supt", "insp", "det", "pres"}


def _named_as_object(body: str, pos: int, end: int | None = None,
                     subject_after: frozenset[str] = frozenset()) -> bool:
    """Whether the name at ``pos`` follows a preposition or a verb done to
    someone, past any titles and roles before it ("told host Chris Cuomo");
    not one of ``subject_after``, whose name is a subject ("with leader
    Charles Kennedy saying")."""
    words = body[max(0, pos - 60):pos].split()
    past_comma = listed = False
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        low = word.strip(",;:()\"'“”‘’").lower()
        if low.endswith((".", "!", "?")) and not (len(low) == 2 or low[:-1] in _ABBREVIATED):
            return False  # the sentence before: "Chagoury. Mr. Band asked", "to Labour. Mr
            # Howard said" (but not a title's stop: "Lt. Gen. Mick Bednarek")
        if word[:1].isupper() or low in ROLE_WORDS or low.rpartition("-")[2] in ROLE_WORDS or \
                low in _FELLOWS or low in _RANKS or low in ("and", "or", "&"):
            # (and "vice-premier", "a loss to world number six Dementieva")
            past_comma = past_comma or word.endswith(",")
            listed = listed or low in ("and", "or", "&")
            continue  # (past other names: "between Gordon Brown and Prime Minister Tony Blair")
        # a clause before: "on the subject of Mr Kilroy-Silk, Mr Morris despatches
        # him" (not a list: "including Annette Bening, Kate Winslet and ...")
        if past_comma and not listed and low not in ("according", "to") and \
                end is not None and not _LIST_GOES_ON.match(body, end):
            return False
        # "according to John Houlihan" names a speaker, but "According to
        # Mandaric, Redknapp vowed" the one he speaks of
        if low == "to" and i > 0 and words[i - 1].lower() == "according":
            return past_comma
        # (and "such as", past a word that describes: "such as centres Matthew
        # Tait and Jamie Noon")
        return (low in _OBJECT_BEFORE and low not in subject_after) or any(
            words[k].lower() == "as" and words[k - 1].lower() == "such"
            for k in ((i, i - 1) if word.isalpha() else (i,)) if k > 0)
    return False


_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|&)")
# Words that describe a person by another ("swipes at fellow GOP contender Jeb
# Bush"), walked past like roles
_FELLOWS = frozenset({"fellow", "rival", "rivals", "contender", "candidate", "colleague",
                      "opponent", "challenger", "counterpart", "predecessor", "successor", "ally",
                      "critic", "nominee", "front-runner", "frontrunner", "hopeful", "presumptive"})
# ... and words of a rank: "lost to world number six Elena Dementieva", "beat
# defending champion Roger Federer", "third seed Andy Roddick"
_RANKS = frozenset({"world", "number", "no", "one", "two", "three", "four", "five", "six",
                    "seven", "eight", "nine", "ten", "top", "seed", "seeded", "second", "third",
                    "fourth", "fifth", "sixth", "seventh", "eighth", "defending", "reigning",
                    "champion", "holder", "title-holder", "compatriot", "team-mate", "teammate",
                    "unseeded", "qualifier", "wildcard", "wild-card"})
# A name before one of these is a modifier, no person a "he" stands for: "a
# devout Catholic and Donald Trump supporter. He recently wrote"
_MODIFIED_NOUNS = frozenset({
    "supporter", "supporters", "campaign", "administration", "rally", "rallies", "voters",
    "fans", "era", "presidency", "foundation", "adaptation", "film", "movie", "song", "album",
    "biopic", "effect", "doctrine", "camp", "loyalist", "loyalists", "backers", "critics",
    "impeachment", "trial", "impersonator", "lookalike", "look-alike", "memorial", "estate"})


# People who speak for someone: "a spokesman for Mr Prescott warned" is the
# spokesman's word, not Prescott's (aides, and family and friends)
_PROXIES = _AIDES | {"spokesmen", "adviser", "advisers", "advisor", "advisors", "wife", "husband",
                     "son", "daughter", "brother", "sister", "widow", "family", "friend",
                     "friends", "allies", "supporters", "counsel"}


def _spoken_for(body: str, pos: int) -> bool:
    """Whether the name at ``pos`` is the one a proxy speaks for: "a
    spokesman for Labour leader Ed Miliband", "lawyers for Smith", "the wife
    of Mr Jones" (past capitalised words and roles before the name)."""
    words = body[max(0, pos - 60):pos].split()
    # (not past a comma: "A spokesman for Valero, Steve Fry, said" is Fry's;
    # past two words of a portfolio the lists lack: "an aide to French
    # agriculture minister Francois Guillaume")
    popped, loose = "", 0
    while words and words[-1][-1:].isalpha():
        if not (words[-1][:1].isupper() or words[-1].lower() in ROLE_WORDS):
            loose += 1
            if loose > 2 or words[-1] in ("for", "to", "of"):
                break
        popped = words.pop()
    # (a portfolio is the proxy's own: "spokesman for sport Hugh Robertson")
    if len(words) < 2 or words[-1] not in ("for", "to", "of") or popped in _PORTFOLIO_WORDS:
        return False
    proxy = words[-2]
    # (capitalised, an office is a name's: "Office of Management and Budget
    # Director James Miller said")
    return proxy.lower() in _PROXIES and (proxy.islower() or proxy.lower() not in _BODIES)


_BODIES = frozenset({"office", "campaign", "team", "staff", "family"})


_PROXY_APPOSITIVE = re.compile(
    rf"({_TITLED}{NAME}),\s+(?:an?|the|one)\s+(?:[\w-]+\s+){{0,3}}?(?:{trie_pattern(sorted(_PROXIES))})"
    rf"\s+(?:to|for|of)\s+[^,.;\"“”]*$")
# (or the one of a firm of that kind: "Richard Jeffrey of brokers Hoare Govett said")
_NAME_OF_KIND = re.compile(rf"(?<![\w.-])({_TITLED}{NAME})\s+(?:of|at)\s+[a-z]+\s+$")
_PORTFOLIO_WORDS = PORTFOLIOS | {"sport", "sports", "culture", "environment", "media", "treasury"}


# (and what someone thinks: "he does believe McConnell is correct"; not
# "believes", "thinks": those come before their own subject, "thinks Paolo
# Pescatore, an analyst")
# ("that" and these never come before their own subject: "He said that FBI
# Director William Webster, his new nominee, ..." reports what Webster is)
_NEVER_INVERTED = frozenset({"that", "believe", "believed", "think", "thought", "hope", "hoped",
                             "fear", "feared", "know", "knew"})
_SPEECH_WORDS = frozenset(v for v in SPEECH_VERBS.split("|") if " " not in v) | _NEVER_INVERTED
_NAME_END_RE = re.compile(_NAME_END)


def _reported_subject(body: str, pos: int, end: int) -> bool:
    """Whether the name at body[pos:end] is the subject of what someone says:
    "But he said Mr Blair had lost the trust" (a later "he said" is still the
    speaker's), not "..., said Mr Dein on Monday" (the speaker himself)."""
    words = body[max(0, pos - 40):pos].split()
    while words and words[-1][-1:].isalpha() and (words[-1][:1].isupper()
                                                  or words[-1].lower() in ROLE_WORDS):
        words.pop()
    if words and words[-1].endswith(",") and body.startswith(",", end):
        # (the name in an appositive after the subject's description: "He said his
        # new national security adviser, Frank Carlucci, was rebuilding the staff")
        k = len(words) - 1
        # ("that" may be the description's own: "The head of that tribunal, X, said")
        while k > 0 and len(words) - k <= 6 and words[k].rstrip(",").isalpha() \
                and words[k].islower() and words[k] not in _SPEECH_WORDS:
            k -= 1
        return k < len(words) - 1 and words[k] in _SPEECH_WORDS and words[k] != "that"
    return bool(words) and words[-1] in _SPEECH_WORDS and (
        words[-1] in _NEVER_INVERTED or not _NAME_END_RE.match(body, end))


_ORG_OF = re.compile(r"\b(?:Corp|Co|Inc|Bank|Corporation|Company|Group|University|Association"
                     r"|Council|Chamber|Federation|Institute|Society|Board)\.?\s+of\s+$")


def _firm_of_before(text: str, pos: int) -> bool:
    """Whether a firm's "Corp of", "Bank of", ... stands right before ``pos``."""
    return text.endswith("of ", 0, pos) and _ORG_OF.search(text, max(0, pos - 40), pos) is not None
_QUESTION_NEXT = re.compile(r"\s*[:,]?\s*[\"“‘']")
_WAS_ASKED = re.compile(r" (?:was|were) (?:also |later |then )?asked\b")
_TITLE_FULL_NAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_SEX_OF_TITLE = {"mr": 0, "mrs": 1, "ms": 1, "miss": 1}  # index into gendered_names()


def _resolve(name: str, titled: bool, full_names: list[str], title: str = "") -> str | None:
    """A surname (or partial name) to the fullest name in the article: one that
    ends with it first ("Cruz" is "Ted Cruz", not a headline's "Ted Cruz
    Apologizes"), else one that holds it ("Manuel" -> "Manuel Contepomi");
    after "Mr", a man's before a woman's ("Mr Blair" is Tony, not Cherie
    Blair), after "Mrs", "Ms" or "Miss", a woman's before a man's."""
    tokens = name.split()
    best, best_key = None, (False, False, 0)
    sex = _SEX_OF_TITLE.get(title.lower().rstrip("."))
    other = gendered_names()[1 - sex] if sex is not None else frozenset()
    for full in full_names:
        parts = full.split()
        if len(parts) <= len(tokens):
            continue
        ends = parts[-len(tokens):] == tokens
        if not (ends or (len(tokens) == 1 and tokens[0] in parts)):
            continue
        key = (ends, not other or parts[0].lower() not in other, len(full))
        if key > best_key:
            best, best_key = full, key
    if best:
        return best
    if len(tokens) >= 2 or titled:
        return name
    return None


def preload() -> None:
    """Build the gazetteer and matchers now: before forking workers, so they
    share them."""
    preload_places()
    _verb_finder()
    _lower_led_finder()
    _unnamed_noun_finder()


def unwrap(text: str) -> str:
    """Hard-wrapped copy (wire archives break lines at 60-80 characters) with
    each break inside a sentence read as a space, so a name runs on across it
    ("Minister Herman\nDe Croo said"); one character for one, so every offset
    into the text stays. A line counts as wrapped when most of the text's lines
    are of that length and it ends inside a sentence, the next line going on
    in the same paragraph (not a dateline or a headline in capitals)."""
    if text.count("\n") < 3:
        return text
    lines = text.split("\n")
    sizes = [len(line) for line in lines if line.strip()]
    if sum(40 <= n <= 90 for n in sizes) < 0.6 * len(sizes):
        return text
    out = []
    for k, (line, nxt) in enumerate(zip(lines, lines[1:])):
        end = line.rstrip()
        first = nxt.split(" ", 1)[0]
        # (the text's first line may be short: what followed its dateline)
        wrapped = (len(end) >= (20 if k == 0 else 40) and end[-1] not in '.!?:;"”\''
                   and nxt[:1].strip()
                   and not (len(first) > 1 and first.isupper()))
        out.append(line + (" " if wrapped else "\n"))
    out.append(lines[-1])
    return "".join(out)


def extract(article: Article) -> Extraction:
    """What the article reports: who spoke, what they said, which places."""
    # (offsets into the unwrapped body are offsets into the article's)
    body = unwrap(article.body)
    # Person names first, so their parts are not taken for places.
    candidates = find_places(body)
    place_names = frozenset(p for _, _, p in candidates)
    # (a name opens with a capital, unless the text has "al-", "el-" or
    # "deGrasse": scans for names start at a capital where it has none)
    lower_names = lower_led(body)
    mentions, titled_surnames = _mentions(body, place_names, lower_names)
    # longest first, ties by first mention (a set's order changes with the
    # process's hash seed: "Manuel" or "Felipe Contepomi" for a bare "Contepomi")
    full_names = sorted(dict.fromkeys(n for _, n in mentions), key=len, reverse=True)
    # (not initials: "G.K. Butterfield" has no place in it, "Coloroll U.S. Business" one)
    person_tokens = frozenset(t for n in full_names for t in n.split()
                              if t[0].isupper() and "." not in t)
    quoted = find_quotes(body)
    people = _People(body, mentions, full_names, quoted)
    # A word that is part of a full name here ("Hillary Clinton") means that
    # person when it stands alone ("said Clinton"), not the town of that name.
    place_names -= person_tokens

    # (a surname the body never gives in full may be in the title: "Hillary
    # Clinton goes after Trump" and "..., Clinton said")
    title_names = {m.group(2): m.group(0) for m in _TITLE_FULL_NAME.finditer(article.title)
                   if _gendered(m.group(1).lower()) and m.group(1).lower() not in NOT_NAME_START
                   and m.group(2).lower() not in plain_words()
                   and gazetteer().get(m.group(0)) is None and m.group(2) not in place_names}
    speakers: dict[str, int] = {}  # name -> first position
    said: list[tuple[int, str]] = []  # (position, name) of each report of speech

    def add_speaker(raw: str, pos: int) -> str | None:
        name, titled = person_name(raw, place_names)
        words = raw.split()
        if not name and 2 <= len(words) <= 3 and words[0] in titled_surnames \
                and all(w[:1].isupper() for w in words):
            # a surname first that is also a word, which the article titles
            # elsewhere: "said central bank governor Park Seung ... Mr Park's"
            name, titled = " ".join(words), True
        if not name:
            return None
        if _firm_of_before(body, pos):
            return None  # "Financial Corp of Santa Barbara said": the firm
        if body.endswith(("the ", "The "), 0, pos) \
                and words[0].lower().rstrip(".") not in _ROLES_AND_TITLES \
                and not (words[0].lower() in _HONORIFIC_LEADS and len(words) > 1
                         and words[1].lower().rstrip(".") in _ROLES_AND_TITLES):
            # "the Red Cross warned", "who presents The Weakest Link tells": no
            # person is "the X" (but "the Rev Al Green")
            return None
        resolved = _resolve(name, titled or name in titled_surnames, full_names, words[0]) \
            or title_names.get(name)
        if resolved:
            speakers.setdefault(resolved, pos)
            if not _inside(quoted, pos):  # (kept in text order for _attribute)
                bisect.insort(said, (pos, resolved))
        return resolved

    for v_start, v_end, verb in _verb_finder().find(body):
        if verb in _CLAIMS and _CLAIMED_THING.match(body, v_end):
            continue  # "claimed the 200m", "claimed responsibility": no words
        if verb in _WROTE and _WRITTEN_WORK.match(body, v_end):
            continue  # "She wrote a memoir"
        if verb in _TELLS and _TOLD_THING.match(body, v_end):
            continue  # "Trump tells so many lies"
        if verb in _NAMING and _NAMED_THEN_VERB.match(body, v_end):
            continue  # a participle: 'Helen Steel and David Morris, dubbed the "McLibel Two", were'

        if verb == "alleged" and _ADJECTIVE_ALLEGED.search(body, max(0, v_start - 12), v_start):
            continue  # "custody of alleged Russian operative Sergey Cherkasov": an adjective
        if verb in OBJECT_VERBS and body.startswith(" by ", v_end):
            continue  # the passive: "a memoir ..., praised by Tessa Hadley" (not Hadley's words)
        after = _RETORT_AT if verb == "hit back" else _PUT_IT_AFTER if verb in ("put it", "puts it") \
            else _BARE_AFTER
        if verb in _BARE_VERBS and not after.match(body, v_end):
            continue  # "Commission charged Dean Witter", "Smith charged with murder"
        window = body[max(0, v_start - 170):v_start]
        first = 0 if lower_names else _CAPITAL.search(window, _clause_start(window))
        if verb in _WILL_VERBS and not window.endswith("will "):
            continue
        tail = window.rstrip()
        if (verb.endswith("ing") and tail.endswith((",", "-", "–", "—"))) or (
                tail.endswith(" and") and (verb not in ("added", "adds") or _BARE_AFTER.match(body, v_end))):
            # "Trump continued to question Cruz's temperament, saying ...",
            # "McConnell was quick to embrace the mogul and said ...": the
            # sentence's subject (its first words a name, then a verb; not
            # "Hodgson converted and added a penalty")
            line = body.rfind("\n", 0, v_start) + 1
            start = _sentence_start(body, line, v_start)
            # (a line of hard-wrapped copy may start inside a sentence)
            wrapped = start == line and line > 1 and body[:line - 1].rstrip()[-1:] not in '.!?"”:'
            m = _CLAUSE_SUBJECT.match(body, start, v_start) \
                if v_start - start < 300 and not wrapped and not _NOT_SPEECH.match(body, v_end) else None
            # (not "Amanda's uncle, ...", nor past a clause of someone else's:
            # "Frank Capra was the butt of a gaffe when the host ... declared")
            if m and not (POSSESSIVE_END.search(m.group(1)) or _spoken_for(body, m.start(1))
                          or _org_before(body, m.start(1))
                          or _SUBORDINATE.search(body, m.end(1), v_start)):
                add_speaker(m.group(1), m.start(1))
        if verb in _PARTICIPLES:
            m = None if first is None else _NAME_RIGHT_BEFORE.search(window, first and first.start())
            at = m and v_start - len(window) + m.start(1)
            # (nor after a preposition or a verb done to someone: "heaped praise
            # on Mr Brown saying he was doing a great job")
            if m and not (_spoken_for(body, at) or _org_before(body, at)
                          or _named_as_object(body, at, at + len(m.group(1)), subject_after=_WITH)):
                add_speaker(m.group(1), at)
            continue
        # (a participle's subject is not the name before its comma: "tweeted
        # congratulations to Bernie Sanders, adding")
        if verb.endswith("ing") and tail.endswith(","):
            first = None
        # (not past a comma when the subject follows the verb: "Bert Roberts and
        # Francesco Galesi, remain defendants in the lawsuit, said the newspaper")
        if tail.endswith(",") and verb not in OBJECT_VERBS and _INVERTED_SUBJECT.match(body, v_end):
            first = None
        m = None if first is None else _NAME_BEFORE.search(window, first and first.start())
        if m is None and first is not None and tail.endswith(_WRITINGS):
            m = _OWNED_WRITING_BEFORE.search(window, first and first.start())
        if m is None and first is not None and \
                tail.rpartition(" ")[2].lower() in _APPOSITIVE_ROLES:
            # (Reuters and the BBC close no appositive: "Peter Dobrow, a T-Mobile
            # spokesperson said")
            m = _NAME_APPOSITIVE_ROLE.search(window, first and first.start())
        elif m is None and first is not None and \
                tail.rpartition(" ")[2].lower() in _APPOSITIVE_BODIES:
            m = _NAME_APPOSITIVE_BODY.search(window, first and first.start())
        # (the leftmost match may be no person, "Santa Barbara, ..., Marlin
        # Fitzwater said": then a later one, a few at most)
        # (nor one a proxy speaks for, "A spokesman for Valero, Steve Fry, said",
        # nor a firm: then past the whole name, not "Lynch" of "bank Merrill Lynch")
        for _ in range(4):
            if m is None:
                break
            at = v_start - len(window) + m.start(1)
            if _spoken_for(body, at) or _org_before(body, at):
                # (Reuters: "Yves Van Haecke, an aide to ... Francois Guillaume said")
                proxy = _PROXY_APPOSITIVE.search(body, max(0, at - 150), at) or \
                    _NAME_OF_KIND.search(body, max(0, at - 80), at)
                if proxy and add_speaker(proxy.group(1), proxy.start(1)):
                    break
                m = _NAME_BEFORE.search(window, m.end(1))
                continue
            # (an appositive left unclosed: "Peter Misselbrook, executive
            # partner of Tods Murray said" is Misselbrook's, not the firm's)
            if body.endswith((" of ", " at ", " of the ", " at the "), 0, at) and \
                    (holder := _HOLDER_APPOSITIVE.search(body, max(0, at - 150), at)) and \
                    add_speaker(holder.group(1), holder.start(1)):
                break
            if add_speaker(m.group(1), at):
                # (a subject of two: "German Chancellor Gerhard Schroeder and
                # French President Jacques Chirac have called for")
                if body.endswith(" and ", 0, at) and \
                        (other := _CONJOINED_NAME.search(body, max(0, at - 80), at - 5)) and \
                        not _named_as_object(body, other.start(1)):
                    add_speaker(other.group(1), other.start(1))
                break
            m = _NAME_BEFORE.search(window, m.start(1) + 1)
        # "said X" names the speaker, "told X" / "praised X" the one spoken to or of
        if verb in OBJECT_VERBS or verb in _WILL_VERBS:
            continue
        m = _name_after(body, v_end, v_end + 90)
        # (not a name after a preposition: "tweeted congratulations to Bernie Sanders";
        # nor the subject of what was said: "It said R.C. Mills, president of its
        # unit, has been named"; but "What this means, said Stacey Jolna, senior
        # vice president of TV Guide, is that")
        if m and not _PREPOSITIONS.intersection(body[m.start(1):m.end(1)].split()) and not (
                _APPOSITIVE_THEN_VERB.match(body, m.end(1))
                and not body[max(0, v_start - 2):v_start].startswith(",")):
            add_speaker(_after_descriptors(m.group(1)), m.start(1))
        elif m is None and (m := _ROLE_COMMA_NAME.match(body, v_end, v_end + 120)) and \
                ROLE_WORDS.intersection(m.group(1).lower().split()):
            add_speaker(m.group(2), m.start(2))  # "said the prime minister, Fumio Kishida,"
    # (each scan only where its literal occurs: most articles have none)
    according = "ccording to" in body
    for m in _ACCORDING.finditer(body) if according else ():
        lead, name = _LOWER_LEAD.match(m.group(1)).groups()
        # (a name after "the" alone is a thing's: "according to the Philippine
        # Star", "the Washington Free Beacon"; not "the Astronomer Royal Lord Rees")
        if lead.split() == ["the"] and not any(
                w.lower().rstrip(".") in _ROLES_AND_TITLES for w in name.split()[:-1]):
            continue
        if not POSSESSIVE_END.search(m.group(1)):
            add_speaker(name, m.start(1))
    for m in _ACCORDING_OWNED.finditer(body) if according else ():
        add_speaker(_after_descriptors(m.group(1)), m.start(1))
    for m in _ACCORDING_DESCRIBED.finditer(body) if according else ():
        add_speaker(_after_descriptors(m.group(1)), m.start(1))
    for m in _ASKED_BY.finditer(body) if "sked by" in body else ():
        if not _org_before(body, m.start(1)):
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
            if not _inside(quoted, m.start()) and add_speaker(m.group(1), m.start()):
                break
    m = _TITLE_SPEAKER.match(article.title)
    if m and not _PREPOSITIONS.intersection(m.group(1).split()):  # "Colbert on Kevin McCarthy:"
        add_speaker(_after_descriptors(m.group(1)), 0)
    for m in word_matches(_PRONOUN_VERB, body):
        if _inside(quoted, m.start()):
            continue  # ("... he said we live in hell," a voter said: the voter's words)
        if body[max(0, m.start() - 6):m.start()].endswith(("who ", "whom ")):
            continue  # ("Megyn Kelly, who he claims has been unfair": not Kelly)
        if m.group(0).endswith(_CLAIMS) and _CLAIMED_THING.match(body, m.end()):
            continue  # ("she effortlessly claimed the 200m")
        who = people.last(m.start(), m.group(1))
        if who:
            speakers.setdefault(who, m.start())
            bisect.insort(said, (m.start(), who))

    # Someone asked answers: "Dr Fox was asked if he would ... \"I'm sure ...\"" is
    # Fox's (a report for the quotation after it, not one of words of its own)
    asked = set()
    for a in _WAS_ASKED.finditer(body) if " asked" in body else ():
        # (the literal first, the name before it: a name pattern tried at every
        # capital of the text cost 0.4 ms an article)
        window = body[max(0, a.start() - 80):a.start() + 1]
        m = _NAME_RIGHT_BEFORE.search(window)
        at = a.start() + 1 - len(window) + m.start(1) if m else 0
        if m is None or _inside(quoted, at):
            continue
        name, titled = person_name(m.group(1), place_names)
        who = name and _resolve(name, titled or name in titled_surnames, full_names,
                                m.group(1).split()[0])
        # (not the question: 'Kevin Donnellon was asked: "Why on earth ...?"')
        if who and not _org_before(body, at) and not _QUESTION_NEXT.match(body, a.end()):
            bisect.insort(said, (at, who))
            asked.add(who)

    quotes = []
    sources: list[str] = []
    for s, e in quoted:
        qtext = body[s:e].strip()
        if len(qtext.split()) < 3:
            continue
        speaker, source = _attribute(body, s, e, people, add_speaker, quotes, said)
        if speaker in asked:
            speakers.setdefault(speaker, s)
        if source and source not in sources:
            sources.append(source)
        if speaker is None and source is None and len(qtext.split()) < 5:
            continue  # scare quotes: "counter terrorism prison"
        quotes.append(Quote(qtext, speaker, source, s, e))
    # A quotation whose next sentence is quoted straight after it, the credit
    # coming only at the end, is the same speaker's ('"A. "B," he said')
    for k in range(len(quotes) - 2, -1, -1):
        q, later = quotes[k], quotes[k + 1]
        if q.speaker is None and q.source is None and later.speaker and \
                not body[q.end:later.start].strip(' "“”\''):
            quotes[k] = Quote(q.text, later.speaker, later.source, q.start, q.end)

    person_tokens |= frozenset(t for n in speakers for t in n.split() if "." not in t)
    clubs, marked_clubs = club_places(body, candidates)
    # (a feature's name holds places of its own: "the Gulf of Aden" is neither
    # the Gulf nor Aden)
    features = feature_places(body)
    firms = _firm_towns(body, candidates)
    # (a work's title holds no place: "her book Small Island", "the film Man to
    # Man"; nor does a feature named like it elsewhere, "Small Island, Levy's
    # fourth novel")
    titles = work_titles(body)
    if titles:
        named = {body[ts:te] for ts, te in titles}
        features = [f for f in features if f[2] not in named and not within(titles, f[0], f[1])]
    places = _dedupe(p for s, e, p in candidates
                     if ((body[s:e] not in person_tokens and body[s:e] not in firms)
                         or named_in(body, s, e))
                     and not within(features, s, e) and not within(titles, s, e))
    # (a title names a club the body marks as one, "Ferguson fears Milan cutting
    # edge" after "Milan beat Juventus"; not one the body only names uncued,
    # "Sydney to host north v south game")
    # (nor a place inside a feature's name: "Colorado River snaking through Grand
    # Canyon" names the river, not the state)
    # (a title capitalises every word, so a feature counts there only around a
    # place: not "Oil Falls", "Love Island")
    title_found = find_places(article.title, person_tokens, strict=True)
    title_features = [f for f in (feature_places(article.title) if title_found else ())
                      if any(f[0] <= s and e <= f[1] for s, e, _p in title_found)]
    title_places = [p for s, e, p in title_found
                    if p not in marked_clubs and not within(title_features, s, e)]
    # (a dateline is where the story was filed, even when a club bears its name)
    shouted = article.title + "\n" + body
    places = _dedupe([p for p in places + caps_line_places(shouted) if p not in clubs]
                     + dateline_places(shouted) + title_places + context_places(body, person_tokens)
                     + [f for _s, _e, f in features + title_features])
    things = {n for n, p in speakers.items() if _thing_named(n, body, p) or _firm_named(n, body)}
    speakers = {n: p for n, p in speakers.items() if n not in things}
    # (a firm's words are no person's: "A Seiko Epson official said of the new
    # machine, \"It's compatible\"" is unattributed)
    quotes = [Quote(q.text, None, q.source, q.start, q.end) if q.speaker in things else q
              for q in quotes]
    ordered = [n for n, _ in sorted(speakers.items(), key=lambda kv: kv[1])]
    fullest = {n: max((o for o in ordered if n in o or _middle_added(n, o)), key=len, default=n)
               for n in speakers}
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
    "nv", "gmbh", "bhd", "spa", "lp", "bancorporation",
    # a trade for a last word: "Sun Microsystems said", "Eli Lilly" stays a person's
    "microsystems", "software", "networks", "communications", "electronics", "pharmaceuticals",
    "petroleum", "foods", "stores", "entertainment", "studios", "investments", "semiconductor",
    "computers", "laboratories", "telecom", "telecommunications", "enterprises", "chemicals",
    "aerospace", "pictures", "brands", "energy", "oil", "exploration", "mining", "minerals",
    "resources", "insurance", "financial", "bancshares", "hotels", "resorts", "therapeutics",
})
_FIRM_AFTER = re.compile(r"(?:\s+(?:and|&))?\s+([A-Z][A-Za-z]*)\b")
# A firm's name after a town's: "Badger| Meter Inc", "Aurora| Foods Inc"
_FIRM_REST = re.compile(r"(?:[ \t]+[A-Z][\w&'.-]*){1,3}?[ \t]+(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|"
                        r"LLC|Corporation|Group|Holdings|Industries|Bancorp)\b")


def _firm_towns(body: str, candidates: list[tuple[int, int, str]]) -> frozenset[str]:
    """The towns in ``candidates`` whose names open a firm's name in the
    article: there the bare word is the firm's short name too ("Badger was
    trading at 21-5/8"), not the town, unless the article puts it after "in"
    (see named_in). (Each town's occurrences are tried, not the whole text.)"""
    out, tried = set(), set()
    for s, e, _p in candidates:
        town = body[s:e]
        if town in tried:
            continue
        tried.add(town)
        found = place_entry(town)  # (or "Central Pasco")
        # (not a metropolis: "Peking Foreign Trade Corp ... Peking's telephone office")
        if not (found and found[1].kind in ("city", "town") and found[1].population < 3_000_000):
            continue
        i = body.find(town)
        while i != -1:
            if (not i or not body[i - 1].isalnum()) and _FIRM_REST.match(body, i + len(town)):
                out.add(town)
                break
            i = body.find(town, i + 1)
    return frozenset(out)


def _firm_named(name: str, body: str) -> bool:
    """Whether ``name`` is a firm's: it ends with a firm's word ("Amnesty
    International"), the article writes it with one after it ("Merrill Lynch
    said" where "Merrill Lynch and Co" stands too), trades its shares
    ("Shares in Cairn Energy have jumped") or bases it somewhere."""
    if any(t.replace(".", "").lower() in FIRM_WORDS for t in name.split()[-1:] + name.split()[:1]):
        return True  # (first or last: "N.V. Philips", "Nova Cellular Co")
    if "hares" in body and _shares_traded(name, body):
        return True
    if f"-based {name}" in body and name.split()[0].lower() not in given_names():
        return True  # "Frankfurt-based Deutsche Boerse" (not "Texas-based Matt Mackowiak")
    i = body.find(name)
    while i != -1:
        j = i + len(name)
        m = _FIRM_AFTER.match(body, j)
        if m and m.group(1).lower() in FIRM_WORDS:
            return True
        i = body.find(name, j)
    return False


def _shares_traded(name: str, body: str) -> bool:
    """Whether the article trades shares in ``name``: "shares in X", "shares of
    X", "X shares", "X's shares" (plain string searches: a pattern made for each
    name would be compiled for each name)."""
    n = len(body)
    for before, after in (("hares in ", ""), ("hares of ", ""), ("", " shares"), ("", "'s shares"),
                          ("", "’s shares")):
        i = body.find(before + name + after)
        while i != -1:
            start, end = i + len(before), i + len(before) + len(name)
            if (not before or i == 0 or body[i - 1] in "Ss") and \
                    (before or start == 0 or not body[start - 1].isalnum()) and \
                    (end + len(after) >= n or not body[end + len(after)].isalnum()):
                return True
            i = body.find(before + name + after, i + 1)
    return False


_HE = re.compile(r"\b(?:he|she|his|her|him|Mr|Mrs|Ms)\b", re.I)
_IT = re.compile(r"\b(?:it|its|they|their|them)\b", re.I)


# an age, "who" (a firm is "which"), a party or a role: "Quina Jones, 25,", "Soe
# Min, who ran", "Howard Dean (D)", "Yukiya Amano, director general of the IAEA"
_PERSON_AFTER = re.compile(r",\s*\d{1,3},|,\s*who\b|\s*\([RDI]\b"
                           r"|,\s+(?:an?\s+|the\s+|[A-Z][\w.’'-]*\s+){0,3}(?:[a-z][\w-]*\s+){0,2}"
                           rf"(?:{trie_pattern(sorted(_APPOSITIVE_ROLES))})\b")
_PERSONS_OFFICES = frozenset(PERSONAL_ROLES | PERSON_TITLES)
_APPOSITIVE_THEN_VERB = re.compile(r",[^,.;\"“”]{2,120},\s+(?:has|have|had|was|were|is|are|will|would)\s")


def _thing_named(name: str, body: str, pos: int) -> bool:
    """A two-word "speaker" that reads like a firm, a club or a title rather
    than a person ("Nortel Networks", "Amnesty International", "Bayer
    Leverkusen": no given name first, and a dictionary word or a city last) is
    one unless the text calls it by its last word more often than by its first
    ("Jones said", a person; "Nortel said", a firm) or goes on about a "he" or
    "she" more than an "it" or "they" ("Digby Jones said he would ...")."""
    tokens = name.split()
    if len(tokens) < 2 or tokens[0].lower() in given_names():
        return False
    at = body.find(name, pos, pos + 80)  # (pos may be where its titles start)
    if at != -1 and _PERSON_AFTER.match(body, at + len(name)):
        return False  # "Quina Jones, 25, said", "Yukiya Amano, director general of": a person
    before = body[max(0, at - 25):at].split()[-1:] if at != -1 else []
    if before and before[0].lower().rstrip(".") in _PERSONS_OFFICES:
        return False  # "Defense Secretary Ash Carter": an office only a person holds
    place = gazetteer().get(tokens[-1], None)
    if tokens[-1].lower() not in common_words() and not (
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


_POSITIONS = frozenset({"wing", "fly-half", "scrum-half", "full-back", "flanker"})  # (rugby's)
_SEATS = frozenset({"MP", "MEP", "MSP"})  # (as written: the role patterns match case)
# A person the article has named, by a role it gave them or their age: "the
# minister said", "the defender told The Guardian", "added the 30-year-old"
_ANAPHOR_ROLES = frozenset({
    "minister", "secretary", "chancellor", "president", "premier", "leader", "chairman",
    "chairwoman", "chief", "director", "manager", "boss", "coach", "captain", "striker",
    "defender", "midfielder", "goalkeeper", "keeper", "winger", "forward", "player", "star",
    "singer", "actor", "actress", "author", "senator", "governor", "mayor", "congressman",
    "congresswoman", "lawmaker", "candidate", "nominee", "businessman", "businesswoman",
    "billionaire", "champion", "veteran", "economist", "judge", "commissioner", "ambassador",
    "prosecutor", "founder", "owner", "chef", "designer", "director-general", "chancellor-elect",
}) | _POSITIONS | _SEATS
# roles that a team's or a seat's name before them qualifies ("the Sale player",
# "the Salford MP"): they stand for the one last named
_QUALIFIED_ROLES = frozenset({"player", "striker", "defender", "midfielder", "goalkeeper", "keeper",
                              "winger", "forward"} | _POSITIONS | {s.lower() for s in _SEATS})
# (a nationality stands for the person last named, as an age does: "the
# Dutchman said")
_NATIONALS = frozenset({
    "Dutchman", "Frenchman", "Frenchwoman", "Englishman", "Scot", "Scotsman", "Welshman",
    "Irishman", "Spaniard", "Australian", "American", "Brazilian", "German", "Italian",
    "Argentine", "Argentinian", "Portuguese", "Swede", "Dane", "Norwegian", "Russian", "Serb",
    "Croat", "Czech", "Belgian", "Swiss", "Austrian", "Kenyan", "Ethiopian", "Nigerian",
    "Ghanaian", "Moroccan", "Greek", "Uruguayan", "Chilean", "Colombian", "Argentinean",
})
_ROLE_WORDS_PHRASE = (rf"((?:[\w-]+\s+){{0,2}}?(?:{trie_pattern(sorted(_ANAPHOR_ROLES))}"
                      rf"|\d{{1,3}}-year-old|{trie_pattern(sorted(_NATIONALS))}))(?![\w-])")
_ROLE_PHRASE = rf"the\s+{_ROLE_WORDS_PHRASE}"
# words that make a role another one: a deputy prime minister is no "the prime minister"
_ROLE_MODIFIERS = frozenset({"deputy", "vice", "shadow", "former", "acting", "assistant",
                             "junior", "interim", "ex", "under", "associate"})
# "The Tory leader was asked": a sentence's subject that is a role
_THE_ROLE_SUBJECT = re.compile(rf"The\s+{_ROLE_WORDS_PHRASE}\s+(?:(?:has|had|also|later|then)\s+)?"
                               rf"(?:was|is|has|had|{_VERB})\b")
_SENTENCE_START_BEFORE = re.compile(r"(?:[.!?][\"”’']?\s|\n)$")
_VERB_THE_ROLE = re.compile(rf"\s*,?\s*{_VERB}\s+{_ROLE_PHRASE}(?=\s*[.,;:!?\n]|\s+(?:in|on|at|after|"
                            r"when|who|before|during)\b)")
_THE_ROLE_VERB = re.compile(rf"\s*,?\s*{_ROLE_PHRASE},?\s+(?:(?:has|had|also|later|then)\s+)?"
                            rf"{_VERB}\b")
_ROLE_VERB_INTRO = re.compile(rf"\b[Tt]he\s+{_ROLE_WORDS_PHRASE}\s+(?:(?:has|had|also|later|then)\s+)?"
                              rf"{_VERB}\s*[:,]\s*$")
_CREDITED_AFTER = re.compile(rf"[^.!?\n“”\"]{{0,80}}?\b(?:{_VERB})\b|\s*,?\s*(?:is|was)\s")


def _attribute(body, s, e, people, add_speaker, quotes, said):
    """Who said the quotation at body[s:e]: (named speaker, unnamed source)."""
    mark = 2 if body[e:e + 2] == "''" else 1  # the closing mark: ” " or ''
    after_at = e + mark
    after = body[after_at:after_at + 139]
    mark = 2 if body[max(0, s - 2):s] == "''" else 1
    before_at = max(0, s - 139 - mark)  # (where ``before`` starts in the body)
    before = body[before_at:max(0, s - mark)]
    # (a name's credit follows its quotation in the same paragraph: after a blank
    # line another sentence begins, "... session, recalled, “...”\n\nMr. Obama,
    # who ..., told")
    named_after = "" if after[:len(after) - len(after.lstrip())].count("\n") > 1 else after
    m = _AFTER_VERB_OWNED.match(named_after)
    if not m and (v := _AFTER_VERB_NAME.match(named_after)):
        m = _name_after(named_after, v.end())
    # A quotation that ends its sentence ("... over.” Smith said the plan ...")
    # is not the next sentence's: there "Smith said" must end the sentence too.
    ended = body[s:e].rstrip().endswith(".")
    # (the last two only where their comma or possessive stands)
    head = named_after[:90]
    for pattern in (_AFTER_NAME_VERB, _AFTER_ROLE_NAME_VERB,  # "X said", "the spokesman, X, said"
                    _AFTER_NAME_APPOSITIVE_ROLE_VERB if "," in head[3:] else None,
                    # "X, a T-Mobile spokesperson said"; "X, from the CEA told"
                    _AFTER_NAME_FROM_VERB if "," in head[3:] else None,
                    _AFTER_OWNED_WRITING if "s " in head else None):  # "Mr Tanzi's statement said"
        if m:
            break
        m = pattern and pattern.match(named_after)
        if m and ended and not _SENTENCE_END.match(named_after, m.end()):
            m = None
        if m and pattern is _AFTER_NAME_VERB and named_after[m.end(1):m.end()].startswith(",") \
                and _after_descriptors(m.group(1)) != m.group(1) \
                and named_after[:m.end()].split()[-1] not in OBJECT_VERBS \
                and (inverted := _name_after(named_after, m.end())) and inverted.group(1)[:1].isupper():
            # ('"..." that Sanders can catch Clinton, said Steve Elmendorf': the name
            # after the verb is its subject)
            m = inverted
        elif m and pattern is _AFTER_NAME_VERB:
            # (a description: "the play's organiser in Uganda, Sarah Mukasa, told")
            bare = _after_descriptors(m.group(1))
            name, titled = _person_name(bare)
            if not name or (bare != m.group(1) and " " not in name and not titled
                            and is_place(name)):
                m = None
    credit = None
    if not m:  # a credit line: “...” ― Azucena Gonzàlez
        m = credit = _AFTER_CREDIT.match(named_after)
    if m and not _spoken_for(body, after_at + m.end(1)):  # "..., a spokesman for X said"
        # a credit ends with its line (NAME's spaces would take the newline)
        raw = m.group(1).split("\n")[0] if credit else m.group(1)
        who = add_speaker(_after_descriptors(raw), e)
        if who:
            return who, None
        if not credit and raw[:1].isupper() and " " not in raw.strip():
            # a credit to a lone name we cannot resolve gives the quotation to
            # someone reported before by that surname ("Lindsey Graham said
            # ...\n\n“...,” Graham said"), else to no one ("Maddow said",
            # "Apple said")
            k = bisect.bisect_left(said, (s,)) - 1
            while k >= 0 and said[k][0] > s - 1500:
                if said[k][1].rsplit(None, 1)[-1] == raw.strip():
                    return said[k][1], None
                k -= 1
            return None, None
    m = _AFTER_HE_SAID.match(after) or _AFTER_SAID_HE.match(after)  # '“...,” he said
    # ('“... misdirected.” She said her party would ...': the next sentence's,
    # unless nothing before the quotation says whose it is)
    next_sentence = None
    if m and ended and m.group(1)[0].isupper() and not _SENTENCE_END.match(after, m.end()):
        next_sentence, m = m, None
    who = m and people.last(s, m.group(1))
    if m:
        # (the one whose report of speech is the sentence right before, if "he"
        # fits them and the one named since, inside that report, reports
        # nothing: 'Sir Archy Kirkwood said that when Mr Johnson had announced Mr
        # Smith was going ... “...,” he said' is Kirkwood)
        last = k = bisect.bisect_left(said, (s,)) - 1
        while k > 0 and not _SENTENCE_BREAK.search(body, said[k - 1][0], said[k][0]):
            k -= 1  # (the sentence's main report, its first: not "Mr Johnson had announced")
        # (who is named inside that report, not before it, and reports nothing
        # after it; a report inside it is no report of theirs)
        breaks = list(_SENTENCE_BREAK.finditer(body, said[k][0], s)) if k >= 0 else []
        if k >= 0 and who and said[k][1] != who and said[k][0] > s - 400 and len(breaks) <= 1 and \
                people.fits(said[k][1], m.group(1)) and \
                body.rfind(who.split()[-1], said[k][0] + 1, s) != -1 and \
                not any(name == who and (not breaks or p > breaks[0].start())
                        for p, name in said[k:last + 1]):
            who = said[k][1]
    if who:
        return who, None
    # '“...,” the defender told The Guardian', '“...,” added the 30-year-old'
    m = (_THE_ROLE_VERB.match(named_after) or _VERB_THE_ROLE.match(named_after)) \
        if "the " in named_after[:60] else None
    who = m and people.role(s, m.group(1))
    if who:
        return add_speaker(who, e) or who, None
    m = _UNNAMED.match(after.lstrip(" ,\n"))
    if m and re.search(rf"^\s*,?\s*{re.escape(m.group(1))}[^.]*?\b{_VERB}\b", after):
        return None, m.group(1)
    v = _AFTER_VERB_NAME.match(after)  # '“...,” said one analyst'
    m = v and _UNNAMED.match(after[v.end():].lstrip())
    if m:
        return None, m.group(1)
    # (each pattern below ends its window; the window's last character says
    # which can match at all: most quotations have none of these before them)
    tail = before.rstrip()
    last = tail[-1:]
    pattern = (_BEFORE_NAME_COLON if last == ":" else None)  # "X said:", "X:", "X said,"
    m = pattern and pattern.search(before)
    if m and _OBJECT_OF_SAID.search(before, 0, m.start(1)):
        m = None  # ("Williams added about Carson:", "said of Mr. Rubio:": whom it is about)
    if not m and _ends_with_verb(tail):
        pattern = _BEFORE_NAME_SAID
        m = pattern.search(before)
    at = m and before_at + m.start(1)
    if m and not (_spoken_for(body, at) or _org_before(body, at)):
        who = add_speaker(m.group(1), s)
        # (a word that opens no name before it: "But Umaga said:", not "BBC
        # Radio Five Live:")
        first, _, rest = m.group(1).partition(" ")
        if not who and rest and first.lower() in NOT_NAME_START:
            who = add_speaker(rest, s)
        if who:
            return who, None
    # "Carson told his supporters, “...”", "Clinton posted a comment of her own,
    # saying, “...”": the sentence's subject, a reporting verb, then "," or ":"
    # "Hugh Lanning, who was on the same picket line, said: “...”"
    m = (_NAME_CLAUSE_VERB.search(before) or _SUBJECT_INTRO.search(before)
         or _SUBJECT_PARTICIPLE.search(before)
         or _SAID_NAME_BEFORE.search(before)) if last in (",", ":") else None
    if not m and last == ":":
        m = _SUBJECT_COLON.search(before)
        while m and person_name(m.group(1))[0] is None:
            # (a role alone is no subject: the name after it is, "The head of the
            # NHTCU, Acting Detective Chief Superintendent, Mick Deats, said:")
            m = _SUBJECT_COLON.search(before, m.end(1))
        # (not an owner, "Mr Blair's spokesman said:", nor a party's or a firm's
        # name before its spokesman's role: "Plaid Cymru health spokesman said:")
        if m and (POSSESSIVE_END.search(m.group(1)) or _AIDE.search(before, m.end(1))):
            m = None
    aides = m and POSSESSIVE_END.search(m.group(1)) and \
        list(_AIDE.finditer(before, m.end(1), m.end(1) + 40))
    if aides:
        # "Prime Minister Tony Blair's official spokesman said: “...”": an
        # unnamed source who speaks for the owner
        return None, " ".join(before[m.start(1):aides[-1].end()].split())
    if m:
        who = add_speaker(m.group(1), s)
        if who:
            return who, None
    m = _PRONOUN_INTRO.search(before) if last in (",", ":") else None
    # 'He said: “...”': the person last named before it
    who = m and people.last(before_at + m.start(), m.group(1))
    if who:
        return who, None
    m = _ROLE_VERB_INTRO.search(before) if last in (",", ":") else None
    who = m and people.role(before_at + m.start(), m.group(1))  # 'The minister said: “'
    if who:
        return add_speaker(who, s) or who, None
    m = _UNNAMED_INTRO.search(before) if last in (",", ":") else None
    if m:  # 'A Foreign Office spokeswoman said: “...”', 'One resident told AFP: “...”'
        source = " ".join(m.group(1).split())
        return None, source[0].lower() + source[1:]
    who = next_sentence and people.last(s, next_sentence.group(1))
    if who:
        return who, None
    # A quote that follows another in the same paragraph, or opens the next
    # paragraph, carries on the same speaker (news style for long quotations).
    if quotes and body[quotes[-1].end:s].count("\n") <= 2 and (
            "\n" not in body[quotes[-1].end:s] or s <= 1 or body[s - 2] == "\n"):
        # (unless someone else's words are reported between: '“...,” he said.
        # BBC correspondent Stephen Cape said the unions were “a formidable force”')
        k = bisect.bisect_left(said, (s,)) - 1
        if k >= 0 and said[k][0] > quotes[-1].end + 1 and said[k][1] != quotes[-1].speaker:
            return said[k][1], None
        if quotes[-1].speaker or quotes[-1].source:  # (else the report before it, below)
            return quotes[-1].speaker, quotes[-1].source
    # A quotation in a sentence that reports what someone said is theirs ("Lord
    # Skidelsky said not to publish it would “strengthen the suspicion”"), and
    # so is one that opens the next sentence or paragraph ("Mr Dein said that
    # ... he feared ...\n\n“Television has been the driving force ...”"): the
    # report nearest before it
    line = body.rfind("\n", 0, s) + 1
    sentence = _sentence_start(body, line, s)
    if body[sentence:s].strip(" \"“‘'"):
        start, end = sentence, s
    elif sentence > line:
        start, end = _sentence_start(body, line, sentence - 1), sentence
        if body[:sentence].rstrip()[-1:] == "?":
            start = end  # (an answer is no question's: 'as Kilroy-Silk once declared? “No.”')
    else:
        end = line
        while end and body[end - 1] in "\n \t":
            end -= 1
        start = body.rfind("\n", 0, end) + 1
    k = bisect.bisect_left(said, (end,)) - 1
    # (not one credited after it to someone else, named or not: '“...,” said
    # one banker', '“...,” Orange said'; but '“...,” Vargas Llosa said'; nor one
    # whose own speaker, unresolved, introduces it: "According to Mr Peston the
    # prime minister said: “...”")
    credited = _CREDITED_AFTER.match(after)
    if credited and ended and not _SENTENCE_END.match(after, credited.end()):
        credited = None  # (the next sentence's report: '“... necessary.” But a spokesman said that')
    # (an introduction's speaker is in its own sentence: not 'An All England club
    # spokesperson denied it, insisting: “...”' after someone named before)
    intro = _INTRO_VERB.search(tail) if last in (",", ":") else None
    if k >= 0 and said[k][0] >= start and (
            not credited or said[k][1].rsplit(None, 1)[-1] in credited.group(0).split()) and (
            not intro or said[k][0] >= sentence and not _THE_SUBJECT.search(
                body, max(said[k][0], before_at + intro.start() - 40), before_at + intro.start())):
        return said[k][1], None
    # ... or, when it opens its sentence, the report that ends the sentence
    # after it ('“For rank-and-file teachers, he’s saying the right things”
    # about fixing inequality, said Marla Kilfoyle, ...', "''I have admiration
    # for the mechanics'' of the Clinton proposals, Mr. Holtz-Eakin said")
    if not body[sentence:s].strip(" \"“‘'"):
        k = bisect.bisect_left(said, (after_at,))
        if k < len(said) and said[k][0] < after_at + 150 and \
                not _SENTENCE_BREAK.search(body, after_at, said[k][0]) and \
                not _QUOTE_MARK.search(body, after_at, said[k][0]) and (
                    _SAID_BEFORE_NAME.search(body, max(after_at, said[k][0] - 30), said[k][0])
                    or body[after_at:said[k][0]].rstrip().endswith(",")):
            return said[k][1], None
    return None, None


# (a report whose verb comes first: ", said Marla Kilfoyle", ", added the
# Labour MP Jon Cruddas")
_SAID_BEFORE_NAME = re.compile(rf",\s+{_VERB}\s+(?:[\w-]+\s+){{0,4}}$")
_INTRO_VERB = re.compile(rf"\b(?:{_VERB}|saying|insisting|claiming|arguing|warning|explaining|"
                         r"telling)\s*[:,]$")
_THE_SUBJECT = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){1,3}$")  # "the prime minister said:"
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9”\"')][.!?])[”\"']?\s+|(?<=[.!?][”\"'])\s+")


def _sentence_start(body: str, lo: int, hi: int) -> int:
    """Where the sentence holding body[hi] starts, no earlier than ``lo``: past
    the last full stop, question or exclamation mark before it (not a title's:
    "Mr. Blair", "Sen. Warren")."""
    start = lo
    for m in _SENTENCE_BREAK.finditer(body, lo, hi):
        word = body[max(lo, m.start() - 4):m.start()].rsplit(None, 1)[-1:]
        if not (word and word[0].rstrip(".!?") in _TITLE_ABBREVIATIONS):
            start = m.end()
    return start


def _middle_added(name: str, fuller: str) -> bool:
    """Whether ``fuller`` is ``name`` with middle names: "Hillary Rodham Clinton"
    for "Hillary Clinton"."""
    a, b = name.split(), fuller.split()
    return len(a) >= 2 and len(b) > len(a) and a[0] == b[0] and a[-1] == b[-1]


def _dedupe(names) -> list[str]:
    seen: dict[str, None] = {}
    for n in names:
        seen.setdefault(n, None)
    return list(seen)
