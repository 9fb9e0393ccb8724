"""Who a mention names: aliases, pronouns, short references, the heading, intermediaries, unknown actors."""
from claims.extraction import ActorRecord, Gazetteer
from tests.extraction.conftest import extract, only_claim


def test_aliases_resolve_to_canonical_actors_with_parent():
    claims = extract(
        "Kyiv said the line held. Moscow said it advanced. The Kremlin said talks were possible. "
        "Ukraine's air force said 20 missiles were fired."
    ).claims
    assert [c.actor.name for c in claims] == [
        "Ukraine", "Russia", "Russia", "Ukrainian Air Force",
    ]
    air_force = claims[3].actor
    assert air_force.known and air_force.parent == "Ukrainian Armed Forces" and air_force.country == "Ukraine"


def test_titled_name_resolves_through_the_alias_at_its_end():
    claim = only_claim("Ukrainian President Volodymyr Zelensky said the front was stable.")
    assert claim.actor.name == "Volodymyr Zelenskyy"
    assert claim.actor_mention == "Ukrainian President Volodymyr Zelensky"


def test_pronoun_resolves_to_the_person_named_before():
    claims = extract("Mayor Dana Ilic said the water supply was restored. She added that schools would reopen.").claims
    assert [c.actor.name for c in claims] == ["Dana Ilic", "Dana Ilic"]
    assert claims[1].actor_mention == "She"


def test_it_resolves_to_the_organisation_named_before():
    claims = extract("The Ukrainian Defense Ministry said 300 recruits had signed up. It added that training starts in May.").claims
    assert claims[1].actor.name == "Ukrainian Defense Ministry"


def test_short_references_resolve_to_the_matching_actor():
    text = (
        "Russia's Defense Ministry said four drones were destroyed. Governor Vera Saltan said a house burned down. "
        "The ministry added that the attack was repelled. The governor said nobody was hurt."
    )
    claims = extract(text).claims
    assert [c.actor.name for c in claims] == [
        "Russian Defense Ministry", "Vera Saltan", "Russian Defense Ministry", "Vera Saltan",
    ]


def test_the_source_and_the_president_refer_back():
    text = (
        "A senior security source said the depot was hit. The source told Reuters that three trucks burned. "
        "President Emmanuel Macron said France would send more aid. The president said it would arrive in May."
    )
    claims = extract(text).claims
    assert claims[1].actor == claims[0].actor
    assert claims[1].via.name == "Reuters"
    assert claims[3].actor.name == "Emmanuel Macron"


def test_surname_refers_to_the_full_name():
    claims = extract("Former ambassador Petra Lund said sanctions worked. Lund said exports had fallen.").claims
    assert claims[1].actor.name == "Petra Lund"


def test_heading_actor_answers_it_said_in_the_body():
    heading = "Turkey says grain corridor reopened"
    text = f"{heading}\n\nIt said the first ship would sail on Friday."
    claims = extract(text, heading=heading).claims
    assert [c.actor.name for c in claims] == ["Turkey", "Turkey"]


def test_heading_description_resolves_to_the_person_the_body_names():
    heading = "Sanctions are working, senior official says"
    text = f"{heading}\n\nDeputy Minister Karl Osten said exports had fallen by 12%."
    claims = extract(text, heading=heading).claims
    assert claims[0].actor.name == "Karl Osten"
    assert claims[0].actor_mention == "senior official"


def test_bare_ministry_takes_the_country_in_context():
    claims = extract("Ukraine said it repelled the attack. The Defense Ministry said 14 shells hit the town.").claims
    assert claims[1].actor.name == "Ukrainian Defense Ministry"
    claims = extract("Russia said it repelled the attack. The Defense Ministry said 14 shells hit the town.").claims
    assert claims[1].actor.name == "Russian Defense Ministry"


def test_unknown_titled_people_and_organisations_are_kept_as_unknown_actors():
    person = only_claim("Governor Roman Veskov said the shelling killed one man.").actor
    assert (person.name, person.kind, person.known) == ("Roman Veskov", "person", False)
    agency = only_claim("Moldova's border agency said 200 people crossed overnight.").actor
    assert agency.known is False and agency.name == "Moldova's border agency"
    group = only_claim("Rights groups said some 40 activists were detained.").actor
    assert group.known is False and group.kind == "group"


