"""Canonical actors and the aliases that name them (starter list in data/gazetteer.json)."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_MEMO_SIZE = 50_000
DEFAULT_PATH = Path(__file__).with_name("data") / "gazetteer.json"
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+")
# Acronyms spelled like common words ("WHO", "US", "AU") name an actor only in capitals.
_WORD_LIKE = frozenset("who us it is as at an am be do go he if in me no of on or so to up we au pa".split())


def normalize_alias(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u00a0", " ").lower()
    text = re.sub(r"\s+", " ", text).strip(" ,.:;\"'")
    return _LEADING_DETERMINER.sub("", text)


@dataclass(frozen=True)
class ActorRecord:
    name: str
    kind: str
    parent: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = field(default=())
    wikidata: str | None = None


class Gazetteer:
    def __init__(self, records: Iterable[ActorRecord]):
        self.records: dict[str, ActorRecord] = {}
        self._by_alias: dict[str, list[ActorRecord]] = {}
        self._capitals_only: set[str] = set()
        for record in records:
            self.records[record.name] = record
            for alias in (record.name, *record.aliases):
                if alias.isupper() and alias.lower() in _WORD_LIKE:
                    self._capitals_only.add(alias.lower())
                bucket = self._by_alias.setdefault(normalize_alias(alias), [])
                if record not in bucket:
                    bucket.append(record)
        self._memo: dict[tuple, object] = {}
        self._index_countries()

    def _index_countries(self) -> None:
        """Country names and adjectives ("Ukrainian"), read from the government records."""
        self._adjectives: dict[str, str] = {}
        self._governments: dict[str, str] = {}
        words: list[tuple[str, str]] = []
        for record in self.records.values():
            if record.kind != "government" or not record.country:
                continue
            self._governments[record.country] = record.name
            words.append((record.country, record.country))
            for alias in record.aliases:
                if alias.endswith(" government") and not alias.lower().startswith("the "):
                    adjective = alias[: -len(" government")]
                    self._adjectives.setdefault(record.country, adjective)
                    words.append((adjective, record.country))
        # Every country of the world by its common name, so "Eritrea said" names a country (its government), not a
        # person, and "Eritrea's foreign ministry" belongs to Eritrea; the starter records only add adjectives.
        known = {country.lower() for _, country in words}
        words.extend((name, name) for name in _world_country_names() if name.lower() not in known)
        self._country_by_word = {word.lower(): country for word, country in words}
        alternatives = sorted((re.escape(word) for word, _ in words), key=len, reverse=True)
        self._country_pattern = re.compile(rf"\b({'|'.join(alternatives)})(?:'s|’s)?\b") if alternatives else None

    @classmethod
    def default(cls) -> "Gazetteer":
        return _default_gazetteer()

    @classmethod
    def from_records(cls, records: Iterable[ActorRecord]) -> "Gazetteer":
        return cls(records)

    @classmethod
    def from_json(cls, path: Path) -> "Gazetteer":
        rows = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            ActorRecord(
                name=row["name"], kind=row["kind"], parent=row.get("parent"), country=row.get("country"),
                aliases=tuple(row.get("aliases", ())), wikidata=row.get("wikidata"),
            )
            for row in rows
        )

    def candidates(self, mention: str) -> list[ActorRecord]:
        """Records whose name or alias is exactly this mention (several when the alias is shared)."""
        alias = normalize_alias(mention)
        if alias in self._capitals_only and alias.upper() not in mention:
            return []
        return self._by_alias.get(alias, [])

    def get(self, name: str | None) -> ActorRecord | None:
        return self.records.get(name) if name else None

    def country_in(self, text: str) -> str | None:
        """The first country named or implied by an adjective in text ("Russia's Kursk region" -> Russia)."""
        return self.memo(("country", text), lambda: self._country_in(text))

    def _country_in(self, text: str) -> str | None:
        match = self._country_pattern.search(text) if self._country_pattern else None
        return self._country_by_word[match[1].lower()] if match else None

    def countries_named(self, text: str) -> list[str]:
        """Every country named or implied by an adjective in text, in order of first mention."""
        if not self._country_pattern:
            return []
        return list(dict.fromkeys(self._country_by_word[match[1].lower()] for match in self._country_pattern.finditer(text)))

    def memo(self, key: tuple, compute: Callable[[], T]) -> T:
        """Results about mentions, kept with this gazetteer (a worker may build a new one per task,
        so a module-level cache would keep old gazetteers alive)."""
        try:
            return self._memo[key]
        except KeyError:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            value = self._memo[key] = compute()
            return value

    def is_country(self, text: str) -> str | None:
        """The country this text names, whole ("Eritrea", "the Solomon Islands"), else None."""
        return self._country_by_word.get(normalize_alias(text))

    def adjective_of(self, country: str) -> str | None:
        return self._adjectives.get(country)

    def government_of(self, country: str | None) -> str | None:
        return self._governments.get(country) if country else None


@lru_cache(maxsize=1)
def _world_country_names() -> tuple[str, ...]:
    """ISO 3166 country names as news writes them (pycountry ships the list; nothing is downloaded)."""
    import pycountry

    names = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if "," not in name and "(" not in name:  # "Congo, The Democratic Republic of the" is no way to write it
            names.append(name)
    return tuple(names)


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_json(DEFAULT_PATH)
