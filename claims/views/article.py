"""The article page (its passages with every claim highlighted, each linking to its claim) and
the article review page (the same text with every claim's review card in reading order)."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims.selectors.articles import article_page, article_review
from claims.selectors.users import prefers_compact_cards
from sources.models import Article


def _read_article(selector, article_id: int) -> Article:
    try:
        return selector(article_id)
    except Article.DoesNotExist as missing:
        raise Http404("No such article") from missing


@require_GET
@permission_required("sources.view_article", raise_exception=True)
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    context = {"article": _read_article(article_page, article_id), "can_review": request.user.has_perm("claims.review_claim")}
    return render(request, "claims/article_detail.html", context)


@require_GET
@permission_required("claims.review_claim", raise_exception=True)
def article_review_page(request: HttpRequest, article_id: int) -> HttpResponse:
    context = {
        "article": _read_article(article_review, article_id), "can_review": True,
        "compact": prefers_compact_cards(request.user), "csrf_token": get_token(request),
    }
    return render(request, "claims/article_review.html", context)
