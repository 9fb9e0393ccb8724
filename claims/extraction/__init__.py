"""Claim and attribution extraction: plain Python, no Django. Text in, structured claims out."""
from claims.extraction.document import DocumentExtraction, PassageText, extract_document
from claims.extraction.extractor import EXTRACTOR_VERSION, extract_passage
from claims.extraction.gazetteer import ActorRecord, Gazetteer
from claims.extraction.languages import EXTRACTED_LANGUAGES, extracts_language
from claims.extraction.types import ExtractedActor, ExtractedClaim, ExtractedQuantity, PassageExtraction, Span

__all__ = [
    "EXTRACTED_LANGUAGES",
    "EXTRACTOR_VERSION",
    "ActorRecord",
    "DocumentExtraction",
    "ExtractedActor",
    "ExtractedClaim",
    "ExtractedQuantity",
    "Gazetteer",
    "PassageExtraction",
    "PassageText",
    "Span",
    "extract_document",
    "extract_passage",
    "extracts_language",
]
