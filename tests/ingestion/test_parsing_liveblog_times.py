"""Live-blog posts get their own time from every form pages give it, and JSON-LD posts are kept."""

from datetime import UTC, datetime, timedelta, timezone

from sources.parsing.html_article import extract_article
from sources.parsing.html_liveblog import split_html_liveblog
from sources.parsing.passages import html_document_passages
from tests.ingestion.conftest import fixture_text

BASE = "http://news.example.org"
URL = f"{BASE}/live/keld-fire"


def posts(name: str, *, dated: bool = True):
    html = fixture_text(name).replace("{base}", BASE)
    published = extract_article(html, url=URL).published if dated else None
    return split_html_liveblog(html, url=URL, published=published)


def test_a_bare_time_takes_the_day_heading_above_it():
    found = posts("liveblog_bare_times.html")
    assert [post.published for post in found] == [
        datetime(2025, 11, 4, 20, 36, tzinfo=UTC),
        datetime(2025, 11, 4, 20, 5, tzinfo=UTC),  # "8:05 p.m."
        datetime(2025, 11, 3, 23, 50, tzinfo=UTC),  # under "Monday 3 November 2025"
    ]


def test_a_bare_time_with_no_day_to_anchor_it_gets_no_time_rather_than_midnight():
    html = fixture_text("liveblog_bare_times.html").replace('<h2 class="day">Tuesday 4 November 2025</h2>', "")
    html = html.replace('<h2 class="day">Monday 3 November 2025</h2>', "")
    found = split_html_liveblog(html, url=URL, published=None)
    assert len(found) == 3 and all(post.published is None for post in found)


def test_time_author_and_links_do_not_glue_onto_the_post_text():
    first = posts("liveblog_bare_times.html")[0]
    assert first.text.startswith("The ferry operator said")
    for leaked in ("20:36", "Frances Walden", "https://", "Read more", "(Image:"):
        assert leaked not in first.text
    assert "Passengers were offered hotel rooms in Harl" in first.text


def test_epoch_and_iso_times_in_data_attributes_are_read():
    assert [post.published for post in posts("liveblog_data_attributes.html")] == [
        datetime(2025, 5, 18, 20, 0, tzinfo=UTC),  # data-post-time, seconds
        datetime(2025, 5, 18, 19, 0, tzinfo=UTC),  # data-timestamp, milliseconds
        datetime(2025, 5, 18, 17, 15, tzinfo=timezone(timedelta(hours=2))),  # data-time, ISO
    ]


def test_json_ld_posts_the_html_does_not_show_are_added_once_with_time_heading_and_permalink():
    found = posts("liveblog_jsonld.html")
    assert [post.heading for post in found] == [
        "Fire service says 300 homes evacuated", "Road to Keld closed", "Fire reported near Keld reservoir",
    ]
    extra = found[2]
    assert extra.published == datetime(2025, 8, 10, 6, 40, tzinfo=UTC)
    assert extra.permalink == f"{URL}#post-1"
    assert found[1].text == "Police said the road to Keld was closed in both directions.\n\nDrivers were told to avoid the area."


def test_json_ld_posts_become_passages_with_their_own_keys():
    html = fixture_text("liveblog_jsonld.html").replace("{base}", BASE)
    article = extract_article(html, url=URL)
    document = html_document_passages(html=html, text=article.text, url=URL, published=article.published,
                                      declares_live_blog=article.declares_live_blog)
    assert document.is_live_blog
    assert [draft.key for draft in document.drafts] == [f"{URL}#post-3", f"{URL}#post-2", f"{URL}#post-1"]


def test_the_latest_page_is_split_at_its_bold_time_leads_and_dated_lines():
    eastern = timezone(timedelta(hours=-4))
    found = posts("liveblog_the_latest.html")
    assert [post.published for post in found] == [
        datetime(2025, 4, 22, 10, 15, tzinfo=eastern),
        datetime(2025, 4, 22, 8, 40, tzinfo=eastern),
        datetime(2025, 4, 21, 23, 55, tzinfo=eastern),  # after "Tuesday, April 21"
    ]
    assert found[1].text == "The regional governor said 23 people had been injured, four of them seriously."


def test_posts_that_are_plain_sibling_blocks_are_found_on_a_declared_live_blog():
    found = posts("liveblog_sibling_blocks.html")
    cest = timezone(timedelta(hours=2))
    assert [post.published for post in found] == [
        datetime(2025, 9, 28, 11, 42, tzinfo=cest), datetime(2025, 9, 28, 10, 58, tzinfo=cest),
        datetime(2025, 9, 28, 9, 0, tzinfo=cest),
    ]
    assert found[0].text.startswith("The winner crossed the line")


def test_a_list_of_related_stories_with_times_is_not_a_live_blog():
    html = fixture_text("liveblog_sibling_blocks.html").replace('"@type": "LiveBlogPosting"', '"@type": "NewsArticle"')
    assert split_html_liveblog(html, url=URL) == []


def test_heres_the_latest_headings_become_posts_after_the_summary():
    html = """<html><body><div class="story"><h1>Floods: the latest</h1>
    <p>Rivers burst their banks in four provinces overnight, officials said on Monday morning.</p>
    <p>Here's the latest:</p>
    <h3>Army deployed to Varn</h3><p>The defence ministry said 400 soldiers had been sent to help with evacuations.</p>
    <h3>Rail services suspended</h3><p>The rail operator said services in the north were suspended until Wednesday.</p>
    </div><aside><h2>Saved articles</h2><p>You can manage saved articles in your account settings page.</p></aside>
    </body></html>"""
    found = split_html_liveblog(html, url=URL)
    assert [post.heading for post in found] == ["", "Army deployed to Varn", "Rail services suspended"]
    assert found[0].text.startswith("Rivers burst their banks")
    assert "saved articles" not in found[-1].text


def test_json_ld_posts_that_all_link_to_the_page_itself_are_keyed_by_heading_and_time():
    html = fixture_text("liveblog_jsonld.html").replace("{base}", BASE)
    html = html.replace(f'"{{base}}/live/keld-fire#post-1"'.replace("{base}", BASE), f'"{URL}"')
    extra = split_html_liveblog(html, url=URL)[2]
    assert extra.heading == "Fire reported near Keld reservoir" and extra.permalink == ""
