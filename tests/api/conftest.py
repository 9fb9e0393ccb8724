import pytest
from rest_framework.test import APIClient

from claims.api.services import api_token_issue
from tests.search.conftest import corpus  # noqa: F401  (the search tests' corpus, shared)



@pytest.fixture
def api(viewer) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=viewer).key}")
    return client
