"""Extraction on news articles from any outlet: each class of error found on real pages, on sentences we wrote.

An article is read as one discourse (extract_document): its paragraphs in order, its headline first.
"""
import pytest

from claims.extraction import Gazetteer, PassageText, extract_document
from claims.extraction.statement import readable_statement
from tests.extraction.conftest import PUBLISHED, extract, only_claim


def article(*paragraphs, title=None, publisher=None):
    """Every claim of an article, headline first, as (actor name or None, mention, claim)."""
    extraction = extract_document(
        [PassageText(text, None, PUBLISHED) for text in paragraphs], title=title, publisher=publisher,
    )
    return [claim for passage in (extraction.headline, *extraction.passages) for claim in passage.claims]


def speakers(*paragraphs, **options):
    return [(claim.actor.name if claim.actor else None) for claim in article(*paragraphs, **options)]


# 1. Pronouns and descriptions --------------------------------------------------------------------


def test_he_refers_back_across_paragraphs_of_an_article():
    assert speakers(
        "Harbour master Olek Varga said the pier had been closed since Monday.",
        "Engineers were inspecting the damage on Tuesday.",
        "He said repairs would take 3 weeks.",
    ) == ["Olek Varga", "Olek Varga"]


def test_he_and_she_follow_gender_not_only_recency():
    claims = article(
        "Sir Anton Bell said the budget had 4 gaps. Lady Bell, his wife, attended the dinner.",
        "He said the gifts had been declared.",
    )
    assert [claim.actor.name for claim in claims] == ["Anton Bell", "Anton Bell"]
    claims = article("Mayor Ruth Okafor said 9 roads were shut. Her deputy Tom Reyes agreed.", "She said 2 would reopen.")
    assert claims[-1].actor.name == "Ruth Okafor"


def test_she_in_a_clause_after_when_is_the_person_that_clause_names():
    claims = article(
        "Lecturer Maria Stone said fees had risen.",
        "When Jane Roe was five months pregnant, she posted in a forum that she had found no nursery.",
    )
    assert claims[-1].actor.name == "Jane Roe"


def test_he_is_the_person_the_text_is_about_not_the_one_last_mentioned():
    claims = article(
        "Premier Idris Kaya said his minister, Alan Moss, had warned him that exports fell.",
        "He also said 6 factories had closed.",
    )
    assert claims[-1].actor.name == "Idris Kaya"


def test_a_bare_role_with_no_one_of_that_role_before_is_a_new_actor():
    claims = article(
        "Neighbour Ada Kline said the smell was strong.",
        "The officer said he knocked on the door for 10 minutes.",
    )
    assert claims[-1].actor.name != "Ada Kline" and "officer" in claims[-1].actor.name.lower()


def test_the_statement_speaks_for_its_issuer():
    claims = article(
        "The Karsk foreign ministry issued a statement on Friday.",
        "The statement said the envoy had been summoned. It said 3 diplomats would leave.",
    )
    assert [claim.actor.name for claim in claims] == ["Karsk foreign ministry", "Karsk foreign ministry"]


def test_a_quantifier_is_no_actor():
    claim = only_claim("Several of the experts who reviewed the file said the tank fired twice.")
    assert claim.actor.name.lower() == "experts"


# 2. Generic names are not one country's ------------------------------------------------------------


def test_two_sides_defence_ministries_stay_apart_and_belong_to_no_listed_country():
    claims = article(
        "Veldora's defence ministry said it shot down 12 of 15 drones launched from Karsk overnight.",
        "Karsk's defence ministry said its forces hit 2 depots.",
    )
    names = [claim.actor.name for claim in claims]
    assert names[0] != names[1]
    assert all("Russia" not in name and "Ukrain" not in name for name in names)
    assert "Veldora" in names[0] and "Karsk" in names[1]


def test_a_possessive_or_adjectival_country_decides_the_ministry():
    assert only_claim("Ukraine's defence ministry said 8 drones were downed.").actor.name == "Ukrainian Defense Ministry"
    assert only_claim("The Russian Defence Ministry said 8 drones were downed.").actor.name == "Russian Defense Ministry"


def test_a_bare_generic_name_takes_the_country_in_context_else_stays_as_written():
    claims = article("Russia launched 40 drones overnight, Ukraine's air force said.", "The Defence Ministry said 3 were shot down over Kursk.")
    assert claims[-1].actor.country is not None
    alone = only_claim("The Defence Ministry said 3 drones were shot down.")
    assert alone.actor.name == "Defence Ministry" and not alone.actor.known


def test_countries_are_governments_not_people():
    claim = only_claim("Eritrea said 3 camps were closed.")
    assert (claim.actor.name, claim.actor.kind) == ("Eritrea", "government")
    assert only_claim("Kyiv said 2 bridges were hit.").actor.kind == "government"


