"""Rules every template keeps, checked over the files themselves."""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = list(Path(settings.BASE_DIR, "templates").rglob("*.*"))


def test_templates_show_dates_to_people_only_through_day_and_moment():
    """One format, in the person's time zone: a template's own |date format would be neither.
    Machine formats (an attribute's ISO time, an input's value, a comparison) are fine, and the
    audit trail's moment with its seconds, on hover."""
    machine = {"c", "Y-m-d", "Ymd", "j M Y, H:i:s"}
    own_formats = [
        (path.name, found)
        for path in TEMPLATES
        for found in re.findall(r"\|date:[\"']([^\"']*)[\"']", path.read_text())
        if found not in machine
    ]
    assert own_formats == []


def test_no_one_line_comment_spans_lines():
    """Django ends {# #} at the line's end: a longer one is printed on the page (the keys list's was)."""
    assert [path.name for path in TEMPLATES if re.search(r"\{#(?:(?!#\}).)*$", path.read_text(), re.MULTILINE)] == []
