from django import forms

from claims.desk.models import DeliverySettings
from claims.desk.services.assignments import fact_checkers
from claims.desk.services.notes import MAX_NOTE_LENGTH


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label="Fact-checker", queryset=fact_checkers(), to_field_name="username")
    due_on = forms.DateField(label="Due", required=False, input_formats=["%Y-%m-%d"],
                             widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class NoteForm(forms.Form):
    text = forms.CharField(label="Note", max_length=MAX_NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 3}))


class DeliverySettingsForm(forms.ModelForm):
    class Meta:
        model = DeliverySettings
        fields = ["email_mode"]
        widgets = {"email_mode": forms.RadioSelect}
        labels = {"email_mode": "Email me my notifications"}


class SubscriptionForm(forms.Form):
    subscribed = forms.BooleanField(required=False)
    webhook_url = forms.URLField(label="Webhook URL", required=False, max_length=500, assume_scheme="https")
