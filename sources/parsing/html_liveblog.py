"""Split an HTML live blog into its posts, by the shape posts share across publishers.

A post is an innermost article/section/li/div that holds a time and a heading; the posts of a
blog are the largest group of such elements that are siblings (same parent, same tag). Pages
whose posts have no heading are read as the children of the one element most of the page's time
markers sit under; an AP-style "The Latest" page as the paragraphs that follow each bold time
lead. Posts listed in the JSON-LD liveBlogUpdate (often many more than the HTML shows) are added.
No site-specific selectors: what works for one CMS's class names breaks on the next redesign.
"""

import re
from collections import defaultdict
from itertools import chain
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, tzinfo
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from sources.parsing.cleanup import is_boilerplate, strip_trailing_credit
from sources.parsing.html_article import LIVE_BLOG_TYPES, _json_ld_objects, _types, parse_datetime, parse_html
from sources.parsing.liveblog_times import TIME_MARKERS_XPATH, is_time_lead, marker_time, parse_day, text_time

CONTAINER_TAGS = ("article", "section", "li", "div")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCK_TAGS = frozenset({"p", "li", "blockquote", "pre", "h5", "h6", "dd", "td"})
NOISE_TAGS = ("script", "style", "noscript", "template", "iframe", "button", "svg", "form", "nav", "figure", "figcaption")
# Post furniture that is not the post's words: who wrote it, share buttons, captions.
FURNITURE_CLASS = re.compile(r"author|byline|share|social|caption|credit|avatar|tags", re.IGNORECASE)
PERMALINK_WORDS = ("permalink", "link to this post", "link to post", "copy link", "share this post")
MIN_POSTS = 2
# Posts without headings are looked for only on pages that declare a LiveBlogPosting: a list of
# related stories (time, title, no heading) has the same shape.
MIN_HEADINGLESS_POSTS = 3
MIN_POST_TEXT = 40  # characters: a teaser list's items are shorter
DAY_LINE = 40  # a dated line in "The Latest" ("Tuesday, May 6"), not a sentence with a date
_LATEST_INTRO = re.compile(r"^here[’']s the latest\b|^the latest\b.*:$", re.IGNORECASE)


@dataclass(frozen=True)
class LiveBlogPost:
    position: int
    heading: str
    published: datetime | None
    permalink: str
    text: str


def _clean_text(text: str) -> str:
    return " ".join(text.split())


def _time_markers(tree: etree._Element) -> list[etree._Element]:
    return tree.xpath(TIME_MARKERS_XPATH.replace(".//", "//"))


def _post_candidates(tree: etree._Element) -> list[etree._Element]:
    """Innermost containers that hold both a time and a heading. Walks up from each time and
    heading once (pages have thousands of divs: testing every div's subtree would be quadratic)."""
    holds_time, holds_heading = set(), set()
    for found, marks in ((_time_markers(tree), holds_time), (tree.iter(*HEADING_TAGS), holds_heading)):
        for element in found:
            # A container can carry its own time (<div data-post-time="...">).
            own = [element] if element.tag in CONTAINER_TAGS else []
            for ancestor in chain(own, element.iterancestors(*CONTAINER_TAGS)):
                if ancestor in marks:
                    break  # the rest of this chain is marked already
                marks.add(ancestor)
    matching = holds_time & holds_heading
    return [
        element
        for element in tree.iter(*CONTAINER_TAGS)
        if element in matching
        and not any(descendant in matching for descendant in element.iterdescendants(*CONTAINER_TAGS))
    ]


def _largest_sibling_group(candidates: list[etree._Element]) -> list[etree._Element]:
    groups: dict[tuple, list[etree._Element]] = defaultdict(list)
    for element in candidates:
        groups[(element.getparent(), element.tag)].append(element)
    best = max(groups.values(), key=len, default=[])
    return best if len(best) >= MIN_POSTS else []


