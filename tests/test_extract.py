"""Speakers, quotes and places: the seed article and the classic traps."""

from __future__ import annotations

import os

import pytest

from search.extract import extract, find_quotes
from search.model import Article
from search.places import find_places
from search.reader import discover, read_articles

from .conftest import CORPUS, SEED


def art(body: str, title: str = "Test") -> Article:
    return Article(id="t", path="/t.txt", title=title, body=body)


def places(text: str) -> list[str]:
    return list(extract(art(text)).places)


def speakers(text: str) -> list[str]:
    return list(extract(art(text)).speakers)


def quote_speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(art(text)).quotes]


@pytest.fixture(scope="module")
def seed():
    [a] = list(read_articles(next(iter(discover([SEED])))))
    return extract(a)


def test_seed_speakers(seed):
    assert {"Atheel Nujaifi", "Elijah J Magnier", "Nechirvan Barzani"} <= set(seed.speakers)
    for wrong in ("Interior Ministry official", "AFP", "Reuters", "AP", "Nujaifi"):
        assert wrong not in seed.speakers
    assert "an Interior Ministry official" in seed.sources


def test_seed_places(seed):
    assert {"Mosul", "Fallujah", "Iraq", "Kurdistan"} <= set(seed.places)


def test_seed_quotes_attributed(seed):
    by_text = {q.text[:20]: (q.speaker, q.source) for q in seed.quotes}
    assert by_text["I call on the men of"] == ("Atheel Nujaifi", None)
    assert by_text["The city of Mosul is"] == (None, "an Interior Ministry official")


@pytest.mark.parametrize("text,present,absent", [
    ("Reading the report, the minister frowned. He later moved to Reading.", ["Reading"], []),
    ("Reading the report, the minister frowned.", [], ["Reading"]),
    ("It was a nice day for a walk. The festival opened in Nice on Friday.", ["Nice"], []),
    ("Bath time was over.", [], ["Bath"]),
    ("She grew up in Bath.", ["Bath"], []),
    ("In March, prices rose sharply.", [], ["March"]),
    ("Mobile phone sales rose again.", [], ["Mobile"]),
    ("Split the bill, the waiter said.", [], ["Split"]),
    ("Paris Hilton arrived at the party.", [], ["Paris"]),
    ("The summit was held in Paris.", ["Paris"], []),
    ("Jordan Henderson scored twice.", [], ["Jordan", "Henderson"]),
    ("Chad Smith said the band would tour.", [], ["Chad"]),
    ("Refugees crossed into Chad.", ["Chad"], []),
    ("The Bank of England raised rates.", [], ["United Kingdom", "England"]),
    ("Manchester United won the match.", [], ["Manchester"]),
    ("Prices in the UK and Britain rose.", ["United Kingdom"], []),
    ("The US embassy in Baghdad closed.", ["United States", "Baghdad"], []),
    ("Ships crossed the Indian Ocean to reach Trafalgar Square in London.",
     ["Indian Ocean", "Trafalgar Square", "London"], []),
    # a name before punctuation is not part of the place: results tables, "City, Country"
    ("Tim Henman (Britain) beat Doug Flach (U.S.) 6-3 6-4.", ["United Kingdom", "United States"],
     []),
    ("He moved from Munich, Germany, to the city.", ["Munich", "Germany"], []),
    # towns the gazetteer lacks, named by their context
    ("The jet exploded over Lockerbie, Scotland.", ["Lockerbie", "Scotland"], []),
    ("Police in the town of Tacambaro said the army was attacked.", ["Tacambaro"], []),
    ("Women gathered north of the town of Urus-Martan.", ["Urus-Martan"], ["Urus-"]),
    # senators and the people of a country named in the news' own words are no towns
    ("The most popular were Sens. Brian Schatz and Mazie Hirono. Danes are more direct than "
     "Brits, and the Aussies agreed in Sydney.", ["Sydney"], ["Sens", "Brits", "Australia"]),
    ("Senegalese musician Youssou N'Dour and judge Stewart O’Nan won in Dakar.", ["Dakar"],
     ["Dour", "Nan"]),
    # a work's title holds no place, nor does a feature named like it elsewhere
    ("Levy won with her book Small Island. Small Island, her fourth novel, is set in London. "
     "His album Egypt won, and England play Italy on Saturday.", ["London", "Italy"],
     ["Small Island", "Egypt"]),
    ("Bears roam Yellowstone National Park and the Wolong Nature Reserve.",
     ["Yellowstone National Park", "Wolong Nature Reserve"], []),
    # a name between a locative word and a word for a town ("in the Kurdish region" is none)
    ("An elephant crashed into a house in Madhumalla village. Rebels attacked in the Leveilly "
     "suburb of Algiers and in the Kurdish region.", ["Madhumalla", "Leveilly", "Algiers"],
     ["Kurdish"]),
    ("She was born in Tupelo, Miss., in 1935.", ["Tupelo", "Mississippi"], []),
    ("He thanked Jones, Miss. Smith and the staff.", [], ["Mississippi"]),
    # wire datelines
    ("BEIJING, Aug 31 (Reuters) - Two Chinese cities banned plastic boxes.", ["Beijing"], []),
    ("TOFTIR, Faroe Islands 1996-08-31\nSlovakia beat the hosts.", ["Toftir", "Faroe Islands"],
     []),
    ("DUBLIN 1996-08-31\nA right hook won it.", ["Dublin"], []),
    ("IT WAS A DARK NIGHT - said the poet.", [], ["It Was A Dark Night"]),
    ("Students gathered in Tiananmen Square in 1989.", ["Tiananmen Square"], []),
    ("Mr Holt spoke in Ohio.", ["Ohio"], ["Holt"]),  # a title makes a person, not a town
    ("Factory orders rose in the Midwest and in Bosnia.",
     ["Midwest", "Bosnia and Herzegovina"], []),
    # towns that name sports clubs: a role after, a score, "v", a player's club
    ("Chelsea striker Adrian Mutu was banned after Liverpool beat Chelsea.", [],
     ["Chelsea", "Liverpool"]),
    ("Portsmouth 1 Queens Park Rangers 2\nTranmere 3 Grimsby 2", [], ["Portsmouth", "Grimsby"]),
    ("3 - Anto Drobnjak ( Bastia ) , Xavier Gravelaine ( Marseille ) .", [],
     ["Bastia", "Marseille"]),
    ("Chelsea striker Adrian Mutu was fined. He lives in Chelsea.", ["Chelsea"], []),  # in X: a place
    ("England beat France in Paris.", ["England", "France", "Paris"], []),  # national teams stay
    ("The Paris attack and the Mosul side of the river.", ["Paris", "Mosul"], []),
    ("The film about the Mumbai (Bombay) blasts was postponed.", ["Mumbai"], []),
    # "Name of Country": the person's country; an organisation's "of" is not
    ("Cedric Pioline of France beat Senator Bernie Sanders of Vermont.", ["France", "Vermont"], []),
    ("The Royal Bank of Scotland and the Bank of England met.", [], ["Scotland", "England"]),
    ("Fenerbahce of Turkey met the Church of England and The Times of India.", ["Turkey"],
     ["England", "India"]),
    # an initial makes a person of a town's name; an organisation is no town
    ("Worcestershire 238 ( W. Weston 100 not out ), and Hamas agreed.", [], ["Weston", "Hama"]),
    ("Bruce Robinson of Basic American Foods spoke.", [], ["Basic"]),
    # big cities whose names the common-word list holds need no "in"; the
    # list's alternate spellings that are words are no places at all
    ("The minister said Beijing was overreacting and Seattle agreed.", ["Beijing", "Seattle"], []),
    ("Soul music and Google searches rose.", [], ["Seoul", "Soul", "Google"]),
    # a sports report: towns without a cue are its clubs, venues stay
    ("Chelsea face Barcelona in the Champions League match after the striker's goal this "
     "season, the coach said. England play at Twickenham.", ["England", "Twickenham"],
     ["Chelsea", "Barcelona"]),
    ("Newcastle have signed a winger, and Barcelona beat Madrid.", [],
     ["Newcastle", "Barcelona", "Madrid"]),
    # a dateline is where the story was filed, even in a results report
    ("NEW YORK 1996-08-22\nResults of Major League games:\nNew York 5 Boston 3\nDetroit 7 "
     "Chicago 4", ["New York"], ["Boston", "Detroit"]),
    ("In Vaduz: Vaduz (Liechtenstein) 1 Riga (Latvia) 1", ["Vaduz", "Liechtenstein"], []),
    ("S. Korea asked China to stop. BNZ cuts NZ rates.", ["South Korea", "New Zealand"], []),
    # ASCII spellings of names GeoNames writes with accents; regions it lacks
    ("Militants took Tikrit, then clashes spread to Malmo, Sicily and the North Caucasus.",
     ["Tikrit", "Malmo", "Sicily", "North Caucasus"], []),
    # a title after a place opens a name, it does not continue the place's
    ("In a panel discussion at a summit in California Mr Torvalds said patents were a problem.",
     ["California"], []),
    # a possessive before a place is not part of its name; a given name after
    # "and" is a place only after a place
    ("Tourists love Queensland's Gold Coast and Putin's Russia.", ["Gold Coast", "Russia"], []),
    ("The group was bought by the Barclay twins - Frederick and David - last year.", [],
     ["David"]),
    ("Flights to Dallas and Austin were cancelled.", ["Dallas", "Austin"], []),
    # towns of 5,000 to 15,000 people count after "in", "near", ...; bare, the
    # name is more often a person's or a firm's
    ("Fighting raged in Soledar as Bulford cadets watched.", ["Soledar"], ["Bulford"]),
    # a dateline's place of several words the gazetteer lacks; airports
    ("NOVYE ATAGI, Russia 1996-08-22\nRebels signed a deal.", ["Novye Atagi", "Russia"], []),
    ("The plane landed at Stansted, not Heathrow.", ["Stansted", "Heathrow"], []),
    # a firm named like a town; the town itself still counts where something is in it
    ("Nokia said sales rose, a Mori poll found, and companies such as Hitachi agreed.", [],
     ["Nokia", "Mori", "Hitachi"]),
    ("Nokia said it would open a plant in Nokia.", ["Nokia"], []),
    # a currency; an event in a title
    ("The parrots were worth A$ 100 (US$ 79) a pair.", [], ["United States", "Australia"]),
    # a county's team is a club; a home nation's is its country; a standings
    # table's town is a team, a table of figures' country a country
    ("Kent 128-1 v Surrey at Canterbury, and Yorkshire fast bowler Darren Gough struck. "
     "Wales beat Scotland.", ["Wales", "Scotland"], ["Surrey", "Yorkshire"]),
    ("MAJOR LEAGUE STANDINGS\nPHILADELPHIA 52 75 .409 28\nFISH MEAL OUTPUT\n"
     "NORWAY 14 14 97 130 ICELAND 44 52 102 118",
     ["Norway"], ["Philadelphia"]),
    # an office of a place is no organisation's name: the place counts
    ("US President Joe Biden met Texas Governor Greg Abbott and the UK Foreign Secretary.",
     ["United States", "Texas", "United Kingdom"], []),
    ("A Liberal Democrat spokesman and Republic Health Corp in the U.S. Senate.", [],
     ["Liberal", "Republic", "United States"]),
    # a hyphenated modifier is no part of a place's name; after "in" a big place's
    # name is the place, even where a club or a person bears it (a small one's not);
    # an archbishop's see; a province in the form news gives it
    ("Tensions rose in British-ruled Northern Ireland and Kurdish-controlled Syria.",
     ["Northern Ireland", "Syria"], []),
    ("Rotor Volgograd must play behind closed doors after the violence in Volgograd. A chance "
     "resulted in Fowler scoring, and Robbie Fowler was pleased.", ["Volgograd"], ["Fowler"]),
    ("Desmond Tutu was enthroned as Archbishop of Cape Town.", ["Cape Town"], []),
    ("The army was attacked in Michoacan state and in the eastern Sharqiyah province.",
     ["Michoacan", "Sharqiyah"], []),
    # "the capital" right before a name that is also a word is a cue
    ("The plane was bound for the capital Manila. Proceeds are working capital, Evans and "
     "Sutherland said.", ["Manila"], ["Evans"]),
    # a name's token is no place, unless a big place follows "in" (not a person's
    # "in Jordan's film"); a surname then a country is no full name
    ("Director Neil Jordan spoke. Liam Neeson plays the lead role in Jordan's film.", [],
     ["Jordan"]),
    ("Brazil's minister Dilson Funaro. Brazil should come up with a programme, said Funaro.",
     ["Brazil"], []),
    ("In talks the U.S. Criticised Japan's fiscal policy.", ["Japan"], []),
    # islands, mountains and regions the city lists lack, by one name each
    ("Rebels on Mindanao, climbers on Everest and workers in Lower Saxony and the Donbass.",
     ["Mindanao", "Mount Everest", "Lower Saxony", "Donbas"], ["Saxony"]),
    # a place compounded with what it does to the next word is named there;
    # two places joined by a hyphen are no mention of either; one name each
    ("The Canada-based firm joined the US-led coalition in Austria-Hungary's old lands. The "
     "Netherlands-based group agreed.", ["Canada", "United States", "Netherlands"],
     ["Austria", "The Netherlands"]),
    # "-based", "-born": as good a cue as "in" for a town named like a word,
    # but not for the end of a longer name, even across a wire's line break
    ("Cambridge-based Ubisense and a Reading-born singer joined the Los\nAngeles-based "
     "studio.", ["Cambridge", "Reading"], ["Angeles"]),
    # a stake in a firm named like a town is no place; a foreign article opens a name
    ("Shanda bought a 20% stake in Sina, and Opera band Il Divo moved up in Paris.",
     ["Paris"], ["Sina", "Divo"]),
    # a town the gazetteer lacks, before an AP state's abbreviation; a curated region
    ("Trump spoke at a rally in Kenansville, N.C., on trade with the Pacific Rim.",
     ["Kenansville", "North Carolina", "Pacific Rim"], []),
    # a quotation mark opening the word before is no part of it: a name goes on
    ("The two presidents agreed to create 'Television Sur', a network, in Buenos Aires.",
     ["Buenos Aires"], ["Sur"]),
    # "the X club" names the town the club is from, in a sports report too
    ("Ajax want Jol. He coached in Holland and may become the Amsterdam club's new coach "
     "after their Uefa Cup exit, with the striker and the midfielder out of the squad.",
     ["Amsterdam", "Netherlands"], []),
    # a feature its name says is one, whole: not the places inside it, not a
    # name that goes on, not an owner; "Island" and "Thai" are no countries
    ("The bottle washed up on Robben Island. Ships in the Gulf of Aden and the Pearl River "
     "Delta sailed to Hawaii's Big Island.",
     ["Robben Island", "Gulf of Aden", "Pearl River Delta", "Big Island", "Hawaii"],
     ["Aden", "Gulf", "Hawaii's Big Island"]),
    ("They sailed past the Monterey Peninsula. Nov Lower Mississippi River barge rates fell.",
     ["Monterey Peninsula", "Lower Mississippi River"], ["Nov Lower Mississippi River"]),
    ("Thames Valley Police and the Long Island Rail Road met at Mount Sinai Hospital. The Thai "
     "government, on North Island, agreed.", [],
     ["Thames Valley", "Long Island", "Mount Sinai", "Thailand", "Iceland"]),
    # a name after a noun for a person is the person's
    ("He was joined by his wife Sandra, daughter Larissa and her sister Clare; UK rapper Kano "
     "came third.", [], ["Larissa", "Clare", "Kano"]),
    # a news agency named like a town
    ("Talks should be held soon, the official Xinhua news agency said in Beijing.",
     ["Beijing"], ["Xinhua"]),
    # a person or a firm "of" a place is from it; a bank or a church is named for it
    ("Rep. Tony Hall of Ohio said Mazda Motor Corp of Japan would sell to Pearson Plc of "
     "Britain.", ["Ohio", "Japan", "United Kingdom"], []),
    ("The Bank of England and the Church of England met in the Hall of Fame.", [], ["England"]),
    # a city's alternate name that translates it into common words is none of its
    # names ("White House" for Casablanca)
    ("White House officials said the visit to Washington DC was off.", ["Washington DC"],
     ["White House", "Casablanca"]),
    # a city's airport names the city
    ("Cocaine was found at Melbourne Airport on Monday.", ["Melbourne"], []),
    # ... though the gazetteer holds a longer name that ends inside the next word
    # ("Edinburgh A")
    ("He opposed expansion plans for Edinburgh Airport.", ["Edinburgh"], []),
    # a capitalised compass word makes a region; in lower case it only says where;
    # a country's part is the country
    ("Floods hit South Wales, West Yorkshire and Greater Manchester.",
     ["South Wales", "West Yorkshire", "Greater Manchester"], ["Wales", "Manchester"]),
    ("He moved to south Wales, then to Northern Iraq.", ["Wales", "Iraq"], ["Northern Iraq"]),
    # a town that opens a firm's name: its bare word is the firm too, unless "in" it
    ("MILWAUKEE, March 12 - Badger Meter Inc said it knew of no reason.\n\nBadger was "
     "trading at 21-5/8, up 1-5/8.", ["Milwaukee"], ["Badger"]),
    ("Phoenix Steel Corp said it had a new plan. Phoenix said its plant in Claymont would "
     "stay open.", ["Claymont"], ["Phoenix"]),
    ("Aurora Foods Inc said it would move its offices to Aurora.", ["Aurora"], []),
    # a province after a place and its comma says where the place is, though its
    # name is a common word (not a compass word, not after a small town)
    ("It was built in Hull, Quebec, by a firm based in Waterloo, Ontario.",
     ["Hull", "Quebec", "Waterloo", "Ontario"], []),
    ("Tube Lines maintains the Jubilee, Northern and Piccadilly lines. Refineries in Antwerp, "
     "Southern France or Italy may close.", ["Antwerp", "France", "Italy"],
     ["Northern", "Southern"]),
    # a country before an acronym is the country ("Kyiv, Ukraine CNN —"), not before a
    # firm's suffix ("Finance Curacao NV")
    ("Kyiv, Ukraine CNN —\nRussia launched drones. Bremer Finance Curacao NV issued a bond.",
     ["Kyiv", "Ukraine", "Russia"], ["Curacao"]),
    # two countries or states joined by a hyphen are both named, and a country
    # paired with a party in a war or talks; not cities so joined (mostly firms),
    # not a name that goes on, not a province before a union's name
    ("The Russia-Ukraine war and the Israel-Hamas war dominated US-China talks. "
     "Wheeling-Pittsburgh Steel Corp and the Kowloon-Canton Railway Corp cut jobs, said "
     "Sud-PTT trade union officials.",
     ["Russia", "Ukraine", "Israel", "United States", "China"],
     ["Wheeling", "Pittsburgh", "Kowloon", "Canton", "Sud"]),
    ("Employers in North Rhine-Westphalia and across Asia-Pacific agreed.",
     ["North Rhine-Westphalia", "Asia-Pacific"], ["North Rhine", "Asia", "Pacific"]),
    # a city the gazetteer knows as "X City" is found whole; another "X City" is a
    # club, unless "in" it or an office of it follows
    ("Manchester City beat Real Madrid, and Robbie Weir turned down a move to Stoke City. "
     "Protesters gathered in Mexico City, Gaza City and Quebec City. I grew up in Malacca "
     "City. Data from the Tacoma City Manager's office was posted.",
     ["Mexico City", "Gaza City", "Quebec City", "Malacca", "Tacoma"], ["Manchester", "Stoke"]),
    # a grade of oil named for a field is no place (the borough of Brent is one)
    ("Brent crude rose in London, and Brent futures fell.", ["London"], ["Brent"]),
    ("The by-election in Brent was won.", ["Brent"], []),
    # a place's name after a musician's role is a person; a word that opens a
    # quotation has no locative cue before it
    ("He sang with U2 frontman Bono in Dublin. UKIP campaigned on a slogan of \"Say no to "
     "Europe\".", ["Dublin", "Europe"], ["Bono", "Say"]),
    # a common word a dictionary only capitalises names the place uncued (a
    # province, a city of 100,000 or more); one it writes in lower case does not
    ("Hollywood is preparing for the Oscars. Norfolk farmer Tony Martin was jailed. Reading "
     "the report, Nice people said Split was hard.", ["Hollywood", "Norfolk"],
     ["Reading", "Nice", "Split"]),
    # a firm's words after a city's name ("Toyota subsidiary Lexus"), but a
    # city's stock market is the city's
    ("The Toyota subsidiary Lexus did well, and shares rose on the Tel Aviv stock market.",
     ["Tel Aviv"], ["Toyota"]),
    # a kin noun's appositive is a person
    ("The crash put her mother, Mari, in a wheelchair in Madrid.", ["Madrid"], ["Mari"]),
    # a web address is no place
    ("Portals such as Sina.com in China delete comments.", ["China"], ["Sina"]),
    # a town's name after a firm's word, "X-based" or before "group" is a firm
    ("Chennai-based Tata runs lasers, said research firm Jupiter. The Sterling group and the "
     "Tata group lead the market in India.", ["Chennai", "India"], ["Tata", "Jupiter", "Sterling"]),
    # the people of a place live there ("Bank of England" is no place)
    ("Residents of Miami and the citizens of Belfast were angry.", ["Miami", "Belfast"], []),
    # the NYT wire's underscore for a dash after its dateline
    ("NEW YORK _ Officials of the union are to meet.\n\nBONN, Germany _ The bank served "
     "notice.", ["New York", "Bonn", "Germany"], []),
    # hard-wrapped wire copy: a feature's name across a line break, one name
    ("Barges crossed Lake\nTanganyika to Prince Edward\nIsland.",
     ["Lake Tanganyika", "Prince Edward Island"], ["Lake\nTanganyika", "Prince Edward"]),
    # a team sheet's surnames are people (a note's place is a place); a list of
    # places stays places
    ("Mawson, Travis, Mkandawire, James, Robinson, Daniel Williams, Stanley, Hyde (Pitman "
     "105), Purdie (Mills 83), Brown. Reserves: B Lima (Samoa), E Taukafa (Tonga), O "
     "Palepoi (Samoa). BAA said airports at Heathrow, Gatwick, Edinburgh and Glasgow and the "
     "seats of Aberdeen South, Dundee East and West, South West Edinburgh, Stirling and "
     "Western Isles.",
     ["Samoa", "Tonga", "Heathrow", "Gatwick", "Edinburgh", "Glasgow", "Stirling"], ["Hyde"]),
])
def test_place_traps(text, present, absent):
    found = places(text)
    for p in present:
        assert p in found, (text, found)
    for p in absent:
        assert p not in found, (text, found)