# 3. Names and titles ----------------------------------------------------------------------------------


def test_titles_and_a_place_after_the_name_are_not_the_name():
    assert only_claim("Sir Anton Bell said the rules were followed.").actor.name == "Anton Bell"
    assert only_claim("Senate Minority Leader Dana Ruiz of Springfield said 40 schools would close.").actor.name == "Dana Ruiz"


def test_a_misspelt_surname_is_the_person_of_the_same_article():
    claims = article("Lt. Gen. Omar Rashidi said 4 posts were hit.", "Rashidy says that retaliation is under way.")
    assert [claim.actor.name for claim in claims] == ["Omar Rashidi", "Omar Rashidi"]


def test_said_then_a_name_after_a_quote_names_the_speaker():
    claim = only_claim('Kaya is seen as a "hard-liner" even within the party, said Lena Holt, senior fellow at the Nordby Institute.')
    assert claim.actor.name == "Lena Holt"


def test_a_name_with_a_description_and_an_age_before_the_cue():
    claim = only_claim("One of the protesters, Hal Green, 42, a lecturer from Dunmore, said: \"We could not wait any longer.\"")
    assert claim.actor.name == "Hal Green"
    claim = only_claim("Fellow protester Ian Voss, 60, from Hollin, Westshire, said the town had flooded 3 times.")
    assert claim.actor.name == "Ian Voss"


def test_coordinated_sources_give_each_its_claim_or_the_one_named():
    claims = extract("Police and residents said the aircraft fell before dawn.").claims
    assert [claim.actor_mention for claim in claims] == ["Police", "residents"]
    claim = only_claim("The official and others say the plant was hit 3 times.")
    assert claim.actor_mention == "The official"
    claim = only_claim("Exports fell 4%, according to the Council for Trade and Industry Research.")
    assert claim.actor.name == "Council for Trade and Industry Research"


def test_a_think_tank_described_after_its_name():
    assert only_claim("ISW, a Washington-based think tank, said Russian forces advanced 3 km.").actor.name.startswith("Institute")


# 4. Cue words and forms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor declared that 3 districts were without power.",
        "The survivor recounted that 12 people were held in the cellar.",
        "The engineer testified that 2 valves had failed.",
        "The general acknowledged that 5 soldiers were missing.",
        "The minister admitted that 2 contracts were never signed.",
        "The regulator concluded that 4 reactors were safe.",
        "The former officer recalled that 10 minutes passed before anyone answered.",
    ],
)
def test_more_cue_verbs(sentence):
    assert only_claim(sentence).cue


def test_according_to_anywhere_in_a_long_sentence_and_to_any_source():
    claim = only_claim("The talks come as the war has killed more than 39,000 people, according to local health tallies.")
    assert claim.actor_mention == "local health tallies" and [q.value for q in claim.quantities] == [39000]
    claim = only_claim("He enrolled in 2020, according to his LinkedIn page.")
    assert claim.kind == "fact"


def test_a_quote_over_several_sentences_belongs_to_its_speaker_and_its_relay():
    claims = article(
        'Ada Kline told the Dunmore Gazette: "I kept calling the city. Nobody came for 3 days."',
        '"It was a nightmare," she said.',
    )
    assert [claim.actor.name for claim in claims] == ["Ada Kline"] * len(claims) and len(claims) == 3
    assert all(claim.via and claim.via.name == "Dunmore Gazette" for claim in claims[:2])


def test_a_cue_closing_a_paragraph_covers_the_sentence_before_it():
    claims = article("About 30 seconds later there was a burst of 25 shots. Then came 3 single shots, the institute said.")
    assert len(claims) == 2 and claims[0].rule == "paragraph_cue"


# 5. Headlines and page furniture --------------------------------------------------------------------


def test_headline_sources_at_the_end():
    claims = article("Governor Lena Marr said two people died in Ambry.", title="Two killed in shelling of Ambry, says governor")
    assert claims[0].cue == "headline" and claims[0].actor.name == "Lena Marr"
    claims = article("Regional governor Tomas Brek said four people were killed.", title="Several killed in shelling of Ambry: Region's governor")
    assert claims[0].cue == "headline" and claims[0].text == "Several killed in shelling of Ambry"
    claims = article("The strike started a fire, the agency said.", title="Drones hit fuel depot near the port - RIA news agency")
    assert claims[0].actor.name == "RIA"


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Ana Lee in Ambry; Editing by Tom Roe",
        "Peoples reported from New York and Smith from Washington.",
        "With reporting by Associated Press writer Jo Kim",
        "SOURCE: News agencies",
    ],
)
def test_credit_lines_are_never_claims(line):
    assert extract(line).claims == ()


# 6. Unverified markers ------------------------------------------------------------------------------------


