"""Attributed claims in one passage: who said what, found by named, explainable rules.

Each sentence is searched for cue words ("said", "told Reuters", "according to", ...). Around
each cue the source mention and the content are read by the form of the sentence:

- source_first:  "Ukraine said (that) CONTENT"
- source_last:   "CONTENT, the ministry said."  /  '"CONTENT," he said, "..."'
- inverted:      "CONTENT, said Richard Roe, a retired general."
- appositive:    "The regional governor, Jane Doe, said CONTENT"
- according_to:  "According to X, CONTENT" / "CONTENT, according to X."
- cited_as_saying: "RIA cited the ministry as saying CONTENT" (source: the ministry, via: RIA)
- participle:    "X dismissed it, saying CONTENT" (the source is the clause's subject)
- headline_dash / headline_colon: "CONTENT — Defense Ministry", "Zelenskyy: CONTENT"
- quote_continuation: a quoted sentence with no cue, spoken by the speaker of its quotation.

Pronouns and short references are resolved with the passage's memory of actors (coref.py);
the heading's actor answers "it said" when the body names nobody.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace

from claims.extraction import markers
from claims.extraction.actors import (
    PERSON_ROLES,
    PRONOUNS,
    _PREPOSITIONS,
    actor_from,
    analyse_mention,
    clean_mention,
    head_word,
    is_source_mention,
)
from claims.extraction.coref import DiscourseMemory
from claims.extraction.cues import ADJUNCT, DENIAL_LEMMAS, NOUN_LIKE_FORMS, OPINION_LEMMAS, CueMatch, find_cues, lemma_of
from claims.extraction.dates import resolve_event_time
from claims.extraction.gazetteer import Gazetteer
from claims.extraction.quantities import extract_quantities
from claims.extraction.sentences import Sentence, quoted_regions, split_sentences
from claims.extraction.types import ExtractedActor, ExtractedClaim, ExtractedQuantity, PassageExtraction, Span

EXTRACTOR_VERSION = "2026.11.1"

_LEFT_BOUNDARY = re.compile(
    r"[,;:()\[\]\"\u201c\u201d\u2014\u2013]|\s-\s"
    r"|\b(?:that|after|as|while|when|because|although|though|but|with|since|before|if|where|which|who|whom|whereas|until|once)\b",
    re.IGNORECASE,
)
_RELATIVE = frozenset({"who", "which"})
# Verbs whose subject is a speaker whatever noun names it ("The militia said").
_PLAIN_SPEECH = frozenset({"say", "tell", "announce", "claim", "deny", "confirm", "state", "add", "write", "insist", "allege", "admit", "acknowledge"})
_ELLIPTIC = frozenset({"but", "and"})
_TOLD_OBJECT = re.compile(
    r"\s+(?P<object>(?:the\s+)?(?:[A-Z][\w'’&-]*\s*){1,4}?(?:news agency|newspaper|broadcaster|agency)?"
    r"|reporters|journalists|lawmakers|parliament|parliamentarians|state media|state television|state TV|the media|the press|"
    r"(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,3}(?:conference|briefing|meeting|session|audience|crowd|gathering|court|"
    r"parliament|committee|council|hearing|summit|forum|assembly|rally|reporters|journalists|lawmakers|radio|television|"
    r"broadcaster|newspaper|channel|supporters|delegates|nation)|(?:him|her|them|us|me))(?=[\s,.;:]|$)"
)
_AS_SAYING = re.compile(r"\s+(?P<source>.+?)\s+as\s+(?:saying|telling|stating|writing)\b")
_CONTENT_OPENER = re.compile(r"[\s,:]*(?:that\b)?[\s,:]*")
_RIGHT_IS_ADJUNCT = re.compile(
    r"^(?:as|while|when|after|before|because|since|ahead|amid|at|in|on|during|following|but|and|adding|citing|without|"
    r"according|referring|speaking|in an?|on the)\b",
    re.IGNORECASE,
)
_INTRO_SEGMENT = re.compile(
    r"^\s*(?:[A-Z][a-z]+ing\b|(?:In|On|At|After|Before|During|Despite|Following|Amid|Last|Earlier|Later|Meanwhile|However|"
    r"Also|Separately|Elsewhere|Instead|Still|Yet|But|And|So|Now|Then|Over|By|From|For|With|Without|Under|Since|Asked|"
    r"According|Overnight|Today|Yesterday|On\s+\w+day)\b)"
)
# Words that make a statement a prediction, demand or belief rather than a checkable fact.
_MODAL_WORDS = frozenset(
    "will would must should could might may shall need needs ought won't wouldn't can't cannot hope hopes want wants "
    "believe believes think thinks".split()
)
_LOWER_WORDS = re.compile(r"[a-z']+")


def _is_opinion_wording(text: str) -> bool:
    lower = markers.UNVERIFIED.sub("", text.lower()) if markers.is_unverified(text) else text.lower()
    return "?" in lower or "have to" in lower or "has to" in lower or not _MODAL_WORDS.isdisjoint(_LOWER_WORDS.findall(lower))
_SUBJECT_STOP = re.compile(r"^(?:[a-z]+ly|[a-z]+ed|" + "|".join(
    "is are was were has have had will would can could should may might must did does do held met gave made took sent "
    "went came told said says spoke flew led got put set kept began fought won lost saw became ran wrote".split()) + r")$")
_SUBJECT_WORDS = frozenset(
    "the a an of former retired regional local senior top new outgoing incoming foreign defense defence military state "
    "deputy acting interim prime chief government presidential general vice".split()
)
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|an|i|ic)$")
# A portfolio makes a title specific: "the interior minister" is not whoever was named last.
_PORTFOLIO = re.compile(
    r"\b(?:interior|foreign|defen[cs]e|health|finance|economy|economic|justice|energy|education|transport|agriculture|"
    r"environment|trade|culture|labou?r|home|treasury|deputy)\b",
    re.IGNORECASE,
)
_HEADLINE_DASH = re.compile(r"^(?P<content>.{10,}?)\s+[\u2014\u2013-]{1,2}\s+(?P<source>[^\u2014\u2013]{2,60})$")
_HEADLINE_COLON = re.compile(r"^(?P<source>[^:]{2,50}):\s+(?P<content>\S.{8,})$")


@dataclass
class _Found:
    """One attribution in a sentence, offsets relative to the sentence."""

    mention: tuple[int, int] | None
    cue: tuple[int, int] | None
    cue_text: str
    lemma: str | None
    content: tuple[int, int]
    rule: str
    via: tuple[int, int] | None = None
    memory_mention: tuple[int, int] | None = None  # wider span (with an appositive title) remembered for coreference
    actor: ExtractedActor | None = None
    via_actor: ExtractedActor | None = None
    extra_actors: list[tuple[tuple[int, int], ExtractedActor]] = field(default_factory=list)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u00a0,;:":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0,;:":
        end -= 1
    return start, end


def _inside(position: int, regions: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in regions)


class _SentenceReader:
    """Finds the attributions of one sentence (unresolved mentions)."""

    def __init__(self, sentence: Sentence, gazetteer: Gazetteer, headline: bool):
        self.text = sentence.text
        self.gazetteer = gazetteer
        self.headline = headline
        if sentence.opens_inside_quote:
            # The sentence continues a quotation opened earlier: everything up to its closing mark is quoted.
            close = min((i for i, ch in enumerate(self.text) if ch in "\"\u201d"), default=len(self.text)) + 1
            self.quotes = [(-1, close)] + [(s + close, e + close) for s, e in quoted_regions(self.text[close:])]
        else:
            self.quotes = quoted_regions(self.text)

    def valid(self, start: int, end: int, strict: bool = True) -> bool:
        return end > start and is_source_mention(self.text[start:end], self.gazetteer, strict)

    def left_segment(self, position: int) -> tuple[int, str]:
        """Start of the clause that ends at position, and the boundary that opened it."""
        start, boundary, _ = self._last_boundary(position)
        return start, boundary

    def _last_boundary(self, position: int) -> tuple[int, str, int]:
        start, boundary, boundary_start = 0, "", 0
        for match in _LEFT_BOUNDARY.finditer(self.text, 0, position):
            if not _inside(match.start(), self.quotes) or match[0] in "\"\u201c\u201d":
                start, boundary, boundary_start = match.end(), match[0].strip().lower(), match.start()
        return start, boundary, boundary_start

    def mention_in(self, start: int, end: int, strict: bool = True) -> tuple[int, int] | None:
        a, b = clean_mention(self.text[start:end])
        span = (start + a, start + b)
        if self.valid(*span, strict=strict):
            return span
        conjunction = list(re.finditer(r"\b(?:and|but)\s+", self.text[span[0] : span[1]]))
        if conjunction:
            tail = (span[0] + conjunction[-1].end(), span[1])
            if self.valid(*tail):
                return tail
        return None

    def right_np(self, start: int) -> tuple[int, int] | None:
        stop = re.search(r"[,;.!?(\u2014]|\s-\s|$", self.text[start:])
        a, b = clean_mention(self.text[start : start + stop.start()])
        span = (start + a, start + b)
        return span if self.valid(*span) else None

    def main_subject(self, limit: int) -> tuple[int, int] | None:
        """The subject of the sentence's main clause, skipping intro phrases ("Speaking to DW, ...")."""
        position = 0
        if self.text[:1] in "\"\u201c":
            return None
        while True:
            comma = self.text.find(",", position, limit)
            if comma == -1 or not _INTRO_SEGMENT.match(self.text[position:comma]):
                break
            position = comma + 1
        words = list(re.finditer(r"[\w'’.-]+", self.text[position:limit]))
        end = None
        for word in words:
            token = word[0]
            if token[0].isupper() or token.lower() in _SUBJECT_WORDS or token.lower() in PERSON_ROLES:
                if _SUBJECT_STOP.match(token) and not token[0].isupper():
                    break
                end = position + word.end()
                continue
            break
        if end is None:
            return None
        a, b = clean_mention(self.text[position:end])
        span = (position + a, position + b)
        return span if self.valid(*span) else None

    def content_after(self, position: int) -> tuple[int, int]:
        while True:
            adjunct = ADJUNCT.match(self.text, position)
            if not adjunct or adjunct.end() == position:
                break
            position = adjunct.end()
        opener = _CONTENT_OPENER.match(self.text, position)
        return _strip_span(self.text, opener.end(), len(self.text))

    def read(self) -> list[_Found]:
        found: list[_Found] = []
        consumed: list[tuple[int, int]] = []
        if self.headline:
            # "Russia says X — Defense Ministry": the source after the dash is the more specific one.
            found.extend(self._headline_forms(dash_only=True))
            if found:
                return found
        for match in find_cues(self.text):
            if _inside(match.start, self.quotes) or any(s <= match.start < e for s, e in consumed):
                continue
            if match.according:
                result = self._according(match)
            else:
                result = self._verb(match, consumed, after_attribution=bool(found))
            if result:
                found.append(result)
        if not found and self.headline:
            found.extend(self._headline_forms())
        return self._trim_overlaps(found)

    def _according(self, match: CueMatch) -> _Found | None:
        source = self.right_np(match.end)
        if not source:
            return None
        clause_start, _ = self.left_segment(match.start)
        if not self.text[:clause_start].strip(" ,"):
            content = _strip_span(self.text, source[1], len(self.text))
        else:
            content = _strip_span(self.text, 0, match.start)
        return _Found(source, (match.start, match.end), self.text[match.start:match.end], None, content, "according_to")

    def _verb(self, match: CueMatch, consumed: list[tuple[int, int]], after_attribution: bool) -> _Found | None:
        verb = match.verb
        lemma = lemma_of(verb)
        cue_start, cue_end = match.start, match.end
        participle = verb.lower().endswith("ing")
        if participle and re.search(r"\b(?:of|for|by|about|from|without|after|before|on|in)\s+$", self.text[:cue_start], re.IGNORECASE):
            return None  # a gerund ("accused her of criticizing"), not an attribution
        # "The Institute for the Study of War (ISW) said": the bracketed short name belongs to the mention.
        bracket = re.search(r"\s*\([^()]{1,40}\)\s*$", self.text[:cue_start])
        mention_end = bracket.start() if bracket else cue_start
        clause_start, boundary = self.left_segment(mention_end)
        strict = lemma not in _PLAIN_SPEECH or participle
        mention = self.mention_in(clause_start, mention_end, strict) if self.text[clause_start:mention_end].strip() else None
        passive = re.search(r"\s+(?:was|were|is|are|has been|have been)\s+$", self.text[clause_start : match.verb_start])
        if lemma == "cite" and passive:
            return self._quoted_as_saying(clause_start, clause_start + passive.start(), cue_start, cue_end, consumed)
        if passive and lemma in ("say", "report", "claim") and re.fullmatch(r"\s*it", self.text[clause_start : clause_start + passive.start()], re.IGNORECASE):
            # "It is said ...": no speaker in the sentence; the passage's last speaker is filled in later.
            it_start = clause_start + len(self.text[clause_start:cue_end]) - len(self.text[clause_start:cue_end].lstrip())
            return _Found(None, (it_start, cue_end), self.text[it_start:cue_end], lemma, self.content_after(cue_end), "impersonal")
        if mention is None and self.text[clause_start:cue_start].strip():
            if boundary in _RELATIVE:
                # "Residents who spoke to the BBC said ...": the relative clause belongs to the subject before it.
                head_end = clause_start - len(boundary) - 1
                head_start, _ = self.left_segment(head_end)
                mention = self.mention_in(head_start, head_end)
                if mention:
                    clause_start = head_start
            if mention is None and not participle and boundary not in _ELLIPTIC:
                return None
        if verb.lower() in NOUN_LIKE_FORMS and re.search(
            r"\b(?:the|a|an|these|those|this|that|his|her|its|their|our|such|no|any|some|of|new|earlier|unconfirmed)\s+$", self.text[:match.verb_start], re.IGNORECASE
        ):
            return None  # "the claims", "unconfirmed reports": a noun, not a verb
        via = None
        cue_text = self.text[cue_start:cue_end]
        after = cue_end
        rule = None
        memory_mention = mention
        if lemma == "tell":
            told = _TOLD_OBJECT.match(self.text, cue_end)
            if not told:
                return None
            after = told.end()
            cue_text = self.text[cue_start:after]
            via = (told.start("object"), told.end("object"))
        if lemma == "cite" and participle:
            return None  # "..., citing Y" is read with the verb it follows
        if lemma == "cite":
            as_saying = _AS_SAYING.match(self.text, cue_end)
            if not as_saying or not mention:
                return None
            source_span = (as_saying.start("source"), as_saying.end("source"))
            if not self.valid(*source_span):
                return None
            consumed.append((source_span[1], as_saying.end()))
            content = self.content_after(as_saying.end())
            cue_text = f"{verb} ... as saying"
            return _Found(source_span, (cue_start, cue_end), cue_text, lemma, content, "cited_as_saying", via=mention)
        if mention is None:
            if participle and (cue_start == 0 or after_attribution):
                # "Saying ..., X implored" / "X said ..., adding": the main clause carries the attribution.
                return None
            before = self.text[:clause_start].rstrip()
            if boundary == "," and not participle:
                subject = self._subject_before_comma(len(before) - 1)
                if subject:
                    mention, memory_mention, cited_via = subject
                    via = via or cited_via
                    rule = "citing" if cited_via else "appositive"
                    clause_start = memory_mention[0]
            if mention is None and boundary in (",", '"', "\u201d") and not participle:
                inverted = self.right_np(after)
                if inverted:
                    content = _strip_span(self.text, 0, clause_start)
                    content = self._unquote_end(content)
                    return _Found(inverted, (cue_start, cue_end), cue_text, lemma, content, "inverted", via=via)
            if mention is None and (participle or boundary in _ELLIPTIC or boundary in _RELATIVE):
                if boundary in _RELATIVE:
                    head_start, _ = self.left_segment(clause_start - len(boundary) - 1)
                    mention = self.mention_in(head_start, clause_start - len(boundary) - 1)
                else:
                    mention = self.main_subject(clause_start)
                rule = "participle" if participle else ("relative_clause" if boundary in _RELATIVE else "elliptic_subject")
                if mention:
                    return _Found(mention, (cue_start, cue_end), cue_text, lemma, self.content_after(after), rule, via=via)
            if mention is None:
                return None
        right = self.content_after(after)
        if boundary in _RELATIVE and mention and mention[0] >= clause_start:
            comma = self.text.find(",", right[0])
            right = _strip_span(self.text, right[0], comma) if comma != -1 else right
        right_text = self.text[right[0]:right[1]] if re.search(r"\w", self.text[right[0]:right[1]]) else ""
        raw_right = self.text[after:].lstrip(" ,:")
        left = _strip_span(self.text, 0, clause_start)
        left_text = self.text[left[0]:left[1]]
        left_is_content = bool(left_text) and not _INTRO_SEGMENT.match(left_text + " ") or len(left_text.split()) > 6
        if raw_right[:1] in "\"\u201c" and right_text:
            content, form = right, "source_first"
            if left_is_content and self.text[: clause_start].rstrip()[-1:] in "\"\u201d" and self.text[after:].lstrip()[:1] == ",":
                # '"Part one," she said, "part two."': the quotation on both sides is the content.
                content, form = (left[0], right[1]), "source_around"
        elif self.text[after:].lstrip().startswith(",") and right_text and left_is_content and len(left_text.split()) <= 4 and right_text[:1].islower():
            # "The attack, the military said, targeted a depot": the statement runs around the attribution.
            content, form = (left[0], right[1]), "source_around"
        elif (
            not right_text
            or self.text[after:].lstrip().startswith(",")
            or _RIGHT_IS_ADJUNCT.match(right_text) and not raw_right.lower().startswith("that")
        ) and left_is_content:
            content, form = self._unquote_end(left), "source_last"
        elif right_text:
            content, form = right, "source_first"
        else:
            return None
        citing = re.match(r"\s*,\s*citing\s+", self.text[after:])
        if citing and form == "source_last" and via is None:
            # "..., Reuters reported, citing two officials": the officials said it, via Reuters.
            cited = self.right_np(after + citing.end())
            if cited:
                consumed.append((after, cited[1]))
                return _Found(cited, (cue_start, cue_end), f"{cue_text}, citing", lemma, content, "citing", via=mention)
        return _Found(mention, (cue_start, cue_end), cue_text, lemma, content, rule or form, via=via, memory_mention=memory_mention)

    def _quoted_as_saying(self, start: int, end: int, cue_start: int, cue_end: int, consumed) -> _Found | None:
        """ "Peskov was quoted by RIA as saying ..." """
        source = self.mention_in(start, end)
        tail = re.match(r"(?:\s+by\s+(?P<via>[^,]+?))?\s+as\s+(?:saying|telling \w+|stating)\b", self.text[cue_end:])
        if not source or not tail:
            return None
        via = (cue_end + tail.start("via"), cue_end + tail.end("via")) if tail["via"] else None
        consumed.append((cue_end, cue_end + tail.end()))
        content = self.content_after(cue_end + tail.end())
        return _Found(source, (cue_start, cue_end), "quoted ... as saying", "cite", content, "quoted_as_saying", via=via)

    def _subject_before_comma(self, comma: int):
        """ "Jane Doe, the governor, said" / "The governor, Jane Doe, said" / "Jane Doe, who ..., said" /
        "The agency, citing an official, said".

        Returns the mention naming the source, the wider span (with the title) to remember, and
        the intermediary when the source is cited.
        """
        # A relative clause, an age or an aside ("speaking in Riyadh") between the speaker and the cue.
        relative = re.search(
            r",\s*(?:who|which|whose|aged|\d{1,3}|speaking|writing|talking|appearing|addressing|visiting|standing)\b[^,]*$",
            self.text[:comma],
        )
        if relative:
            far_start, _ = self.left_segment(relative.start())
            far = self.mention_in(far_start, relative.start())
            return (far, far, None) if far else None
        citing = re.search(r",\s*citing\s+(?=[^,]*$)", self.text[:comma])
        if citing:
            far_start, _ = self.left_segment(citing.start())
            far = self.mention_in(far_start, citing.start())
            cited = self.mention_in(citing.end(), comma)
            return (cited, cited, far) if far and cited else None
        near_start, _ = self.left_segment(comma)
        near = self.mention_in(near_start, comma)
        far_end = near_start - 1
        far = None
        if far_end > 0 and self.text[far_end] == ",":
            far_start, _ = self.left_segment(far_end)
            far = self.mention_in(far_start, far_end)
        if near:
            near_text = self.text[near[0]:near[1]]
            near_is_title = head_word(near_text)[:1].islower() and far and not head_word(self.text[far[0]:far[1]])[:1].islower()
            if near_is_title:
                return far, (far[0], near[1]), None
            if far and head_word(self.text[far[0]:far[1]]).lower() in PERSON_ROLES:
                return near, (far[0], near[1]), None
            return near, near, None
        return None

    def _unquote_end(self, span: tuple[int, int]) -> tuple[int, int]:
        return _strip_span(self.text, *span)

    def _headline_forms(self, dash_only: bool = False) -> list[_Found]:
        dash = _HEADLINE_DASH.match(self.text)
        if dash and self.valid(dash.start("source"), dash.end("source")):
            return [_Found((dash.start("source"), dash.end("source")), None, "headline", None,
                           (dash.start("content"), dash.end("content")), "headline_dash")]
        if dash_only:
            return []
        colon = _HEADLINE_COLON.match(self.text)
        if colon and self.valid(colon.start("source"), colon.end("source")):
            source = self.text[colon.start("source"):colon.end("source")]
            analysis = analyse_mention(source, self.gazetteer)
            if analysis.kind == "person":
                return [_Found((colon.start("source"), colon.end("source")), None, "headline", None,
                               (colon.start("content"), colon.end("content")), "headline_colon")]
        return []

    def _trim_overlaps(self, found: list[_Found]) -> list[_Found]:
        """Two sources in one sentence: the first content stops where the second attribution's clause begins.

        "X said ..., state media reported" / "X warned ..., according to state media" is one claim
        by X relayed by the media.
        """
        found.sort(key=lambda f: (f.cue or f.mention)[0])
        for first, second in zip(found, found[1:]):
            relays = (
                (second.lemma == "report" and second.rule == "source_last" or second.rule == "according_to")
                and first.cue and second.content[0] <= first.cue[0] < second.content[1]
            )
            if relays and first.via is None:
                first.via = second.mention
                _, _, boundary_start = self._last_boundary(second.mention[0])
                first.content = _strip_span(self.text, first.content[0], min(first.content[1], boundary_start))
                found.remove(second)
                break
        for first, second in zip(found, found[1:]):
            second_start = min(p[0] for p in (second.mention, second.cue, second.memory_mention) if p)
            if first.content[0] < second_start < first.content[1] and first.mention and first.mention[1] <= second_start:
                _, _, boundary_start = self._last_boundary(second_start)
                cut = boundary_start if boundary_start > first.content[0] else second_start
                first.content = _strip_span(self.text, first.content[0], cut)
        return found


