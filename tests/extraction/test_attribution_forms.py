"""Each way English news attributes a statement, on sentences written for these tests."""
import pytest

from tests.extraction.conftest import extract, only_claim, part


def test_source_before_content_with_that():
    text = "Poland said that it had closed two border crossings overnight."
    claim = only_claim(text)
    assert claim.actor.name == "Poland"
    assert part(text, claim.source_span) == "Poland"
    assert part(text, claim.cue_span) == "said"
    assert claim.text == "it had closed two border crossings overnight."
    assert claim.rule == "source_first"


def test_source_after_content():
    text = "Four power stations were damaged in the strikes, the Ukrainian Defense Ministry said."
    claim = only_claim(text)
    assert claim.actor.name == "Ukrainian Defense Ministry"
    assert claim.text == "Four power stations were damaged in the strikes"
    assert claim.rule == "source_last"


def test_quote_around_the_source_is_one_claim_with_both_parts():
    text = '"The harvest is safe," Governor Ilse Marten said, "and the silos are full."'
    claim = only_claim(text)
    assert claim.actor.name == "Ilse Marten"
    assert claim.actor.known is False
    assert claim.text.startswith('"The harvest is safe,"') and claim.text.endswith('"and the silos are full."')
    assert claim.rule == "source_around"


def test_inverted_said_followed_by_the_source():
    text = "The convoy reached the city before dawn, said Tomas Brill, a spokesman for the aid group."
    claim = only_claim(text)
    assert claim.actor.name == "Tomas Brill"
    assert claim.text == "The convoy reached the city before dawn"
    assert claim.rule == "inverted"


def test_according_to_at_the_start_and_at_the_end():
    first = "According to the UN, some 3,000 families have left the region."
    claim = only_claim(first)
    assert claim.actor.name == "United Nations"
    assert claim.cue == "According to"
    assert claim.text == "some 3,000 families have left the region."
    second = "Around 40 trucks crossed the bridge on Monday, according to the Red Cross."
    claim = only_claim(second)
    assert claim.actor.name == "International Committee of the Red Cross"
    assert claim.text == "Around 40 trucks crossed the bridge on Monday"


def test_told_an_outlet_is_a_cue_and_the_outlet_an_intermediary():
    text = "An army officer told Reuters that the bridge had been rebuilt."
    claim = only_claim(text)
    assert claim.cue == "told Reuters"
    assert claim.via.name == "Reuters"
    assert claim.actor_mention == "An army officer"


def test_told_the_publishing_outlet_is_first_hand():
    text = "Minister Arno Kessel told DW that the talks would resume."
    claim = only_claim(text, publisher="DW")
    assert claim.via is None
    assert claim.cue == "told DW"


def test_wrote_on_telegram_channel_is_not_an_intermediary():
    text = "Governor Ivo Sarkan wrote on Telegram that a school had been hit."
    claim = only_claim(text)
    assert claim.cue == "wrote"
    assert claim.via is None
    assert claim.text == "a school had been hit."


def test_said_in_a_statement_skips_the_channel_phrase():
    text = "The Kremlin said in a statement on Friday that the talks were over."
    claim = only_claim(text)
    assert claim.actor.name == "Russia"
    assert claim.text == "the talks were over."


def test_cited_as_saying_makes_the_cited_actor_the_source_via_the_agency():
    text = "The TASS news agency cited the Russian Defense Ministry as saying that eight drones were destroyed."
    claim = only_claim(text)
    assert claim.actor.name == "Russian Defense Ministry"
    assert claim.via.name == "TASS"
    assert claim.rule == "cited_as_saying"
    assert [q.value for q in claim.quantities] == [8]


def test_participle_takes_the_clause_subject():
    text = "Senator Mara Vell criticized the budget, saying it ignored rural hospitals."
    claim = only_claim(text)
    assert claim.actor.name == "Mara Vell"
    assert claim.kind == "opinion"


