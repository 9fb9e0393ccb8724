"""{% claimreview_json claim as review_json %}: the claim's ClaimReview, ready for a <script> element.

Registered as the "claimreview" template library in settings (claims/search is not an app).
"""

from django import template
from django.utils.safestring import SafeString, mark_safe

from claims.claimreview import claim_page_url, claim_review, json_for_script

register = template.Library()


@register.simple_tag(takes_context=True)
def claimreview_json(context, claim) -> SafeString:
    """Empty while the claim has no verdict to publish."""
    document = claim_review(claim, claim_url=claim_page_url(claim.pk, request=context.get("request")))
    # json_for_script escapes <, > and &, so no text in the claim can end the element early.
    return mark_safe(json_for_script(document)) if document else mark_safe("")  # noqa: S308
