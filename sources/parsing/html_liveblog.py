"""Split an HTML live blog into its posts, by the shape posts share across publishers.

A post is an innermost article/section/li/div that holds a time and a heading; the posts of a
blog are the largest group of such elements that are siblings (same parent, same tag). No
site-specific selectors: what works for one CMS's class names breaks on the next redesign.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree

from sources.parsing.html_article import parse_datetime, parse_html

CONTAINER_TAGS = ("article", "section", "li", "div")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCK_TAGS = frozenset({"p", "li", "blockquote", "pre", "h5", "h6", "dd", "figcaption", "td"})
NOISE_TAGS = ("script", "style", "noscript", "template", "iframe", "button", "svg", "form", "nav")
PERMALINK_WORDS = ("permalink", "link to this post", "link to post", "copy link", "share this post")
MIN_POSTS = 2


@dataclass(frozen=True)
class LiveBlogPost:
    position: int
    heading: str
    published: datetime | None
    permalink: str
    text: str


def _clean_text(text: str) -> str:
    return " ".join(text.split())


def _post_candidates(tree: etree._Element) -> list[etree._Element]:
    """Innermost containers that hold both a time and a heading. Walks up from each time and
    heading once (pages have thousands of divs: testing every div's subtree would be quadratic)."""
    holds_time, holds_heading = set(), set()
    for found, marks in (
        (tree.xpath("//time | //*[@datetime]"), holds_time),
        (tree.iter(*HEADING_TAGS), holds_heading),
    ):
        for element in found:
            for ancestor in element.iterancestors(*CONTAINER_TAGS):
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


def _published(post: etree._Element) -> tuple[datetime | None, etree._Element | None]:
    for element in post.xpath(".//time | .//*[@datetime]"):
        parsed = parse_datetime(element.get("datetime")) or parse_datetime(element.text_content())
        if parsed:
            return parsed, element
    return None, None


def _post_text(post: etree._Element, *, skip: list[etree._Element]) -> str:
    for element in skip:
        if element is not None and element.getparent() is not None:
            element.drop_tree()
    def inside_another_block(element: etree._Element) -> bool:
        for ancestor in element.iterancestors():
            if ancestor is post:
                return False
            if ancestor.tag in BLOCK_TAGS:
                return True
        return False

    blocks = [
        _clean_text(element.text_content())
        for element in post.iterdescendants(*BLOCK_TAGS)
        if not inside_another_block(element)
    ]
    blocks = [block for block in blocks if block]
    return "\n\n".join(blocks) if blocks else _clean_text(post.text_content())


def split_html_liveblog(html: str, *, url: str) -> list[LiveBlogPost]:
    """The posts in page order; an empty list when the page is not a live blog."""
    tree = parse_html(html)
    for noise in tree.xpath(" | ".join(f"//{tag}" for tag in NOISE_TAGS)):
        if noise.getparent() is not None:
            noise.drop_tree()
    posts = []
    for element in _largest_sibling_group(_post_candidates(tree)):
        heading_element = element.xpath(" | ".join(f".//{tag}" for tag in HEADING_TAGS))[0]
        heading = _clean_text(heading_element.text_content())
        permalink, permalink_element = _permalink(element, page_url=url)
        published, time_element = _published(element)
        text = _post_text(element, skip=[heading_element, permalink_element, time_element])
        if text:
            posts.append(
                LiveBlogPost(position=len(posts), heading=heading, published=published, permalink=permalink, text=text)
            )
    return posts
