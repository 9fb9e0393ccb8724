"""Who "he", "it", "the ministry" or "Klimkin" refers to, from the actors named earlier in the passage."""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from claims.extraction.actors import is_handle, is_head_noun, is_person_role
from claims.extraction.first_names import first_names
from claims.extraction.types import ExtractedActor


_MEMORY_SIZE = 40
# Generic heads that refer back to the last actor of a fitting kind ("UNICEF said ... The agency added").
GENERIC_HEADS = {
    "agency": {"international organization", "agency"},
    "organization": {"international organization", "ngo"},
    "organisation": {"international organization", "ngo"},
    "body": {"international organization", "agency", "ngo"},
    "charity": {"ngo"},
    "group": {"armed group", "ngo", "think tank", "international organization", "organization"},
    "movement": {"armed group"},
    "militia": {"armed group"},
    "alliance": {"international organization"},
    "mission": {"international organization"},
    "bloc": {"international organization"},
    "cartel": {"international organization"},
    "company": {"organization"},
    "firm": {"organization"},
    "operator": {"organization"},
    "utility": {"organization"},
    "channel": {"media"},
    "broadcaster": {"media"},
    "newspaper": {"media"},
    "outlet": {"media"},
}


# Words in a mention that tell a person's gender, so that "he" never lands on "Lady Starmer".
_MALE_WORDS = frozenset(
    "mr mr. sir lord king prince father son brother husband spokesman chairman congressman businessman man boy uncle "
    "grandfather widower he him his".split()
)
_FEMALE_WORDS = frozenset(
    "mrs mrs. ms ms. miss lady dame queen princess mother daughter sister wife spokeswoman chairwoman congresswoman "
    "businesswoman woman girl aunt grandmother widow she her".split()
)
# Names of documents ("his LinkedIn page", "a Reuters poll"): they carry a statement, they are nobody's antecedent.
DOCUMENT_NAME = re.compile(r"\b(?:page|profile|post|posts|report|reports|memo|analysis|poll|survey|study|research|data|figures|"
                           r"records|documents|statement|tally|tallies|estimates?|video|footage)$", re.IGNORECASE)
_JOURNALIST = re.compile(r"\b(?:journalist|reporter|correspondent|photographer|photojournalist|writer|editor)\b", re.IGNORECASE)


