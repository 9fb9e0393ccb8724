"""What every search page reads: permissions and roles from the cache (or one query), outlets from the cache."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.roles import roles_of
from tests.factories import OutletFactory, UserFactory

MOST_QUERIES = 8


def test_a_text_search_by_relevance_takes_at_most_eight_queries(corpus, viewer_client):
    search = {"q": "drones", "sort": "relevance", "outlet": corpus.dw.pk}
    viewer_client.get("/search/", search)  # the session, outlet list and the RUM lookup are cached from here on
    with CaptureQueriesContext(connection) as queries:
        response = viewer_client.get("/search/", search)
    assert response.status_code == 200 and "over Crimea" in response.content.decode()
    assert len(queries) <= MOST_QUERIES, "\n".join(query["sql"] for query in queries.captured_queries)


def test_a_new_outlet_shows_in_the_form_at_once(corpus, viewer_client):
    assert "Meduza" not in viewer_client.get("/search/").content.decode()
    OutletFactory(name="Meduza")
    assert "Meduza" in viewer_client.get("/search/").content.decode()


def test_permissions_and_roles_come_in_one_query(db, django_assert_num_queries):
    editor = UserFactory(username="eda", role="editor")
    with django_assert_num_queries(1):
        assert editor.has_perm("claims.review_claim") and not editor.has_perm("claims.set_verdict")
        assert roles_of(editor) == {"editor"}


def test_permissions_come_from_the_cache_until_a_role_changes(db, django_assert_num_queries):
    from django.contrib.auth.models import Group

    editor = UserFactory(username="eda", role="editor")
    assert editor.has_perm("claims.review_claim")  # read once, then kept in the cache
    next_request_user = type(editor).objects.get(pk=editor.pk)
    with django_assert_num_queries(0):
        assert next_request_user.has_perm("claims.review_claim") and roles_of(next_request_user) == {"editor"}

    editor.groups.set([Group.objects.get(name="viewer")])
    next_request_user = type(editor).objects.get(pk=editor.pk)
    assert not next_request_user.has_perm("claims.review_claim") and roles_of(next_request_user) == {"viewer"}