@dataclass(frozen=True)
class _SentenceContext:
    """What every claim of one sentence shares."""

    quantities: tuple[ExtractedQuantity, ...]
    unverified: bool
    independent: bool
    event: tuple[datetime.date | None, str | None]


class _PassageExtractor:
    def __init__(self, text: str, heading: str | None, published_on: datetime.date | None, gazetteer: Gazetteer,
                 publisher: str | None):
        self.text = text
        self.heading = heading
        self.published_on = published_on
        self.gazetteer = gazetteer
        self.publisher = publisher
        self.memory = DiscourseMemory()

    def resolve(self, mention: str, *, sentence: str = "", lookahead: list[ExtractedActor] | None = None) -> ExtractedActor | None:
        lower = mention.lower().strip()
        if lower in PRONOUNS:
            return self.memory.pronoun(lower)
        # A bare "Defense Ministry" belongs to the country in context: the passage so far, else the sentence.
        country = (self.memory.last_country() if lookahead is None else None) or self.gazetteer.country_in(sentence)
        analysis = analyse_mention(mention, self.gazetteer, country)
        if analysis.record is None and analysis.kind == "person" and " " not in analysis.name:
            same = self.memory.surname(analysis.name)
            if same:
                return same
        indefinite = re.match(r"(?:a|an|one|two|three|some|several|many)\s", mention, re.IGNORECASE)
        unnamed_title = analysis.record is None and not analysis.named and analysis.head.lower() in PERSON_ROLES and not indefinite
        # "the Gaza health ministry" names a new actor; "the Estonian prime minister" may refer back.
        modifiers = [w for w in mention.split()[1:] if w[:1].isupper() and not _NATIONALITY.match(w) and not self.gazetteer.country_in(w)]
        specific = (
            " of " in mention or "'s" in mention or "’s" in mention
            or (analysis.is_description and (bool(modifiers) or bool(_PORTFOLIO.search(mention))))
        )
        definite = bool(re.match(r"(?:the|this|that)\s", mention, re.IGNORECASE))
        if lookahead is not None and (analysis.is_description or unnamed_title):
            antecedent = _first_matching(analysis.head, lookahead)
            if antecedent:
                return antecedent
        elif not specific and ((analysis.is_description and definite) or unnamed_title):
            antecedent = self.memory.description(analysis.head, mention)
            if antecedent:
                return antecedent
        return actor_from(analysis.record, analysis.name, analysis.kind, analysis.country, self.gazetteer)

    def run(self) -> PassageExtraction:
        sentences = split_sentences(self.text)
        heading_line = bool(self.heading) and self.text.lstrip().startswith(self.heading.strip()[:40])
        per_sentence: list[tuple[Sentence, list[_Found]]] = []
        headline_founds: list[tuple[Sentence, _Found]] = []
        if self.heading and not heading_line:
            self._heading_actor_only(self.heading.strip())
        for index, sentence in enumerate(sentences):
            single_line = (index + 1 == len(sentences) or sentences[index + 1].paragraph != sentence.paragraph) and sentence.first_in_paragraph
            headline = single_line and not sentence.terminated
            is_heading = index == 0 and heading_line
            reader = _SentenceReader(sentence, self.gazetteer, headline)
            founds = reader.read()
            if not is_heading and not founds:
                self._remember_subject(sentence, reader)
            for found in founds:
                self._resolve_found(sentence, found, defer_descriptions=is_heading)
                if is_heading:
                    headline_founds.append((sentence, found))
            if is_heading and founds and founds[0].actor and founds[0].actor.name.lower() not in PRONOUNS:
                self.memory.heading_actor = founds[0].actor
            per_sentence.append((sentence, founds))
        self._resolve_headline_descriptions(headline_founds, per_sentence)
        self._quote_continuations(per_sentence)
        return self._build(per_sentence)

    def _heading_actor_only(self, heading: str) -> None:
        """A heading stored apart from the text still says who "it" is in the body (no claim: no spans)."""
        sentence = Sentence(0, len(heading), heading, 0, True, False, False, False)
        founds = _SentenceReader(sentence, self.gazetteer, headline=True).read()
        if founds and founds[0].mention:
            actor = self.resolve(heading[founds[0].mention[0]:founds[0].mention[1]], sentence=heading)
            if actor and actor.name.lower() not in PRONOUNS:
                self.memory.heading_actor = actor

    def _remember_subject(self, sentence: Sentence, reader: "_SentenceReader") -> None:
        """A person who is the subject of a sentence without a cue ("Klimkin was speaking ...") is who "he" means next."""
        if not sentence.text[:1].isupper():
            return
        subject = reader.main_subject(len(sentence.text))
        if not subject:
            return
        mention = sentence.text[subject[0]:subject[1]]
        if mention.lower() in PRONOUNS:
            return
        analysis = analyse_mention(mention, self.gazetteer)
        if analysis.kind != "person" or not analysis.named:
            return
        actor = self.memory.surname(analysis.name) if analysis.record is None and " " not in analysis.name else None
        if actor is None and (analysis.record or " " in analysis.name):
            actor = actor_from(analysis.record, analysis.name, analysis.kind, analysis.country, self.gazetteer)
        if actor:
            self.memory.remember(actor, mention)

    def _resolve_found(self, sentence: Sentence, found: _Found, *, defer_descriptions: bool = False) -> None:
        text = sentence.text
        if found.mention is None:
            return
        mention = text[found.mention[0]:found.mention[1]]
        coordinated = re.fullmatch(r"(?P<a>.+?)\s+and\s+(?P<b>.+?)(?:\s+both)?", mention)
        if coordinated:
            first, second = self.gazetteer.candidates(coordinated["a"]), self.gazetteer.candidates(coordinated["b"])
            if first and second:
                a = actor_from(first[0], first[0].name, first[0].kind, first[0].country, self.gazetteer)
                b = actor_from(second[0], second[0].name, second[0].kind, second[0].country, self.gazetteer)
                found.actor = a
                found.mention = (found.mention[0], found.mention[0] + len(coordinated["a"]))
                b_start = found.mention[0] + coordinated.start("b")
                found.extra_actors.append(((b_start, b_start + len(coordinated["b"])), b))
                self.memory.remember(a, coordinated["a"])
                self.memory.remember(b, coordinated["b"])
                return
        found.actor = self.resolve(mention, sentence=text) if not defer_descriptions else self._resolve_heading_mention(mention, text)
        if found.actor:
            remembered = text[found.memory_mention[0]:found.memory_mention[1]] if found.memory_mention else mention
            self.memory.remember(found.actor, remembered)
        if found.via:
            via_actor = self.resolve(text[found.via[0]:found.via[1]])
            if found.lemma == "tell":
                # "told DW" in DW's own article is first-hand; "told Reuters" relays through Reuters.
                if not via_actor or via_actor.kind != "media" or via_actor.name == self.publisher:
                    found.via = None
                    via_actor = None
            found.via_actor = via_actor

    def _resolve_heading_mention(self, mention: str, sentence: str) -> ExtractedActor | None:
        analysis = analyse_mention(mention, self.gazetteer)
        if analysis.record or not (analysis.is_description or analysis.head.lower() in PERSON_ROLES):
            return self.resolve(mention, sentence=sentence)
        return None  # resolved after the body has named its actors

    def _resolve_headline_descriptions(self, headline_founds, per_sentence) -> None:
        body_actors = [f.actor for s, founds in per_sentence for f in founds if f.actor and (s, f) not in headline_founds]
        for sentence, found in headline_founds:
            if found.actor is None and found.mention:
                mention = sentence.text[found.mention[0]:found.mention[1]]
                found.actor = self.resolve(mention, sentence=sentence.text, lookahead=body_actors)

    def _quote_continuations(self, per_sentence: list[tuple[Sentence, list[_Found]]]) -> None:
        """Quoted sentences with no cue belong to the speaker of their quotation; so does "it is said" right after a claim."""
        last_speaker: ExtractedActor | None = None
        for index, (sentence, founds) in enumerate(per_sentence):
            impersonal = [f for f in founds if f.rule == "impersonal"]
            if impersonal:
                previous_sentence, previous = per_sentence[index - 1] if index else (None, [])
                speaker = next((f.actor for f in reversed(previous) if f.actor), None)
                same_paragraph = previous_sentence is not None and previous_sentence.paragraph == sentence.paragraph
                for found in impersonal:
                    found.actor = speaker if same_paragraph else None
                founds[:] = [f for f in founds if f.actor or f.mention]
            if founds:
                speakers = [f.actor for f in founds if f.actor]
                last_speaker = speakers[-1] if speakers else last_speaker
                continue
            # The whole sentence is quoted speech (not a sentence that merely starts with a quoted name).
            starts_quoted = sentence.text[:1] in "\"\u201c" and (sentence.ends_inside_quote or sentence.text.rstrip()[-1:] in "\"\u201d")
            quoted = sentence.opens_inside_quote or starts_quoted
            if not quoted or last_speaker is None and not sentence.ends_inside_quote:
                continue
            speaker = last_speaker
            if sentence.ends_inside_quote:
                for later, later_founds in per_sentence[index + 1 :]:
                    if later.paragraph != sentence.paragraph:
                        break
                    if later_founds and later_founds[0].actor:
                        speaker = later_founds[0].actor
                        break
            if speaker is None:
                continue
            content = (0, len(sentence.text))
            founds.append(_Found(None, None, "quote", None, content, "quote_continuation", actor=speaker))

    def _build(self, per_sentence: list[tuple[Sentence, list[_Found]]]) -> PassageExtraction:
        claims: list[ExtractedClaim] = []
        lemmas: list[str | None] = []
        previous_claim_indexes: list[int] = []
        for sentence, founds in per_sentence:
            offset = sentence.start
            kept: list[_Found] = []
            seen: set[str] = set()
            for found in founds:
                if found.actor is None and found.mention is None:
                    continue
                key = found.actor.name if found.actor else sentence.text[found.mention[0]:found.mention[1]]
                if key in seen:
                    continue
                seen.add(key)
                kept.append(found)
            unverified = markers.is_unverified(sentence.text)
            if unverified and not kept:
                for index in previous_claim_indexes:
                    claims[index] = replace(claims[index], unverified=True)
            sentence_indexes = []
            if kept:
                context = _SentenceContext(
                    quantities=extract_quantities(sentence.text, offset),
                    unverified=unverified,
                    independent=markers.is_independent(sentence.text),
                    event=resolve_event_time(sentence.text, self.published_on),
                )
            for found in kept:
                for mention_span, actor in [(found.mention, found.actor), *found.extra_actors]:
                    claims.append(self._claim(sentence, found, mention_span, actor, context, kept))
                    lemmas.append(found.lemma)
                    sentence_indexes.append(len(claims) - 1)
            if sentence_indexes:
                previous_claim_indexes = sentence_indexes
        return PassageExtraction(tuple(claims), _contradictions(claims, lemmas))

    def _claim(self, sentence: Sentence, found: _Found, mention_span, actor, context: "_SentenceContext", kept) -> ExtractedClaim:
        offset = sentence.start
        text = sentence.text
        content_start, content_end = found.content
        excluded = [s for s in (mention_span, found.cue, found.via) if s]
        excluded += [other.content for other in kept if other is not found and other.content != found.content]
        quantities = tuple(
            q for q in context.quantities
            if not any(a <= q.span.start - offset < b for a, b in excluded)
        )
        content_text = text[content_start:content_end]
        kind = "opinion" if (found.lemma in OPINION_LEMMAS or _is_opinion_wording(content_text)) else "fact"
        event_date, event_text = context.event
        mention_text = text[mention_span[0]:mention_span[1]] if mention_span else None
        return ExtractedClaim(
            sentence=text,
            sentence_span=Span(offset, offset + len(text)),
            text=content_text,
            content_span=Span(offset + content_start, offset + content_end),
            actor=actor,
            actor_mention=mention_text,
            source_span=Span(offset + mention_span[0], offset + mention_span[1]) if mention_span else None,
            cue=found.cue_text,
            cue_span=Span(offset + found.cue[0], offset + found.cue[1]) if found.cue else None,
            via=found.via_actor,
            via_mention=text[found.via[0]:found.via[1]] if found.via and found.via_actor else None,
            quantities=quantities,
            kind=kind,
            unverified=context.unverified,
            independent_estimate=context.independent,
            asserted_on=self.published_on,
            event_date=event_date,
            event_time_text=event_text,
            rule=found.rule,
        )