def test_known_agency_through_a_possessive_alias():
    claim = only_claim("South Korea's spy agency said the North had sent more shells.")
    assert claim.actor.name == "National Intelligence Service of South Korea"
    assert claim.actor.parent == "South Korea"


def test_investigation_by_an_outlet_is_the_outlet():
    claim = only_claim("A recent investigation by The Washington Post found that the contracts were inflated.")
    assert claim.actor.name == "The Washington Post"


def test_gazetteer_built_from_app_records():
    gazetteer = Gazetteer.from_records(
        [ActorRecord(name="Port Authority of Tallinn", kind="agency", parent=None, country="Estonia", aliases=("the port authority", "Tallinn port"))]
    )
    claim = only_claim("Tallinn port said two ships were delayed.", gazetteer=gazetteer)
    assert claim.actor.name == "Port Authority of Tallinn" and claim.actor.known


def test_titles_with_a_portfolio_or_a_proper_modifier_are_new_actors():
    claims = extract(
        "Kremlin spokesman Dmitry Peskov said talks were off. The interior minister said 40 people were held. "
        "The Gaza health ministry said 12 people were killed."
    ).claims
    assert claims[1].actor.name == "interior minister" and not claims[1].actor.known
    assert claims[2].actor.name == "Gaza health ministry"


def test_a_country_named_in_the_mention_rules_out_other_countries_records():
    claim = only_claim("Japan's defence ministry said the missile fell outside its waters.")
    assert claim.actor.name == "Japan's defence ministry"
    assert claim.actor.country == "Japan" and claim.actor.parent == "Japan"


def test_heading_passed_apart_from_the_text_still_resolves_it_said():
    claim = only_claim("It said the first ship would sail on Friday.", heading="Turkey says grain corridor reopened")
    assert claim.actor.name == "Turkey"


def test_age_after_a_comma_belongs_to_the_person_before_it():
    claim = only_claim("A woman, 64, said she was afraid to leave her home.")
    assert claim.actor_mention == "A woman"


def test_an_outlet_the_gazetteer_does_not_know_can_be_the_intermediary():
    claim = only_claim("The ambassador told the RND media group that Kyiv would keep asking.")
    assert claim.via.name == "RND media group" and claim.via.kind == "media" and not claim.via.known
    assert claim.text == "Kyiv would keep asking."


def test_they_resolves_to_the_group_named_before():
    claims = extract("Local authorities said the dam held overnight. They added that 200 people were evacuated.").claims
    assert claims[1].actor == claims[0].actor
    assert claims[1].actor.kind == "group" and claims[1].actor_mention == "They"


def test_the_person_a_sentence_is_about_is_who_he_means_next():
    claims = extract(
        "Minister Ida Kron said talks would resume. Piotr Lund was speaking as analysts expect a thaw. "
        "He said the thaw would not last."
    ).claims
    assert claims[-1].actor.name == "Piotr Lund"


def test_title_and_honorific_are_not_part_of_the_actor_and_name_particles_stay():
    claims = extract(
        "Kuwaiti Oil Minister Sheikh Nawaf bin Jaber said output would rise by 3%. "
        "Belgian Finance Minister Lotte van den Berg said 40 firms had applied. "
        "Iraqi Prime Minister Hamid al-Rubaie said 6 suspects were held."
    ).claims
    assert [c.actor.name for c in claims] == ["Nawaf bin Jaber", "Lotte van den Berg", "Hamid al-Rubaie"]
    assert all(c.actor.kind == "person" for c in claims)


def test_he_after_a_titled_name_with_a_particle_is_that_person():
    claims = extract("Emirati envoy Prince Faisal bin Zayed said 8 ships were waiting. He told reporters more would follow.").claims
    assert [c.actor.name for c in claims] == ["Faisal bin Zayed", "Faisal bin Zayed"]


