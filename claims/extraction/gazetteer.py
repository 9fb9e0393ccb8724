"""Canonical actors and the aliases that name them (starter list in data/gazetteer.json)."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).with_name("data") / "gazetteer.json"
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+")


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
        for record in records:
            self.records[record.name] = record
            for alias in (record.name, *record.aliases):
                bucket = self._by_alias.setdefault(normalize_alias(alias), [])
                if record not in bucket:
                    bucket.append(record)
        self.longest_alias_words = max((len(alias.split()) for alias in self._by_alias), default=1)

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
        return self._by_alias.get(normalize_alias(mention), [])

    def get(self, name: str | None) -> ActorRecord | None:
        return self.records.get(name) if name else None


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_json(DEFAULT_PATH)
