from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

HEARTBEAT_KEY = "claimtrack:worker-heartbeat"


@shared_task(name="claims.tasks.worker_heartbeat", ignore_result=False)
def worker_heartbeat() -> str:
    """Beat runs this every minute; /readyz reads the time to tell whether a worker is alive."""
    now = timezone.now().isoformat()
    cache.set(HEARTBEAT_KEY, now, timeout=None)
    return now


@shared_task(name="claims.tasks.article_extract_claims")
def article_extract_claims(article_id: int) -> None:
    """Hand-off from ingestion: replaced by the extraction pipeline (issue 4)."""
