"""The search query as the URL carries it, validated: anything malformed is a clear 400, never a 500."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.http import QueryDict

from claims.forms import (
    ErrorSentenceMixin, PlainCheckbox, PlainCheckboxes, PlainDateInput, PlainNumberInput, PlainSelect, PlainTextInput,
)
from claims.models import Actor, Claim, Verdict
from claims.search.pagination import DATE, RELEVANCE, RELEVANT_RECENT, InvalidCursor, decode_cursor
from claims.search.selectors import ClaimSearch, actor_named
from sources.models import Outlet
from sources.selectors import outlet_choices

MAX_QUERY_LENGTH = 200
MAX_NOUN_LENGTH = 100
_DATE = PlainDateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _CachedOutletChoices(ModelChoiceIterator):
    """The outlets from the cache: the select is drawn on every search page, the list rarely changes."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from outlet_choices()

    def __len__(self):
        return len(outlet_choices()) + (self.field.empty_label is not None)


class OutletChoiceField(forms.ModelChoiceField):
    iterator = _CachedOutletChoices


class SearchForm(ErrorSentenceMixin, forms.Form):
    q = forms.CharField(
        label="Text", required=False, max_length=MAX_QUERY_LENGTH, strip=True,
        help_text='Words, "a phrase", OR, and -word to exclude',
    )
    actor = forms.CharField(label="Actor", required=False, max_length=300, help_text="Name, alias or id")
    children = forms.BooleanField(label="Include the actor's children", required=False, widget=PlainCheckbox)
    date_from = forms.DateField(label="Asserted from", required=False, input_formats=["%Y-%m-%d"], widget=_DATE)
    date_to = forms.DateField(label="Asserted until", required=False, input_formats=["%Y-%m-%d"], widget=_DATE)
    verdict = forms.MultipleChoiceField(
        label="Verdict", required=False, choices=Verdict.choices, widget=PlainCheckboxes
    )
    review_state = forms.MultipleChoiceField(
        label="Review state", required=False, choices=Claim.ReviewState.choices, widget=PlainCheckboxes
    )
    outlet = OutletChoiceField(
        label="Outlet", required=False, queryset=Outlet.objects.order_by("name"), widget=PlainSelect,
        help_text="Claims any article of this outlet reported, including claims another outlet reported first",
    )
    has_quantity = forms.BooleanField(label="Has a number", required=False, widget=PlainCheckbox)
    noun = forms.CharField(label="Counted noun", required=False, max_length=MAX_NOUN_LENGTH, widget=PlainTextInput)
    value_min = forms.DecimalField(
        label="At least", required=False, max_digits=24, decimal_places=6, widget=PlainNumberInput
    )
    value_max = forms.DecimalField(
        label="At most", required=False, max_digits=24, decimal_places=6, widget=PlainNumberInput
    )
    sort = forms.ChoiceField(
        label="Sort", required=False, widget=PlainSelect,
        choices=[(DATE, "Newest first"), (RELEVANCE, "Relevance"), (RELEVANT_RECENT, "Relevant and recent")],
        help_text="Newest first by default; \u201crelevant and recent\u201d lets a newer match outrank a somewhat better older one",
    )
    cursor = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def clean_actor(self) -> Actor | None:
        text = self.cleaned_data["actor"].strip()
        if not text:
            return None
        if text.isdigit():
            actor = Actor.objects.filter(pk=int(text)).first()
            if actor is None:
                raise ValidationError(f"There is no actor with id {text}.")
            return actor
        actor, candidates = actor_named(text)
        if actor:
            return actor
        if candidates:
            names = ", ".join(candidate.name for candidate in candidates)
            raise ValidationError(f"Several actors match \u201c{text}\u201d; pick one: {names}.")
        raise ValidationError(f"No actor matches \u201c{text}\u201d.")

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The end date is before the start date.")
        low, high = data.get("value_min"), data.get("value_max")
        if low is not None and high is not None and low > high:
            self.add_error("value_max", "The largest value is below the smallest.")
        if data.get("cursor") and not self.errors:
            try:
                data["cursor"] = decode_cursor(data["cursor"], sort=self.search().effective_sort)
            except InvalidCursor as error:
                self.add_error("cursor", str(error))
        else:
            data["cursor"] = None
        return data

    def search(self) -> ClaimSearch:
        data = self.cleaned_data
        return ClaimSearch(
            text=data["q"],
            actor=data["actor"],
            include_children=data["children"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            verdicts=tuple(data["verdict"]),
            review_states=tuple(data["review_state"]),
            outlet=data["outlet"],
            has_quantity=data["has_quantity"],
            noun=data["noun"].strip(),
            value_min=data["value_min"],
            value_max=data["value_max"],
            sort=data["sort"] or DATE,
        )


class SavedSearchForm(ErrorSentenceMixin, forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    query = forms.CharField(label="Query", required=False, max_length=2000, widget=forms.HiddenInput)

    def clean_query(self) -> str:
        params = QueryDict(self.cleaned_data["query"].lstrip("?"), mutable=True)
        params.pop("cursor", None)  # a saved search starts at its first page
        search_form = SearchForm(params)
        if not search_form.is_valid():
            raise ValidationError(search_form.error_message())
        return params.urlencode()
