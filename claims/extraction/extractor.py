"""Attributed claims in one passage: who said what, found by named, explainable rules.

attribution.py finds, per sentence, the source mention, the cue and the content. Here the
mentions become actors (aliases, and pronouns or short references resolved with the passage's
memory of actors, coref.py; the heading's actor answers "it said" when the body names nobody),
quoted sentences without a cue get the speaker of their quotation, and each claim gets its
numbers, dates and verification markers.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from claims.extraction import markers
from claims.extraction.actors import (
    DEMONYM, ORG_NAME_ENDINGS, PERSON_ROLES, PRONOUNS, TITLE_WORDS, actor_from, analyse_mention, is_head_noun,
    is_person_role, is_source_mention, looks_like_outlet, without_contraction,
)
from claims.extraction.attribution import Attribution, SentenceReader
from claims.extraction.contradictions import find_contradictions
from claims.extraction.coref import DOCUMENT_NAME, GENERIC_HEADS, DiscourseMemory
from claims.extraction.first_names import is_first_name
from claims.extraction.cues import OPINION_LEMMAS
from claims.extraction.dates import resolve_event_time
from claims.extraction.gazetteer import Gazetteer
from claims.extraction.inner_speech import InnerSpeech
from claims.extraction.pull_quotes import attribute_credited_quotes, attribute_pull_quotes
from claims.extraction.quantities import extract_quantities
from claims.extraction.quotes import normalise_quotes, restore_verbatim
from claims.extraction.sentences import Sentence, quoted_regions, split_sentences
from claims.extraction.types import ExtractedActor, ExtractedClaim, ExtractedQuantity, PassageExtraction, Span

EXTRACTOR_VERSION = "2026.12.2"

# Words that make a statement a prediction, demand or belief rather than a checkable fact.
_MODAL_WORDS = frozenset(
    "will would must should could might may shall need needs ought won't wouldn't can't cannot hope hopes want wants "
    "believe believes think thinks".split()
)
# Evaluations, not checkable facts ("not a good sign", "unacceptable", "the most urgent task").
_EVALUATIVE_WORDS = frozenset(
    "good bad better worse best worst important urgent crucial vital necessary essential decisive unacceptable "
    "outrageous absurd shameful disgraceful dangerous".split()
)
_LOWER_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")
_NOT_NAME_STARTS = frozenset(
    "the a an in on at after before during it this that these those there here he she they we i his her its their "
    "but and so yet meanwhile however also on over under since as while when if for from with without by".split()
)

_OPENING_PREPOSITIONS = frozenset("In On At After Before During Since While When As".split())
_CAPITALISED_RUN = re.compile(r"[A-Z][\w+&.-]*(?:\s+(?:(?:of|for|the|and)\s+)?[A-Z][\w+&.-]*)*")
_POSSESSIVE = re.compile(r"(?P<owner>.+?)(?:'s|’s|'|’)\s+\w+$")
_INDEFINITE = re.compile(r"(?:a|an|another|one|two|three|some|several|many)\s", re.IGNORECASE)
_DEFINITE = re.compile(r"(?:the|this|that)\s", re.IGNORECASE)
# "the World Travel and Tourism Council", "Council for Trade and Industry Research": one body, not two speakers.
_ONE_NAME = re.compile(
    r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|the|&|on|and)\s+)*[A-Z][\w'’-]*)*\s+(?:" + "|".join(sorted(ORG_NAME_ENDINGS)) + r")"
    r"|(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:of|for)\s+[A-Z][\w'’-]*(?:\s+(?:(?:and|&|the)\s+)*[A-Z][\w'’-]*)*"
)
# A story's dateline before its first words: "GAZA: ", "BEIRUT/THE HAGUE, March 7 (Reuters) - ", "WASHINGTON (AP) — ".
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'’ -]{1,40}(?:/[A-Z][A-Z.'’ -]{1,30})?(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([\w .]{2,30}\))?"
                       r"|\([\w .]{2,30}\))\s*[:—–-]\s+")
_CONNECTIVE = re.compile(r"(?:Meanwhile|However|But|And|Separately|Still|Elsewhere|In addition|At the same time|Earlier|Later),\s+")
_QUESTION = re.compile(r"\?[\"'”’]*\s*$")
_FURNITURE = re.compile(
    r"(?:(?:Additional |Further )?(?:[Rr]eporting|Writing|Editing|Research|Compiled|Edited|Written|Produced|Photographs?) by\b"
    r"|With (?:additional )?reporting (?:by|from)\b|(?:SOURCES?|Sources?): |Our Standards:|(?:Read|READ) (?:more|MORE)\b|Stay (?:informed|up to date|connected|tuned)\b"
    r"|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? contributed to this (?:report|story)"
    # "Peoples reported from New York and Thomson-DeVeaux from Washington.": who filed from where
    r"|[A-Z][\w'’-]+ reported from (?:[A-Z][\w'’-]*\s?)+(?:and [A-Z][\w'’-]+ from (?:[A-Z][\w'’-]*\s?)+)?\.?$)"
)
_ISSUER_HEAD = re.compile(r"ministry|office|agency|government|army|military|police|department|council|commission|committee|"
                          r"party|company|group|institute|court|embassy|mission|service|authority|authorities|union|campaign")
_SPEAKS_FOR = re.compile(r"(?:[Aa]n?\s+|[Tt]he\s+)?(?:spokesperson|spokesman|spokeswoman|representative)\s+(?:for|of)\s+(?P<body>the\s+\w+)")
_ISSUED_DOCUMENT = re.compile(
    r"(?:the|that|this|its|their)\s+(?:\w+\s+)?(?:statement|letter|announcement|memo|release|readout|communiqu\w+|post|report|"
    r"investigation|study|analysis|survey|findings)"
)
# "his office said", "according to her campaign's weekend memo": the body of the person just named speaks.
_OWN_BODY = re.compile(r"(?P<pronoun>his|her)\s+(?P<body>office|campaign|team|government|administration|party|family)"
                       r"(?:['’]s?\s+(?:[\w-]+\s+){0,2}(?:memo|statement|letter|report|post|release|readout|analysis|figures|data))?")
# The two sides named as bodies ("both armies"): still those bodies when the text names no sides.
_SIDE_BODIES = "armies|militaries|governments|countries|camps|delegations"
_NAMED_GROUP = re.compile(_SIDE_BODIES, re.IGNORECASE)
_BOTH_PEOPLE = re.compile(r"(?:both|the two)\s+(?:men|women|leaders|presidents|politicians|brothers|sisters)", re.IGNORECASE)
_BOTH_SIDES = re.compile(rf"(?:both|the two|the warring)\s+(?:sides|parties|{_SIDE_BODIES})|each side", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?P<a>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+and\s+(?P<b>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")
_COORDINATED = re.compile(r"(?P<a>.+?)\s+and\s+(?P<b>.+?)(?:\s+both)?")
_NATIONALITY = re.compile(rf"^{DEMONYM}$")
# A portfolio makes a title specific: "the interior minister" is not whoever was named last.
_PORTFOLIO = re.compile(
    r"\b(?:interior|foreign|defen[cs]e|health|finance|economy|economic|justice|energy|education|transport|agriculture|"
    r"environment|trade|culture|labou?r|home|treasury|deputy)\b",
    re.IGNORECASE,
)


# Two or three capitalised words after a lower-case word: a personal name in running text ("When Jane Roe was").
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Aa]s|[Aa]lthough|[Tt]hough|[Ss]ince|[Ii]f|[Bb]ecause|[Uu]ntil|[Oo]nce)\s+$")
_FULL_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2}\b")
# A role or title, then a personal name of two or three words: "speaker Peter Katjavivi", "Lt. Gen. Ahmed Sharif".
# A common first name and a surname, titled or not: "those of Gary Heidnik, a murderer who ...".
_GIVEN_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z][\w'’-]*){1,2}\b")
_APPOSITIVE_TITLE = re.compile(r"\b(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2}),\s+the\s+(?P<title>[\w' -]{3,60}?),")
_TITLED_NAME = re.compile(r"\b[A-Za-z][\w.-]*(?:\s+[A-Z][\w.'’-]*){2,4}\b")


def _titled_names(text: str) -> tuple[tuple[str, str], ...]:
    """(name, mention) of each person named with a title: "speaker Peter Katjavivi", "US President Donald Trump"."""
    found = []
    if not any(word in TITLE_WORDS or word.lower() in PERSON_ROLES for word in text.split()):
        return ()
    for match in _TITLED_NAME.finditer(text):
        words = match[0].split()
        titles = [i for i, word in enumerate(words[:-2]) if word in TITLE_WORDS or word.lower() in PERSON_ROLES]
        if titles and len(words) - titles[-1] - 1 >= 2:
            found.append((" ".join(words[titles[-1] + 1:]), match[0]))
    return tuple(found)


_MONTH_MAY = re.compile(r"(?<=\w )May\b|\bMay(?=\s+\d)")


def _is_opinion_wording(text: str) -> bool:
    """Modal, interrogative or evaluative wording; "could not be verified" does not count."""
    text = _MONTH_MAY.sub("", text)  # "in May 2020" is a month, not a modal
    lower = markers.UNVERIFIED.sub("", text.lower()) if markers.is_unverified(text) else text.lower()
    words = _LOWER_WORDS.findall(lower)
    return (
        "?" in lower or "have to" in lower or "has to" in lower
        or not _MODAL_WORDS.isdisjoint(words) or not _EVALUATIVE_WORDS.isdisjoint(words)
    )


@dataclass(frozen=True)
class _SentenceContext:
    """What every claim of one sentence shares."""

    quantities: tuple[ExtractedQuantity, ...]
    unverified: bool
    independent: bool
    event: tuple[datetime.date | None, str | None]


class _PassageExtractor:
    def __init__(self, text: str, heading: str | None, published_on: datetime.date | None, gazetteer: Gazetteer,
                 publisher: str | None, article: bool = False):
        self.article = article  # a whole news article read as one text (paragraphs), not one live-blog post
        self.text = text
        self.heading = heading
        self.published_on = published_on
        self.gazetteer = gazetteer
        self.publisher = publisher
        self.memory = DiscourseMemory()
        # "Darfur: ..." may name a place, not a speaker: an unknown name before a headline's colon waits for the body.
        self._tentative: list[Attribution] = []
        self._subject_person: ExtractedActor | None = None  # the person the last sentences were about
        self._relay: tuple[ExtractedActor, ExtractedActor] | None = None  # the last speaker who spoke through an outlet

    def resolve(self, mention: str, *, sentence: str = "", lookahead: list[ExtractedActor] | None = None) -> ExtractedActor | None:
        lower = without_contraction(mention.lower().strip())  # "She's slammed NATO": she
        if lower in ("he", "she"):
            # "When Jane Roe was pregnant, she posted": the person the sentence has just named, else the discourse's.
            named = self._person_earlier_in(sentence, mention, lower)
            subject = self._subject_person if self._subject_person and self.memory.fits(self._subject_person, lower) else None
            return named or subject or self.memory.pronoun(lower)
        if lower in PRONOUNS:
            return self.memory.pronoun(lower)
        through = _SPEAKS_FOR.fullmatch(mention.strip())
        if through:
            return self.resolve(through["body"], sentence=sentence, lookahead=lookahead)  # "a spokesperson for the group"
        if _ISSUED_DOCUMENT.fullmatch(lower):
            # "the statement said", "the report added": whoever issued it, the last organisation that spoke.
            return self.memory.pronoun("it")
        own = _OWN_BODY.fullmatch(lower)
        if own:
            return self._body_of(self.memory.pronoun("she" if own["pronoun"] == "her" else "he"), own["body"])
        # A bare "Defense Ministry" belongs to the country in context: the passage so far, else the sentence.
        country = (self.memory.last_country() if lookahead is None else None) or self.gazetteer.country_in(sentence)
        analysis = analyse_mention(mention, self.gazetteer, country)
        # "Klimkin" after "Pavlo Klimkin"; "a source" is nobody's surname. The article's own "Jonas Holm" comes before a
        # namesake the gazetteer knows by surname alone.
        word = analysis.name if analysis.record is None else mention.strip()
        if (analysis.kind == "person" and " " not in word and word[:1].isupper()
                and (analysis.record is None or word != analysis.name)):
            same = self.memory.surname(word)
            if same:
                return same
        indefinite = _INDEFINITE.match(mention)
        unnamed_title = analysis.record is None and not analysis.named and is_person_role(analysis.head) and not indefinite
        # "the Gaza health ministry" names a new actor; "the Estonian prime minister" may refer back.
        modifiers = [w for w in mention.split()[1:] if w[:1].isupper() and not _NATIONALITY.match(w) and not self.gazetteer.country_in(w)]
        specific = (
            " of " in mention or "'s" in mention or "’s" in mention
            or (analysis.is_description and (bool(modifiers) or bool(_PORTFOLIO.search(mention))))
        )
        definite = bool(_DEFINITE.match(mention))
        if lookahead is not None and (analysis.is_description or unnamed_title):
            antecedent = _first_matching(analysis.head, lookahead, self.gazetteer.country_in(mention))
            if antecedent:
                return antecedent
        elif not specific and ((analysis.is_description and definite) or unnamed_title):
            kinds = GENERIC_HEADS.get(analysis.head.lower()) if analysis.is_description else None
            # "OPEC+ agreed to ..., the group said": the sentence itself names who "the group" is.
            antecedent = (self._named_in(sentence, kinds) if kinds else None) or self.memory.description(analysis.head, mention)
            if antecedent:
                return antecedent
        elif definite and analysis.is_description and not modifiers and not is_person_role(analysis.head) and " of " not in mention \
                and "'s" not in mention and (same_body := self.memory.titled(_DEFINITE.sub("", mention, count=1), person=False)):
            return same_body  # "the health ministry" after "the Palestinian health ministry"
        elif definite and not analysis.named and is_person_role(analysis.head) and " of " not in mention and "'s" not in mention:
            # "the foreign minister" after "Iranian Foreign Minister Abbas Araghchi": the same title refers back.
            antecedent = self.memory.titled(_DEFINITE.sub("", mention, count=1))
            if antecedent:
                return antecedent
        return actor_from(analysis.record, analysis.name, analysis.kind, analysis.country, self.gazetteer)

    def _person_earlier_in(self, sentence: str, mention: str, pronoun: str) -> ExtractedActor | None:
        position = sentence.find(f" {mention} ")
        if position <= 0:
            return None
        for match in reversed(list(_FULL_NAME.finditer(sentence, 0, position))):
            if not _SUBORDINATOR_BEFORE.search(sentence, 0, match.start()):
                continue  # only the subject of a clause such as "When Jane Roe was ...", never an object
            analysis = analyse_mention(match[0], self.gazetteer)
            if analysis.kind == "person" and analysis.named and " " in analysis.name:
                actor = actor_from(analysis.record, analysis.name, analysis.kind, analysis.country, self.gazetteer)
                if self.memory.fits(actor, pronoun, match[0]):
                    return actor
        return None

    def _body_of(self, person: ExtractedActor | None, body: str) -> ExtractedActor | None:
        """ "Zelenskyy visited the front, his office said": the office (campaign, team ...) of the person just named,
        known by the gazetteer as "Zelenskyy's office", else named after the person."""
        if person is None:
            return None
        for owner in (person.name, person.name.split()[-1]):
            record = next(iter(self.gazetteer.candidates(f"{owner}'s {body}")), None)
            if record:
                return actor_from(record, record.name, record.kind, record.country, self.gazetteer)
        possessive = f"{person.name}'" if person.name.endswith("s") else f"{person.name}'s"  # "Kamala Harris' campaign"
        return ExtractedActor(f"{possessive} {body}", "organization", False, person.parent, person.country)

    def _named_in(self, sentence: str, kinds: set[str]) -> ExtractedActor | None:
        """The first known actor of one of these kinds that the sentence names outside quotation marks."""
        quoted = quoted_regions(sentence)
        for run in _CAPITALISED_RUN.finditer(sentence):
            if any(start <= run.start() < end for start, end in quoted):
                continue  # '"... UN personnel ...," the mission said': a name inside the quotation is not the speaker
            words = run[0].split()
            for start in range(len(words)):
                record = next((r for r in self.gazetteer.candidates(" ".join(words[start:])) if r.kind in kinds), None)
                if record:
                    return actor_from(record, record.name, record.kind, record.country, self.gazetteer)
        return None

    def run(self) -> PassageExtraction:
        sentences = split_sentences(self.text)
        heading_line = bool(self.heading) and self.text.lstrip().startswith(self.heading.strip()[:40])
        per_sentence: list[tuple[Sentence, list[Attribution]]] = []
        headline_attributions: list[tuple[Sentence, Attribution]] = []
        if self.heading and not heading_line:
            self._heading_actor_only(self.heading.strip())
        for index, sentence in enumerate(sentences):
            single_line = (index + 1 == len(sentences) or sentences[index + 1].paragraph != sentence.paragraph) and sentence.first_in_paragraph
            headline = single_line and not sentence.terminated
            is_heading = index == 0 and heading_line
            reader = SentenceReader(sentence, self.gazetteer, headline)
            # Credit lines and page furniture ("Reporting by ...", "SOURCE: News agencies") are never claims.
            # An all-capitals subheading ("NEVER SAY GOODBYE") titles a section; it quotes nobody by its verbs.
            section_title = headline and index > 0 and not any(char.islower() for char in sentence.text)
            attributions = [] if section_title or _FURNITURE.match(sentence.text) else reader.read()
            titled = _titled_names(sentence.text)  # read once: for surnames and for who "he" means next
            self._register_titled_people(sentence.text, titled)
            subject = None
            if not is_heading and not any(a.mention and a.mention[0] == 0 for a in attributions):
                subject = self._remember_subject(sentence, reader)
            for number, attribution in enumerate(attributions):
                if number and self._reported_self(sentence.text, attributions[number - 1], attribution):
                    continue
                self._resolve_attribution(sentence, attribution, defer_descriptions=is_heading)
                if is_heading:
                    headline_attributions.append((sentence, attribution))
            # Who the text is about now: the first person speaking in the sentence, else its subject. "He" in the
            # next sentence is them before anyone the sentence merely mentioned ("Trump said Lutnick told him ...").
            # "X said Y had told him ...": X, who relays Y, is who the text is about.
            people = [actor for a in attributions for actor in (a.via_actor, a.actor) if actor and a.mention]
            speaking = next((actor for actor in people if actor.kind == "person"
                             and actor.name.split()[-1][:1].isupper()), None)  # a named person, not "a Tory source"
            if not is_heading and (speaking or subject):
                self._subject_person = speaking or subject
            elif not is_heading and not attributions and (mentioned := self._only_titled_person(titled)):
                # "The memo follows a series of attacks by US President Donald Trump. He has repeatedly criticised ...":
                # the one person a sentence names with a title is who "he" means next, when nobody else spoke or acted.
                self._subject_person = mentioned
            if not attributions:
                self._remember_appositive_people(sentence.text)
            first = attributions[0] if attributions else None
            if is_heading and first and first.actor and first.actor.name.lower() not in PRONOUNS and first not in self._tentative:
                self.memory.heading_actor = first.actor
            per_sentence.append((sentence, attributions))
        self._resolve_headline_descriptions(headline_attributions, per_sentence)
        self._confirm_tentative_speakers(per_sentence)
        self._quote_continuations(per_sentence)
        InnerSpeech(self.text, self.gazetteer, self.memory, self.resolve).apply(per_sentence)
        if self.article:
            attribute_pull_quotes(per_sentence)
            attribute_credited_quotes(per_sentence, self.text, self.resolve)
        self._paragraph_cues(per_sentence)
        if heading_line and len(per_sentence) > 2 and not any(attributions for _, attributions in per_sentence[1:]):
            # "Berlin and Kyiv confirm twin city status" over a post whose sentences attribute nothing: the heading
            # announces an event the newsroom reports itself, not somebody's statement (a one-line body is no evidence).
            per_sentence[0][1].clear()
        return self._build(per_sentence)

    def _reported_self(self, text: str, speaker: Attribution, attribution: Attribution) -> bool:
        """ "Manafort said he believed ...": the "he" right after a person's cue is that person, whoever was named last."""
        if attribution.mention is None or speaker.cue is None or speaker.actor is None or speaker.actor.kind != "person":
            return False
        pronoun = text[attribution.mention[0]:attribution.mention[1]].lower()
        between = text[speaker.cue[1]:attribution.mention[0]].strip(" ,").lower()
        if pronoun not in ("he", "she") or between not in ("", "that") or not self.memory.fits(speaker.actor, pronoun):
            return False
        attribution.actor = speaker.actor
        return True

    def _heading_actor_only(self, heading: str) -> None:
        """A heading stored apart from the text still says who "it" is in the body (no claim: no spans)."""
        sentence = Sentence(0, len(heading), heading, 0, True, False, False, False)
        attributions = SentenceReader(sentence, self.gazetteer, headline=True).read()
        if attributions and attributions[0].mention:
            actor = self.resolve(heading[attributions[0].mention[0]:attributions[0].mention[1]], sentence=heading)
            if actor and actor.name.lower() not in PRONOUNS:
                self.memory.heading_actor = actor

    def _only_titled_person(self, titled: tuple[tuple[str, str], ...]) -> ExtractedActor | None:
        people = {name for name, _ in titled}
        if len(people) != 1:
            return None
        name = people.pop()
        analysis = analyse_mention(name, self.gazetteer)
        return actor_from(analysis.record, analysis.name, analysis.kind, analysis.country, self.gazetteer) if analysis.kind == "person" else None

    def _register_titled_people(self, text: str, titled: tuple[tuple[str, str], ...]) -> None:
        """People the text names with a title, speaking or not, so that their surname alone refers back to them."""
        for name, mention in titled:
            known = next((r for r in self.gazetteer.candidates(name) if r.kind == "person"), None)
            # "President Volodymyr Zelensky" is the gazetteer's Volodymyr Zelenskyy, so "Zelensky" later is too.
            person = actor_from(known, known.name, known.kind, known.country, self.gazetteer) if known else (
                ExtractedActor(name, "person", False, None, None))
            self.memory.register_person(person, mention)
        for match in _GIVEN_NAME.finditer(text):
            words = match[0].replace("’s", "").removesuffix("'s").split()
            given = next((i for i, word in enumerate(words[:-1]) if is_first_name(word)), None)  # "When Jane Roberts"
            name = " ".join(words[given:]) if given is not None else ""
            if (name and words[-1] not in ORG_NAME_ENDINGS
                    and not self.gazetteer.candidates(name) and not self.gazetteer.country_in(name)):
                self.memory.register_person(ExtractedActor(name, "person", False, None, None), name)

    def _remember_appositive_people(self, text: str) -> None:
        """ "..., as Gordon Brown, the chancellor of the exchequer, joined ...": later "the chancellor" and "Mr Brown"
        are him, though he said nothing here."""
        for match in _APPOSITIVE_TITLE.finditer(text):
            title = match["title"].split(" of ")[0].split()
            name = match["name"].split()
            while name and name[0] in TITLE_WORDS:
                name.pop(0)  # "Prime Minister Micheál Martin, the leader of ...": Micheál Martin
            if len(name) >= 2 and title and is_person_role(title[-1]) and not self.gazetteer.candidates(" ".join(name)):
                self.memory.remember(ExtractedActor(" ".join(name), "person", False, None, None), match[0])

    def _remember_subject(self, sentence: Sentence, reader: "SentenceReader") -> ExtractedActor | None:
        """The person a sentence is about ("Klimkin was speaking as ..., analysts expect ...") is who "he" means next."""
        first_word = sentence.text.split(" ", 1)[0]
        # "At the debate on Tuesday, Connolly was asked ...": after an opening phrase, the subject follows its comma.
        opening_phrase = first_word in _OPENING_PREPOSITIONS and ", " in sentence.text[:80]
        # "A consultant from the hospital has been giving a press conference. He says ...": someone new, described.
        second_word = sentence.text.split(" ", 2)[1] if " " in sentence.text else ""
        described = first_word in ("A", "An") and is_person_role(second_word)
        if not first_word[:1].isupper() or (first_word.lower() in _NOT_NAME_STARTS and first_word != "The"
                                            and not opening_phrase and not described):
            return None  # cheap test first: most sentences open with neither a name nor "The ministry"
        subject = reader.main_subject(len(sentence.text))
        if not subject:
            return None
        mention = sentence.text[subject[0]:subject[1]]
        if mention.lower() in PRONOUNS:
            return None
        analysis = analyse_mention(mention, self.gazetteer)
        if first_word == "The" and analysis.kind == "person":
            return None  # "The minister ...": a role, read where it speaks
        if analysis.kind != "person" and (analysis.record or _ISSUER_HEAD.fullmatch(analysis.head.lower())):
            # "The Karsk foreign ministry issued a statement." Then "The statement said" and "It said" are the ministry.
            # "The Russian ministry said" after "the Russian Defence Ministry": a description refers back first.
            organisation = (self.resolve(mention, sentence=sentence.text) if analysis.is_description else None) or actor_from(
                analysis.record, analysis.name, analysis.kind, analysis.country, self.gazetteer)
            self.memory.remember(organisation, mention)
            return None
        if described and analysis.kind == "person":
            return actor_from(None, analysis.name, "person", analysis.country, self.gazetteer)
        if analysis.kind != "person" or not analysis.named:
            return None
        actor = self.memory.surname(analysis.name) if analysis.record is None and " " not in analysis.name else None
        if actor is None and (analysis.record or " " in analysis.name):
            actor = actor_from(analysis.record, analysis.name, analysis.kind, analysis.country, self.gazetteer)
        if actor:
            self.memory.remember(actor, mention)
        return actor

    def _resolve_attribution(self, sentence: Sentence, attribution: Attribution, *, defer_descriptions: bool = False) -> None:
        text = sentence.text
        if attribution.mention is None:
            return
        mention = text[attribution.mention[0]:attribution.mention[1]]
        if _BOTH_SIDES.fullmatch(mention):
            if self._resolve_sides(attribution, self.text[:sentence.start], text):
                return
            if not _NAMED_GROUP.search(mention):
                attribution.mention = None  # "both sides" that no context names are nobody in particular
                return
            # "Both armies" that no context names are still armies: read on as any other mention.
        if _BOTH_PEOPLE.fullmatch(mention) and (people := self.memory.sides(people=True)):
            attribution.actor = people[0]  # "The two men spoke of how ...": both of the last two people named
            attribution.extra_actors.append((attribution.mention, people[1]))
            return
        whole = analyse_mention(mention, self.gazetteer) if " and " in mention else None
        # "Works and Housing Minister Francis Asenso-Boakye": one person whose title holds an "and".
        coordinated = _COORDINATED.fullmatch(mention) if whole and not (whole.kind == "person" and whole.named
                                                                          and " " in whole.name) else None
        if coordinated:
            first, second = self.gazetteer.candidates(coordinated["a"]), self.gazetteer.candidates(coordinated["b"])
            if first and second:
                self._two_speakers(attribution, coordinated,
                                   actor_from(first[0], first[0].name, first[0].kind, first[0].country, self.gazetteer),
                                   actor_from(second[0], second[0].name, second[0].kind, second[0].country, self.gazetteer))
                return
            if re.fullmatch(r"(?:some\s+|many\s+)?others?(?:\s+\w+)?", coordinated["b"]):
                # "The official and others say": the one named speaks for the rest.
                attribution.mention = (attribution.mention[0], attribution.mention[0] + len(coordinated["a"]))
                mention = coordinated["a"]
            elif not (first or second) and not _ONE_NAME.fullmatch(mention) and all(
                    is_source_mention(part, self.gazetteer, strict=False) and len(part.split()) <= 4
                    for part in (coordinated["a"], coordinated["b"])):
                # "Police and residents said": two sources, one claim each.
                a, b = self.resolve(coordinated["a"], sentence=text), self.resolve(coordinated["b"], sentence=text)
                if a and b:
                    self._two_speakers(attribution, coordinated, a, b)
                    return
            if first and re.match(r"(?:its|his|her|their)\s", coordinated["b"]):
                # "Kyiv and its allies say": the named actor speaks for the group.
                attribution.mention = (attribution.mention[0], attribution.mention[0] + len(coordinated["a"]))
                mention = coordinated["a"]
        attribution.actor = self.resolve(mention, sentence=text) if not defer_descriptions else self._resolve_heading_mention(mention, text)
        interview = text[attribution.mention[1]:attribution.content[0]].strip() != ":"  # "Klimkin to DW: ..."
        if (attribution.rule == "headline_colon" and attribution.actor and not attribution.actor.known
                and not interview and analyse_mention(mention, self.gazetteer).named):
            self._tentative.append(attribution)
            return
        if attribution.actor:
            remembered = text[attribution.memory_mention[0]:attribution.memory_mention[1]] if attribution.memory_mention else mention
            self.memory.remember(attribution.actor, remembered)
            if attribution.via is None and mention.lower() in PRONOUNS and self._relay and self._relay[0] == attribution.actor:
                # "X told the AP ... He noted that ...": the same interview, the same relay.
                attribution.via_actor = self._relay[1]
        via_mention = text[attribution.via[0]:attribution.via[1]].lower() if attribution.via else ""
        if via_mention in ("him", "her"):
            # "Local residents told him ...": the reporter the text named relays what they heard.
            attribution.via_actor = self.memory.last_journalist()
            return
        if attribution.via:
            via_actor = self.resolve(text[attribution.via[0]:attribution.via[1]])
            # "told DW" or "in an interview with DW" in DW's own article is first-hand; "told Reuters" relays
            # through Reuters, "told reporters" through nobody.
            # "told Ukrainian television": an outlet nobody named relays nothing a reader could trace.
            unnamed = via_actor is not None and not via_actor.known and all(
                word[:1].islower() or _NATIONALITY.match(word) for word in via_actor.name.split()[1:]) and (
                _NATIONALITY.match(via_actor.name.split()[0]) or via_actor.name[:1].islower())
            outlet = via_actor is not None and (
                via_actor.kind == "media" or looks_like_outlet(text[attribution.via[0]:attribution.via[1]], self.gazetteer))
            if outlet and via_actor.kind != "media" and not via_actor.known:
                via_actor = replace(via_actor, kind="media")  # "the Dunmore Gazette" is an outlet, not a person
            if (attribution.lemma == "tell" and (not outlet or unnamed)) or (via_actor and via_actor.name == self.publisher):
                attribution.via = None
                via_actor = None
            attribution.via_actor = via_actor
            if via_actor and attribution.actor:
                self._relay = (attribution.actor, via_actor)
            if via_actor and via_actor.kind != "media":
                # "The mediator's office said both delegations had confirmed ...": the office was named; "the office"
                # later is it.
                self.memory.remember(via_actor, text[attribution.via[0]:attribution.via[1]])

    def _two_speakers(self, attribution: Attribution, coordinated: re.Match, a: ExtractedActor, b: ExtractedActor) -> None:
        """ "X and Y said": one claim each, the mention of each its own words."""
        attribution.actor = a
        attribution.mention = (attribution.mention[0], attribution.mention[0] + len(coordinated["a"]))
        b_start = attribution.mention[0] + coordinated.start("b")
        attribution.extra_actors.append(((b_start, b_start + len(coordinated["b"])), b))
        self.memory.remember(a, coordinated["a"])
        self.memory.remember(b, coordinated["b"])

    def _resolve_sides(self, attribution: Attribution, before: str, sentence: str = "") -> bool:
        """ "Both sides reported ...": the two the sentence itself names ("the fighting between Israel and Hamas, but
        both sides ..."); else one claim for each of the two actors the passage named last; else the governments of
        the first two countries the passage (its heading included) named before the sentence, the parties its story
        is framed around ("Ukraine: ... Russia's isolation ... Meanwhile, both sides reported"); none if it named
        fewer, since guessing the sides would put words in someone's mouth."""
        between = _BETWEEN.search(sentence)
        named = [self.resolve(between[side], sentence=sentence) for side in ("a", "b")] if between else []
        sides = tuple(named) if len(named) == 2 and all(named) and named[0] != named[1] else self.memory.sides()
        if sides is None:
            context = f"{self.heading}\n{before}" if self.heading and not before.lstrip().startswith(self.heading.strip()[:40]) else before
            countries = [actor_from(record, record.name, record.kind, record.country, self.gazetteer)
                         for country in self.gazetteer.countries_named(context)[:2]
                         if (record := self.gazetteer.get(self.gazetteer.government_of(country)))]
            sides = tuple(countries) if len(countries) == 2 else None
        if sides is None:
            return False
        attribution.actor = sides[0]
        attribution.extra_actors.append((attribution.mention, sides[1]))
        return True

    def _resolve_heading_mention(self, mention: str, sentence: str) -> ExtractedActor | None:
        # "Russia says it repelled attack — Defense Ministry": the headline's own country settles a generic name.
        country = self.gazetteer.country_in(sentence)
        analysis = analyse_mention(mention, self.gazetteer, country)
        if analysis.record:
            return actor_from(analysis.record, analysis.name, analysis.kind, analysis.country, self.gazetteer)
        # "Port authority: ...", "Aid group says ...": a headline capitalises a description; the body names it.
        if analysis.record or not (analysis.is_description or is_person_role(analysis.head) or is_head_noun(analysis.head)):
            return self.resolve(mention, sentence=sentence)
        return None  # resolved after the body has named its actors

    def _resolve_headline_descriptions(self, headline_attributions, per_sentence) -> None:
        body_actors = [actor for s, attributions in per_sentence for f in attributions if (s, f) not in headline_attributions
                       for actor in (f.via_actor, f.actor) if actor]
        for sentence, attribution in headline_attributions:
            if attribution.actor is None and attribution.mention:
                mention = sentence.text[attribution.mention[0]:attribution.mention[1]]
                attribution.actor = self.resolve(mention, sentence=sentence.text, lookahead=body_actors)

    def _confirm_tentative_speakers(self, per_sentence: list[tuple[Sentence, list[Attribution]]]) -> None:
        """An unknown speaker-colon headline stands when the passage names that person; else it names a topic."""
        if not self._tentative:
            return
        people = [f.actor for _, attributions in per_sentence for f in attributions
                  if f.actor and f.actor.kind == "person" and f not in self._tentative]
        for sentence, attributions in per_sentence:
            for attribution in [f for f in attributions if f in self._tentative]:
                mention = sentence.text[attribution.mention[0]:attribution.mention[1]]
                named = next((actor for actor in people if actor.name.split()[-1] == mention.split()[-1]), None)
                if named:
                    attribution.actor = named
                else:
                    attributions.remove(attribution)

    def _paragraph_cues(self, per_sentence: list[tuple[Sentence, list[Attribution]]]) -> None:
        """ "About 30 seconds later there was a burst of 25 shots. Then came three more, TNO said.": a cue closing a
        paragraph ("..., X said.") covers the uncued sentence just before it in that paragraph."""
        by_paragraph: dict[int, list[tuple[Sentence, list[Attribution]]]] = {}
        for sentence, attributions in per_sentence:
            by_paragraph.setdefault(sentence.paragraph, []).append((sentence, attributions))
        for rows in by_paragraph.values():
            last_sentence, closing = rows[-1]
            # A closing quotation ('"I've devoted my life to it," she said.') is its own statement, not a report that
            # sums up the sentences before it.
            cue = next((f for f in closing if f.rule in ("source_last", "inverted") and f.actor and f.mention
                        and last_sentence.text[f.content[0]:f.content[0] + 1] not in "\"\u201c\u2018'"
                        and not last_sentence.text[f.cue[1] if f.cue else f.mention[1]:].strip(" .,\"'”’")), None)
            if cue is None or len(rows) < 2:
                continue
            sentence, attributions = rows[-2]  # the account the cue closes, not the paragraph's narration before it
            if not attributions and sentence.terminated and not _QUESTION.search(sentence.text):
                attributions.append(Attribution(None, None, cue.cue_text, cue.lemma, (0, len(sentence.text)), "paragraph_cue",
                                                actor=cue.actor, via_actor=cue.via_actor))

    def _quote_continuations(self, per_sentence: list[tuple[Sentence, list[Attribution]]]) -> None:
        """Quoted sentences with no cue belong to the speaker of their quotation; so does "it is said" right after a claim."""
        last_speaker: ExtractedActor | None = None
        last_via: ExtractedActor | None = None
        for index, (sentence, attributions) in enumerate(per_sentence):
            impersonal = [f for f in attributions if f.rule == "impersonal"]
            if impersonal:
                previous_sentence, previous = per_sentence[index - 1] if index else (None, [])
                speaker = next((f.actor for f in reversed(previous) if f.actor), None)
                same_paragraph = previous_sentence is not None and previous_sentence.paragraph == sentence.paragraph
                for attribution in impersonal:
                    attribution.actor = speaker if same_paragraph else None
                attributions[:] = [f for f in attributions if f.actor or f.mention]
            if attributions:
                # Who speaks on in a quotation: a speaker, not a document ("according to his LinkedIn page").
                speakers = [f for f in attributions if f.actor and (f.rule != "according_to" or not DOCUMENT_NAME.search(f.actor.name))]
                if speakers:
                    last_speaker, last_via = speakers[-1].actor, speakers[-1].via_actor
                continue
            # The whole sentence is quoted speech (not a sentence that merely starts with a quoted name).
            starts_quoted = sentence.text[:1] in "\"\u201c" and (
                sentence.ends_inside_quote or sentence.text.rstrip(" .!?")[-1:] in "\"\u201d")  # '“... falling”.' too
            quoted = sentence.opens_inside_quote or starts_quoted
            if not quoted or last_speaker is None and not sentence.ends_inside_quote:
                continue
            speaker, via = last_speaker, last_via
            if sentence.ends_inside_quote:
                for later, later_attributions in per_sentence[index + 1 :]:
                    if later.paragraph != sentence.paragraph:
                        break
                    if later_attributions and later_attributions[0].actor:
                        speaker, via = later_attributions[0].actor, later_attributions[0].via_actor
                        break
            if speaker is None:
                continue
            content = (0, len(sentence.text))
            # The quotation goes on: whoever relayed its first words ("told the AP") relays the rest.
            attributions.append(Attribution(None, None, "quote", None, content, "quote_continuation", actor=speaker, via_actor=via))

    def _build(self, per_sentence: list[tuple[Sentence, list[Attribution]]]) -> PassageExtraction:
        claims: list[ExtractedClaim] = []
        lemmas: list[str | None] = []
        previous_claim_indexes: list[int] = []
        disclaimers: list[str] = []  # what the newsroom's own "could not verify" sentences are about
        for sentence, attributions in per_sentence:
            offset = sentence.start
            kept: list[Attribution] = []
            seen: set[str] = set()
            for attribution in attributions:
                if attribution.actor is None and attribution.mention is None:
                    continue
                key = attribution.actor.name if attribution.actor else sentence.text[attribution.mention[0]:attribution.mention[1]]
                if key in seen:
                    continue
                seen.add(key)
                kept.append(attribution)
            unverified = markers.is_unverified(sentence.text)
            marker_subject = markers.marker_subject(sentence.text) if unverified else None
            if unverified and (not kept or marker_subject is not None):
                owned = False
                if self._is_newsroom(marker_subject):
                    disclaimers.append(markers.disclaimer_object(sentence.text) or "")
                    # "... could not verify the ministry's comments" names whose claims it covers, not the last ones.
                    owned = markers.statement_owner(disclaimers[-1]) is not None
                for index in [] if owned else self._marker_targets(marker_subject or "", sentence, claims, previous_claim_indexes):
                    claims[index] = replace(claims[index], unverified=True)
                if marker_subject is not None:
                    continue  # the marker sentence itself asserts nothing
            sentence_indexes = []
            if kept:
                context = _SentenceContext(
                    quantities=extract_quantities(sentence.text, offset),
                    unverified=unverified,
                    independent=markers.is_independent(sentence.text),
                    event=resolve_event_time(sentence.text, self.published_on),
                )
            for attribution in kept:
                for mention_span, actor in [(attribution.mention, attribution.actor), *attribution.extra_actors]:
                    claims.append(self._claim(sentence, attribution, mention_span, actor, context, kept))
                    lemmas.append(attribution.lemma)
                    sentence_indexes.append(len(claims) - 1)
            if sentence_indexes:
                previous_claim_indexes = sentence_indexes
        for index in self._disclaimed(disclaimers, claims):
            claims[index] = replace(claims[index], unverified=True)
        return PassageExtraction(tuple(claims), find_contradictions(claims, lemmas))

    def _is_newsroom(self, subject: str | None) -> bool:
        """ "Reuters could not independently verify ...", "We could not confirm ...", "It was not possible to verify":
        the newsroom itself disclaims what it reports, not one speaker's statement."""
        if subject is None:
            return False
        subject = subject.strip()
        if subject.lower() in ("we", "it", "it was", "it is", "there", "there was", "the outlet"):
            return True
        if not subject[:1].isupper():
            return False
        return (subject.removeprefix("The ") == self.publisher or looks_like_outlet(subject, self.gazetteer)
                or analyse_mention(subject, self.gazetteer).kind == "media")

    def _disclaimed(self, disclaimers: list[str], claims: list[ExtractedClaim]) -> list[int]:
        """A newsroom's disclaimer covers, anywhere in the story (headline included), the reported factual claims it
        is about: all of them for "the reports", else those sharing a pair of content words with what it names, and
        the rest of the same speaker's account in that paragraph ("... a burst of shots from a machine gun. Then
        three more shots, TNO said.")."""
        targets: set[int] = set()
        for words in disclaimers:
            generic = markers.is_generic_object(words)
            bigrams = markers.content_bigrams(words)
            targets.update(
                index for index, claim in enumerate(claims)
                if claim.kind == "fact" and (generic or bigrams & markers.content_bigrams(claim.sentence))
            )
            targets.update(self._owned_by(markers.statement_owner(words), claims))
        accounts = {(self._paragraph_of(claims[index]), claims[index].actor) for index in targets}
        targets.update(index for index, claim in enumerate(claims) if (self._paragraph_of(claim), claim.actor) in accounts)
        return sorted(targets)

    def _owned_by(self, owner: str | None, claims: list[ExtractedClaim]) -> list[int]:
        """ "Reuters could not verify the ministry's comments": every claim of the ministry, and a headline that gives
        them to its government ("Russia says it downed six drones")."""
        actor = self.resolve(owner) if owner else None
        if actor is None:
            return []
        headline_end = self.text.find("\n") if self.heading else 0
        return [index for index, claim in enumerate(claims) if claim.actor and claim.actor.name.lower() == actor.name.lower() or (
            claim.sentence_span.start < headline_end and claim.actor and claim.actor.kind == "government"
            and actor.country and claim.actor.country == actor.country)]

    def _paragraph_of(self, claim: ExtractedClaim) -> int:
        return self.text.count("\n", 0, claim.sentence_span.start)

    def _marker_targets(self, subject: str, sentence: Sentence, claims: list[ExtractedClaim], previous: list[int]) -> list[int]:
        """The claims a verification marker qualifies: those of the actor it names ("The rebels' claims"), all of
        the passage's so far for "neither"/"both" (a live-blog post puts each side's claim in a paragraph of its
        own), else those of the last sentence with claims."""
        first_word = subject.split(" ", 1)[0].lower()
        if first_word in ("neither", "both", "none", "either"):
            return list(range(len(claims))) or previous
        last_word = subject.rsplit(" ", 1)[-1].lower()
        if first_word in ("the", "these", "those", "such") and last_word.endswith("s") and not _POSSESSIVE.match(subject):
            # "The claims could not be independently verified": every claim of the post, not only the last one; in an
            # article, which is one long discourse, every claim of the paragraph.
            if self.article:
                paragraph_start = self.text.rfind("\n", 0, sentence.start) + 1
                same = [i for i, claim in enumerate(claims) if claim.sentence_span.start >= paragraph_start]
                if same or not previous:
                    return same
                # A marker standing as its own paragraph covers the paragraph of claims before it.
                previous_start = self.text.rfind("\n", 0, claims[previous[0]].sentence_span.start) + 1
                return [i for i, claim in enumerate(claims) if claim.sentence_span.start >= previous_start]
            return list(range(len(claims))) or previous
        possessive = _POSSESSIVE.match(subject)
        if possessive:
            actor = self.resolve(possessive["owner"], sentence=sentence.text)
            named = [i for i, claim in enumerate(claims) if actor and claim.actor == actor]
            return named or previous
        return previous

    def _claim(self, sentence: Sentence, attribution: Attribution, mention_span, actor, context: "_SentenceContext", kept) -> ExtractedClaim:
        offset = sentence.start
        text = sentence.text
        content_start, content_end = attribution.content
        lead = (_DATELINE.match(text) or _CONNECTIVE.match(text)) if content_start == 0 else None
        if lead and lead.end() < content_end:
            # "GAZA: At least 16 people were killed ..., the ministry said"; "Meanwhile, missiles struck ...": the claim
            # starts after the dateline or the connective.
            content_start = lead.end()
        excluded = [s for s in (mention_span, attribution.cue, attribution.via) if s]
        # Another speaker's statement is not this one's, unless this one restates it ("X claims ..., Y denies").
        others = [other.content for other in kept if other is not attribution and other.content != attribution.content]
        quantities = tuple(
            q for q in context.quantities
            if not any(a <= q.span.start - offset < b for a, b in excluded)
            and (content_start <= q.span.start - offset < content_end or not any(a <= q.span.start - offset < b for a, b in others))
        )
        content_text = text[content_start:content_end]
        # A sentence that is nothing but a quotation and gives no number is usually a view, not a report.
        bare_quote = attribution.rule == "quote_continuation" and not quantities
        kind = "opinion" if (attribution.lemma in OPINION_LEMMAS or bare_quote or _is_opinion_wording(content_text)) else "fact"
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
            cue=attribution.cue_text,
            cue_span=Span(offset + attribution.cue[0], offset + attribution.cue[1]) if attribution.cue else None,
            via=attribution.via_actor,
            via_mention=text[attribution.via[0]:attribution.via[1]] if attribution.via and attribution.via_actor else None,
            quantities=quantities,
            kind=kind,
            unverified=context.unverified,
            independent_estimate=context.independent,
            asserted_on=self.published_on,
            event_date=event_date,
            event_time_text=event_text,
            rule=attribution.rule,
        )


