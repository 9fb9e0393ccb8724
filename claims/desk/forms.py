from django import forms

from claims.desk.models import DeliverySettings, FactCheck
from claims.desk.services.assignments import fact_checkers
from claims.desk.services.notes import MAX_NOTE_LENGTH


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label="Fact-checker", queryset=fact_checkers(), to_field_name="username")
    due_on = forms.DateField(label="Due", required=False, input_formats=["%Y-%m-%d"],
                             widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class NoteForm(forms.Form):
    text = forms.CharField(label="Note", max_length=MAX_NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))


class DeliverySettingsForm(forms.ModelForm):
    class Meta:
        model = DeliverySettings
        fields = ["email_mode"]
        widgets = {"email_mode": forms.RadioSelect}
        labels = {"email_mode": "Email me my notifications"}


class SubscriptionForm(forms.Form):
    subscribed = forms.BooleanField(required=False)
    webhook_url = forms.URLField(label="Webhook URL", required=False, max_length=500, assume_scheme="https")


class FactCheckForm(forms.ModelForm):
    evidence_text = forms.CharField(label="Evidence", required=False, widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
                                    help_text="One source a line: a URL or a reference")

    class Meta:
        model = FactCheck
        fields = ["headline", "summary", "body_format", "body"]
        widgets = {"headline": forms.TextInput(attrs={"dir": "auto"}), "summary": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
                   "body": forms.Textarea(attrs={"rows": 14, "dir": "auto"}), "body_format": forms.RadioSelect}
        help_texts = {"body": "Plain text, or Markdown (HTML in it is shown as text, not run)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["evidence_text"] = "\n".join(self.instance.evidence)
