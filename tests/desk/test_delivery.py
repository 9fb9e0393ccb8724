"""Email (immediate and daily digest) and webhook delivery, against receivers on 127.0.0.1."""

from datetime import datetime, timezone

import pytest
from django.urls import reverse

from claims.desk.models import DeliverySettings, Notification, SearchSubscription
from claims.desk.services.subscriptions import saved_search_subscribe
from claims.desk.tasks import notification_digests_send
from claims.models import SavedSearch, UserPreferences
from tests.conftest import requires_real_services
from tests.desk.receivers import SmtpReceiver, WebhookReceiver
from tests.desk.test_alerts import _new_claim
from tests.factories import UserFactory


@pytest.fixture
def smtp(settings):
    with SmtpReceiver() as receiver:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", receiver.port, 5
        yield receiver


def _assign(client, claim, username="cara-checker"):
    return client.post(reverse("desk:claim_assign", args=[claim.pk]), {"assignee": username})


def test_an_assignment_is_emailed_at_once_through_smtp(editor_client, claim, checker, smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _assign(editor_client, claim, "cara-checker")
    [message] = smtp.messages
    assert message["To"] == "cara@newsroom.example"
    assert "eddie-editor assigned you claim" in message["Subject"]
    body = message.get_content()
    assert f"/claims/{claim.pk}/" in body and "/desk/settings/" in body
    assert Notification.objects.get(recipient=checker).emailed_at is not None
    assert DeliverySettings.objects.get(user=checker).last_email_error == ""


def test_an_email_tells_times_in_the_person_s_time_zone(editor_client, claim, checker, smtp, django_capture_on_commit_callbacks):
    UserPreferences.objects.create(user=checker, time_zone="Asia/Tokyo")
    DeliverySettings.objects.create(user=checker, email_mode="daily")
    with django_capture_on_commit_callbacks(execute=True):
        _assign(editor_client, claim, "cara-checker")
    Notification.objects.update(created_at=datetime(2025, 3, 3, 14, 5, tzinfo=timezone.utc))
    notification_digests_send.delay().get()
    assert "(3 Mar 2025, 23:05, Asia/Tokyo)" in smtp.messages[0].get_content()


def test_a_daily_digest_gathers_everything_in_one_email(editor_client, claim, checker, smtp, django_capture_on_commit_callbacks):
    DeliverySettings.objects.create(user=checker, email_mode="daily")
    with django_capture_on_commit_callbacks(execute=True):
        _assign(editor_client, claim, "cara-checker")
        editor_client.post(reverse("desk:note_add", args=[claim.pk]), {"text": "@cara-checker the map is in the drive"})
    assert smtp.messages == []  # nothing until the digest runs
    assert notification_digests_send.delay().get() == 1
    [digest] = smtp.messages
    assert "daily digest, 2 notifications" in digest["Subject"]
    assert "Assigned to you" in digest.get_content() and "Mentioned you" in digest.get_content()
    assert notification_digests_send.delay().get() == 0  # sent once


def test_read_notifications_and_people_who_chose_no_email_get_none(editor_client, claim, checker, smtp, django_capture_on_commit_callbacks):
    DeliverySettings.objects.create(user=checker, email_mode="off")
    with django_capture_on_commit_callbacks(execute=True):
        _assign(editor_client, claim, "cara-checker")
    assert smtp.messages == []
    assert notification_digests_send.delay().get() == 0


def test_a_refused_email_is_recorded_for_its_person_and_kept_for_later(editor_client, claim, checker, smtp, django_capture_on_commit_callbacks, client):
    smtp.refuse = True
    with django_capture_on_commit_callbacks(execute=True):
        _assign(editor_client, claim, "cara-checker")
    assert smtp.messages == []
    assert Notification.objects.get(recipient=checker).emailed_at is None  # sent with the next email
    client.force_login(checker)
    page = client.get(reverse("desk:settings")).content.decode()
    assert "The last email could not be sent" in page and "554" in page


def test_the_settings_page_saves_the_email_mode(client, checker):
    client.force_login(checker)
    assert client.post(reverse("desk:settings"), {"email_mode": "daily"}).status_code == 302
    assert DeliverySettings.objects.get(user=checker).email_mode == "daily"
    assert client.post(reverse("desk:settings"), {"email_mode": "hourly"}).status_code == 400


@pytest.fixture
def webhook(settings):
    with WebhookReceiver() as receiver:
        settings.ALERT_WEBHOOK_HOSTS = ["127.0.0.1"]
        yield receiver


def _subscribe_with_webhook(user, url):
    saved = SavedSearch.objects.create(user=user, name="Drones <watch>", query="q=drones")
    return saved_search_subscribe(saved_search=saved, subscribed=True, webhook_url=url)


def test_a_new_claim_is_posted_to_the_saved_searchs_webhook_as_slack_json(db, webhook, django_capture_on_commit_callbacks):
    from claims.desk.services.alerts import claims_alert

    user = UserFactory(username="rita", role="viewer")
    subscription = _subscribe_with_webhook(user, webhook.url)
    claim = _new_claim("it downed <b>31</b> drones & more")
    with django_capture_on_commit_callbacks(execute=True):
        claims_alert(claim_ids=[claim.pk])
    [post] = webhook.posts
    assert set(post) == {"text"}
    assert "1 new claim* for the saved search \u201cDrones <watch>\u201d" in post["text"]
    assert f"/claims/{claim.pk}/|#{claim.pk}>" in post["text"]
    assert "&lt;b&gt;31&lt;/b&gt; drones &amp; more" in post["text"]
    subscription.refresh_from_db()
    assert subscription.webhook_last_sent_at is not None and subscription.webhook_last_error == ""


def test_a_failing_webhook_is_recorded_on_the_saved_searches_page(db, webhook, client, django_capture_on_commit_callbacks):
    from claims.desk.services.alerts import claims_alert

    webhook.status = 500
    user = UserFactory(username="rita", role="viewer")
    _subscribe_with_webhook(user, webhook.url)
    with django_capture_on_commit_callbacks(execute=True):
        claims_alert(claim_ids=[_new_claim("it downed drones").pk])
    assert len(webhook.posts) >= 1
    assert "500" in SearchSubscription.objects.get().webhook_last_error
    client.force_login(user)
    assert "Webhook failed" in client.get(reverse("search:saved_searches")).content.decode()


@pytest.fixture
def smtp_for_worker(monkeypatch):
    with SmtpReceiver() as receiver:
        monkeypatch.setenv("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
        monkeypatch.setenv("EMAIL_HOST", "127.0.0.1")
        monkeypatch.setenv("EMAIL_PORT", str(receiver.port))
        yield receiver


@pytest.mark.worker
@requires_real_services
def test_a_real_worker_sends_the_email_of_a_mention(smtp_for_worker, celery_worker_process, editor, checker):
    from django.test import Client

    from tests.factories import AttributionFactory

    claim = AttributionFactory().claim
    client = Client()
    client.force_login(editor)
    client.post(reverse("desk:note_add", args=[claim.pk]), {"text": "@cara-checker see the second source"})
    celery_worker_process(lambda: len(smtp_for_worker.messages) == 1)
    assert "eddie-editor mentioned you" in smtp_for_worker.messages[0]["Subject"]


def test_beat_sends_the_daily_digests_at_the_configured_hour(settings):
    from config.celery_app import app

    entry = settings.CELERY_BEAT_SCHEDULE["notification-digests"]
    assert entry["task"] == notification_digests_send.name and entry["task"] in app.tasks
    assert entry["schedule"].hour == {settings.DIGEST_HOUR_UTC} and entry["schedule"].minute == {0}
