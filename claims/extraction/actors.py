"""Source mentions: is a phrase a plausible source, and which actor does it name?"""
from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extraction.cues import FORM_TO_LEMMA, MEDIUM
from claims.extraction.first_names import is_first_name
from claims.extraction.gazetteer import ActorRecord, Gazetteer
from claims.extraction.types import ExtractedActor

PRONOUNS = {"he": "person", "she": "person", "it": "organization", "they": "group", "we": "group"}
# Words that head a description of a person ("the governor", "Defense Minister").
PERSON_ROLES = frozenset(
    "president minister governor mayor chancellor general commander spokesman spokeswoman spokesperson chief secretary "
    "ambassador leader head director politician diplomat lawmaker senator congressman official envoy premier king queen "
    "prince nominee candidate critic ex-general source adviser advisor aide deputy representative prosecutor judge "
    "lawyer analyst expert researcher investigator officer soldier commander-in-chief founder ceo chairman chairwoman "
    "chair captain colonel lieutenant admiral marshal mother father woman man witness resident doctor survivor victim "
    "activist journalist correspondent reporter economist scientist negotiator mediator monitor observer pope cleric "
    "coach manager pastor bishop rabbi imam sheriff professor teacher engineer historian commissioner paramedic "
    "medic peacekeeper meteorologist ombudsman speaker protester protester campaigner poster user neighbour neighbor "
    "lieutenant-general councillor councilor attorney trooper detective constable inspector firefighter superintendent "
    "consultant surgeon nurse midwife pharmacist physician".split()
)
# Words that head a description of an organisation or a group.
ORG_HEADS = frozenset(
    "ministry office agency government military army navy prosecution department council commission service police court "
    "company group organization organisation watchdog alliance bloc media outlet newspaper broadcaster forces authorities "
    "officials prosecutors analysts experts investigators groups allies sources administration parliament cabinet kremlin "
    "command staff embassy mission institute monitors observers residents witnesses doctors researchers scientists "
    "lawmakers legislators spokespeople campaigners activists airline operator regulator committee union party "
    "militia militias rebels separatists insurgents fighters guerrillas junta regime coalition federation association "
    "network channel station website portal blogger bloggers firm operator utility hospital school university force "
    "guard brigade battalion regiment unit headquarters sides parties intelligence services agencies centre center bureau "
    "directorate inspectorate observatory ministries governments companies firms operators insurers rescuers medics "
    "paramedics bank opposition presidency people "
    "investigation report study survey analysis estimates figures data statement agency's research poll memo posts video "
    "footage records documents filings men women".split()
)
TITLE_WORDS = frozenset(w.capitalize() for w in PERSON_ROLES) | frozenset(
    "Foreign Defense Defence Prime Interior Finance Economy Justice Health Deputy Former Interim Acting Regional State "
    "Supreme Secretary-General Commander-in-Chief President-elect Vice Chief Press Security Lt. Gen. Col. Maj. Sgt. Adm. "
    "Mr. Mrs. Ms. Dr. Sen. Rep. Gov. Prof. Pope Sir Ex-general Military Intelligence National "
    "Sheikh Sheik Emir Crown Princess Lord Dame Rev. Mr Mrs Ms Dr Datuk Dato Dato' Datin Tan Sri Seri Tun Tunku Tengku".split()
)
_BODY_OF = re.compile(r"(?:[A-Z][\w'’-]*\s+)*(?P<ending>[A-Z][\w'’-]*)\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'’-]*"
                      r"(?:\s+(?:(?:and|&|of|for|the)\s+)*[A-Z][\w'’-]*)*")
_SURNAMED = re.compile(r"(?i:an?|the|one)\s+[^,]{0,40}?\b(?i:surnamed|named|identified(?: only)? as|known(?: only)? as|"
                       r"who gave (?:only )?(?:her|his|their) name as)\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")
_PROGRAMME_OF = re.compile(r"(?:the\s+)?(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)['’]s\s+(?:[A-Z][\w&'’-]*\s+){0,3}"
                           r"(?:programme|program|show|podcast|bulletin)")
_AFFILIATE = re.compile(r"(?:(?:its|the)\s+)?(?:[A-Z][\w&-]*\s+)?(?:affiliate|sister station|sister network|sister paper|"
                        r"sister publication)\s+(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)")
