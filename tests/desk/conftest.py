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
