"""Clean passages and trustworthy metadata, on fixtures that imitate the shapes real pages have."""

import socket
from datetime import UTC, datetime, timedelta

import pytest

from sources.parsing.cleanup import clean_paragraphs, is_boilerplate
from sources.parsing.domains import registered_domain
from sources.parsing.html_article import extract_article
from sources.parsing.language import detect_language
from sources.parsing.metadata import DateCandidate, clean_authors, clean_title, first_plausible_date
from tests.ingestion.conftest import fixture_text

BASE = "http://news.example.org"


def furniture_page():
    return extract_article(fixture_text("article_furniture.html").replace("{base}", BASE), url=f"{BASE}/x")


def test_teasers_credits_prompts_and_the_repeated_headline_stay_out_of_the_text():
    text = furniture_page().text
    for furniture in ("Read more", "DON'T MISS", "CLICK HERE", "Show all 50", "Reporting by", "Our Standards",
                      "commenting forum", "Herald Pictures", "Region\n"):
        assert furniture not in text
    assert not text.startswith("Harbour board says 12 cranes idle")
    assert "told reporters at the quay" in text and "until early July" in text


def test_the_title_keeps_the_headline_without_the_site_suffix():
    assert furniture_page().title == "Harbour board says 12 cranes idle after storm"


def test_a_lone_dateline_opens_the_paragraph_it_belongs_to():
    assert "PORTMERE — The harbour board said on Monday" in furniture_page().text.splitlines()[1]


def test_the_standfirst_shown_under_the_headline_is_kept_first():
    assert furniture_page().text.splitlines()[0].startswith("Repairs could take a month")


def test_an_impossible_date_falls_back_to_the_next_source_with_a_warning():
    article = furniture_page()
    assert article.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)
    assert article.warnings == ["ignored impossible publication date '0001-01-01T00:00:00Z' (article:published_time)"]


@pytest.mark.parametrize("bad", [datetime(1, 1, 1, tzinfo=UTC), datetime(1970, 1, 1, tzinfo=UTC),
                                 datetime(1989, 12, 31, tzinfo=UTC)])
def test_dates_before_1990_are_refused(bad):
    warnings = []
    good = datetime(2024, 5, 1, tzinfo=UTC)
    chosen = first_plausible_date([DateCandidate("meta", bad), DateCandidate("JSON-LD", good)], label="publication",
                                  warnings=warnings)
    assert chosen == good and len(warnings) == 1


def test_a_date_more_than_a_day_ahead_is_refused_and_none_is_left():
    now = datetime(2025, 1, 1, tzinfo=UTC)
    warnings = []
    ahead = DateCandidate("meta", now + timedelta(days=2), "2025-01-03")
    assert first_plausible_date([ahead], label="publication", warnings=warnings, now=now) is None
    assert warnings == ["ignored impossible publication date '2025-01-03' (meta)"]
    tomorrow = DateCandidate("meta", now + timedelta(hours=20))
    assert first_plausible_date([tomorrow], label="publication", warnings=[], now=now) == tomorrow.value


def test_authors_lose_by_roles_form_text_and_case_variants():
    assert furniture_page().authors == ["Oda Venner", "Piet Laros"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        (["By Lolita Baldor, AP National Security Writer"], ["Lolita Baldor"]),
        (["Analysis by Stephen Collin, CNN Editor-at-large"], ["Stephen Collin"]),
        (["Samya Kullab and Vasilisa Stepanenko"], ["Samya Kullab", "Vasilisa Stepanenko"]),
        (["Jeffrey Gettle", "JEFFREY GETTLE"], ["Jeffrey Gettle"]),
        (["STEVE PEOPLE"], ["Steve People"]),
        (["Username"], []),
        (["Guardian staff reporter"], ["Guardian staff reporter"]),
    ],
)
def test_author_forms(byline, expected):
    assert clean_authors(byline) == expected