_TO_TAKERS = frozenset("close closer near loyal linked related".split())
_OBJECT_DETERMINERS = frozenset("the a an his her its their this that these those".split())
_HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Mr. Mrs. Ms. Dr. Sir Dame Lady Lord".split())
# Lower-case particles inside personal names ("Abdulaziz bin Salman", "Ruben van der Meer", "Mohammed al-Sudani").
_NAME_PARTICLES = frozenset("bin bint ibn ben abu van von der den de del della di da dos das du la le al el ter ten".split())
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ad-din)-[A-Z]")
ORG_NAME_ENDINGS = frozenset(
    "Ministry Office Council Agency Department Service Forces Army Navy Times Post Guardian Institute Group Committee "
    "Commission Parliament Court Bank Company Union Organization Organisation News Media Party Corporation Police Command "
    "Staff Administration University Force Guard Fund Program Programme Observatory Watch International Kremlin Pentagon "
    "Affairs Rights Studies Relations Services Authority Directorate Bureau Centre Center Foundation Movement Society "
    "Association Alliance Federation Coalition Network Trust Club League Initiative Project Campaign Board Corps".split()
)
_MEDIA_NAME = re.compile(
    r"\b(?:news agency|media group|newspaper|broadcaster|daily|weekly|magazine|news outlet|news site|TV channel|TV|television|radio station)$",
    re.IGNORECASE,
)
# "Several of the experts" are experts: a quantifier names no actor of its own.
_DETERMINERS = re.compile(
    r"^(?:(?:several|some|many|most|all|both|each|none|one|two|three|four|five|few)\s+of\s+(?:the|these|those)\s+"
    r"|(?:the|a|an|another|one|some|two|both)\s+)",
    re.IGNORECASE,
)
# "one of the survivors" is one survivor, a person: not the group, and not a new body called "survivors".
_ONE_OF_MANY = re.compile(
    r"(?:one|each|either|neither)\s+of\s+(?:the|these|those|its|his|her|their|our)\s+(?P<plural>[a-z][\w-]*(?:s|men|people))$",
    re.IGNORECASE,
)
# An online handle ("acebush1", "@kyivindependent", "u/throwaway_22"): a speaker with no name or gender of record.
_HANDLE = re.compile(r"@\w{2,}|u/[\w-]{3,}|[A-Za-z][a-z]{2,}[a-z_]*\d+[a-z0-9_]*")
_IRREGULAR_SINGULAR = {"men": "man", "women": "woman", "people": "person"}
_INTRO_WORDS = re.compile(
    r"(?:(?:and|but|so|yet|or|meanwhile|however|also|now|instead|separately|earlier|later|still|then|in turn|in addition|"
    r"moreover|furthermore|elsewhere|previously|initially|finally|thus|therefore)\b[,\s]*)+",
    re.IGNORECASE,
)
# A time before the subject with no comma ("On Monday the ministry said", "Late on Sunday officials said").
_DAY_OR_MONTH = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|weekend|Today|today|Tonight|tonight|Yesterday|yesterday)"
)
_LEADING_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+(?=[A-Z][a-z])")
_LEADING_TIME = re.compile(
    rf"(?:(?:[Ll]ate|[Ee]arly|[Ee]arlier|[Ll]ater)\s+)?(?:[Oo]n|[Ii]n|[Aa]t|[Oo]ver|[Dd]uring|[Bb]y|[Ss]ince|[Tt]his|[Ll]ast|[Uu]ntil)\s+"
    rf"(?:the\s+)?(?:\d{{1,2}}\s+)?{_DAY_OR_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:\s+(?:morning|afternoon|evening|night))?[\s,]+"
    rf"|{_DAY_OR_MONTH}(?:\s+(?:morning|afternoon|evening|night))?,\s*"
    r"|(?:[Oo]vernight|[Tt]oday|[Yy]esterday|[Tt]onight|(?:[Tt]his|[Ll]ast)\s+(?:week|month|year|morning|afternoon|evening|night))[\s,]+"
)
_TRAILING_ADVERBS = re.compile(
    r"(?:[\s,]+(?:also|earlier|previously|further|later|again|initially|repeatedly|separately|reportedly|then|just|now|"
    r"already|recently|originally|particularly|both|itself|himself|herself|themselves|alone|too|once|first|immediately|"
    r"publicly|privately|openly|officially|subsequently|quickly|last \w+|this \w+|on \w+day))+$",
    re.IGNORECASE,
)
_VERBISH = frozenset(
    "is are was were be been being will would can could should may might must do does did not no has have had "
    "to who which that when where held met gave made took sent went came left got put set kept brought began fought won "
    "lost saw became ran spoke flew led attacked killed destroyed downed hit struck launched".split()
)
_ADVERB = re.compile(r"[a-z]+ly|also|earlier|later|then|again|now|still|yet|once|first|already|previously|recently|meanwhile")
_FUNCTION_WORDS = frozenset("the a an this that these those his her its their our some any no such".split())
_PREPOSITIONS = frozenset(
    "in on at for from by during after before since until into onto over under about against between among through "
    "without within across toward towards amid despite following like unlike of to as".split()
)
# "the opposition party Fidesz", "the think tank Bruegel": a lower-case description, then the proper name it describes.
_ROLE_THEN_NAME = re.compile(r"\b(?P<role>[a-z][a-z-]*)\s+[A-Z][\w'’.&+-]*(?:\s+[A-Z][\w'’.&+-]*){0,3}(?:\s+[a-z]{3,})?$")
_DESCRIBED_NAME = re.compile(r"^(?:[\w'’.-]+\s+)*?(?P<head>[a-z][a-z-]*)\s+(?P<name>[A-Z][\w'’.&+-]*(?:\s+(?:[A-Z][\w'’.&+-]*|of|for|the|and|on|am|de|der|du|la|le))*(?:\s+(?P<tail>[a-z]{3,}))?)$")
# "the CTK news agency", "Iran's semi-official Tasnim news agency": the outlet's own name before its kind.
_NAMED_OUTLET = re.compile(r"(?:^|\s)(?P<name>(?!(?:The|A|An|This|That|Its|Their)\s)(?:[A-Z][\w&'’.-]*|[a-z]{2,4}(?=\s+news agency))(?:\s+[A-Z][\w&'’.-]*)*)\s+(?:state\s+)?(?:news agency|newspaper|broadcaster|daily|weekly|magazine|TV channel|news channel|news network|network|channel|TV|television|radio station)$")
_DESCRIPTION_HEADS = ORG_HEADS | frozenset("tank charity body movement organisation organization ngo platform initiative weekly daily magazine tabloid".split())
_INVESTIGATION_BY = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:\w+\s+){0,2}(?:investigation|inquiry|probe|poll|report|study|survey|analysis|review|statement|audit|assessment|estimate|estimates|figures|data|count|tally|transcript|readout|recording)\s+(?:(?:into|on|about)\s+[^,]{1,40}?\s+)?(?:(?:published|issued|released|posted|put out)\s+)?(?:by|from|of)\s+(?P<actor>.+)$",
    re.IGNORECASE,
)


