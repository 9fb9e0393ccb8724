"""The claims list takes the search page's filters, pages by keyset and answers 400 to bad input."""

import pytest

from tests.factories import ArticleFactory, AttributionFactory, PassageFactory
from tests.search.conftest import make_claim


def ids(response) -> list[int]:
    return [claim["id"] for claim in response.json()["results"]]


def test_it_lists_claims_newest_first_with_details(api, corpus):
    body = api.get("/api/claims/").json()
    assert body["count"] == 5 and body["count_is_lower_bound"] is False and body["next"] is None
    first = body["results"][0]
    assert first["id"] == corpus.korean_troops.pk and first["actor"]["name"] == "Ukrainian Air Force"
    assert first["url"] == f"http://testserver/claims/{corpus.korean_troops.pk}/"
    assert first["quantities"][0]["noun"] == "troops"
    assert first["attributions"][0]["outlet"] == "Reuters"


def test_same_filters_as_search(api, corpus):
    assert ids(api.get("/api/claims/", {"q": "Crimea"})) == [corpus.crimea_drones.pk]
    assert ids(api.get("/api/claims/", {"actor": "Russia", "children": "true", "verdict": "false"})) == [
        corpus.crimea_drones.pk
    ]
    assert ids(api.get("/api/claims/", {"date_from": "2023-09-15", "date_to": "2023-10-02"})) == [
        corpus.grain_deal.pk, corpus.downed_drones.pk
    ]
    assert ids(api.get("/api/claims/", {"noun": "troops", "value_min": "5000"})) == [corpus.korean_troops.pk]
    assert ids(api.get(f"/api/claims/?outlet={corpus.dw.pk}&review_state=accepted")) == [
        corpus.downed_drones.pk, corpus.crimea_drones.pk
    ]


def test_outlet_matches_claims_the_outlet_repeated(api, corpus):
    """The API's outlet filter is the search page's: any report's outlet, not only the first."""
    AttributionFactory(
        claim=corpus.korean_troops, passage=PassageFactory(article=ArticleFactory(outlet=corpus.dw)),
        content_start=0, content_end=10,
    )
    assert ids(api.get("/api/claims/", {"outlet": corpus.dw.pk})) == [
        corpus.korean_troops.pk, corpus.downed_drones.pk, corpus.crimea_drones.pk
    ]
    assert corpus.korean_troops.pk in ids(api.get("/api/claims/", {"outlet": corpus.reuters.pk}))


def test_pages_follow_next_links(api, corpus):
    for day in range(1, 8):
        make_claim(text=f"report {day}", sentence=f"Officials said report {day} came in.", actor=corpus.russia,
                   outlet=corpus.dw, asserted_on=corpus.grain_deal.asserted_on.replace(day=day + 10))
    seen, url = [], "/api/claims/?page_size=3"
    while url:
        body = api.get(url).json()
        seen += [claim["id"] for claim in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 12


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_from": "2023-02-30"}, "date_from"),
        ({"verdict": "probably"}, "verdict"),
        ({"q": "x" * 500}, "q"),
        ({"cursor": "garbage!"}, "cursor"),
        ({"page_size": "1000"}, "page_size"),
        ({"page_size": "-1"}, "page_size"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(api, corpus, params, field):
    response = api.get("/api/claims/", params)
    assert response.status_code == 400
    assert field in response.json()


def test_claimreview_action(api, corpus):
    response = api.get(f"/api/claims/{corpus.crimea_drones.pk}/claimreview/")
    assert response.status_code == 200 and response.json()["@type"] == "ClaimReview"
    assert api.get(f"/api/claims/{corpus.grain_deal.pk}/claimreview/").status_code == 404


def test_claim_detail(api, corpus):
    body = api.get(f"/api/claims/{corpus.grain_deal.pk}/").json()
    assert body["text"] == "the grain deal would not be extended" and body["review_state"] == "pending"
