"""Attribution cue words: the verbs and phrases that mark a statement as someone's."""
from __future__ import annotations

import re
from dataclasses import dataclass

# lemma -> (forms, kind of statement it usually introduces)
_VERBS: dict[str, tuple[tuple[str, ...], str]] = {
    "say": (("said", "says", "say", "saying"), "fact"),
    "tell": (("told", "tells", "telling"), "fact"),
    "report": (("reported", "reports", "report", "reporting"), "fact"),
    "claim": (("claimed", "claims", "claim", "claiming"), "fact"),
    "announce": (("announced", "announces", "announce", "announcing"), "fact"),
    "confirm": (("confirmed", "confirms", "confirm", "confirming"), "fact"),
    "state": (("stated",), "fact"),
    "add": (("added", "adds", "adding"), "fact"),
    "note": (("noted", "notes", "noting"), "fact"),
    "write": (("wrote", "writes", "written", "writing"), "fact"),
    "post": (("posted",), "fact"),
    "tweet": (("tweeted",), "fact"),
    "estimate": (("estimated", "estimates", "estimate", "estimating"), "fact"),
    "deny": (("denied", "denies", "deny", "denying"), "fact"),
    "accuse": (("accused", "accuses", "accusing"), "fact"),
    "allege": (("alleged", "alleges", "alleging"), "fact"),
    "insist": (("insisted", "insists", "insisting"), "fact"),
    "maintain": (("maintains", "maintained", "maintaining"), "fact"),
    "reveal": (("revealed", "reveals"), "fact"),
    "indicate": (("indicated", "indicates", "indicating"), "fact"),
    "show": (("showed", "shows", "showing", "show"), "fact"),
    "mention": (("mentioned", "mentions", "mention"), "fact"),
    "acknowledge": (("acknowledged", "acknowledges", "acknowledging"), "fact"),
    "admit": (("admitted", "admits", "admitting"), "fact"),
    "explain": (("explained", "explains", "explaining"), "fact"),
    "inform": (("informed",), "fact"),
    "find": (("found", "finds"), "fact"),
    "suggest": (("suggested", "suggests", "suggest", "suggesting"), "fact"),
    "speak of": (("spoke of", "speaks of", "spoke about", "speaks about"), "fact"),
    "imply": (("implied", "implies"), "fact"),
    "describe": (("described", "describes"), "opinion"),
    "cite": (("cited", "cites", "quoted", "quotes", "citing"), "fact"),
    "warn": (("warned", "warns", "warning"), "opinion"),
    "stress": (("stressed", "stresses", "stressing", "stress"), "opinion"),
    "emphasize": (("emphasized", "emphasised", "emphasizes", "emphasising", "emphasizing"), "opinion"),
    "argue": (("argued", "argues", "arguing"), "opinion"),
    "urge": (("urged", "urges", "urging"), "opinion"),
    "call": (("called on", "calls on", "called for", "calls for", "calling on", "calling for"), "opinion"),
    # "called the attack 'barbaric'": read only when a label follows its object (attribution.py checks).
    "label": (("called", "calls", "calling"), "opinion"),
    "demand": (("demanded", "demands", "demanding"), "opinion"),
    "criticize": (("criticized", "criticised", "criticizes", "criticises", "criticizing"), "opinion"),
    "condemn": (("condemned", "condemns", "condemning"), "opinion"),
    "express": (("expressed", "expresses", "expressing"), "opinion"),
    "highlight": (("highlighted", "highlights"), "opinion"),
    "implore": (("implored", "implores"), "opinion"),
    "encourage": (("encouraged", "encourages"), "opinion"),
    "predict": (("predicted", "predicts"), "opinion"),
    "believe": (("believes", "believe", "believed"), "opinion"),
    "expect": (("expects", "expect", "expected"), "opinion"),
    "fear": (("fears", "fear", "feared"), "opinion"),
    "reject": (("rejected", "rejects", "rejecting"), "fact"),
    "dispute": (("disputed", "disputes", "disputing"), "fact"),
    "dismiss": (("dismissed", "dismisses", "dismissing"), "opinion"),
    "vow": (("vowed", "vows", "vowing"), "opinion"),
    "pledge": (("pledged", "pledges"), "opinion"),
    "promise": (("promised", "promises"), "opinion"),
    "threaten": (("threatened", "threatens"), "opinion"),
    "brand": (("branded", "brands"), "opinion"),
    "blame": (("blamed", "blames", "blaming"), "fact"),
    "assert": (("asserted", "asserts", "asserting"), "fact"),
    "reiterate": (("reiterated", "reiterates", "reiterating"), "fact"),
    "disclose": (("disclosed", "discloses"), "fact"),
    "concede": (("conceded", "concedes", "conceding"), "fact"),
    "reply": (("replied", "replies"), "fact"),
    "answer": (("answered",), "fact"),
    "rule": (("ruled",), "fact"),
    # "shared how ...": read only when a statement follows (attribution.py checks), never "shared a photo".
    "share": (("shared", "shares"), "fact"),
    "counter": (("countered",), "fact"),
    "testify": (("testified", "testifies"), "fact"),
    "recall": (("recalled", "recalls", "recalling"), "fact"),
    "recount": (("recounted", "recounts", "recounting"), "fact"),
    "declare": (("declared", "declares"), "fact"),
    "conclude": (("concluded", "concludes"), "fact"),
    "divulge": (("divulged", "divulges"), "fact"),
    "purport": (("purports", "purported"), "fact"),
    "boast": (("boasted", "boasts"), "fact"),
    "point out": (("pointed out", "points out", "pointing out"), "fact"),
    "caution": (("cautioned", "cautions", "cautioning"), "opinion"),
    "contend": (("contended", "contends"), "opinion"),
    "complain": (("complained", "complains", "complaining"), "opinion"),
    "hint": (("hinted", "hints", "hinting"), "opinion"),
    "speculate": (("speculated", "speculates"), "opinion"),
    "forecast": (("forecast", "forecasts"), "opinion"),
    "denounce": (("denounced", "denounces", "denouncing"), "opinion"),
    "decry": (("decried", "decries"), "opinion"),
    "slam": (("slammed", "slams"), "opinion"),
    "underline": (("underlined", "underlines", "underscored", "underscores"), "opinion"),
}
FORM_TO_LEMMA = {form: lemma for lemma, (forms, _) in _VERBS.items() for form in forms}
OPINION_LEMMAS = frozenset(lemma for lemma, (_, kind) in _VERBS.items() if kind == "opinion")
# Verbs whose bare present form is also a common noun or adjective; they need a clear subject.
NOUN_LIKE_FORMS = frozenset({"report", "reports", "claim", "claims", "estimate", "estimates", "say", "calls on", "calls for",
                             "notes", "post", "posted", "quotes", "promises", "pledges", "threatens", "brands", "demands", "found",
                             "fear", "fears", "dispute", "disputes", "forecast", "forecasts", "hints", "purported", "boasts",
                             "counter", "replies", "recalls", "shows", "showing", "mentions", "stress"})
