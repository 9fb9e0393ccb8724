"""Who "he", "it", "the ministry" or "Klimkin" refers to, from the actors named earlier in the passage."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from claims.extraction.actors import is_person_role
from claims.extraction.types import ExtractedActor


_MEMORY_SIZE = 40
# Generic heads that refer back to the last actor of a fitting kind ("UNICEF said ... The agency added").
GENERIC_HEADS = {
    "agency": {"international organization", "agency"},
    "organization": {"international organization", "ngo"},
    "organisation": {"international organization", "ngo"},
    "body": {"international organization", "agency", "ngo"},
    "charity": {"ngo"},
    "group": {"armed group", "ngo", "think tank", "international organization"},
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


@dataclass
class _Entry:
    actor: ExtractedActor
    mention: str


def _stem(word: str) -> str:
    word = word.lower().rstrip("s")
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

    def remember(self, actor: ExtractedActor, mention: str) -> None:
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
            if pronoun in ("he", "she") and is_person and _named_person(entry.actor, entry.mention):
                return entry.actor
            if pronoun == "it" and not is_person and entry.actor.kind != "group":
                return entry.actor
            if pronoun in ("they", "we") and not is_person:
                return entry.actor
        if pronoun in ("it", "they", "we") and self.heading_actor and self.heading_actor.kind != "person":
            return self.heading_actor
        if pronoun in ("he", "she") and self.heading_actor and self.heading_actor.kind == "person" and _named_person(self.heading_actor, ""):
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
            # "The retired general said": the last person named, as with "he".
            return self.pronoun("he")
        kinds = GENERIC_HEADS.get(head.lower())
        if kinds:
            return next((entry.actor for entry in reversed(self._entries) if entry.actor.kind in kinds), None)
        return None

    def titled(self, title: str) -> ExtractedActor | None:
        """ "the foreign minister" after "Iranian Foreign Minister Abbas Araghchi": the last person named with that title."""
        title = title.lower()
        return next((entry.actor for entry in reversed(self._entries)
                     if entry.actor.kind == "person" and title in entry.mention.lower()), None)

    def sides(self) -> tuple[ExtractedActor, ExtractedActor] | None:
        """ "Both sides": the last two different organisations, governments or forces named (outlets only report)."""
        found: list[ExtractedActor] = []
        for entry in reversed(self._entries):
            if entry.actor.kind not in ("person", "media") and entry.actor not in found:
                found.append(entry.actor)
                if len(found) == 2:
                    return found[1], found[0]
        return None

    def surname(self, name: str) -> ExtractedActor | None:
        """"Klimkin" after "Pavlo Klimkin" is the same person; so is "Lai" after "Lai Ching-te" (family name first)."""
        for position in (-1, 0):
            for entry in reversed(self._entries):
                if entry.actor.kind == "person" and entry.actor.name.split()[position] == name and entry.actor.name != name:
                    return entry.actor
        return None
