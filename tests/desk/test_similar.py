"""Similar claims on the claim page: earlier claims with the same meaning, with their verdicts."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

from claims.desk.similar import similar_claims
from tests.factories import ActorFactory, ClaimFactory, QuantityFactory


def _claim(text, quantity=None, **fields):
    claim = ClaimFactory(text=text, actor=ActorFactory(name="Westland Air Force"), **fields)
    if quantity:
        QuantityFactory(claim=claim, **quantity)
    return claim


def test_an_earlier_paraphrase_with_the_same_numbers_is_shown_with_its_verdict(viewer_client):
    earlier = _claim("it shot down 17 of 22 drones overnight", {"value": 17, "total": 22, "noun": "drones"}, verdict="false")
    unrelated = _claim("17 schools will reopen on Monday", {"value": 17, "total": None, "noun": "schools"})
    later = _claim("air defences shot down 17 out of 22 drones during the night", {"value": 17, "total": 22, "noun": "drones"})
    found = similar_claims(later)
    assert [item.claim for item in found] == [earlier]
    assert "same numbers" in found[0].reasons and "same actor" in found[0].reasons
    section = viewer_client.get(reverse("desk:claim_similar", args=[later.pk])).content.decode()
    assert f"#{earlier.pk}" in section and "verdict-false" in section and f"#{unrelated.pk}" not in section


def test_only_earlier_claims_are_similar(viewer_client):
    first = _claim("the grain corridor remains open to shipping")
    second = _claim("shipping through the grain corridor remains open")
    assert [item.claim for item in similar_claims(second)] == [first]
    assert similar_claims(first) == []
    assert "No earlier claim looks like this one." in viewer_client.get(reverse("desk:claim_similar", args=[first.pk])).content.decode()


def test_the_same_number_of_other_things_is_not_the_same_numbers(viewer_client):
    patients = _claim("40 patients were moved from the hospital in Marrow", {"value": 40, "total": None, "noun": "patients"})
    nurses = _claim("40 nurses graduated from the college in Marrow", {"value": 40, "total": None, "noun": "nurses"})
    found = similar_claims(nurses)
    assert all("same numbers" not in item.reasons for item in found)
    if settings.USING_POSTGRES:  # SQLite's letter-by-letter fallback scores the shared words higher
        assert found == []
    later = _claim("the Marrow hospital evacuated 40 patients", {"value": 40, "total": None, "noun": "patients"})
    [found] = similar_claims(later)
    assert found.claim == patients and "same numbers" in found.reasons


def test_the_claim_page_asks_for_its_similar_claims_after_it_is_shown(viewer_client):
    earlier = _claim("the grain corridor remains open to shipping")
    later = _claim("shipping through the grain corridor remains open")
    page = viewer_client.get(reverse("claim_detail", args=[later.pk])).content.decode()
    section = page[page.index('id="similar-section"'):]
    section = section[:section.index("</section>")]
    assert f'hx-get="{reverse("desk:claim_similar", args=[later.pk])}"' in section and 'hx-trigger="load"' in section
    assert f"#{earlier.pk}" not in section  # not ranked while the page is drawn


def test_similar_claims_need_a_login_and_a_claim(viewer_client):
    claim = _claim("the grain corridor remains open to shipping")
    assert Client().get(reverse("desk:claim_similar", args=[claim.pk])).status_code == 302
    assert viewer_client.get(reverse("desk:claim_similar", args=[424242])).status_code == 404
