"""API pages: claims page by the search's keyset cursor; actors and articles by DRF's cursor."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination, CursorPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from claims.search.selectors import claims_page, count_capped

DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 25, 100


def page_size_from(request) -> int:
    raw = request.query_params.get("page_size", "")
    if not raw:
        return DEFAULT_PAGE_SIZE
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise ValidationError({"page_size": [f"Enter a whole number from 1 to {MAX_PAGE_SIZE}."]})
    return int(raw)


class SearchKeysetPagination(BasePagination):
    """The search page's keyset pages; the view provides the validated search and cursor."""

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.total, self.total_is_lower_bound = count_capped(queryset)
        rows, self.next_cursor = claims_page(view.search, queryset, cursor=view.cursor, size=page_size_from(request))
        return rows

    def get_paginated_response(self, data):
        next_url = None
        if self.next_cursor:
            next_url = replace_query_param(self.request.build_absolute_uri(), "cursor", self.next_cursor.encode())
        return Response(
            {"count": self.total, "count_is_lower_bound": self.total_is_lower_bound, "next": next_url, "results": data}
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "count_is_lower_bound", "next", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Matches, counted up to a cap"},
                "count_is_lower_bound": {"type": "boolean", "description": "True when there are more than `count`"},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }


class IdCursorPagination(CursorPagination):
    ordering = "-id"
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
