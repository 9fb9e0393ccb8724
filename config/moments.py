"""Dates and times in one format across the app: "3 Mar 2025" and "3 Mar 2025, 14:05", the time
in the person's time zone (config.middleware.PersonTimeZoneMiddleware activates it).

A time stamp at exactly midnight UTC is how a source that gave only a date is stored: it is
shown as that date, never as an invented "00:00" (or, shifted to another zone, the day before).
"""

from datetime import date, datetime, time, timezone as dt_timezone

from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()

DAY = "j M Y"
MOMENT = "j M Y, H:i"


def is_date_only(value: datetime) -> bool:
    return timezone.is_aware(value) and value.astimezone(dt_timezone.utc).time() == time(0, 0)


@register.filter
def day(value: date | datetime | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(dt_timezone.utc).date() if is_date_only(value) else timezone.localtime(value).date()
    return date_format(value, DAY)


@register.filter
def moment(value: datetime | date | None) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime) or is_date_only(value):
        return day(value)
    return date_format(timezone.localtime(value), MOMENT)
