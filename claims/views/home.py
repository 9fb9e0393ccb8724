from django.shortcuts import render

from claims.models import Claim
from claims.roles import EDITOR, FACT_CHECKER, roles_of


def home(request):
    """Send each role to its work: editors to the review queue, fact-checkers to verdicts."""
    roles = roles_of(request.user)
    context = {
        "pending_count": Claim.objects.filter(review_state=Claim.ReviewState.PENDING).count(),
        "can_review": request.user.has_perm("claims.review_claim"),
        "can_verify": request.user.has_perm("claims.set_verdict"),
        "is_editor": EDITOR in roles or FACT_CHECKER in roles,
    }
    return render(request, "claims/home.html", context)