def test_a_description_before_a_proper_name_names_the_proper_name():
    claims = extract(
        "The UN migration agency IOM said 700 people had crossed. The opposition party Nova Polska said 3 mayors resigned. "
        "The think tank Carnegie Balkans said 12 plants were idle. The wire service Agenzia Nord said two ports closed."
    ).claims
    assert [c.actor.name for c in claims] == ["International Organization for Migration", "Nova Polska", "Carnegie Balkans", "Agenzia Nord"]
    assert [c.actor.kind for c in claims[1:]] == ["organization", "organization", "organization"]


def test_agency_acronyms_resolve_even_when_spelled_like_a_word():
    claims = extract("WHO spokesperson Lina Osei said 90 clinics were shut. The WHO said vaccines had run out.").claims
    assert [c.actor.name for c in claims] == ["Lina Osei", "World Health Organization"]
    assert not extract("Residents who fled said 20 homes burned.").claims[0].actor.known


def test_she_after_a_place_headline_is_the_spokesperson_not_the_place():
    text = (
        "Chad: refugees stream across the border\n\n"
        "UNHCR spokesperson Olga Sarrado told reporters in Geneva that 600 people crossed on Monday. "
        "She said the camps were full."
    )
    claims = extract(text, heading="Chad: refugees stream across the border").claims
    assert [(c.actor_mention, c.actor.name) for c in claims] == [
        ("UNHCR spokesperson Olga Sarrado", "Olga Sarrado"), ("She", "Olga Sarrado"),
    ]


def test_one_word_place_before_a_colon_is_a_topic_unless_the_body_names_that_person():
    place = extract("Kassala: floods cut the main road\n\nA local official, Idris Musa, said 3 bridges collapsed. He said 200 homes were lost.")
    assert [c.actor.name for c in place.claims] == ["Idris Musa", "Idris Musa"]
    person = extract("Varga: Budapest will veto the package\n\nHungarian minister Judit Varga said the veto stood.")
    assert [(c.actor_mention, c.actor.name) for c in person.claims] == [("Varga", "Judit Varga"), ("Hungarian minister Judit Varga", "Judit Varga")]


def test_generic_agency_and_group_refer_to_the_last_actor_of_their_kind():
    claims = extract("Ukraine said 4 drones were downed. The UN food agency said 9 convoys were delayed. The agency added that 2 were hit.").claims
    assert [c.actor.name for c in claims] == ["Ukraine", "World Food Programme", "World Food Programme"]
    claims = extract("The Houthi movement said 2 missiles were fired. It said the group would continue. The group said a ship was hit.").claims
    assert {c.actor.name for c in claims} == {"Houthis"}


def test_a_title_before_a_colon_in_a_sub_headline_still_names_the_speaker():
    text = (
        "Retired admiral Lena Ostrowski said the fleet was too small.\n\n"
        "Ex-admiral: Europe must build 20 frigates\n\n"
        "The former commander said shipyards were idle."
    )
    claims = extract(text).claims
    assert [(c.rule, c.actor.name) for c in claims] == [
        ("source_first", "Lena Ostrowski"), ("headline_colon", "Lena Ostrowski"), ("source_first", "Lena Ostrowski"),
    ]


def test_the_group_or_agency_is_the_one_its_own_sentence_names():
    claim = only_claim("The IMF approved a loan of $3 billion for Egypt, the organization said on Friday.")
    assert claim.actor.name == "International Monetary Fund"
    claims = extract("Kyiv said 5 drones were downed. OPEC+ will raise output by 2%, the group said.").claims
    assert claims[1].actor.name == "OPEC+"


def test_an_unknown_two_word_place_before_a_colon_is_a_topic():
    claims = extract("Burkina Faso: convoy ambushed in the north\n\nAn army officer, Issa Kabore, said 12 soldiers died. He said 3 trucks burned.").claims
    assert [c.actor.name for c in claims] == ["Issa Kabore", "Issa Kabore"]
    claims = extract("Josep Ferrer: Andorra will not join\n\nAndorran negotiator Josep Ferrer said talks had ended.").claims
    assert [c.actor.name for c in claims] == ["Josep Ferrer", "Josep Ferrer"]


