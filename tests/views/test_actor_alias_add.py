import pytest

from claims.models import Actor, ActorAlias, AuditEntry

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, ministry):
    response = editor_client.post(f"/actors/{ministry.pk}/aliases/", {"alias": "MoD"})
    assert response.status_code == 302
    assert ministry.aliases.filter(alias="MoD").exists()
    assert AuditEntry.objects.get(action="actor_alias_add").after == {"alias": "MoD"}
    assert "MoD" in editor_client.get(f"/actors/{ministry.pk}/").content.decode()


def test_a_duplicate_alias_is_refused(editor_client, ministry):
    response = editor_client.post(f"/actors/{ministry.pk}/aliases/", {"alias": "The Ministry"})
    assert response.status_code == 400 and "already a name of this actor" in response.content.decode()


def test_viewer_is_forbidden(viewer_client, ministry):
    assert viewer_client.post(f"/actors/{ministry.pk}/aliases/", {"alias": "x"}).status_code == 403
    assert list(ActorAlias.objects.values_list("alias", flat=True)) == ["the ministry"]


def test_an_actor_merged_meanwhile_gets_no_alias(editor_client, ministry):
    from tests.factories import ActorFactory

    target = ActorFactory(name="Exampleland MoD")
    Actor.objects.filter(pk=ministry.pk).update(merged_into=target)
    response = editor_client.post(f"/actors/{ministry.pk}/aliases/", {"alias": "MoD", "seen": 0})
    assert response.status_code == 409 and "merged into Exampleland MoD" in response.content.decode()
    assert not ActorAlias.objects.filter(alias="MoD").exists()
