import pytest

from claims.models import Actor, AuditEntry, Claim
from tests.factories import ActorAliasFactory, ActorFactory, AttributionFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, editor, ministry, claim, attribution):
    duplicate = ActorFactory(name="Exampleland MoD")
    ActorAliasFactory(actor=duplicate, alias="the defence ministry")
    ActorAliasFactory(actor=duplicate, alias="The Ministry")  # the target already has it
    moved = AttributionFactory(claim__actor=duplicate, actor=duplicate)
    child = ActorFactory(name="MoD press office", parent=duplicate)

    response = editor_client.post(f"/actors/{duplicate.pk}/merge/", {"target": ministry.name}, **htmx())
    assert response["HX-Redirect"] == f"/actors/{ministry.pk}/"

    duplicate.refresh_from_db()
    assert duplicate.merged_into == ministry
    assert set(ministry.aliases.values_list("alias", flat=True)) == {"the ministry", "the defence ministry", "Exampleland MoD"}
    moved.refresh_from_db()
    assert moved.actor == ministry and Claim.objects.get(pk=moved.claim_id).actor == ministry
    assert Actor.objects.get(pk=child.pk).parent == ministry
    entry = AuditEntry.objects.get(action="actor_merge", object_id=ministry.pk)
    assert entry.user == editor and entry.after["merged"] == "Exampleland MoD" and entry.after["claims_moved"] == 1
    assert AuditEntry.objects.get(action="actor_merged_into", object_id=duplicate.pk).after == {"merged_into": ministry.name}
    body = editor_client.get(f"/actors/{ministry.pk}/").content.decode()
    assert "Exampleland MoD" in body and "merge" in body


def test_merging_into_itself_is_refused(editor_client, ministry):
    response = editor_client.post(f"/actors/{ministry.pk}/merge/", {"target": ministry.name})
    assert response.status_code == 400 and "cannot be merged into itself" in response.content.decode()
    assert Actor.objects.get(pk=ministry.pk).merged_into is None


def test_viewer_is_forbidden(viewer_client, ministry):
    other = ActorFactory(name="Exampleland MoD")
    assert viewer_client.post(f"/actors/{other.pk}/merge/", {"target": ministry.name}).status_code == 403
    assert Actor.objects.get(pk=other.pk).merged_into is None and not AuditEntry.objects.exists()


def test_an_actor_merged_meanwhile_is_not_merged_again(editor_client, ministry):
    duplicate = ActorFactory(name="Exampleland MoD")
    elsewhere = ActorFactory(name="Exampleland Armed Forces")
    Actor.objects.filter(pk=duplicate.pk).update(merged_into=elsewhere)  # after the page was made
    response = editor_client.post(f"/actors/{duplicate.pk}/merge/", {"target": ministry.name})
    assert response.status_code == 400 and "was merged into" in response.content.decode()
    assert Actor.objects.get(pk=duplicate.pk).merged_into == elsewhere
