from datetime import datetime, timezone

import pytest
from django.template import Context, Template

from claims.desk.models import DeliverySettings
from claims.models import UserPreferences
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, editor):
    assert editor_client.get("/preferences/").status_code == 200
    response = editor_client.post("/preferences/", {"time_zone": "Asia/Tokyo", "queue_density": "compact"})
    assert response.status_code == 302
    saved = UserPreferences.objects.get(user=editor)
    assert (saved.time_zone, saved.queue_density) == ("Asia/Tokyo", "compact")


def test_times_follow_the_person_s_time_zone(editor_client, editor):
    article = ArticleFactory(published_at=datetime(2025, 3, 3, 14, 5, tzinfo=timezone.utc), title="Harbour live")
    assert "3 Mar 2025, 14:05" in editor_client.get(f"/articles/{article.pk}/").content.decode()
    editor_client.post("/preferences/", {"time_zone": "Asia/Tokyo", "queue_density": "comfortable"})
    assert "3 Mar 2025, 23:05" in editor_client.get(f"/articles/{article.pk}/").content.decode()


def test_the_time_zone_is_remembered_at_the_next_login(client, editor):
    UserPreferences.objects.create(user=editor, time_zone="America/New_York")
    client.force_login(editor)
    article = ArticleFactory(published_at=datetime(2025, 3, 3, 14, 5, tzinfo=timezone.utc))
    assert "3 Mar 2025, 09:05" in client.get(f"/articles/{article.pk}/").content.decode()


def test_a_date_only_source_gets_no_invented_midnight(editor_client):
    article = ArticleFactory(published_at=datetime(2025, 3, 3, tzinfo=timezone.utc))
    body = editor_client.get(f"/articles/{article.pk}/").content.decode()
    assert "3 Mar 2025" in body and "00:00" not in body


def test_a_date_only_source_stays_on_its_day_west_of_greenwich(editor_client):
    editor_client.post("/preferences/", {"time_zone": "America/Los_Angeles", "queue_density": "comfortable"})
    article = ArticleFactory(published_at=datetime(2025, 3, 3, tzinfo=timezone.utc))
    body = editor_client.get(f"/articles/{article.pk}/").content.decode()
    assert "3 Mar 2025" in body and "2 Mar 2025" not in body


def test_an_unknown_time_zone_is_refused(editor_client, editor):
    response = editor_client.post("/preferences/", {"time_zone": "Mars/Olympus", "queue_density": "compact"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert not UserPreferences.objects.filter(user=editor).exists()


def test_one_format_for_days_and_moments():
    rendered = Template("{{ d|day }} / {{ t|moment }} / {{ none|moment|default:'—' }}").render(Context({
        "d": datetime(2025, 3, 3).date(), "t": datetime(2025, 3, 3, 9, 30, tzinfo=timezone.utc), "none": None,
    }))
    assert rendered == "3 Mar 2025 / 3 Mar 2025, 09:30 / —"


def test_the_menu_leads_to_the_preferences(viewer_client):
    assert 'href="/preferences/"' in viewer_client.get("/").content.decode()


def test_the_last_email_is_told_in_the_person_s_time_zone_not_labelled_utc(editor_client, editor):
    DeliverySettings.objects.create(user=editor, last_email_at=datetime(2025, 3, 3, 14, 5, tzinfo=timezone.utc))
    editor_client.post("/preferences/", {"time_zone": "Asia/Tokyo", "queue_density": "comfortable"})
    assert "Last sent 3 Mar 2025, 23:05." in editor_client.get("/desk/settings/").content.decode()
