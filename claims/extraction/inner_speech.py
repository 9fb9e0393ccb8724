"""Speech quoted inside a quotation: the inner speaker says it, the one quoting them relays it.

    Zibulka told the magazine: "I asked Gary about the smell. He said 'I haven't smelled anything.
    I've been cooking.'"

The last two sentences are Gary's words, passed on by Zibulka (the intermediary), not Zibulka's own. A
sentence of a quotation is read again with the outer quotation marks taken away and the inner (single,
curly) ones read as quotation marks, so the ordinary cue rules find "He said '...'" and "'...,' he said";
the inner speaker then covers every sentence of their inner quotation.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from claims.extraction.attribution import Attribution, SentenceReader
from claims.extraction.coref import DiscourseMemory
from claims.extraction.gazetteer import Gazetteer
from claims.extraction.sentences import Sentence
from claims.extraction.types import ExtractedActor

# An opening single quotation mark, or a closing one that is not an apostrophe inside a word ("haven’t").
_INNER_MARK = re.compile("\u2018|\u2019(?![A-Za-z])")
_OUTER_MARKS = str.maketrans({"\u201c": " ", "\u201d": " ", '"': " "})
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w'’-]*")
_SELF = frozenset(("i", "we"))


def _inner_depth_after(text: str, depth: int) -> tuple[str, int]:
    """The sentence with its inner marks turned into double ones and the outer ones blanked (offsets kept), and
    whether an inner quotation is still open at its end."""
    chars = list(text.translate(_OUTER_MARKS))
    for mark in _INNER_MARK.finditer(text):
        if mark[0] == "\u2018":
            chars[mark.start()] = "\u201c"
            depth = 1
        elif depth:
            chars[mark.start()] = "\u201d"
            depth = 0
    return "".join(chars), depth


def _quoted_inner(reader: SentenceReader, attribution: Attribution) -> bool:
    """The cue introduces an inner quotation ("He said '...", "'...,' he said"), not narration inside the outer one
    ("He didn't say anything.")."""
    start, end = attribution.content
    return any(a < end and start < b for a, b in reader.quotes)


class InnerSpeech:
    def __init__(self, text: str, gazetteer: Gazetteer, memory: DiscourseMemory,
                 resolve: Callable[[str], ExtractedActor | None]):
        self.text = text
        self.gazetteer = gazetteer
        self.memory = memory
        self.resolve = resolve

    def apply(self, per_sentence: list[tuple[Sentence, list[Attribution]]]) -> None:
        paragraph = None
        depth = 0
        speaker: ExtractedActor | None = None  # the inner speaker of the open inner quotation
        pending: list[list[Attribution]] = []  # its sentences read before its cue ("'I'm cooking. ...,' he said")
        for sentence, attributions in per_sentence:
            if sentence.paragraph != paragraph:
                paragraph, depth, speaker, pending = sentence.paragraph, 0, None, []
            outer = attributions[0] if len(attributions) == 1 and attributions[0].rule == "quote_continuation" else None
            if outer is None:
                depth, speaker, pending = 0, None, []
                continue
            opened_before = depth > 0
            transformed, depth = _inner_depth_after(sentence.text, depth)
            if not opened_before and "\u201c" not in transformed and "\u201d" not in transformed:
                continue  # no inner quotation touches this sentence
            found = self._inner_cue(sentence, transformed, opened_before, depth > 0, outer)
            if found:
                speaker = found.actor
                attributions[0] = found
                for earlier in pending:
                    earlier[0] = replace(earlier[0], rule="inner_quote", actor=speaker, via_actor=outer.actor, via=None)
                pending = []
            elif speaker and opened_before:
                attributions[0] = replace(outer, rule="inner_quote", actor=speaker, via_actor=outer.actor, via=None)
            elif depth > 0 and sentence.text.lstrip(" \u201c\"")[:1] == "\u2018":
                pending.append(attributions)  # a quotation that opens here names its speaker later
            if depth == 0:
                speaker, pending = None, []

    def _inner_cue(self, sentence: Sentence, transformed: str, opens_inside: bool, ends_inside: bool,
                   outer: Attribution) -> Attribution | None:
        inner = Sentence(0, len(transformed), transformed, sentence.paragraph, True, sentence.terminated,
                         opens_inside, ends_inside)
        reader = SentenceReader(inner, self.gazetteer, headline=False)
        for attribution in reader.read():
            if attribution.mention is None or attribution.cue is None or not _quoted_inner(reader, attribution):
                continue
            mention = sentence.text[attribution.mention[0]:attribution.mention[1]]
            if mention.lower() in _SELF:
                return None  # "I said 'Gary, ...'": the one quoted quotes themself
            actor = self._speaker(mention, sentence, attribution.mention[0])
            if actor is None or actor == outer.actor:
                return None
            return replace(attribution, rule="inner_speech", actor=actor, via_actor=outer.actor, via=None)
        return None

    def _speaker(self, mention: str, sentence: Sentence, position: int) -> ExtractedActor | None:
        """ "He" inside a quotation is the last fitting person the quotation itself named ("I asked Gary ... He
        said"), never a guess from the narration around it."""
        lower = mention.lower()
        if lower not in ("he", "she"):
            return None if lower in ("they", "it") else self.resolve(mention)
        paragraph_start = self.text.rfind("\n", 0, sentence.start) + 1
        opened = next((i for i in (self.text.find(mark, paragraph_start, sentence.start + position)
                                   for mark in ("\u201c", '"')) if i >= 0), None)
        if opened is None:
            return None
        for word in reversed(_CAPITALISED.findall(self.text[opened:sentence.start + position])):
            person = self.memory.surname(word) or self._full_name(word)
            if person and self.memory.fits(person, lower):
                return person
        return None

    def _full_name(self, word: str) -> ExtractedActor | None:
        """ "Tomas" in a quotation, "Tomas Brill" in the article: the person the article names in full."""
        named = re.search(rf"\b{re.escape(word)}\s+[A-Z][a-z][\w'’-]*", self.text)
        if named is None or self.gazetteer.candidates(named[0]):
            return None
        return ExtractedActor(named[0].removesuffix("’s").removesuffix("'s"), "person", False, None, None)