# "Insurance analysts at Morningstar DBRS", "doctors at Nasser Hospital": the institution speaks through its staff.
_STAFF_AT = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,2}(?:analysts|economists|experts|researchers|scientists|strategists|officials|doctors|"
    r"engineers|staff|spokespeople)\s+at\s+(?P<actor>[A-Z].*)$"
    # "a spokesperson for the group", "a representative of Oxfam": the body speaks through them
    r"|^(?:an?\s+|the\s+)?(?:spokesperson|spokesman|spokeswoman|representative)\s+(?:for|of)\s+(?P<body>(?:the\s+|[A-Z]).*)$",
    re.IGNORECASE,
)


# "The Indian army in a statement said", "Misri in a news briefing in New Delhi accused": the channel is no part of the name.
_TRAILING_CHANNEL = re.compile(rf"\s+(?:in|on|during|via|through)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w-]+\s+){{0,3}}{MEDIUM}\b.*$")


_OUTLET_WORDS = re.compile(
    r"\b(?:News|TV|Television|Radio|Magazine|Times|Post|Journal|Herald|Telegraph|Gazette|Press|Channel|Network|Broadcasting|"
    r"Agency|Daily|Weekly|Tribune|Observer|Guardian|Mirror|Mail|Express)\b"
    r"|\b(?:news|television|radio|newspaper|magazine|channel|broadcaster|outlet|agency|network)\b|state-(?:owned|run)"
)


