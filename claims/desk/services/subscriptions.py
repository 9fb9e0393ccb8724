"""Subscribing to a saved search: its new claims notify its owner, and may post to a webhook."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from claims.desk.models import SearchSubscription
from claims.desk.services.alerts import InvalidSavedQuery, search_subscription_compile
from claims.models import SavedSearch


def webhook_url_check(url: str) -> str:
    """Only hosts the deployment lists in ALERT_WEBHOOK_HOSTS: a webhook is a request the server makes."""
    url = url.strip()
    if not url:
        return ""
    allowed = settings.ALERT_WEBHOOK_HOSTS
    if not allowed:
        raise ValidationError({"webhook_url": "This deployment does not send webhooks (ALERT_WEBHOOK_HOSTS is empty)."})
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or parts.hostname not in allowed:
        raise ValidationError({"webhook_url": f"Webhooks may only go to {', '.join(allowed)}."})
    return url


@transaction.atomic
def saved_search_subscribe(*, saved_search: SavedSearch, subscribed: bool, webhook_url: str = "") -> SearchSubscription | None:
    if not subscribed:
        SearchSubscription.objects.filter(saved_search=saved_search).delete()
        return None
    webhook_url = webhook_url_check(webhook_url)
    subscription, created = SearchSubscription.objects.get_or_create(saved_search=saved_search)
    if subscription.webhook_url != webhook_url:
        subscription.webhook_url, subscription.webhook_last_error = webhook_url, ""
        subscription.save(update_fields=["webhook_url", "webhook_last_error"])
    try:
        search_subscription_compile(subscription=subscription)
    except InvalidSavedQuery as error:
        raise ValidationError(f"This saved search cannot be followed: {error}") from error
    return subscription


def saved_search_query_changed(*, saved_search: SavedSearch) -> None:
    """Recompile the subscription of a saved search whose query was replaced."""
    subscription = SearchSubscription.objects.filter(saved_search=saved_search).first()
    if subscription is not None:
        search_subscription_compile(subscription=subscription)