def test_a_newsrooms_disclaimer_covers_the_reports_it_names_headline_included():
    claims = article(
        "Militia commanders said 14 soldiers were captured near the dam.",
        "Reuters could not independently verify the reports.",
        title="Militia says it captured 14 soldiers",
    )
    assert claims and all(claim.unverified for claim in claims)


def test_a_specific_disclaimer_covers_only_what_it_names():
    claims = article(
        "The institute said the tank fired 2 shells at the journalists.",
        "The institute said a machine gun also fired at the group.",
        "Reuters could not independently determine whether the crew also fired a machine gun.",
    )
    assert [claim.unverified for claim in claims] == [False, True]


def test_a_specific_disclaimer_covers_the_rest_of_that_speakers_account_in_the_paragraph():
    claims = article(
        "The institute said the tank fired 2 shells at the journalists.",
        "A minute later there was a burst of 25 shots from a machine gun. Then came 3 single shots, which may have hit "
        "a wall, the institute said.",
        "Reuters could not independently determine whether the crew also fired a machine gun.",
    )
    assert [claim.unverified for claim in claims] == [False, True, True]


def test_a_plural_marker_covers_every_claim_of_its_post():
    claims = extract("The army said 5 tanks were destroyed. The rebels said 2 villages fell. The claims could not be independently verified.").claims
    assert [claim.unverified for claim in claims] == [True, True]


# 8. Claim text people can read ----------------------------------------------------------------------


def test_the_readable_statement_names_a_leading_pronoun():
    assert readable_statement("it shot down 12 of 15 drones launched from Karsk overnight.", "Veldora's defence ministry") == (
        "Veldora's defence ministry shot down 12 of 15 drones launched from Karsk overnight."
    )
    assert readable_statement("its forces hit 2 depots", "Karsk") == "Karsk's forces hit 2 depots"
    assert readable_statement("the bridge was hit", "Karsk") == "the bridge was hit"
    assert readable_statement("\"We will rebuild,\"", "Karsk") == "\"We will rebuild,\""


# Intermediaries ---------------------------------------------------------------------------------------------


def test_outlets_that_relay_a_statement():
    claims = article(
        "However, a deal was still possible, Omar Zaki told the AP.",
        "He noted that talks would resume in 2 weeks.",
        publisher="CBC News",
    )
    assert [claim.via.name if claim.via else None for claim in claims] == ["AP", "AP"]
    claim = only_claim("Her father, Sam Doyle, confirmed her death to Nine News.")
    assert claim.via and claim.via.name == "Nine News"
    claim = only_claim("Allies may be punished, according to a Pentagon memo seen by Reuters.")
    assert claim.via and claim.via.name == "Reuters" and claim.actor_mention == "a Pentagon memo"


def test_reported_speech_inside_a_statement_is_relayed():
    claim = only_claim("On Monday, the premier's office said the commissioner had said there would be no inquiry.")
    assert claim.actor_mention == "the commissioner" and claim.via is not None


def test_the_gazetteer_names_no_generic_organ_for_one_country():
    gazetteer = Gazetteer.default()
    for generic in ("Defence Ministry", "Defense Ministry", "Ministry of Defence", "MoD", "Foreign Ministry", "Interior Ministry"):
        assert gazetteer.candidates(generic) == [], generic


def test_wire_forms_quoted_by_an_agency_and_an_age_before_a_relative_clause():
    claim = only_claim("Russia's defence ministry, quoted by RIA Novosti, said 30 drones were downed.")
    assert (claim.actor.name, claim.via.name) == ("Russian Defense Ministry", "RIA")
    assert only_claim("Smith, 54, who heads the union, said wages had fallen 3%.").actor_mention == "Smith"


def test_the_company_is_a_named_body_not_the_police():
    claims = article("Police said three people were arrested.", "In a statement, the company said 200 jobs would go.")
    assert claims[-1].actor.name != "Police"


def test_a_plural_marker_in_an_article_covers_its_paragraph_only():
    claims = article(
        "The army said 5 tanks were destroyed near the dam.",
        "The rebels said 2 villages fell. The claims could not be independently verified.",
    )
    assert [claim.unverified for claim in claims] == [False, True]


def test_the_two_men_are_the_last_two_people_named():
    claims = article(
        "President Ana Ruiz met former premier Tomas Vell on Monday. Ruiz said the talks were useful.",
        "Vell said they had agreed on 3 points. The two men spoke of how the crisis began.",
    )
    assert {claim.actor.name for claim in claims[-2:]} == {"Ana Ruiz", "Tomas Vell"}


def test_a_document_is_never_what_they_or_it_refers_to():
    claims = article("He enrolled in 2020, according to his LinkedIn page.", "They said 4 posts had been removed.")
    assert claims[-1].actor is None or "page" not in claims[-1].actor.name.lower()


