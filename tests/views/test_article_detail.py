import pytest

from tests.factories import AttributionFactory

pytestmark = pytest.mark.django_db


def test_it_works(viewer_client, attribution):
    passage = attribution.passage
    second = AttributionFactory(passage=passage, claim__text="Officials gave no details", source_start=None, source_end=None,
                                cue_start=None, cue_end=None, content_start=58, content_end=86)
    body = viewer_client.get(f"/articles/{passage.article_id}/").content.decode()
    claim_link = f'<a class="hl-link" href="/claims/{attribution.claim_id}/"><mark class="hl-content">'
    assert claim_link + "it shot down 12 of 15 drones overnight</mark></a>" in body
    assert f'<a class="hl-link" href="/claims/{second.claim_id}/"><mark class="hl-content">Officials gave no &lt;b&gt;details</mark></a>' in body


def test_queries_are_bounded(viewer_client, attribution, django_assert_max_num_queries):
    for _ in range(20):
        AttributionFactory(passage__article=attribution.passage.article)
    with django_assert_max_num_queries(10):
        assert viewer_client.get(f"/articles/{attribution.passage.article_id}/").status_code == 200


def test_unknown_article_is_404(viewer_client):
    assert viewer_client.get("/articles/31337/").status_code == 404
