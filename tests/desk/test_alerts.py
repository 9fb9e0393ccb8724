"""Alert matching: saved-search subscriptions and followed actors, as claims are stored."""

from datetime import date

import pytest
from celery.exceptions import Retry
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from claims.desk import tasks as desk_tasks
from claims.desk.models import AlertKey, Follow, Notification, SearchSubscription
from claims.desk.services.alerts import claims_alert, claims_alert_matches
from claims.desk.services.subscriptions import saved_search_subscribe
from claims.desk.tasks import claims_match_alerts
from claims.models import SavedSearch
from claims.search.services import saved_search_save
from tests.factories import ActorFactory, AttributionFactory, OutletFactory, PassageFactory, QuantityFactory, UserFactory
from tests.desk.conftest import post_verdict


@pytest.fixture
def reporter(db):
    return UserFactory(username="rita", role="viewer")


def _subscribe(user, query, name="watch"):
    saved = SavedSearch.objects.create(user=user, name=name, query=query)
    saved_search_subscribe(saved_search=saved, subscribed=True)
    return saved


def _new_claim(text, actor=None, outlet=None, quantity=None, asserted_on=date(2026, 3, 14)):
    passage = PassageFactory(text=f"They said {text}.", article__outlet=outlet or OutletFactory(name="Harbour Courier"))
    attribution = AttributionFactory(claim__text=text, claim__actor=actor or ActorFactory(name="Port Authority"),
                                     claim__asserted_on=asserted_on, passage=passage, sentence=passage.text,
                                     source_start=0, source_end=4, cue_start=5, cue_end=9, content_start=10, content_end=10 + len(text))
    if quantity:
        QuantityFactory(claim=attribution.claim, **quantity)
    return attribution.claim


def _matched(claim_ids):
    return {(item.recipient_id, item.claim_id, item.kind) for item in claims_alert_matches(claim_ids=claim_ids).notifications}


@pytest.mark.parametrize("query, text, matches", [
    ("q=drones", "it intercepted 31 drones over the coast", True),
    ("q=drone", "it intercepted 31 drones over the coast", True),  # stems on PostgreSQL, substring on SQLite
    ("q=drones+-coast", "it intercepted 31 drones over the coast", False),
    ("q=tanks+OR+drones", "it intercepted 31 drones over the coast", True),
    ("q=tanks", "it intercepted 31 drones over the coast", False),
    ("q=drones+harbour", "it intercepted 31 drones over the coast", False),
    ("q=%22intercepted+31%22", "it intercepted 31 drones over the coast", True),
    ("noun=drone&value_min=30", "it intercepted 31 drones over the coast", True),
    ("noun=drone&value_min=40", "it intercepted 31 drones over the coast", False),
    ("date_from=2026-03-15", "it intercepted 31 drones over the coast", False),
    ("verdict=false", "it intercepted 31 drones over the coast", False),
    ("review_state=pending", "it intercepted 31 drones over the coast", True),
    ("", "it intercepted 31 drones over the coast", True),
])
def test_a_subscription_matches_like_its_search(reporter, query, text, matches):
    saved = _subscribe(reporter, query)
    claim = _new_claim(text, quantity={"value": 31, "total": None, "noun": "drones", "text": "31 drones"})
    assert bool(_matched([claim.pk])) is matches
    # The search page agrees with the alert.
    client = Client()
    client.force_login(reporter)
    results = client.get(reverse("search:search") + "?" + saved.query).content.decode()
    assert (f'href="/claims/{claim.pk}/"' in results) is matches


def test_actor_and_outlet_filters_match_only_their_claims(reporter):
    ministry, mayor = ActorFactory(name="Defence Ministry"), ActorFactory(name="Mayor")
    courier, gazette = OutletFactory(name="Courier"), OutletFactory(name="Gazette")
    _subscribe(reporter, f"actor={ministry.pk}", "ministry")
    _subscribe(reporter, f"outlet={gazette.pk}", "gazette")
    by_ministry = _new_claim("it downed drones", actor=ministry, outlet=courier)
    by_mayor = _new_claim("power is back", actor=mayor, outlet=courier)
    in_gazette = _new_claim("schools are closed", actor=mayor, outlet=gazette)
    assert _matched([by_ministry.pk, by_mayor.pk, in_gazette.pk]) == {
        (reporter.pk, by_ministry.pk, "search_match"), (reporter.pk, in_gazette.pk, "search_match"),
    }


def test_a_followed_actor_notifies_its_followers_once_per_claim(reporter, editor):
    ministry = ActorFactory(name="Defence Ministry")
    Follow.objects.create(user=reporter, actor=ministry)
    Follow.objects.create(user=editor, actor=ministry)
    _subscribe(reporter, "q=drones")
    claim = _new_claim("it downed drones", actor=ministry)
    claims_alert(claim_ids=[claim.pk])
    claims_alert(claim_ids=[claim.pk])  # a second run adds nothing
    rows = set(Notification.objects.values_list("recipient__username", "kind"))
    assert rows == {("rita", "search_match"), ("eddie-editor", "actor_claim")}


def test_changing_a_saved_query_recompiles_its_subscription(reporter):
    saved = _subscribe(reporter, "q=drones")
    saved_search_save(user=reporter, name=saved.name, query="q=tanks")
    subscription = SearchSubscription.objects.get(saved_search=saved)
    assert subscription.criteria["text"]["groups"][0][0] == (["tank"] if _postgres() else ["tanks"])
    claim = _new_claim("it destroyed three tanks")
    assert _matched([claim.pk]) == {(reporter.pk, claim.pk, "search_match")}