def test_appositive_between_commas_names_the_source():
    text = "The regional governor, Lev Antal, said two bridges were closed."
    claim = only_claim(text)
    assert claim.actor.name == "Lev Antal"
    assert claim.rule == "appositive"
    assert claim.text == "two bridges were closed."


def test_headline_forms():
    says = only_claim("Kyiv says 30 drones downed", heading="Kyiv says 30 drones downed")
    assert says.actor.name == "Ukraine" and [q.value for q in says.quantities] == [30]
    dash = only_claim("Village near Donetsk captured — Russian Defense Ministry")
    assert dash.actor.name == "Russian Defense Ministry" and dash.rule == "headline_dash" and dash.cue_span is None
    colon = only_claim("Zelenskyy: Air defense must come first")
    assert colon.actor.name == "Volodymyr Zelenskyy" and colon.rule == "headline_colon"
    topic = extract("Ukraine: Grain ships leave Odesa port")
    assert topic.claims == ()


def test_summary_bullets_are_sentences():
    text = "• Moscow said it had expelled two diplomats.\n• Berlin said the expulsions were unjustified."
    claims = extract(text).claims
    assert [c.actor.name for c in claims] == ["Russia", "Germany"]
    assert claims[0].sentence == "Moscow said it had expelled two diplomats."


def test_reported_speech_inside_a_quote_is_not_a_separate_attribution():
    text = '"They said the shelter was safe, and we believed them," the mayor said.'
    claim = only_claim(text)
    assert claim.actor_mention == "the mayor"
    assert claim.text.startswith('"They said the shelter')


def test_a_sentence_with_two_sources_gives_two_claims():
    text = "Moscow said the dam was hit by a missile, but Kyiv said Russian troops blew it up."
    claims = extract(text).claims
    assert [c.actor.name for c in claims] == ["Russia", "Ukraine"]
    assert claims[0].text == "the dam was hit by a missile"
    assert claims[1].text == "Russian troops blew it up."


def test_coordinated_sources_each_get_the_claim():
    text = "Israel and Iran both claimed to have hit military targets."
    claims = extract(text).claims
    assert {c.actor.name for c in claims} == {"Israel", "Iran"}


def test_quoted_sentences_without_a_cue_belong_to_the_speaker():
    text = 'Coach Rina Holt spoke after the match. "We were tired. We will be better," she said. "Next week is different."'
    claims = extract(text).claims
    assert [c.rule for c in claims] == ["quote_continuation", "source_last", "quote_continuation"]
    assert {c.actor.name for c in claims} == {"Rina Holt"}


def test_unattributed_sentences_give_no_claims():
    text = "The bridge was rebuilt in 2019. Traffic resumed on Tuesday. The claims were widely shared online."
    assert extract(text).claims == ()


def test_gerund_after_a_preposition_is_not_a_cue():
    text = "The court fined the blogger for saying the vote was rigged."
    assert extract(text).claims == ()


def test_subject_before_an_appositive_or_relative_clause():
    for text in (
        "Kaja Kallas, the EU's top diplomat, said the bloc would not waver.",
        "Kaja Kallas, who met ministers on Monday, said the bloc would not waver.",
    ):
        claim = only_claim(text)
        assert claim.actor.name == "Kaja Kallas", text
        assert claim.text == "the bloc would not waver."


def test_passive_quoted_as_saying_with_the_agency_as_intermediary():
    text = "Kremlin spokesman Dmitry Peskov was quoted by RIA as saying that no talks were planned."
    claim = only_claim(text)
    assert claim.actor.name == "Dmitry Peskov"
    assert claim.via.name == "RIA"
    assert claim.text == "no talks were planned."


def test_citing_after_the_cue_moves_the_source_to_the_cited_actor():
    text = "The army is short of shells, Reuters reported, citing two senior officials."
    claim = only_claim(text)
    assert claim.actor_mention == "two senior officials"
    assert claim.via.name == "Reuters"
    assert claim.text == "The army is short of shells"


def test_bare_weekday_after_the_cue_is_not_content():
    claim = only_claim("Officials said Monday that the road was reopened.")
    assert claim.text == "the road was reopened."


