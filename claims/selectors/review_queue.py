"""The editors' review queue: pending claims, newest first, filterable, 50 per page."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, QuerySet

from claims.models import Actor, Attribution, Claim
from claims.search.selectors import COUNT_CAP, count_capped
from claims.selectors.claims import with_cards

PAGE_SIZE = 50


@dataclass(frozen=True)
class ReviewFilters:
    outlet_id: int | None = None
    feed_id: int | None = None
    actor: Actor | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class QueuePage:
    """One page of the queue. The total is counted up to COUNT_CAP only: counting 25,000
    pending claims took longer than reading and rendering the page."""

    object_list: list[Claim]
    number: int
    total: int
    total_is_lower_bound: bool
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * PAGE_SIZE + 1 if self.object_list else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * PAGE_SIZE + len(self.object_list)

    @property
    def num_pages(self) -> int | None:
        """None when the total is only a lower bound."""
        return None if self.total_is_lower_bound else _pages_for(self.total)


def review_queue(filters: ReviewFilters) -> QuerySet:
    claims = Claim.objects.filter(review_state=Claim.ReviewState.PENDING)
    if filters.actor is not None:
        claims = claims.filter(actor=filters.actor)
    if filters.date_from:
        claims = claims.filter(asserted_on__gte=filters.date_from)
    if filters.date_to:
        claims = claims.filter(asserted_on__lte=filters.date_to)
    place = {}
    if filters.outlet_id:
        place["outlet_id"] = filters.outlet_id  # stored on the attribution: no join through articles
    if filters.feed_id:
        place["passage__article__feed_id"] = filters.feed_id
    if place:
        claims = claims.filter(Exists(Attribution.objects.filter(claim=OuterRef("pk"), **place)))
    return claims.order_by("-created_at", "-id")


def _pages_for(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def _page_number(value: str | int | None) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def review_queue_page(filters: ReviewFilters, page_number: str | int | None) -> QueuePage:
    """A page past the end (its claims were reviewed meanwhile) shows the last page instead."""
    claims = review_queue(filters)
    total, is_lower_bound = count_capped(claims, cap=COUNT_CAP)
    number = _page_number(page_number)
    if not is_lower_bound:
        number = min(number, _pages_for(total))
    offset = (number - 1) * PAGE_SIZE
    # One row more than the page tells whether there is a next page without counting them all.
    rows = list(claims.select_related("actor", "reviewed_by")[offset:offset + PAGE_SIZE + 1])
    return QueuePage(
        object_list=with_cards(rows[:PAGE_SIZE]), number=number, total=total,
        total_is_lower_bound=is_lower_bound, has_next=len(rows) > PAGE_SIZE,
    )
