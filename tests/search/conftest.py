"""A small corpus of claims that every search test reads: two outlets, an actor family, five claims."""

import os
from dataclasses import dataclass
from datetime import date

import pytest
from django.conf import settings

from claims.models import Claim, Verdict
from claims.search.rum import rum_ranking
from tests.factories import (
    ActorAliasFactory, ActorFactory, ArticleFactory, AttributionFactory, ClaimFactory, OutletFactory,
    PassageFactory, QuantityFactory,
)


def make_claim(*, text, sentence, actor, outlet, asserted_on, verdict=Verdict.UNVERIFIED,
               review_state=Claim.ReviewState.ACCEPTED, quantity=None):
    claim = ClaimFactory(text=text, actor=actor, asserted_on=asserted_on, verdict=verdict, review_state=review_state)
    passage = PassageFactory(article=ArticleFactory(outlet=outlet), text=sentence)
    AttributionFactory(
        claim=claim, passage=passage, sentence=sentence, source_mention="", source_start=None, source_end=None,
        cue_start=None, cue_end=None, content_start=0, content_end=len(sentence),
    )
    if quantity:
        value, noun = quantity
        QuantityFactory(claim=claim, value=value, total=None, noun=noun, text=f"{value} {noun}")
    return claim


@dataclass
class Corpus:
    dw: object
    reuters: object
    russia: object
    defense_ministry: object
    air_force: object
    crimea_drones: Claim
    downed_drones: Claim
    grain_deal: Claim
    korean_troops: Claim
    undated_exercise: Claim


@pytest.fixture
def corpus(db) -> Corpus:
    dw, reuters = OutletFactory(name="DW"), OutletFactory(name="Reuters")
    russia = ActorFactory(name="Russia", kind="government")
    ActorAliasFactory(actor=russia, alias="the Kremlin")
    defense_ministry = ActorFactory(name="Russian Defense Ministry", parent=russia)
    air_force = ActorFactory(name="Ukrainian Air Force", kind="military")
    ActorAliasFactory(actor=air_force, alias="Kyiv air command")
    return Corpus(
        dw=dw, reuters=reuters, russia=russia, defense_ministry=defense_ministry, air_force=air_force,
        crimea_drones=make_claim(
            text="air defences destroyed 17 drones over Crimea",
            sentence="The Russian Defense Ministry said air defences destroyed 17 drones over Crimea.",
            actor=defense_ministry, outlet=dw, asserted_on=date(2023, 9, 14), verdict=Verdict.FALSE,
            quantity=(17, "drones"),
        ),
        downed_drones=make_claim(
            text="it downed 17 of 22 Russian drones overnight",
            sentence="Ukraine's air force said it downed 17 of 22 Russian drones overnight.",
            actor=air_force, outlet=dw, asserted_on=date(2023, 9, 15), verdict=Verdict.VERIFIED,
            quantity=(17, "drones"),
        ),
        grain_deal=make_claim(
            text="the grain deal would not be extended",
            sentence="The Kremlin said the grain deal would not be extended.",
            actor=russia, outlet=reuters, asserted_on=date(2023, 10, 2), review_state=Claim.ReviewState.PENDING,
        ),
        korean_troops=make_claim(
            text="10,000 North Korean troops were fighting in Kursk",
            sentence="Kyiv said 10,000 North Korean troops were fighting in Kursk.",
            actor=air_force, outlet=reuters, asserted_on=date(2024, 11, 12), verdict=Verdict.MISLEADING,
            review_state=Claim.ReviewState.CORRECTED, quantity=(10000, "troops"),
        ),
        undated_exercise=make_claim(
            text="a drone exercise took place near the border",
            sentence="The ministry said a drone exercise took place near the border.",
            actor=defense_ministry, outlet=reuters, asserted_on=None, review_state=Claim.ReviewState.REJECTED,
        ),
    )


@pytest.fixture
def rum_index(db) -> None:
    """For tests of ranking through the RUM index. Skipped on SQLite and on a PostgreSQL without the rum
    extension; under CI on PostgreSQL a missing index fails, as .ci/run installs the extension."""
    if rum_ranking():
        return
    if settings.USING_POSTGRES and os.environ.get("CI"):
        pytest.fail("the test database has no RUM index: CI must install the rum extension (postgresql-15-rum)")
    pytest.skip("ranking through RUM needs PostgreSQL with the rum extension")