def test_a_plural_marker_standing_alone_covers_the_paragraph_before_it():
    claims = article(
        "The army said 5 tanks were destroyed near the dam.",
        "The rebels said 2 villages fell. They said 30 soldiers surrendered.",
        "The claims could not be independently verified.",
    )
    assert [claim.unverified for claim in claims] == [False, True, True]


# Speech inside speech, pull quotes, handles and other forms found on feature pages ------------------------


def test_speech_quoted_inside_a_quotation_is_the_inner_speakers_via_the_one_quoting():
    claims = article(
        "The ferry operator Tomas Brill ran the crossing for 20 years.",
        "Dock worker Anna Pell told the Harbour Courier: “I asked Tomas about the noise. He said ‘The engine is fine. "
        "We checked it twice.’ Then the ferry left.”",
    )
    by_text = {claim.text: claim for claim in claims}
    inner = [claim for claim in claims if claim.actor and claim.actor.name == "Tomas Brill"]
    assert [claim.sentence for claim in inner] == ["He said ‘The engine is fine.", "We checked it twice.’"]
    assert {claim.via.name for claim in inner} == {"Anna Pell"}
    assert by_text["Then the ferry left.”"].actor.name == "Anna Pell"


def test_an_inner_quotation_before_its_cue_is_still_the_inner_speakers():
    claims = article(
        "Baker Lena Voss kept the shop on Mill Street.",
        "Neighbour Paul Kerr recalled: “I asked Lena what was burning. ‘Only bread. I left it too long,’ she said. And I went home.”",
    )
    speakers_by_sentence = {claim.sentence: (claim.actor.name, claim.via.name if claim.via else None) for claim in claims}
    assert speakers_by_sentence["‘Only bread."] == ("Lena Voss", "Paul Kerr")
    assert speakers_by_sentence["I left it too long,’ she said."] == ("Lena Voss", "Paul Kerr")
    assert speakers_by_sentence["And I went home.”"] == ("Paul Kerr", None)


def test_narration_inside_a_quotation_is_not_inner_speech():
    claims = article("One witness said: “He never looked at us. He didn’t say anything.”")
    assert {claim.actor.name for claim in claims} == {"witness"}


def test_one_of_the_survivors_is_one_survivor():
    claims = article("According to one of the survivors, “the water rose 2 metres in an hour.”")
    assert [(claim.actor.name, claim.actor.kind) for claim in claims] == [("survivor", "person")]


def test_a_named_person_introducing_a_quotation_with_any_verb_phrase_speaks_it():
    claims = article("But neighbour Ilse Brandt takes up the story: “The van came back at 3 in the morning. Nobody got out.”")
    assert [claim.actor.name for claim in claims] == ["Ilse Brandt", "Ilse Brandt"]
    assert claims[0].cue == "takes up the story"


def test_a_pull_quote_subheading_belongs_to_whoever_says_it_in_its_section():
    claims = article(
        "The storm reached the coast on Sunday.",
        "‘The roof simply lifted off’",
        "Dan Orme lost his shed. He said: “I watched it go. The roof simply lifted off and landed in the road.”",
    )
    pull = next(claim for claim in claims if claim.rule == "pull_quote")
    assert (pull.text, pull.actor.name) == ("The roof simply lifted off", "Dan Orme")


def test_an_all_capitals_section_title_is_not_a_claim():
    assert speakers("The council met on Monday.", "NEVER SAY NEVER", "Councillor Ada Finch said 4 roads would close.") == ["Ada Finch"]


def test_an_online_handle_speaks_and_they_refers_back_to_it():
    claims = article(
        "A forum user named rivermoth42 posted for two years.",
        "Rivermoth42 answered, “Not any more.”",
        "“I left the job in 2021,” they said.",
    )
    assert [claim.actor.name for claim in claims] == ["rivermoth42", "rivermoth42"]


def test_a_quantified_subject_is_its_noun_and_shared_how_is_a_cue():
    claims = article("In recent months, several of the union’s posts showed how pay had fallen by 8%.")
    assert claims and claims[0].cue == "showed"
    claims = article("In interviews, residents across the region shared how 3 wards had closed.")
    assert [claim.actor_mention for claim in claims] == ["residents across the region"]
    assert article("The two towns shared a border for 300 years.") == []


def test_a_participle_with_its_agent_is_not_a_speaker():
    claims = article("The fees announced by the council on Monday are unfair, the shopkeeper Rui Lobo said.")
    assert [claim.actor.name for claim in claims] == ["Rui Lobo"]


def test_an_ellipsis_opening_a_quotation_does_not_end_a_sentence():
    claims = article("“… These fees are a bad idea … because the shops are small,” Rui Lobo said.")
    assert [claim.sentence for claim in claims] == ["“… These fees are a bad idea … because the shops are small,” Rui Lobo said."]


