from datetime import timedelta

import pytest
from django.utils import timezone

from sources.selectors import feeds_due_ids
from tests.factories import FeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed_polled_later():
    return FeedFactory(next_poll_at=timezone.now() + timedelta(hours=1))


def test_poll_now_answers_with_a_clear_message_and_the_poll_waits_for_beat(editor_client, broker_down, feed_polled_later):
    response = editor_client.post(f"/ingestion/feeds/{feed_polled_later.pk}/poll", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "task queue is unreachable" in response.content.decode()
    # Due now: beat's next tick (feeds_poll_due) polls it once Redis is back.
    assert feed_polled_later.pk in feeds_due_ids()


def test_poll_now_without_javascript_redirects_with_the_message(editor_client, broker_down, feed_polled_later):
    response = editor_client.post(f"/ingestion/feeds/{feed_polled_later.pk}/poll", follow=True)
    assert response.status_code == 200
    assert "task queue is unreachable" in response.content.decode()