def _headingless_posts(tree: etree._Element) -> list[etree._Element]:
    """The children of the element under which most time markers sit, each holding one: posts
    that are plain sibling blocks with a time and text but no heading."""
    children_with_time: dict[etree._Element, list[etree._Element]] = defaultdict(list)
    for marker in _time_markers(tree):
        child = marker
        for parent in marker.iterancestors():
            if child not in children_with_time[parent]:
                children_with_time[parent].append(child)
            child = parent
    if not children_with_time:
        return []
    # The most children; among equals the deepest (the list, not the page around it).
    parent = max(children_with_time, key=lambda element: (len(children_with_time[element]), len(list(element.iterancestors()))))
    posts = [child for child in children_with_time[parent] if child.tag in CONTAINER_TAGS]
    if len(posts) < MIN_HEADINGLESS_POSTS or any(len(_clean_text(post.text_content())) < MIN_POST_TEXT for post in posts):
        return []
    return posts


def _permalink(post: etree._Element, *, page_url: str) -> tuple[str, etree._Element | None]:
    """The post's own URL and the link element that carried it (to keep it out of the text)."""
    page = urlsplit(page_url)
    for link in post.xpath(".//a[@href]"):
        href = link.get("href", "").strip()
        label = _clean_text(link.text_content()).lower()
        attributes = " ".join(filter(None, (link.get("rel"), link.get("class"), link.get("title")))).lower()
        if "bookmark" in attributes or "permalink" in attributes or any(word in label for word in PERMALINK_WORDS):
            return urljoin(page_url, href), link
        target = urlsplit(urljoin(page_url, href))
        if target.fragment and (target.netloc, target.path) == (page.netloc, page.path):
            return urljoin(page_url, href), link
    post_id = post.get("id")
    if post_id:
        return urljoin(page_url, f"#{post_id}"), None
    return "", None


def _published(post: etree._Element, *, day: date | None, zone: tzinfo) -> datetime | None:
    for element in post.xpath(TIME_MARKERS_XPATH):
        parsed = marker_time(element, day=day, zone=zone)
        if parsed:
            return parsed
    own = post.get("data-time") or post.get("data-timestamp") or post.get("data-post-time")
    return marker_time(post, day=day, zone=zone) if own else None


def _blocks_text(blocks: list[str]) -> str:
    kept = [strip_trailing_credit(block) for block in blocks if block and not is_boilerplate(block)]
    return "\n\n".join(block for block in kept if block)


def _post_text(post: etree._Element, *, skip: list[etree._Element]) -> str:
    """The post's paragraphs without its heading, time, byline, share links or captions (their
    text glued to the first paragraph is what "20:36Frances Watkinshttps://..." was)."""
    furniture = post.xpath(TIME_MARKERS_XPATH) + [
        element for element in post.iterdescendants() if FURNITURE_CLASS.search(element.get("class") or "")
    ]
    for element in [*skip, *furniture]:
        if element is not None and element is not post and element.getparent() is not None:
            element.drop_tree()

    def inside_another_block(element: etree._Element) -> bool:
        for ancestor in element.iterancestors():
            if ancestor is post:
                return False
            if ancestor.tag in BLOCK_TAGS:
                return True
        return False

    blocks = [
        _clean_text(" ".join(element.itertext()))
        for element in post.iterdescendants(*BLOCK_TAGS)
        if not inside_another_block(element)
    ]
    return _blocks_text(blocks) if any(blocks) else _blocks_text([_clean_text(" ".join(post.itertext()))])


def _days_before(tree: etree._Element, posts: list[etree._Element], *, page_day: date | None) -> dict:
    """Each post's day: the last day heading above it in the page (a short line that is a date),
    else the page's own date."""
    wanted = set(posts)
    days, current = {}, page_day
    year = page_day.year if page_day else None
    for element in tree.iter(*HEADING_TAGS, *CONTAINER_TAGS, "p", "span", "strong"):
        if element in wanted:
            days[element] = current
            continue
        if len(element) == 0 or element.tag in HEADING_TAGS:
            heading_day = parse_day(element.text_content(), year_hint=year)
            if heading_day and not any(ancestor in wanted for ancestor in element.iterancestors()):
                current = heading_day
    return days


