"""Creating notifications, reading them, and each person's delivery choice."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from claims.desk.models import DeliverySettings, Notification


@dataclass(frozen=True)
class NotificationInput:
    recipient_id: int
    kind: str
    claim_id: int
    message: str
    event_key: str
    caused_by_id: int | None = None
    saved_search_id: int | None = None


def notifications_create(items: Iterable[NotificationInput]) -> None:
    """Store the notifications (one that exists already for its event is skipped) and, after the
    commit, have each recipient's immediate emails sent."""
    rows = [
        Notification(
            recipient_id=item.recipient_id, kind=item.kind, claim_id=item.claim_id, message=item.message[:500],
            event_key=item.event_key, caused_by_id=item.caused_by_id, saved_search_id=item.saved_search_id,
        )
        for item in items
        if item.recipient_id != item.caused_by_id  # nobody hears of what they did themselves
    ]
    if not rows:
        return
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    recipients = sorted({row.recipient_id for row in rows})
    transaction.on_commit(lambda: _email_immediately(recipients))


def _email_immediately(recipient_ids: list[int]) -> None:
    # The task module imports this one (its tasks call these services), so it is imported here.
    from claims.desk.tasks import notifications_email_send

    daily_or_off = set(
        DeliverySettings.objects.filter(user_id__in=recipient_ids)
        .exclude(email_mode=DeliverySettings.EmailMode.IMMEDIATE).values_list("user_id", flat=True)
    )
    for user_id in recipient_ids:
        if user_id not in daily_or_off:
            notifications_email_send.delay(user_id)


def notifications_mark_read(*, user, notification_ids: list[int] | None = None) -> int:
    """Mark the person's notifications read: these ones, or all of them."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())


def delivery_settings_of(user) -> DeliverySettings:
    settings, _ = DeliverySettings.objects.get_or_create(user=user)
    return settings


def delivery_settings_set(*, user, email_mode: str) -> DeliverySettings:
    settings = delivery_settings_of(user)
    settings.email_mode = email_mode
    settings.save(update_fields=["email_mode"])
    return settings
