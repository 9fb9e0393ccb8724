"""Pull quotes: a subheading that is nothing but a quotation ("'We had plans after retirement'").

A tabloid or feature page sets a line of someone's speech between its sections. Its speaker is the one
of the section below who says those words (a quotation sharing a pair of content words with it), else
the first person who speaks in that section.
"""
from __future__ import annotations

import re

from claims.extraction import markers
from claims.extraction.attribution import Attribution
from claims.extraction.sentences import Sentence

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
