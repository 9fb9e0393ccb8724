"""Forms found on held-out live blogs of the war in Ukraine, on sentences written for these tests."""
from tests.extraction.conftest import extract, only_claim, part

from claims.extraction.quantities import extract_quantities


def test_at_least_before_a_number_is_an_amount_not_a_place():
    claim = only_claim("Officials in three provinces reported at least 12 deaths.")
    assert claim.text == "at least 12 deaths."
    assert [q.value for q in claim.quantities] == [12]


def test_a_long_description_before_a_personal_name_is_a_source():
    claim = only_claim("Mykolaiv regional military administration spokeswoman Olena Vasko said a school had been hit.")
    assert claim.actor.name == "Olena Vasko"
    assert claim.actor.kind == "person"


def test_a_described_organisation_whose_name_ends_in_a_lower_case_word():
    claim = only_claim("Night trains to Kosice are canceled, the Slovak rail operator Zeleznicna spolocnost said.")
    assert claim.actor.name == "Zeleznicna spolocnost"


def test_staff_at_an_organisation_speak_for_it():
    claim = only_claim("Economists at Danske Bank estimated that exports would fall by 4%.")
    assert claim.actor.name == "Danske Bank"
    assert claim.actor_mention == "Economists at Danske Bank"


def test_a_second_verb_after_but_shares_the_speaker_and_keeps_its_numbers():
    claim = only_claim(
        "Meteorologist Eva Lind told reporters that the storm had weakened, but warned that rivers could rise by two meters."
    )
    assert claim.actor.name == "Eva Lind"
    assert [q.value for q in claim.quantities] == [2]


def test_a_claim_rejected_in_an_apposition_names_a_second_speaker():
    claims = extract("Moscow said its troops had taken three villages, a claim Kyiv rejected.").claims
    assert [(c.actor.name, c.cue) for c in claims] == [("Russia", "said"), ("Ukraine", "rejected")]
    assert claims[0].text == "its troops had taken three villages"
    assert [q.value for q in claims[0].quantities] == [3]


def test_a_claim_restated_by_a_denial_keeps_its_numbers():
    text = "Russia claims four villages, Kyiv denies"
    claims = extract(f"{text}\n\nMore fighting was reported.", heading=text).claims
    russia = next(c for c in claims if c.actor.name == "Russia")
    assert [q.value for q in russia.quantities] == [4]
    assert any(c.actor.name == "Ukraine" for c in claims)


def test_a_range_takes_the_scale_of_its_upper_bound():
    (quantity,) = extract_quantities("Exports could reach between 40 and 45 million tonnes.")
    assert (quantity.value, quantity.value_max) == (40_000_000, 45_000_000)


def test_fractions_and_vague_hundreds():
    assert [round(q.value, 3) for q in extract_quantities("Two-thirds of the grid was damaged.")] == [0.667]
    assert [q.value for q in extract_quantities("Wheat makes up three quarters of the total.")] == [0.75]
    assert extract_quantities("Russia moved several hundred paratroopers to the area.") == ()


def test_neither_sides_claims_qualifies_every_claim_of_the_post():
    text = (
        "Moscow said its forces had taken a village near Siversk.\n\n"
        "Ukraine's military said the attack had been repelled.\n\n"
        "A local official said two houses burned.\n\n"
        "Neither side's claims could be independently verified."
    )
    claims = extract(text).claims
    assert len(claims) == 3
    assert all(claim.unverified for claim in claims)


def test_his_office_is_the_office_of_the_person_just_named():
    known = only_claim("Zelenskyy visited troops near Kupiansk on Monday, his office said.")
    assert known.actor.name == "Office of the President of Ukraine"
    unknown = only_claim("Moldovan President Ana Tomescu visited the border on Monday, her office said.")
    assert unknown.actor.name == "Ana Tomescu's office"
    assert unknown.actor.known is False


def test_a_statement_published_by_an_office_names_the_office():
    claim = only_claim("Two generals were dismissed, according to a statement released by the Estonian Defense Forces.")
    assert claim.actor.name == "Estonian Defense Forces"


def test_a_heading_over_a_post_that_attributes_nothing_is_an_event():
    heading = "Warsaw and Lviv confirm partnership"
    text = f"{heading}\n\nThe two mayors signed the agreement at city hall.\n\nIt is the city's twelfth partnership."
    assert extract(text, heading=heading).claims == ()


def test_a_heading_over_a_post_that_attributes_its_statement_stands():
    heading = "Kyiv says two bridges damaged"
    text = f"{heading}\n\nTwo bridges were damaged overnight, Ukraine's military said.\n\nRepairs have begun."
    claims = extract(text, heading=heading).claims
    assert [c.cue for c in claims] == ["headline", "said"]


def test_both_sides_falls_back_to_the_first_two_countries_the_passage_named():
    heading = "Ukraine: Talks in Geneva end without a deal"
    text = (
        f"{heading}\n\nUkraine's envoy told DW that the talks with Russia's delegation were tense. "
        "Meanwhile, both sides reported overnight shelling."
    )
    claims = [c for c in extract(text, heading=heading).claims if c.sentence.startswith("Meanwhile")]
    assert sorted(c.actor.name for c in claims) == ["Russia", "Ukraine"]


def test_both_sides_with_fewer_than_two_countries_named_has_no_speaker():
    text = "Kyiv: Talks end without a deal\n\nThe envoy spoke briefly. Meanwhile, both sides reported overnight shelling."
    assert [c for c in extract(text).claims if c.sentence.startswith("Meanwhile")] == []


def test_told_an_unnamed_outlet_is_no_intermediary():
    media = only_claim("Air force spokesman Taras Bilyk told Ukrainian media that the drones came from the north.")
    assert (media.cue, media.via) == ("told Ukrainian media", None)
    television = only_claim("The spokesman, Ivan Dorosh, told Ukrainian television that the line was holding.")
    assert television.via is None


def test_an_aside_between_the_speaker_and_the_cue():
    claim = only_claim("The Russian Defense Ministry, meanwhile, said it had destroyed 41 drones.")
    assert claim.actor.name == "Russian Defense Ministry"
    assert [q.value for q in claim.quantities] == [41]


def test_a_source_is_not_the_surname_of_an_earlier_source():
    text = "Interfax quoted a source in the fire service as saying a depot burned. The strike was carried out by drones, a source told Reuters."
    claims = extract(text).claims
    assert claims[1].actor.name != claims[0].actor.name
    assert claims[1].via.name == "Reuters"


def test_calling_something_by_a_label_is_an_opinion():
    text = 'Lithuania\'s foreign minister called the strike "a war crime."'
    claim = only_claim(text)
    assert (part(text, claim.cue_span), claim.kind) == ("called", "opinion")
    assert extract("Ukraine called up 20,000 reservists.").claims == ()
    assert extract("Putin called a meeting of the Security Council.").claims == ()


def test_the_company_refers_back_to_the_last_company_named():
    text = "Grid operator Ukrenergo said a substation was hit. The company said repairs would take weeks."
    assert [c.actor.name for c in extract(text).claims] == ["Ukrenergo", "Ukrenergo"]
