from datetime import timedelta

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from sources.fetching import url_refusal

from sources.models import Outlet


class FetchableURLField(forms.URLField):
    """A web URL the fetcher would go to (its scheme and address rules), so a form cannot make an
    outlet, a feed or an article of an internal address such as http://127.0.0.1:5432/."""

    def validate(self, value):
        super().validate(value)
        if value and (refusal := url_refusal(value)):
            raise forms.ValidationError(refusal)


class UploadForm(forms.Form):
    """A saved page for editors to ingest by hand: a file, or text pasted from a browser."""

    file = forms.FileField(required=False, help_text=".txt (a browser's text view) or .html")
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6}), label="Or paste the text")
    url = FetchableURLField(required=False, max_length=2000, assume_scheme="https", label="Page URL",
                            help_text="Needed when the page does not name its own")
    outlet = forms.CharField(required=False, max_length=200, help_text="Default: the publisher of the page's domain")
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text", "").strip()
        if bool(upload) == bool(text):
            raise forms.ValidationError("Give either a file or pasted text.")
        size = upload.size if upload else len(text.encode("utf-8"))
        if size > settings.INGEST_MAX_BYTES:
            what = "file" if upload else "pasted text"
            raise forms.ValidationError(
                f"The {what} is {filesizeformat(size)}, over the {filesizeformat(settings.INGEST_MAX_BYTES)} limit: "
                "add a smaller part of the page."
            )
        return cleaned

    def body_and_name(self) -> tuple[bytes, str]:
        upload = self.cleaned_data["file"]
        if upload:
            return upload.read(), upload.name
        return self.cleaned_data["text"].encode("utf-8"), "pasted.txt"


class FeedForm(forms.Form):
    """A feed as an editor gives it: where it is, whose it is, how often to poll it."""

    prefix = "feed"  # the ingestion page holds several forms: field ids must not collide

    url = FetchableURLField(max_length=2000, assume_scheme="https", label="Feed URL")
    outlet = forms.CharField(max_length=200, help_text="The publisher, e.g. Reuters")
    interval_minutes = forms.IntegerField(
        min_value=1, max_value=7 * 24 * 60, initial=settings.FEED_DEFAULT_POLL_INTERVAL // 60, label="Poll every (minutes)"
    )

    def poll_interval(self) -> timedelta:
        return timedelta(minutes=self.cleaned_data["interval_minutes"])


class OpmlImportForm(forms.Form):
    prefix = "opml"
    file = forms.FileField(label="OPML file", help_text="A feed list exported from a feed reader or another tool")
    interval_minutes = FeedForm.base_fields["interval_minutes"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.INGEST_MAX_BYTES:
            raise forms.ValidationError(f"The file is larger than the {settings.INGEST_MAX_BYTES}-byte limit.")
        return upload

    def poll_interval(self) -> timedelta:
        return timedelta(minutes=self.cleaned_data["interval_minutes"])


class FetchUrlForm(forms.Form):
    prefix = "fetch"
    url = FetchableURLField(max_length=2000, assume_scheme="https", label="Article URL")


class OutletMergeForm(forms.Form):
    prefix = "merge"
    source = forms.ModelChoiceField(queryset=Outlet.objects.all(), label="Merge this outlet")
    target = forms.ModelChoiceField(queryset=Outlet.objects.all(), label="into")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source") and cleaned.get("source") == cleaned.get("target"):
            raise forms.ValidationError("Choose two different outlets.")
        return cleaned
