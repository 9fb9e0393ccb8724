"""Quotations set apart from the running text.

Pull quotes: a tabloid or feature page sets a line of someone's speech between its sections
("'We had plans after retirement'"). Its speaker is the one of the section below who says those
words (a quotation sharing a pair of content words with it), else the first person who speaks there.

Credit lines: a quotation standing as its own paragraph, credited on the line below
("– Spokane police Sgt. Joe Peterson, after ..."), as "quotes of the week" pages set them.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from claims.extraction import markers
from claims.extraction.attribution import Attribution
from claims.extraction.sentences import Sentence
from claims.extraction.types import ExtractedActor

_PULL_QUOTE = re.compile("[\u2018\u201c'\"](?P<words>[^\u2018\u201c\"]{8,}?)[\u2019\u201d'\"]")


def _is_subheading(sentence: Sentence, following: Sentence | None) -> bool:
    return sentence.first_in_paragraph and (following is None or following.paragraph != sentence.paragraph)


def attribute_pull_quotes(per_sentence: list[tuple[Sentence, list[Attribution]]]) -> None:
    for index, (sentence, attributions) in enumerate(per_sentence):
        following = per_sentence[index + 1][0] if index + 1 < len(per_sentence) else None
        quote = _PULL_QUOTE.fullmatch(sentence.text)
        if index == 0 or attributions or quote is None or not _is_subheading(sentence, following):
            continue
        section = []
        for later_index in range(index + 1, len(per_sentence)):
            later, later_attributions = per_sentence[later_index]
            after = per_sentence[later_index + 1][0] if later_index + 1 < len(per_sentence) else None
            if _is_subheading(later, after) and not later.terminated:
                break  # the next section
            section.extend((later, attribution) for attribution in later_attributions if attribution.actor)
        words = markers.content_bigrams(quote["words"])
        saying = next((a for s, a in section if words & markers.content_bigrams(s.text)), None)
        speaker = saying or next((a for _, a in section if a.actor.kind == "person" and a.mention), None)
        if speaker:
            attributions.append(Attribution(None, None, "headline", None, quote.span("words"), "pull_quote",
                                            actor=speaker.actor, via_actor=speaker.via_actor))


_CREDIT = re.compile(r"^(?P<who>[^,;(]{3,80})")
_DASH = re.compile(r"\s*[–—-]\s*")


def attribute_credited_quotes(per_sentence: list[tuple[Sentence, list[Attribution]]], text: str,
                              resolve: Callable[[str], ExtractedActor | None]) -> None:
    by_paragraph: dict[int, list[tuple[Sentence, list[Attribution]]]] = {}
    for row in per_sentence:
        by_paragraph.setdefault(row[0].paragraph, []).append(row)
    paragraphs = sorted(by_paragraph)
    for quoted, credit in zip(paragraphs, paragraphs[1:]):
        rows, (line, line_attributions) = by_paragraph[quoted], by_paragraph[credit][0]
        dashed = _DASH.fullmatch(text, text.rfind("\n", 0, line.start) + 1, line.start)  # the splitter drops a leading dash
        credited = _CREDIT.match(line.text) if dashed else None
        whole_quote = rows[0][0].text[:1] in "\"\u201c" and rows[-1][0].text.rstrip(" .")[-1:] in "\"\u201d"
        if not credited or not whole_quote or line_attributions or any(f.mention for _, found in rows for f in found):
            continue
        speaker = resolve(credited["who"].strip())
        if speaker is None:
            continue
        for sentence, attributions in rows:
            attributions[:] = [Attribution(None, None, "quote", None, (0, len(sentence.text)), "credit_line", actor=speaker)]
