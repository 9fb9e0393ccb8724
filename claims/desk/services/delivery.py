"""Delivering notifications outside the app: emails (immediate or a daily digest) and webhooks.

Both claim their rows with a conditional update before sending, so two workers never send the
same thing twice; a failed send puts the rows back and records the error where its owner sees it
(the notification settings page, the saved searches page)."""

from zoneinfo import ZoneInfo

import httpx
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from claims.claimreview import claim_page_url
from claims.desk.models import DeliverySettings, Notification, SearchSubscription
from claims.models import Claim
from claims.selectors.users import time_zone_of

MAX_PER_EMAIL = 100
WEBHOOK_TIMEOUT_SECONDS = 10
WEBHOOK_CLAIMS_LISTED = 10


class DeliveryFailed(Exception):
    """The mail server or the webhook refused or was away; the caller may retry."""


def _absolute(path: str) -> str:
    return settings.CLAIMTRACK_NEWSROOM_URL.rstrip("/") + path


def notifications_email(*, user_id: int, digest: bool) -> int:
    """Email the person's unread notifications not emailed yet, in one message; returns how many.

    Immediate mode sends when notifications arrive, daily mode when the digest runs; "off" never."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return 0
    preference, _ = DeliverySettings.objects.get_or_create(user=user)
    wanted = DeliverySettings.EmailMode.DAILY if digest else DeliverySettings.EmailMode.IMMEDIATE
    if preference.email_mode != wanted:
        return 0
    now = timezone.now()
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(recipient=user, read_at__isnull=True, emailed_at__isnull=True)
            .select_related("claim").order_by("created_at", "id")[:MAX_PER_EMAIL]
        )
        if not pending:
            return 0
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=now)
    for notification in pending:
        notification.link = claim_page_url(notification.claim_id)
    time_zone = time_zone_of(user)
    context = {
        "user": user, "notifications": pending, "digest": digest, "time_zone": time_zone,
        "notifications_url": _absolute(reverse("desk:notifications")), "settings_url": _absolute(reverse("desk:settings")),
    }
    subject = (f"Claimtrack: your daily digest, {len(pending)} notification{'s' if len(pending) != 1 else ''}"
               if digest else f"Claimtrack: {pending[0].message[:120]}" if len(pending) == 1
               else f"Claimtrack: {len(pending)} new notifications")
    try:
        with timezone.override(ZoneInfo(time_zone)):  # times as the person reads them in the app
            body = render_to_string("desk/notification_email.txt", context)
        send_mail(subject, body, None, [user.email])
    except Exception as error:  # the mail backend raises its own errors (SMTP, socket, ...)
        Notification.objects.filter(pk__in=[n.pk for n in pending], emailed_at=now).update(emailed_at=None)
        DeliverySettings.objects.filter(user=user).update(last_email_error=f"{timezone.now():%Y-%m-%d %H:%M} UTC: {error!r}")
        raise DeliveryFailed(str(error)) from error
    DeliverySettings.objects.filter(user=user).update(last_email_at=now, last_email_error="")
    return len(pending)


def users_due_a_digest() -> list[int]:
    return list(
        Notification.objects.filter(
            read_at__isnull=True, emailed_at__isnull=True,
            recipient__delivery_settings__email_mode=DeliverySettings.EmailMode.DAILY,
        ).order_by().values_list("recipient_id", flat=True).distinct()
    )


def webhook_payload(subscription: SearchSubscription, claims: list[Claim]) -> dict:
    """Slack's incoming-webhook shape: a `text` with mrkdwn links, which most chat tools accept."""
    name = subscription.saved_search.name
    lines = [f"*{len(claims)} new claim{'s' if len(claims) != 1 else ''}* for the saved search \u201c{name}\u201d:"]
    for claim in claims[:WEBHOOK_CLAIMS_LISTED]:
        who = claim.actor.name if claim.actor else "Unknown actor"
        # Slack reads <, > and & as markup: escape them in the text we pass through.
        said = claim.text[:200].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines.append(f"\u2022 <{claim_page_url(claim.pk)}|#{claim.pk}> {who}: {said}")
    if len(claims) > WEBHOOK_CLAIMS_LISTED:
        lines.append(f"\u2026 and {len(claims) - WEBHOOK_CLAIMS_LISTED} more")
    return {"text": "\n".join(lines)}


def search_subscription_post_webhook(*, subscription_id: int, claim_ids: list[int]) -> bool:
    """POST the new claims to the subscription's webhook; False when there is nothing to post."""
    subscription = SearchSubscription.objects.select_related("saved_search").filter(pk=subscription_id).first()
    if subscription is None or not subscription.webhook_url:
        return False
    claims = list(Claim.objects.filter(pk__in=claim_ids).select_related("actor").order_by("pk"))
    if not claims:
        return False
    try:
        response = httpx.post(subscription.webhook_url, json=webhook_payload(subscription, claims), timeout=WEBHOOK_TIMEOUT_SECONDS)
        response.raise_for_status()
    except httpx.HTTPError as error:
        SearchSubscription.objects.filter(pk=subscription_id).update(
            webhook_last_error=f"{timezone.now():%Y-%m-%d %H:%M} UTC: {error}"[:2000]
        )
        raise DeliveryFailed(str(error)) from error
    SearchSubscription.objects.filter(pk=subscription_id).update(webhook_last_sent_at=timezone.now(), webhook_last_error="")
    return True