def _container_posts(tree, elements, *, url: str, page_day: date | None, zone: tzinfo) -> list[LiveBlogPost]:
    days = _days_before(tree, elements, page_day=page_day)
    posts = []
    for element in elements:
        headings = element.xpath(" | ".join(f".//{tag}" for tag in HEADING_TAGS))
        heading_element = headings[0] if headings else None
        heading = _clean_text(heading_element.text_content()) if heading_element is not None else ""
        permalink, permalink_element = _permalink(element, page_url=url)
        published = _published(element, day=days.get(element), zone=zone)
        text = _post_text(element, skip=[heading_element, permalink_element])
        if text:
            posts.append(LiveBlogPost(position=len(posts), heading=heading, published=published, permalink=permalink, text=text))
    return posts


def _time_lead(paragraph: etree._Element) -> str:
    """The time a "The Latest" paragraph opens with in bold ("<p><b>10:15 a.m.</b> ..."), or ""."""
    if (paragraph.text or "").strip() or len(paragraph) == 0 or paragraph[0].tag not in ("b", "strong"):
        return ""
    lead = _clean_text(paragraph[0].text_content())
    return lead if is_time_lead(lead) else ""


def _inside(element: etree._Element, container: etree._Element | None) -> bool:
    return container is None or any(ancestor is container for ancestor in element.iterancestors())


def _common_container(first: etree._Element, second: etree._Element) -> etree._Element | None:
    ancestors = set(first.iterancestors()) | {first}
    return next((ancestor for ancestor in second.iterancestors() if ancestor in ancestors), None)


def _latest_posts(tree: etree._Element, *, page_day: date | None, zone: tzinfo) -> list[LiveBlogPost]:
    """AP-style "The Latest": paragraphs grouped under the bold time that leads each group (the
    day from the dated line above, else the page's date), or under the headings that follow a
    "Here's the latest:" line; the summary above that line is the first post."""
    posts: list[list] = []  # [heading, published, blocks]
    day, year = page_day, page_day.year if page_day else None
    # The story's body: the smallest element holding the intro and every post heading so far
    # (posts' headings share one tag; a "saved articles" drawer's heading does not).
    intro, body, heading_tag, lead = None, None, None, []
    for element in tree.iter("p", *HEADING_TAGS):
        text = _clean_text(element.text_content())
        time_lead = _time_lead(element) if element.tag == "p" else ""
        if element.tag == heading_tag and text and not _inside(element, body):
            body = _common_container(body, element)  # the story continues in the next block
        if body is not None and not _inside(element, body):
            continue
        if time_lead:
            rest = _clean_text(text[len(time_lead):]) if text.startswith(time_lead) else text
            posts.append(["", text_time(time_lead, day=day, zone=zone), [rest] if rest else []])
        elif element.tag in HEADING_TAGS and intro is not None and text and heading_tag in (None, element.tag):
            if heading_tag is None:
                heading_tag, body = element.tag, _common_container(intro, element)
            posts.append([text, None, []])
        elif element.tag == "p" and intro is None and _LATEST_INTRO.match(text):
            intro = element
        elif element.tag == "p" and len(text) <= DAY_LINE and parse_day(text, year_hint=year):
            day = parse_day(text, year_hint=year)
        elif posts and element.tag == "p":
            posts[-1][2].append(text)
        elif element.tag == "p":
            lead.append((element, text))
    if intro is not None and body is not None:
        summary = [text for element, text in lead if _inside(element, body)]
        posts.insert(0, ["", None, summary])
    rows = [(heading, published, _blocks_text(blocks)) for heading, published, blocks in posts]
    rows = [row for row in rows if row[2]]
    if len(rows) < MIN_POSTS:
        return []
    return [
        LiveBlogPost(position=position, heading=heading, published=published, permalink="", text=text)
        for position, (heading, published, text) in enumerate(rows)
    ]


