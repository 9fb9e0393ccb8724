import pytest

from claims.roles import FACT_CHECKER
from tests.factories import AttributionFactory, QuantityFactory, UserFactory


@pytest.fixture
def claim(db):
    attribution = AttributionFactory()
    QuantityFactory(claim=attribution.claim)
    return attribution.claim


@pytest.fixture
def checker(db):
    """A second fact-checker, with an email address."""
    return UserFactory(username="cara-checker", email="cara@newsroom.example", role=FACT_CHECKER)


def post_verdict(client, claim, verdict: str, note: str):
    """The claim page's verdict form, sent with the claim's current version as the page would."""
    from django.urls import reverse

    from claims.models import Claim

    version = Claim.objects.get(pk=claim.pk).version
    return client.post(reverse("claim_verdict", args=[claim.pk]), {"verdict": verdict, "note": note, "version": version})