def test_a_headline_names_its_speaker():
    """ "X says ...", "X: ‘...’" in a headline report X's words (in lower case and
    of the present: not "Ellen DeGeneres slammed for", not a topic's colon)."""
    def title_speakers(title: str) -> list[str]:
        return list(extract(art("The report follows.", title=title)).speakers)

    assert title_speakers("NYC mayor Eric Adams says the city is at 'breaking point'") == [
        "Eric Adams"]
    assert title_speakers("Artist Jenny Holzer: ‘Women are not the problem’") == ["Jenny Holzer"]
    assert title_speakers("Death of Gianluca Vialli: tributes abound in Italy") == []
    assert title_speakers("Ellen DeGeneres slammed for awkward interview") == []
    assert title_speakers("Stephen Colbert on Kevin McCarthy: ‘Losing votes is his kink’") == []


def test_a_title_names_a_smaller_city_after_in():
    """A title capitalises every word, so it counts only countries and big
    cities, and a smaller city after "in" or "near" (not a word: "In Deal")."""
    assert "Santos" in extract(art("The coffin was taken to the cemetery.",
                                   title="Private burial of Pelé in Santos")).places
    assert extract(art("The carmaker agreed terms.", title="Chrysler In Deal To Buy Amc")).places == ()
    assert extract(art("He won.", title="Sampras Wins U.S. Open Crown")).places == ()


def test_a_surname_of_a_named_person_is_that_person_not_a_town():
    # Holt is also a town: that once left this quote without a speaker
    found = extract(art('Lester Holt asked about taxes in Ohio. "That is not fair to ask," Holt said.'))
    assert found.speakers == ("Lester Holt",)
    assert "Holt" not in found.places and "Ohio" in found.places
    assert found.quotes[0].speaker == "Lester Holt"


