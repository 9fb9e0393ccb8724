"""bench/pages.py times the pages themselves, not the login page a stale session is sent to."""

import pytest
from django.conf import settings

from bench.pages import session_cookie

pytestmark = pytest.mark.django_db


def test_the_bench_s_session_is_logged_in_with_the_backends_configured(client):
    client.cookies[settings.SESSION_COOKIE_NAME] = session_cookie("bench-reader", queue_density="compact")
    response = client.get("/review/")
    assert response.status_code == 200
    assert 'class="queue compact"' in response.content.decode()
