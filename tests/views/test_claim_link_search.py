import pytest

from tests.factories import ClaimFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(viewer_client, claim):
    wanted = ClaimFactory(text="the port reopened at dawn")
    for query in ("port reopened", f"#{wanted.pk}"):
        body = viewer_client.get(f"/claims/{claim.pk}/links/search/", {"link_q": query}, **htmx()).content.decode()
        assert f'name="to_claim" value="{wanted.pk}"' in body, query
        assert f'value="{claim.pk}"' not in body


def test_without_javascript_find_shows_the_results_on_the_claim_page(editor_client, claim):
    wanted = ClaimFactory(text="the port reopened at dawn")
    for url in (f"/claims/{claim.pk}/?link_q=reopened", f"/claims/{claim.pk}/links/search/?link_q=reopened"):
        body = editor_client.get(url).content.decode()
        assert "<html" in body and f'name="to_claim" value="{wanted.pk}"' in body


def test_titles_are_escaped(viewer_client, claim):
    ClaimFactory(text="<img src=x onerror=alert(1)> drones")
    body = viewer_client.get(f"/claims/{claim.pk}/links/search/", {"link_q": "drones"}, **htmx()).content.decode()
    assert "<img" not in body and "&lt;img" in body