def test_citing_between_commas_before_the_cue():
    text = "The Yonhap news agency, citing a military official, said the launch took place at dawn."
    claim = only_claim(text)
    assert claim.actor_mention == "a military official"
    assert claim.via.name == "Yonhap"
    assert claim.rule == "citing"


def test_media_reporting_what_someone_said_is_the_intermediary():
    text = "President Recep Tayyip Erdogan said Ankara was ready to host talks, state news agency Anadolu reported."
    claim = only_claim(text)
    assert claim.actor.name == "Recep Tayyip Erdogan"
    assert claim.via_mention == "state news agency Anadolu"
    assert claim.text == "Ankara was ready to host talks"


def test_told_a_meeting_or_a_court():
    claim = only_claim("President Vladimir Putin told a security council meeting that the West was to blame.")
    assert claim.cue == "told a security council meeting"
    assert claim.text == "the West was to blame."
    assert claim.via is None


def test_relative_clause_subject_and_parenthetical_attribution():
    claim = only_claim("Several residents who spoke to the BBC said they had no electricity.")
    assert claim.actor_mention == "Several residents"
    claim = only_claim("The attack, the military said, targeted a weapons depot.")
    assert claim.text == "The attack, the military said, targeted a weapons depot."
    assert claim.rule == "source_around"


def test_headline_sources_without_articles_take_the_country_of_the_headline():
    heading = "Ukraine hit by 'massive' drone attack, air force says"
    claim = only_claim(heading, heading=heading)
    assert claim.actor.name == "Ukrainian Air Force"
    assert claim.text == "Ukraine hit by 'massive' drone attack"
    dash = only_claim("Germany to send more tanks — Pistorius")
    assert dash.actor.name == "Boris Pistorius"


def test_bracketed_short_name_before_the_cue():
    claim = only_claim("The Institute for the Study of War (ISW) said in its latest assessment that the offensive had stalled.")
    assert claim.actor.name == "Institute for the Study of War"
    assert claim.text == "the offensive had stalled."


def test_it_is_said_right_after_a_claim_continues_that_source():
    claims = extract("An inquiry by the BBC found that the depot was empty. Instead, it is said the fuel was moved.").claims
    assert [c.actor.name for c in claims] == ["BBC", "BBC"]
    assert claims[1].rule == "impersonal" and claims[1].cue == "it is said" and claims[1].source_span is None
    assert extract("It is said the fuel was moved.").claims == ()


def test_a_sentence_that_only_starts_with_a_quoted_name_is_not_quoted_speech():
    claims = extract('The mayor said the bridge was closed. "Operation Shield" began in 2022 with four brigades.').claims
    assert len(claims) == 1


def test_aside_between_speaker_and_cue_and_according_to_as_intermediary():
    claim = only_claim("Secretary of State Antony Blinken, speaking in Riyadh, urged the group to accept the offer.")
    assert claim.actor.name == "Antony Blinken"
    claim = only_claim("Iran's foreign minister warned that the region was on the brink of war, according to state media.")
    assert claim.actor_mention == "Iran's foreign minister"
    assert claim.via_mention == "state media"
    assert claim.text == "the region was on the brink of war"


def test_a_correspondent_reporting_from_a_place_asserts_nothing():
    assert extract("DW's correspondent Lena Hart reports from Kyiv").claims == ()


def test_named_actor_and_its_allies_is_the_named_actor():
    claim = only_claim("Kyiv and its allies say the referendums were a sham.")
    assert (claim.actor.name, claim.actor_mention) == ("Ukraine", "Kyiv")


def test_citing_before_the_content():
    claim = only_claim("The state news agency TASS reported, citing the Defense Ministry, that 12 drones were downed over Kursk.")
    assert claim.actor_mention == "the Defense Ministry"
    assert claim.via.name == "TASS"
    assert claim.text == "12 drones were downed over Kursk."


def test_according_to_a_list_of_sources():
    claim = only_claim("North Korea has sent some 10,000 troops to Russia, according to US, South Korean and Ukrainian officials.")
    assert claim.actor_mention == "US, South Korean and Ukrainian officials"
    assert claim.text == "North Korea has sent some 10,000 troops to Russia"