def looks_like_outlet(mention: str, gazetteer: Gazetteer) -> bool:
    """ "the Saudi state-owned Al-Arabiya network", "Philadelphia Magazine", "Nine News", or an outlet the gazetteer knows."""
    if any(record.kind == "media" for record in gazetteer.candidates(mention)):
        return True
    return bool(_OUTLET_WORDS.search(mention)) and any(word[:1].isupper() for word in mention.split())


_AUXILIARY_TAIL = re.compile(
    r"\s+(?:has|have|had)(?:\s+(?:[a-z]+ly|also|again|long|since|already|often|(?:over|in|for|during)\s+(?:the\s+)?"
    r"(?:past|last|recent)?\s*(?:few|several|two|three)?\s*(?:days|weeks|months|years)))*\s*$"
)
# An adjective of nationality ("Ukrainian", "Pakistani", "Chinese"), by its ending.
DEMONYM = r"[A-Z][a-z]+(?:ian|ean|ese|ish|an|i|ic)"
_COUNTRY_WORD = re.compile(rf"^(?:[A-Z][\w-]*\s+)?[A-Z][\w-]*(?:'s|’s)\s+|^{DEMONYM}\s+")
_NUMBERED_NAME = re.compile(r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}\d{1,3}")


_CONTRACTION = re.compile(r"['’](?:s|d|ll|ve|re)$")


def without_contraction(word: str) -> str:
    """ "She's slammed NATO": the pronoun without its contracted verb."""
    return _CONTRACTION.sub("", word)


def clean_mention(segment: str) -> tuple[int, int]:
    """Offsets (within segment) of the mention once intro words, determiners kept, and trailing adverbs are cut."""
    channel = _TRAILING_CHANNEL.search(segment)
    if channel and channel.start() > 0:
        segment = segment[: channel.start()]
    start = len(segment) - len(segment.lstrip(" \t\u00a0"))
    intro = _INTRO_WORDS.match(segment, start)
    if intro:
        start = intro.end()
    time = _LEADING_TIME.match(segment, start) or _LEADING_DATELINE.match(segment, start)
    if time and time.end() < len(segment):
        start = time.end()  # "On Monday the ministry said", "NEW DELHI Aug 27 Indian Prime Minister Narendra Modi"
    end = len(segment.rstrip(" \t\u00a0"))
    auxiliary = _AUXILIARY_TAIL.search(segment, start, end)
    if auxiliary and auxiliary.start() > start:
        end = auxiliary.start()  # "General Asim Munir has over the past few months repeatedly (warned)"
    trailing = _TRAILING_ADVERBS.search(segment[start:end])
    if trailing:
        end = start + trailing.start()
    label = segment.rfind(": ", start, end)
    if label != -1:
        start = label + 2  # "Details: The Russian ministry stated": a page's label is not part of the name
    while start < end and segment[start] in " \t\u00a0,\"'\u201c\u201d(":
        start += 1
    while end > start and segment[end - 1] in " \t\u00a0,\"'\u201c\u201d)":
        end -= 1
    return start, end


def _words(mention: str) -> list[str]:
    return re.findall(r"[\w][\w'’.\-]*", mention)


def is_person_role(word: str) -> bool:
    """ "minister", "Spokesperson", "ex-admiral" """
    return word.lower().removeprefix("ex-") in PERSON_ROLES


def _is_acronym(word: str) -> bool:
    """ "WHO" is the agency, not the relative pronoun."""
    return len(word) > 1 and word.isupper()


_MODIFIER = re.compile(r"\s+(?:familiar\s+with|close\s+to|briefed\s+on|of|for|in|at|from|on|with|across|around)\s+")
# "several of acebush1's posts": the quantified noun phrase is the head, not "several".
_QUANTIFIER_OF = re.compile(r"^(?:several|some|many|most|all|both|each|none|few|a few|dozens|hundreds|thousands)\s+of\s+",
                            re.IGNORECASE)


def head_phrase(mention: str) -> str:
    """The mention without its prepositional modifiers ("UN peacekeepers in southern Lebanon" -> "UN peacekeepers")."""
    return _MODIFIER.split(_QUANTIFIER_OF.sub("", mention, count=1), maxsplit=1)[0]


def head_word(mention: str) -> str:
    words = _words(head_phrase(mention))
    if not words:
        return ""
    return re.sub(r"['’]s?$", "", words[-1])


