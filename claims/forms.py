"""Forms for the reviewers' workspace: they read input; services apply the rules."""

from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from claims.models import Actor, ClaimLink, Evidence, UserPreferences, Verdict
from claims.selectors.actors import actor_by_name
from claims.selectors.review_queue import ReviewFilters
from claims.services.quantities import QuantityInput, parse_quantity_line
from claims.services.verdicts import EvidenceInput
from sources.models import Feed, Outlet


class ActorNameField(forms.CharField):
    """An actor typed by name or alias (the autocomplete fills in the canonical name)."""

    def clean(self, value) -> Actor | None:
        name = super().clean(value)
        if not name:
            return None
        actor = actor_by_name(name)
        if actor is None:
            raise forms.ValidationError(
                f'No actor is called "{name}". Pick one from the suggestions, or create it there.'
            )
        return actor


class PlainSelect(forms.Select):
    """A <select> built in Python. Django renders every option through a template: the queue's
    two filter lists cost 4 ms of each page that way, a tenth of it like this."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = format_html_join(
            "", '<option value="{}"{}>{}</option>',
            ((choice, " selected" if str(choice) in selected else "", label) for choice, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})), options)


class PlainInputMixin:
    """An <input> built in Python with the attributes Django's template gives it, for the same reason as
    PlainSelect: the search form's seven inputs cost 1 ms of each search page through the template."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = format_html(' value="{}"', widget["value"]) if widget["value"] is not None else ""
        return format_html('<input type="{}" name="{}"{}{}>', widget["type"], name, shown, flatatt(widget["attrs"]))


class PlainTextInput(PlainInputMixin, forms.TextInput):
    pass


class PlainNumberInput(PlainInputMixin, forms.NumberInput):
    pass


class PlainDateInput(PlainInputMixin, forms.DateInput):
    pass


class PlainCheckbox(PlainInputMixin, forms.CheckboxInput):
    pass


class ErrorSentenceMixin:
    """Forms whose errors are told as one sentence (search, the review queue's filters)."""

    def error_message(self) -> str:
        """Every problem as "Field: message", for a 400 page or a plain-text answer."""
        labels = {name: str(field.label or name) for name, field in self.fields.items()}
        labels["__all__"] = "Search"
        return " ".join(f"{labels.get(name, name)}: {' '.join(errors)}" for name, errors in self.errors.items())


_NOT_A_DATE = {"invalid": "Give a date as YYYY-MM-DD (the date picker writes it so)."}


class PlainCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes built in Python, with the HTML Django's templates give, for the same reason as PlainSelect."""

    def render(self, name, value, attrs=None, renderer=None):
        checked = set(self.format_value(value))
        box_id = self.build_attrs(self.attrs, attrs).get("id", f"id_{name}")
        boxes = format_html_join(
            "", '<div><label for="{}_{}"><input type="checkbox" name="{}" value="{}" id="{}_{}"{}> {}</label></div>',
            (
                (box_id, index, name, choice, box_id, index, " checked" if str(choice) in checked else "", label)
                for index, (choice, label) in enumerate(self.choices)
            ),
        )
        return format_html('<div id="{}">{}</div>', box_id, boxes)


class ReviewFilterForm(ErrorSentenceMixin, forms.Form):
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.order_by("name"), required=False, empty_label="All outlets", widget=PlainSelect,
        label="Outlet", error_messages={"invalid_choice": "There is no outlet %(value)s; pick one from the list."},
    )
    feed = forms.ModelChoiceField(
        queryset=Feed.objects.select_related("outlet").order_by("outlet__name", "title", "url"),
        required=False, empty_label="All feeds", widget=PlainSelect, label="Feed",
        error_messages={"invalid_choice": "There is no feed %(value)s; pick one from the list."},
    )
    actor = ActorNameField(required=False, label="Actor")
    date_from = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="Said from",
                                error_messages=_NOT_A_DATE)
    date_to = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="Said until",
                              error_messages=_NOT_A_DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Listed with one plain query each: a model field's own choices come through a
        # server-side cursor, four round trips to PostgreSQL per list.
        for field in (self.fields["outlet"], self.fields["feed"]):
            field.choices = [("", field.empty_label), *((row.pk, field.label_from_instance(row)) for row in field.queryset)]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The end date is before the start date.")
        return data

    def filters(self) -> ReviewFilters:
        """Only for a valid form: a queue filtered by some of what was asked would pass for the answer."""
        data = self.cleaned_data
        return ReviewFilters(
            outlet_id=data["outlet"].pk if data.get("outlet") else None,
            feed_id=data["feed"].pk if data.get("feed") else None,
            actor=data.get("actor"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


class ClaimEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    actor = ActorNameField(required=False, max_length=300)
    content = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), help_text="Words from the passage, copied exactly")
    asserted_on = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="Said on")
    quantities = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text='One per line: "17 of 22 drones", "~500 soldiers", "3-5 km", "45% turnout"',
    )

    @classmethod
    def for_claim(cls, claim, **kwargs) -> "ClaimEditForm":
        primary = claim.primary
        content = primary.passage.text[primary.content_start:primary.content_end] if primary else claim.text
        return cls(initial={
            "version": claim.version,
            "actor": claim.actor.name if claim.actor_id else "",
            "content": content,
            "asserted_on": claim.asserted_on,
            "quantities": "\n".join(claim.card["quantities"]),
        }, **kwargs)

    def clean_quantities(self) -> list[QuantityInput]:
        parsed, problems = [], []
        for line in self.cleaned_data["quantities"].splitlines():
            if line.strip():
                try:
                    parsed.append(parse_quantity_line(line))
                except ValueError as error:
                    problems.append(str(error))
        if problems:
            raise forms.ValidationError(problems)
        return parsed


class VerdictForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    verdict = forms.ChoiceField(choices=Verdict.choices)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}), help_text="How the verdict was reached")
    evidence_url = forms.URLField(required=False, label="Evidence URL", assume_scheme="https")
    evidence_text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}), label="or evidence text")
    evidence_source = forms.CharField(required=False, max_length=300, label="Evidence source")
    evidence_independent = forms.TypedChoiceField(
        choices=[("", "—"), ("yes", "Yes, independent of the claimant"), ("no", "No, connected to the claimant")],
        coerce=lambda v: v == "yes", required=False, label="Is the source independent?",
    )
    evidence_stance = forms.ChoiceField(choices=[("", "—"), *Evidence.Stance.choices], required=False, label="The evidence")

    def clean(self):
        data = super().clean()
        has_evidence = data.get("evidence_url") or data.get("evidence_text")
        if has_evidence:
            if data.get("evidence_independent") in (None, ""):
                self.add_error("evidence_independent", "Say whether the evidence's source is independent.")
            if not data.get("evidence_stance"):
                self.add_error("evidence_stance", "Say whether the evidence supports or refutes the claim.")
        elif data.get("evidence_source"):
            self.add_error("evidence_url", "Give the evidence's URL or text.")
        return data

    def evidence(self) -> EvidenceInput | None:
        data = self.cleaned_data
        if not (data.get("evidence_url") or data.get("evidence_text")):
            return None
        return EvidenceInput(
            url=data["evidence_url"], text=data["evidence_text"].strip(), source_name=data["evidence_source"].strip(),
            is_independent=data["evidence_independent"], stance=data["evidence_stance"],
        )


class ClaimLinkForm(forms.Form):
    kind = forms.ChoiceField(choices=ClaimLink.Kind.choices)
    to_claim = forms.IntegerField(min_value=1, label="Claim number", error_messages={"required": "Pick a claim to link."})
    note = forms.CharField(required=False, max_length=1000)


class ActorChangeForm(forms.Form):
    """`seen`: the newest audit entry the editor's page showed, so a conflict can list what came
    after. Forms that replace a value also carry the value they replace (see previous_values)."""

    seen = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    @staticmethod
    def previous_values(actor: Actor) -> dict:
        return {}


class ActorRenameForm(ActorChangeForm):
    name = forms.CharField(max_length=300)
    previous_name = forms.CharField(widget=forms.HiddenInput, max_length=300)

    @staticmethod
    def previous_values(actor: Actor) -> dict:
        return {"previous_name": actor.name}


class ActorAliasForm(ActorChangeForm):
    alias = forms.CharField(max_length=300)


class ActorParentForm(ActorChangeForm):
    parent = ActorNameField(required=False, max_length=300, help_text="Leave empty for no parent")
    previous_parent = forms.IntegerField(widget=forms.HiddenInput, min_value=0, help_text="0: it had none")

    @staticmethod
    def previous_values(actor: Actor) -> dict:
        return {"previous_parent": actor.parent_id or 0}


class ActorMergeForm(forms.Form):
    target = ActorNameField(max_length=300, label="Merge into")


class ActorDetailsForm(ActorChangeForm):
    kind = forms.ChoiceField(choices=Actor.Kind.choices)
    country = forms.CharField(max_length=100, required=False)
    wikidata_id = forms.RegexField(
        regex=r"^Q[1-9][0-9]*$", max_length=20, required=False, label="Wikidata id",
        error_messages={"invalid": "A Wikidata id is Q followed by digits, as in Q212."},
    )
    is_reviewed = forms.BooleanField(required=False, label="Checked by an editor")
    # What the page showed, to refuse overwriting a change saved meanwhile (see actor_set_details).
    previous_kind = forms.CharField(widget=forms.HiddenInput, required=False)
    previous_country = forms.CharField(widget=forms.HiddenInput, required=False)
    previous_wikidata_id = forms.CharField(widget=forms.HiddenInput, required=False)
    previous_is_reviewed = forms.BooleanField(widget=forms.HiddenInput, required=False)

    @staticmethod
    def previous_values(actor: Actor) -> dict:
        return {
            "previous_kind": actor.kind, "previous_country": actor.country,
            "previous_wikidata_id": actor.wikidata_id, "previous_is_reviewed": actor.is_reviewed,
        }

    def details(self) -> dict:
        return {field: self.cleaned_data[field] for field in ("kind", "country", "wikidata_id", "is_reviewed")}

    def expected(self) -> dict:
        return {field: self.cleaned_data[f"previous_{field}"] for field in ("kind", "country", "wikidata_id", "is_reviewed")}


def _time_zone_choices() -> list[tuple[str, str]]:
    newsroom = settings.NEWSROOM_TIME_ZONE
    return [("", f"The newsroom's ({newsroom})"), *((name, name.replace("_", " ")) for name in sorted(available_timezones()))]


class PreferencesForm(forms.Form):
    time_zone = forms.ChoiceField(choices=_time_zone_choices, required=False, label="Time zone",
                                  help_text="Every time on every page is shown in it")
    queue_density = forms.ChoiceField(choices=UserPreferences.QueueDensity.choices, widget=forms.RadioSelect,
                                      label="Review cards")
