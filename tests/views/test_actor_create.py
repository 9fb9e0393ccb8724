import pytest

from claims.models import Actor, AuditEntry
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, editor):
    response = editor_client.post("/actors/new/", {"name": "  Harbour   Master of Port Vell "}, **htmx())
    assert response.status_code == 200
    actor = Actor.objects.get(name="Harbour Master of Port Vell")
    assert actor.is_reviewed
    body = response.content.decode()
    assert 'data-actor-name="Harbour Master of Port Vell" data-autopick' in body  # the picker picks it
    entry = AuditEntry.objects.get(action="actor_create")
    assert (entry.user, entry.object_id) == (editor, actor.pk)


def test_the_claim_editor_s_picker_offers_to_create_what_nobody_is_called(editor_client, ministry):
    body = editor_client.get("/actors/suggest/", {"field": "actor", "actor": "Harbour Master", "create": "1"}).content.decode()
    assert 'hx-post="/actors/new/"' in body and "Create a new actor “Harbour Master”" in body
    assert 'hx-vals="{&quot;name&quot;: &quot;Harbour Master&quot;}"' in body


def test_no_offer_for_an_existing_name_nor_in_filters(editor_client, ministry):
    exact = editor_client.get("/actors/suggest/", {"field": "actor", "actor": "example defence ministry", "create": "1"})
    assert "/actors/new/" not in exact.content.decode()
    in_a_filter = editor_client.get("/actors/suggest/", {"field": "actor", "actor": "Harbour Master"})
    assert "/actors/new/" not in in_a_filter.content.decode()


def test_the_edit_form_s_picker_asks_for_the_offer(editor_client, claim):
    body = editor_client.get(f"/claims/{claim.pk}/edit/", **htmx()).content.decode()
    assert "/actors/suggest/?field=actor&amp;create=1" in body


def test_a_taken_name_or_alias_is_refused_with_the_actor_to_pick(editor_client, ministry):
    body = editor_client.post("/actors/new/", {"name": "The Ministry"}, **htmx()).content.decode()
    assert "&quot;Example Defence Ministry&quot; already has that name: pick it instead." in body
    assert Actor.objects.count() == 1


def test_an_empty_name_is_refused(editor_client):
    body = editor_client.post("/actors/new/", {"name": "   "}, **htmx()).content.decode()
    assert "The name cannot be empty." in body and not Actor.objects.exists()


def test_a_viewer_may_not_create(viewer_client):
    assert viewer_client.post("/actors/new/", {"name": "Someone"}).status_code == 403
    assert not Actor.objects.exists()
