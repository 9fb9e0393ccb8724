"""Where the RUM index is missing, the system check and the /ops/ page say relevance ranks a window."""

from django.db import connection
from django.utils.html import escape

from claims.search import rum
from config.ops import views as ops_views


def _drop_rum_index_for_this_test():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # undone with the test's transaction
            cursor.execute(f"DROP INDEX IF EXISTS {rum.RUM_INDEX}")


def test_the_system_check_warns_without_the_rum_index(db):
    _drop_rum_index_for_this_test()
    assert [message.id for message in rum.check_rum_index(databases=["default"])] == ["claims.W001"]


def test_the_system_check_stays_quiet_where_the_index_exists(db):
    if not rum.rum_index_exists():
        return  # SQLite, or a server without the extension: the warning above applies
    assert rum.check_rum_index(databases=["default"]) == []


def test_the_system_check_leaves_the_database_alone_unless_asked(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert rum.check_rum_index(databases=None) == []


def test_ops_says_how_relevance_ranks(editor_client, monkeypatch):
    monkeypatch.setattr(ops_views, "ranking_note", lambda: rum.WITHOUT_RUM)
    assert escape(rum.WITHOUT_RUM) in editor_client.get("/ops/").content.decode()
    monkeypatch.setattr(ops_views, "ranking_note", lambda: "")
    assert "every match through the RUM index" in editor_client.get("/ops/").content.decode()


def test_the_ranking_note_is_true_of_the_database(db, monkeypatch):
    from django.db import connection

    if connection.vendor == "sqlite":  # no full text at all: a missing RUM index is not the story
        assert rum.ranking_note() == rum.ON_SQLITE
        return
    monkeypatch.setattr(rum, "rum_ranking", lambda using: False)
    assert rum.ranking_note() == rum.WITHOUT_RUM
    monkeypatch.setattr(rum, "rum_ranking", lambda using: True)
    assert rum.ranking_note() == ""
