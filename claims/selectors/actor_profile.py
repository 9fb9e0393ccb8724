"""Reading an actor for its page: names, family, claims per week by verdict, latest claims."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Prefetch

from claims.models import Actor, Claim, Verdict

MIN_CHART_WEEKS, MAX_CHART_WEEKS = 8, 104
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


@dataclass(frozen=True)
class WeekCounts:
    week: date
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ActorActivity:
    verdict_counts: list[tuple[str, str, int]]  # (verdict, label, count) in the Verdict order
    weeks: list[WeekCounts]  # from the week of the actor's first dated claim to its latest's


def _chart_weeks(first_day: date, last_day: date) -> list[date]:
    """The Mondays from the first claim's week to the last's: at least MIN_CHART_WEEKS (padded on
    both sides, so one week's bar sits in the middle, not at the edge), at most the latest
    MAX_CHART_WEEKS."""
    last_week = last_day - timedelta(days=last_day.weekday())
    first_week = max(first_day - timedelta(days=first_day.weekday()), last_week - timedelta(weeks=MAX_CHART_WEEKS - 1))
    span = (last_week - first_week).days // 7 + 1
    if span < MIN_CHART_WEEKS:
        before = (MIN_CHART_WEEKS - span) // 2
        first_week -= timedelta(weeks=before)
        span = MIN_CHART_WEEKS
    return [first_week + timedelta(weeks=i) for i in range(span)]


def actor_activity(actor: Actor) -> ActorActivity:
    """Counts by verdict and claims per week by verdict, from one index-only scan.

    Grouping by the plain date (not a truncated week) keeps the database's work to counting
    index entries; the weeks are summed here. Verdict first, as in claim_actor_verdict_idx, so
    the groups come out of the index in order instead of through a hash table (a third faster
    for an actor with 40,000 claims).
    """
    rows = list(
        Claim.objects.filter(actor=actor).order_by().values_list("verdict", "asserted_on").annotate(n=Count("*"))
    )
    totals: dict[str, int] = defaultdict(int)
    for verdict, _, n in rows:
        totals[verdict] += n
    verdict_counts = [(value, label, totals[value]) for value, label in Verdict.choices if totals.get(value)]
    dated = [row for row in rows if row[1] is not None]
    if not dated:
        return ActorActivity(verdict_counts, [])
    weeks = _chart_weeks(min(day for _, day, _ in dated), max(day for _, day, _ in dated))
    by_week: dict[date, dict[str, int]] = {week: defaultdict(int) for week in weeks}
    for verdict, day, n in dated:
        if day >= weeks[0]:
            by_week[day - timedelta(days=day.weekday())][verdict] += n
    return ActorActivity(verdict_counts, [WeekCounts(week, dict(counts)) for week, counts in sorted(by_week.items())])


def actor_latest_claims(actor: Actor, *, limit: int = LATEST_CLAIMS) -> list[Claim]:
    return list(Claim.objects.filter(actor=actor).order_by("-asserted_on", "-id")[:limit])