def test_interview_headline_and_british_single_quotes():
    claim = only_claim("Klimenko to DW: Sanctions are working")
    assert claim.actor_mention == "Klimenko" and claim.rule == "headline_colon"
    claim = only_claim("‘They said the town was safe,’ the mayor said.")
    assert claim.actor_mention == "the mayor"


def test_expectations_beliefs_and_fears_are_attributed_views():
    for text in (
        "Military analysts expect the fighting to ebb in winter.",
        "Officials believe the fire was set deliberately.",
        "Residents fear a new offensive in spring.",
    ):
        claim = only_claim(text)
        assert claim.kind == "opinion", text
    assert extract("The vote is expected to pass. The fears of residents grew.").claims == ()


def test_rejecting_an_accusation_is_a_denial():
    result = extract("Kyiv said Russian troops shelled the plant. Moscow rejected the accusation.")
    assert result.contradictions == ((0, 1),)


def test_topic_and_region_prefixes_are_not_speakers():
    for text, actor in (
        ("Horn of Africa updates: UNICEF says 4 million children need aid", "UNICEF"),
        ("Black Sea: Romania says 2 drone fragments found", "Romania"),
        ("Energy crisis live: IEA says demand fell 3%", "International Energy Agency"),
    ):
        claim = only_claim(text)
        assert claim.actor.name == actor and claim.rule == "source_first"
    assert extract("Aegean Sea: migrant boat capsizes").claims == ()
    assert extract("Mosul live: curfew extended").claims == ()


def test_a_time_before_the_source_does_not_hide_it():
    for text, mention in (
        ("On Wednesday the Ukrainian Defense Ministry said that 14 drones were shot down.", "the Ukrainian Defense Ministry"),
        ("Late on Tuesday the regional governor said 3 people were hurt.", "the regional governor"),
        ("Earlier this week port officials said 2 berths reopened.", "port officials"),
        ("In October the central bank said inflation reached 7%.", "the central bank"),
        ("In a post on Telegram, the mayor said that 8 buses were damaged.", "the mayor"),
        ("Speaking to reporters in Vilnius, the minister said 5 jets would be sent.", "the minister"),
        ("Late on Friday, officials said that a depot was hit.", "officials"),
    ):
        assert only_claim(text).actor_mention == mention
    assert only_claim("Sunday Herald reported that 4 ministers resigned.").actor_mention == "Sunday Herald"


def test_reporting_verbs_in_a_headline_are_headline_attributions():
    for heading, actor, numbers in (
        ("Jordan reports 14 aid trucks turned back", "Jordan", [14]),
        ("IMF pledges $2 billion loan to Kenya", "International Monetary Fund", [2_000_000_000]),
        ("Qatar confirms new round of ceasefire talks", "Qatar", []),
        ("Militia claims drone attack on airbase", "Militia", []),
        ("Two ports reopen after strike, Odesa governor says", "Odesa governor", [2]),
    ):
        claim = only_claim(f"{heading}\n\nMore details followed.", heading=heading)
        assert (claim.actor.name, claim.cue, claim.cue_span) == (actor, "headline", None), heading
        assert [q.value for q in claim.quantities] == numbers
    body = only_claim("Jordan reports that 14 aid trucks were turned back.")
    assert body.cue == "reports" and body.cue_span is not None


def test_accused_of_in_a_headline_is_passive():
    assert extract("Militia accused of burning 40 villages\n\nVillagers fled south.").claims == ()
    claim = only_claim("Kyiv accused Moscow of shelling 3 towns.")
    assert claim.actor.name == "Ukraine"


def test_where_the_speaker_spoke_is_not_part_of_the_content():
    claim = only_claim("IOM spokesperson Kendra Vale told reporters in New York that 300 migrants were rescued.")
    assert claim.text == "300 migrants were rescued."


