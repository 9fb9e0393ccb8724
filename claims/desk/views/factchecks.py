"""Writing a claim's fact-check and publishing it (fact-checkers); the public pages are in claims.desk.public."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from claims.desk.forms import FactCheckForm
from claims.desk.markdown import body_html
from claims.desk.models import FactCheck
from claims.desk.services.factchecks import evidence_lines, factcheck_publish, factcheck_save
from claims.models import Claim


@require_http_methods(["GET", "POST"])
@permission_required("claims.change_factcheck", raise_exception=True)
def factcheck_edit(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.select_related("actor"), pk=claim_id)
    existing = FactCheck.objects.filter(claim=claim).first()
    form = FactCheckForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            factcheck_save(claim_id=claim.pk, user=request.user, headline=data["headline"], summary=data["summary"],
                           body=data["body"], body_format=data["body_format"], evidence=evidence_lines(data["evidence_text"]))
            messages.success(request, "Fact-check saved.")
            return redirect(reverse("claim_detail", args=[claim.pk]) + "#factcheck-section")
        except ValidationError as error:
            form.add_error(None, error)
    preview = body_html(existing.body, markdown=existing.body_format == FactCheck.BodyFormat.MARKDOWN) if existing else ""
    status = 400 if request.method == "POST" else 200
    return render(request, "desk/factcheck_form.html", {"claim": claim, "form": form, "factcheck": existing, "preview": preview}, status=status)


@require_POST
@permission_required("claims.publish_factcheck", raise_exception=True)
def factcheck_publish_view(request: HttpRequest, factcheck_id: int) -> HttpResponse:
    factcheck = get_object_or_404(FactCheck, pk=factcheck_id)
    published = request.POST.get("published") == "1"
    try:
        factcheck_publish(factcheck_id=factcheck.pk, user=request.user, published=published)
        messages.success(request, "Published: anyone can read it now." if published else "Unpublished: it is off the public pages.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("claim_detail", args=[factcheck.claim_id]) + "#factcheck-section")
