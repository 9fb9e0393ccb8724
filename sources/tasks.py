"""Celery tasks for ingestion. Each takes an id, loads the row and calls a service; each is safe
to run twice. Transient failures retry with exponential backoff (at least what Retry-After
asked); a final failure is recorded on the Feed or Article."""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from celery import current_app, shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction

from sources import services
from sources.fetching import FetchError
from sources.models import Article, Feed
from sources.parsing.urls import canonicalize_url
from sources.selectors import feeds_due_ids

logger = logging.getLogger(__name__)

# Claim extraction belongs to the claims app, which depends on this one: it is handed on by name.
CLAIM_EXTRACTION_TASK = "claims.tasks.article_extract_claims"
RETRY_BASE_SECONDS = 30
MAX_FETCH_RETRIES = 4
# How long a fetch's "running" mark outlives it, at most: longer than the broker takes to hand a
# lost task back (at once when a worker child dies, after the visibility timeout otherwise).
FETCH_RUNNING_MARK_SECONDS = 2 * 3600
WORKER_DIED_ERROR = (
    "the worker fetching this page died (killed, out of memory or over its time limit); "
    "it is not fetched again automatically"
)
FEED_WORKER_DIED_ERROR = (
    "the worker polling this feed died (killed, out of memory or over its time limit); "
    "it is polled again at its next turn"
)


@contextmanager
def _run_that_died(task, kind: str, object_id: int) -> Iterator[bool]:
    """True when an earlier run of this very task died fetching. Tasks are acknowledged late: one
    whose worker died comes back with the same id, and the mark that run left makes a URL that
    kills workers fail once, recorded, instead of coming back forever."""
    mark = f"ingest:{kind}-running:{task.request.id}"
    # (A read then a write, not cache.add: the cache answers add() with False while Redis is away.)
    if cache.get(mark) is not None:
        yield True
        return
    cache.set(mark, object_id, timeout=FETCH_RUNNING_MARK_SECONDS)
    try:
        yield False
    finally:
        cache.delete(mark)


def retry_countdown(*, retries: int, retry_after: float | None) -> float:
    return max(RETRY_BASE_SECONDS * 2**retries, retry_after or 0)


def enqueue_article_fetches(article_ids: list[int]) -> None:
    """Queue fetches once the new articles are committed, over one broker connection."""

    def send() -> None:
        with article_fetch.app.producer_or_acquire() as producer:
            for article_id in article_ids:
                article_fetch.apply_async((article_id,), producer=producer)

    if article_ids:
        transaction.on_commit(send)


def enqueue_claim_extraction(article_id: int) -> None:
    """Hand a split article to claim extraction once the passages are committed."""
    # A signature by name runs in-process when tasks are eager, like the task object's delay().
    transaction.on_commit(lambda: current_app.signature(CLAIM_EXTRACTION_TASK, args=(article_id,)).delay())


@shared_task(name="sources.tasks.feeds_poll_due", ignore_result=True)
def feeds_poll_due() -> int:
    """Beat calls this every tick: claim each due feed (so two beats never poll it twice) and
    queue its poll."""
    queued = 0
    for feed_id in feeds_due_ids():
        if services.feed_claim_due(feed_id=feed_id):
            transaction.on_commit(lambda feed_id=feed_id: feed_poll.delay(feed_id))
            queued += 1
    return queued


@shared_task(name="sources.tasks.feed_poll", bind=True)
def feed_poll(self, feed_id: int) -> dict:
    """Poll one feed and queue fetches for its new and updated entries. Failures are recorded on
    the feed by the service, which also schedules the next poll with backoff: no task retry."""
    feed = Feed.objects.filter(pk=feed_id).select_related("outlet").first()
    if feed is None:
        return {"status": "missing"}
    with _run_that_died(self, "feed-poll", feed.pk) as died:
        if died:
            services.feed_record_failure(feed_id=feed.pk, error=FEED_WORKER_DIED_ERROR)
            return {"status": "failed", "error": FEED_WORKER_DIED_ERROR}
        try:
            result = services.feed_poll(feed=feed)
        except (FetchError, services.FeedParseError) as error:
            return {"status": "failed", "error": str(error)}
    enqueue_article_fetches(result.new_article_ids + result.refetch_article_ids)
    return {
        "status": "not_modified" if result.not_modified else "ok",
        "entries": result.entries,
        "new": len(result.new_article_ids),
        "refetch": len(result.refetch_article_ids),
    }