def test_places_of_real_reports():
    """A BBC business report names Tokyo as a market; a sports report's clubs
    (Chelsea, Barcelona) are not places, its venue (Newcastle) is."""
    def found(rel: str) -> list[str]:
        [a] = list(read_articles(next(iter(discover([CORPUS / rel])))))
        return list(extract(a).places)

    assert "Tokyo" in found("bbc/business/044.txt")
    # a Scottish council area (ISO 3166-2, not in countryinfo's provinces)
    assert "West Lothian" in found("bbc/sport/109.txt")
    sport = found("bbc/sport/103.txt")
    assert "Chelsea" not in sport and "Barcelona" not in sport and "Newcastle" in sport


def test_a_sports_reports_clubs_and_its_places():
    """The title's "Milan" is the club the report marks ("Milan beat Juventus",
    "Milan coach"); "back to Manchester" is the city, "Manchester United" no
    place; a report that only names a city uncued keeps its title's
    ("Sydney to host")."""
    found = extract(art("Manchester United manager Sir Alex Ferguson said the striker would "
                        "play. Milan beat Juventus on penalties and Milan coach Carlo Ancelotti "
                        "said the squad was happy. Rooney said: \"We can bring the cup back to "
                        "Manchester.\"", title="Ferguson fears Milan cutting edge")).places
    assert found == ("Manchester",)
    found = extract(art("Sydney will host a charity match, the rugby union said. The "
                        "venue is Sydney's Olympic Stadium, and the coach and the squad "
                        "will be picked in June.", title="Sydney to host north v south game"))
    assert "Sydney" in found.places


def test_a_feature_in_a_title_is_the_feature_not_the_place_in_it():
    """ "Colorado River snaking through ..." names the river; a title's feature
    words count only around a place ("Love Island" is a show)."""
    found = extract(art("A stretch of the river is endangered.", title="Colorado River snaking "
                        "through canyon most endangered US waterway")).places
    assert "Colorado River" in found and "Colorado" not in found
    assert extract(art("It was a hit.", title="Love Island returns")).places == ()


def test_a_street_in_a_title_holds_no_town():
    """Every word of a title is capitalised: "in Holden Lane" names a street
    (a smaller city counts in a title only after "in", "near", ...)."""
    found = extract(Article(id="t", path="t", title="Man charged with murder in Holden Lane, NSW",
                            body="A 66-year-old man has been charged.")).places
    assert "Holden" not in found


def test_places_are_canonical_and_unique():
    found = places("Britain and the UK and the United Kingdom met the US in Washington.")
    assert found.count("United Kingdom") == 1
    assert "United States" in found


