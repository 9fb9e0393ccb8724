"""The editors' review queue: pending claims, newest first, filterable, 50 per page."""

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, QuerySet

from claims.models import Actor, Attribution, Claim
from claims.selectors.claims import with_cards

PAGE_SIZE = 50


@dataclass(frozen=True)
class ReviewFilters:
    outlet_id: int | None = None
    feed_id: int | None = None
    actor: Actor | None = None
    date_from: date | None = None
    date_to: date | None = None


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
        place["passage__article__outlet_id"] = filters.outlet_id
    if filters.feed_id:
        place["passage__article__feed_id"] = filters.feed_id
    if place:
        claims = claims.filter(Exists(Attribution.objects.filter(claim=OuterRef("pk"), **place)))
    return claims.order_by("-created_at", "-id")


def review_queue_page(filters: ReviewFilters, page_number: str | int | None) -> Page:
    page = Paginator(review_queue(filters).select_related("actor", "reviewed_by"), PAGE_SIZE).get_page(page_number)
    page.object_list = with_cards(list(page.object_list))
    return page
