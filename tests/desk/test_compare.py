"""Competing claims side by side: the claim page's section, the compare page, judging suggested links."""

from datetime import date, datetime, timezone

from django.urls import reverse

from claims.models import AuditEntry, ClaimLink, Evidence
from tests.factories import ActorFactory, AttributionFactory, OutletFactory, PassageFactory, QuantityFactory


def _claim(text, actor, outlet, asserted_on, published_at, quantity):
    passage = PassageFactory(text=f"{actor} said {text}.", article__outlet=OutletFactory(name=outlet), published_at=published_at)
    attribution = AttributionFactory(claim__text=text, claim__actor=ActorFactory(name=actor), claim__asserted_on=asserted_on,
                                     passage=passage, sentence=passage.text, source_start=None, source_end=None,
                                     cue_start=None, cue_end=None, content_start=0, content_end=len(text))
    QuantityFactory(claim=attribution.claim, **quantity)
    return attribution.claim


def _drone_dispute():
    shot_down = _claim("it shot down 12 of 15 drones", "Air Force of Westland", "Westland Herald", date(2026, 3, 14),
                       datetime(2026, 3, 14, 6, 30, tzinfo=timezone.utc), {"value": 12, "total": 15, "noun": "drones", "text": "12 of 15 drones"})
    launched = _claim("only 8 drones were launched", "Eastland Defence Ministry", "Eastland Today", date(2026, 3, 14),
                      datetime(2026, 3, 14, 9, 0, tzinfo=timezone.utc), {"value": 8, "total": None, "noun": "drones", "text": "8 drones"})
    link = ClaimLink.objects.create(from_claim=launched, to_claim=shot_down, kind="contradicts", status="suggested")
    return shot_down, launched, link


def test_the_claim_page_shows_a_suggested_contradiction_side_by_side(fact_checker_client, fact_checker):
    shot_down, launched, _ = _drone_dispute()
    Evidence.objects.create(claim=launched, source_name="Satellite monitor", text="Imagery of the launch site", is_independent=True,
                            stance="supports", added_by=fact_checker)
    page = fact_checker_client.get(reverse("claim_detail", args=[shot_down.pk])).content.decode()
    section = page[page.index('id="competing-section"'):page.index('id="similar-section"')]
    assert "12 of 15 drones" in section and "only 8 drones were launched" in section and "Eastland Defence Ministry" in section
    # Through which outlets, and with which evidence, on both sides.
    assert "Westland Herald" in section and "Eastland Today" in section
    assert "Satellite monitor (supports, independent)" in section and "none yet" in section
    assert f"claim={min(shot_down.pk, launched.pk)}&amp;claim={max(shot_down.pk, launched.pk)}" in section
    assert ">Confirm</button>" in section and ">Dismiss</button>" in section


def test_the_compare_page_shows_who_said_what_when_with_numbers_outlets_verdicts_and_a_timeline(viewer_client, fact_checker):
    shot_down, launched, _ = _drone_dispute()
    Evidence.objects.create(claim=launched, source_name="Satellite monitor", text="Imagery of the launch site", is_independent=True,
                            stance="supports", added_by=fact_checker)
    response = viewer_client.get(reverse("desk:compare"), {"claim": [launched.pk, shot_down.pk]})
    assert response.status_code == 200
    html = response.content.decode()
    for expected in ("Air Force of Westland", "Eastland Defence Ministry", "12 of 15 drones", "8 drones",
                     "Westland Herald", "Eastland Today", "Satellite monitor"):
        assert expected in html
    timeline = html[html.index('class="timeline"'):]
    assert timeline.index("14 Mar 2026, 06:30") < timeline.index("14 Mar 2026, 09:00")
    assert ">Confirm</button>" not in html  # viewers do not judge links


def test_a_fact_checker_confirms_or_dismisses_a_suggested_link_and_it_is_audited(fact_checker_client):
    shot_down, launched, link = _drone_dispute()
    back = reverse("desk:compare") + f"?claim={shot_down.pk}&claim={launched.pk}"
    response = fact_checker_client.post(reverse("desk:link_status", args=[link.pk]), {"status": "confirmed", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    link.refresh_from_db()
    assert link.status == "confirmed"
    fact_checker_client.post(reverse("desk:link_status", args=[link.pk]), {"status": "dismissed"})
    link.refresh_from_db()
    assert link.status == "dismissed"
    assert AuditEntry.objects.filter(action="claim_link_status").count() == 2
    # A dismissed contradiction leaves the claim page.
    assert 'id="competing-section"' not in fact_checker_client.get(reverse("claim_detail", args=[shot_down.pk])).content.decode()


def test_viewers_cannot_judge_links(viewer_client):
    _, _, link = _drone_dispute()
    assert viewer_client.post(reverse("desk:link_status", args=[link.pk]), {"status": "confirmed"}).status_code == 403


def test_bad_status_is_400(fact_checker_client):
    _, _, link = _drone_dispute()
    assert fact_checker_client.post(reverse("desk:link_status", args=[link.pk]), {"status": "deleted"}).status_code == 400


def test_compare_needs_two_to_eight_existing_claims(viewer_client):
    shot_down, launched, _ = _drone_dispute()
    assert viewer_client.get(reverse("desk:compare"), {"claim": [shot_down.pk]}).status_code == 400
    assert viewer_client.get(reverse("desk:compare"), {"claim": ["x", "1"]}).status_code == 400
    assert viewer_client.get(reverse("desk:compare"), {"claim": [shot_down.pk, 99999]}).status_code == 404


def test_search_results_can_be_selected_for_the_compare_page(viewer_client):
    shot_down, launched, _ = _drone_dispute()
    html = viewer_client.get(reverse("search:search"), {"q": "drones"}).content.decode()
    assert 'id="compare-form"' in html
    assert f'name="claim" value="{shot_down.pk}" form="compare-form"' in html
