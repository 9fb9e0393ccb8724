"""Rendering one template as a whole page or as the fragment an htmx request asked for."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme


def wants_fragment(request: HttpRequest) -> bool:
    # A history restore (back button after the cache expired) needs the whole page.
    return bool(request.htmx) and not request.htmx.history_restore_request


def render_fragments(request: HttpRequest, template: str, fragments: list[str], context: dict, *, all_oob: bool = False) -> HttpResponse:
    """The first fragment is the swap target (unless all_oob); the others carry hx-swap-oob in
    their markup (the templates add it when `oob` is true)."""
    html = "".join(
        render_to_string(f"{template}#{name}", {**context, "oob": all_oob or i > 0}, request)
        for i, name in enumerate(fragments)
    )
    return HttpResponse(html)


def render_page_or_fragment(request: HttpRequest, page: str, fragments: list[str], context: dict, *, status: int = 200) -> HttpResponse:
    """`status` is for the whole page (409 for a conflict, 400 for a bad form): htmx swaps only
    2xx answers, so fragments answer 200 and carry the message in their markup."""
    if wants_fragment(request):
        response = render_fragments(request, page, fragments, context)
    else:
        response = HttpResponse(render_to_string(page, context, request), status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def redirect_back(request: HttpRequest, fallback: str) -> HttpResponse:
    return redirect(safe_next(request, fallback))