@pytest.mark.parametrize("text,expected", [
    ("Tony Blair visited. Later Mr Blair said the plan would work.", ["Tony Blair"]),
    ("The company said profits rose. It said more was to come.", []),
    ("A spokesman said the talks had failed.", []),
    ("Profits fell, according to analyst Jane Smith.", ["Jane Smith"]),
    ("Striker Wayne Rooney tweeted that he was fit.", ["Wayne Rooney"]),
    ('"We will win," said Foreign Secretary Jack Straw.', ["Jack Straw"]),
    ("Chancellor Gordon Brown told MPs the economy was strong.", ["Gordon Brown"]),
    ("Fifa said it would investigate.", []),
    # a title with a full stop, a role only a person holds, a role the lists lack
    ('"He should release his tax returns," Mr. Rosenthal said.', ["Rosenthal"]),
    ('"It is destroying this committee," said Del. Stacey Plaskett of the Virgin Islands.',
     ["Stacey Plaskett"]),
    ("President Obama called for a lower corporate tax rate.", ["Obama"]),
    ("City Attorney Brad Holm said in the letter that the advert was wrong.", ["Brad Holm"]),
    ("Team Sky said the race was over.", []),
    # a role inside the name, a given name that is also a place, a party label,
    # two appositives
    ('"We are in a critical situation," German Chancellor Angela Merkel told reporters.',
     ["Angela Merkel"]),
    ('Suicides are "not meeting the demand," says Paul Rieckhoff, founder of a veterans group.',
     ["Paul Rieckhoff"]),
    ('"Mitt Romney was a worthy foe," Sen. Claire McCaskill (D-Mo.) said.', ["Claire McCaskill"]),
    ("Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security "
     "Council, said the test was a provocation.", ["Jean-Marc Ayrault"]),
    ("Iraq Sunni leaders said the vote was unfair.", []),
    ('"It was destined to fail," said Mark MacDougall.', ["Mark MacDougall"]),  # not "Mark Mac"
    # "According to" opening a sentence; the owner in "X's secretary Y" is not the source
    ("According to Tim Cook, sales rose.", ["Tim Cook"]),
    ("According to Ronald Reagan's former education secretary William J. Bennett, the speech "
     "represents a test.", ["William J. Bennett"]),
    ("According to Reuters, the talks failed.", []),
    # credits after unpaired quotation marks, each ending with its line
    ("”Mr. Trump embodies racism. He is our greatest shame.” ― Sonya Herridge\n“During the debate "
     "he said we live in hell.” ― Adriana Rodarte", ["Sonya Herridge", "Adriana Rodarte"]),
    ('The crowd chanted "lock her up right now" — Donald Trump\nNext line.', ["Donald Trump"]),
    # reporting verbs beyond "say"; things named like people; headline case
    ("Pat Toomey fumed on Tuesday and Ted Cruz pledged to fight.", ["Pat Toomey", "Ted Cruz"]),
    ("The Clinton Global Initiative said it would close.", []),
    # firms and clubs named like people ("Nortel Networks said it ..."); a person
    # is called by the last word of the name ("Digby Jones ... Jones said")
    ("Nortel Networks said it would cut jobs. Nortel has struggled.", []),
    ("Bayer Leverkusen said they were happy.", []),
    # "as X put it" reports words; "put it on the table" does not
    ("As Akhil Amar put it, the court is split. Bob Smith put it on the table.", ["Akhil Amar"]),
    # a credit to a role, then an MP's name ("said the committee chairman, MP Edward Leigh")
    ("“Our aim is simple,” said the committee chairman, MP Edward Leigh.", ["Edward Leigh"]),
    # a judging verb in the passive reports no words of its subject's
    ("Her books include The Shapeless Unease, a memoir of her chronic insomnia, praised by "
     "Tessa Hadley as gritty.", []),
    # "alleged" after an article or a preposition is an adjective
    ("The US wants custody of alleged Russian operative Sergey Cherkasov. Police alleged Tom "
     "Fox lied, and Ann Lee alleged that he lied.", ["Ann Lee"]),
    # "continues" reports words only before a comma, a colon or "that"; a fellowship
    # is an organisation
    ("Morton Mandel continues as chairman. The Christian Medical Fellowship said the Bill "
     "was wrong, and Sandra Dee continues to live in Los Angeles.", []),
    # lies, jokes or stories told are no words reported ("told reporters" is)
    ("Mook asserted that Donald Trump tells so many lies. Sweet Charity tells the story of "
     "Charity Hope Valentine, and Ann Lee told reporters it was over.", ["Ann Lee"]),
    # a subject of two names speaks for both; a subject after the verb is the speaker,
    # not the names before its comma
    ("German Chancellor Gerhard Schroeder and French President Jacques Chirac have called for "
     "the embargo to be lifted. Two former directors, Bert Roberts and Francesco Galesi, "
     "remain defendants, said the newspaper.", ["Gerhard Schroeder", "Jacques Chirac"]),
    # a naming verb before the sentence's verb is a participle, no words reported
    ("Helen Steel and David Morris, from north London, dubbed the \"McLibel Two\", were found "
     "guilty. Critics dubbed him \"the quiet man\", and Ann Lee said so.", ["Ann Lee"]),
    # a surname first that is also a word ("park"), titled elsewhere in the article
    ("\"The worst seems to have passed,\" said central bank governor Park Seung. Mr Park's "
     "statement came as the Justice Department said no.", ["Park Seung"]),
    # an appositive of a role "of" or "at" a firm, left unclosed: the holder speaks
    ("Peter Misselbrook, executive partner of Tods Murray said he would retire. Marc "
     "Ostwald, a strategist at Monument Securities told Reuters rates would rise.",
     ["Peter Misselbrook", "Marc Ostwald"]),
    # an appositive of where someone is from, left unclosed as BBC copy does
    ("Mark Serwotka, from the Public and Commercial Services union said there should be a "
     "strike.", ["Mark Serwotka"]),
    # no person is "the X" ("the Rev Al Green" is)
    ("The International Committee of the Red Cross warned of deaths, and the Rev Al Green said "
     "prayers were needed.", ["Al Green"]),
    # a particle joined by an apostrophe ("d’Anselme"); a firm's words in French
    ("Henri d’Anselme says he acted. Valery Giscard d'Estaing said it was fine, and Societe "
     "Generale said it would lend.", ["Henri d'Anselme", "Valery Giscard d'Estaing"]),
    # a work written is no words reported ("wrote that", "wrote in a letter" are)
    ("Douglas Adams wrote the screenplay based on his book. Sue Gray wrote in a letter that "
     "she would go, and Al Ross wrote that it was over.", ["Sue Gray", "Al Ross"]),
    # a firm's trade as its last word, or its shares traded: "Cairn" is also a given name
    ("Mitchell Energy said it would sell. Just Stop Oil said it would march.", []),
    ("Shares in Cairn Energy rose. Cairn said the Rajasthan field was larger, and Chief "
     "executive Bill Gammell said it looked strong.", ["Bill Gammell"]),
    ("Digby Jones said the plan was bad. Jones added that it would fail.", ["Digby Jones"]),
    # the name after "told" or "praised" is who was spoken to or of
    ("Barack Obama praised Angela Merkel, and Mr Smith told BBC Radio Five Live it was bad.",
     ["Barack Obama", "Smith"]),
    ("Marco Rubio On Rape said nothing new, and Ted Cruz South Carolina said more.",
     ["Marco Rubio", "Ted Cruz"]),
    # a company's "Co" (Reuters); the name a statement quotes is not its author
    ("Neil deGrasse Tyson said that the telescope has given scientists new abilities.",
     ["Neil deGrasse Tyson"]),
    # when, between the name and the verb
    ("Speaking after her resignation, Nicola Sturgeon yesterday said gossip had prompted it, "
     "and Joe Biden on Tuesday said nothing.", ["Nicola Sturgeon", "Joe Biden"]),
    ("Nova Cellular Co said it had agreed to the merger, and N.V. Philips said it would not.", []),
    # hard-wrapped wire copy: a name goes on past an initial at a line's end
    ("Axlon Inc said Austin C.\nMarshall has been named president. \"We want to be what IBM "
     "is,\" said Edgar J.\nGreco, vice president of Kodak.", ["Edgar J. Greco"]),
    # one man, two apostrophes; initials are no place ("U.S." stays a country)
    ("NYPD Commissioner James O’Neill arrived. The cause is unknown, said O'Neill.",
     ["James O'Neill"]),
    ("Goldman Sachs and Co raised its forecast. Goldman Sachs said rates would rise, and "
     "Amnesty International said the law was unjust.", []),
    ("“Canada will declare persona non grata Mr Zhao Wei,” the foreign minister, Melanie Joly, "
     "said in a statement.", ["Melanie Joly"]),
    # where the words were said, between the name and the verb
    ("Jeb Bush in a Medium post said he would appoint conservative judges.", ["Jeb Bush"]),
    # the name after a role and a comma; a name after a preposition is no
    # speaker, nor the one before a participle's comma
    ("His death was an affront to democracy, said the prime minister, Fumio Kishida, adding "
     "that he would be honoured.", ["Fumio Kishida"]),
    ("Hillary Clinton tweeted congratulations to Bernie Sanders, adding that he had won. A "
     "photo was posted by first lady Jill Biden.", ["Hillary Clinton"]),
    # a sentence's first word or a pronoun is no part of a name
    ("Even China said it was worried. Will Davies said so too. Kilroy I said nothing.",
     ["Will Davies"]),
    # a long run of capitals holds the name at its end; no name runs past its line
    ("Democratic Senatorial Campaign Committee Chairman Jon Tester (D-Mont.) voted no. "
     "“It is going to be a 60-vote margin,” Tester said.", ["Jon Tester"]),
    ("Results:\nNottingham Forest\n\nSouthampton said it would appeal.", []),
    # a particle and a place are no name ("Stade de France")
    ("Wales won at the Stade de France. “It's just a special moment,” he said.", []),
    # an organisation's word that is also a surname, after a given name
    ("Kristen Day leads the group. Day said the language was radical. Liam Fox said so "
     "too, at the Georgia House on Labor Day.", ["Kristen Day", "Liam Fox"]),
    # a club's name is also a given name
    ("“The middle class is shrinking,” said Chelsea Nguyen, 52, a homemaker.",
     ["Chelsea Nguyen"]),
    # an age marks a person, even one whose name reads like a thing's
    ("“They are trying to slap us in the face,” Quina Jones, 25, said as they moved through "
     "the city. It was late, and they were tired, and it rained on them.", ["Quina Jones"]),
    # a participle opening a sentence is no given name
    ("Retreating Russian brigade dogged with allegations, said the report. Praising Celtic "
     "said nothing.", []),
    # a place and a party describe a person, they do not name one
    ("“We have the records,” said Trey Gowdy. The South Carolina Republican admitted that the "
     "server was never central.", ["Trey Gowdy"]),
    # two titles; a thing's name is no "he"; a photo agency is no speaker
    ("“I fundamentally disagree,” said retired Army Lt. Gen. Mick Bednarek.",
     ["Mick Bednarek"]),
    ("He said there were reports that the terrorist group Ansar al-Sharia was involved, but "
     "he said he played no role. Scott Olson via Getty Images. Paul then interjected.", []),
    # a station's name is no person's, though a word of it is a given name
    ("Weir told BBC Radio Five Live: “We don't want to rest on our laurels.” He said: “We "
     "are looking after each other.”", []),
    # a long description with the stops of titles, initials and web addresses
    ("Melanne Verveer, a close friend of Mrs. Clinton's who was her White House chief of "
     "staff, said the attacks went on. Harry Bond, 30, of Raleigh, N.C., who was polled, "
     "said so. Nate Silver, the guru who founded fivethirtyeight.com, tweeted on Wednesday.",
     ["Melanne Verveer", "Harry Bond", "Nate Silver"]),
    ("Trent Lott, who was Republican Senate majority leader under George W. Bush, told "
     "lawmakers that it would pass.", ["Trent Lott"]),
    # "who" between the description and the verb
    ("Her position was backed by Sen. Dianne Feinstein of California, the ranking Democrat on "
     "the committee, who said none of the emails were marked.", ["Dianne Feinstein"]),
    # "charged" reports speech at a clause's end, not before an object or "with"
    ("The quotas are unfair, Tom Smith charged. Police have charged Trevor Bickford, and the "
     "SEC charged Dean Witter with fraud.", ["Tom Smith"]),
    # a proxy speaks for someone, not as them; past a comma the name is the proxy's
    ("But a spokesman for Mr Prescott warned that the changes would go ahead. Lawyers for "
     "Labour leader Ed Miliband said he would sue. The wife of ABC News producer Dax Tejera "
     "said she was there.", []),
    ("A spokesman for Valero, Steve Fry, said it knew of no reason. Shadow spokesman for sport "
     "Hugh Robertson said: “I suspect the correct way is to fund it.”",
     ["Steve Fry", "Hugh Robertson"]),
    # a person of a firm of three words
    ("Yet aviation analyst Mike Powell of Dresdner Kleinwort Wasserstein says revenues will "
     "fall short.", ["Mike Powell"]),
    # an appositive of a role that the BBC and Reuters do not close (but "X, the
    # spokesman said" is the spokesman's)
    ("Peter Dobrow, a T-Mobile spokesperson said the firm was fine. Alan Milburn, Labour's "
     "election strategist told Radio 4 so. He met Ex-Im President Takashi Tanaka, the "
     "spokesman said.", ["Peter Dobrow", "Alan Milburn"]),
    # a trade for a firm's last word: no person's name
    ("Sun Microsystems has launched a grid. Some customers want more, Sun said.", []),
    # words of judging report what was said, and take an object after them
    ("Former international development secretary Clare Short questioned the effectiveness of "
     "debt relief. Sanders assailed Hillary Clinton's paid speeches. The Marine Corps dismissed "
     "a man.", ["Clare Short"]),
    # whom someone believes something of is no speaker
    ("Kaylee Goncalves's father Steve Goncalves said he believed Bryan Kohberger, the suspect, "
     "would look different.", ["Steve Goncalves"]),
    # the words after "said" describe a speaker, they are no clause
    ("In a statement, the club said it would allow Mr Glazer limited due diligence. The "
     "sources added that Volcker, for his part, is dissatisfied.", []),
    # the person before the proxy's role (Reuters writes no closing comma); an
    # office in a name is no proxy
    ("France supports the plan, Yves Van Haecke, an aide to French agriculture minister "
     "Francois Guillaume said. Office of Management and Budget Director James Miller said so.",
     ["Yves Van Haecke", "James Miller"]),
    # a firm's kind before a name that looks like a person's ("broker" is a person's)
    ("“We remain cautious,” investment bank Merrill Lynch said of Carlsberg. Internet giant "
     "Hewlett Packard said it would grow. Broker Dinesh Walji said selling will slow.",
     ["Dinesh Walji"]),
    # four words of description when the last is a role (not "the recent cases involving")
    ("All sides are anxious to avoid a confrontation, said BBC labour affairs correspondent "
     "Stephen Cape. John Shad said the recent cases involving Ivan Boesky were a warning.",
     ["Stephen Cape", "John Shad"]),
    # a participle right after its subject (after "with" too), not after an object
    # or a comma; a word of time between a name and its verb
    ("The party launched its platform, with leader Charles Kennedy saying it was the real "
     "opposition. House Speaker Paul Ryan met Trump, Ryan saying he was “very encouraged”. "
     "Paris was subdued, with finance minister Herve Gaymard telling parliament to save.",
     ["Charles Kennedy", "Paul Ryan", "Herve Gaymard"]),
    ("He heaped praise on Gordon Brown saying he was doing a great job. Merrill suspended the "
     "official, Nahum Vaskevitch, yesterday saying it was angry. They cast Chris Pratt, saying "
     "he was perfect.", []),
    ("Sen. Ben Sasse even suggested on social media that he would go, and Goh Chok Tong has "
     "already announced a plan.", ["Ben Sasse", "Goh Chok Tong"]),
    # an employer or a place before the role after "according to" (not a think-tank,
    # nor a role that ends in a preposition)
    ("According to Pentagon spokesman John Kirby, strikes hit 85 targets. According to New "
     "York-based dissident Fu Shenqi, it was bad. Blogs grew, according to US research "
     "think-tank Pew Internet and American Life, and according to UN figures seen by Reuters "
     "News, prices rose.", ["John Kirby", "Fu Shenqi"]),
    # an office only a person holds before a name, or a role after it, makes a
    # person of a name that reads like a firm's; the subject of what a firm said
    # is no speaker ("said X, ..., has been named"; but "What this means, said X")
    ("Defense Secretary Ash Carter told a Senate panel it would help. Yukiya Amano, director "
     "general of the International Atomic Energy Agency, said it was a violation. The company "
     "said Richard Clarke, a group vice president, has been appointed. What this "
     "means, said Stacey Jolna, senior vice president of TV Guide, is that habits change.",
     ["Ash Carter", "Yukiya Amano", "Stacey Jolna"]),
    # "claimed" a title, a victory or responsibility is no claim; an adverb before
    # a pronoun's verb ("He has firmly declared")
    ("Veronica Campbell stretched her record as she effortlessly claimed the 200m. Usain Bolt "
     "claimed victory. Rebels claimed responsibility. Bernie Ebbers faces a jail sentence. He "
     "has firmly declared his innocence.", ["Bernie Ebbers"]),
    # a name that modifies a noun is no "he" ("a Donald Trump supporter. He wrote")
    ("John Smith counts himself a devout Catholic and Donald Trump supporter. He recently "
     "wrote a commentary mocking the plan.", ["John Smith"]),
    # a clause that reports speech after the sentence's subject ("..., saying",
    # "and said"), past an opening phrase; not "Hodgson converted and added a
    # penalty", "went on to become", "responded by using", nor past a clause of
    # someone else's, nor an owner ("Amanda's uncle, Lewis Champion, ..., saying")
    ("In an interview with CNN, Donald Trump continued to question Ted Cruz's temperament, "
     "saying he could not make deals. Senate Majority Leader Mitch McConnell was quick to "
     "embrace the mogul and said this week that he was competitive.",
     ["Donald Trump", "Mitch McConnell"]),
    # (past a quoted phrase)
    ("Mike Huckabee, the former Arkansas governor, proposed we \"wake up and smell the "
     "falafel\" and said Paul Ryan should resign.", ["Mike Huckabee"]),
    ("Charlie Hodgson converted and added a penalty. Marcello Viotti moved to Turin and went on "
     "to become a conductor. Malcolm Glazer had an attempt turned down and responded by using "
     "his shares. Frank Capra was the butt of a gaffe when the host opened the envelope and "
     "declared it was over.", []),
    # the one who asks ("asked by host X whether")
    ("Bernie Sanders was asked by host John Dickerson whether his aim was similar. The firm "
     "was asked by Goldman Sachs to leave.", ["John Dickerson"]),
    # a title's abbreviation after another is no surname ("Lt. Gov"; "Ms Major" is one)
    ("Sources have also said Lt. Gov. Eric Holcomb is interested as well.", []),
    # a pronoun after "who" is not the one "who" stands for
    ("Trump's beef with Fox News was aimed at co-moderator Megyn Kelly, who he claims has "
     "been unfair to him.", []),
    # a newspaper after "according to the" is no person (a role or title makes one)
    ("Joey Salceda said so in a bill, according to the Philippine Star. According to the "
     "Washington Free Beacon, the DNC asked for money, according to the Astronomer Royal Lord "
     "Rees.", ["Joey Salceda", "Rees"]),
    # the name an opening quotation mark follows is what was said of someone
    ('Donald Trump said Hillary Clinton "caused death." He said National Security Adviser '
     'Frank Carlucci "will wait until that report is in."', ["Donald Trump"]),
    # "continued" and "hit back" report speech only at a clause's end, before
    # "that" (or "hit back at"): not a run of form or a goal
    ("Argentine wild card Mariano Puerta continued his improbable run. Wanderers hit back "
     "through Stelios Giannakopoulos before Xavier Rush hit back moments later. Jose Mourinho "
     "hit back at his critics. “We are fine,” Arsene Wenger continued.",
     ["Jose Mourinho", "Arsene Wenger"]),
    # (nor "maintained their form"); a sorority's name is no person's
    ("Kamui Kobayashi, Mike Conway and Jose Maria Lopez maintained their impressive form. "
     "Members of the sorority Kappa Kappa Gamma say they were blindsided. Mark Smith "
     "maintained that he was innocent.", ["Mark Smith"]),
    # two particles in a name
    ("Ursula von der Leyen said the plan was fair.", ["Ursula von der Leyen"]),
    # a month is a surname after a given name, a day never is
    ("Theresa May said Brexit meant Brexit. Mrs May added that it was fine. Guitarist Brian "
     "May said the band would tour. Wednesday Dixon said it had grown.",
     ["Theresa May", "Brian May"]),
    # a speech the article previews, after "will" ("figures suggest" is no one's)
    ("Michael Howard is to make a pitch for the ethnic vote. Mr Howard will argue that Labour "
     "failed. Halifax's own figures suggest prices rose.", ["Michael Howard"]),
])
def test_speaker_rules(text, expected):
    assert speakers(text) == expected


def test_a_capitalised_the_x_is_no_person_either():
    # a show's title after "The" mid-sentence (the sentence's subject, Ms
    # Robinson, is past a relative clause the rules do not cross); "the Most
    # Reverend" is a title
    found = speakers("Ms Robinson, who presents The Weakest Link tells Cockerell that she "
                     "despaired. The Most Reverend Peter Smith told the BBC he agreed.")
    assert "Weakest Link" not in found and "Peter Smith" in found


