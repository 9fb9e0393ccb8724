"""The languages the extractor reads. Its cues, markers, number words and coreference rules are English."""
from __future__ import annotations

EXTRACTED_LANGUAGES = ("en",)


def extracts_language(code: str | None) -> bool:
    """Whether text in this language (a BCP 47 tag, "en-GB") is extracted; unknown counts as English."""
    primary = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return not primary or primary in EXTRACTED_LANGUAGES


def skip_reason(code: str) -> str:
    return (f"Not extracted: the article is in language '{code}', and claims are extracted from "
            f"{', '.join(EXTRACTED_LANGUAGES)} text only.")
