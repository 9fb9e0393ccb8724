from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from claims.models import Claim
from claims.selectors.claims import claims_awaiting_verdict

HOME_LIST = 8


def home(request: HttpRequest) -> HttpResponse:
    """Send each role to its work: editors to the review queue, fact-checkers to claims that
    need a verdict, everyone to the latest accepted claims."""
    can_review = request.user.has_perm("claims.review_claim")
    can_verify = request.user.has_perm("claims.set_verdict")
    context = {
        "can_review": can_review,
        "can_verify": can_verify,
        "pending_count": Claim.objects.filter(review_state=Claim.ReviewState.PENDING).count() if can_review else None,
        "awaiting_verdict": claims_awaiting_verdict(limit=HOME_LIST) if can_verify else [],
        "latest": list(
            Claim.objects.exclude(review_state__in=[Claim.ReviewState.PENDING, Claim.ReviewState.REJECTED])
            .select_related("actor").order_by("-asserted_on", "-id")[:HOME_LIST]
        ),
    }
    return render(request, "claims/home.html", context)