def test_a_topic_prefix_is_not_part_of_a_headline_statement():
    heading = "Truce talks: Delegations arrive in Muscat, diplomat says"
    claim = only_claim(heading, heading=heading)
    assert claim.text == "Delegations arrive in Muscat" and claim.cue == "headline"


def test_both_sides_is_one_claim_for_each_of_the_two_actors_named_last():
    text = (
        "Hamas said its fighters had repelled an incursion. The Israel Defense Forces said two tunnels were destroyed. "
        "Both sides reported heavy losses near the crossing."
    )
    claims = [c for c in extract(text).claims if c.sentence.startswith("Both sides")]
    assert {c.actor.name for c in claims} == {"Hamas", "Israel Defense Forces"}
    assert {c.actor_mention for c in claims} == {"Both sides"}


def test_both_sides_without_two_named_sides_is_no_claim():
    claims = extract("A retired admiral, Ivo Rask, told DW the front had stalled. Meanwhile, both sides reported shelling.").claims
    assert [c.actor.name for c in claims] == ["Ivo Rask"]


def test_told_an_audience_is_not_an_intermediary_and_own_statement_is_not_one_either():
    text = (
        "The foreign minister told Iraqi officials that the border would reopen, according to a statement from his ministry."
    )
    claim = only_claim(text)
    assert claim.cue == "told Iraqi officials"
    assert claim.via is None
    assert claim.text == "the border would reopen"


def test_told_national_television_is_a_cue():
    claim = only_claim("Army spokesman Petro Vasko told national television that the bridge had held.")
    assert claim.actor.name == "Petro Vasko"
    assert claim.cue == "told national television"


def test_headline_with_two_verbs_gives_the_first_subject_to_the_cue():
    claim = only_claim("Spain's prime minister visits Rabat, warns of migrant surge", heading="Spain's prime minister visits Rabat, warns of migrant surge")
    assert claim.actor_mention == "Spain's prime minister"
    assert claim.cue == "headline"
    assert claim.rule == "elliptic_subject"


def test_a_known_institution_before_a_headline_colon_speaks_but_a_country_does_not():
    kremlin = only_claim("Kremlin: Talks with Washington 'useful'", heading="Kremlin: Talks with Washington 'useful'")
    assert kremlin.actor.name == "Russia"
    assert kremlin.text == "Talks with Washington 'useful'"
    assert extract("Hungary: Budapest hosts regional summit", heading="Hungary: Budapest hosts regional summit").claims == ()


def test_a_name_followed_by_any_description_speaks():
    claim = only_claim("Norvik, the country's largest shipping company, said it would reroute its vessels.")
    assert claim.actor.name == "Norvik"
    assert claim.rule == "appositive"


def test_an_including_aside_between_the_speakers_and_the_cue():
    claim = only_claim("Critics, including two former judges, say the reform weakens the courts.")
    assert claim.actor_mention == "Critics"


def test_according_to_a_report_that_cited_sources_is_the_sources_via_the_outlet():
    claim = only_claim("According to a report by Bloomberg, which cited people familiar with the plans, the merger will be announced in May.")
    assert claim.actor_mention == "people familiar with the plans"
    assert claim.via.name == "Bloomberg"
    assert claim.text == "the merger will be announced in May."


def test_sources_familiar_with_something_keep_their_whole_mention():
    claim = only_claim("Three sources familiar with the negotiations told Reuters that a deal was close.")
    assert claim.actor_mention == "Three sources familiar with the negotiations"
    assert claim.via.name == "Reuters"


def test_a_passive_or_reduced_relative_cue_verb_has_no_speaker():
    claim = only_claim(
        "The army also claimed that its drones had hit Tarek Nasser, described as the group's head of logistics."
    )
    assert claim.actor_mention == "The army"
    assert claim.cue == "claimed"
    assert extract("The minister was warned about the risks in March.").claims == ()


def test_a_bracketed_short_name_before_an_adverb_stays_with_the_mention():
    claim = only_claim("The International Organization for Migration (IOM) also said 4,000 people had crossed the border.")
    assert claim.actor.name == "International Organization for Migration"