def test_report_finds_at_the_end_of_a_headline_names_the_report_as_the_source():
    claims = article(
        "The study by the Lakeside Institute said the river had risen 2 metres.",
        title="Valley floods were 'likely' caused by the dam, report finds",
    )
    headline = claims[0]
    assert (headline.actor.name, headline.text) == ("Lakeside Institute", "Valley floods were 'likely' caused by the dam")
    assert article("She cherishes the time but also finds it disorienting.") == []


def test_a_known_surname_after_another_given_name_is_somebody_else():
    from claims.extraction.gazetteer import ActorRecord

    gazetteer = Gazetteer.from_records(
        [ActorRecord(name="Marta Holm", kind="person", parent=None, country="Estonia", aliases=("Holm",))]
    )
    extraction = extract_document([PassageText("Harbour chief Jonas Holm said 3 cranes fell. Holm added that nobody was hurt.", None, PUBLISHED)],
                                  gazetteer=gazetteer)
    assert {claim.actor.name for claim in extraction.passages[0].claims} == {"Jonas Holm"}
    extraction = extract_document([PassageText("Minister Marta Holm said 3 cranes fell.", None, PUBLISHED)], gazetteer=gazetteer)
    assert extraction.passages[0].claims[0].actor.name == "Marta Holm"


def test_a_surname_with_two_letters_swapped_is_the_same_person():
    claims = article("Police chief Igor Petrenko said 16 people died.", "Petrneko said the pilot was among them.")
    assert [claim.actor.name for claim in claims] == ["Igor Petrenko"] * 2


def test_a_dateline_in_capitals_is_a_date_not_a_quantity():
    claim = only_claim("DUNMORE, JANUARY 18 (Wire) - At least 16 people died in the fire, police said.")
    assert [quantity.value for quantity in claim.quantities] == [16]


def test_he_right_after_a_persons_cue_is_that_person():
    claims = article(
        "Mayor Tom Reyes spoke after the vote.",
        "When asked about the budget, adviser Paul Marsh said he believed Reyes had cut 3 schools.",
    )
    assert {claim.actor.name for claim in claims} == {"Paul Marsh"}


def test_a_statement_released_on_a_day_is_not_part_of_the_content():
    claim = only_claim("Sanna Berg says in a statement released Friday that she was happy to help.")
    assert claim.text == "she was happy to help."


def test_a_disclaimer_of_one_actors_comments_covers_that_actor_and_the_headline_giving_them_to_its_country():
    claims = article(
        "The Russian defence ministry said on Friday that its air defences destroyed 6 drones overnight.",
        "Ukrainian officials said 2 of the drones had hit a depot.",
        "Wire could not immediately verify the Russian defence ministry's comments.",
        title="Russia says it downed 6 drones",
        publisher="Wire",
    )
    assert [claim.unverified for claim in claims] == [True, True, False]


def test_a_label_before_a_colon_is_not_part_of_the_speakers_name():
    claims = article("The Karsk defence ministry said 23 drones had been launched.", "Details: The ministry stated that 20 were destroyed.")
    assert claims[-1].actor_mention == "The ministry" and claims[-1].actor == claims[0].actor


def test_numbered_names_are_not_quantities():
    claim = only_claim("Police said 40 people were held under Section 9 of the Assembly Act on Highway 61.")
    assert [quantity.value for quantity in claim.quantities] == [40]


def test_told_local_media_is_an_audience_not_an_intermediary():
    claim = only_claim("Members of parliament told local media the two men had chanted slogans.")
    assert (claim.actor_mention, claim.via) == ("Members of parliament", None)


def test_a_quotation_before_a_cue_with_an_interview_adjunct_is_the_content():
    claim = only_claim('"What happened is very serious," Kaya told the Dunmore Gazette in an interview published on Sunday, '
                       'his first comments on the breach.')
    assert claim.text == '"What happened is very serious,"'


def test_a_malay_honorific_is_a_title_so_the_given_name_refers_back():
    claims = article("City police chief Datuk Amir Abu Bakar said 500 officers were deployed.", "Amir said 2 reports were received.")
    assert [claim.actor.name for claim in claims] == ["Amir Abu Bakar", "Amir Abu Bakar"]


def test_a_speaker_of_a_town_and_state_abbreviation_is_the_person():
    claims = article("The defence lawyer Richard Moy spoke first.", "Moy, of Wichita, Kan., said he had not seen the order.")
    assert [claim.actor.name for claim in claims] == ["Richard Moy"]


def test_a_judge_ruled_is_a_cue_and_written_submissions_are_not():
    claim = only_claim("Prosecutors will not be penalized for the delay, a judge ruled Thursday.")
    assert (claim.actor_mention, claim.cue) == ("a judge", "ruled")
    claim = only_claim("Judge Ana Ruiz said she decided after reviewing written submissions by both sides.")
    assert claim.actor.name == "Ana Ruiz"


