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


def test_the_body_leaves_out_the_heading_and_byline_date_the_page_already_shows(viewer_client):
    text = ("Talks resume in Ambry\n\nPublished March 3, 2025last updated March 3, 2025\n\n"
            "Negotiators met again. Both armies said they had intercepted drones.")
    content = "they had intercepted drones"
    attribution = AttributionFactory(
        passage__text=text, passage__heading="Talks resume in Ambry", sentence="Both armies said they had intercepted drones.",
        source_start=None, source_end=None, cue_start=None, cue_end=None,
        content_start=text.index(content), content_end=text.index(content) + len(content),
    )
    body = viewer_client.get(f"/articles/{attribution.passage.article_id}/").content.decode()
    assert body.count("Talks resume in Ambry") == 1  # the passage heading, not again in its body
    assert "2025last" not in body
    assert '<p class="passage-text" dir="auto">Negotiators met again.' in body


def test_a_highlight_in_the_first_line_keeps_that_line(viewer_client):
    text = "The army said it held the line\nMore later."
    attribution = AttributionFactory(
        passage__text=text, passage__heading="The army said it held the line", sentence="The army said it held the line",
        source_start=None, source_end=None, cue_start=None, cue_end=None, content_start=14, content_end=30,
    )
    body = viewer_client.get(f"/articles/{attribution.passage.article_id}/").content.decode()
    assert '<p class="passage-text" dir="auto">The army said <a class="hl-link"' in body


def test_the_outlet_reads_as_a_name_and_its_host_waits_in_a_toggle(viewer_client):
    from sources.services import outlet_for_page
    from tests.factories import ArticleFactory

    article = ArticleFactory(outlet=outlet_for_page(url="https://northwind-daily.example/p/1"), title="Talks resume")
    head = viewer_client.get(f"/articles/{article.pk}/").content.decode().split('<header class="article-head">')[1]
    assert '<p class="eyebrow">Northwind Daily' in head
    assert '<details class="rc-details"><summary>Site</summary>northwind-daily.example</details>' in head
