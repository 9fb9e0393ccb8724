"""Query parameters of the actor and article lists, validated like the search page's (400, never 500)."""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from claims.forms import ErrorSentenceMixin
from claims.models import Actor
from sources.models import Outlet

_TYPES = {
    forms.DateField: OpenApiTypes.DATE,
    forms.BooleanField: OpenApiTypes.BOOL,
    forms.DecimalField: OpenApiTypes.NUMBER,
    forms.ModelChoiceField: OpenApiTypes.INT,
}


class ActorFilterForm(ErrorSentenceMixin, forms.Form):
    q = forms.CharField(required=False, max_length=100, help_text="Name or alias; close spellings match too")
    parent = forms.ModelChoiceField(required=False, queryset=Actor.objects.all(), help_text="Parent actor id")


class ArticleFilterForm(ErrorSentenceMixin, forms.Form):
    outlet = forms.ModelChoiceField(required=False, queryset=Outlet.objects.all(), help_text="Outlet id")
    published_from = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    published_to = forms.DateField(required=False, input_formats=["%Y-%m-%d"])


def validated(form_class, query_params) -> forms.Form:
    """The bound, valid form; otherwise a 400 naming each bad parameter."""
    form = form_class(query_params)
    if not form.is_valid():
        raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
    return form


def form_parameters(form_class, *, exclude: tuple[str, ...] = ()) -> list[OpenApiParameter]:
    """OpenAPI query parameters described from a form's fields, so the schema follows the form."""
    parameters = []
    for name, field in form_class.base_fields.items():
        if name in exclude:
            continue
        kind = next((api_type for form_type, api_type in _TYPES.items() if isinstance(field, form_type)), OpenApiTypes.STR)
        choices = None
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            choices = [value for value, _ in field.choices if value]
        parameters.append(
            OpenApiParameter(
                name, kind, OpenApiParameter.QUERY, required=False, enum=choices,
                many=isinstance(field, forms.MultipleChoiceField), description=str(field.help_text or field.label or ""),
            )
        )
    return parameters
