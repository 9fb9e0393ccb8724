"""An article page reduced to its text and metadata: trafilatura for the text, page metadata
(meta tags, JSON-LD, <html lang>, rel=canonical) for the times, authors, language and URL."""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib.metadata import version

import lxml.html
from lxml import etree

from sources.parsing.cleanup import clean_paragraphs
from sources.parsing.domains import domain_label
from sources.parsing.language import detect_language
from sources.parsing.metadata import DateCandidate, clean_authors, clean_title, first_plausible_date
from sources.parsing.urls import InvalidUrl, canonicalize_url, resolve_canonical_url

EXTRACTOR_VERSION = f"trafilatura-{version('trafilatura')}"
PUBLISHED_META = ("article:published_time", "datepublished", "pubdate", "dc.date.issued", "date")
UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "last-modified")
LIVE_BLOG_TYPES = frozenset({"LiveBlogPosting"})
STANDFIRST_DISTANCE = 300  # characters of visible text between the headline and its standfirst


class ArticleParseError(ValueError):
    """The page has no article text we can extract."""


@dataclass(frozen=True)
class ExtractedArticle:
    url: str  # canonical
    title: str
    text: str
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    language: str = ""
    site_name: str = ""
    declares_live_blog: bool = False
    # What an editor should know about the page's metadata (an impossible date refused...).
    warnings: list[str] = field(default_factory=list)


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601 or RFC 2822 text to an aware datetime (naive times are taken as UTC)."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_html(html: str) -> etree._Element:
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as error:
        raise ArticleParseError(f"unparsable HTML: {error}") from error
    return tree


def _meta_values(tree: etree._Element) -> dict[str, str]:
    values = {}
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv") or "").lower()
        content = meta.get("content")
        if name and content and name not in values:
            values[name] = content.strip()
    return values


def _json_ld_objects(tree: etree._Element) -> list[dict]:
    objects = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        pending = data if isinstance(data, list) else [data]
        while pending:
            item = pending.pop()
            if isinstance(item, dict):
                objects.append(item)
                pending.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
            elif isinstance(item, list):
                pending.extend(item)
    return objects


def _types(item: dict) -> set[str]:
    declared = item.get("@type", [])
    return set(declared if isinstance(declared, list) else [declared])


def _json_ld_authors(objects: list[dict]) -> list[str]:
    names = []
    for item in objects:
        authors = item.get("author", [])
        for author in authors if isinstance(authors, list) else [authors]:
            name = author.get("name") if isinstance(author, dict) else author
            if isinstance(name, str) and name.strip() and name.strip() not in names:
                names.append(name.strip())
    return names


def _language(tree: etree._Element, meta: dict[str, str], json_ld: list[dict], *, text: str) -> str:
    """What the page declares (<html lang>, a header, JSON-LD inLanguage, og:locale), else what its
    text is written in."""
    in_language = next((item["inLanguage"] for item in json_ld if isinstance(item.get("inLanguage"), str)), "")
    declared = tree.get("lang") or meta.get("content-language") or in_language or meta.get("og:locale") or ""
    declared = declared.replace("_", "-").split(",")[0].strip().lower()[:16]
    return declared or detect_language(text)


def _date_candidates(meta: dict[str, str], json_ld: list[dict], names: tuple[str, ...], json_key: str):
    for name in names:
        yield DateCandidate(name, parse_datetime(meta.get(name)), meta.get(name, ""))
    for item in json_ld:
        raw = item.get(json_key)
        if isinstance(raw, str):
            yield DateCandidate(f"JSON-LD {json_key}", parse_datetime(raw), raw)


def _visible_text(tree: etree._Element) -> str:
    body = tree.find("body")
    if body is None:
        return ""
    texts = body.xpath(".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]")
    return " ".join(" ".join(texts).split())


def _standfirst(tree: etree._Element, meta: dict[str, str], *, text: str, headlines: list[str]) -> str:
    """The page's summary when the page shows it right under the headline (a standfirst) and the
    text lost it; the same summary in a "top stories" box elsewhere on the page is not one."""
    summary = " ".join((meta.get("og:description") or meta.get("description") or "").split())
    if not summary or summary in " ".join(text.split()):
        return ""
    visible = _visible_text(tree)
    at = visible.find(summary)
    if at < 0:
        return ""
    for headline in headlines:
        headline = " ".join(headline.split())
        found = visible.rfind(headline, 0, at) if headline else -1
        if found >= 0 and at - (found + len(headline)) <= STANDFIRST_DISTANCE:
            return summary
    return ""


def _canonical_href(tree: etree._Element, meta: dict[str, str]) -> str | None:
    links = tree.xpath('//link[@rel="canonical"]/@href')
    return links[0] if links else meta.get("og:url")


def declared_page_url(html: str) -> str | None:
    """The absolute URL a saved page says it is (rel=canonical or og:url), if it says one."""
    tree = parse_html(html)
    href = _canonical_href(tree, _meta_values(tree))
    try:
        return canonicalize_url(href) if href else None
    except InvalidUrl:
        return None


def extract_article(html: str, *, url: str) -> ExtractedArticle:
    # Imported here, by the processes that parse pages: a worker's main process (which only hands
    # out tasks) and the web processes stay ~3.5 MB smaller.
    import trafilatura

    tree = parse_html(html)
    meta = _meta_values(tree)
    json_ld = _json_ld_objects(tree)
    canonical = resolve_canonical_url(page_url=url, canonical_href=_canonical_href(tree, meta))
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
    )
    if document is None or not (document.text or "").strip():
        raise ArticleParseError("no article text found in the page")
    authors = clean_authors(
        _json_ld_authors(json_ld) or [name for name in (document.author or "").split(";") if name.strip()]
    )
    site_name = meta.get("og:site_name", "")[:200]
    headlines = [
        headline
        for headline in (document.title, meta.get("og:title"), *(item.get("headline") for item in json_ld))
        if isinstance(headline, str) and headline.strip()
    ]
    title = clean_title(
        (document.title or meta.get("og:title") or "").strip(), site_name=site_name, domain_label=domain_label(canonical)
    )
    raw_text = document.text.strip()
    paragraphs = clean_paragraphs(
        raw_text.split("\n"),
        headlines=headlines,
        standfirst=_standfirst(tree, meta, text=raw_text, headlines=[title, *headlines]),
    )
    warnings: list[str] = []
    published = first_plausible_date(
        [
            *_date_candidates(meta, json_ld, PUBLISHED_META, "datePublished"),
            DateCandidate("the page's text", parse_datetime(document.date), document.date or ""),
        ],
        label="publication",
        warnings=warnings,
    )
    updated = first_plausible_date(
        _date_candidates(meta, json_ld, UPDATED_META, "dateModified"), label="update", warnings=warnings
    )
    return ExtractedArticle(
        url=canonical,
        title=title,
        text="\n".join(paragraphs) or raw_text,
        authors=authors,
        published=published,
        updated=updated,
        language=_language(tree, meta, json_ld, text=raw_text),
        site_name=site_name,
        declares_live_blog=any(_types(item) & LIVE_BLOG_TYPES for item in json_ld),
        warnings=warnings,
    )
