"""Event times, verification markers and contradiction suggestions."""
import datetime

import pytest

from claims.extraction.dates import resolve_event_time
from sources.parsing.calendar_dates import parse_calendar_date
from tests.extraction.conftest import PUBLISHED, extract, only_claim

THURSDAY = PUBLISHED


def test_asserted_on_is_the_passage_date():
    assert only_claim("Kyiv said the talks failed.").asserted_on == THURSDAY


def test_event_time_words_resolve_against_the_passage_date():
    assert resolve_event_time("drones attacked overnight", THURSDAY) == (THURSDAY, "overnight")
    assert resolve_event_time("the strike on Tuesday", THURSDAY) == (datetime.date(2025, 3, 4), "on Tuesday")
    assert resolve_event_time("the talks in April", THURSDAY) == (datetime.date(2024, 4, 1), "in April")
    assert resolve_event_time("the blast yesterday", THURSDAY) == (datetime.date(2025, 3, 5), "yesterday")
    assert resolve_event_time("the vote last week", THURSDAY) == (datetime.date(2025, 2, 24), "last week")
    assert resolve_event_time("the deal signed on February 27", THURSDAY) == (datetime.date(2025, 2, 27), "February 27")
    assert resolve_event_time("no time at all", THURSDAY) == (None, None)


def test_claim_carries_its_event_date():
    claim = only_claim("The governor said a refinery was hit on Monday.")
    assert (claim.event_date, claim.event_time_text) == (datetime.date(2025, 3, 3), "on Monday")


def test_calendar_dates_in_page_lines():
    assert parse_calendar_date("Published September 14, 2023last updated") == datetime.date(2023, 9, 14)
    assert parse_calendar_date("3 March 2025") == datetime.date(2025, 3, 3)
    assert parse_calendar_date("no date here") is None


def test_unverified_markers_in_the_sentence():
    for text in (
        "The army said it captured the hill, which could not be independently verified.",
        "Separatists said 30 soldiers surrendered, without providing evidence.",
        "The agency reported unconfirmed casualties, officials said.",
    ):
        assert all(c.unverified for c in extract(text).claims) and extract(text).claims, text


def test_unverified_marker_in_the_next_sentence_marks_the_claims_before_it():
    claims = extract("The militia said it downed a jet. The claim could not be verified.").claims
    assert len(claims) == 1 and claims[0].unverified


def test_unmarked_claims_are_not_unverified():
    assert not only_claim("The militia said it downed a jet.").unverified


def test_independent_estimates_are_flagged():
    claim = only_claim("According to independent estimates, about 9,000 troops were deployed.")
    assert claim.independent_estimate
    assert not only_claim("According to the ministry, 9,000 troops were deployed.").independent_estimate


def test_different_numbers_for_the_same_thing_by_different_actors_are_suggested_as_contradictions():
    result = extract(
        "Kyiv said 40 drones were launched overnight. Moscow said 12 drones were launched. "
        "The Kremlin said the talks would resume."
    )
    assert result.contradictions == ((0, 1),)


def test_a_denial_contradicts_the_claim_it_answers():
    result = extract("Prosecutors said the mayor took bribes. The mayor has denied the accusations.")
    assert [c.cue for c in result.claims] == ["said", "has denied"]
    assert result.contradictions == ((0, 1),)


def test_same_actor_is_never_a_contradiction():
    assert extract("Kyiv said 40 drones were launched. Kyiv said 42 drones were launched.").contradictions == ()


def test_different_numbers_about_different_things_are_not_contradictions():
    result = extract("The ministry said 27 people were killed. The UN said 6 million people have fled since 2022.")
    assert result.contradictions == ()


def test_a_general_denial_does_not_contradict_an_unrelated_claim():
    result = extract("Beijing said it opposed the sanctions. Moscow has repeatedly denied targeting civilians.")
    assert result.contradictions == ()


def test_no_confirmation_is_an_unverified_marker():
    assert only_claim("Rebels said they took the airport; there was no immediate confirmation.").unverified


def test_numeric_date_lines():
    assert parse_calendar_date("09/14/2023 10:15 AM") == datetime.date(2023, 9, 14)
    assert parse_calendar_date("14.09.2023") == datetime.date(2023, 9, 14)


def test_launched_and_destroyed_counts_are_not_contradictions():
    result = extract("Officials said Russia launched 90 missiles. The air force said it destroyed 81 missiles.")
    assert result.contradictions == ()


def test_future_wording_resolves_a_weekday_forward():
    assert resolve_event_time("a delegation will travel to Cairo on Monday", THURSDAY) == (datetime.date(2025, 3, 10), "on Monday")


def test_a_bare_number_counts_the_thing_counted_before_it_in_the_sentence():
    result = extract("Kyiv says the attack involved 40 drones, while Moscow claims only 12 drones were launched by Kyiv's forces.")
    assert result.contradictions == ()  # different verbs: "involved" and "launched"
    result = extract("Kyiv says 40 drones were launched, while Moscow claims only 12 were launched.")
    assert result.claims[1].quantities[0].noun == "drones"
    assert result.contradictions == ((0, 1),)


def test_kind_separates_checkable_facts_from_views_and_predictions():
    assert only_claim("The ministry said 14 bridges were destroyed.").kind == "fact"
    assert only_claim("The minister said the bridges must be rebuilt.").kind == "opinion"
    assert only_claim("The mayor said the repairs were unacceptable and slow.").kind == "opinion"
    assert only_claim("The mayor warned that the dam was weak.").kind == "opinion"
    claims = extract('The mayor said the dam held. "We are proud of our engineers."').claims
    assert [c.kind for c in claims] == ["fact", "opinion"]


def test_a_following_marker_sentence_marks_the_claim_before_it_and_is_no_claim_itself():
    for marker in (
        "These numbers could not be independently verified.",
        "AP could not independently confirm the account.",
        "That could not immediately be verified.",
        "DW said it was unable to verify the footage.",
        "The navy's claim could not be verified.",
    ):
        claims = extract(f"The navy said 6 boats were sunk near the island. {marker}").claims
        assert [(c.actor.name, c.unverified) for c in claims] == [("navy", True)], marker


def test_a_marker_naming_one_side_marks_only_that_sides_claims():
    text = "The militia said 11 soldiers were captured. The army said 40 fighters were killed. The army's figures could not be verified."
    assert [(c.actor.name, c.unverified) for c in extract(text).claims] == [("militia", False), ("army", True)]
    text = "The militia said 11 soldiers were captured. The army said 40 fighters were killed. Neither account could be verified."
    assert [c.unverified for c in extract(text).claims] == [True, True]


def test_a_statement_that_something_is_unverified_is_still_its_speakers_claim():
    claim = only_claim("The ministry said the videos could not be verified.")
    assert claim.actor.name == "ministry" and claim.unverified


@pytest.mark.parametrize(
    "marker",
    [
        "There was no way to independently verify the figures.",
        "The rebels provided no evidence.",
        "The figure could not be checked independently.",
    ],
)
def test_more_wordings_of_an_unverified_marker(marker):
    claims = extract(f"The rebels said they had shot down a helicopter. {marker}").claims
    assert [c.unverified for c in claims] == [True]


@pytest.mark.parametrize("published", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31)])
def test_a_date_at_the_edge_of_the_calendar_never_stops_extraction(published):
    text = "The ministry said on Monday that 5 drones were downed. Officials said last week 2 died. It said last year 3 fell."
    claims = extract(text, published_on=published).claims
    assert len(claims) == 3
