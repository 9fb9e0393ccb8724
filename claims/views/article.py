"""The article page: its passages with every claim highlighted, each linking to its claim."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims.selectors.articles import article_page
from sources.models import Article


@require_GET
@permission_required("sources.view_article", raise_exception=True)
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    try:
        article = article_page(article_id)
    except Article.DoesNotExist as missing:
        raise Http404("No such article") from missing
    return render(request, "claims/article_detail.html", {"article": article})
