"""Actors and articles: filtered, paged, and described in the OpenAPI schema."""

from datetime import datetime, timezone

import yaml

from tests.factories import ArticleFactory


def test_actors_filter_by_name_and_parent(api, corpus):
    names = [actor["name"] for actor in api.get("/api/actors/", {"q": "kyiv air"}).json()["results"]]
    assert names == ["Ukrainian Air Force"]
    children = api.get("/api/actors/", {"parent": corpus.russia.pk}).json()["results"]
    assert [actor["name"] for actor in children] == ["Russian Defense Ministry"]
    assert api.get("/api/actors/", {"parent": "nope"}).status_code == 400


def test_actor_detail_lists_aliases(api, corpus):
    assert api.get(f"/api/actors/{corpus.russia.pk}/").json()["aliases"] == ["the Kremlin"]


def test_articles_filter_by_outlet_and_date(api, corpus):
    dated = ArticleFactory(outlet=corpus.dw, published_at=datetime(2023, 9, 14, 8, tzinfo=timezone.utc))
    assert [a["id"] for a in api.get("/api/articles/", {"published_from": "2023-09-14", "published_to": "2023-09-14"}).json()["results"]] == [dated.pk]
    outlets = {a["outlet"] for a in api.get("/api/articles/", {"outlet": corpus.reuters.pk}).json()["results"]}
    assert outlets == {"Reuters"}
    assert api.get("/api/articles/", {"published_from": "14.09.2023"}).status_code == 400


def test_articles_page_with_a_cursor(api, corpus):
    first = api.get("/api/articles/", {"page_size": 2}).json()
    second = api.get(first["next"]).json()
    assert len(first["results"]) == 2 and not {a["id"] for a in first["results"]} & {a["id"] for a in second["results"]}


def test_openapi_schema_describes_the_search_parameters(viewer_client):
    response = viewer_client.get("/api/schema/")  # it needs a login, like the rest of the API
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    parameters = {p["name"]: p for p in schema["paths"]["/api/claims/"]["get"]["parameters"]}
    assert {"q", "actor", "children", "date_from", "date_to", "verdict", "review_state", "outlet", "noun",
            "value_min", "value_max", "sort", "cursor", "page_size"} <= set(parameters)
    assert "false" in parameters["verdict"]["schema"]["items"]["enum"]
    assert set(schema["paths"]) >= {"/api/actors/", "/api/articles/", "/api/claims/{id}/claimreview/"}
