"""A page as ingestion reads it, with no database: decoded, parsed to text and metadata, cut into passages.

Ingestion stores what these return; `extract_claims` reads saved files through the same functions,
so the command finds the claims ingestion would store for the same page.
"""

from dataclasses import dataclass, field
from datetime import datetime

from sources.parsing.charset import UndecodableContent, decode_body
from sources.parsing.html_article import ArticleParseError, declared_page_url, extract_article
from sources.parsing.passages import DocumentPassages, day_start, html_document_passages, plaintext_document_passages
from sources.parsing.plaintext_liveblog import split_plaintext_liveblog
from sources.parsing.urls import InvalidUrl, canonicalize_url, first_bare_url

HTML_TYPES = ("text/html", "application/xhtml+xml")
PLAIN_TYPES = ("text/plain",)


class IngestError(Exception):
    """Bad input that will not get better by retrying (wrong content type, unparsable page)."""

    permanent = True
    retry_after = None


@dataclass(frozen=True)
class Document:
    """A fetched or uploaded page, parsed, ready to be stored on an Article."""

    url: str
    title: str
    text: str
    raw_html: str
    # What the page declares (JSON-LD LiveBlogPosting); splitting decides for good.
    declares_live_blog: bool = False
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    language: str = ""
    site_name: str = ""  # the outlet's name as the page gives it (og:site_name)


def document_from_html(*, html: str, url: str) -> Document:
    extracted = extract_article(html, url=url)
    return Document(
        url=extracted.url,
        title=extracted.title,
        text=extracted.text,
        raw_html=html,
        declares_live_blog=extracted.declares_live_blog,
        authors=extracted.authors,
        published=extracted.published,
        updated=extracted.updated,
        language=extracted.language,
        site_name=extracted.site_name,
    )


def document_from_plaintext(*, text: str, url: str) -> Document:
    """A saved text view of a page (see sources.parsing.plaintext_liveblog): kept verbatim, so the
    passages are exact slices of Article.text."""
    if not text.strip():
        raise IngestError("empty text")
    blog = split_plaintext_liveblog(text)
    return Document(
        url=canonicalize_url(url),
        title=blog.title,
        text=text,
        raw_html="",
        published=day_start(blog.published),
        updated=day_start(blog.updated),
    )


def document_from_body(*, body: bytes, content_type: str, url: str) -> Document:
    """Decode and parse a fetched or uploaded body, by its content type (HTML when unsure)."""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type and media_type not in HTML_TYPES + PLAIN_TYPES:
        raise IngestError(f"not an HTML or text page: content type {media_type!r}")
    if not body.strip():
        raise IngestError("empty body")
    try:
        decoded = decode_body(body, content_type=content_type)
    except UndecodableContent as error:
        raise IngestError(str(error)) from error
    try:
        if media_type in PLAIN_TYPES:
            return document_from_plaintext(text=decoded.text, url=url)
        return document_from_html(html=decoded.text, url=url)
    except (ArticleParseError, InvalidUrl) as error:
        raise IngestError(str(error)) from error


def document_from_upload(*, body: bytes, name: str, url: str | None = None) -> Document:
    """A saved page given by a person: .txt files and pasted text are text views, the rest HTML.
    Without a URL we use the one the page names (rel=canonical, or a text view's short link)."""
    content_type = "text/plain; charset=utf-8" if name.lower().endswith(".txt") else "text/html"
    if url is None:
        try:
            decoded = decode_body(body, content_type=content_type).text
        except UndecodableContent as error:
            raise IngestError(str(error)) from error
        url = first_bare_url(decoded) if content_type.startswith("text/plain") else declared_page_url(decoded)
        if url is None:
            raise IngestError(f"{name}: the page names no URL of its own; give one")
    return document_from_body(body=body, content_type=content_type, url=url)


def document_passages(
    *, raw_html: str, text: str, url: str, published: datetime | None, declares_live_blog: bool
) -> DocumentPassages:
    """The passages of a stored document: live-blog posts or paragraphs of an HTML page, posts of a text view."""
    if raw_html:
        return html_document_passages(
            html=raw_html, text=text, url=url, published=published, declares_live_blog=declares_live_blog
        )
    return plaintext_document_passages(text=text)