def test_a_noun_that_looks_like_a_cue_verb_before_a_verb_is_no_attribution():
    assert extract("Independent estimates are considerably higher.").claims == ()


@pytest.mark.parametrize(
    ("sentence", "cue", "kind"),
    [
        ("Officials in Lagos blamed the outage on sabotage.", "blamed", "fact"),
        ("The central bank conceded that inflation had been underestimated.", "conceded", "fact"),
        ("The regulator pointed out that the rules had changed in 2021.", "pointed out", "fact"),
        ("The union cautioned that strikes could spread to the ports.", "cautioned", "opinion"),
        ("The opposition denounced the vote as a sham.", "denounced", "opinion"),
    ],
)
def test_more_cue_verbs(sentence, cue, kind):
    claim = only_claim(sentence)
    assert claim.cue == cue
    assert claim.kind == kind


def test_plain_speech_by_a_group_placed_somewhere():
    claim = only_claim("UN peacekeepers in South Sudan said their base had been shelled.")
    assert claim.actor.name == "UNMISS"
    assert claim.actor_mention == "UN peacekeepers in South Sudan"


def test_the_agent_of_a_passive_cue_is_the_speaker():
    claim = only_claim("The blackout lasted six hours, as reported by the grid operator.")
    assert claim.actor_mention == "the grid operator"
    assert claim.text == "The blackout lasted six hours"
    claim = only_claim("It was reported by Reuters that two tankers had been seized.")
    assert claim.actor.name == "Reuters"
    assert claim.text == "two tankers had been seized."
    assert only_claim("The ceasefire was confirmed by the Qatari government.").actor.name == "Qatar"


def test_a_description_with_a_relative_clause_between_name_and_cue():
    claim = only_claim("Medlink, the charity that runs the field hospital, denied that it had closed its clinic.")
    assert claim.actor_mention == "Medlink"
    assert claim.cue == "denied"


def test_told_a_numbered_channel():
    claim = only_claim("A senior official told Channel 12 that the talks had stalled.")
    assert claim.cue == "told Channel 12"
    assert claim.via.name == "Channel 12"


def test_saying_nothing_and_what_someone_said_are_no_claims():
    assert extract("The minister said nothing about the timetable.").claims == ()
    assert extract("Video: What the mayor said about the flood", heading="Video: What the mayor said about the flood").claims == ()


def test_a_time_word_that_owns_the_next_noun_stays_in_the_content():
    claim = only_claim("The envoy described last week's meeting as \"useful.\"")
    assert claim.text.startswith("last week's meeting")


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("The mayor told the Austrian news agency APA that the dam held.", "APA"),
        ("The mayor told the Russian state news agency TASS that the dam held.", "TASS"),
        ("The mayor told the Financial Times newspaper that the dam held.", "Financial Times"),
        ("The mayor told the weekly Die Zeit that the dam held.", "Die Zeit"),
    ],
)
def test_told_an_outlet_described_by_its_kind(sentence, outlet):
    claim = only_claim(sentence)
    assert claim.via.name == outlet
    assert claim.text == "the dam held."


def test_an_interview_with_an_outlet_relays_the_claim_unless_the_outlet_publishes_it():
    text = "In an interview with the BBC, the minister said the reactor was safe."
    assert only_claim(text).via.name == "BBC"
    assert only_claim("Speaking to DW, the minister said the reactor was safe.", publisher="DW").via is None
    assert only_claim("Speaking to reporters, the minister said the reactor was safe.").via is None


def test_formerly_twitter_is_part_of_the_channel():
    claim = only_claim("The president wrote on X, formerly Twitter, that the border was closed.")
    assert claim.text == "the border was closed."


def test_an_outlet_is_never_one_of_both_sides():
    text = (
        "The army said it had retaken the airport, the AP news agency reported. The rebels said they still held the runway. "
        "Both sides reported casualties."
    )
    claims = [c for c in extract(text).claims if c.sentence.startswith("Both sides")]
    assert {c.actor_mention for c in claims} == {"Both sides"}
    assert "AP" not in {c.actor.name for c in claims}
