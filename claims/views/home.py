from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from claims.desk.selectors import open_assignments_of
from claims.models import Claim
from claims.search.selectors import count_capped
from claims.selectors.articles import latest_articles
from claims.selectors.claims import claims_awaiting_verdict
from claims.selectors.review_queue import ReviewFilters, review_queue

HOME_LIST = 8


def home(request: HttpRequest) -> HttpResponse:
    """Send each role to its work: editors to the review queue, fact-checkers to claims that
    need a verdict, everyone to search, the latest accepted claims and the latest articles."""
    can_review = request.user.has_perm("claims.review_claim")
    can_verify = request.user.has_perm("claims.set_verdict")
    # Counted up to 1,000 like the queue itself: a full count of a long queue is slow.
    pending_count, pending_is_lower_bound = count_capped(review_queue(ReviewFilters())) if can_review else (None, False)
    context = {
        "can_review": can_review,
        "can_verify": can_verify,
        "pending_count": pending_count,
        "pending_is_lower_bound": pending_is_lower_bound,
        "awaiting_verdict": claims_awaiting_verdict(limit=HOME_LIST) if can_verify else [],
        "my_claims": list(open_assignments_of(request.user)[:HOME_LIST]),
        "latest": list(
            Claim.objects.exclude(review_state__in=[Claim.ReviewState.PENDING, Claim.ReviewState.REJECTED])
            .select_related("actor").order_by("-asserted_on", "-id")[:HOME_LIST]
        ),
        "articles": latest_articles(limit=HOME_LIST),
    }
    if not context["latest"]:
        # Day one, before any review: the newest extracted claims, marked as not reviewed yet.
        context["unreviewed"] = list(
            Claim.objects.filter(review_state=Claim.ReviewState.PENDING).select_related("actor").order_by("-id")[:HOME_LIST]
        )
    return render(request, "claims/home.html", context)
