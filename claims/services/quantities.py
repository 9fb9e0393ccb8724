"""Quantities as the one-line text editors read and type: "17 of 22 drones", "~500 soldiers"."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from claims.models import Quantity

_LINE = re.compile(
    r"^(?P<approx>~)?\s*(?P<value>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s*(?:-|–|to)\s*(?P<max>\d[\d,]*(?:\.\d+)?))?"
    r"(?:\s+of\s+(?P<total>\d[\d,]*(?:\.\d+)?))?"
    r"\s*(?P<unit>%)?\s*(?P<noun>.*)$"
)


@dataclass(frozen=True)
class QuantityInput:
    value: Decimal
    value_max: Decimal | None = None
    total: Decimal | None = None
    unit: str = ""
    noun: str = ""
    approximate: bool = False


def _number(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text.replace(",", ""))


def _plain(number: Decimal) -> str:
    """17, 9,000, 2.5: no trailing zeros; thousands separated (the parser accepts commas)."""
    return f"{number.normalize():,f}"


def quantity_line(quantity: Quantity | QuantityInput) -> str:
    parts = [("~" if quantity.approximate else "") + _plain(quantity.value)]
    if quantity.value_max is not None:
        parts[0] += f"-{_plain(quantity.value_max)}"
    if quantity.total is not None:
        parts.append(f"of {_plain(quantity.total)}")
    line = " ".join(parts) + (quantity.unit if quantity.unit == "%" else "")
    extra = " ".join(x for x in (quantity.unit if quantity.unit != "%" else "", quantity.noun) if x)
    return f"{line} {extra}".strip()


def parse_quantity_line(line: str) -> QuantityInput:
    """Raises ValueError with a message an editor can act on."""
    match = _LINE.match(" ".join(line.split()))
    if not match:
        raise ValueError(f'"{line}" should start with a number, e.g. "17 of 22 drones" or "~500 soldiers"')
    try:
        value, value_max, total = (_number(match[k]) for k in ("value", "max", "total"))
    except InvalidOperation as error:
        raise ValueError(f'"{line}" has a number that cannot be read') from error
    if value_max is not None and value_max < value:
        raise ValueError(f'"{line}": the range must go from low to high')
    if total is not None and total < value:
        raise ValueError(f'"{line}": the part cannot be larger than the total')
    return QuantityInput(
        value=value, value_max=value_max, total=total, unit=match["unit"] or "",
        noun=match["noun"][:100], approximate=bool(match["approx"]),
    )