@pytest.mark.parametrize(
    ("title", "site", "label", "expected"),
    [
        ("Gaza talks stall | CBC News", "CBC", "cbc", "Gaza talks stall"),
        ("Kyiv hit by missiles - National | Globalnews.ca", "Global News", "globalnews", "Kyiv hit by missiles"),
        ("Fire toll rises to 10 | Spain | The Guardian", "the Guardian", "theguardian", "Fire toll rises to 10"),
        ("Budget passes - Washington Times", "", "washingtontimes", "Budget passes"),
        ("Why it matters - and what comes next", "Herald", "herald", "Why it matters - and what comes next"),
        ("Plain headline", "Herald", "herald", "Plain headline"),
    ],
)
def test_titles_lose_the_site_suffix(title, site, label, expected):
    assert clean_title(title, site_name=site, domain_label=label) == expected


@pytest.mark.parametrize(
    "line",
    ["Read more: Storm leaves thousands without power", "DON'T MISS", "(Image: Getty Images)", "Photo: AP",
     "Reporting by A in B; Editing by C", "Our Standards: The Thomson Reuters Trust Principles.",
     "CLICK HERE TO GET THE FOX NEWS APP", "Join our commenting forum", "Show all 50", "- 941 comments",
     "- 24 July 2015", "[Read: Why the museum matters]", "Advertisement", "___",
     "With files from The Associated Press", "Heba Habib contributed to this report.",
     "- Ground Game: Sign up for the weekly politics newsletter to get it in your inbox every Monday.",
     "- Today's news: Follow live updates from the campaign trail."],
)
def test_furniture_lines_are_recognised(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["Reporting by the ministry said 40 people were hurt, officials added in a long statement about the storm "
     "that hit the coast overnight and left thousands of homes without power for most of the day.",
     "The board said 12 cranes were idle.", "Read the statement in full, the minister urged on Monday."],
)
def test_story_sentences_are_not_furniture(line):
    assert not is_boilerplate(line)


def test_captions_leave_the_line_they_end():
    assert clean_paragraphs(["Crowds gathered at the quay (Image: Herald Pictures)"]) == ["Crowds gathered at the quay"]


def test_a_sentence_cut_by_a_link_is_joined_again():
    assert clean_paragraphs(["NEW DELHI:", "Pakistan", "'s army said on Monday it had acted."]) == [
        "NEW DELHI: Pakistan 's army said on Monday it had acted."
    ]
    assert clean_paragraphs(["It blamed a party without naming ousted leader", "Arin Vell", "’s party, which denied it."]) == [
        "It blamed a party without naming ousted leader Arin Vell ’s party, which denied it."
    ]


def test_an_undeclared_language_is_detected_from_the_text():
    page = fixture_text("article_furniture.html").replace("{base}", BASE)
    assert "lang=" not in page
    assert furniture_page().language == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Regierung hat am Montag erklärt, dass die Brücke nicht vor dem Sommer wieder geöffnet wird, "
         "und die Stadt sucht mit den Anwohnern nach einer Lösung für den Verkehr auf der Straße.", "de"),
        ("Le gouvernement a annoncé lundi que le pont ne sera pas rouvert avant l'été, et la ville cherche "
         "avec les habitants une solution pour la circulation dans le quartier et sur les quais.", "fr"),
        ("Міністерство оборони заявило, що сили протиповітряної оборони збили дванадцять дронів.", "uk"),
        ("Министерство обороны заявило, что силы ПВО сбили двенадцать беспилотников над областью.", "ru"),
        ("Ok.", ""),
    ],
)
def test_language_detection(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("url", "domain"),
    [("https://apnews.com/article/x", "apnews.com"), ("https://www.bbc.co.uk/news/1", "bbc.co.uk"),
     ("https://ww2.namibian.com.na/x", "namibian.com.na"), ("http://127.0.0.1:8000/a", "127.0.0.1"),
     ("https://edition.cnn.com/2025/x", "cnn.com")],
)
def test_registered_domain_is_public_suffix_aware(url, domain):
    assert registered_domain(url) == domain


def test_the_public_suffix_list_is_read_from_the_package_never_downloaded(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert registered_domain("https://www.theguardian.co.uk/world") == "theguardian.co.uk"
