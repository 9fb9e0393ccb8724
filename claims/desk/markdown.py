"""Markdown for fact-check bodies, rendered safely: raw HTML is shown as text, not interpreted,
and markdown-it refuses javascript:, vbscript:, file: and data: links (but data: images)."""

from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_RENDERER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def body_html(body: str, *, markdown: bool) -> SafeString:
    if not markdown:
        return mark_safe(linebreaks(body, autoescape=True))  # noqa: S308  escaped by linebreaks
    return mark_safe(_RENDERER.render(body))  # noqa: S308  html disabled: every tag in the input is escaped