# No stored results for the per-article tasks: the rows say how they went, and a result backend
# round trip (subscribe, store) per article would double the broker traffic.
@shared_task(name="sources.tasks.article_fetch", bind=True, max_retries=MAX_FETCH_RETRIES, ignore_result=True)
def article_fetch(self, article_id_or_url: int | str) -> dict:
    """Fetch an article by id (or by URL: the ingest_url command), store it, then split it."""
    if isinstance(article_id_or_url, str):
        article = Article.objects.filter(url=canonicalize_url(article_id_or_url)).first()
    else:
        article = Article.objects.filter(pk=article_id_or_url).first()
    if article is None:
        return {"status": "missing"}
    with _run_that_died(self, "article-fetch", article.pk) as died:
        if died:
            services.article_record_failure(article_id=article.pk, error=WORKER_DIED_ERROR, final=True)
            return {"status": "failed", "error": WORKER_DIED_ERROR}
        return _article_fetch_and_split(self, article)


def _article_fetch_and_split(task, article: Article) -> dict:
    try:
        outcome = services.article_fetch(article=article)
    except (FetchError, services.IngestError) as error:
        final = error.permanent or task.request.retries >= task.max_retries
        services.article_record_failure(article_id=article.pk, error=error, final=final)
        if final:
            return {"status": "failed", "error": str(error)}
        if task.request.is_eager:
            # In-process (no broker) nothing can run later: retry now, as Celery's eager retry does;
            # the fetcher still waits out a Retry-After before asking the host again.
            return task.apply((article.pk,), retries=task.request.retries + 1).result
        raise task.retry(countdown=retry_countdown(retries=task.request.retries, retry_after=error.retry_after)) from error
    if outcome in (services.ArticleOutcome.NEW, services.ArticleOutcome.UPDATED):
        # Split here rather than in a task of its own: the stored page is committed, so a crash
        # now leaves the article "fetched" for the article_split task (the stalled-article requeue).
        split_and_hand_on(article.pk)
    return {"status": outcome}


def split_and_hand_on(article_id: int) -> dict:
    """Split a stored article into passages, then hand it to claim extraction."""
    result = services.article_split(article_id=article_id)
    enqueue_claim_extraction(article_id)
    return {"added": result.added, "revised": result.revised, "retired": result.retired}


@shared_task(name="sources.tasks.article_split", ignore_result=True)
def article_split(article_id: int) -> dict:
    """Split an article that was fetched but not split (its fetch task died in between)."""
    return split_and_hand_on(article_id)


@shared_task(name="sources.tasks.upload_ingest", ignore_result=True)
def upload_ingest(upload_id: int) -> None:
    """Ingest a large upload; any failure is recorded on the Upload, where its page shows it."""
    try:
        article = services.upload_ingest(upload_id=upload_id)
    except Exception as error:
        services.upload_record_failure(upload_id=upload_id, error=f"{type(error).__name__}: {error}")
        raise
    if article is not None:
        enqueue_claim_extraction(article.pk)


def _upload_ingest_in_thread(upload_id: int) -> None:
    try:
        upload_ingest.apply((upload_id,))
    finally:
        connections.close_all()  # this thread's own: it ends here


def enqueue_upload_ingest(upload_id: int) -> None:
    """Queue the upload once it is committed. Without a worker (tasks in-process) it runs in a
    thread of this process instead, so the request answers at once and the page shows progress."""

    def send() -> None:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            threading.Thread(target=_upload_ingest_in_thread, args=(upload_id,), daemon=True).start()
        else:
            upload_ingest.delay(upload_id)

    transaction.on_commit(send)
