"""A small newsroom: one article passage with an attributed claim, plus helpers for views."""

import pytest

from tests.factories import ActorAliasFactory, ActorFactory, AttributionFactory, PassageFactory, QuantityFactory

PASSAGE_TEXT = "The ministry said it shot down 12 of 15 drones overnight. Officials gave no <b>details</b>."


@pytest.fixture
def ministry(db):
    actor = ActorFactory(name="Example Defence Ministry", kind="ministry", country="Exampleland")
    ActorAliasFactory(actor=actor, alias="the ministry")
    return actor


@pytest.fixture
def attribution(ministry):
    passage = PassageFactory(text=PASSAGE_TEXT, heading="Overnight attack")
    made = AttributionFactory(
        claim__actor=ministry, claim__text="it shot down 12 of 15 drones overnight", passage=passage,
        sentence="The ministry said it shot down 12 of 15 drones overnight.", content_end=56,
    )
    QuantityFactory(claim=made.claim)
    return made


@pytest.fixture
def claim(attribution):
    return attribution.claim


def htmx(**headers):
    """Headers that make the test client look like htmx."""
    return {"HTTP_HX_REQUEST": "true", **{f"HTTP_{k.upper()}": v for k, v in headers.items()}}
