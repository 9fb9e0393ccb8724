"""Read-only JSON API: claims with the search page's filters, actors and articles. Token auth per user."""

from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
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
from config.replicas import replica_reads
from sources.models import Article


class HasViewPermission(BasePermission):
    """Every role may read; a login with no role may not."""

    def has_permission(self, request, view):
        return request.user.has_perm(view.view_permission)


_CLAIM_DETAILS = (
    "actor",
    "quantities",
    Prefetch(
        "attributions",
        queryset=Attribution.objects.select_related("actor", "passage__article__outlet").defer(
            "passage__text", "passage__article__raw_html", "passage__article__text"
        ),
    ),
)


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Reads only. A list validates its query parameters with `filter_form` (400 naming the bad ones)."""

    permission_classes = [IsAuthenticated, HasViewPermission]
    pagination_class = IdCursorPagination
    filter_form: type

    def dispatch(self, request, *args, **kwargs):
        with replica_reads():
            return super().dispatch(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        self.filters = validated(self.filter_form, request.query_params)
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        rows = self.rows()
        return self.filtered(rows, self.filters) if self.action == "list" else rows


@extend_schema_view(
    list=extend_schema(
        description="Claims matching the search page's filters, in its order, a keyset page at a time.",
        parameters=form_parameters(SearchForm) + [OpenApiParameter("page_size", OpenApiTypes.INT, description="1 to 100")],
    )
)
class ClaimViewSet(ReadOnlyViewSet):
    serializer_class = ClaimSerializer
    view_permission = "claims.view_claim"
    pagination_class = SearchKeysetPagination
    filter_form = SearchForm

    def rows(self):
        return Claim.objects.prefetch_related(*_CLAIM_DETAILS)

    def filtered(self, claims, form):
        """The search selector's queryset (it builds its own; the paginator counts it and ranks a page of it)."""
        self.search, self.cursor = form.search(), form.cleaned_data["cursor"]  # the keyset paginator reads these
        return claims_matching(self.search)

    def paginate_queryset(self, queryset):
        """The page's claims with their details (a relevance page is a new query, so prefetching is done here)."""
        claims = super().paginate_queryset(queryset)
        prefetch_related_objects(claims, *_CLAIM_DETAILS)
        return claims

    @extend_schema(responses={200: OpenApiTypes.OBJECT, 404: None})
    @action(detail=True, url_path="claimreview")
    def claimreview(self, request, pk=None):
        """The claim's schema.org ClaimReview (JSON-LD); 404 while it has no verdict."""
        claim = self.get_object()
        document = claim_review(claim, claim_url=claim_page_url(claim.pk, request=request))
        if document is None:
            raise Http404("This claim has no verdict to publish yet.")
        return Response(document)


@extend_schema_view(list=extend_schema(parameters=form_parameters(ActorFilterForm)))
class ActorViewSet(ReadOnlyViewSet):
    serializer_class = ActorSerializer
    view_permission = "claims.view_actor"
    filter_form = ActorFilterForm

    def rows(self):
        return Actor.objects.filter(merged_into__isnull=True).prefetch_related("aliases")

    def filtered(self, actors, form):
        if form.cleaned_data["q"]:
            actors = actors.filter(pk__in=[actor.pk for actor in actor_suggestions(form.cleaned_data["q"])])
        if form.cleaned_data["parent"]:
            actors = actors.filter(parent=form.cleaned_data["parent"])
        return actors


@extend_schema_view(list=extend_schema(parameters=form_parameters(ArticleFilterForm)))
class ArticleViewSet(ReadOnlyViewSet):
    serializer_class = ArticleSerializer
    view_permission = "sources.view_article"
    filter_form = ArticleFilterForm

    def rows(self):
        return Article.objects.select_related("outlet").defer("raw_html", "text")

    def filtered(self, articles, form):
        filters = form.cleaned_data
        if filters["outlet"]:
            articles = articles.filter(outlet=filters["outlet"])
        if filters["published_from"]:
            articles = articles.filter(published_at__date__gte=filters["published_from"])
        if filters["published_to"]:
            articles = articles.filter(published_at__date__lte=filters["published_to"])
        return articles