@pytest.mark.parametrize("text,speaker", [
    ("“A real disgrace.” ― Azucena Gonzàlez", "Azucena Gonzàlez"),  # a credit line
    ("Stephanie Egan: “Tonight’s debate showed who he really is.”", "Stephanie Egan"),
    ('"He should release his tax returns," Mr. Rosenthal said.', "Rosenthal"),
    ("Jane Smith said: “We will appeal against the ruling.”", "Jane Smith"),
    # descriptors before a name without a comma; "shot back"; "once said"; a
    # thing after "the"; a surname is the full name that ends with it
    ("“We have not been told,” Snyder spokesman Dave Murray told the Washington Examiner.",
     "Dave Murray"),
    ("Donald Trump was asked. “Let me talk to you,” Trump shot back.", "Donald Trump"),
    ("Raphael Lemkin, who coined the word genocide, once said, “It is a crime of crimes.”",
     "Raphael Lemkin"),
    ("“Labour markets firmed in a number of districts,” the Beige Book said.", None),
    ("“I am sorry about the mistakes,” said the Rev. Peter Wherry.", "Peter Wherry"),
    ("Ted Cruz Apologizes To Ben Carson\nTed Cruz spoke. “We need leadership now,” Cruz said.",
     "Ted Cruz"),
    # a role word after a title is the surname; initials without spaces; "II";
    # an adverb before the verb
    ("Larry King hosts a show. ''I have never been edited,'' Mr. King, 82, told me.",
     "Larry King"),
    ("“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.",
     "G.K. Butterfield"),
    # a description before the subject of a colon's introduction, the quotation
    # in the next paragraph; not after "According to"
    ("In response, Republican presidential nominee Donald Trump issued the following "
     "statement:\n\n“Our prayers are with all those affected by the attacks in Munich.”",
     "Donald Trump"),
    ('Tony Blair spoke to MPs. According to Mr Peston the prime minister said: "Help me to get '
     'through the year and I will then stand down."', None),
    # a name after "about" or "of" before a colon is whom the words are about
    ("Ben Carson's manager is Armstrong Williams. Williams added about Carson: “He feels sorry "
     "for him because he really likes Mr. Trump.”", "Armstrong Williams"),
    # an appositive of several commas, one with an abbreviation's stop
    ("''I just don't think she's been completely truthful,'' Cecelia Purner, 67, a retired "
     "customer service representative in Allentown, Pa., said in a follow-up interview.",
     "Cecelia Purner"),
    # an opening mark typed for the closing one after a comma
    ("“It is really quite unusual,“ said Larry Noble, an attorney with the Campaign Legal "
     "Center.", "Larry Noble"),
    # the name after the verb is its subject, not one named in the words before
    ('Hillary Clinton leads. "He can assert it, but it seems extremely unlikely" that Sanders '
     'can catch Clinton, said Steve Elmendorf, a Democratic strategist.', "Steve Elmendorf"),
    # a seat's member is the one last named ("the Salford MP")
    ('Home Office minister Hazel Blears spoke. "The threat is most likely to come from a few '
     'people," the Salford MP told the Commons home affairs committee.', "Hazel Blears"),
    # an unclosed appositive after the quotation ("X, from the CEA told")
    ('"The story this year remains all about digital," Jeff Joseph, from the Consumer '
     'Electronics Association (CEA) told the BBC News website.', "Jeff Joseph"),
    # a team's player after his name is the one last named
    ("Mark Cueto's effort was key. Cueto was also puzzled as to why his try had been "
     "disallowed by Kaplan. \"I don't think I could have been offside,\" said the Sale player.",
     "Mark Cueto"),
    # a time between the name and its verb ("last week", "this month")
    ("Michael Howard is Tory leader. Mr Howard last week said it was \"not an easy issue\".",
     "Michael Howard"),
    # a song's title is no name ("Love Me Tender starts with a declaration:")
    ("Love Me Tender starts with a shocking declaration: \"I don't see why the love of a "
     "mother should be different.\"", None),
    # an organisation's word as a middle name after a given name
    ('"It is really jarring," said Kathleen Hall Jamieson, a professor of communication.',
     "Kathleen Hall Jamieson"),
    # one initial before a surname, after a title or not; an abbreviation's
    # last letter is no initial ("U.S. Pound" is Pound)
    ('"Digging is a task," said Mr R. Sridharan, vice president of networks at Tata.',
     "R. Sridharan"),
    ("Dick Pound heads Wada. It is a problem in the U.S. Pound continued: \"It is a big "
     "disappointment for us.\"", "Dick Pound"),
    ("“Black folks have done their part,” Vann R. Newkirk II, a writer, said on Twitter.",
     "Vann R. Newkirk"),
    ("“You must vote,” Marc H. Morial, the chief executive of the League, forcefully told a "
     "young woman.", "Marc H. Morial"),
    # a surname a role marks; a long description before the name
    ("President Obama met Mr Putin. “Our goal is not conflict,” Obama said.", "Obama"),
    ("“We will consider it,” White House press secretary Josh Earnest said on Monday.",
     "Josh Earnest"),
    ("Democratic nominee Hillary Clinton, at a later press gaggle, said, “I think it is "
     "important to find out.”", "Hillary Clinton"),
    # where a person is from; a long appositive
    ("Lord Faulkner of Worcester, who chaired the inquiry, said: “The evidence convinces us.”",
     "Faulkner"),
    ("“It was derisory,” Lord Condon, head of the International Cricket Council's "
     "anti-corruption unit, who first made the call for longer sentences, said.", "Condon"),
    # "Jr." after the name; an appositive of several commas
    ("“It works as a way to sell murder,” James B. Comey Jr., the director of the Federal "
     "Bureau of Investigation, said at a news conference.", "James B. Comey"),
    ("“They are steps in the right direction,” Anne Richards, assistant secretary of state for "
     "population, refugees, and migration, said.", "Anne Richards"),
    # the AP's party and state between commas; where it was said, before the verb
    ("“We will not vote for this bill,” Sen. Rand Paul, R-Ky., told reporters.", "Rand Paul"),
    ("“It will hurt people,” shop owner Hayriye Evren, told Associated Press.", "Hayriye Evren"),
    # an owner or employer, a role, then the speaker
    ("“We will win this in the end,” said Clinton’s top foreign policy aide Jake Sullivan.",
     "Jake Sullivan"),
    ("“We will win this in the end,” said Huckabee campaign spokesman Hogan Gidley.",
     "Hogan Gidley"),
    ("“The wash-out was far greater than the gains,” said Bill Sullivan of Dean Witter "
     "Reynolds Inc.", "Bill Sullivan"),
    # a military title; a party after the name; a word of time after it
    ("“The candidates just don't understand the military,” said Army Capt. Christian Pardo, "
     "who would not vote.", "Christian Pardo"),
    ("“We are working to accelerate that campaign,” said Pentagon spokesman Navy Capt. Jeff "
     "Davis.", "Jeff Davis"),
    ("“He knows intellectually that he can't win,” said former Vermont governor Howard Dean "
     "(D), a Clinton supporter.", "Howard Dean"),
    ("“What a great way to finish the year,” said Rafael Nadal afterwards.", "Rafael Nadal"),
    ("“Skype's success is well known,” commented Broadreach chief executive Magnus McEwen-King.",
     "Magnus McEwen-King"),
    # an AP affiliation before "said,"; the verb first; a clause's subject and a
    # colon; "charged" after a quotation
    ("Gov. John Kasich (R-OH), said, “Tonight we arrived in Cleveland.”", "John Kasich"),
    ("Said Dorothy Poynter, who grew up with Ali, “He was the greatest of them all.”",
     "Dorothy Poynter"),
    ("When Wallace died, President Bill Clinton released the following statement: “He was a "
     "man of courage.”", "Bill Clinton"),
    ("“They are performing honorably,” John Bolton charged.", "John Bolton"),
    # an owner's aide speaks for the owner, not as the owner
    ("Asked about the crisis, Rishi Sunak’s official spokesperson said: “This is certainly an "
     "unprecedented challenge.”", None),
    # a word that opens no name before the speaker; whom "he" told, before a colon
    ("All Blacks captain Tama Umaga spoke. But Umaga said: “He'd be hard pushed to do that "
     "now.”", "Tama Umaga"),
    ("All Blacks captain Tama Umaga spoke. He told BBC Sport: “It's potentially the most "
     "fearsome line-up.”", "Tama Umaga"),
    ("Nicky Weir spoke. Weir told BBC Radio Five Live: “We don't want to rest on our "
     "laurels.”", "Nicky Weir"),
    # "was quoted as saying"
    ("“We were trying to stimulate his recollection,” Peter Wallison, who is resigning, was "
     "quoted as saying in an interview.", "Peter Wallison"),
    # an owner's role before the name; a description and its name's appositive
    ("“Apparently not, and we said so,” the Post's senior politics editor Steven Ginsberg "
     "responded.", "Steven Ginsberg"),
    ("“I'm extremely outraged at the hypocrisy,” the play's organiser in Uganda, Sarah Mukasa, "
     "told the BBC.", "Sarah Mukasa"),
    # a person's words in writing
    ("Parmalat founder Calisto Tanzi spoke. “I apologise to all who have suffered so much "
     "damage,” Mr Tanzi's statement said.", "Calisto Tanzi"),
    # a role for a description, an object before the colon
    ("Lord Hanningfield, leader of Essex County Council, told BBC Radio 4's Today programme: "
     "“We are going to the High Court.”", "Hanningfield"),
    ("Simon Rubinsohn, chief economist at Gerrard, said: “This outturn was well ahead of the "
     "market expectations.”", "Simon Rubinsohn"),
    # words that report speech only after a quotation
    ("Former champion Steve Cram spoke. “You don't get the chance very often in your career,” "
     "agreed Cram.", "Steve Cram"),
    ("“We will win the vote today and tomorrow,” a spokesman for Mr Prescott said.", None),
    ("A spokesman for Mr Prescott said: “We will win the vote today.”", None),
    ("“Failure to comply impedes shareholders,” said SEC deputy enforcement director Linda "
     "Thomsen.", "Linda Thomsen"),
])
def test_quote_attribution_forms(text, speaker):
    [quote] = extract(art(text)).quotes
    assert quote.speaker == speaker


def test_a_quotation_opening_a_paragraph_is_the_last_reported_speakers():
    """BBC and Reuters style: a paragraph reports what someone said, the next
    opens with a quotation credited to no one; it is theirs, unless a credit
    after it names someone else or no one."""
    body = ("Arsenal vice-chairman David Dein spoke in Dubai.\n\nMr Dein said that, although "
            "television money had driven the game, he feared there might now be too many games. "
            "Clubs have seen their income soar.\n\n\"Television has been the driving force over "
            "the past 10 years.\"")
    assert quote_speakers(body) == ["David Dein"]
    body = ("Federal Reserve Board chairman Paul Volcker said rates would stay where they are."
            "\n\n\"It was a definite hint at lower interest rates,\" said one analyst who was "
            "there.")
    [quote] = extract(art(body)).quotes
    assert (quote.speaker, quote.source) == (None, "one analyst")
    # a credit to the same surname the report gave in full
    body = ("The novelist Mario Vargas Llosa said in Houston that the comments were wrong.\n\n"
            "\"He is a clown, but a dangerous clown,\" Vargas Llosa said.")
    assert quote_speakers(body) == ["Mario Vargas Llosa"]
    # a quotation in a sentence that reports what someone said, or opening the
    # sentence after one
    body = ("Another peer, Lord Skidelsky, said not to publish the full legal opinion would "
            "“strengthen the suspicion that the text was different”.")
    assert quote_speakers(body) == ["Skidelsky"]
    body = ("Prime Minister Tony Blair said talking was the only answer. “You've just got to "
            "confront it and say to people look at the facts.”")
    assert quote_speakers(body) == ["Tony Blair"]
    # (but an answer is no question's)
    body = ("So is UKIP's job to destroy the Tories, as former member Robert Kilroy-Silk once "
            "declared? “No. The aim of UKIP is to withdraw from the EU.”")
    assert quote_speakers(body) == [None]
    # a credit to a lone surname: the one reported before by it, else no one
    body = ("Liverpool boss Rafael Benitez spoke. Chief executive Rick Parry said the club was "
            "calm.\n\n“We had told Chelsea he was not for sale,” Parry explained.")
    assert quote_speakers(body) == ["Rick Parry"]
    body = ("Liverpool boss Rafael Benitez spoke on Monday.\n\n“We had told Chelsea he was not "
            "for sale,” Parry explained.")
    assert quote_speakers(body) == [None]
    # a quotation goes on with the last speaker, unless someone else's words
    # are reported between
    body = ("PCS leader Mark Serwotka spoke. “We will fight on and on,” he said. BBC "
            "correspondent Stephen Cape said the unions were “a formidable force, it seems” now.")
    assert quote_speakers(body) == ["Mark Serwotka", "Stephen Cape"]