def test_organisation_names_with_for_are_not_people():
    claims = extract(
        "The London-based Syrian Observatory for Human Rights said 7 fighters died. "
        "The Ministry for Regional Affairs said 4 roads reopened. The Centre for Eastern Studies said exports fell 5%."
    ).claims
    assert [(c.actor.name, c.actor.kind) for c in claims] == [
        ("Syrian Observatory for Human Rights", "ngo"),
        ("Ministry for Regional Affairs", "organization"),
        ("Centre for Eastern Studies", "organization"),
    ]


def test_he_skips_a_lone_unknown_word_but_not_a_titled_surname():
    claims = extract("Eritrea said 3 camps were closed. He said the border was open.").claims
    assert (claims[1].actor_mention, claims[1].actor) == ("He", None)  # unresolved rather than a place
    claims = extract("Governor Halyna Brovko said 6 homes burned. Mayor Kotsyuba said 2 schools were hit. He said power was restored.").claims
    assert claims[2].actor.name == "Kotsyuba"


def test_hyphenated_titles_family_name_first_and_media_references():
    claims = extract(
        "IAEA Director-General Ana Koval said 2 reactors were shut down. "
        "Premier Wang Xiaoming said 9 ships were tracked. Wang said the drills had ended."
    ).claims
    assert [c.actor.name for c in claims] == ["Ana Koval", "Wang Xiaoming", "Wang Xiaoming"]
    claims = extract("Rebel-run Sahel Voice TV reported 3 strikes on the port. The channel said 5 people were hurt.").claims
    assert claims[0].actor.kind == "media" and claims[1].actor == claims[0].actor


def test_told_a_lower_case_news_agency():
    claim = only_claim("The minister told the efe news agency that 12 flights were cancelled.")
    assert claim.actor_mention == "The minister" and claim.text == "12 flights were cancelled."


def test_a_portfolio_title_refers_back_to_the_person_introduced_with_it():
    text = (
        "Chilean Foreign Minister Ana Ruiz arrived in Lima on Monday, local media reported. "
        "The foreign minister told reporters that trade talks would resume."
    )
    claims = extract(text).claims
    assert claims[-1].actor.name == "Ana Ruiz"
    assert claims[-1].actor_mention == "The foreign minister"


def test_a_portfolio_title_with_no_holder_named_before_is_a_new_actor():
    claims = extract("Interior Minister Lena Ott said the border was calm. The finance minister said taxes would rise.").claims
    assert claims[1].actor.name != "Lena Ott"


def test_the_mission_refers_to_the_un_mission_named_before_not_to_a_name_in_the_quotation():
    text = (
        "UNIFIL said a patrol had come under fire near the Blue Line. "
        '"Attacks on UN personnel are unacceptable," the mission said.'
    )
    claims = extract(text).claims
    assert [c.actor.name for c in claims] == ["UNIFIL", "UNIFIL"]


def test_a_titles_complement_is_not_part_of_the_name():
    claim = only_claim("UN High Commissioner for Human Rights Jonas Berg said the detentions were arbitrary.")
    assert claim.actor.name == "Jonas Berg"
    assert claim.actor.kind == "person"
    claim = only_claim("Minister of Foreign Affairs Ilse Haan said the embassy would reopen.")
    assert claim.actor.name == "Ilse Haan"


def test_a_country_after_a_preposition_is_a_place_not_the_speaker():
    claim = only_claim("Aid workers in northern Syria said the convoy had been delayed.")
    assert claim.actor.name != "Syria"
    assert claim.actor_mention == "Aid workers in northern Syria"


def test_a_possessive_subject_runs_to_its_noun():
    claim = only_claim("Norway's largest fishing union has walked out of the talks, saying the quota would cost 2,000 jobs.")
    assert claim.actor_mention == "Norway's largest fishing union"
    assert claim.cue == "saying"


def test_a_name_that_ends_in_a_country_is_not_that_countrys_government():
    assert only_claim("Air Serbia said it had cancelled its flights to Tel Aviv.").actor.name == "Air Serbia"
    assert only_claim("Statistics Norway said unemployment had risen.").actor.name == "Statistics Norway"
    assert only_claim("Norway said it would send more aid.").actor.name == "Norway"
