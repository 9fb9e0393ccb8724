"""OPML 1.0/2.0 feed lists, the format newsrooms move subscriptions between tools with.

Read with entities and network access off (an uploaded file must not make us read local files or
fetch URLs), written with the attributes feed readers expect: type, text, title, xmlUrl."""

from dataclasses import dataclass

from lxml import etree

from sources.parsing.urls import InvalidUrl, canonicalize_url


class OpmlError(ValueError):
    """The file is not an OPML document we can read."""


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str
    # The folder (parent outline) it was filed under: newsrooms file feeds by outlet.
    folder: str


@dataclass(frozen=True)
class OpmlList:
    feeds: list[OpmlFeed]
    invalid: list[str]  # xmlUrl values that are not web URLs


def parse_opml(body: bytes) -> OpmlList:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(body.lstrip(), parser=parser)
    except etree.XMLSyntaxError as error:
        raise OpmlError(f"not well-formed XML: {error}") from error
    if root.tag != "opml" or root.find("body") is None:
        raise OpmlError("not an OPML file (no <opml><body>)")
    feeds, invalid, seen = [], [], set()
    for outline in root.iter("outline"):
        raw = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not raw:
            continue
        try:
            url = canonicalize_url(raw)
        except InvalidUrl:
            invalid.append(raw)
            continue
        if url in seen:
            continue
        seen.add(url)
        parent = outline.getparent()
        folder = (parent.get("text") or parent.get("title") or "").strip() if parent.tag == "outline" else ""
        feeds.append(OpmlFeed(url=url, title=(outline.get("title") or outline.get("text") or "").strip(), folder=folder))
    return OpmlList(feeds=feeds, invalid=invalid)


def render_opml(feeds: list[tuple[str, str, str]], *, title: str) -> bytes:
    """feeds: (outlet name, feed title, feed URL), filed in one folder per outlet."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for outlet, feed_title, url in feeds:
        if outlet not in folders:
            folders[outlet] = etree.SubElement(body, "outline", text=outlet, title=outlet)
        etree.SubElement(folders[outlet], "outline", type="rss", text=feed_title or url, title=feed_title or url, xmlUrl=url)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
