import codecs

import pytest

from sources.parsing.charset import UndecodableContent, decode_body

TEXT = "Straße in Łódź: «café» — 12 of 15"


def test_the_http_header_charset_is_used():
    decoded = decode_body(TEXT.encode("utf-8"), content_type="text/html; charset=UTF-8")
    assert (decoded.text, decoded.source) == (TEXT, "header")


def test_a_meta_charset_is_used_when_the_header_has_none():
    body = b'<html><head><meta charset="iso-8859-2"></head><body>' + "Łódź".encode("iso-8859-2") + b"</body></html>"
    decoded = decode_body(body, content_type="text/html")
    assert "Łódź" in decoded.text
    assert decoded.source == "meta"


def test_a_bom_wins_over_a_wrong_header():
    decoded = decode_body(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), content_type="text/html; charset=iso-8859-1")
    assert decoded.text == TEXT


def test_utf8_mislabelled_as_latin1_is_decoded_as_utf8():
    decoded = decode_body(TEXT.encode("utf-8"), content_type="text/html; charset=iso-8859-1")
    assert decoded.text == TEXT


def test_a_header_charset_that_cannot_decode_the_body_falls_back_to_what_fits():
    body = "<p>Kraków: Łódź</p>".encode()
    assert decode_body(body, content_type="text/html; charset=ascii").text == "<p>Kraków: Łódź</p>"


def test_missing_charset_is_detected():
    body = ("<p>" + "Les élèves ont reçu des côtelettes à la crème. " * 20 + "</p>").encode("cp1252")
    decoded = decode_body(body, content_type="text/html")
    assert "élèves ont reçu" in decoded.text
    assert decoded.source == "detected"


def test_binary_content_fails_clearly():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(UndecodableContent, match="binary"):
        decode_body(png, content_type="text/html")
