"""Saved searches: save under a name, see what is new since the last visit, only your own."""

from django.urls import reverse

from claims.models import SavedSearch
from tests.factories import UserFactory
from tests.search.conftest import make_claim


def save(client, name: str, query: str):
    return client.post(reverse("search:saved_searches"), {"name": name, "query": query})


def test_it_works(viewer_client, viewer, corpus):
    response = save(viewer_client, "Drones", "q=drone&cursor=abc")
    assert response.status_code == 302
    saved = SavedSearch.objects.get(user=viewer)
    assert saved.name == "Drones" and saved.query == "q=drone" and saved.last_seen_at is not None
    html = viewer_client.get(reverse("search:saved_searches")).content.decode()
    assert "Drones" in html and "0 new" in html


def test_new_claims_since_last_visit_are_counted_then_shown_then_seen(viewer_client, viewer, corpus):
    save(viewer_client, "Air force", "actor=Ukrainian+Air+Force")
    saved = SavedSearch.objects.get(user=viewer)
    fresh = make_claim(text="it downed 30 drones", sentence="The air force said it downed 30 drones.",
                       actor=corpus.air_force, outlet=corpus.dw, asserted_on=corpus.korean_troops.asserted_on)
    make_claim(text="unrelated", sentence="The Kremlin said something unrelated.", actor=corpus.russia,
               outlet=corpus.dw, asserted_on=corpus.korean_troops.asserted_on)
    assert "1 new" in viewer_client.get(reverse("search:saved_searches")).content.decode()
    response = viewer_client.get(reverse("search:saved_search_detail", args=[saved.pk]))
    assert [row.claim for row in response.context["results"].rows] == [fresh]
    assert "0 new" in viewer_client.get(reverse("search:saved_searches")).content.decode()
    assert viewer_client.get(reverse("search:saved_search_detail", args=[saved.pk])).context["results"].rows == []


def test_saving_again_under_the_same_name_replaces_the_query(viewer_client, viewer, corpus):
    save(viewer_client, "Mine", "q=drone")
    save(viewer_client, "Mine", "q=grain")
    assert list(SavedSearch.objects.filter(user=viewer).values_list("query", flat=True)) == ["q=grain"]


def test_a_bad_query_is_not_saved(viewer_client, viewer, corpus):
    response = save(viewer_client, "Broken", "date_from=soon")
    assert response.status_code == 400 and "Enter a valid date" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_it_checks_ownership(client, viewer_client, viewer, corpus):
    save(viewer_client, "Private", "q=drone")
    saved = SavedSearch.objects.get(user=viewer)
    client.force_login(UserFactory(username="other-viewer", role="viewer"))
    assert client.get(reverse("search:saved_search_detail", args=[saved.pk])).status_code == 404
    assert client.post(reverse("search:saved_search_remove", args=[saved.pk])).status_code == 404
    html = client.get(reverse("search:saved_searches")).content.decode()
    assert reverse("search:saved_search_detail", args=[saved.pk]) not in html


def test_delete(viewer_client, viewer, corpus):
    save(viewer_client, "Gone soon", "q=drone")
    saved = SavedSearch.objects.get(user=viewer)
    assert viewer_client.post(reverse("search:saved_search_remove", args=[saved.pk])).status_code == 302
    assert not SavedSearch.objects.exists()
