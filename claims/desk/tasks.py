"""The desk's Celery tasks: they take ids, call a service, retry what a retry can cure, and leave
the final failure on the row it concerns (the person's delivery settings, the subscription)."""

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.db import InterfaceError, OperationalError

from claims.desk.services.alerts import claims_alert
from claims.desk.services.delivery import (
    DeliveryFailed,
    notifications_email,
    search_subscription_post_webhook as post_webhook,
    users_due_a_digest,
)

RETRY_BASE_SECONDS = 60
RETRY_MAX_SECONDS = 30 * 60
MAX_DELIVERY_RETRIES = 5


def _gives_up(task) -> bool:
    """After the last retry, or at once when tasks run in process (no worker): a retry there would
    hold up the web request that queued it. The error is on the row either way."""
    return task.request.is_eager or task.request.retries >= task.max_retries


def _retry_later(task, error: Exception):
    countdown = get_exponential_backoff_interval(RETRY_BASE_SECONDS, task.request.retries, RETRY_MAX_SECONDS, full_jitter=False)
    return task.retry(countdown=countdown, exc=error)


@shared_task(name="claims.desk.tasks.claims_match_alerts", bind=True, max_retries=MAX_DELIVERY_RETRIES, ignore_result=True)
def claims_match_alerts(self, claim_ids: list[int]) -> int:
    """Queued by claim extraction with the claims it created: notifications are keyed by event, so a
    second run adds none, and a run the database failed is safe to try again."""
    try:
        return len(claims_alert(claim_ids=claim_ids).notifications)
    except (OperationalError, InterfaceError) as error:
        if _gives_up(self):
            raise  # the failure is the task's logged line and counts on the operations page
        raise _retry_later(self, error) from error


@shared_task(name="claims.desk.tasks.notifications_email_send", bind=True, max_retries=MAX_DELIVERY_RETRIES, ignore_result=True)
def notifications_email_send(self, user_id: int, digest: bool = False) -> int:
    try:
        return notifications_email(user_id=user_id, digest=digest)
    except DeliveryFailed as error:
        if _gives_up(self):
            return 0  # the error stays on the person's delivery settings; the notifications stay unsent
        raise _retry_later(self, error) from error


@shared_task(name="claims.desk.tasks.notification_digests_send", ignore_result=True)
def notification_digests_send() -> int:
    """Beat runs this once a day: one digest email per person who chose them and has news."""
    user_ids = users_due_a_digest()
    for user_id in user_ids:
        notifications_email_send.delay(user_id, digest=True)
    return len(user_ids)


@shared_task(name="claims.desk.tasks.search_subscription_post_webhook", bind=True, max_retries=MAX_DELIVERY_RETRIES, ignore_result=True)
def search_subscription_post_webhook(self, subscription_id: int, claim_ids: list[int]) -> bool:
    try:
        return post_webhook(subscription_id=subscription_id, claim_ids=claim_ids)
    except DeliveryFailed as error:
        if _gives_up(self):
            return False  # recorded on the subscription, shown on the saved searches page
        raise _retry_later(self, error) from error