def test_the_role_or_age_the_article_gave_the_person_last_named():
    """ "the minister said", "added the 30-year-old": the person last named,
    when the article gave them that role (an age fits anyone); not an earlier
    one with that role, nor someone named inside the sentence itself."""
    body = ("Justice Minister Cathy Jamieson has decided to drop the plans. Instead, Ms Jamieson "
            "will change the law.\n\nThe minister said: “Better joint working will help prisons "
            "play a stronger role.”")
    assert quote_speakers(body) == ["Cathy Jamieson"]
    body = ("Hicham El Guerrouj is hungry for more. “If I am to compete, it is only if I can win,” "
            "said the 30-year-old, who is retiring in 2006.")
    assert quote_speakers(body) == ["Hicham El Guerrouj"]
    body = ("He could meet Olympic champion Kenenisa Bekele in March. Britain's Paula Radcliffe has "
            "not ruled it out. “The World Cross Country is a definite possibility,” said the "
            "two-time champion.")
    assert quote_speakers(body) == [None]
    body = ("Spurs boss Martin Jol was pleased. “We had the initiative but it wasn't easy,” the "
            "Dutchman said.")
    assert quote_speakers(body) == ["Martin Jol"]
    body = ("The story was told by Robert Peston. According to Mr Peston the prime minister said: "
            "“Help me to get through the year and I will then stand down.”")
    assert quote_speakers(body) == [None]


def test_he_is_no_one_named_among_examples():
    """ "particularly X", "including X": examples in a clause about someone
    else, not whom the next "he" means."""
    body = ("Sir Alex Ferguson is confident his young players, particularly Wayne Rooney and "
            "Cristiano Ronaldo, are up to the task. “We have an opportunity to win this cup "
            "this year,” he declared.")
    assert quote_speakers(body) == ["Alex Ferguson"]
    body = ("Philippe Saint-Andre fears for the cup after eight players, including fly-half "
            "Charlie Hodgson, were away. “It is a great opportunity,” he added.")
    assert quote_speakers(body) == ["Philippe Saint-Andre"]


def test_she_is_no_one_named_after_a_loss_to_a_rank():
    """ "a loss to world number six Dementieva": an object past the words of a
    rank, not whom the next "she" means."""
    body = ("Justine Henin-Hardenne was speaking after a 6-2 5-7 6-2 loss to world number six "
            "Elena Dementieva in Charleroi. “I have to be positive, I still have a few weeks,” "
            "she said.")
    assert quote_speakers(body) == ["Justine Henin-Hardenne"]


def test_hard_wrapped_wire_copy_reads_across_its_line_breaks():
    """Wire archives break lines at about 70 characters: a name, a place or a
    quotation runs on across a break inside a sentence, and every offset stays."""
    from search.extract import unwrap

    body = ("WASHINGTON, March 3 - - Belgian Foreign Trade Minister Herman\n"
            "De Croo said he believed there would be a compromise within the\n"
            "European Community on its proposed tax on fats, averting a trade\n"
            "response by the United States. \"We will find a way to settle\n"
            "it before April,\" De Croo told reporters in West\nGermany.\n"
            "Shr 1.45 dlrs vs 1.20\nNet 4.5 mln vs 3.9 mln\n")
    assert len(unwrap(body)) == len(body)
    found = extract(art(body))
    assert found.speakers == ("Herman De Croo",)
    assert [q.speaker for q in found.quotes] == ["Herman De Croo"]
    assert "West Germany" in found.places
    assert "Shr 1.45 dlrs vs 1.20\nNet" in unwrap(body)  # (a table's short lines stay)
    bbc = (CORPUS / "bbc" / "politics" / "013.txt").read_text(encoding="latin-1")
    assert unwrap(bbc) == bbc  # (a paragraph a line is no wrapped copy)
    # the first line may be short (what followed the dateline); a firm's place
    # ("Financial Corp of Santa Barbara") is no person
    body = ("Chancellor of the Exchequer Nigel\nLawson's Budget speech was described as sound\n"
            "by analysts. As was widely expected, Lawson split his fiscal adjustment\n"
            "between trimming the borrowing target and cutting income tax, he said.\n"
            "Financial Corp of Santa Barbara said it has signed a definitive agreement\n"
            "to buy the lending operations unit of a mortgage banking company.\n")
    found = extract(art(body))
    assert "Lawson" not in found.places and found.speakers == ("Nigel Lawson",)


def test_a_role_of_two_words_is_the_one_the_article_gave_it_to():
    """ "The Tory leader was asked" stands for the one introduced as "Tory
    leader" though others were named since, and so does a "he" after it; a
    deputy prime minister is no "the prime minister"."""
    body = ("Tory leader Michael Howard has gone on the offensive. Documentary maker Michael "
            "Cockerell was given behind-the-scenes access to Mr Howard for his film portrait. The "
            "Tory leader was asked about immigration.\n\nHe replies: “What is the inference of "
            "that?”")
    assert quote_speakers(body) == ["Michael Howard"]
    assert "Michael Cockerell" not in speakers(body)
    body = ("At a dinner hosted by Deputy Prime Minister John Prescott, Tony Blair spoke. "
            "Later the prime minister said: “A lot of us in politics get angry with journalists.”")
    assert quote_speakers(body) == ["Tony Blair"]


def test_a_named_credit_stays_in_its_paragraph():
    """A hard-wrapped credit on the next line is the quotation's (the seed
    article's "said Nujaifi"); a name after a blank line opens a new sentence."""
    body = ('Douglas Brinkley, a historian, recalled, "Obama said we are going to do this on '
            'climate change, and nothing will stop us"\n\nMr. Obama, who understood that a push '
            'would fail, told his advisers to work.')
    assert quote_speakers(body) == ["Douglas Brinkley"]
    body = ('“Men of Mosul, stand firm in your areas and defend them,”\nsaid Atheel Nujaifi in '
            'a statement.')
    assert quote_speakers(body) == ["Atheel Nujaifi"]


def test_a_party_before_its_spokesmans_role_is_no_speaker():
    found = extract(art("Rhodri Glyn Thomas, Plaid Cymru health spokesman said: “It is exactly "
                        "the same target she set in 1999.”"))
    assert "Plaid Cymru" not in found.speakers
    assert [q.speaker for q in found.quotes] != ["Plaid Cymru"]


def test_a_quoted_sentence_after_an_unclosed_one_opens_a_quotation():
    """BBC style: each quoted sentence opens with a mark, only the last is
    closed, and the credit after it is every sentence's."""
    body = ('Charles Kennedy spoke. "A clear division is emerging in British politics. '
            '"Labour is counting on the politics of fear," he said.')
    found = extract(art(body)).quotes
    assert [(q.text, q.speaker) for q in found] == [
        ("A clear division is emerging in British politics.", "Charles Kennedy"),
        ("Labour is counting on the politics of fear,", "Charles Kennedy")]


def test_find_quotes_handles_curly_and_open_paragraph_quotes():
    text = "He said “this is one” today.\n\"Another runs on\nAnd stops."
    spans = [text[a:b] for a, b in find_quotes(text)]
    assert spans == ["this is one", "Another runs on"]


@pytest.mark.parametrize("body,expected", [
    # a quotation that opens its sentence is the report ending that sentence
    # (the verb first, or the name after a comma); not one after another clause
    ("Teachers are split. “For rank-and-file teachers, he’s saying a lot of the right things” "
     "about fixing inequality, said Marla Kilfoyle, executive director of the group.\n\nA study "
     "found it “a niche idea with little support” for now, and later that week, said Tom Smith, "
     "the plan was dropped.", ["Marla Kilfoyle", None]),
    ("Douglas Holtz-Eakin spoke. ''I have admiration for the mechanics'' of the Clinton "
     "proposals, Mr. Holtz-Eakin said.", ["Douglas Holtz-Eakin"]),
    # a participle of speech after a clause is the clause's subject's
    ("Donald Trump spoke. During a national security speech earlier in the day, Trump attacked "
     "Hillary Clinton for her support of military action in Iraq and Libya, saying, \"She is "
     "trigger-happy and very unstable.\" Lindsay Davenport paid tribute to Serena Williams, "
     "saying: “She has come back like a champion.”", ["Donald Trump", "Lindsay Davenport"]),
    # a person named after "fellow" or "rival" is an object no "he" stands for
    ("Donald Trump spoke. Trump also took multiple swipes at fellow GOP contender Jeb Bush. "
     "“Everybody is laughing at Jeb Bush, a pathetic figure!” he wrote.", ["Donald Trump"]),
    # a long appositive between a credit and its verb, with the stops of initials
    ("''Their strategy is very clear,'' Michael McFaul, a senior fellow at the Hoover "
     "Institution and a former United States ambassador to Russia, said. “Worthy but boring,” "
     "Peter Fellner, U.K. Economist at stockbrokers James Capel and Co, said.",
     ["Michael McFaul", "Peter Fellner"]),
    # "he said" after a quotation is the one whose report is the sentence before,
    # not someone named inside that report; not across other sentences
    ("Sir Archy Kirkwood, who chairs the committee, said that when Alan Johnson had announced "
     "Doug Smith was going he got the clear impression the chief was retiring. “When Mr Smith "
     "came to give evidence, we were led to believe he was going,” he said.",
     ["Archy Kirkwood"]),
    ("Richard Gere said it was crazy. British actor Clive Owen is hoping to repeat his success. "
     "He raised the biggest cheer of the night. “I was always a huge fan of Closer as a play,” "
     "he said.", ["Clive Owen"]),
    # a thing's name after "the newly created" is no "she"
    ("Dina Mehta is helping with the newly created South East Asia Earthquake and Tsunami Blog. "
     "She says: “What we're doing is we're building a resource.”", ["Dina Mehta"]),
    # a name in an aside between dashes is no "he"
    ("Mark Lewis-Francis will take on another member of the relay team - Jason Gardener - over "
     "60m. He added: “It's a bit too early to make any predictions.”", ["Mark Lewis-Francis"]),
    # a capitalised "She said" after a quotation that ends its sentence opens the
    # next sentence: the introduction before the quotation says whose it is
    ("Theresa May said the Conservatives would act. Liberal Democrat spokeswoman for women "
     "Sandra Gidley said: “While mothers would welcome extra pay, this money is misdirected.” "
     "She said her party would boost maternity pay.", ["Sandra Gidley"]),
    # an owner's spokesman is an unnamed source, no words of the owner's
    ("Prime Minister Tony Blair spoke. Prime Minister Tony Blair's official spokesman said: "
     "“There are British nationals in Ivory Coast and we are making plans.”", [None]),
    # a surname that is also a title resolves to its full name (alone, to no one)
    ("In a statement released by Post Editor-in-Chief Martin Baron, details were discussed. "
     "“Donald Trump is a candidate unlike any we have seen,” said Baron.", ["Martin Baron"]),
    ("“It is over, and we are all going home,” said Baron. The judge agreed.", [None]),
    # a name after the sentence before's last word ("to Labour.") is no object of
    # that word's "to": "he" is Mr Howard, not the one his quotation names
    ("Mr Howard shrugged off the defection of Robert Jackson, a former minister, to Labour. Mr "
     "Howard said that these things happened. \"Let's be realistic - the election is not going "
     "to be decided on what Mr Jackson did\", he told BBC 1's Breakfast with Frost.",
     ["Howard"]),
    # an introduction with an appositive ("X, chief economist at Y, said"), and "as X put it"
    ("Robin Marshall, chief economist at Chase Manhattan Securities, said \"There is another "
     "half point to come.\" As Akhil Amar, professor of law at Yale, put it, \"Senate "
     "Republicans should remember that.\" Bob Smith put it on the table.",
     ["Robin Marshall", "Akhil Amar"]),
    # a colon's introduction past an appositive or capitalised words ("later Thursday
    # told Fox News:")
    ("Ken Sena spoke. Mark Mahaney, technology analyst at RBC Capital Markets, agreed: ''They've "
     "got a great brand.'' Reince Priebus spoke. Priebus later Thursday told Fox News: “Both "
     "men are meeting up next week.”", ["Mark Mahaney", "Reince Priebus"]),
    # a role's holder named after it between commas ("The charity's director, Barbara
    # Stocking, said:"), past roles alone ("Acting Detective Chief Superintendent")
    ("The charity's director, Barbara Stocking, said: “2005 offers the chance.” The head of "
     "the NHTCU, Acting Detective Chief Superintendent, Mick Deats, said: “This investigation "
     "has resulted in disruption.” Chief Supt Deats went on to warn: “The internet offers "
     "huge benefits.”", ["Barbara Stocking", "Mick Deats", "Mick Deats"]),
    # the present tense of features ("points out", "predicts", "concedes")
    ("Holmes trains hard. “It takes real desire,” points out BBC pundit Steve Cram. Craig "
     "Prater predicts it will grow. “It's grown awfully fast,” he concedes.",
     ["Steve Cram", "Craig Prater"]),
    # "is reported as saying" after a quotation credits it
    ("Mitchell Kapor warned of lawsuits. Dr Jeremy Philpott spoke too. \"Of course they're "
     "going to unleash the WMDs,\" Mr Kapor is reported as saying.", ["Mitchell Kapor"]),
])
def test_quote_speakers_in_order(body, expected):
    assert quote_speakers(body) == expected


