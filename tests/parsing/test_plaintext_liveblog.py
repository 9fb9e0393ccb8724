"""Splitting a saved plain-text live blog (or plain article) into posts with verbatim offsets."""
import datetime
from pathlib import Path

from sources.parsing.plaintext_liveblog import split_plaintext_liveblog

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "extraction" / "harbourline-liveblog.txt"


def test_liveblog_header_summary_and_posts():
    text = FIXTURE.read_text(encoding="utf-8")
    blog = split_plaintext_liveblog(text)
    assert blog.title == "Baltic updates: Kyiv says 40 drones downed over the south"
    assert (blog.published, blog.updated) == (datetime.date(2025, 3, 3), datetime.date(2025, 3, 4))
    assert [post.heading for post in blog.posts] == [
        "Baltic updates: Kyiv says 40 drones downed over the south",
        "What you need to know",
        "Mayor says three injured in port strike",
        "Russia says it repelled attack near border — Defense Ministry",
    ]
    assert [post.position for post in blog.posts] == [0, 1, 2, 3]
    for post in blog.posts:
        assert text[post.start : post.end] == post.text


def test_header_post_holds_title_and_lead_but_no_captions_or_menu():
    blog = split_plaintext_liveblog(FIXTURE.read_text(encoding="utf-8"))
    header = blog.posts[0]
    assert header.text.startswith("Baltic updates: Kyiv says")
    assert header.text.endswith("Harbourline has the latest.")
    assert "Skip to" not in header.text and "Image:" not in header.text
    assert header.published == datetime.date(2025, 3, 3)


def test_posts_start_at_their_heading_and_end_before_links_captions_and_credits():
    blog = split_plaintext_liveblog(FIXTURE.read_text(encoding="utf-8"))
    post = blog.posts[3]
    assert post.text.startswith("Russia says it repelled attack near border — Defense Ministry\n\nThe ministry said")
    assert post.text.endswith("The claims could not be independently verified.")
    assert post.permalink == "https://links.harbourline.example/p/7Qa3"
    assert post.published == datetime.date(2025, 3, 3)
    assert blog.posts[1].permalink is None and blog.posts[1].published == blog.published


def test_trailing_picture_caption_and_alt_text_are_left_out():
    text = (
        "Storm hits the coast\n\nPublished June 2, 2024\n\nA storm hit the coast.\n\n"
        "Skip next section Ferries stop\nJune 2, 2024\n\nFerries stop\n\nThe port said ferries would stop.\n\n"
        "Waves over a pier\nWaves crash over the pier on SundayImage: Sam Doe/Agency\nhttps://example.org/p/1\n"
    )
    post = split_plaintext_liveblog(text).posts[1]
    assert post.text == "Ferries stop\n\nThe port said ferries would stop."


def test_plain_article_without_markers_is_header_and_one_body_post():
    text = (
        "Menu\nCouncil approves new budget\n\nPublished 3 May 2024\n\nThe council approved the budget on Friday.\n\n"
        "https://example.org/p/2\n\nThe mayor said it would fund 12 new schools.\n\nThe vote was 31 to 9."
    )
    blog = split_plaintext_liveblog(text)
    assert blog.title == "Council approves new budget"
    header, body = blog.posts
    assert header.text == "Council approves new budget\n\nPublished 3 May 2024\n\nThe council approved the budget on Friday."
    assert body.text == "The mayor said it would fund 12 new schools.\n\nThe vote was 31 to 9."
    assert body.heading == "Council approves new budget" and body.position == 1
    assert text[body.start : body.end] == body.text


def test_page_without_a_title_gives_no_posts():
    assert split_plaintext_liveblog("").posts == []


def test_windows_line_endings_keep_headings_and_verbatim_offsets():
    text = FIXTURE.read_text(encoding="utf-8").replace("\n", "\r\n")
    blog = split_plaintext_liveblog(text)
    assert blog.posts[2].heading == "Mayor says three injured in port strike"
    assert blog.posts[2].text.startswith("Mayor says three injured in port strike\r\n")
    for post in blog.posts:
        assert text[post.start : post.end] == post.text


def test_a_live_blog_lead_of_several_paragraphs_stays_in_the_header():
    text = (
        "Flood updates\n\nPublished May 5, 2024\n\nRivers rose overnight.\n\nThe army was deployed.\n\n"
        "https://example.org/p/3\nSkip next section Dams hold\nMay 5, 2024\n\nDams hold\n\nEngineers said the dams held.\n"
    )
    header = split_plaintext_liveblog(text).posts[0]
    assert header.text.endswith("Rivers rose overnight.\n\nThe army was deployed.")


def test_related_topics_sections_are_not_posts():
    text = (
        "Flood updates\n\nPublished May 5, 2024\n\nRivers rose overnight.\n\n"
        "Skip next section Dams hold\nMay 5, 2024\n\nDams hold\n\nEngineers said the dams held.\n\n"
        "Skip next section Related topics\n\nRelated topics\n\nKyiv says dams are safe\n"
    )
    assert [post.heading for post in split_plaintext_liveblog(text).posts] == ["Flood updates", "Dams hold"]
