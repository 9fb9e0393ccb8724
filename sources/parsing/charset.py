"""Turn a fetched body into text: decode it right, or say clearly why not."""

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels that mean "every byte is some character": a mislabelled UTF-8 page decodes as mojibake.
SINGLE_BYTE_LABELS = frozenset({"iso8859-1", "cp1252", "ascii"})
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")
HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
SNIFF_BYTES = 4096
WEB_DEFAULT_LEGACY_CODEC = "cp1252"


class UndecodableContent(ValueError):
    """The body is binary or in no encoding we can establish."""


@dataclass(frozen=True)
class DecodedBody:
    text: str
    encoding: str
    source: str  # where the encoding came from: bom, header, meta, utf-8 or detected


def _codec_name(label: str | bytes | None) -> str | None:
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    # Browsers treat latin-1 labels as windows-1252 (WHATWG encoding standard).
    return "cp1252" if name in {"iso8859-1", "latin-1"} else name


def header_charset(content_type: str | None) -> str | None:
    match = HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def looks_binary(body: bytes) -> bool:
    """NUL bytes in the first few KB mean an image, PDF, archive... (UTF-16/32 have a BOM)."""
    head = body[:SNIFF_BYTES]
    return b"\x00" in head and not any(head.startswith(bom) for bom, _ in BOMS)


def decode_body(body: bytes, *, content_type: str | None = None) -> DecodedBody:
    """BOM, then the HTTP header, then <meta>/<?xml?>, then UTF-8, then statistical detection."""
    for bom, codec in BOMS:
        if body.startswith(bom):
            return DecodedBody(body.decode(codec, errors="replace"), codec, "bom")
    if looks_binary(body):
        raise UndecodableContent("binary content (NUL bytes), not text")
    head = body[:SNIFF_BYTES]
    meta = META_CHARSET.search(head) or XML_ENCODING.search(head)
    declared = [
        ("header", _codec_name(header_charset(content_type))),
        ("meta", _codec_name(meta.group(1) if meta else None)),
    ]
    for source, codec in declared:
        if codec is None:
            continue
        try:
            text = body.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if codec in SINGLE_BYTE_LABELS and not body.isascii():
            try:
                return DecodedBody(body.decode("utf-8"), "utf-8", "utf-8")
            except UnicodeDecodeError:
                pass
        return DecodedBody(text, codec, source)
    try:
        return DecodedBody(body.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(body))
    if not matches:
        raise UndecodableContent("no declared or detectable character encoding fits the body")
    best = matches[0]
    # Western text fits several Latin code pages equally well; windows-1252 is the web's default.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    chosen = next((m for m in tied if m.encoding == WEB_DEFAULT_LEGACY_CODEC), best)
    return DecodedBody(str(chosen), chosen.encoding, "detected")