DENIAL_LEMMAS = frozenset({"deny", "reject", "dispute"})

_AUXILIARIES = frozenset({"has", "have", "had"})
_AUXILIARY_ADVERBS = frozenset("also earlier previously repeatedly already long now just again both initially since further".split())
# Single-word forms are looked up word by word (faster than one big regex alternation);
# two-word forms ("called on", "according to") by their first word.
_SINGLE_FORMS = frozenset(form for form in FORM_TO_LEMMA if " " not in form)
_TWO_WORD_FORMS: dict[str, set[str]] = {}
for _first, _second in (form.split() for form in [*FORM_TO_LEMMA, "according to"] if " " in form):
    _TWO_WORD_FORMS.setdefault(_first, set()).add(_second)
_FIRST_WORDS = _SINGLE_FORMS | frozenset(_TWO_WORD_FORMS)
_PUNCTUATION = re.compile(r"[^\w\s]")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class CueMatch:
    start: int  # including an auxiliary ("has said")
    end: int
    verb: str  # the verb form, or "according to"
    verb_start: int

    @property
    def according(self) -> bool:
        return self.verb.lower() == "according to"


def find_cues(text: str) -> list[CueMatch]:
    if _FIRST_WORDS.isdisjoint(_WORD.findall(text.lower())):
        return []  # most sentences: no cue word at all
    cues = []
    words = list(_WORD.finditer(text))
    for index, word in enumerate(words):
        lower = word[0].lower()
        if lower not in _SINGLE_FORMS and lower not in _TWO_WORD_FORMS:
            continue
        end = word.end()
        following = words[index + 1] if index + 1 < len(words) else None
        if lower in _TWO_WORD_FORMS and following and following[0].lower() in _TWO_WORD_FORMS[lower] and not text[end : following.start()].strip():
            end = following.end()
        elif lower not in FORM_TO_LEMMA:
            continue
        verb = text[word.start() : end]
        start = word.start()
        if verb.lower() != "according to":
            # "has said", "have both claimed", "had initially reported": the auxiliary is part of the cue.
            back = index - 1
            while back >= 0 and words[back][0].lower() in _AUXILIARY_ADVERBS:
                back -= 1
            if back >= 0 and words[back][0].lower() in _AUXILIARIES and not _PUNCTUATION.search(text, words[back].end(), start):
                start = words[back].start()
        cues.append(CueMatch(start, end, verb, word.start()))
    return cues


# Adjuncts between a cue and its content: channels ("on Telegram", "in a statement"; a channel is not
# an intermediary) and times ("on Tuesday", "earlier this week"). Stripped one at a time.
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MEDIUM = (
    r"(?:statement|post|video|interview|address|speech|message|briefing|update|press conference|news conference|broadcast|"
    r"assessment|analysis|bulletin|report|letter|op-ed|column|filing|ruling|decree|summary|note|tweet|podcast|"
    r"comments|remarks|television|TV|social media|Telegram|X|Twitter|Facebook|Instagram|YouTube|website|account|channel|"
    r"messaging app|app|hearing|meeting|session|debate|phone call|call|rally|summit|ceremony)"
)
ADJUNCT = re.compile(
    rf"[ ,]*(?:(?:in|on|during|via|through)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w-]+\s+){{0,3}}{MEDIUM}\b(?:\s+to the nation)?"
    r"(?:\s+(?:released|issued|posted|published|sent)(?:\s+(?:on\s+)?\w+day)?)?"  # "in a statement released Friday"
    r"(?:,?\s+formerly (?:known as )?Twitter,?)?"  # "on X, formerly Twitter,"
    rf"|(?:late |early )?(?:on\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:earlier|later)\s+(?:this|last|on|in the)\s+(?:week|month|year|day|morning|evening|{_WEEKDAY})"
    rf"|(?:early |late )?(?:last|this)\s+(?:week|month|year|morning|evening|night|{_WEEKDAY})"
    r"|(?:in|at|from)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?=\s+that\b)"  # "told reporters in Geneva that"
    r"|overnight|earlier|later|previously|again|also|separately|then|further)\b(?!['’])",  # not "last week's talks"
    re.IGNORECASE,
)


def lemma_of(form: str) -> str:
    return FORM_TO_LEMMA[" ".join(form.lower().split())]
