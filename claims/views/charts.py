"""Geometry for the server-rendered SVG chart of an actor's claims per week by verdict."""

from claims.models import Verdict
from claims.selectors.actor_profile import WeekCounts

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 760, 220, 36, 28, 10


def _nice_ceiling(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return value


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
                segments.append({"verdict": verdict, "label": label, "count": count, "y": round(y, 1), "height": round(height, 1)})
        bars.append({
            "x": round(LEFT + i * slot + slot * 0.15, 1), "width": round(slot * 0.7, 1), "week": week.week,
            "total": week.total, "segments": segments, "show_label": i % 4 == 0,
            "label_x": round(LEFT + i * slot + slot / 2, 1),
        })
    gridlines = [
        {"value": top * k // 4, "y": round(HEIGHT - BOTTOM - plot_height * k / 4, 1)} for k in range(5)
    ]
    used = {segment["verdict"] for bar in bars for segment in bar["segments"]}
    legend = [(value, label) for value, label in Verdict.choices if value in used]
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "bars": bars, "gridlines": gridlines,
            "legend": legend, "baseline": HEIGHT - BOTTOM, "label_y": HEIGHT - 8}