_FOREIGN = re.compile(rf"\b{DEMONYM}\b")


def _first_matching(head: str, actors: list[ExtractedActor], country: str | None = None) -> ExtractedActor | None:
    stem = head.lower()[:6]
    if country:
        # "Pakistani official says ...": never the Indian official the body also quotes.
        actors = [actor for actor in actors if actor.country in (None, country) and (country in actor.name or not _FOREIGN.search(actor.name))]
    for actor in actors:
        if stem and stem in actor.name.lower():
            return actor
    if is_person_role(head):
        return next((actor for actor in actors if actor.kind == "person"), None)
    if is_head_noun(head):
        # "Aid group: 40 families evacuated" over a body where the Red Lantern Society speaks.
        return next((actor for actor in actors if actor.kind not in ("person", "government", "media")), None)
    return None


def extract_passage(
    text: str,
    *,
    heading: str | None = None,
    published_on: datetime.date | None = None,
    gazetteer: Gazetteer | None = None,
    publisher: str | None = None,
    article: bool = False,
) -> PassageExtraction:
    """Attributed claims in text; all spans are offsets into text.

    publisher is the canonical name of the outlet the passage comes from: "told <publisher>" is
    first-hand, so the publisher is never recorded as an intermediary. article says the text is a whole news
    article (extract_document joins its paragraphs), so a plural marker covers its paragraph, not the text.
    """
    readable = normalise_quotes(text)
    heading = normalise_quotes(heading) if heading and readable is not text else heading  # read as the text reads it
    extraction = _PassageExtractor(readable, heading, published_on, gazetteer or Gazetteer.default(), publisher, article).run()
    if readable is text:
        return extraction
    return replace(extraction, claims=tuple(restore_verbatim(claim, text) for claim in extraction.claims))
