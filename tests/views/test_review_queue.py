from datetime import date

import pytest
from django.test import Client

from claims.models import Claim
from tests.factories import ActorFactory, ArticleFactory, AttributionFactory, ClaimFactory, FeedFactory, PassageFactory, QuantityFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, claim):
    response = editor_client.get("/review/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<mark class="hl-source">The ministry</mark>' in body
    assert '<mark class="hl-cue">said</mark>' in body
    assert '<mark class="hl-content">it shot down 12 of 15 drones overnight</mark>.' in body
    assert "Example Defence Ministry" in body and "12 of 15 drones" in body and "cue-after-source" in body
    assert "js/review-keys.js" in body


def test_article_text_is_escaped_not_trusted(editor_client):
    passage = PassageFactory(text="<script>alert(1)</script> The army said it held the line.")
    AttributionFactory(passage=passage, sentence="The army said it held the line.", source_start=26, source_end=34,
                       cue_start=35, cue_end=39, content_start=40, content_end=56)
    body = editor_client.get("/review/").content.decode()
    assert "<script>alert(1)" not in body


def test_only_pending_claims_newest_first(editor_client):
    old = AttributionFactory(claim__text="older claim").claim
    new = AttributionFactory(claim__text="newer claim").claim
    AttributionFactory(claim__text="done already", claim__review_state="accepted")
    body = editor_client.get("/review/").content.decode()
    assert body.index(f'id="claim-{new.pk}"') < body.index(f'id="claim-{old.pk}"')
    assert "done already" not in body


def test_filters_by_outlet_feed_actor_and_date(editor_client):
    feed = FeedFactory()
    wanted = AttributionFactory(passage__article=ArticleFactory(outlet=feed.outlet, feed=feed),
                                claim__actor=ActorFactory(name="Port Authority"), claim__asserted_on=date(2026, 2, 1)).claim
    other = AttributionFactory(claim__asserted_on=date(2026, 1, 1)).claim
    for query in (f"outlet={feed.outlet_id}", f"feed={feed.pk}", "actor=port+authority", "date_from=2026-01-15",
                  "date_to=2026-02-01&date_from=2026-02-01"):
        body = editor_client.get(f"/review/?{query}").content.decode()
        assert f'id="claim-{wanted.pk}"' in body, query
        assert f'id="claim-{other.pk}"' not in body, query


def test_an_unknown_actor_filter_says_so(editor_client, claim):
    body = editor_client.get("/review/?actor=Nobody+Known").content.decode()
    assert "No actor is called" in body


def test_pages_keep_the_filters_in_the_url(editor_client, ministry):
    ClaimFactory.create_batch(51, actor=ministry)
    body = editor_client.get(f"/review/?actor=the+ministry").content.decode()
    assert "1–50 of 51 waiting" in body
    assert 'href="?actor=the+ministry&amp;page=2"' in body
    second = editor_client.get("/review/?actor=the+ministry&page=2").content.decode()
    assert "51–51 of 51 waiting" in second


def test_htmx_gets_only_the_list(editor_client, claim):
    response = editor_client.get("/review/", **htmx())
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="queue-list"') and "<html" not in body
    assert "HX-Request" in response["Vary"]


def test_history_restore_gets_the_whole_page(editor_client, claim):
    body = editor_client.get("/review/", **htmx(hx_history_restore_request="true")).content.decode()
    assert "<html" in body


def test_viewer_reads_the_queue_without_actions(viewer_client, claim):
    body = viewer_client.get("/review/").content.decode()
    assert f'id="claim-{claim.pk}"' in body
    assert f"/claims/{claim.pk}/accept/" not in body and 'id="bulk-form"' not in body


def test_a_50_row_page_takes_a_fixed_number_of_queries(editor_client, django_assert_max_num_queries):
    for _ in range(60):
        QuantityFactory(claim=AttributionFactory().claim)
    assert Claim.objects.count() == 60
    # session, user, 2 permission lookups, roles (nav), count, claims, attributions with their
    # passage/article/outlet/feed/actors, quantities, outlets and feeds for the filters, the
    # person's card size: 12.
    with django_assert_max_num_queries(12):
        response = editor_client.get("/review/")
    assert response.content.decode().count("data-claim-card") == 50


def test_a_long_queue_is_counted_only_up_to_the_cap_and_still_pages(editor_client, monkeypatch):
    monkeypatch.setattr("claims.selectors.review_queue.PAGE_SIZE", 2)
    monkeypatch.setattr("claims.selectors.review_queue.COUNT_CAP", 3)
    claims = [AttributionFactory().claim for _ in range(5)]
    first = editor_client.get("/review/").content.decode()
    assert "1–2 of more than 3 waiting" in first and "Page 1</span>" in first
    assert 'href="?page=2"' in first
    last = editor_client.get("/review/?page=3").content.decode()
    assert "5–5 of more than 3 waiting" in last and f'id="claim-{claims[0].pk}"' in last
    assert 'rel="next"' not in last and 'href="?page=2"' in last
    beyond = editor_client.get("/review/?page=9").content.decode()
    assert "past the end of the queue" in beyond


def test_a_page_past_the_end_of_a_counted_queue_shows_the_last_page(editor_client, monkeypatch):
    monkeypatch.setattr("claims.selectors.review_queue.PAGE_SIZE", 2)
    claims = [AttributionFactory().claim for _ in range(3)]
    body = editor_client.get("/review/?page=7").content.decode()
    assert "3–3 of 3 waiting" in body and "Page 2 of 2" in body and f'id="claim-{claims[0].pk}"' in body
    assert "1–2 of 3 waiting" in editor_client.get("/review/?page=x").content.decode()


@pytest.mark.parametrize("query, message", [
    ("date_from=2025-99-01", "Said from: Give a date as YYYY-MM-DD"),
    ("outlet=abc", "Outlet: There is no outlet abc"),
    ("feed=999999", "Feed: There is no feed 999999"),
    ("date_from=2026-02-02&date_to=2026-02-01", "Said until: The end date is before the start date."),
])
def test_a_bad_filter_says_what_was_wrong_instead_of_showing_the_whole_queue(editor_client, claim, query, message):
    response = editor_client.get(f"/review/?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert f'id="claim-{claim.pk}"' not in body
    assert 'href="/review/">Clear the filters</a>' in body


def test_a_bad_filter_from_htmx_answers_the_list_fragment_with_the_message(editor_client, claim):
    response = editor_client.get("/review/?outlet=abc", **htmx())
    assert response.status_code == 200  # htmx swaps 2xx only
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="queue-list"') and "There is no outlet abc" in body


def test_the_keys_list_holds_only_keys_that_work_for_the_person(editor_client, viewer, claim):
    editor_keys = editor_client.get("/review/").content.decode().split('id="keys-help"')[1]
    assert "accept the current claim" in editor_keys and "<kbd>x</kbd>" in editor_keys
    viewer_client = Client()
    viewer_client.force_login(viewer)
    viewer_keys = viewer_client.get("/review/").content.decode().split('id="keys-help"')[1]
    assert "next / previous claim" in viewer_keys and "open its claim page" in viewer_keys
    assert "accept" not in viewer_keys and "<kbd>x</kbd>" not in viewer_keys and "Create a new actor" not in viewer_keys
