"""Reads for the operations page: the task queue, task throughput, feed health, extraction lag."""

import time
from dataclasses import dataclass
from datetime import timedelta
from statistics import median

import redis
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from config.task_logs import minute_bucket, task_counter_key
from sources.models import Article, Feed

DEFAULT_QUEUE = "celery"
UNACKED_KEY = "unacked"  # kombu's Redis transport keeps delivered, unacknowledged tasks here
OUTCOMES = ("success", "failure", "retry")
LAG_WINDOW = timedelta(hours=24)
PROBE_TIMEOUT_SECONDS = 1.0


@dataclass(frozen=True)
class QueueState:
    waiting: int | None  # tasks in the queue no worker has taken yet
    reserved: int | None  # tasks a worker took and has not acknowledged (running or prefetched)
    error: str = ""


@dataclass(frozen=True)
class MinuteCount:
    minutes_ago: int
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class LagSummary:
    articles: int
    median_seconds: float | None = None
    p95_seconds: float | None = None
    max_seconds: float | None = None


def queue_state() -> QueueState | None:
    """None when tasks run in-process (no broker to look at)."""
    broker = settings.CELERY_BROKER_URL
    if not broker.startswith(("redis://", "rediss://")):
        return None
    client = redis.Redis.from_url(
        broker, socket_connect_timeout=PROBE_TIMEOUT_SECONDS, socket_timeout=PROBE_TIMEOUT_SECONDS
    )
    try:
        return QueueState(waiting=client.llen(DEFAULT_QUEUE), reserved=client.hlen(UNACKED_KEY))
    except redis.RedisError as error:
        return QueueState(waiting=None, reserved=None, error=str(error))
    finally:
        client.close()


def task_runs_by_minute(*, minutes: int = 10) -> list[MinuteCount]:
    """Task runs per outcome for each of the last `minutes` minutes, the current one first."""
    now = minute_bucket(time.time())
    keys = {
        (ago, outcome): task_counter_key(outcome, now - ago) for ago in range(minutes) for outcome in OUTCOMES
    }
    found = cache.get_many(list(keys.values()))
    return [
        MinuteCount(ago, {outcome: int(found.get(keys[ago, outcome], 0)) for outcome in OUTCOMES})
        for ago in range(minutes)
    ]


def tasks_per_minute(rows: list[MinuteCount]) -> float:
    """Average over the complete minutes (the current one is still filling up)."""
    complete = rows[1:]
    return sum(row.total for row in complete) / len(complete) if complete else 0.0


def feeds_health() -> QuerySet[Feed]:
    """Every feed with its failure state and how many of its articles failed, worst first."""
    return (
        Feed.objects.select_related("outlet")
        .annotate(failed_articles=Count("articles", filter=Q(articles__status=Article.Status.FAILED)))
        .order_by("-consecutive_failures", "-failure_score", "outlet__name", "url")
    )


def percentile(values: list[float], fraction: float) -> float | None:
    """The nearest-rank value at this fraction (0.95 for p95); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def _summary(lags: list[float]) -> LagSummary:
    if not lags:
        return LagSummary(articles=0)
    return LagSummary(len(lags), median(lags), percentile(lags, 0.95), max(lags))


def extraction_lag(*, window: timedelta = LAG_WINDOW) -> dict[str, LagSummary]:
    """Seconds from publication (a live blog's latest update) to extracted claims, and from the
    moment a feed poll found the article, for articles extracted within the window."""
    rows = Article.objects.filter(extracted_at__gte=timezone.now() - window).values_list(
        "published_at", "source_updated_at", "created_at", "extracted_at"
    )
    since_published, since_found = [], []
    for published, updated, created, extracted in rows:
        latest = max(filter(None, (published, updated)), default=None)
        if latest is not None:
            since_published.append(max((extracted - latest).total_seconds(), 0.0))
        since_found.append(max((extracted - created).total_seconds(), 0.0))
    return {"since_published": _summary(since_published), "since_found": _summary(since_found)}


def articles_stalled(*, older_than: timedelta, statuses: list[str]) -> list[tuple[int, str]]:
    """(id, status) of articles in a mid-pipeline status that nothing has touched for a while."""
    return list(
        Article.objects.filter(status__in=statuses, updated_at__lt=timezone.now() - older_than)
        .order_by("updated_at")
        .values_list("id", "status")
    )
