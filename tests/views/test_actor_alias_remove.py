import pytest

from claims.models import ActorAlias, AuditEntry
from tests.factories import ActorAliasFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, ministry):
    alias = ministry.aliases.get()
    response = editor_client.post(f"/actors/{ministry.pk}/aliases/{alias.pk}/remove/", **htmx())
    assert response.content.decode().lstrip().startswith('<section id="actor-profile"')
    assert not ActorAlias.objects.exists()
    assert AuditEntry.objects.get(action="actor_alias_remove").before == {"alias": "the ministry"}


def test_an_alias_of_another_actor_is_404(editor_client, ministry):
    other = ActorAliasFactory(alias="somebody else")
    assert editor_client.post(f"/actors/{ministry.pk}/aliases/{other.pk}/remove/").status_code == 404
    assert ActorAlias.objects.filter(pk=other.pk).exists()


def test_viewer_is_forbidden(viewer_client, ministry):
    alias = ministry.aliases.get()
    assert viewer_client.post(f"/actors/{ministry.pk}/aliases/{alias.pk}/remove/").status_code == 403
    assert ActorAlias.objects.filter(pk=alias.pk).exists() and not AuditEntry.objects.exists()


def test_an_alias_removed_meanwhile_says_who_removed_it(client, editor, fact_checker, ministry):
    alias = ministry.aliases.get()
    client.force_login(fact_checker)
    client.post(f"/actors/{ministry.pk}/aliases/{alias.pk}/remove/", {"seen": 0})
    client.force_login(editor)
    body = client.post(f"/actors/{ministry.pk}/aliases/{alias.pk}/remove/", {"seen": 0}, **htmx()).content.decode()
    assert "Not saved: fran-factchecker changed this actor" in body and "<del>the ministry</del>" in body
    assert "nothing was removed" in body
    assert AuditEntry.objects.filter(action="actor_alias_remove").count() == 1