def is_source_mention(mention: str, gazetteer: Gazetteer, strict: bool = True) -> bool:
    return gazetteer.memo(("source", mention, strict), lambda: _is_source_mention(mention, gazetteer, strict))


def _is_source_mention(mention: str, gazetteer: Gazetteer, strict: bool) -> bool:
    """Does the phrase look like who said something (not a clause, not a bare noun phrase of things)?

    Not strict (for plain speech verbs such as "said"): any short noun phrase will do, since
    "The militia said" names its speaker whatever the noun.
    """
    if _SURNAMED.fullmatch(mention.strip()):
        return True  # "a local resident surnamed Han"
    by = _INVESTIGATION_BY.match(mention) or _OWNED_DOCUMENT.match(mention)
    if by:
        mention = by["actor"]  # "a report by X", "X's letter to Y": X speaks
    words = _words(mention)
    if not words or len(words) > 12:
        return False
    lower = [w.lower() for w in words]
    if lower[0] in _PREPOSITIONS or all(w in _FUNCTION_WORDS for w in lower):
        return False
    if len(words) == 1 and (without_contraction(lower[0]) in PRONOUNS or is_handle(words[0])):
        return True
    if all(w.islower() and _ADVERB.fullmatch(w) for w in words) or (len(words) == 1 and words[0].islower() and words[0].endswith("ed")):
        return False  # "Tracey Lomax, recently told CNN": an adverb; "a former officer who responded said": a verb
    if len(words) > 1 and words[0].islower() and words[0].endswith("ed") and lower[1] in _OBJECT_DETERMINERS:
        return False  # "(Paul Yandoh who) issued the statement noted": a verb and its object
    # "a source close to the family": "to" after "close" is a preposition, not an infinitive's.
    verbish = any(w in _VERBISH and not _is_acronym(words[i]) and not (w == "to" and i and lower[i - 1] in _TO_TAKERS)
                  for i, w in enumerate(lower))
    if lower[0] in ("i", "you", "what", "how", "why", "whether") or verbish or any(w in FORM_TO_LEMMA for w in lower[:-1]):
        return False
    if gazetteer.candidates(mention):
        return True
    head = head_word(mention)
    if not head:
        return False
    if _NUMBERED_NAME.fullmatch(mention):
        return True  # "Number 10", "Channel 12"
    if not strict and len(words) <= 8 and head.isalpha() and head.islower():
        # A short noun phrase, its modifiers aside: "the militia", "UN peacekeepers in southern Lebanon".
        core = [w.lower() for w in _words(head_phrase(mention))]
        if len(core) <= 6 and (core[0] in ("the", "a", "an", "local", "state", "his", "her", "its", "their", "our") or len(core) <= 2):
            return True
    if head.lower() in PERSON_ROLES or head.lower() in ORG_HEADS or head.lower().rstrip("s") in PERSON_ROLES or head.lower().rstrip("s") in ORG_HEADS:
        return True
    named = _ROLE_THEN_NAME.search(mention)
    if named and (named["role"] in PERSON_ROLES or named["role"] in _DESCRIPTION_HEADS):
        # "Odesa regional military administration spokesman Serhiy Bratchuk", "the state rail operator Ceske drahy":
        # however long the description, a role or body followed by its name is a source.
        return True
    # A proper name: every word capitalised except connectors ("Prosecutor General's office" counts as well).
    if (head[0].isupper() or _PARTICLE_PREFIX.match(head)) and not lower[0] in ("this", "that", "these", "those"):
        caps = [w for w in words if w[0].isupper() or _PARTICLE_PREFIX.match(w)]
        return len(caps) >= max(1, len(words) - 3)
    return False


@dataclass(frozen=True)
class MentionAnalysis:
    name: str  # canonical or cleaned name
    kind: str
    record: ActorRecord | None
    is_description: bool  # "the ministry", "the former Estonian prime minister": needs an antecedent
    head: str
    country: str | None
    named: bool = True  # carries a proper name (not only a title such as "Former NATO Deputy Commander")


def _described_name(core: str) -> re.Match | None:
    """ "the think tank Bruegel", "the rail operator Ceske drahy" (a foreign name may end in a lower-case word,
    but not in a noun of its own: "the party Fidesz spokesman" is no name)."""
    described = _DESCRIBED_NAME.match(core)
    if described and described["tail"] and (is_head_noun(described["tail"]) or described["tail"] in _FUNCTION_WORDS):
        return None
    return described