def _html_text(value: str) -> str:
    """JSON-LD articleBody is sometimes HTML: its text, paragraph per block."""
    if "<" not in value:
        return value.strip()
    fragment = lxml.html.fragment_fromstring(value, create_parent="div")
    blocks = [_clean_text(" ".join(block.itertext())) for block in fragment.iter("p", "li", "blockquote")]
    return _blocks_text(blocks) if any(blocks) else _clean_text(fragment.text_content())


def json_ld_updates(objects: list[dict], *, page_url: str) -> list[LiveBlogPost]:
    """The posts a LiveBlogPosting lists in liveBlogUpdate, newest first as blogs show them."""
    posts = []
    for item in objects:
        if not _types(item) & LIVE_BLOG_TYPES:
            continue
        updates = item.get("liveBlogUpdate") or []
        for update in updates if isinstance(updates, list) else [updates]:
            if not isinstance(update, dict):
                continue
            body = update.get("articleBody") or update.get("text") or update.get("description") or ""
            text = _html_text(body) if isinstance(body, str) else ""
            if not text:
                continue
            link = update.get("url") or update.get("@id") or ""
            permalink = urljoin(page_url, link) if isinstance(link, str) and link else ""
            if permalink and not urlsplit(permalink).fragment and urlsplit(permalink).path == urlsplit(page_url).path:
                permalink = ""  # every post "links" to the page itself: no permalink of its own
            posts.append(
                LiveBlogPost(
                    position=0,
                    heading=_clean_text(str(update.get("headline") or "")),
                    published=parse_datetime(update.get("datePublished")) or parse_datetime(update.get("dateModified")),
                    permalink=permalink,
                    text=text,
                )
            )
    return sorted(posts, key=lambda post: post.published or datetime.min.replace(tzinfo=UTC), reverse=True)


def _match_key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()[:80]


def _with_updates(posts: list[LiveBlogPost], updates: list[LiveBlogPost]) -> list[LiveBlogPost]:
    """The HTML posts (given the JSON-LD time when they show none), then the JSON-LD posts the
    HTML does not show. One post is matched by permalink, heading or opening words."""
    by_key: dict[str, LiveBlogPost] = {}
    for update in updates:
        for key in (update.permalink, _match_key(update.heading), _match_key(update.text)):
            if key:
                by_key.setdefault(key, update)
    shown = set()
    merged = []
    for post in posts:
        match = next(
            (by_key[key] for key in (post.permalink, _match_key(post.heading), _match_key(post.text)) if key and key in by_key),
            None,
        )
        if match is not None:
            shown.add(id(match))
            if post.published is None and match.published is not None:
                post = replace(post, published=match.published)
        merged.append(post)
    merged += [update for update in updates if id(update) not in shown]
    return [replace(post, position=position) for position, post in enumerate(merged)]


def split_html_liveblog(html: str, *, url: str, published: datetime | None = None) -> list[LiveBlogPost]:
    """The posts in page order; an empty list when the page is not a live blog. `published` (the
    page's date) anchors posts that show a bare "20:24"; without it they get no time."""
    tree = parse_html(html)
    json_ld = _json_ld_objects(tree)
    updates = json_ld_updates(json_ld, page_url=url)
    declared = any(_types(item) & LIVE_BLOG_TYPES for item in json_ld)
    for noise in tree.xpath(" | ".join(f"//{tag}" for tag in NOISE_TAGS)):
        if noise.getparent() is not None:
            noise.drop_tree()
    zone = published.tzinfo if published and published.tzinfo else UTC
    page_day = published.astimezone(zone).date() if published else None
    elements = _largest_sibling_group(_post_candidates(tree)) or (_headingless_posts(tree) if declared else [])
    if elements:
        posts = _container_posts(tree, elements, url=url, page_day=page_day, zone=zone)
    else:
        posts = _latest_posts(tree, page_day=page_day, zone=zone)
    return _with_updates(posts, updates)
