import pytest

from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_it_works(viewer_client, ministry):
    ActorFactory(name="Unrelated Agency")
    body = viewer_client.get("/actors/suggest/", {"field": "actor", "actor": "the min"}).content.decode()
    assert 'data-actor-name="Example Defence Ministry"' in body and "also the ministry" in body
    assert "Unrelated Agency" not in body


def test_nothing_found_says_so(viewer_client, ministry):
    assert "No actor matches" in viewer_client.get("/actors/suggest/", {"q": "zzzz"}).content.decode()


def test_names_are_escaped(viewer_client):
    ActorFactory(name='Evil "><script>x</script>')
    body = viewer_client.get("/actors/suggest/", {"q": "Evil"}).content.decode()
    assert "<script>x" not in body