def test_an_owners_spokesman_is_a_source():
    body = ("Prime Minister Tony Blair spoke. Prime Minister Tony Blair's official spokesman "
            "said: “There are British nationals in Ivory Coast and we are making plans.”")
    found = extract(art(body))
    assert found.sources == ("Prime Minister Tony Blair's official spokesman",)
    assert "Tony Blair" not in found.speakers


def test_an_unnamed_source_introducing_a_quotation_is_its_source():
    body = ("Mike Nattrass said: “The EU benefits Germany.” A UKIP spokesman said: “Mike has some "
            "passionate beliefs.” The minister met them. One resident told AFP: “There are no "
            "police in the city.” A spokesman for Tony Blair said: “We are making plans here.”")
    found = extract(art(body))
    assert [(q.speaker, q.source) for q in found.quotes] == [
        ("Mike Nattrass", None), (None, "a UKIP spokesman"), (None, "one resident"),
        (None, "a spokesman for Tony Blair")]


def test_mixed_quotation_marks_close_at_the_nearer_closing_mark():
    body = ('Democratic Gov. Andy Beshear won. “This was our victory. It sends a loud, clear '
            'message," Beshear said to a crowd. "A message that candidates should run for '
            'something,” he said. “It is 6\'2" tall,” he added.')
    spans = [body[a:b] for a, b in find_quotes(body)]
    assert spans == ["This was our victory. It sends a loud, clear message,",
                     "A message that candidates should run for something,", "It is 6'2\" tall,"]
    assert quote_speakers(body) == ["Andy Beshear"] * 3


def test_wire_double_quotes_and_description_first_attributions():
    """'' is the double quote of the New York Times archive; "the spokesman,
    Name, said" puts the description before the name; a personal title makes
    a person of a town's name ("Ms. Gao", not Gao in Mali)."""
    body = ("''It is over,'' the White House spokesman, Josh Earnest, said on Thursday. "
            "''We should act now,'' Ms. Gao said by telephone.")
    found = extract(art(body))
    assert [(q.speaker, q.text) for q in found.quotes] == [
        ("Josh Earnest", "It is over,"), ("Gao", "We should act now,")]
    assert "Gao" not in found.places


def test_quote_introduced_by_its_speaker_sentence():
    """ "X told his supporters, “...”": the sentence's subject said it."""
    body = ("Ben Carson did not name his rivals. Ben Carson told his supporters, “We will win "
            "this together.” Hillary Clinton posted a comment of her own, saying, “We are so "
            "excited for you.”")
    assert quote_speakers(body) == ["Ben Carson", "Hillary Clinton"]


def test_quote_speakers_by_their_fullest_name_and_pronoun_introductions():
    """ "Name, who ..., said: “...”", "He said: “...”" after a new person, and the
    quote's speaker by the fullest name the article gives."""
    body = ("Jeff Evans said: “In Wales the civil service is a major employer.” Piers Freelove is "
            "an officer on the picket line. He said: “The majority of people stayed away.” Hugh "
            "Lanning, who was on the same picket line, said: “We want them to negotiate now.” "
            "“It is bad for savers,” said Carlos Baez Silva. Baez Silva said: “Banks are not "
            "trusted by anyone.”")
    assert quote_speakers(body) == [
        "Jeff Evans", "Piers Freelove", "Hugh Lanning", "Carlos Baez Silva", "Carlos Baez Silva"]


def test_he_and_she_mean_the_person_last_named_by_surname_too_and_of_that_gender():
    """News names a person in full once, then by surname: "he said" means the
    last-named person of either kind, and "she" is not a James (the McIlroy
    report of the BBC corpus, where "He admitted:" went to a rival named in
    passing)."""
    body = ("James McIlroy is confident. Russian Dmitriy Bogdanov won last week, ahead of "
            "Antonio Reina of Spain, but McIlroy is unfazed. He admitted: “He looked quite good "
            "in his win.” Coach Ann Lester met Tom Black on Monday. “We are ready for this,” "
            "she said.")
    x = extract(art(body))
    assert [q.speaker for q in x.quotes] == ["James McIlroy", "Ann Lester"]
    assert "Antonio Reina" not in x.speakers and "Tom Black" not in x.speakers
    # a surname two people share is the one of them that fits, or no one
    said = [q.speaker for q in extract(art(
        "Michael Jackson and Katherine Jackson arrived. Tom Lee left. Jackson waved. “It was a "
        "lovely day for all of us,” he said. Jackson smiled. “I am so proud,” she said.")).quotes]
    assert said == ["Michael Jackson", "Katherine Jackson"]
    said = [q.speaker for q in extract(art(
        "David Miliband and Ed Miliband spoke. Tom Lee left. Miliband smiled. “It was a "
        "lovely day for all of us,” he said.")).quotes]
    assert said == [None]


def test_he_is_not_a_person_named_as_an_object_and_may_be_a_titled_surname():
    """ "kind words for Donald Trump. ... he said" is not Trump (a name after a
    preposition or a verb done to someone is an object); "Mr. Band asked her
    to call Mr. Chagoury. ... he wrote" is Band, whom the article never names
    in full (the New York Times's style), and "Ms." is no "he"."""
    body = ("Glenn Beck spoke on Monday. Beck did not have kind words for Donald Trump. In a "
            "speech last July, he said: “Donald Trump is a cancer on conservatism.”")
    assert quote_speakers(body) == ["Glenn Beck"]
    body = ("Huma Abedin met Gilbert Chagoury. Mr. Band asked Ms. Mills to call Mr. Chagoury. "
            "“This is very important,” he wrote. Ms. Mills agreed. “We will do it today,” he "
            "added.")
    assert quote_speakers(body) == ["Band", "Band"]
    # nor is "he" a name a quotation holds, or an owner's
    body = ("Donald Trump posted late on Sunday. “Everybody is laughing at Jeb Bush, a pathetic "
            "figure!” was the post. Anderson Cooper’s questions came next. Later he said the "
            "race was over.")
    assert speakers(body) == ["Donald Trump"]
    # nor one of several names after a preposition
    body = ("Alan Milburn spoke. He sought to end reports of a feud between Gordon Brown and "
            "Prime Minister Tony Blair. He stressed that Mr Brown would play the same role.")
    assert speakers(body) == ["Alan Milburn"]
    # nor the subject of what someone says: a later "he said" is still the
    # speaker's (but "..., said Mr Dein on Monday" names the speaker)
    body = ("Lib Dem leader Charles Kennedy spoke to Tony Blair. But he said Mr Blair had lost "
            "the trust of voters. “There is a fundamental lack of trust in him,” he said.")
    assert quote_speakers(body) == ["Charles Kennedy"]
    # a name after a clause's comma is no object ("on the subject of Mr
    # Kilroy-Silk, Mr Morris despatches him"), but one in a list is
    body = ("UKIP adviser Dick Morris met Robert Kilroy-Silk. And, on the subject of Mr "
            "Kilroy-Silk, Mr Morris despatches him. “Look, we are not going to win,” he said.")
    assert quote_speakers(body) == ["Dick Morris"]
    body = ("Hilary Swank won, beating stars including Annette Bening, Kate Winslet and Imelda "
            "Staunton. “I don't know what I did to deserve this,” she told the audience.")
    assert quote_speakers(body) == ["Hilary Swank"]
    # nor one after a verb done to someone and a hyphenated role
    body = ("Peng Shuai accused Chinese former vice-premier Zhang Gaoli of assault in a post. She "
            "later said the post was a misunderstanding.")
    assert speakers(body) == ["Peng Shuai"]
    # nor a name after an article: a thing's ("an Alan Shearer strike")
    body = ("Newcastle manager Graeme Souness was pleased. An own goal followed by an Alan "
            "Shearer strike earned them a win. “It gave us a great advantage,” he said.")
    assert quote_speakers(body) == ["Graeme Souness"]
    # a peer's title is no given name: "Baron Kinnock" is Neil Kinnock (but
    # "Sacha Baron Cohen" keeps his name)
    body = ("Former Labour leader Neil Kinnock has been made a life peer. He will be known as "
            "Baron Kinnock of Bedwellty. “I accepted the kind invitation to enter the House,” he "
            "said. Sacha Baron Cohen said he was pleased.")
    assert quote_speakers(body) == ["Neil Kinnock"]
    assert speakers(body) == ["Neil Kinnock", "Sacha Baron Cohen"]
    # nor one named as an example ("such as")
    body = ("Prop Julian White spoke. He offers his experience to youngsters such as centres "
            "Matthew Tait and Jamie Noon. “I don't know how much a tight-head can give,” he added.")
    assert quote_speakers(body) == ["Julian White"]
    # nor one someone unnamed has spoken after
    body = ("Deputy Prime Minister John Prescott held a private meeting. Our correspondent said "
            "that he understood no deal had been offered, and there was room for talks, he added.")
    assert speakers(body) == []
    body = ("Lib Dem leader Charles Kennedy spoke. “We will win,” said Arsenal vice-chairman "
            "David Dein on Monday. “There is a fundamental lack of trust in him,” he said.")
    assert quote_speakers(body) == ["David Dein", "David Dein"]


def test_extraction_does_not_depend_on_the_hash_seed():
    """Two full names a surname could mean: the first mentioned wins, in every
    process (string hashing, and so set order, changes from one to the next)."""
    import subprocess
    import sys

    from .conftest import ROOT

    code = ("from search.extract import extract; from search.model import Article\n"
            "b = 'Manuel Contepomi and Felipe Contepomi played. \"We were close,\" said Contepomi.'\n"
            "print(extract(Article(id='t', path='t', title='', body=b)).quotes[0].speaker)")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip()
            for seed in range(6)}
    assert seen == {"Manuel Contepomi"}


def test_find_places_offsets_point_at_the_text():
    text = "Fighting spread from Mosul to Fallujah."
    for s, e, name in find_places(text):
        assert text[s:e] == name


def test_speaker_and_place_field_queries_find_the_seed(corpus_index, cli):
    for q in ("speaker:nujaifi", "place:fallujah", 'speaker:"atheel nujaifi"'):
        data = cli.json("query", q, "--index", corpus_index, "--json")
        assert data["hits"] and data["hits"][0]["title"] == "Mosul map", q
    data = cli.json("query", "state", "of", "emergency", "--place", "Fallujah",
                    "--index", corpus_index, "--json")
    assert [h["title"] for h in data["hits"]] == ["Mosul map"]
    assert "Atheel Nujaifi" in data["hits"][0]["speakers"]


def test_extract_command_json(cli):
    data = cli.json("extract", str(SEED), "--json")
    [row] = data
    assert set(row) >= {"path", "id", "title", "date", "speakers", "places", "quotes"}
    assert "Atheel Nujaifi" in row["speakers"]
    assert any(q["speaker"] == "Atheel Nujaifi" for q in row["quotes"])


def test_window_scans_agree_with_the_regexes_they_replace():
    """find_places reads the word before a place by walking back from its end,
    and _attribute tries a pattern only when its window ends the way the
    pattern must: on every window of 200 real articles (and odd strings) the
    answers are the regexes' own."""
    import re

    from search import extract as x
    from search import places

    last_word = re.compile(r"([\w’'-]+)(\W*)$")
    opens = re.compile(r"(?:^|[.!?:\"“”\n])\s*$")
    bodies = [a.body for src in list(discover([CORPUS]))[:200] for a in read_articles(src)]
    windows = [b[max(0, i - 139):i] for b in bodies for i in range(0, len(b), 11)]
    windows += ["", " ", "’", "-- ", "x’ -", "Smith’s (", "end.\n  ", "\n", "it - ’s ", "_a_ "]
    for w in windows:
        m = last_word.search(w[-40:])
        assert places._prev_word(w[-40:]) == (m and (m.group(1), m.group(2), m.start())), repr(w)
        assert places._starts_sentence(w) == bool(opens.search(w)), repr(w)
        last = w.rstrip()[-1:]
        if x._BEFORE_NAME_COLON.search(w):
            assert last == ":"
        if x._BEFORE_NAME_SAID.search(w):
            assert x._ends_with_verb(w.rstrip())
        if x._NAME_CLAUSE_VERB.search(w) or x._SUBJECT_INTRO.search(w) or x._PRONOUN_INTRO.search(w):
            assert last in (",", ":")
    assert any(x._BEFORE_NAME_SAID.search(w) for w in windows)  # the checks were exercised