def gender_of(name: str, mention: str = "") -> str | None:
    """ "male", "female" or None, from the words around the name ("Mrs", "spokeswoman") or a common first name."""
    tokens = mention.replace("’", "'").split()
    owner = max((i for i, token in enumerate(tokens) if token.endswith(("'s", "'"))), default=-1)
    # "Ms Bowles' father": the owner's title says nothing of the person named.
    words = {word.strip(",.").lower() for word in tokens[owner + 1:]}
    if not words.isdisjoint(_FEMALE_WORDS):
        return "female"
    if not words.isdisjoint(_MALE_WORDS):
        return "male"
    parts = name.lower().split()
    return first_names().get(parts[0]) if len(parts) > 1 else None


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    """ "Sharig" and "Sharif": a misspelt surname is one letter off (substitution, insertion, deletion or two
    neighbours swapped)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differences = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        # "Kilmenko" for "Klimenko": two neighbouring letters swapped count as one slip.
        swapped = len(differences) == 2 and differences[1] == differences[0] + 1 and a[differences[0]] == b[differences[1]] \
            and a[differences[1]] == b[differences[0]]
        return len(differences) <= 1 or swapped
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


@dataclass
class _Entry:
    actor: ExtractedActor
    mention: str


def _stem(word: str) -> str:
    word = word.lower().removeprefix("ex-").rstrip("s")
    return word[:7]  # "minister" and "ministry" differ; "prosecutors" and "prosecution" do not


def _named_person(actor: ExtractedActor, mention: str) -> bool:
    """A known person, or an unknown one with a full name or a title ("Mayor Ilic"): a lone unknown capitalised
    word ("Eritrea said") is as likely a place as a surname, and "he" must not become a place."""
    return actor.known or " " in actor.name or " " in mention.strip()


class DiscourseMemory:
    """Actors in the order the passage names them; the heading's actor is the fallback for "it said"."""

    def __init__(self) -> None:
        # The last actors named: references reach back a few sentences, never a whole long page.
        self._entries: deque[_Entry] = deque(maxlen=_MEMORY_SIZE)
        self.heading_actor: ExtractedActor | None = None
        # Every person the document names in full, however long ago: a surname refers back to them.
        self._people: dict[str, ExtractedActor] = {}
        self._genders: dict[str, str] = {}

    def register_person(self, actor: ExtractedActor, mention: str = "") -> None:
        """A person named in full ("speaker Peter Katjavivi"), spoken of or speaking: later "Katjavivi" is them."""
        if actor.kind != "person" or " " not in actor.name:
            return
        self._people.setdefault(actor.name, actor)
        gender = gender_of(actor.name, mention)
        if gender:
            self._genders.setdefault(actor.name, gender)

    def fits(self, actor: ExtractedActor, pronoun: str, mention: str = "") -> bool:
        """Whether a person just named may be "he" or "she": what the document knows of them, else their name."""
        known = self._genders.get(actor.name) or gender_of(actor.name, mention)
        return known is None or known == ("male" if pronoun == "he" else "female")

    def _fits(self, actor: ExtractedActor, pronoun: str) -> bool:
        """Whether the person may be "he" or "she" ("they-person": a description that does not say)."""
        gender = self._genders.get(actor.name)
        return gender is None or pronoun == "they-person" or gender == ("male" if pronoun == "he" else "female")

    def remember(self, actor: ExtractedActor, mention: str) -> None:
        self.register_person(actor, mention)
        if self._entries and self._entries[-1].actor == actor:
            # Named again right away: keep one entry (with both wordings) so memory stays short.
            last = self._entries[-1]
            if mention not in last.mention:
                last.mention = f"{last.mention} {mention}"[-400:]
            return
        self._entries.append(_Entry(actor, mention))

    def last_country(self) -> str | None:
        for entry in reversed(self._entries):
            if entry.actor.country:
                return entry.actor.country
        return self.heading_actor.country if self.heading_actor else None

    def pronoun(self, pronoun: str) -> ExtractedActor | None:
        pronoun = pronoun.lower()
        for entry in reversed(self._entries):
            is_person = entry.actor.kind == "person"
            if pronoun in ("he", "she", "they-person") and is_person and _named_person(entry.actor, entry.mention) and self._fits(entry.actor, pronoun):
                return entry.actor
            if pronoun == "they" and is_person and is_handle(entry.actor.name):
                return entry.actor  # an online handle has no gender of record: "acebush1 wrote ... they said"
            if DOCUMENT_NAME.search(entry.actor.name):
                continue  # "his LinkedIn page", "the report": a document says nothing of its own
            if pronoun == "it" and not is_person and entry.actor.kind != "group":
                return entry.actor
            if pronoun in ("they", "we") and not is_person:
                return entry.actor
        if pronoun in ("it", "they", "we") and self.heading_actor and self.heading_actor.kind != "person":
            return self.heading_actor
        if (pronoun in ("he", "she", "they-person") and self.heading_actor and self.heading_actor.kind == "person"
                and _named_person(self.heading_actor, "") and self._fits(self.heading_actor, pronoun)):
            return self.heading_actor
        return None

    def description(self, head: str, mention: str) -> ExtractedActor | None:
        """A short reference ("the ministry", "the former prime minister", "the source") to an actor named before."""
        stem = _stem(head)
        wants_person = is_person_role(head)
        for entry in reversed(self._entries):
            if (entry.actor.kind == "person") != wants_person:
                continue
            words = f"{entry.mention} {entry.actor.name}".replace("'", " ").replace("’", " ").split()
            if any(_stem(word) == stem for word in words):
                return entry.actor
        if wants_person:
            # "The retired general said": the last person named, as with "he" or "she" when the words tell which. A bare
            # role ("the officer said") with no one of that role named before is somebody new, not the last person.
            words = [w for w in mention.lower().split() if w not in ("the", "a", "an", "this", "that")]
            gender = gender_of("", mention)
            if len(words) <= 1 and gender is None:
                return None
            return self.pronoun({"male": "he", "female": "she"}.get(gender or "", "they-person"))
        kinds = GENERIC_HEADS.get(head.lower())
        if kinds:
            # "the company" is the last named body of a fitting kind: never "Police" or "Officials", which name no body.
            return next((entry.actor for entry in reversed(self._entries) if entry.actor.kind in kinds
                         and not all(is_head_noun(word) for word in entry.actor.name.split())
                         and not DOCUMENT_NAME.search(entry.actor.name)), None)
        return None

    def titled(self, title: str, person: bool = True) -> ExtractedActor | None:
        """ "the foreign minister" after "Iranian Foreign Minister Abbas Araghchi": the last person named with that title;
        "the health ministry" after "the Palestinian health ministry": the last body named so (person=False)."""
        title = title.lower()
        return next((entry.actor for entry in reversed(self._entries)
                     if (entry.actor.kind == "person") == person and title in entry.mention.lower()), None)

    def sides(self, people: bool = False) -> tuple[ExtractedActor, ExtractedActor] | None:
        """ "Both sides": the last two different organisations, governments or forces named (outlets only report);
        "the two men": the last two people named."""
        found: list[ExtractedActor] = []
        for entry in reversed(self._entries):
            fits = entry.actor.kind == "person" and _named_person(entry.actor, entry.mention) if people else (
                entry.actor.kind not in ("person", "media"))
            if fits and entry.actor not in found:
                found.append(entry.actor)
                if len(found) == 2:
                    return found[1], found[0]
        return None

    def last_journalist(self) -> ExtractedActor | None:
        """The last reporter the text named ("AP journalist Dar Yasin"): "residents told him" relays through them."""
        return next((entry.actor for entry in reversed(self._entries) if entry.actor.kind == "person"
                     and _JOURNALIST.search(entry.mention)), None)

    def surname(self, name: str) -> ExtractedActor | None:
        """"Klimkin" after "Pavlo Klimkin" is the same person; so is "Lai" after "Lai Ching-te" (family name first),
        and "Sharig" after "Ahmed Sharif" (a misspelling, one letter off, of a surname of five letters or more)."""
        people = [entry.actor for entry in reversed(self._entries) if entry.actor.kind == "person"] + list(self._people.values())
        for position in (-1, 0):
            for actor in people:
                if actor.name.split()[position] == name and actor.name != name:
                    return actor
        if len(name) >= 5:
            return next((actor for actor in people if _edit_distance_at_most_one(actor.name.split()[-1], name)
                         and actor.name.split()[-1][0] == name[0]), None)
        return None
