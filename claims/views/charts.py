"""The server-rendered SVG chart of an actor's claims per week by verdict.

The bars are built here rather than in a template loop: the chart has a few hundred
coordinates, and printing each through the template engine (or format_html) made the chart
half the actor page's rendering time. Every piece is a number formatted here, a Verdict value,
or text passed through escape(), so the markup needs no further escaping.
"""

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString

from claims.models import Verdict
from claims.selectors.actor_profile import WeekCounts
from config.moments import DAY

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 760, 220, 36, 28, 10


def _nice_ceiling(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return value


def _coordinate(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _week_title(week: WeekCounts, segments: list[dict]) -> str:
    plural = "" if week.total == 1 else "s"
    parts = [f"Week of {date_format(week.week, DAY)}: {week.total} claim{plural}"]
    parts += [f"{segment['count']} {segment['label'].lower()}" for segment in segments]
    return ", ".join(parts)


def _bar_svg(bar: dict) -> str:
    rects = "".join(
        f'<rect x="{bar["x"]}" y="{segment["y"]}" width="{bar["width"]}" height="{segment["height"]}" '
        f'class="verdict-fill-{segment["verdict"]}"/>'
        for segment in bar["segments"]
    )
    label = (f'<text x="{bar["label_x"]}" y="{HEIGHT - 8}" class="axis" text-anchor="middle">{escape(bar["label"])}</text>'
             if bar["label"] else "")
    return f"<g><title>{escape(bar['title'])}</title>{rects}{label}</g>"


def weekly_verdict_chart(weeks: list[WeekCounts]) -> dict | None:
    """Stacked bars, one per week, one segment per verdict (colours come from CSS classes)."""
    if not weeks or not any(week.total for week in weeks):
        return None
    top = _nice_ceiling(max(week.total for week in weeks))
    plot_height = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT) / len(weeks)
    bars = []
    for i, week in enumerate(weeks):
        y = HEIGHT - BOTTOM
        segments = []
        for verdict, label in Verdict.choices:
            count = week.counts.get(verdict, 0)
            if count:
                height = count / top * plot_height
                y -= height
                segments.append({"verdict": verdict, "label": str(label), "count": count,
                                 "y": _coordinate(y), "height": _coordinate(height)})
        bars.append({
            "x": _coordinate(LEFT + i * slot + slot * 0.15), "width": _coordinate(slot * 0.7),
            "title": _week_title(week, segments), "segments": segments,
            "label": date_format(week.week, "j M") if i % 4 == 0 else "",
            "label_x": _coordinate(LEFT + i * slot + slot / 2),
        })
    gridlines = [
        {"value": str(top * k // 4), "y": _coordinate(HEIGHT - BOTTOM - plot_height * k / 4)} for k in range(5)
    ]
    return {"width": str(WIDTH), "height": str(HEIGHT), "left": str(LEFT), "axis_x": str(LEFT - 6),
            "bars_svg": SafeString("".join(_bar_svg(bar) for bar in bars)),
            "gridlines": gridlines, "baseline": str(HEIGHT - BOTTOM)}