def test_keys_are_the_most_selective_filter(reporter):
    actor = ActorFactory(name="Defence Ministry")
    saved = _subscribe(reporter, f"actor={actor.pk}&q=drones")
    assert list(AlertKey.objects.filter(subscription__saved_search=saved).values_list("kind", "value")) == [("actor", str(actor.pk))]


def test_rejected_claims_and_inactive_people_hear_nothing(reporter):
    _subscribe(reporter, "q=drones")
    rejected = _new_claim("it downed drones")
    rejected.review_state = "rejected"
    rejected.save()
    assert not _matched([rejected.pk])
    reporter.is_active = False
    reporter.save()
    assert not _matched([_new_claim("it downed more drones").pk])


def test_storing_an_article_notifies_its_new_claims(reporter, settings):
    """The whole path: extraction stores the claims, then the alert task runs (in process here)."""
    from claims.tasks import article_extract_claims
    from tests.factories import ArticleFactory

    _subscribe(reporter, "q=drones")
    article = ArticleFactory(title="Drones", text="x")
    PassageFactory(article=article, text="The defence ministry said it shot down 12 of 15 drones overnight.")
    result = article_extract_claims.delay(article.pk).get()
    assert result["claims_created"] >= 1
    assert Notification.objects.filter(recipient=reporter, kind="search_match").count() == result["claims_created"]


def test_the_subscribe_switch_on_saved_searches(client, reporter):
    client.force_login(reporter)
    saved = SavedSearch.objects.create(user=reporter, name="drones", query="q=drones")
    page = client.get(reverse("search:saved_searches")).content.decode()
    assert "Notify me of new claims" in page
    response = client.post(reverse("desk:saved_search_subscription", args=[saved.pk]), {"subscribed": "on"})
    assert response.status_code == 302 and SearchSubscription.objects.filter(saved_search=saved).exists()
    assert "checked" in client.get(reverse("search:saved_searches")).content.decode()
    client.post(reverse("desk:saved_search_subscription", args=[saved.pk]), {})
    assert not SearchSubscription.objects.exists()


def test_nobody_subscribes_to_another_persons_saved_search(client, reporter, editor):
    saved = SavedSearch.objects.create(user=editor, name="mine", query="q=drones")
    client.force_login(reporter)
    assert client.post(reverse("desk:saved_search_subscription", args=[saved.pk]), {"subscribed": "on"}).status_code == 404


def test_a_webhook_needs_a_host_the_deployment_allows(client, reporter, settings):
    client.force_login(reporter)
    saved = SavedSearch.objects.create(user=reporter, name="drones", query="q=drones")
    url = reverse("desk:saved_search_subscription", args=[saved.pk])
    settings.ALERT_WEBHOOK_HOSTS = []
    # Refused with the reason on the saved searches page, in the app's layout (not a bare 400 text).
    response = client.post(url, {"subscribed": "on", "webhook_url": "https://hooks.example.org/x"}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("search:saved_searches")
    assert "does not send webhooks" in page and "was not changed" in page and "<nav" in page
    settings.ALERT_WEBHOOK_HOSTS = ["hooks.example.org"]
    assert "was not changed" in client.post(url, {"subscribed": "on", "webhook_url": "https://evil.example.net/x"}, follow=True).content.decode()
    assert not SearchSubscription.objects.exists()
    assert client.post(url, {"subscribed": "on", "webhook_url": "https://hooks.example.org/x"}).status_code == 302
    assert SearchSubscription.objects.get().webhook_url == "https://hooks.example.org/x"


def test_following_an_actor_from_its_page(client, reporter):
    actor = ActorFactory(name="Defence Ministry")
    client.force_login(reporter)
    assert "Follow: tell me of new claims" in client.get(reverse("actor_detail", args=[actor.pk])).content.decode()
    response = client.post(reverse("desk:actor_follow", args=[actor.pk]), {"following": "1"}, HTTP_HX_REQUEST="true")
    assert "Following" in response.content.decode()
    assert Follow.objects.filter(user=reporter, actor=actor).exists()
    client.post(reverse("desk:actor_follow", args=[actor.pk]), {"following": "0"})
    assert not Follow.objects.exists()


def test_following_a_claim_brings_its_verdicts(client, reporter, fact_checker, claim):
    client.force_login(reporter)
    client.post(reverse("desk:claim_follow", args=[claim.pk]), {"following": "1"})
    client.force_login(fact_checker)
    post_verdict(client, claim, "false", "Imagery shows otherwise")
    notification = Notification.objects.get(recipient=reporter)
    assert notification.kind == "verdict" and "False" in notification.message


def _postgres():
    from django.conf import settings

    return settings.USING_POSTGRES


def _database_away(**_):
    raise OperationalError("the database is unavailable")


def test_alert_matching_the_database_failed_is_tried_again_later(monkeypatch):
    monkeypatch.setattr(desk_tasks, "claims_alert", _database_away)
    asked = {}

    def retry(countdown=None, exc=None, **_):
        asked.update(countdown=countdown, exc=exc)
        return Retry()

    monkeypatch.setattr(claims_match_alerts, "retry", retry)
    claims_match_alerts.push_request(retries=0, is_eager=False, called_directly=False)
    try:
        with pytest.raises(Retry):
            claims_match_alerts.run([1])
    finally:
        claims_match_alerts.pop_request()
    assert asked["countdown"] == desk_tasks.RETRY_BASE_SECONDS and isinstance(asked["exc"], OperationalError)


def test_alert_matching_in_process_gives_up_at_once_and_says_why(monkeypatch):
    monkeypatch.setattr(desk_tasks, "claims_alert", _database_away)
    with pytest.raises(OperationalError):  # no worker to retry on: the task's log line has the error
        claims_match_alerts.delay([1])
