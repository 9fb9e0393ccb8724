from datetime import date

import pytest

from claims.models import AuditEntry, Claim, Quantity
from tests.factories import ActorAliasFactory, ActorFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def _edit(claim, **changes):
    data = {"version": claim.version, "actor": "Example Defence Ministry",
            "content": "it shot down 12 of 15 drones overnight", "asserted_on": "2026-03-14", "quantities": "12 of 15 drones"}
    return {**data, **changes}


def test_it_works(editor_client, editor, claim):
    army = ActorFactory(name="Example Army", kind="military")
    ActorAliasFactory(actor=army, alias="the troops")
    response = editor_client.post(
        f"/claims/{claim.pk}/edit/",
        _edit(claim, actor="the troops", content="shot down 12 of 15 drones", asserted_on="2026-03-13",
              quantities="12 of 15 drones\n~3 pilots"),
        **htmx(),
    )
    assert response.status_code == 200
    assert 'class="badge state-corrected"' in response.content.decode()
    claim.refresh_from_db()
    attribution = claim.attributions.get()
    assert (claim.actor, attribution.actor, claim.text, claim.asserted_on, claim.version) == (
        army, army, "shot down 12 of 15 drones", date(2026, 3, 13), 2)
    assert (attribution.content_start, attribution.content_end) == (21, 46)
    assert [(q.value, q.total, q.noun, q.approximate) for q in Quantity.objects.filter(claim=claim)] == [
        (12, 15, "drones", False), (3, None, "pilots", True)]
    entry = AuditEntry.objects.get(action="claim_correct")
    assert entry.user == editor
    assert entry.before["actor"] == "Example Defence Ministry" and entry.after["actor"] == "Example Army"
    assert entry.after["quantities"] == ["12 of 15 drones", "~3 pilots"]


def test_saving_without_changes_counts_as_accepting(editor_client, claim):
    editor_client.post(f"/claims/{claim.pk}/edit/", _edit(claim), **htmx())
    claim.refresh_from_db()
    assert claim.review_state == "accepted" and claim.quantities.get().text == "12 of 15 drones"


def test_the_form_comes_filled_in_as_a_fragment_or_on_the_claim_page(editor_client, claim):
    fragment = editor_client.get(f"/claims/{claim.pk}/edit/", **htmx()).content.decode()
    assert fragment.lstrip().startswith('<article class="review-card editing"')
    assert 'value="Example Defence Ministry"' in fragment and ">12 of 15 drones</textarea>" in fragment
    assert 'name="version" value="1"' in fragment
    page = editor_client.get(f"/claims/{claim.pk}/edit/").content.decode()
    assert "<html" in page and 'class="review-card editing"' in page
    assert 'class="review-card editing"' in editor_client.get(f"/claims/{claim.pk}/?edit=1").content.decode()


def test_a_stale_save_changes_nothing_shows_their_change_and_keeps_mine(client, editor, fact_checker, claim):
    client.force_login(fact_checker)
    client.post(f"/claims/{claim.pk}/edit/", _edit(claim, quantities="12 of 16 drones"), **htmx())
    client.force_login(editor)
    response = client.post(f"/claims/{claim.pk}/edit/", _edit(claim, content="shot down 12 of 15 drones"), **htmx())
    body = response.content.decode()
    assert "Someone else saved this claim while you were editing" in body
    assert "fran-factchecker" in body and "12 of 16 drones" in body
    assert ">shot down 12 of 15 drones</textarea>" in body  # my unsaved input is still there
    assert 'name="version" value="2"' in body  # saving again overwrites on purpose
    claim.refresh_from_db()
    assert claim.text == "it shot down 12 of 15 drones overnight" and claim.version == 2


def test_a_stale_save_without_javascript_answers_409(editor_client, claim):
    Claim.objects.filter(pk=claim.pk).update(version=5)
    response = editor_client.post(f"/claims/{claim.pk}/edit/", _edit(claim))
    assert response.status_code == 409 and "Someone else saved this claim" in response.content.decode()


@pytest.mark.parametrize("changes, message", [
    ({"content": "words that are not in the passage"}, "must be words from the passage"),
    ({"actor": "Nobody We Know"}, "No actor is called"),
    ({"quantities": "lots of drones"}, "should start with a number"),
    ({"quantities": "20 of 15 drones"}, "cannot be larger than the total"),
])
def test_bad_input_is_explained_and_nothing_changes(editor_client, claim, changes, message):
    response = editor_client.post(f"/claims/{claim.pk}/edit/", _edit(claim, **changes), **htmx())
    assert message in response.content.decode()
    claim.refresh_from_db()
    assert (claim.version, claim.review_state) == (1, "pending")
    assert not AuditEntry.objects.exists()


def test_viewer_can_neither_open_nor_save_the_form(viewer_client, claim):
    assert viewer_client.get(f"/claims/{claim.pk}/edit/", **htmx()).status_code == 403
    assert viewer_client.post(f"/claims/{claim.pk}/edit/", _edit(claim, content="shot down"), **htmx()).status_code == 403
    assert Claim.objects.get(pk=claim.pk).text == "it shot down 12 of 15 drones overnight"
