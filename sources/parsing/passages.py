"""Cut a stored document into passage drafts, each with a key that stays stable across fetches.

Live-blog posts (HTML or saved plain text) become one passage each, keyed by their permalink or,
without one, by their heading and time. A plain article becomes one passage per paragraph,
keyed by the paragraph's own text, so an edited paragraph is a new passage and the old one is
retired rather than rewritten.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sources.parsing.html_liveblog import split_html_liveblog
from sources.parsing.plaintext_liveblog import split_plaintext_liveblog

KEY_LENGTH = 200


@dataclass(frozen=True)
class PassageDraft:
    key: str
    position: int
    heading: str
    published_at: datetime | None
    permalink: str
    text: str


@dataclass(frozen=True)
class DocumentPassages:
    is_live_blog: bool
    drafts: list[PassageDraft]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _unique_keys(keys: list[str]) -> list[str]:
    """Two posts with the same permalink or text get #2, #3... in page order."""
    seen: dict[str, int] = {}
    unique = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        unique.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return unique


def _post_key(*, permalink: str, heading: str, published: datetime | None) -> str:
    if permalink:
        return permalink[:KEY_LENGTH - 4]
    return "post:" + _short_hash(heading, published.isoformat() if published else "")


def day_start(day: date | None) -> datetime | None:
    """A calendar date (plain-text pages give no time) as midnight UTC."""
    return datetime.combine(day, time(0, 0), tzinfo=UTC) if day else None


def _drafts(rows: list[tuple[str, str, datetime | None, str, str]]) -> list[PassageDraft]:
    """rows: (key, heading, published, permalink, text) in page order."""
    keys = _unique_keys([row[0] for row in rows])
    return [
        PassageDraft(key=key, position=position, heading=heading[:1000], published_at=published, permalink=permalink, text=text)
        for position, (key, (_, heading, published, permalink, text)) in enumerate(zip(keys, rows, strict=True))
    ]


HEADLINE_KEY = "headline"


def _article_rows(text: str, *, title: str, published: datetime | None, permalink: str) -> list[tuple]:
    """The headline (a passage of its own, first: its claims, "Pakistan says ...", are stored like any
    other), then one row per paragraph."""
    headline = [(HEADLINE_KEY, "", published, permalink, title.strip())] if title.strip() else []
    paragraphs = [paragraph.strip() for paragraph in text.split("\n") if paragraph.strip()]
    return headline + [("para:" + _short_hash(paragraph), "", published, permalink, paragraph) for paragraph in paragraphs]


def post_text_with_heading(heading: str, text: str) -> str:
    """A post's text starts with its heading ("Pakistan says it shot down five jets" is a claim in itself), as a
    saved text view's posts do; the page shows the heading once."""
    heading = heading.strip()
    return f"{heading}\n\n{text}" if heading and not text.startswith(heading) else text


def html_document_passages(
    *, html: str, text: str, url: str, published: datetime | None, declares_live_blog: bool, title: str = ""
) -> DocumentPassages:
    posts = split_html_liveblog(html, url=url, published=published)
    if posts:
        rows = [
            (_post_key(permalink=post.permalink, heading=post.heading, published=post.published),
             post.heading, post.published, post.permalink, post_text_with_heading(post.heading, post.text))
            for post in posts
        ]
        return DocumentPassages(is_live_blog=True, drafts=_drafts(rows))
    rows = _article_rows(text, title=title, published=published, permalink=url)
    return DocumentPassages(is_live_blog=declares_live_blog, drafts=_drafts(rows))


def plaintext_document_passages(*, text: str) -> DocumentPassages:
    """Saved text views: every post the splitter finds, the title/lead and summary included."""
    blog = split_plaintext_liveblog(text)
    rows = []
    for post in blog.posts:
        published = day_start(post.published)
        permalink = post.permalink or ""
        rows.append((_post_key(permalink=permalink, heading=post.heading, published=published),
                     post.heading, published, permalink, post.text))
    # More than the lead and one body post means section markers: a live blog.
    return DocumentPassages(is_live_blog=len(blog.posts) > 2, drafts=_drafts(rows))