def test_during_the_hearing_is_not_part_of_the_content():
    claim = only_claim("U.S. Attorney Drew Hale said during the hearing that prosecutors will call 3 witnesses.")
    assert (claim.actor.name, claim.text) == ("Drew Hale", "prosecutors will call 3 witnesses.")


def test_a_title_word_after_an_honorific_or_a_first_name_is_a_surname():
    claims = article(
        "On Monday Mervyn Kingsley, the central bank governor, warned of rising prices.",
        "Inflation rose to 2.2 per cent, official figures showed.",
        "Mr King warned that Britain risked importing inflation.",
    )
    assert claims[0].actor.name == "Mervyn Kingsley"
    assert claims[-1].actor.name == "King"
    claims = article("Mervyn King, the central bank governor, warned that prices would rise.")
    assert claims[0].actor.name == "Mervyn King"


def test_a_body_of_something_is_an_organisation_not_a_person():
    claim = only_claim("The Office for National Statistics said inflation was at its highest level since 1981.")
    assert (claim.actor.name, claim.actor.kind) == ("Office for National Statistics", "organization")


def test_a_person_named_with_a_title_in_apposition_is_who_the_title_means_later():
    claims = article(
        "UK inflation jumped last month as Gordon Brown, the chancellor of the exchequer, joined the chorus of concern.",
        "Mr Brown said the economy was facing pressure.",
        'Pledging restraint, the chancellor said: "We will be resolute."',
    )
    assert [claim.actor.name for claim in claims] == ["Gordon Brown", "Gordon Brown"]


def test_the_subject_after_an_opening_phrase_is_who_she_means_next():
    claims = article(
        "That drew rebukes from Prime Minister Colm Byrne, the leader of the party.",
        "At the final debate on Tuesday night, Catherine Nolan was asked how she would treat the visitor.",
        "“If the discussion is trade, that is a different thing,” she said.",
    )
    assert claims[-1].actor.name == "Catherine Nolan"


def test_guillemets_are_quotation_marks_and_the_claim_keeps_them():
    claims = article("Minister Ivo Hart blamed the war. «We cannot grow with high inflation,» he said. «Tomorrow I will set out a plan».")
    assert [(claim.actor.name, claim.text) for claim in claims[1:]] == [
        ("Ivo Hart", "«We cannot grow with high inflation,»"), ("Ivo Hart", "«Tomorrow I will set out a plan».")]


def test_a_story_quoting_with_single_marks_reads_them_as_quotations():
    claims = article(
        "Chief economist Grant Fell said: ‘Inflation rose this month as energy costs rose.",
        "‘These were partly offset by falls in ticket prices.",
        "‘The cost of raw materials continued to fall.’",
        "Prices will rise again, isn’t that right? Nobody knows.",
    )
    assert [(claim.actor.name, claim.sentence) for claim in claims] == [
        ("Grant Fell", "Chief economist Grant Fell said: ‘Inflation rose this month as energy costs rose."),
        ("Grant Fell", "‘These were partly offset by falls in ticket prices."),
        ("Grant Fell", "‘The cost of raw materials continued to fall.’"),
    ]


def test_an_affiliate_relays_and_a_dialled_number_is_no_quantity():
    claims = article(
        "One witness said she called 911 after seeing smoke.",
        "“I heard a loud boom,” the witness told CNN affiliate WCBS.",
    )
    assert claims[0].quantities == ()
    assert (claims[1].text, claims[1].via.name, claims[1].via.kind) == ("“I heard a loud boom,”", "WCBS", "media")


def test_both_sides_are_the_two_the_sentence_names():
    claims = article(
        "The hospital said 32 people were wounded. The military said it struck a gunman.",
        "A ceasefire has halted the fighting between Israel and Hamas, but both sides have accused each other of violating it.",
    )
    assert {claim.actor.name for claim in claims[2:]} == {"Israel", "Hamas"}


def test_the_health_ministry_refers_back_to_the_health_ministry_named_before():
    claims = article("At least 16 people were killed, the Palestinian health ministry said.",
                     "The health ministry said 50 were wounded.")
    assert claims[0].actor == claims[1].actor


def test_a_dateline_or_a_connective_is_not_part_of_the_content():
    claim = only_claim("GAZA: At least 16 people were killed in a strike on Saturday, the health ministry said.")
    assert claim.text == "At least 16 people were killed in a strike on Saturday"
    claim = only_claim("Meanwhile, missiles struck 3 cities, local officials said.")
    assert claim.text == "missiles struck 3 cities"


def test_a_statement_is_its_issuers_and_a_statement_announcing_a_thing_is_no_speaker():
    claim = only_claim("The army issued a statement saying that 5 soldiers were hurt.")
    assert (claim.actor_mention, claim.text) == ("The army", "5 soldiers were hurt.")
    assert article("The second army statement announcing the strike did not give details.") == []


