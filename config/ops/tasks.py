"""Keep the pipeline moving after crashes: an article left half-way gets its next step queued.

A worker killed mid-task leaves its message unacknowledged in Redis until the broker's
visibility timeout (an hour) passes, and a task sent while Redis was down is never sent at all.
Every step is idempotent, so queueing it again is safe."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction

from claims.tasks import article_extract_claims
from config.ops import services
from config.ops.selectors import articles_stalled
from sources.models import Article
from sources.tasks import article_fetch, article_split

NEXT_STEP = {
    Article.Status.PENDING: article_fetch,
    Article.Status.FETCHED: article_split,
    Article.Status.SPLIT: article_extract_claims,
}


@shared_task(name="config.ops.tasks.requeue_stalled_articles", ignore_result=True)
def requeue_stalled_articles() -> int:
    """Beat runs this every minute; returns how many articles were queued again."""
    stalled = articles_stalled(older_than=timedelta(seconds=settings.STALLED_ARTICLE_AFTER), statuses=list(NEXT_STEP))
    for article_id, status in stalled:
        services.article_mark_requeued(article_id=article_id)
        transaction.on_commit(lambda article_id=article_id, status=status: NEXT_STEP[status].delay(article_id))
    return len(stalled)
