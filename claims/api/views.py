"""Read-only JSON API: claims with the search page's filters, actors and articles. Token auth per user."""

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from claims.api.filters import ActorFilterForm, ArticleFilterForm, form_parameters, validated
from claims.api.pagination import IdCursorPagination, SearchKeysetPagination
from claims.api.serializers import ActorSerializer, ArticleSerializer, ClaimSerializer
from claims.claimreview import claim_page_url, claim_review
from claims.models import Actor, Attribution, Claim
from claims.search.forms import SearchForm
from claims.search.selectors import claims_matching
from claims.selectors.actors import actor_suggestions
from sources.models import Article


class HasViewPermission(BasePermission):
    """Every role may read; a login with no role may not."""

    def has_permission(self, request, view):
        return request.user.has_perm(view.view_permission)


_ATTRIBUTIONS = Prefetch(
    "attributions",
    queryset=Attribution.objects.select_related("actor", "passage__article__outlet").defer("passage__text", "passage__article__raw_html", "passage__article__text"),
)


class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClaimSerializer
    permission_classes = [IsAuthenticated, HasViewPermission]
    view_permission = "claims.view_claim"
    pagination_class = SearchKeysetPagination

    def get_queryset(self):
        claims = claims_matching(self.search) if self.action == "list" else Claim.objects.select_related("actor")
        return claims.prefetch_related("quantities", _ATTRIBUTIONS)

    @extend_schema(
        parameters=form_parameters(SearchForm) + [OpenApiParameter("page_size", OpenApiTypes.INT, description="1 to 100")],
    )
    def list(self, request, *args, **kwargs):
        """Claims matching the search page's filters, in its order, a keyset page at a time."""
        form = validated(SearchForm, request.query_params)
        self.search, self.cursor = form.search(), form.cleaned_data["cursor"]
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: OpenApiTypes.OBJECT, 404: None})
    @action(detail=True, url_path="claimreview")
    def claimreview(self, request, pk=None):
        """The claim's schema.org ClaimReview (JSON-LD); 404 while it has no verdict."""
        claim = self.get_object()
        document = claim_review(claim, claim_url=claim_page_url(claim.pk, request=request))
        if document is None:
            raise Http404("This claim has no verdict to publish yet.")
        return Response(document)


class ActorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ActorSerializer
    permission_classes = [IsAuthenticated, HasViewPermission]
    view_permission = "claims.view_actor"
    pagination_class = IdCursorPagination

    def get_queryset(self):
        actors = Actor.objects.filter(merged_into__isnull=True).prefetch_related("aliases")
        if self.action != "list":
            return actors
        filters = validated(ActorFilterForm, self.request.query_params).cleaned_data
        if filters["q"]:
            actors = actors.filter(pk__in=[actor.pk for actor in actor_suggestions(filters["q"])])
        if filters["parent"]:
            actors = actors.filter(parent=filters["parent"])
        return actors

    @extend_schema(parameters=form_parameters(ActorFilterForm))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ArticleSerializer
    permission_classes = [IsAuthenticated, HasViewPermission]
    view_permission = "sources.view_article"
    pagination_class = IdCursorPagination

    def get_queryset(self):
        articles = Article.objects.select_related("outlet").defer("raw_html", "text")
        if self.action != "list":
            return articles
        filters = validated(ArticleFilterForm, self.request.query_params).cleaned_data
        if filters["outlet"]:
            articles = articles.filter(outlet=filters["outlet"])
        if filters["published_from"]:
            articles = articles.filter(published_at__date__gte=filters["published_from"])
        if filters["published_to"]:
            articles = articles.filter(published_at__date__lte=filters["published_to"])
        return articles

    @extend_schema(parameters=form_parameters(ArticleFilterForm))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)