def is_head_noun(word: str) -> bool:
    """A role or body ("minister", "Officials", "institutes"): a sentence-initial capital does not make it a name."""
    lower = word.lower()
    return any(form in ORG_HEADS or form in PERSON_ROLES for form in (lower, lower[:-1] if lower.endswith("s") else lower))


def _person_name(words: list[str]) -> tuple[list[str], bool]:
    """The personal name at the end of a titled mention, and whether a title came before it."""
    run: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        clean = words[index].rstrip(",")
        hyphenated_title = "-" in clean and any(part in PERSON_ROLES for part in clean.lower().split("-"))  # "Director-General"
        # "Mr King", "Mervyn King": a title word after an honorific or a first name is a surname.
        surname = index == len(words) - 1 and index > 0 and (words[index - 1] in _HONORIFICS or is_first_name(words[index - 1]))
        initial = bool(run) and index > 0 and re.fullmatch(r"[A-Z]\.", clean) is not None  # "Patrick T. Brown"
        if initial or clean[0].isupper() and (clean not in TITLE_WORDS or surname) and not hyphenated_title and not clean.isupper() \
                and "'" not in clean and "’" not in clean:
            run.insert(0, clean)
        elif _PARTICLE_PREFIX.match(clean) or (
            run and clean in _NAME_PARTICLES and index and words[index - 1] not in TITLE_WORDS
            and (words[index - 1][:1].isupper() or words[index - 1] in _NAME_PARTICLES)
        ):
            run.insert(0, clean)  # a particle inside the name, with name words on both sides
        else:
            break
    titled = len(run) < len(words)
    return run, titled


def _without_title_complement(words: list[str], run: list[str]) -> list[str]:
    """A title's complement is not part of the name: "High Commissioner for Refugees Filippo Grandi",
    "Minister of Foreign Affairs Ann Linde" name Filippo Grandi and Ann Linde."""
    title = [w.lower() for w in words[: len(words) - len(run)]]
    if len(run) < 3 or not any(is_person_role(w) for w in title):
        return run
    if title[-1] in ("of", "for", "and") or run[0] in ORG_NAME_ENDINGS:
        return run[-2:]
    return run


def analyse_mention(mention: str, gazetteer: Gazetteer, country_hint: str | None = None) -> MentionAnalysis:
    return gazetteer.memo(("analysis", mention, country_hint), lambda: _analyse_mention(mention, gazetteer, country_hint))


def is_handle(name: str) -> bool:
    return bool(_HANDLE.fullmatch(name))


def _singular(word: str) -> str:
    for plural, singular in _IRREGULAR_SINGULAR.items():
        if word.lower().endswith(plural):
            return word[: len(word) - len(plural)] + singular
    if word.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(?:ss|sh|ch|x)es$", word):
        return word[:-2]
    return word[:-1]


