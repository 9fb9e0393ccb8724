"""The address login limits count by: X-Forwarded-For only behind a declared proxy."""

from django.test import RequestFactory

from config.client_ip import client_ip


def _request(**meta):
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", **meta)


def test_without_a_proxy_a_forwarded_for_header_is_ignored(settings):
    settings.BEHIND_PROXY = False
    assert client_ip(_request(HTTP_X_FORWARDED_FOR="203.0.113.9")) == "10.0.0.5"


def test_behind_the_proxy_the_address_it_appended_counts(settings):
    settings.BEHIND_PROXY = True
    assert client_ip(_request(HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request()) == "10.0.0.5"
