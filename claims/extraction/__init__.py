"""Claim and attribution extraction: plain Python, no Django. Text in, structured claims out."""
from claims.extraction.extractor import EXTRACTOR_VERSION, extract_passage
from claims.extraction.gazetteer import ActorRecord, Gazetteer
from claims.extraction.types import ExtractedActor, ExtractedClaim, ExtractedQuantity, PassageExtraction, Span

__all__ = [
    "EXTRACTOR_VERSION",
    "ActorRecord",
    "ExtractedActor",
    "ExtractedClaim",
    "ExtractedQuantity",
    "Gazetteer",
    "PassageExtraction",
    "Span",
    "extract_passage",
]
