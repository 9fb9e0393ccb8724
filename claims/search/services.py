"""Writes for search: saved searches."""

from datetime import datetime

from django.utils import timezone

from claims.desk.services.subscriptions import saved_search_query_changed
from claims.models import SavedSearch


def saved_search_save(*, user, name: str, query: str) -> SavedSearch:
    """Save the query under `name`, replacing the query of the user's search with that name.

    Claims already there count as seen, so "new since last visit" starts from now.
    """
    saved, _ = SavedSearch.objects.update_or_create(
        user=user, name=name, defaults={"query": query, "last_seen_at": timezone.now()}
    )
    saved_search_query_changed(saved_search=saved)
    return saved


def saved_search_mark_seen(*, saved_search: SavedSearch, seen_at: datetime) -> None:
    SavedSearch.objects.filter(pk=saved_search.pk).update(last_seen_at=seen_at)
    saved_search.last_seen_at = seen_at


def saved_search_delete(*, saved_search: SavedSearch) -> None:
    saved_search.delete()
