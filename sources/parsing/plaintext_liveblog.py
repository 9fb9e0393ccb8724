"""Split the saved plain-text view of a news page (a live blog or a plain article) into posts.

The shape handled is what browsers and text extractors produce for live blogs: navigation
lines at the top, the title, a "Published <date>" line, the lead, then one section per post
opened by a "Skip next section <heading>" line, a date line, the heading again, the body,
image captions ending in an "Image: <credit>" line and the post's permalink. A page with no
section markers is a plain article: the header (title and lead) and one body post.

Every post's text is a verbatim slice of the input so extraction offsets can be shifted back
to offsets in the file.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from sources.parsing.calendar_dates import parse_calendar_date

_SECTION_MARKER = re.compile(r"^[ \t]*Skip next section[ \t]+(?P<heading>\S.*?)[ \t]*$", re.MULTILINE)
_PUBLISHED_LINE = re.compile(r"^[ \t]*(?:Published|Posted|First published)\b.*$", re.MULTILINE | re.IGNORECASE)
_UPDATED = re.compile(r"(?:last\s+)?updated\b(?P<rest>.*)", re.IGNORECASE)
_URL_LINE = re.compile(r"^\s*https?://\S+\s*$")
_CAPTION_LINE = re.compile(r"(?:Image|Photo|Picture|Video)(?: credit)?:\s*\S.*$")
_CREDIT_LINE = re.compile(r"^\s*[a-z]{2,5}(?:/[a-z]{2,5})+\s*(?:\([^)]*\))?\s*$")
_MENU_LINE = re.compile(r"^\s*(?:\d+\.\s+)?Skip to\b", re.IGNORECASE)
_DATE_LINE_MAX = 40
_PAGE_FURNITURE = frozenset(
    {"related topics", "related content", "explore more", "more on this topic", "more from", "most read", "most popular",
     "read more", "recommended", "share", "advertisement", "newsletter", "related stories", "more stories"}
)


@dataclass(frozen=True)
class TextPost:
    position: int
    heading: str
    published: datetime.date | None
    permalink: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TextLiveBlog:
    title: str
    published: datetime.date | None
    updated: datetime.date | None
    posts: list[TextPost]


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _lines(text: str, start: int = 0, end: int | None = None) -> list[_Line]:
    end = len(text) if end is None else end
    lines, position = [], start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline == -1 else newline
        lines.append(_Line(position, stop, text[position:stop]))
        position = stop + 1
    return lines


def _is_caption(line: _Line) -> bool:
    return bool(_CAPTION_LINE.search(line.stripped))


def _content_end(text: str, start: int, end: int) -> tuple[int, str | None]:
    """Where the post's own prose ends (before captions, credits, permalinks) and its permalink."""
    lines = _lines(text, start, end)
    permalink = next((line.stripped for line in lines if _URL_LINE.match(line.text)), None)
    keep = len(lines)
    while keep:
        line = lines[keep - 1]
        if not line.stripped or _URL_LINE.match(line.text) or _CREDIT_LINE.match(line.text):
            keep -= 1
        elif _is_caption(line):
            keep -= 1
            # The picture's alt text sits on the line right above its caption.
            if keep and lines[keep - 1].stripped and not _is_caption(lines[keep - 1]) and keep > 1 and not lines[keep - 2].stripped:
                keep -= 1
        else:
            break
    if not keep:
        return start, permalink
    return start + len(text[start : lines[keep - 1].end].rstrip()), permalink


def _lead_end(text: str, start: int, end: int, *, one_paragraph: bool) -> int:
    """End of the lead: the prose from start up to a link, caption or marker line; for a plain
    article (one_paragraph) only its first paragraph, as the rest is the body."""
    stop = start
    for line in _lines(text, start, end):
        if _URL_LINE.match(line.text) or _is_caption(line) or _SECTION_MARKER.match(line.text):
            break
        if line.stripped:
            stop = line.end
        elif stop > start and one_paragraph:
            break
    return start + len(text[start:stop].rstrip())


def _title_line(text: str, before: int | None) -> _Line | None:
    lines = _lines(text, 0, before)
    if before is not None:
        previous = [line for line in lines if line.stripped]
        return previous[-1] if previous else None
    for line in lines:
        if line.stripped and not _MENU_LINE.match(line.text) and len(line.stripped.split()) >= 3:
            return line
    return None


def _post(position: int, heading: str, published, permalink, text: str, start: int, end: int) -> TextPost:
    return TextPost(position, heading, published, permalink, text[start:end], start, end)


def split_plaintext_liveblog(text: str) -> TextLiveBlog:
    published_line = _PUBLISHED_LINE.search(text)
    published = updated = None
    if published_line:
        line = published_line[0]
        updated_part = _UPDATED.search(line)
        published = parse_calendar_date(line[: updated_part.start()] if updated_part else line)
        updated = parse_calendar_date(updated_part["rest"]) if updated_part else None
    title = _title_line(text, published_line.start() if published_line else None)
    if title is None:
        return TextLiveBlog("", published, updated, [])
    lead_from = published_line.end() if published_line else title.end
    markers = list(_SECTION_MARKER.finditer(text))
    lead_end = _lead_end(text, lead_from, markers[0].start() if markers else len(text), one_paragraph=not markers)
    posts = [_post(0, title.stripped, published, None, text, title.start, max(lead_end, title.end))]
    if not markers:
        body_start = _next_prose_start(text, lead_end)
        body_end, permalink = _content_end(text, body_start, len(text))
        if body_end > body_start:
            posts.append(_post(1, title.stripped, published, permalink, text, body_start, body_end))
        return TextLiveBlog(title.stripped, published, updated, posts)
    for index, marker in enumerate(markers):
        heading = marker["heading"].strip()
        if heading.lower() in _PAGE_FURNITURE:
            continue  # teaser lists under "Related topics" are other articles' headlines, not posts
        section_end = markers[index + 1].start() if index + 1 < len(markers) else len(text)
        post_start, post_date = _post_start(text, marker.end(), section_end, heading)
        post_end, permalink = _content_end(text, post_start, section_end)
        if post_end > post_start:
            posts.append(_post(len(posts), heading, post_date or published, permalink, text, post_start, post_end))
    return TextLiveBlog(title.stripped, published, updated, posts)


def _next_prose_start(text: str, position: int) -> int:
    """Skip the link and caption lines that follow the lead of a plain article."""
    for line in _lines(text, position):
        if line.stripped and not (_URL_LINE.match(line.text) or _is_caption(line)):
            return line.start
    return len(text)


def _post_start(text: str, position: int, end: int, heading: str) -> tuple[int, datetime.date | None]:
    """The post starts at its repeated heading line; the date line above it gives its date."""
    post_date = None
    for line in _lines(text, position, end):
        if not line.stripped:
            continue
        if line.stripped == heading:
            return line.start + (len(line.text) - len(line.text.lstrip())), post_date
        if post_date is None and len(line.stripped) <= _DATE_LINE_MAX and (date := parse_calendar_date(line.stripped)):
            post_date = date
            continue
        return line.start, post_date
    return end, post_date