def test_whole_text_scans_agree_with_the_regexes_they_replace():
    """Speech verbs, sports words, "town of X", "in X town" and "the book X"
    are found with Aho-Corasick, "in X, Y" from its comma, full names with a
    capital-led pattern, datelines at line starts, quotation marks by one scan,
    and names before a verb from the clause's start: on every BBC article of
    the corpus (and odd strings) they find what the plain regexes find."""
    import re

    from search import extract as x
    from search import places

    def words_re(words):
        return re.compile(rf"\b(?:{x.trie_pattern(words)})\b")

    verbs = words_re(x.SPEECH_VERBS.split("|") + list(x._PARTICIPLES) + list(x._WILL_VERBS))
    sport = words_re(places.SPORT_WORDS)
    town_of = re.compile(rf"\b(?:{x.trie_pattern(places._TOWN_WORDS)})\s+of\s+{places._TOWN}\b")
    work_title = re.compile(rf"\b(?:{x.trie_pattern(places._WORKS)})\b{places._TITLE_AFTER.pattern}")
    in_town = re.compile(rf"\b(?:in|at|near|outside|from|into)\s+(?:the\s+)?{places._TOWN}\s+"
                         rf"(?:{x.trie_pattern(places._TOWN_WORDS)})\b")
    town_in = re.compile(rf"\b(?:in|at|near|outside|over|from|to)\s+{places._TOWN}\s*,\s+"
                         r"([A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)")
    odd = ["Chas said it, unsaid, has said", "the city ofMosul, in Ur, Iraq", "xAB Cd Ef",
           'He said "open\nand \'\'shut\'\' 6\'2" tall “to the end', "LONDON (Reuters) - ",
           "iPhone Xs Max", "’Tom Lee said", "in  Lyon Paris, France in Ab Cd Ef, Gh",
           "al-Maliki Nuri Said", "fly-half semi-finals goal_ goals", "at Ham , Kent"]
    texts = [a.body for src in discover([CORPUS]) for a in read_articles(src)] + odd
    capital_led = 0
    for t in texts:
        assert x._verb_finder().find(t) == [(m.start(), m.end(), m[0]) for m in verbs.finditer(t)]
        low = t.lower()
        assert {w for _s, _e, w in places._sport_finder().find(low)} == set(sport.findall(low))
        assert places.towns_of(t) == [m[1] for m in town_of.finditer(t)], t[:80]
        assert places.towns_in(t) == [(m[1], m[2]) for m in town_in.finditer(t)], t[:80]
        assert places.towns_before(t) == [m[1] for m in in_town.finditer(t)], t[:80]
        assert places.work_titles(t) == [m.span(1) for m in work_title.finditer(t)], t[:80]
        assert [m.span() for m in x._full_names(t)] == \
            [m.span() for m in x._FULL_NAME_RE.finditer(t)], t[:80]
        capital_led += not x.lower_led(t)
        assert [m.span() for m in places._datelines(t)] == \
            [m.span() for m in places._DATELINE.finditer(t)], t[:80]
        assert x.find_quotes(t) == _quotes_by_paragraph(t), t[:80]
        for v_start, _e, _w in x._verb_finder().find(t):
            # the search before a verb starts where the clause can: the same match
            window = t[max(0, v_start - 170):v_start]
            first = x._CAPITAL.search(window)
            if first is not None:
                later = x._CAPITAL.search(window, x._clause_start(window))
                old = x._NAME_BEFORE.search(window, first.start())
                new = later and x._NAME_BEFORE.search(window, later.start())
                assert (old and old.span()) == (new and new.span()), window
    assert capital_led > 2000  # the fast path was the one tested


def _quotes_by_paragraph(text):
    """find_quotes as it was written first, a search per paragraph (with the
    rules added since: a straight mark between a space and a letter reopens;
    mixed marks close at the nearer closing mark)."""
    from search import extract as x

    spans, pos = [], 0
    for para in text.split("\n"):
        i = 0
        while (m := x._QUOTE_MARK.search(para, i)) is not None:
            i = m.start()
            if para[i] == '"' and i and para[i - 1].isalnum():
                i += 1
                continue
            mark = m.group(0)
            close = para.find(x._CLOSING[mark], i + len(mark))
            if mark in x._MIXED_CLOSING:
                other = para.find(x._MIXED_CLOSING[mark], i + 1, len(para) if close == -1 else close)
                if other != -1 and (mark == '"' or (
                        para[other - 1] not in " \t" and not para[other - 1].isdigit()  # (6'2")
                        and not para[other + 1:other + 2].isalnum())):
                    close = other
            end = close if close != -1 else len(para)
            if end - i > len(mark):
                spans.append((pos + i + len(mark), pos + end))
            reopens = (close != -1 and mark == '"' and para[close - 1].isspace()
                       and close + 1 < len(para) and para[close + 1].isalpha())
            i = close if reopens else end + len(mark)
        pos += len(para) + 1
    return spans


def test_gazetteer_cache_keeps_only_the_newest_versions(tmp_path, monkeypatch):
    import search.gazetteer as g
    from search.places import find_places

    folder = tmp_path / "newsearch"
    folder.mkdir()
    for i in range(6):  # caches of six older extractor versions
        old = folder / f"gazetteer-old{i}.pickle"
        old.write_bytes(b"stale")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    g._data.cache_clear()
    try:
        assert "Mosul" in [p for _, _, p in find_places("fighting in Mosul")]
    finally:
        g._data.cache_clear()
    kept = {p.name for p in folder.iterdir()}
    new = f"gazetteer-{g.extractor_version()}.pickle"
    assert kept == {new} | {f"gazetteer-old{i}.pickle" for i in (3, 4, 5)}


def test_the_hand_annotated_bbc_articles_stay_well_read():
    """The 65 BBC articles of corpus/ annotated by hand (tests/bench/gold, both
    splits): places and speakers at least this well read, document by document
    (0.945 and 0.923 when this floor was set), so a rule that helps one
    article cannot quietly cost many."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "bench"))
    import eval_extraction

    full, _surname, places = eval_extraction.eval_hand("all", "corpus")
    assert places[3] >= 180 and full[3] >= 85  # (the gold items scored)
    assert places[2] >= 0.92, places
    assert full[2] >= 0.90, full


def test_a_person_who_owns_a_work_is_named_and_no_place():
    """ "Clint Eastwood's Million Dollar Baby" names Eastwood (so "Eastwood's
    boxing drama" is the man, not the town), and "Philip Pullman's His Dark
    Materials" gives "Pullman" his full name."""
    found = extract(art("The night may belong to Clint Eastwood's Million Dollar Baby. Eastwood's "
                        "boxing drama is the favourite, Eastwood said it was a wonderful ride."))
    assert found.speakers == ("Clint Eastwood",) and "Eastwood" not in found.places


def test_a_title_picks_the_man_or_the_woman_of_a_shared_surname():
    found = extract(art("Tony Blair met the press. Philippe Sands, of Cherie Blair's chambers, "
                        "wrote a book. \"I have nothing to add,\" Mr Blair said. \"We are very "
                        "proud of him,\" Mrs Blair said."))
    assert [q.speaker for q in found.quotes] == ["Tony Blair", "Cherie Blair"]


def test_a_place_adjective_or_a_groups_name_is_no_one_a_he_stands_for():
    found = extract(art("\"It was close,\" said Rep. Beto O'Rourke, whose El Paso-based district "
                        "went for her. \"In El Paso, she crushed him,\" he said."))
    assert found.speakers == ("Beto O'Rourke",)
    assert [q.speaker for q in found.quotes] == ["Beto O'Rourke"] * 2
    found = extract(art("Officials said a terrorist group known as Ansar al-Sharia was involved, "
                        "but he said he played no role."))
    assert "Ansar al-Sharia" not in found.speakers


def test_someone_a_speaker_thinks_or_describes_is_no_one_a_later_he_stands_for():
    """ "he does believe McConnell is correct": McConnell is what Ryan thinks
    of, so the next "he said" is Ryan's; "He said his new adviser, Frank
    Carlucci, was rebuilding" describes Carlucci, who says nothing."""
    found = extract(art("House Speaker Paul Ryan said the victims need their day in court and he "
                        "does believe McConnell is correct. \"I do think the votes are there,\" he "
                        "said. Senate leader Mitch McConnell agreed."))
    assert found.quotes[0].speaker == "Paul Ryan"
    found = extract(art("President Reagan spoke. He said his new national security adviser, Frank "
                        "Carlucci, was rebuilding the staff. \"No ifs, ands, or buts,\" he said."))
    assert "Frank Carlucci" not in found.speakers
    assert found.quotes[0].speaker != "Frank Carlucci"


def test_a_firm_is_neither_a_speaker_nor_a_quotations_speaker():
    body = ("NEC Corp may act against <Seiko Epson Corp>'s new computer series, an NEC official "
            "said.\n\nA Seiko Epson official said the series does not infringe. He said the "
            "company intends to go ahead.\n\nA Seiko Epson official said of the new machine, "
            "\"It's compatible with NEC's machine, so it appears similar.\"")
    found = extract(art(body))
    assert "Seiko Epson" not in found.speakers
    assert [q.speaker for q in found.quotes] == [None]
    # a firm based somewhere
    found = extract(art("Frankfurt-based Deutsche Boerse has offered £1.3bn for the exchange. "
                        "Deutsche Boerse said it would lift its dividend."))
    assert found.speakers == ()
    assert speakers('"Carson is cratering," Texas-based Matt Mackowiak said.') == ["Matt Mackowiak"]
    # a broking firm after "brokers" (a broker is a person)
    found = extract(art("Richard Jeffrey of brokers Hoare Govett said it was a sound budget. "
                        "Bombay broker Dinesh Walji said selling would slow."))
    assert found.speakers == ("Richard Jeffrey", "Dinesh Walji")


def test_a_quotation_after_a_report_is_the_reporters_though_a_new_sentence_credits_another():
    """The quotation follows "He said ... he hoped ..." and ends its sentence:
    "But a UKIP spokesman said that ..." after it is the next sentence's
    report, no credit of the quotation."""
    body = ("Robert Kilroy-Silk resigned the party whip in October. He said on Friday he hoped to "
            "be elected party leader before Christmas. \"I think that is sufficient time for us to "
            "put in process what is necessary.\" But a UKIP spokesman said that would be "
            "impossible.")
    assert quote_speakers(body) == ["Robert Kilroy-Silk"]
    # (a credit that ends its own sentence is the quotation's: '“...” said one banker.')
    assert quote_speakers("Robert Kilroy-Silk spoke on Friday. \"It will not happen in time.\" "
                          "said one banker.") == [None]


def test_someone_asked_answers_the_quotation_after_the_question():
    body = ("Dr Liam Fox is the party's co-chairman. Dr Fox was asked if he would say yes or no "
            "if Lord Archer applied to rejoin. \"I'm sure that we would look at that "
            "sympathetically.\"\n\nWheelchair user Kevin Donnellon was asked: \"Why on earth do "
            "you want our elected representatives to be disabled?\"")
    assert quote_speakers(body) == ["Liam Fox", None]


def test_a_name_and_the_same_with_middle_names_are_one_speaker():
    found = extract(art("Hillary Rodham Clinton said the attacks were a test. Hillary Clinton's "
                        "aides said she would speak. Mrs. Clinton said: \"We will not waver.\""))
    assert found.speakers == ("Hillary Rodham Clinton",)
    assert [q.speaker for q in found.quotes] == ["Hillary Rodham Clinton"]


def test_a_surname_the_body_never_gives_in_full_takes_the_titles_full_name():
    found = extract(art("“He started his business with $14 million borrowed from his father,” "
                        "Clinton said.", title="Hillary Clinton goes after Trump as a fraud"))
    assert found.speakers == ("Hillary Clinton",)
    assert [q.speaker for q in found.quotes] == ["Hillary Clinton"]
    # (not a title's capitalised words: "The Aldi", "In Quixote")
    assert extract(art("Aldi said sales rose.", title="The Aldi Effect")).speakers == ()