def test_a_quotation_credited_on_the_line_below_is_that_persons():
    claims = article(
        "“The real shame is that nobody stopped him. It took 3 minutes.”",
        "– Dunmore police Sgt. Joe Pell, after a pensioner was mugged in the park.",
        "“I am glad he is around for the anniversary.”",
        "— Jeanette Lind, a traveller, speaking about her husband.",
    )
    assert [claim.actor.name for claim in claims] == ["Joe Pell", "Joe Pell", "Jeanette Lind"]


@pytest.mark.parametrize("sentence, via", [
    ("Lena Dahl said in an interview with the BBC that 4 ships were seized.", "BBC"),
    ("Four ships were seized, Lena Dahl said in comments reported by Reuters.", "Reuters"),
    ("Lena Dahl, speaking to CNN, said 4 ships were seized.", "CNN"),
    ("According to Reuters, Lena Dahl said 4 ships were seized.", "Reuters"),
    ("Lena Dahl told Reuters that 4 ships were seized.", "Reuters"),
    ("In a statement to CNN, Lena Dahl said 4 ships were seized.", "CNN"),
    ("Lena Dahl, in an interview with Le Monde, said 4 ships were seized.", "Le Monde"),
    ("Four ships were seized, Lena Dahl wrote in an op-ed for The Guardian.", "The Guardian"),
    ("Four ships were seized, Lena Dahl told the BBC's Today programme.", "BBC"),
    ("Lena Dahl said 4 ships were seized, as reported by the BBC.", "BBC"),
])
def test_the_outlet_a_speaker_talked_to_relays_the_claim(sentence, via):
    claim = only_claim(sentence)
    assert (claim.actor.name, claim.via.name) == ("Lena Dahl", via)
    assert claim.text.rstrip(".").lower() in ("4 ships were seized", "four ships were seized")


def test_both_armies_are_the_two_sides_named_before_and_else_stay_armies():
    claims = extract("Russia and Ukraine traded strikes overnight. Both armies said they had intercepted 20 drones.").claims
    assert {claim.actor.name for claim in claims} == {"Russia", "Ukraine"}
    claims = extract("Both armies said they had intercepted 20 drones.").claims
    assert [claim.actor_mention for claim in claims] == ["Both armies"]


def test_she_is_the_woman_the_story_follows_not_the_expert_quoted_before():
    claims = article(
        "Lena Calder, a sociologist, said costs rose.",
        "When Jane Rowe gave birth in November, she and her husband, both teachers, realized day care was too costly.",
        "In the fall, Rowe won't return to teaching. The decision was wrenching. \"I've devoted my life to it,\" she said.",
    )
    assert [(claim.actor.name, claim.text) for claim in claims] == [
        ("Lena Calder", "costs rose."), ("Jane Rowe", "\"I've devoted my life to it,\"")]


def test_he_is_the_one_person_the_last_sentence_named_with_a_title():
    claims = article(
        "A Nato official told the BBC that the treaty has no expulsion clause.",
        "The memo follows a series of attacks on the alliance by US President Donald Trump.",
        "He has repeatedly criticised allies for their reluctance to spend 5% on defence.",
    )
    assert claims[-1].actor.name == "Donald Trump"


def test_a_middle_initial_stays_in_the_name_and_wrote_to_the_board_ends_the_cue():
    claims = article(
        "Scientist and lead author Patrick T. Braun announced that he had withheld 2 findings.",
        "Braun found the paper riddled with problems. “The doubts cannot be denied,” he wrote to the board.",
    )
    assert [claim.actor.name for claim in claims] == ["Patrick T. Braun"] * 3
    assert claims[-1].text == "“The doubts cannot be denied,”"


def test_a_noun_after_a_possessive_is_no_cue():
    assert article("The proposals include reviewing the UK's claim to the Falkland Islands.") == []


def test_a_known_person_named_with_a_title_and_a_variant_spelling_stays_one_actor():
    claims = article(
        "In his nightly address, President Volodymyr Zelensky thanked the soldiers.",
        "Zelensky also said he spoke with the Dutch prime minister about 18 jets.",
    )
    assert [claim.actor.name for claim in claims] == ["Volodymyr Zelenskyy"]


def test_he_after_a_described_newcomer_is_that_person():
    extraction = extract_document([PassageText(
        "Hospital consultant: Attack had potential to overwhelm us\nA consultant from the city hospital has been giving a "
        "press conference.\nHe says the wards were full within 2 hours.", "Hospital consultant: Attack had potential to overwhelm us",
        PUBLISHED)], is_live_blog=True)
    assert [claim.actor.name for claim in extraction.passages[0].claims] == ["consultant", "consultant"]


