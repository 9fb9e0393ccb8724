"""Durations for people: "642 days 13 h", "4 min 12 s", not "55518178 s"."""

from django import template
from django.utils import timezone

register = template.Library()

_UNITS = ((86400, "day", "days"), (3600, "h", "h"), (60, "min", "min"), (1, "s", "s"))


@register.filter
def duration(seconds: float | None) -> str:
    """The two largest units that are not zero; "—" for no value."""
    if seconds is None:
        return "—"
    remaining = max(0, round(seconds))
    if remaining == 0:
        return "0 s"
    parts = []
    for size, one, many in _UNITS:
        count, remaining = divmod(remaining, size)
        if count:
            parts.append(f"{count:,} {one if count == 1 else many}")
        elif parts:
            break  # "2 days 3 min" would read as more precise than it is
        if len(parts) == 2:
            break
    return " ".join(parts)


@register.filter
def ago(moment) -> str:
    """How long ago a time stamp was, in the same words: "2 days 5 h ago"."""
    if moment is None:
        return "—"
    return f"{duration((timezone.now() - moment).total_seconds())} ago"
