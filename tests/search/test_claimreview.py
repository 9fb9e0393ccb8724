"""schema.org ClaimReview: one per claim with a verdict, only schema.org terms, safe in the page."""

import json
import re

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse

from claims.claimreview import claim_review
from claims.models import Verdict
from tests.factories import VerificationFactory

RATED = {Verdict.FALSE: 1, Verdict.MISLEADING: 2, Verdict.PARTLY_VERIFIED: 3, Verdict.VERIFIED: 4}
# The schema.org vocabulary this output may use: types and properties.
SCHEMA_ORG_TERMS = {
    "@context", "@type", "ClaimReview", "Claim", "Rating", "Organization", "Person", "NewsArticle",
    "url", "claimReviewed", "itemReviewed", "author", "datePublished", "appearance", "firstAppearance",
    "reviewRating", "alternateName", "ratingValue", "bestRating", "worstRating", "name", "sameAs",
    "publisher", "headline",
}


def terms_used(node) -> set[str]:
    if isinstance(node, dict):
        found = set(node)
        if isinstance(node.get("@type"), str):
            found.add(node["@type"])
        for value in node.values():
            found |= terms_used(value)
        return found
    if isinstance(node, list):
        return set().union(*map(terms_used, node)) if node else set()
    return set()


def review_of(claim):
    return claim_review(claim, claim_url=f"https://newsroom.example/claims/{claim.pk}/")


@pytest.mark.parametrize("verdict", list(RATED))
def test_each_rated_verdict(corpus, verdict, settings):
    settings.CLAIMTRACK_NEWSROOM_NAME = "The Example Desk"
    claim = corpus.crimea_drones
    claim.verdict = verdict
    claim.save()
    VerificationFactory(claim=claim, verdict=verdict)
    review = review_of(claim)
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim.text
    assert review["url"] == f"https://newsroom.example/claims/{claim.pk}/"
    assert review["author"] == {"@type": "Organization", "name": "The Example Desk", "url": settings.CLAIMTRACK_NEWSROOM_URL}
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": Verdict(verdict).label, "ratingValue": RATED[verdict],
        "bestRating": 4, "worstRating": 1,
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2023-09-14"
    assert item["author"] == {"@type": "Organization", "name": "Russian Defense Ministry"}
    assert item["appearance"][0]["publisher"] == {"@type": "Organization", "name": "DW"}
    assert item["firstAppearance"] == item["appearance"][0]
    assert terms_used(review) <= SCHEMA_ORG_TERMS


def test_unverifiable_has_the_label_and_no_number(corpus):
    claim = corpus.grain_deal
    claim.verdict = Verdict.UNVERIFIABLE
    claim.save()
    assert review_of(claim)["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}


@pytest.mark.parametrize("verdict", [Verdict.UNVERIFIED, Verdict.IN_PROGRESS])
def test_no_review_without_a_verdict(corpus, verdict):
    claim = corpus.grain_deal
    claim.verdict = verdict
    claim.save()
    assert review_of(claim) is None


def test_a_person_with_wikidata_is_named_with_same_as(corpus):
    corpus.air_force.kind, corpus.air_force.wikidata_id = "person", "Q123"
    corpus.air_force.save()
    author = review_of(corpus.downed_drones)["itemReviewed"]["author"]
    assert author == {"@type": "Person", "name": "Ukrainian Air Force", "sameAs": "https://www.wikidata.org/wiki/Q123"}


def render_partial(claim) -> str:
    template = engines["django"].from_string('{% include "claims/_claimreview.html" %}')
    return template.render({"claim": claim}, RequestFactory().get("/"))


def test_partial_embeds_escaped_json_ld(corpus):
    claim = corpus.crimea_drones
    claim.text = 'drones </script><script>alert(1)</script> & "more"'
    claim.save()
    html = render_partial(claim)
    assert html.count("<script") == 1 and html.count("</script>") == 1
    payload = re.search(r'<script type="application/ld\+json">(.*)</script>', html, re.S)[1]
    assert json.loads(payload)["claimReviewed"] == claim.text
    assert json.loads(payload)["url"] == f"http://testserver/claims/{claim.pk}/"


def test_partial_is_empty_without_a_verdict(corpus):
    assert render_partial(corpus.grain_deal).strip() == ""


def test_claim_page_embeds_it(viewer_client, corpus):
    html = viewer_client.get(reverse("claim_detail", args=[corpus.crimea_drones.pk])).content.decode()
    assert '<script type="application/ld+json">' in html


def test_download(viewer_client, corpus):
    response = viewer_client.get(reverse("search:claimreview", args=[corpus.crimea_drones.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/ld+json"
    assert "attachment" in response["Content-Disposition"]
    assert json.loads(response.content)["reviewRating"]["alternateName"] == "False"
    assert viewer_client.get(reverse("search:claimreview", args=[corpus.grain_deal.pk])).status_code == 404