def _analyse_mention(mention: str, gazetteer: Gazetteer, country_hint: str | None) -> MentionAnalysis:
    text = re.sub(r"\s+", " ", mention.replace("\u00a0", " ")).strip()
    if is_handle(text):
        return MentionAnalysis(text[0].lower() + text[1:], "person", None, False, text, None)  # "Acebush1 answered"
    one_of = _ONE_OF_MANY.fullmatch(text)
    if one_of:
        one = _analyse_mention(f"a {_singular(one_of['plural'])}", gazetteer, country_hint)
        if one.kind == "person":
            return one
    owned = _OWNED_DOCUMENT.match(text)
    if owned:
        text = owned["actor"]  # "The Conservatives' letter to ..." is the Conservatives speaking
    placed = _NAME_OF_PLACE.match(text)
    if placed and gazetteer.candidates(text) == []:
        person = _analyse_mention(placed["person"], gazetteer, country_hint)
        if person.kind == "person" and person.named and " " in person.name:
            return person  # "Senate Democratic Leader Greg Taylor of Indianapolis" is Greg Taylor
    by = _INVESTIGATION_BY.match(text) or _STAFF_AT.match(text)
    if by:
        text = by["actor"] or by["body"]
    surnamed = _SURNAMED.fullmatch(text)
    if surnamed:
        # "a local resident surnamed Han", "a soldier identified only as Oleh": the name the text gives.
        return MentionAnalysis(surnamed["name"], "person", None, False, surnamed["name"], country_hint)
    programme = _PROGRAMME_OF.fullmatch(text)
    if programme and looks_like_outlet(programme["owner"], gazetteer):
        return _analyse_mention(programme["owner"], gazetteer, country_hint)  # "the BBC's Today programme" is the BBC
    affiliate = _AFFILIATE.fullmatch(text)
    if affiliate:
        return MentionAnalysis(affiliate["name"], "media", None, False, affiliate["name"], None)  # "CNN affiliate WCBS"
    outlet = _NAMED_OUTLET.search(text)
    owner = re.match(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:'s|’s)\s+", outlet["name"]) if outlet else None
    if owner and gazetteer.country_in(owner[0]) and outlet["name"][owner.end():]:
        text = outlet["name"][owner.end():]  # "Pakistan's Geo news channel" is Geo
    elif outlet and not gazetteer.country_in(outlet["name"]):
        text = outlet["name"]  # "the Financial Times newspaper" is the Financial Times
    record = _lookup(text, gazetteer, country_hint)
    if outlet and record is None and text == outlet["name"]:
        return MentionAnalysis(text, "media", None, False, head_word(text), gazetteer.country_in(mention))
    head = head_word(text)
    country = record.country if record else gazetteer.country_in(text)
    if record:
        return MentionAnalysis(record.name, record.kind, record, False, head, record.country)
    core = _DETERMINERS.sub("", text)
    country_named = gazetteer.is_country(core)
    if country_named:
        # A country the starter list does not hold speaks through its government, as the listed ones do.
        return MentionAnalysis(country_named, "government", None, False, head, country_named)
    words = _words(core)
    lower = text.lower()
    body = _BODY_OF.fullmatch(core)
    if body and body["ending"] in ORG_NAME_ENDINGS:
        # "the Office for National Statistics", "the Department of Health and Human Services": a body, not a person
        # called "Statistics" after the title word "National".
        return MentionAnalysis(core, "organization", None, False, body["ending"], country)
    if lower in PRONOUNS:
        return MentionAnalysis(lower, PRONOUNS[lower], None, True, lower, None, named=False)
    run, titled = _person_name(words)
    run = _without_title_complement(words, run)
    if len(words) == 1 and is_head_noun(words[0]):
        run = []
    before_run = words[len(words) - len(run) - 1] if titled and run else ""
    described_org = before_run in _DESCRIPTION_HEADS and before_run not in PERSON_ROLES  # "the party Nova Polska"
    if run and run[-1] not in ORG_NAME_ENDINGS and before_run.lower() not in ("of", "for", "on", "and") and not described_org and (
        before_run in TITLE_WORDS or before_run.lower() in PERSON_ROLES or len(run) >= 2 or len(words) == 1
    ):
        name = " ".join(run)
        known = _lookup(name, gazetteer, country_hint)
        if known:
            return MentionAnalysis(known.name, known.kind, known, False, head, known.country)
        return MentionAnalysis(name, "person", None, False, head, country)
    described = _described_name(core)
    if described and described["head"] in _DESCRIPTION_HEADS and described["name"].split()[-1] not in ("of", "for", "the", "and", "on"):
        name = described["name"]
        known = _lookup(name, gazetteer, country_hint)
        if known:
            return MentionAnalysis(known.name, known.kind, known, False, head, known.country)
        media = _MEDIA_NAME.search(core[: described.start("name")].rstrip())
        return MentionAnalysis(name, "media" if media else "organization", None, False, head, country)
    head_lower = head.lower()
    definite = head[:1].islower()
    is_person = is_person_role(head_lower) or head_lower.rstrip("s") in PERSON_ROLES and head_lower.endswith("s") is False
    kind = "person" if is_person else ("group" if head_lower.endswith("s") and head_lower not in ("forces",) else "organization")
    if head_lower in ORG_HEADS and head_lower.endswith("s"):
        kind = "group"
    if _MEDIA_NAME.search(core):
        kind = "media"  # an outlet the gazetteer does not know yet ("the RND media group") can still relay
    if country is None:
        contextual = _lookup_in_country(core, gazetteer, country_hint)
    else:
        # "Ukraine's defence ministry", "the Ukrainian defence ministry": the country's own organ, however spelt.
        contextual = _lookup_in_country(_COUNTRY_WORD.sub("", core, count=1).strip(), gazetteer, country)
    if contextual:
        return MentionAnalysis(contextual.name, contextual.kind, contextual, False, head, contextual.country)
    return MentionAnalysis(core[0].upper() + core[1:] if core[:1].islower() and not definite else core, kind, None,
                           definite, head, country, named=False)


def _names_before(word: str, gazetteer: Gazetteer) -> bool:
    """A capitalised word that is part of a proper name, not a title, an owner or a nationality."""
    return (word[:1].isupper() and word not in TITLE_WORDS and not word.endswith(("'s", "’s", ","))
            and not gazetteer.country_in(word) and word.lower() not in _FUNCTION_WORDS)


_OWNED_DOCUMENT = re.compile(
    r"^(?:the\s+)?(?P<actor>[A-Z][^,]*?)(?:'s|’s|’|')\s+(?:[\w-]+\s+){0,2}(?:letter|statement|report|memo|announcement|release|"
    r"readout|analysis|findings|study|survey|poll|figures|data|tally|count)(?:\s+(?:to|on|about|from|of|into)\s+.*)?$"
)
_NAME_OF_PLACE = re.compile(r"^(?P<person>.*\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+of\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?$")
_LOCATED = re.compile(r"^(?P<head>.+?)\s+(?:in|from|at|near)\s+(?P<place>.+)$")


def _lookup(text: str, gazetteer: Gazetteer, country_hint: str | None) -> ActorRecord | None:
    """Exact alias, else the longest alias that ends the mention ("Ukrainian President Volodymyr Zelenskyy")."""
    words = text.split()
    in_phrase = False
    for start in range(len(words)):
        if start and words[start - 1].lower() in _PREPOSITIONS:
            in_phrase = True
            continue  # "the president of Ukraine" is not Ukraine
        candidates = gazetteer.candidates(" ".join(words[start:]))
        if candidates and all(record.kind == "government" for record in candidates) and (in_phrase or (start and _names_before(words[start - 1], gazetteer))):
            # "peacekeepers in southern Lebanon": a place after a preposition, not the speaker; "Air France",
            # "GeoSphere Austria": a name that ends in a country is not its government.
            break
        if candidates and start and _other_given_name(words[start - 1], candidates):
            return None  # "Oleksiy Kuleba", the governor, is not "Dmytro Kuleba" whose surname alone is an alias
        if candidates:
            named_country = gazetteer.country_in(text)
            if named_country and all(record.country and record.country != named_country for record in candidates):
                return None  # "Japan's defence ministry" is not the Russian one
            return _pick(candidates, named_country, country_hint)
    located = _LOCATED.match(text)
    if located and (candidates := gazetteer.candidates(located["head"])):
        # "UN peacekeepers in southern Lebanon": a known actor, placed; the place picks among namesakes.
        return _pick(candidates, gazetteer.country_in(located["place"]), country_hint)
    return None


def _other_given_name(word: str, candidates: list[ActorRecord]) -> bool:
    """A capitalised word right before a person's surname that is neither a title nor part of their name."""
    return (word[:1].isupper() and word not in TITLE_WORDS and word.rstrip(".") not in TITLE_WORDS
            and all(record.kind == "person" and word not in record.name.split() for record in candidates))


def _lookup_in_country(core: str, gazetteer: Gazetteer, country: str | None) -> ActorRecord | None:
    """A bare office ("the Prosecutor General's office") read as the one of the country in context."""
    if not country:
        return None
    adjective = gazetteer.adjective_of(country)
    for variant in (f"{adjective} {core}" if adjective else None, f"{country}'s {core}"):
        if variant and (candidates := gazetteer.candidates(variant)):
            return candidates[0]
    return None


def _pick(candidates: list[ActorRecord], *countries: str | None) -> ActorRecord:
    for country in countries:
        for record in candidates:
            if country and record.country == country:
                return record
    return candidates[0]


def actor_from(record: ActorRecord | None, name: str, kind: str, country: str | None, gazetteer: Gazetteer) -> ExtractedActor:
    if record:
        return ExtractedActor(record.name, record.kind, True, record.parent, record.country)
    return ExtractedActor(name, kind, False, gazetteer.government_of(country), country)
