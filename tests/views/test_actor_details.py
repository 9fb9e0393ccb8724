import pytest

from claims.models import Actor, AuditEntry
from tests.factories import ActorFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db

SHOWN = {"previous_kind": "ministry", "previous_country": "Exampleland", "previous_wikidata_id": "", "previous_is_reviewed": "True"}


def test_it_works(editor_client, editor, ministry):
    response = editor_client.post(f"/actors/{ministry.pk}/details/", {
        **SHOWN, "kind": "military", "country": "Exampleland", "wikidata_id": "Q212", "is_reviewed": "on",
    })
    assert response.status_code == 302
    ministry.refresh_from_db()
    assert (ministry.kind, ministry.wikidata_id) == ("military", "Q212")
    entry = AuditEntry.objects.get(action="actor_set_details")
    assert entry.before == {"kind": "ministry", "wikidata_id": ""} and entry.after == {"kind": "military", "wikidata_id": "Q212"}


def test_an_extractor_actor_is_marked_checked_in_one_click(editor_client):
    found = ActorFactory(name="Port Vell harbour office", is_reviewed=False)
    page = editor_client.get(f"/actors/{found.pk}/").content.decode()
    assert "Mark as checked" in page
    editor_client.post(f"/actors/{found.pk}/details/", {
        "previous_kind": found.kind, "previous_country": "", "previous_wikidata_id": "", "previous_is_reviewed": "False",
        "kind": found.kind, "country": "", "wikidata_id": "", "is_reviewed": "on",
    }, **htmx())
    assert Actor.objects.get(pk=found.pk).is_reviewed
    trail = editor_client.get(f"/actors/{found.pk}/").content.decode().split('id="audit-trail"')[1]
    assert '<span class="field">checked</span> <del dir="auto">no</del> → <ins dir="auto">yes</ins>' in trail  # not "is reviewed False → True"


def test_the_trail_names_the_kind_as_the_form_does(editor_client, ministry):
    editor_client.post(f"/actors/{ministry.pk}/details/", {
        **SHOWN, "kind": "military", "country": "Exampleland", "wikidata_id": "", "is_reviewed": "on",
    })
    trail = editor_client.get(f"/actors/{ministry.pk}/").content.decode().split('id="audit-trail"')[1]
    assert '<span class="field">kind</span> <del dir="auto">Ministry</del> → <ins dir="auto">Military unit</ins>' in trail


def test_a_bad_wikidata_id_is_refused(editor_client, ministry):
    response = editor_client.post(f"/actors/{ministry.pk}/details/", {
        **SHOWN, "kind": "ministry", "country": "Exampleland", "wikidata_id": "212; drop", "is_reviewed": "on",
    }, **htmx())
    assert "A Wikidata id is Q followed by digits" in response.content.decode()
    assert Actor.objects.get(pk=ministry.pk).wikidata_id == ""


def test_a_change_saved_meanwhile_is_not_overwritten(editor_client, ministry):
    Actor.objects.filter(pk=ministry.pk).update(country="Otherland")
    response = editor_client.post(f"/actors/{ministry.pk}/details/", {
        **SHOWN, "kind": "ministry", "country": "Exampleland", "wikidata_id": "", "is_reviewed": "on",
    }, **htmx())
    assert "changed this actor while you were editing it" in response.content.decode()
    assert Actor.objects.get(pk=ministry.pk).country == "Otherland"


def test_viewer_is_forbidden(viewer_client, ministry):
    assert viewer_client.post(f"/actors/{ministry.pk}/details/", {**SHOWN, "kind": "person"}).status_code == 403
