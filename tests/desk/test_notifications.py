"""The notifications page: listing, marking one or all read, and who may reach the desk's pages."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.desk.models import Notification
from tests.factories import ClaimFactory


def _notify(recipient, claim, n):
    return Notification.objects.create(recipient=recipient, kind="mentioned", claim=claim, message=f"message {n}", event_key=f"test:{n}")


def test_the_page_lists_the_persons_notifications_newest_first_escaped(client, checker, editor):
    claim = ClaimFactory()
    _notify(checker, claim, 1)
    Notification.objects.create(recipient=checker, kind="assigned", claim=claim, message="<b>bold</b> move", event_key="test:2")
    _notify(editor, claim, 3)
    client.force_login(checker)
    html = client.get(reverse("desk:notifications")).content.decode()
    assert html.index("&lt;b&gt;bold&lt;/b&gt; move") < html.index("message 1")
    assert "message 3" not in html  # another person's
    assert html.count('class="notification is-unread"') == 2


def test_marking_one_read_leaves_the_others_and_updates_the_bell(client, checker):
    claim = ClaimFactory()
    first, second = _notify(checker, claim, 1), _notify(checker, claim, 2)
    client.force_login(checker)
    response = client.post(reverse("desk:notifications_read"), {"notification": first.pk}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert f'id="notification-{first.pk}"' in html and 'class="notification is-read" id="notification-%d"' % first.pk in html
    # The bell's count comes back out of band, so it drops at once rather than at its next refresh.
    assert 'id="nav-bell-count" hx-swap-oob="true" aria-label="1 unread">1</span>' in html
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None and second.read_at is None


def test_nobody_marks_another_persons_notification_read(client, checker, editor):
    theirs = _notify(editor, ClaimFactory(), 1)
    client.force_login(checker)
    assert client.post(reverse("desk:notifications_read"), {"notification": theirs.pk}).status_code == 302
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_a_malformed_notification_number_is_400(client, checker):
    client.force_login(checker)
    assert client.post(reverse("desk:notifications_read"), {"notification": "1 OR 1=1"}).status_code == 400


@pytest.mark.parametrize("name", ["desk:notifications", "desk:my_claims", "desk:settings", "desk:nav_counts"])
def test_the_desks_pages_need_a_login(db, name):
    response = Client().get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name, args, data", [
    ("desk:note_add", "claim", {"text": "hello"}),
    ("desk:claim_follow", "claim", {"following": "1"}),
    ("desk:notifications_read", None, {}),
    ("desk:settings", None, {"email_mode": "off"}),
])
def test_the_desks_posts_need_csrf(editor, name, args, data):
    claim = ClaimFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(reverse(name, args=[claim.pk] if args else []), data).status_code == 403