def test_her_campaigns_memo_is_the_campaign_of_the_woman_named_before():
    claims = article("Kamala Harris spoke in Atlanta.",
                     "Her team has 300 offices in swing states, according to her campaign’s weekend memo.")
    assert claims[-1].actor.name == "Kamala Harris' campaign"
    claims = article("President Ana Tomescu visited the border on Monday, her office said.")
    assert claims[-1].actor.name == "Ana Tomescu's office"


def test_a_source_cited_by_an_outlet_is_relayed_by_it():
    claim = only_claim("According to a source cited by Axios, 40 workers were laid off.")
    assert (claim.actor_mention, claim.via.name) == ("a source", "Axios")


@pytest.mark.parametrize("disclaimer, marked", [
    ("Wire could not independently verify the reports.", [True, True, True]),
    ("It was not possible to verify the accounts independently.", [True, True, True]),
    ("Wire could not immediately verify the claim.", [False, False, True]),
    ("The Associated Press could not independently verify the army's claim.", [True, True, False]),
])
def test_what_a_newsrooms_disclaimer_covers(disclaimer, marked):
    claims = article("The army said it killed 40 fighters in the raid.", "Local officials said 12 civilians died.", disclaimer,
                     title="Army says it killed 40 fighters", publisher="Wire")
    assert [claim.unverified for claim in claims] == marked


def test_the_demo_countries_make_both_armies_their_two_governments():
    from pathlib import Path

    from claims.extraction.gazetteer import DEFAULT_PATH

    records = [*Gazetteer.from_json(DEFAULT_PATH).records.values(),
               *Gazetteer.from_json(Path(__file__).resolve().parents[2] / "demo" / "gazetteer.json").records.values()]
    extraction = extract_document([PassageText(
        "Negotiators from Veldora and Karsk met again in Ambry. Both armies said they had intercepted drones overnight.",
        None, PUBLISHED)], is_live_blog=True, gazetteer=Gazetteer.from_records(records))
    assert {(claim.actor.name, claim.actor.known) for claim in extraction.passages[0].claims} == {("Veldora", True), ("Karsk", True)}


def test_a_person_the_text_names_only_by_surname_and_a_noun_before_a_role():
    claims = article(
        "\"My home is about one kilometer away,\" said a local resident surnamed Han, referring to the site.",
        "\"At least 10 panes of glass were blown out,\" he said.",
        "Top emergencies official Juan Manuel Rios released the toll on Tuesday, saying 11 bodies were identified.",
    )
    assert [claim.actor.name for claim in claims] == ["Han", "Han", "Juan Manuel Rios"]


def test_according_to_official_reports_reads_reports_as_a_noun():
    claims = article("The blast was triggered by salvage teams, according to official reports.")
    assert [(claim.actor_mention, claim.cue) for claim in claims] == [("official reports", "according to")]


def test_a_title_with_and_names_one_person_and_an_adverb_may_stand_before_the_cue():
    claims = article("Works and Housing Minister Francis Osei has denied allegations of bribery in 2017.",
                     "A party spokesman in Accra, Anand Mehta, also said the allegations were baseless.",
                     "Osei's media assistant Paul Yaw who issued the statement noted that the claim was false.")
    assert [claim.actor.name for claim in claims] == ["Francis Osei", "Anand Mehta", "Paul Yaw"]


def test_an_old_style_dateline_is_no_part_of_the_speaker_and_denied_reports_is_one_claim():
    claims = article("NEW DELHI Aug 27 Indian Prime Minister Narendra Modi on Wednesday denied reports that the son of a "
                     "top minister was involved in influence peddling.")
    assert [(claim.actor.name, claim.actor_mention) for claim in claims] == [
        ("Narendra Modi", "Indian Prime Minister Narendra Modi")]


def test_a_named_subject_ends_at_its_comma_and_a_described_one_takes_the_name_after_it():
    claims = article("Abu Omar, the spokesperson for the group's armed wing, made the claim, saying 4 hostages were hurt.")
    assert [claim.actor.name for claim in claims] == ["Abu Omar"]
    claims = article("The victim's sister, Tracey Lund, recently told CNN she wanted him jailed.",
                     "She said: “I wanted him to do time.”")
    assert [claim.actor.name for claim in claims] == ["Tracey Lund", "Tracey Lund"]
    assert claims[0].via.name == "CNN"


def test_records_show_is_a_cue_and_a_fashion_show_is_not():
    assert [claim.actor_mention for claim in article("Records show 40 people died in the fire.")] == ["Records"]
    assert article("She attended the designer’s London Fashion Week show in a borrowed outfit.") == []


def test_a_source_close_to_someone_speaks():
    claim = only_claim("A source close to the family said the funeral would be on Friday.")
    assert claim.actor_mention == "A source close to the family"