def _first_matching(head: str, actors: list[ExtractedActor]) -> ExtractedActor | None:
    stem = head.lower()[:6]
    for actor in actors:
        if stem and stem in actor.name.lower():
            return actor
    if head.lower() in PERSON_ROLES:
        return next((actor for actor in actors if actor.kind == "person"), None)
    return None


def _noun_key(quantity: ExtractedQuantity) -> str | None:
    return quantity.noun.rstrip("s") if quantity.noun else None


_STOPWORDS = frozenset(
    "the a an of in on at to for from by with and or but that this these those it its their his her was were is are be "
    "been has have had will would could should may might not no than as over into out about after before since more less "
    "some any all most said says say".split()
)
_ANAPHORIC_OBJECT = re.compile(r"^(?:the|these|those|such|this|that|its|it|them|any)\b.*?\b(?:claims?|accusations?|allegations?|reports?|charges?|it|this|that|them)\b", re.IGNORECASE)


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOPWORDS}


def _answers(denial: ExtractedClaim, earlier: ExtractedClaim) -> bool:
    """Is the denial about the earlier claim? It shares words, names it ("the accusations"), or its denier is the subject."""
    if _content_words(denial.text) & _content_words(earlier.text) or _ANAPHORIC_OBJECT.match(denial.text):
        return True
    return bool(denial.actor_mention) and _content_words(denial.actor_mention) <= _content_words(earlier.text) and bool(_content_words(denial.actor_mention))


