"""Common first names and the gender they usually carry (data/first_names.json, a list we keep by hand)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_PATH = Path(__file__).with_name("data") / "first_names.json"


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    data = json.loads(_PATH.read_text(encoding="utf-8"))
    return {name: gender for gender in ("male", "female") for name in data[gender]}


def is_first_name(word: str) -> bool:
    return word.lower() in first_names()
