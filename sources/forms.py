from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from sources.fetching import url_refusal


class UploadForm(forms.Form):
    """A saved page for editors to ingest by hand: a file, or text pasted from a browser."""

    file = forms.FileField(required=False, help_text=".txt (a browser's text view) or .html")
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6}), label="Or paste the text")
    url = forms.URLField(required=False, max_length=2000, assume_scheme="https", label="Page URL",
                         help_text="Needed when the page does not name its own")
    outlet = forms.CharField(required=False, max_length=200, help_text="Default: the URL's host")
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if url and (refusal := url_refusal(url)):
            raise forms.ValidationError(refusal)
        return url

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
