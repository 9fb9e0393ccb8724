"""Cut a passage into plain and highlighted segments, and mark them up.

Article text is never trusted: segments_html escapes every segment's text and adds only its
own <mark> tags, so a sentence containing markup shows that markup as text.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "source", "cue" or "content": the CSS class is hl-<kind>
    claim_id: int | None = None


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = ""
    claim_id: int | None = None


def highlight_segments(text: str, spans: list[Span], *, start: int = 0, end: int | None = None) -> list[Segment]:
    """Segments of text[start:end]; where spans overlap, the shortest (most specific) one wins."""
    end = len(text) if end is None else end
    inside = [s for s in spans if s.start < end and s.end > start and s.start < s.end]
    cuts = sorted({start, end, *(max(start, s.start) for s in inside), *(min(end, s.end) for s in inside)})
    segments: list[Segment] = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [s for s in inside if s.start <= left and s.end >= right]
        best = min(covering, key=lambda s: s.end - s.start, default=None)
        kind, claim_id = (best.kind, best.claim_id) if best else ("", None)
        if segments and segments[-1].kind == kind and segments[-1].claim_id == claim_id:
            segments[-1] = Segment(segments[-1].text + text[left:right], kind, claim_id)
        else:
            segments.append(Segment(text[left:right], kind, claim_id))
    return segments


def segments_html(segments: list[Segment]) -> SafeString:
    pieces = (format_html('<mark class="hl-{}">{}</mark>', s.kind, s.text) if s.kind else escape(s.text) for s in segments)
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def attribution_spans(attribution) -> list[Span]:
    spans = [Span(attribution.content_start, attribution.content_end, "content", attribution.claim_id)]
    if attribution.source_start is not None:
        spans.append(Span(attribution.source_start, attribution.source_end, "source", attribution.claim_id))
    if attribution.cue_start is not None:
        spans.append(Span(attribution.cue_start, attribution.cue_end, "cue", attribution.claim_id))
    return spans


def sentence_bounds(passage_text: str, sentence: str, anchor: int) -> tuple[int, int]:
    """Where the attribution's sentence sits in its passage (the occurrence that holds `anchor`)."""
    position = passage_text.find(sentence) if sentence else -1
    while position != -1:
        if position <= anchor < position + len(sentence):
            return position, position + len(sentence)
        position = passage_text.find(sentence, position + 1)
    return 0, len(passage_text)


def attribution_sentence_segments(attribution) -> list[Segment]:
    """The attribution's sentence with its source, cue and content marked."""
    text = attribution.passage.text
    start, end = sentence_bounds(text, attribution.sentence, attribution.content_start)
    return highlight_segments(text, attribution_spans(attribution), start=start, end=end)


# A byline date a saved page carries under its title: "Published March 3, 2025last updated March 3, 2025".
_DATELINE = re.compile(r"(?:published|updated|last updated)\b[^\n]{0,80}\d{4}[^\n]{0,60}$", re.IGNORECASE)


def passage_body_start(text: str, heading: str, spans: list[Span]) -> int:
    """Where the passage's body begins once the lines the page already shows are left out: the
    heading repeated as its first line, and a byline date under it. A line with a highlight stays."""
    position = 0
    first_highlight = min((span.start for span in spans), default=len(text))
    for belongs in (lambda line: heading and line == heading.strip(), _DATELINE.match):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end == -1 else line_end
        if line_end > first_highlight or not belongs(text[position:line_end].strip()):
            break
        position = line_end
        while position < len(text) and text[position].isspace():
            position += 1
    return position
