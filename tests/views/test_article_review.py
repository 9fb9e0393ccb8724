import pytest

from tests.factories import AttributionFactory, PassageFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def _article_with_claims(attribution):
    """The fixture's passage first, then a second passage with two claims (the later one first in
    the database, to show the order is the text's)."""
    article = attribution.passage.article
    text = "Later the mayor said 40 homes were hit. The police said 3 people were hurt."
    second = PassageFactory(article=article, text=text, position=attribution.passage.position + 1, heading="Update")
    hurt = AttributionFactory(passage=second, sentence="The police said 3 people were hurt.", source_start=None,
                              source_end=None, cue_start=None, cue_end=None, content_start=56, content_end=75).claim
    hit = AttributionFactory(passage=second, sentence="Later the mayor said 40 homes were hit.", source_start=None,
                             source_end=None, cue_start=None, cue_end=None, content_start=21, content_end=38).claim
    return article, hit, hurt


def test_it_works(editor_client, attribution):
    article, hit, hurt = _article_with_claims(attribution)
    response = editor_client.get(f"/articles/{article.pk}/review/")
    assert response.status_code == 200
    body = response.content.decode()
    positions = [body.index(f'id="claim-{claim.pk}"') for claim in (attribution.claim, hit, hurt)]
    assert positions == sorted(positions)  # reading order, each card under its passage
    assert body.index(f'id="passage-{hit.attributions.get().passage_id}"') < positions[1]
    assert f'<a class="hl-link" href="#claim-{hit.pk}">' in body  # a highlight leads to its card
    assert "3 claims in reading order, 3 waiting for review" in body
    assert f'action="/claims/{hit.pk}/accept/"' in body and "js/review-keys.js" in body
    assert 'id="keys-help"' in body
    keys = body[body.index('id="keys-help"'):]
    assert "accept the current claim" in keys and "<kbd>x</kbd>" not in keys  # nothing to select here


def test_an_accept_from_the_page_comes_back_as_its_card(editor_client, attribution):
    article, hit, _ = _article_with_claims(attribution)
    response = editor_client.post(f"/claims/{hit.pk}/accept/", {"version": hit.version, "next": f"/articles/{article.pk}/review/"}, **htmx())
    assert 'class="badge state-accepted"' in response.content.decode()
    response = editor_client.post(f"/claims/{hit.pk}/accept/", {"version": hit.version + 1, "next": f"/articles/{article.pk}/review/"})
    assert response.url == f"/articles/{article.pk}/review/"


def test_a_claim_carried_twice_has_one_card(editor_client, attribution):
    repeat = PassageFactory(article=attribution.passage.article, text=attribution.passage.text,
                            position=attribution.passage.position + 5)
    AttributionFactory(claim=attribution.claim, passage=repeat, sentence=attribution.sentence, content_end=56)
    body = editor_client.get(f"/articles/{attribution.passage.article_id}/review/").content.decode()
    assert body.count(f'id="claim-{attribution.claim_id}"') == 1


def test_the_queue_and_the_article_page_link_to_it(editor_client, attribution):
    url = f"/articles/{attribution.passage.article_id}/review/"
    assert f'href="{url}"' in editor_client.get("/review/").content.decode()
    assert f'href="{url}"' in editor_client.get(f"/articles/{attribution.passage.article_id}/").content.decode()


def test_it_checks_the_role(viewer_client, attribution):
    assert viewer_client.get(f"/articles/{attribution.passage.article_id}/review/").status_code == 403
    assert "/review/" not in viewer_client.get(f"/articles/{attribution.passage.article_id}/").content.decode().split("<main")[1]


def test_unknown_article_is_404(editor_client):
    assert editor_client.get("/articles/31337/review/").status_code == 404


def test_queries_are_bounded(editor_client, attribution, django_assert_max_num_queries):
    for _ in range(30):
        AttributionFactory(passage__article=attribution.passage.article)
    with django_assert_max_num_queries(14):
        assert editor_client.get(f"/articles/{attribution.passage.article_id}/review/").status_code == 200
