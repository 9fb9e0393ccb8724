import logging
from dataclasses import asdict

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from claims.desk.services.alerts import alerts_have_listeners
from claims.desk.tasks import claims_match_alerts
from claims.services.extraction_store import article_claims_store, articles_claim_stale_extractions
from sources.models import Article
from sources.services import article_record_failure

logger = logging.getLogger(__name__)

HEARTBEAT_KEY = "claimtrack:worker-heartbeat"
EXTRACT_RETRY_BASE_SECONDS = 30
EXTRACT_RETRY_MAX_SECONDS = 15 * 60
MAX_EXTRACT_RETRIES = 4
STALE_EXTRACTION_BATCH = 50


@shared_task(name="claims.tasks.worker_heartbeat", ignore_result=False)
def worker_heartbeat() -> str:
    """Beat runs this every minute; /readyz reads the time to tell whether a worker is alive."""
    now = timezone.now().isoformat()
    cache.set(HEARTBEAT_KEY, now, timeout=None)
    return now


# No stored result, like the ingestion tasks' per article: the article's row says how it went, and
# storing the counts in Redis (a write and a publish) was read by nobody.
@shared_task(name="claims.tasks.article_extract_claims", bind=True, max_retries=MAX_EXTRACT_RETRIES, ignore_result=True)
def article_extract_claims(self, article_id: int) -> dict:
    """Extract and store the claims of an article's current passages; safe to run again.

    A database that is away or busy is retried with exponential backoff; any other error is a
    fault that a retry would repeat, so it is recorded on the article at once."""
    # The store needs the outlet (the publisher) and the dates, not the page itself.
    article = Article.objects.select_related("outlet").defer("raw_html", "text").filter(pk=article_id).first()
    if article is None:
        return {"status": "missing"}
    # Not split yet (the split queues this task again), or a copy of an article we hold.
    if article.status in (Article.Status.PENDING, Article.Status.FETCHED, Article.Status.DUPLICATE):
        return {"status": f"skipped: article is {article.status}"}
    try:
        result = article_claims_store(article=article)
    except (OperationalError, InterfaceError) as error:
        final = self.request.retries >= self.max_retries
        article_record_failure(article_id=article_id, error=f"claim extraction: {error}", final=final)
        if final:
            return {"status": "failed", "error": str(error), "attempts": self.request.retries + 1}
        countdown = get_exponential_backoff_interval(
            EXTRACT_RETRY_BASE_SECONDS, self.request.retries, EXTRACT_RETRY_MAX_SECONDS, full_jitter=False
        )
        raise self.retry(countdown=countdown) from error
    except Exception as error:
        logger.exception("claim extraction failed for article %s", article_id)
        article_record_failure(article_id=article_id, error=f"claim extraction: {error!r}", final=True)
        return {"status": "failed", "error": repr(error), "attempts": self.request.retries + 1}
    if result.new_claim_ids and alerts_have_listeners():
        claims_match_alerts.delay(result.new_claim_ids)
    return {"status": "extracted", **asdict(result)}


@shared_task(name="claims.tasks.articles_extract_stale", ignore_result=True)
def articles_extract_stale() -> int:
    """Beat runs this every few minutes: after a new extractor version is deployed, articles are
    extracted again a batch at a time, newest first, so the workers are never flooded."""
    article_ids = articles_claim_stale_extractions(limit=STALE_EXTRACTION_BATCH)
    for article_id in article_ids:
        transaction.on_commit(lambda article_id=article_id: article_extract_claims.delay(article_id))
    return len(article_ids)
