"""The attributions of one sentence: where the source, the cue and the content are.

Each cue word ("said", "told Reuters", "according to", ...) is read by the form of its sentence;
the rule that matched is recorded on the attribution:

- source_first:  "Ukraine said (that) CONTENT"
- source_last:   "CONTENT, the ministry said."
- source_around: '"CONTENT," he said, "MORE."' / "CONTENT, the military said, MORE"
- inverted:      "CONTENT, said Richard Roe, a retired general."
- appositive:    "The regional governor, Jane Doe, said CONTENT" / "Jane Doe, who ..., said CONTENT"
- according_to:  "According to X, CONTENT" / "CONTENT, according to X."
- cited_as_saying / quoted_as_saying / citing: "RIA cited the ministry as saying CONTENT",
  "Peskov was quoted by RIA as saying CONTENT", "CONTENT, Reuters reported, citing officials"
- participle / elliptic_subject / relative_clause: "X dismissed it, saying CONTENT",
  "It did not say how but added that CONTENT", "Residents who fled said CONTENT"
- impersonal:    "It is said CONTENT" (the speaker comes from the sentence before)
- headline_dash / headline_colon: "CONTENT — Defense Ministry", "Zelenskyy: CONTENT"; in a headline every
  attribution's cue is "headline", without a cue span ("Egypt reports CONTENT" is source_first)

Mentions are not resolved here (see extractor.py); offsets are relative to the sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from claims.extraction.actors import (
    ORG_HEADS, PERSON_ROLES, analyse_mention, clean_mention, head_word, is_head_noun, is_source_mention, looks_like_outlet,
)
from claims.extraction.cues import ADJUNCT, NOUN_LIKE_FORMS, CueMatch, find_cues, lemma_of
from claims.extraction.gazetteer import Gazetteer
from claims.extraction.sentences import Sentence, quoted_regions
from claims.extraction.types import ExtractedActor

_BOUNDARY_WORDS = "that after as while when because although though but with since before if where which who whom whereas until once"
# Case-sensitive alternatives (lower case, or capitalised at a sentence start) run much faster than IGNORECASE.
_LEFT_BOUNDARY = re.compile(
    r"[,;:()\[\]\"\u201c\u201d\u2014\u2013]|\s--?\s"
    r"|\b(?:" + "|".join(f"{word}|{word.capitalize()}" for word in _BOUNDARY_WORDS.split()) + r")\b"
)
_RELATIVE = frozenset({"who", "which"})
_WORD_CHAR = re.compile(r"\w")
_LIST_TAIL = re.compile(r"(?:,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*,?\s+and\s+[^,.;:]+")
_CITING_AFTER = re.compile(r"\s*,\s*citing\s+")
_NOTHING = re.compile(r"(?:nothing|little|no more)\b")
_INTERVIEW_INTRO = re.compile(r"(?:In an? (?:\w+\s+)?interview with|Speaking to|Talking to|In comments to|In remarks to|"
                              r"In an? (?:\w+\s+)?statement to|In an? (?:\w+\s+)?email to)\s+(?P<outlet>[^,]{2,60}),")
_THAT = re.compile(r"\s+that\s")
_BY_AGENT = re.compile(r"\s+by\s+(?=[A-Za-z])")
_WHICH_CITED = re.compile(r"\s*,\s*(?:which|who)\s+(?:cited|quoted)\s+|\s*,\s*citing\s+")
# A noun phrase ends at punctuation, but not at the full stop of a title ("said Mr. Reeves").
_NP_STOP = re.compile(r"[,;!?(\u2014]|(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bLt)(?<!\bGen)(?<!\bCol)(?<!\bSen)"
                      r"(?<!\bRep)(?<!\bGov)(?<!\bProf)(?<!\bSgt)(?<!\bMaj)\.|\s--?\s|$")
_LONGEST_MENTION = 160
_AGE_AND_HOME = re.compile(
    r"(?:,\s*(?:aged\s+)?\d{1,3})?(?:,\s*(?:from|of)\s+[A-Z][^,]*(?:,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?)?\s*$"
)
_CALENDAR_WORD = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
                            r"August|September|October|November|December|Today|Tonight|Yesterday|Overnight)\b")
# "at least 16 deaths" is an amount, not a place.
_WHERE_ONLY = re.compile(r"(?:from|in|at(?!\s+(?:least|most)\b)|to|on)\s+\S+(?:\s+\S+){0,2}[.!?]?$", re.IGNORECASE)
_GERUND_AFTER = re.compile(r"\b(?:of|for|by|about|from|without|after|before|on|in)\s+$", re.IGNORECASE)
_BRACKET_BEFORE = re.compile(r"\s*\([^()]{1,40}\)(?:\s+(?:also|earlier|previously|later|further|again|separately|initially|reportedly))*\s*$")
_PASSIVE_BEFORE = re.compile(r"\s+(?:was|were|is|are|has been|have been)\s+$")
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|these|those|this|that|his|her|its|their|our|such|no|any|some|of|new|earlier|unconfirmed)|['’]s)\s+$",
    re.IGNORECASE
)
# Verbs whose subject is a speaker whatever noun names it ("The militia said").
_PLAIN_SPEECH = frozenset({"say", "tell", "announce", "claim", "deny", "confirm", "state", "add", "write", "insist", "allege", "admit", "acknowledge"})
_ELLIPTIC = frozenset({"but", "and"})
_ASIDE = re.compile(
    r"(?:meanwhile|however|too|also|though|in turn|in response|separately|likewise|instead|by contrast|in contrast|"
    r"for (?:its|his|her|their) part|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|earlier|later)",
    re.IGNORECASE,
)
# "called the attack 'barbaric'", "calling such reports a provocation": an object, then a label.
_LABELLED = re.compile(r"\s+(?:the|this|these|that|those|it|them|his|her|their|its|such|[A-Z][\w-]*['’]s)(?!\w)[^,.;:\"“”]{0,60}?\s+(?:[\"“‘']|an?\s+\w)")
_CLAIM_NOUN = re.compile(r"\s*(?:a|an)\s+(?:claim|allegation|accusation|charge|assertion|account|version)\s+(?=[A-Z])")
_TOLD_OBJECT = re.compile(
    # An audience ("told Lebanese officials") is no intermediary; it comes first so "Lebanese" is not read as an outlet.
    r"\s+(?:(?P<audience>(?:[A-Z][\w-]*\s+){1,2}(?:officials|lawmakers|legislators|diplomats|counterparts|ministers|leaders|"
    r"delegates|supporters|students|troops|soldiers|residents|investors|parliamentarians|senators|envoys|media))(?=[\s,.;:]|$)|"
    # "told the German news agency dpa", "told the newspaper Bild am Sonntag": a description, then the outlet's name.
    # "told CNN affiliate WCBS", "told its sister paper Bild": the affiliate relays.
    r"(?P<object>(?:(?:its|the)\s+)?(?:[A-Z][\w&-]*\s+)?(?:affiliate|sister station|sister network|sister paper|sister publication)"
    r"\s+[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?(?=[\s,.;:]|$)"
    r"|(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:news agency|newspaper|broadcaster|daily|weekly|magazine|channel|outlet|"
    r"network|radio station|website)\s+(?!(?:that|on|in|at|about|after|before|last|this|earlier|for|during|when|while|as|and|"
    r"but|of|to)\b)[\w&'’-]+(?:\s+(?:am|de|del|der|die)?\s*[A-Z][\w&'’-]*)*(?=[\s,.;:]|$)"
    r"|(?:the\s+)?(?:[A-Z][\w'’&-]*\s*){1,4}?(?:\d{1,3}\b)?"  # "told Channel 12"
    r"(?:news agency|newspaper|broadcaster|agency|media group|network|channel|TV|television|radio|magazine|daily|weekly|website|outlet|"
    r"programme|program|show|podcast)?"
    r"|(?:the\s+)?[a-z][\w-]*\s+(?:news agency|newspaper|broadcaster|daily|weekly|magazine)"  # "told the dpa news agency"
    r"|reporters|journalists|lawmakers|parliament|parliamentarians|state media|the media|the press|"
    r"(?:local|foreign|international|national|regional)\s+(?:media|press|reporters|journalists)|media|"
    r"(?:[\w-]+\s+){1,2}(?:television|TV|radio)(?=[\s,.;:]|$)|"  # "told national television", "told state-run TV"
    r"(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,3}(?:conference|briefing|meeting|session|audience|crowd|gathering|court|"
    r"parliament|committee|council|hearing|summit|forum|assembly|rally|reporters|journalists|lawmakers|radio|television|"
    r"broadcaster|newspaper|channel|supporters|delegates|nation|counterparts?|officials|diplomats|leaders|ministers)|(?:him|her|them|us|me))(?=[\s,.;:]|$))"
)
_DESCRIPTION_OF = re.compile(r"(?:a|an|the)\s+[^,]*?\b(?:to|of|for|at|in|from)\s")
# "Then came 3 single shots, the institute said": an intro word, but a clause of its own.
_CLAUSE_VERB = re.compile(r"\b(?:came|went|was|were|is|are|had|has|have|fell|rose|died|began|left|took|hit|struck|killed|\w+ed)\b")
_CLAUSE_JOIN = re.compile(r"\b(?:while|whereas|but|and|although|though|as|because|after|before|when)\b")
_SEEN_BY = re.compile(r"\s+(?:seen|obtained|reviewed|provided|shared|presented|shown|cited|quoted)\s+(?:to\s+\w+\s+)?by\s+")
_POSTED_THINGS = frozenset("video videos photo photos image images footage clip clips message messages statement letter".split())
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|maintains?|says?|said)\b")
_OUTLET_TAIL = re.compile(
    r"(?:\s+(?:state-owned|state-run|privately[- ]owned|[A-Z][\w'’&.-]*|news agency|news channel|news network|news|channel|"
    r"network|newspaper|broadcaster|television|radio|daily|magazine)(?=[\s,.;:]|$))+"
)
_CUE_VERB_BEFORE = re.compile(r"\b(?:denied|dismissed|rejected|disputed|confirmed|cited|welcomed|condemned|denies|dismisses|"
                              r"rejects|disputes|confirms|cites|deny|dismiss|reject)\s+$")
_ADVERBS_ONLY = re.compile(r"(?:(?:also|too|later|further|then|again|meanwhile|separately|similarly|likewise|recently|previously|"
                           r"earlier|repeatedly|publicly|reportedly|once)\s*)+")
_CITED_ASIDE = re.compile(r",\s*(?:citing|quoted|cited)\b")
_SPEAKING_TO = re.compile(r",\s*(?:(?:speaking|talking)\s+(?:to|with)|in\s+an?\s+(?:\w+\s+)?(?:interview|statement|email)\s+(?:with|to))"
                          r"\s+(?P<outlet>(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})\s*$")
_THROUGH_OUTLET = re.compile(
    r"\s*,?\s*(?:(?:in|during)\s+(?:(?:an?|the|his|her|its|their)\s+)?(?:[\w-]+\s+){0,2}(?:interview|comments|remarks|conversation|statement|"
    r"appearance|op-ed|column|article|essay|piece)\s+(?:with|to|on|for|in|reported by|published by|carried by|aired by|broadcast by)"
    r"|(?:on|to)(?=\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3}\s*(?:[,.;]|\s+that\b|$)))"
    r"\s+(?P<outlet>(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})"
)
# "confirmed his daughter's death to Nine News": the outlet the speaker gave it to relays it.
_TO_OUTLET = re.compile(r"\s+to\s+(?P<outlet>(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})(?=[\s,.;:]*$)")
# "..., according to a statement from his ministry": the speaker's own channel, not an intermediary.
_OWN_CHANNEL = re.compile(r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:statement|post|video|message|readout|release|communiqu\w+)\s+(?:from|by|of)\s+(?:his|her|its|their)\b", re.IGNORECASE)
_DESCRIPTION_START = re.compile(r"(?:a|an|the|one of|[A-Z][\w.-]*(?:'s|’s))\s")
_AS_SAYING = re.compile(r"\s+(?P<source>.+?)\s+as\s+(?:saying|telling|stating|writing)\b")
_CONTENT_OPENER = re.compile(r"[\s,:]*(?:that\b)?[\s,:]*")
_RIGHT_IS_ADJUNCT = re.compile(
    r"^(?:as|while|when|after|before|because|since|ahead|amid|at(?!\s+(?:least|most)\b)|in|on|during|following|but|and|adding|citing|without|"
    r"according|referring|speaking|in an?|on the|to (?:the|a|an|his|her|its|their|reporters|journalists)(?![^,]*\bthat\b))\b",
    re.IGNORECASE,
)
_INTRO_SEGMENT = re.compile(
    r"^\s*(?:[A-Z][a-z]+ing\b|(?:In|On|At|After|Before|During|Despite|Following|Amid|Last|Earlier|Later|Meanwhile|However|"
    r"Also|Separately|Elsewhere|Instead|Still|Yet|But|And|So|Now|Then|Over|By|From|For|With|Without|Under|Since|Asked|"
    r"According|Overnight|Today|Yesterday|On\s+\w+day)\b)"
)
# Where a sentence's subject ends: an adverb, a past form or a common verb.
_SUBJECT_STOP = re.compile(r"^(?:[a-z]+ly|[a-z]+ed|" + "|".join(
    "is are was were has have had will would can could should may might must did does do held met gave made took sent "
    "went came told said says spoke flew led got put set kept began fought won lost saw became ran wrote".split()) + r")$")
_SUBJECT_WORDS = frozenset(
    "the a an of former retired regional local senior top new outgoing incoming foreign defense defence military state "
    "deputy acting interim prime chief government presidential general vice".split()
)
_HEADLINE_DASH = re.compile(r"^(?P<content>.{10,}?)\s+[\u2014\u2013-]{1,2}\s+(?P<source>[^\u2014\u2013]{2,60})$")
_NOUN_FOLLOWED = re.compile(r"\s+(?:are|were|is|was|have|had|has|of|from|by|vary|differ|suggests?|shows?|put|finds|says|claims)\b")
_SEATS_OF_POWER = frozenset({"kremlin", "white house", "elysee", "élysée", "downing street", "chancellery", "blue house"})
_INTERVIEW = re.compile(r"\s+(?:to|tells|told|speaks to)\s+[A-Z][\w-]*$")
_HEADLINE_TRAILING_SOURCE = re.compile(r"^(?P<content>.{20,}?):\s+(?P<source>(?:[A-Z][\w'’.-]*\s+)?(?:[\w'’.-]+\s+){0,2}[\w'’.-]+)$")
# "But neighbour Zibulka picks up the story: “...": a person, a short verb phrase, a colon, a quotation.
_COLON_QUOTE = re.compile(r":\s*[\"\u201c]")
_VERB_PHRASE = re.compile(r"[a-z][\w'’-]*(?:\s+[\w'’-]+){0,5}")
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had|having)\s+(?:\w+\s+)?$", re.IGNORECASE)
_DOCUMENT_NOUNS = r"(?:statement|report|post|video|letter|decree|message|release|note|update|tweet|bulletin|warning)"
_ISSUED_BEFORE = re.compile(r"\s+(?:issued|released|published|put out|posted|sent|shared|gave)\s+(?:a|an|the|its|his|her|their)\s+"
                            rf"(?:[\w-]+\s+){{0,2}}{_DOCUMENT_NOUNS}\s*,?\s*$")
_DOCUMENT_BEFORE = re.compile(rf"\b{_DOCUMENT_NOUNS}\s+$")
_THAT_AFTER = re.compile(r"\s+that\b")
_SHOWING_SUBJECT = re.compile(
    r"\b(?:data|figures|records|documents|emails|e-mails|polls|surveys|images|photos|videos|footage|statistics|results|"
    r"estimates|numbers|studies|reports|messages|texts|files|filings|transcripts|recordings|logs)"
    r"(?:\s+(?:obtained|seen|reviewed|released|published|provided|shared)\s+by\s+[^,]{1,40})?\s+$",
    re.IGNORECASE,
)
_FINDS_THAT = re.compile(r"\s*(?:that\b|[,.;:!?]|$)")
_SHARED_STATEMENT = re.compile(r"\s*(?:(?:that|how)\b|[:,]?\s*[\"\u201c])")
_HEADLINE_COLON = re.compile(r"^(?P<source>[^:]{2,50}):\s+(?P<content>\S.{8,})$")
# "Middle East updates:", "Red Sea:", "Gaza Strip:": a topic or a place heads the headline, not a speaker.
_TOPIC_PREFIX = re.compile(
    r"\b(?:(?i:updates?|live|latest|news|briefing|recap|blog|roundup|explainer|analysis|timeline|factbox|as it happened)|"
    r"Sea|Ocean|Gulf|Strait|Bank|Strip|Coast|Region|Oblast|Province|Governorate|District|Valley|River|Island|Islands|"
    r"Peninsula|Border|Corridor|Front|East|West|North|South|Africa|Asia|Europe|America|Americas|Pacific|Balkans|Caucasus|Sahel)$"
)


@dataclass
class Attribution:
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


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u00a0,;:":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0,;:":
        end -= 1
    return start, end


def _inside(position: int, regions: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in regions)


class SentenceReader:
    """Finds the attributions of one sentence (unresolved mentions)."""

    def __init__(self, sentence: Sentence, gazetteer: Gazetteer, headline: bool):
        self.text = sentence.text
        self.gazetteer = gazetteer
        self.headline = headline
        self._continues_quote = sentence.opens_inside_quote

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        if self._continues_quote:
            # The sentence continues a quotation opened earlier: everything up to its closing mark is quoted.
            close = min((i for i, ch in enumerate(self.text) if ch in "\"\u201d"), default=len(self.text)) + 1
            return [(-1, close)] + [(s + close, e + close) for s, e in quoted_regions(self.text[close:])]
        return quoted_regions(self.text)

    def valid(self, start: int, end: int, strict: bool = True) -> bool:
        return end > start and is_source_mention(self.text[start:end], self.gazetteer, strict)

    def left_segment(self, position: int) -> tuple[int, str]:
        """Start of the clause that ends at position, and the boundary that opened it."""
        start, boundary, _ = self._last_boundary(position)
        return start, boundary

    @cached_property
    def _boundaries(self) -> list[tuple[int, int, str]]:
        """Clause boundaries outside quotations (quote marks themselves count), found once per sentence."""
        quotes = self.quotes
        boundaries = [
            (match.start(), match.end(), match[0].strip().lower())
            for match in _LEFT_BOUNDARY.finditer(self.text)
            if not quotes or not _inside(match.start(), quotes) or match[0] in "\"\u201c\u201d"
        ]
        # A closing single quotation mark ends a clause as a double one does.
        single_quote_ends = [(end - 1, end, '"') for _, end in quotes if self.text[end - 1 : end] == "\u2019"]
        return sorted(set(boundaries + single_quote_ends)) if single_quote_ends else boundaries

    @cached_property
    def _boundary_ends(self) -> list[int]:
        return [end for _, end, _ in self._boundaries]

    def _last_boundary(self, position: int) -> tuple[int, str, int]:
        """(end, word, start) of the last clause boundary that ends at or before position."""
        index = bisect.bisect_right(self._boundary_ends, position) - 1
        if index < 0:
            return 0, "", 0
        boundary_start, end, word = self._boundaries[index]
        return end, word, boundary_start

    def mention_in(self, start: int, end: int, strict: bool = True) -> tuple[int, int] | None:
        start = max(start, end - _LONGEST_MENTION)  # a longer stretch is not a name, and must not cost a rescan
        a, b = clean_mention(self.text[start:end])
        span = (start + a, start + b)
        if self.valid(*span, strict=strict):
            return span
        conjunction = list(re.finditer(r"\b(?:and|but)\s+", self.text[span[0] : span[1]]))
        # "a former ambassador to the U.K. and EU": the "and" joins the places of a description, not two clauses.
        if conjunction and not _DESCRIPTION_OF.match(self.text, span[0], span[0] + conjunction[-1].start()):
            tail = (span[0] + conjunction[-1].end(), span[1])
            if self.valid(*tail):
                return tail
        return None

    def right_np(self, start: int, *, before_that: bool = False, strict: bool = True) -> tuple[int, int] | None:
        stop = _NP_STOP.search(self.text, start).start()
        that = _THAT.search(self.text, start, stop) if before_that else None
        a, b = clean_mention(self.text[start : that.start() if that else stop])
        span = (start + a, start + b)
        return span if self.valid(*span, strict=strict) else None

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
        after_possessive = 0  # "Germany's leading economic institutes": lower-case words may follow an owner
        for number, word in enumerate(words):
            token = word[0]
            if number and words[number - 1][0][:1].isupper() and "," in self.text[position + words[number - 1].end():position + word.start()]:
                # "Abu Obaida, the spokesperson for ..., made the claim": a name ends the subject at its comma ("Sandra
                # Lindsay's sister, Tracey Lomax, ..." goes on to the name in apposition).
                break
            following = words[number + 1][0].lower() if number + 1 < len(words) else ""
            # "Top emergencies official Juan Manuel Mendez": a noun modifying the role that follows it.
            modifier = token.islower() and (following in PERSON_ROLES or following in ORG_HEADS) and not _SUBJECT_STOP.match(token)
            if (token[0].isupper() or token.lower() in _SUBJECT_WORDS or token.lower() in PERSON_ROLES or token.lower() in ORG_HEADS
                    or 0 < after_possessive <= 4 or modifier):
                if _SUBJECT_STOP.match(token) and not token[0].isupper():
                    break
                end = position + word.end()
                if token.endswith(("'s", "’s")):
                    after_possessive = 1
                elif after_possessive and not is_head_noun(token):
                    after_possessive += 1
                else:
                    after_possessive = 0  # the owner's noun ("minister", "institutes") ends the subject's lower-case run
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
        return strip_span(self.text, opener.end(), len(self.text))

    def read(self) -> list[Attribution]:
        attributions: list[Attribution] = []
        consumed: list[tuple[int, int]] = []
        if self.headline:
            # "Russia says X — Defense Ministry": the source after the dash is the more specific one.
            attributions.extend(self._headline_forms(dash_only=True))
            if attributions:
                return attributions
        for match in find_cues(self.text):
            if _inside(match.start, self.quotes) or any(s <= match.start < e for s, e in consumed):
                continue
            if match.according:
                result = self._according(match)
                if result and result.mention:
                    consumed.append(result.mention)  # "according to official reports": "reports" is no verb here
            else:
                result = self._verb(match, consumed, previous=attributions[-1] if attributions else None)
            if result:
                attributions.append(result)
        if not attributions and self.headline:
            attributions.extend(self._headline_forms())
        elif not attributions and ":" in self.text:
            attributions.extend(self._colon_quote())
        attributions = self._trim_overlaps(attributions)
        if self.headline:
            # "Egypt reports ...", "..., Klimkin says": every attribution in a headline has the cue "headline" and,
            # like the dash and colon forms, no cue span (the verb is the headline's, not a quoted cue).
            topic = _HEADLINE_COLON.match(self.text) if attributions else None
            for attribution in attributions:
                attribution.cue_text, attribution.cue = "headline", None
                if (topic and attribution.content[0] == 0 and attribution.mention and attribution.rule != "headline_colon"
                        and attribution.mention[0] >= topic.start("content")):
                    # "Gaza talks: Hamas delegation arrives, source says": the topic is not part of the statement.
                    attribution.content = (topic.start("content"), attribution.content[1])
        return attributions

    def _according(self, match: CueMatch) -> Attribution | None:
        # Anything can be a source here: "according to Palestinian tallies", "according to an AP-NORC poll".
        source = self.right_np(match.end, strict=False) or self._any_source(match.end)
        if not source:
            return None
        listed = _LIST_TAIL.match(self.text, source[1])
        if listed and self.valid(source[0], listed.end()):
            source = (source[0], listed.end())  # "according to US, South Korean and Ukrainian officials"
        via = None
        relayed = _WHICH_CITED.match(self.text, source[1])
        cited = self.right_np(relayed.end()) if relayed else None
        if cited:
            # "According to a Reuters report, which cited two officials, ...": the officials said it, via Reuters.
            via, source = source, cited
        seen_by = _SEEN_BY.search(self.text, source[0], source[1])
        if seen_by and via is None and seen_by.end() < source[1]:
            # "according to a Pentagon memo seen by Reuters", "... data provided by Ebrard": who passed it on relays it.
            via = strip_span(self.text, seen_by.end(), source[1])
            source = strip_span(self.text, source[0], seen_by.start())
        clause_start, _ = self.left_segment(match.start)
        if not self.text[:clause_start].strip(" ,"):
            content = strip_span(self.text, source[1], len(self.text))
        else:
            content = strip_span(self.text, 0, match.start)
        return Attribution(source, (match.start, match.end), self.text[match.start:match.end], None, content, "according_to", via=via)

    def _verb(self, match: CueMatch, consumed: list[tuple[int, int]], previous: Attribution | None) -> Attribution | None:
        verb = match.verb
        lemma = lemma_of(verb)
        cue_start, cue_end = match.start, match.end
        participle = verb.lower().endswith("ing")
        if lemma == "label" and not _LABELLED.match(self.text, cue_end):
            return None  # "called up reservists", "called a meeting": no label, no statement
        if verb.lower() == "show" and not _SHOWING_SUBJECT.search(self.text, max(0, match.verb_start - 80), match.verb_start):
            return None  # "Records show ...", "Emails seen by Reuters show ..."; never "a fashion show"
        if verb.lower() == "finds" and not _FINDS_THAT.match(self.text, cue_end):
            return None  # "finds it disorienting": an opinion of a thing; "report finds" and "finds that" report
        if verb.lower() == "written" and not _PERFECT_BEFORE.search(self.text, max(0, match.verb_start - 12), match.verb_start):
            return None  # "written submissions": an adjective; "had written" reports
        if lemma == "share" and not _SHARED_STATEMENT.match(self.text, cue_end):
            return None  # "shared a photo", "shares a border": a thing, not a statement
        before_cue = self.text[max(0, cue_start - 50) : cue_start]
        if participle and _GERUND_AFTER.search(before_cue):
            return None  # a gerund ("accused her of criticizing"), not an attribution
        if participle and _DOCUMENT_BEFORE.search(before_cue) and not _THAT_AFTER.match(self.text, cue_end):
            return None  # "The army statement announcing the strike did not ...": the participle describes the statement
        # "The Institute for the Study of War (ISW) said": the bracketed short name belongs to the mention.
        bracket = _BRACKET_BEFORE.search(before_cue)
        mention_end = cue_start - len(before_cue) + bracket.start() if bracket else cue_start
        clause_start, boundary = self.left_segment(mention_end)
        if boundary == "with" and self.text[: clause_start - 4].rstrip().endswith("familiar"):
            clause_start, boundary = self.left_segment(clause_start - 5)  # "Sources familiar with the talks said"
        strict = lemma not in _PLAIN_SPEECH or participle
        # "..., a claim Kyiv rejected": the noun names what is rejected; the speaker follows it.
        claim_noun = _CLAIM_NOUN.match(self.text, clause_start, mention_end)
        mention_start = claim_noun.end() if claim_noun else clause_start
        issued = _ISSUED_BEFORE.search(self.text, mention_start, mention_end) if participle else None
        if issued:
            mention_end = issued.start()  # "The army issued a statement saying ...": the army speaks
        mention = self.mention_in(mention_start, mention_end, strict) if self.text[mention_start:mention_end].strip() else None
        if mention is None and previous and previous.cue and clause_start <= previous.cue[0] and previous.cue[1] < mention_end:
            # "Number 10 said the commissioner had said ...": the second speaker starts after the first cue.
            that = _CONTENT_OPENER.match(self.text, previous.cue[1]).end()
            segment = self.text[that:mention_end].strip()
            # "X condemned the attack and said": the same speaker goes on (elliptic), nobody new.
            mention = self.mention_in(that, mention_end, strict) if segment and not re.search(r"\b(?:and|but)$", segment) else None
        passive = _PASSIVE_BEFORE.search(self.text, max(clause_start, match.verb_start - 20), match.verb_start)
        by_agent = _BY_AGENT.match(self.text, cue_end) if lemma != "cite" else None
        if by_agent and (passive or self.text[max(0, match.verb_start - 3) : match.verb_start].lower() == "as "):
            return self._by_agent(match, by_agent.end(), passive.start() if passive else match.verb_start - 3)
        if by_agent and lemma not in ("cite", "tell"):
            return None  # "The tariffs announced by Trump are illogical": a participle describing the tariffs
        if lemma == "cite" and passive:
            return self._quoted_as_saying(clause_start, passive.start(), cue_start, cue_end, consumed)
        if passive and lemma not in ("say", "report", "claim"):
            return None  # "Husseini, who was described as ...", "Kyiv was warned": the subject is not the speaker
        if passive and self.text[clause_start : passive.start()].strip().lower() == "it":
            # "It is said ...": no speaker in the sentence; the passage's last speaker is filled in later.
            it_start = clause_start + len(self.text[clause_start:cue_end]) - len(self.text[clause_start:cue_end].lstrip())
            return Attribution(None, (it_start, cue_end), self.text[it_start:cue_end], lemma, self.content_after(cue_end), "impersonal")
        between = self.text[clause_start:cue_start].strip()
        # "A spokesman, Anand Sharma, also said": only an adverb between the name's comma and the cue.
        only_adverbs = boundary == "," and bool(_ADVERBS_ONLY.fullmatch(between))
        if mention is None and between and not only_adverbs:
            if boundary in _RELATIVE:
                # "Residents who spoke to the BBC said ...": the relative clause belongs to the subject before it.
                mention = self._relative_head(clause_start, boundary)
                if mention:
                    clause_start = mention[0]
            if mention is None and not participle and boundary not in _ELLIPTIC:
                return None
        if lemma == "post" and mention and head_word(self.text[mention[0]:mention[1]]).lower() in _POSTED_THINGS:
            return None  # "A video posted on social media showed ...": what was posted, not who posted
        if verb.lower() in NOUN_LIKE_FORMS and _DETERMINER_BEFORE.search(self.text[max(0, match.verb_start - 20) : match.verb_start]):
            return None  # "the claims", "unconfirmed reports": a noun, not a verb
        if verb.lower() in NOUN_LIKE_FORMS and _NOUN_FOLLOWED.match(self.text, cue_end):
            return None  # "Western estimates are lower", "reports of shelling": the subject of a verb of its own
        if verb.lower() in NOUN_LIKE_FORMS and _CUE_VERB_BEFORE.search(self.text, max(0, match.verb_start - 20), match.verb_start):
            return None  # "Modi denied reports that ...": the object of the verb before it
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
            via = (told.start("object"), told.end("object")) if told["object"] else None
            tail = _OUTLET_TAIL.match(self.text, after) if via and self.text[via[0]:via[1]][:1].isupper() or (
                via and self.text[via[0]:via[1]].startswith("the ")) else None
            if tail and tail.end() > after:
                # "told the Saudi state-owned Al-Arabiya network", "told Pakistan's Geo news channel": the whole name.
                after = tail.end()
                via = (via[0], after)
            cue_text = self.text[cue_start:after]
        if lemma == "accuse" and self.text.startswith(" of ", cue_end):
            return None  # "RSF accused of looting": the mention is accused (a passive headline), not the accuser
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
            return Attribution(source_span, (cue_start, cue_end), cue_text, lemma, content, "cited_as_saying", via=mention)
        if mention is None:
            if participle and (cue_start == 0 or previous):
                # "Saying ..., X implored" / "X said ..., adding": the main clause carries the attribution.
                return None
            before = self.text[:clause_start].rstrip()
            if self.headline and boundary == "," and lemma in _PLAIN_SPEECH and not participle:
                # "Two killed in shelling of Ambry, says governor": the source after the cue ends the headline.
                source = self.right_np(after, strict=False)
                if source and not self.text[source[1]:].strip(" .!?\"'”"):
                    return Attribution(source, (cue_start, cue_end), cue_text, lemma, strip_span(self.text, 0, clause_start), "inverted")
            if self.headline and boundary == "," and not participle:
                # "Iran's foreign minister visits Beirut, warns Israel": the first clause's subject also warns.
                subject = self.main_subject(clause_start)
                if subject and self.text[subject[1]:clause_start].lstrip()[:1].islower():
                    return Attribution(subject, (cue_start, cue_end), cue_text, lemma, self.content_after(after), "elliptic_subject")
            named_after = self._named_after(after) if boundary == "," and not participle else None
            if named_after and len(self.text[:clause_start].split()) > 3:
                # "..., said Matthew Levitt, senior fellow at ...": a name right after the cue is the speaker, whatever
                # the clause before the comma looks like ("even within Hamas").
                return Attribution(named_after, (cue_start, cue_end), cue_text, lemma, strip_span(self.text, 0, clause_start), "inverted", via=via)
            if boundary == "," and not participle:
                subject = self._subject_before_comma(len(before) - 1)
                if subject:
                    mention, memory_mention, cited_via = subject
                    via = via or cited_via
                    # "The ministry, citing an official, said" / "..., quoted by RIA, said": cited; else an appositive
                    # ("Lena Dahl, speaking to CNN, said" relays too, but nobody is cited).
                    rule = "citing" if cited_via and _CITED_ASIDE.search(self.text, 0, cue_start) else "appositive"
                    clause_start = memory_mention[0]
            if mention is None and boundary in (",", '"', "\u201d") and not participle:
                inverted = self.right_np(after)
                if inverted:
                    content = strip_span(self.text, 0, clause_start)
                    return Attribution(inverted, (cue_start, cue_end), cue_text, lemma, content, "inverted", via=via)
            if mention is None and not participle and boundary in _ELLIPTIC and previous and previous.mention and previous.mention[1] <= clause_start:
                # "X told DW that ..., but warned that ...": the second verb shares the first one's speaker; one
                # claim, whose content runs on to the end (the extractor keeps one claim per speaker and sentence).
                return Attribution(previous.mention, (cue_start, cue_end), cue_text, lemma, self.content_after(after), "elliptic_subject")
            if mention is None and (participle or boundary in _ELLIPTIC or boundary in _RELATIVE):
                mention = self._relative_head(clause_start, boundary) if boundary in _RELATIVE else self.main_subject(clause_start)
                rule = "participle" if participle else ("relative_clause" if boundary in _RELATIVE else "elliptic_subject")
                if mention:
                    return Attribution(mention, (cue_start, cue_end), cue_text, lemma, self.content_after(after), rule, via=via)
            if mention is None:
                return None
        cited = None
        citing = _CITING_AFTER.match(self.text, after) if via is None else None
        if citing:
            # "Reuters reported, citing two officials, that ..." / "..., Reuters reported, citing two officials":
            # the officials said it, via Reuters.
            cited = self.right_np(citing.end())
            if cited:
                consumed.append((after, cited[1]))
                after = cited[1]
        through = _THROUGH_OUTLET.match(self.text, after) if via is None else None
        if through and looks_like_outlet(through["outlet"], self.gazetteer):
            # "said in an interview with the BBC that", "said in comments reported by Reuters": the outlet relays.
            via = strip_span(self.text, through.start("outlet"), through.end("outlet"))
            after = through.end()
        decided = self._content_and_form(after, clause_start, relative=boundary in _RELATIVE and mention[0] >= clause_start)
        if decided is None:
            return None  # nothing asserted ("DW's correspondent reports from Kyiv")
        content, form = decided
        if _NOTHING.match(self.text, content[0]) and form == "source_first":
            return None  # "The minister said nothing about the timetable"
        if cited:
            return Attribution(cited, (cue_start, cue_end), f"{cue_text}, citing", lemma, content, "citing", via=mention)
        to_outlet = _TO_OUTLET.search(self.text, content[0], content[1]) if via is None and lemma != "tell" else None
        if to_outlet and looks_like_outlet(to_outlet["outlet"], self.gazetteer):
            via = strip_span(self.text, to_outlet.start("outlet"), to_outlet.end("outlet") - to_outlet["outlet"].endswith("."))
            content = strip_span(self.text, content[0], to_outlet.start())
        return Attribution(mention, (cue_start, cue_end), cue_text, lemma, content, rule or form, via=via or self._interviewer(mention[0]),
                           memory_mention=memory_mention)

    def _any_source(self, position: int) -> tuple[int, int] | None:
        """After "according to" even "Bushnell's LinkedIn page" names a source: any short phrase that is no clause."""
        stop = _NP_STOP.search(self.text, position).start()
        a, b = clean_mention(self.text[position:stop])
        words = self.text[position + a:position + b].split()
        if not 0 < len(words) <= 8 or words[0].lower() in ("he", "she", "it", "they", "we", "i", "you", "to", "that", "this"):
            return None
        return (position + a, position + b)

    def _named_after(self, position: int) -> tuple[int, int] | None:
        """A person's name (or a known actor) right after a cue: "said Matthew Levitt", "said Mr. Reeves"."""
        rest = self.text[position:].lstrip()
        if not rest[:1].isupper() or _CALENDAR_WORD.match(rest):
            return None
        span = self.right_np(position)
        if span is None:
            return None
        analysis = analyse_mention(self.text[span[0]:span[1]], self.gazetteer)
        return span if analysis.record is not None or (analysis.kind == "person" and analysis.named) else None

    def _content_and_form(self, after: int, clause_start: int, *, relative: bool) -> tuple[tuple[int, int], str] | None:
        """Which side of the attribution is the statement: after the cue, before the source, or both."""
        right = self.content_after(after)
        if relative:
            comma = self.text.find(",", right[0])  # "The move, which Kyiv said was illegal, drew protests"
            right = strip_span(self.text, right[0], comma) if comma != -1 else right
        right_text = self.text[right[0]:right[1]] if _WORD_CHAR.search(self.text, right[0], right[1]) else ""
        raw_right = self.text[after:].lstrip(" ,:")
        # "told the paper in an interview, his first comments": a comma after the cue's adjuncts counts too.
        comma_after_cue = self.text[after:].lstrip().startswith(",") or "," in self.text[after:right[0]]
        left = strip_span(self.text, 0, clause_start)
        left_text = self.text[left[0]:left[1]]
        # "However, a deal was still possible, X told the AP": an intro word before a clause of its own is still content.
        left_is_content = bool(left_text) and (
            not _INTRO_SEGMENT.match(left_text + " ") or "," in left_text or bool(_CLAUSE_VERB.search(left_text))
        ) or len(left_text.split()) > 6
        if raw_right[:1] in "\"\u201c" and right_text:
            if left_is_content and self.text[:clause_start].rstrip()[-1:] in "\"\u201d" and comma_after_cue:
                # '"Part one," she said, "part two."': the quotation on both sides is the content.
                return (left[0], right[1]), "source_around"
            return right, "source_first"
        quoted_left = len(left_text) > 2 and left_text[0] in "\"\u201c" and left_text.rstrip(" ,")[-1] in "\"\u201d"
        if comma_after_cue and quoted_left:
            # '"What happened is serious," Modi told the paper in an interview, his first comments on ...'
            return left, "source_last"
        if comma_after_cue and right_text and left_is_content and len(left_text.split()) <= 4 and right_text[:1].islower():
            # "The attack, the military said, targeted a depot": the statement runs around the attribution.
            return (left[0], right[1]), "source_around"
        right_is_adjunct = _RIGHT_IS_ADJUNCT.match(right_text) and not raw_right.lower().startswith("that")
        if (not right_text or comma_after_cue or right_is_adjunct) and left_is_content:
            return left, "source_last"
        if right_text and not _WHERE_ONLY.match(right_text):
            return right, "source_first"
        return None

    def _interviewer(self, subject_start: int) -> tuple[int, int] | None:
        """ "In an interview with the BBC, Grossi said ...": the outlet the speaker talked to relays the claim."""
        intro = _INTERVIEW_INTRO.match(self.text, 0, subject_start)
        outlet = self.mention_in(intro.start("outlet"), intro.end("outlet")) if intro else None
        return outlet if outlet and analyse_mention(self.text[outlet[0]:outlet[1]], self.gazetteer).kind == "media" else None

    def _by_agent(self, match: CueMatch, agent_start: int, before_cue: int) -> Attribution | None:
        """ "The strike killed five, as reported by the governor" / "The attack was confirmed by the army":
        the agent after "by" speaks; the statement is the clause before (or after, with "that")."""
        source = self.right_np(agent_start, before_that=True)
        if not source:
            return None
        after = _CONTENT_OPENER.match(self.text, source[1])
        if self.text[source[1]:after.end()].strip(" ,:").lower() == "that":
            content = strip_span(self.text, after.end(), len(self.text))
        else:
            content = strip_span(self.text, 0, before_cue)
        if not _WORD_CHAR.search(self.text, content[0], content[1]) or self.text[content[0]:content[1]].lower() == "it":
            return None
        cue = (match.start, match.end)
        return Attribution(source, cue, self.text[match.start:match.end], lemma_of(match.verb), content, "passive_agent")

    def _relative_head(self, clause_start: int, boundary: str) -> tuple[int, int] | None:
        """The noun phrase a relative clause ("who ...", "which ...") belongs to."""
        head_end = clause_start - len(boundary) - 1
        head_start, _ = self.left_segment(head_end)
        return self.mention_in(head_start, head_end)

    def _quoted_as_saying(self, start: int, end: int, cue_start: int, cue_end: int, consumed) -> Attribution | None:
        """ "Peskov was quoted by RIA as saying ..." """
        source = self.mention_in(start, end)
        tail = re.match(r"(?:\s+by\s+(?P<via>[^,]+?))?\s+as\s+(?:saying|telling \w+|stating)\b", self.text[cue_end:])
        if not source or not tail:
            return None
        via = (cue_end + tail.start("via"), cue_end + tail.end("via")) if tail["via"] else None
        consumed.append((cue_end, cue_end + tail.end()))
        content = self.content_after(cue_end + tail.end())
        return Attribution(source, (cue_start, cue_end), "quoted ... as saying", "cite", content, "quoted_as_saying", via=via)

    def _subject_before_comma(self, comma: int):
        """ "Jane Doe, the governor, said" / "The governor, Jane Doe, said" / "Jane Doe, who ..., said" /
        "The agency, citing an official, said".

        Returns the mention naming the source, the wider span (with the title) to remember, and
        the intermediary when the source is cited.
        """
        # "Richard Weir, 60, from Tynemouth, North Tyneside, said": an age and a home town follow the name.
        tail = _AGE_AND_HOME.search(self.text, 0, comma)
        if tail and tail.start() < comma and self.text[tail.start()] == ",":
            comma = tail.start()
        # A relative clause, an age or an aside ("speaking in Riyadh") between the speaker and the cue.
        relative = re.search(
            r",\s*(?:who|which|whose|aged|\d{1,3}|speaking|writing|talking|appearing|addressing|visiting|standing|including|"
            r"in\s+an?\s+(?:\w+\s+)?(?:interview|statement|email)\s+(?:with|to)|"
            r"among them|such as|(?:chaired|led|headed|run|backed|funded|founded|owned|based|supported)\s+(?:by|in))\b[^,]*$",
            self.text[:comma],
        )
        if relative:
            name_end = relative.start()
            speaking_to = _SPEAKING_TO.match(self.text, relative.start(), comma)
            # "Lena Dahl, speaking to CNN, said": the outlet she spoke to relays her words.
            relay = speaking_to and looks_like_outlet(speaking_to["outlet"], self.gazetteer)
            via = strip_span(self.text, speaking_to.start("outlet"), speaking_to.end("outlet")) if relay else None
            while age := re.search(r",\s*(?:aged\s+)?\d{1,3}\s*$", self.text[:name_end]):
                name_end = age.start()  # "Smith, 54, who heads the union, said"
            far_start, _ = self.left_segment(name_end)
            far = self.mention_in(far_start, name_end)
            return (far, far, via) if far else None
        quoted = re.search(r",\s*(?:quoted|cited)\s+by\s+(?P<via>[^,]+)$", self.text[:comma])
        if quoted:
            # "Russia's defence ministry, quoted by RIA Novosti, said": the ministry speaks, the agency relays.
            far_start, _ = self.left_segment(quoted.start())
            far = self.mention_in(far_start, quoted.start())
            via = strip_span(self.text, quoted.start("via"), quoted.end("via"))
            return (far, far, via) if far else None
        citing = re.search(r",\s*citing\s+(?=[^,]*$)", self.text[:comma])
        if citing:
            far_start, _ = self.left_segment(citing.start())
            far = self.mention_in(far_start, citing.start())
            cited = self.mention_in(citing.end(), comma)
            return (cited, cited, far) if far and cited else None
        near_start, near_boundary = self.left_segment(comma)
        # "..., the charity that runs the hospital, denied": a relative clause names nobody.
        near = self.mention_in(near_start, comma) if near_boundary not in ("that", *_RELATIVE) else None
        far_end = near_start - 1
        far = None
        if far_end > 0 and self.text[far_end] == ",":
            far_start, _ = self.left_segment(far_end)
            far = self.mention_in(far_start, far_end)
        if near is None and far and _ASIDE.fullmatch(self.text[near_start:comma].strip()):
            return far, far, None  # "The ministry, meanwhile, said": an aside between the speaker and the cue
        if near is None:
            # "Volkswagen, Europe's largest carmaker, said" / "COGAT, the body that coordinates aid, denied":
            # any description may follow a name.
            apposition = self.text.rfind(",", 0, comma) + 1
            if apposition and _DESCRIPTION_START.match(self.text[apposition:comma].lstrip()):
                # "Hayley Walsh, 42, a lecturer from Nottingham, said": an age may stand between name and description.
                while (age := re.search(r",\s*(?:aged\s+)?\d{1,3}\s*,\s*$", self.text[:apposition])):
                    apposition = age.start() + 1
                name_start, _ = self.left_segment(apposition - 1)
                name = self.mention_in(name_start, apposition - 1)
                return (name, name, None) if name else None
        if near:
            near_text = self.text[near[0]:near[1]]
            # "the Bank of England governor" is a title too, though "of" hides its head word.
            titled = head_word(near_text)[:1].islower() or near_text.split()[-1].lower() in PERSON_ROLES
            near_is_title = titled and far and not head_word(self.text[far[0]:far[1]])[:1].islower()
            if near_is_title:
                return far, (far[0], near[1]), None
            if far and head_word(self.text[far[0]:far[1]]).lower() in PERSON_ROLES:
                return near, (far[0], near[1]), None
            return near, near, None
        return None

    def _colon_quote(self) -> list[Attribution]:
        """A named person introduces a quotation with a verb phrase no cue list holds ("picks up the story:")."""
        colon = _COLON_QUOTE.search(self.text)
        if colon is None or _inside(colon.start(), self.quotes):
            return []
        subject = self.main_subject(colon.start())
        if subject is None:
            return []
        phrase = strip_span(self.text, subject[1], colon.start())
        if not _VERB_PHRASE.fullmatch(self.text, *phrase):
            return []
        analysis = analyse_mention(self.text[subject[0]:subject[1]], self.gazetteer)
        if analysis.kind != "person" or not analysis.named:
            return []
        content = strip_span(self.text, colon.end() - 1, len(self.text))
        return [Attribution(subject, phrase, self.text[phrase[0]:phrase[1]], None, content, "colon_quote")]

    def _headline_forms(self, dash_only: bool = False) -> list[Attribution]:
        dash = _HEADLINE_DASH.match(self.text)
        if dash and self.valid(dash.start("source"), dash.end("source")):
            return [Attribution((dash.start("source"), dash.end("source")), None, "headline", None,
                           (dash.start("content"), dash.end("content")), "headline_dash")]
        if dash_only:
            return []
        trailing = _HEADLINE_TRAILING_SOURCE.match(self.text)
        if trailing and self.valid(trailing.start("source"), trailing.end("source"), strict=False):
            words = self.text[trailing.start("source"):trailing.end("source")]
            if is_head_noun(head_word(words)) or analyse_mention(words, self.gazetteer).kind == "person":
                # "Several killed in shelling of Ambry: Region's governor": the source closes the headline.
                return [Attribution((trailing.start("source"), trailing.end("source")), None, "headline", None,
                                    (trailing.start("content"), trailing.end("content")), "headline_colon")]
        colon = _HEADLINE_COLON.match(self.text)
        if colon:
            # "Klimkin to DW: ..." is an interview: the speaker is before "to".
            interview = _INTERVIEW.search(self.text, colon.start("source"), colon.end("source"))
            source = (colon.start("source"), interview.start() if interview else colon.end("source"))
            if not interview and _TOPIC_PREFIX.search(self.text, 0, source[1]):
                return []
            if self.valid(*source) and self._headline_speaker(self.text[source[0]:source[1]]):
                return [Attribution(source, None, "headline", None, (colon.start("content"), colon.end("content")), "headline_colon")]
        return []

    def _headline_speaker(self, mention: str) -> bool:
        """Before a headline's colon a person speaks, as do a known ministry, army, agency or group and a seat of
        power ("Kremlin:"); a country, capital or bloc ("Ukraine:", "EU:") is the topic."""
        analysis = analyse_mention(mention, self.gazetteer)
        if analysis.kind == "person":
            return True
        if analysis.record is None:
            return False
        return analysis.record.kind not in ("government", "international organization") or mention.lower().removeprefix("the ") in _SEATS_OF_POWER

    def _trim_overlaps(self, attributions: list[Attribution]) -> list[Attribution]:
        """Two sources in one sentence: the first content stops where the second attribution's clause begins.

        "X said ..., state media reported" / "X warned ..., according to state media" is one claim
        by X relayed by the media.
        """
        attributions.sort(key=lambda f: (f.cue or f.mention)[0])
        for first, second in zip(attributions, attributions[1:]):
            relays = (
                (second.lemma == "report" and second.rule in ("source_last", "passive_agent") or second.rule == "according_to")
                and first.cue and second.content[0] <= first.cue[0] < second.content[1]
                # "not 15 as Veldora reported": a comparison with another account, not a relay of this one
                and not re.search(r"\b(?:as|than|unlike)\s*$", self.text[:second.mention[0]] if second.mention else "")
            )
            if (first.rule == "according_to" and second.mention and second.cue
                    and first.content[0] <= second.mention[0] < first.content[1]):
                # "According to reports, the officer recalled: ...": the officer speaks; the reports only pass it on,
                # and "According to Reuters, X said" passes it on through Reuters.
                if second.via is None and first.mention and looks_like_outlet(self.text[first.mention[0]:first.mention[1]], self.gazetteer):
                    second.via = first.mention
                attributions.remove(first)
                break
            compared = (second.mention and first.content[0] <= second.mention[0] < first.content[1]
                        and re.search(r"\b(?:as|than|unlike)\s*$", self.text[:second.mention[0]]))
            if compared:
                attributions.remove(second)  # "not 15 as Veldora reported": another account, compared inside this one
                break
            if relays and first.via is None:
                own = _OWN_CHANNEL.match(self.text, second.mention[0], second.mention[1])
                first.via = None if own else second.mention
                _, _, boundary_start = self._last_boundary(second.mention[0])
                first.content = strip_span(self.text, first.content[0], min(first.content[1], boundary_start))
                attributions.remove(second)
                break
        for first, second in zip(attributions, attributions[1:]):
            nested = (first.mention and second.mention and second.cue and first.via is None and second.via is None
                      and first.rule == "source_first" and first.content[0] <= second.mention[0]
                      and second.cue[1] <= first.content[1] and first.content[0] <= second.content[0] and second.content[1] <= first.content[1]
                      and self.text[second.mention[0]:second.mention[1]].lower() not in ("it", "he", "she", "they", "we")
                      and not _FINITE_VERB.search(self.text, first.content[0], second.mention[0])
                      and not _CLAUSE_JOIN.search(self.text, first.content[0], second.mention[0]))
            if nested:
                # "Number 10 said the commissioner had said ...": the commissioner's statement, relayed by Number 10.
                second.via = first.mention
                attributions.remove(first)
                break
        for first, second in zip(attributions, attributions[1:]):
            second_start = min(p[0] for p in (second.mention, second.cue, second.memory_mention) if p)
            if first.content[0] < second_start < first.content[1] and first.mention and first.mention[1] <= second_start:
                _, _, boundary_start = self._last_boundary(second_start)
                cut = boundary_start if boundary_start > first.content[0] else second_start
                first.content = strip_span(self.text, first.content[0], cut)
        return attributions
