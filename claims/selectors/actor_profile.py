"""Reading an actor for its page: names, family, claims per week by verdict, latest claims."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Prefetch
from django.db.models.functions import TruncWeek

from claims.models import Actor, Claim, Verdict

CHART_WEEKS = 26
LATEST_CLAIMS = 20


def actor_profile(actor_id: int) -> Actor:
    """Raises Actor.DoesNotExist."""
    return (
        Actor.objects.select_related("parent", "merged_into")
        .prefetch_related(
            "aliases",
            Prefetch("children", queryset=Actor.objects.filter(merged_into__isnull=True).order_by("name")),
            Prefetch("merged_actors", queryset=Actor.objects.order_by("name")),
        )
        .get(pk=actor_id)
    )


def actor_verdict_counts(actor: Actor) -> list[tuple[str, str, int]]:
    """(verdict, label, count) for every verdict the actor's claims have, in the Verdict order."""
    counts = dict(Claim.objects.filter(actor=actor).order_by().values_list("verdict").annotate(n=Count("id")))
    return [(value, label, counts[value]) for value, label in Verdict.choices if counts.get(value)]


@dataclass(frozen=True)
class WeekCounts:
    week: date
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def actor_weekly_verdicts(actor: Actor, *, weeks: int = CHART_WEEKS) -> list[WeekCounts]:
    """Claims per week by verdict, for the `weeks` weeks up to the actor's latest claim."""
    claims = Claim.objects.filter(actor=actor, asserted_on__isnull=False)
    latest = claims.order_by("-asserted_on").values_list("asserted_on", flat=True).first()
    if latest is None:
        return []
    last_week = latest - timedelta(days=latest.weekday())
    first_week = last_week - timedelta(weeks=weeks - 1)
    rows = (
        claims.filter(asserted_on__gte=first_week)
        .annotate(week=TruncWeek("asserted_on"))
        .order_by()
        .values_list("week", "verdict")
        .annotate(n=Count("id"))
    )
    by_week: dict[date, dict[str, int]] = {first_week + timedelta(weeks=i): {} for i in range(weeks)}
    for week, verdict, n in rows:
        week = week.date() if hasattr(week, "date") else week
        by_week.setdefault(week, {})[verdict] = n
    return [WeekCounts(week, counts) for week, counts in sorted(by_week.items())]


def actor_latest_claims(actor: Actor, *, limit: int = LATEST_CLAIMS) -> list[Claim]:
    return list(Claim.objects.filter(actor=actor).order_by("-asserted_on", "-id")[:limit])