def _contradictions(claims: list[ExtractedClaim], lemmas: list[str | None]) -> tuple[tuple[int, int], ...]:
    """Claims by different actors giving different numbers for the same thing in the same terms, or a denial of a claim."""
    pairs = []
    words = [_content_words(claim.text) for claim in claims]
    for j, later in enumerate(claims):
        for i in range(j):
            earlier = claims[i]
            if not earlier.actor or not later.actor or earlier.actor.name == later.actor.name:
                continue
            # Besides the counted thing, the two must share a word saying what happened to it ("launched").
            nouns = {_noun_key(q) for q in (*earlier.quantities, *later.quantities)}
            same_terms = words[i] & words[j] - nouns
            numbers_differ = same_terms and any(
                _noun_key(a) and _noun_key(a) == _noun_key(b) and a.unit == b.unit and a.value != b.value
                and a.total is None and b.total is None
                for a in earlier.quantities for b in later.quantities
            )
            denial = lemmas[j] in DENIAL_LEMMAS and lemmas[i] not in DENIAL_LEMMAS and i == _last_before(claims, j, later) and _answers(later, earlier)
            if numbers_differ or denial:
                pairs.append((i, j))
    return tuple(pairs)


def _last_before(claims: list[ExtractedClaim], index: int, claim: ExtractedClaim) -> int | None:
    """The nearest earlier claim by someone else: what a denial answers."""
    for i in range(index - 1, -1, -1):
        if claims[i].actor and claim.actor and claims[i].actor.name != claim.actor.name:
            return i
    return None


def extract_passage(
    text: str,
    *,
    heading: str | None = None,
    published_on: datetime.date | None = None,
    gazetteer: Gazetteer | None = None,
    publisher: str | None = None,
) -> PassageExtraction:
    """Attributed claims in text; all spans are offsets into text.

    publisher is the canonical name of the outlet the passage comes from: "told <publisher>" is
    first-hand, so the publisher is never recorded as an intermediary.
    """
    return _PassageExtractor(text, heading, published_on, gazetteer or Gazetteer.default(), publisher).run()
