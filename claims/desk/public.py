"""Published fact-checks for everyone, without login: index, page (with ClaimReview JSON-LD), feeds."""

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from claims.claimreview import claim_review, json_for_script
from claims.desk.markdown import body_html
from claims.desk.models import FactCheck

INDEX_SIZE = 50


def published_factchecks():
    return FactCheck.objects.filter(published_at__isnull=False).select_related("claim__actor").order_by("-published_at", "-id")


def factcheck_review(factcheck: FactCheck, *, url: str) -> dict | None:
    """The claim's ClaimReview, as reviewed by this page."""
    document = claim_review(factcheck.claim, claim_url=url)
    if document is not None:
        document["headline"] = factcheck.headline
        document["datePublished"] = factcheck.published_at.date().isoformat()
    return document


@require_GET
def factcheck_index(request: HttpRequest) -> HttpResponse:
    return render(request, "desk/public_index.html", {"factchecks": published_factchecks()[:INDEX_SIZE]})


@require_GET
def factcheck_page(request: HttpRequest, factcheck_id: int) -> HttpResponse:
    factcheck = published_factchecks().filter(pk=factcheck_id).first()
    if factcheck is None:
        raise Http404("No published fact-check with this number")
    # The page's own address, without whatever query a link added (utm_source=...).
    review = factcheck_review(factcheck, url=request.build_absolute_uri(reverse("factchecks:page", args=[factcheck.pk])))
    context = {
        "factcheck": factcheck,
        "body": body_html(factcheck.body, markdown=factcheck.body_format == FactCheck.BodyFormat.MARKDOWN),
        "claimreview_json": json_for_script(review) if review else "",
    }
    return render(request, "desk/public_factcheck.html", context)


class FactCheckRss(Feed):
    title = "Fact-checks"
    description = "Published fact-checks, newest first"

    def link(self):
        return reverse("factchecks:index")

    def items(self):
        return published_factchecks()[:INDEX_SIZE]

    def item_title(self, item: FactCheck) -> str:
        return item.headline

    def item_description(self, item: FactCheck) -> str:
        return item.summary  # the feed escapes it

    def item_link(self, item: FactCheck) -> str:
        return reverse("factchecks:page", args=[item.pk])

    def item_pubdate(self, item: FactCheck):
        return item.published_at

    def item_updateddate(self, item: FactCheck):
        return item.updated_at


class FactCheckAtom(FactCheckRss):
    feed_type = Atom1Feed
    subtitle = FactCheckRss.description
