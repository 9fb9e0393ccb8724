"""Reads for ingestion: what the ingestion page and the scheduler ask about."""

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from sources.models import Article, Feed, Outlet, Upload

OUTLET_CHOICES_KEY = "sources:outlet-choices"

RECENT_ARTICLES = 50
RECENT_UPLOADS = 5


def feeds_due_ids(now=None) -> list[int]:
    return list(Feed.objects.due(now or timezone.now()).order_by("next_poll_at").values_list("id", flat=True))


def feeds_for_ingestion_page() -> QuerySet[Feed]:
    return Feed.objects.select_related("outlet").annotate(article_count=Count("articles")).order_by("outlet__name", "url")


def feed_for_page(feed_id: int) -> Feed | None:
    return feeds_for_ingestion_page().filter(pk=feed_id).first()


def articles_recent(limit: int = RECENT_ARTICLES) -> QuerySet[Article]:
    return (
        Article.objects.select_related("outlet", "feed")
        .annotate(passage_count=Count("passages", filter=Q(passages__is_current=True)))
        .defer("raw_html", "text")
        .order_by("-updated_at", "-id")[:limit]
    )


def article_status_counts() -> dict[str, int]:
    counts = dict(Article.objects.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    return {status: counts.get(status, 0) for status, _ in Article.Status.choices}


def article_progress(article_id: int) -> Article | None:
    """An article's state while it is fetched, split and extracted (no page text loaded)."""
    return (
        Article.objects.select_related("outlet")
        .annotate(passage_count=Count("passages", filter=Q(passages__is_current=True)))
        .defer("raw_html", "text")
        .filter(pk=article_id)
        .first()
    )


def _uploads_for_page() -> QuerySet[Upload]:
    return Upload.objects.select_related("article", "created_by").defer("body", "article__raw_html", "article__text")


def uploads_recent(limit: int = RECENT_UPLOADS) -> QuerySet[Upload]:
    return _uploads_for_page()[:limit]


def upload_for_page(upload_id: int) -> Upload | None:
    return _uploads_for_page().filter(pk=upload_id).first()
def outlet_choices() -> list[tuple[int, str]]:
    """(id, name) of every outlet by name, for the search form's select on every page: kept in the cache
    until an outlet is saved or deleted (SourcesConfig.ready clears it)."""
    return cache.get_or_set(OUTLET_CHOICES_KEY, lambda: list(Outlet.objects.order_by("name").values_list("id", "name")), None)
