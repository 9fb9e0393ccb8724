"""The fetcher against a real HTTP server on 127.0.0.1: every way a fetch can go wrong."""

import gzip
import time
import tracemalloc
import zlib

import pytest

from sources.fetching import (
    FetchError,
    FetchRefused,
    HttpStatusError,
    ResponseTooLarge,
    TransientFetchError,
    fetch,
)
from tests.ingestion.conftest import Reply


def test_it_fetches_a_page_with_our_user_agent(http_server, settings):
    settings.INGEST_USER_AGENT = "ClaimtrackTest/1.0 (+mailto:desk@example.org)"
    url = http_server.add("/page", Reply(body=b"<p>hello</p>"))
    response = fetch(url)
    assert (response.status_code, response.body) == (200, b"<p>hello</p>")
    assert http_server.requests[0].headers["User-Agent"] == "ClaimtrackTest/1.0 (+mailto:desk@example.org)"


def test_redirects_are_followed_and_the_final_url_reported(http_server):
    http_server.add("/old", Reply(status=301, headers={"Location": "/middle"}))
    http_server.add("/middle", Reply(status=302, headers={"Location": http_server.url("/new")}))
    http_server.add("/new", Reply(body=b"moved here"))
    response = fetch(http_server.url("/old"))
    assert (response.url, response.body) == (http_server.url("/new"), b"moved here")


def test_a_redirect_loop_stops(http_server):
    http_server.add("/loop", Reply(status=302, headers={"Location": "/loop"}))
    with pytest.raises(Exception, match="too many redirects"):
        fetch(http_server.url("/loop"))
    assert http_server.hits("/loop") == 6


def test_conditional_get_returns_304_without_a_body(http_server):
    url = http_server.add("/feed", Reply(body=b"<rss/>", etag='"v1"'))
    first = fetch(url)
    second = fetch(url, etag=first.etag, last_modified="Tue, 04 Mar 2025 07:15:00 GMT")
    assert second.not_modified and second.body == b""
    assert http_server.requests[1].headers["If-None-Match"] == '"v1"'
    assert http_server.requests[1].headers["If-Modified-Since"] == "Tue, 04 Mar 2025 07:15:00 GMT"


@pytest.mark.parametrize("status", [404, 410, 403])
def test_client_errors_are_permanent(http_server, status):
    url = http_server.add("/gone", Reply(status=status, body=b"no"))
    with pytest.raises(HttpStatusError) as caught:
        fetch(url)
    assert caught.value.permanent and caught.value.status_code == status


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_server_errors_and_rate_limits_are_transient_and_carry_retry_after(http_server, status):
    url = http_server.add("/busy", Reply(status=status, headers={"Retry-After": "7"}))
    with pytest.raises(HttpStatusError) as caught:
        fetch(url)
    assert not caught.value.permanent
    assert caught.value.retry_after == 7


def test_after_retry_after_the_host_is_not_asked_again_too_soon(http_server):
    http_server.add("/limited", Reply(status=429, headers={"Retry-After": "1"}), Reply(body=b"ok now"))
    with pytest.raises(HttpStatusError):
        fetch(http_server.url("/limited"))
    started = time.monotonic()
    assert fetch(http_server.url("/limited")).body == b"ok now"
    assert time.monotonic() - started >= 0.9


def test_requests_to_one_host_are_spaced_by_the_host_delay(http_server, settings):
    settings.INGEST_HOST_DELAY = 0.3
    url = http_server.add("/polite", Reply(body=b"x"))
    started = time.monotonic()
    for _ in range(3):
        fetch(url)
    assert time.monotonic() - started >= 0.6


def test_a_body_over_the_declared_cap_is_refused_before_reading(http_server, settings):
    settings.INGEST_MAX_BYTES = 10_000
    url = http_server.add("/big", Reply(body=b"x" * 20_000))
    with pytest.raises(ResponseTooLarge, match="declares 20000 bytes"):
        fetch(url)


def test_a_body_that_grows_past_the_cap_without_a_length_is_cut_off(http_server, settings):
    settings.INGEST_MAX_BYTES = 10_000
    # No Content-Length: the server streams until it closes the connection.
    url = http_server.add("/endless", Reply(body=b"y" * 50_000, headers={"Content-Length": "", "Connection": "close"}))
    with pytest.raises(ResponseTooLarge, match="more than the 10000-byte cap"):
        fetch(url)


def test_a_server_that_never_answers_hits_the_read_timeout(http_server):
    url = http_server.add("/slow", Reply(body=b"late", delay=2.0))
    started = time.monotonic()
    with pytest.raises(TransientFetchError, match="timed out"):
        fetch(url)
    assert time.monotonic() - started < 1.9


def test_a_server_that_drips_hits_the_total_timeout(http_server, settings):
    settings.INGEST_TOTAL_TIMEOUT = 1.0
    url = http_server.add("/drip", Reply(body=b"z" * 8 * 1024, drip_interval=0.3))
    with pytest.raises(TransientFetchError, match="in total"):
        fetch(url)


def test_a_closed_port_is_a_transient_connection_error(http_server):
    url = http_server.url("/x")
    http_server.close()
    with pytest.raises(TransientFetchError, match="connection failed"):
        fetch(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.8/admin",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8000/",
        "http://0.0.0.0:8000/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://127.0.0.2:9/",
        "http://[::ffff:10.0.0.1]/",
        "http://100.64.0.1/",
    ],
)
def test_private_and_special_addresses_are_refused_before_any_request(url, settings):
    with pytest.raises(FetchRefused, match="non-public address"):
        fetch(url)


def test_the_default_setting_refuses_loopback_too(http_server, settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    url = http_server.add("/page", Reply(body=b"secret"))
    with pytest.raises(FetchRefused):
        fetch(url)
    assert http_server.requests == []


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://[::1]/"])
def test_a_redirect_to_a_private_address_is_refused(http_server, target):
    url = http_server.add("/hop", Reply(status=302, headers={"Location": target}))
    with pytest.raises(FetchRefused):
        fetch(url)
    assert http_server.hits("/hop") == 1


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed.xml", "gopher://example.org/", "data:text/html,hi"])
def test_non_http_schemes_are_refused(url):
    with pytest.raises(FetchRefused, match="scheme"):
        fetch(url)


def test_a_redirect_to_a_non_http_scheme_is_refused(http_server):
    url = http_server.add("/to-file", Reply(status=302, headers={"Location": "file:///etc/passwd"}))
    with pytest.raises(FetchRefused, match="scheme"):
        fetch(url)


def test_a_redirect_without_a_location_is_an_error_not_a_page(http_server):
    url = http_server.add("/nowhere", Reply(status=302, body=b"<p>moved somewhere</p>"))
    with pytest.raises(HttpStatusError) as caught:
        fetch(url)
    assert caught.value.status_code == 302 and caught.value.permanent


def test_headers_sent_slowly_hit_the_total_timeout(http_server, settings):
    settings.INGEST_TOTAL_TIMEOUT = 1.0
    url = http_server.add("/slow-headers", Reply(body=b"late", header_drip_interval=0.05))
    started = time.monotonic()
    with pytest.raises(TransientFetchError, match="in total"):
        fetch(url)
    assert time.monotonic() - started < 1.5


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def test_a_gzip_page_is_decoded(http_server):
    url = http_server.add("/zipped", Reply(body=_gzip(b"<p>squeezed</p>"), headers={"Content-Encoding": "gzip"}))
    assert fetch(url).body == b"<p>squeezed</p>"
    assert http_server.requests[0].headers["Accept-Encoding"] == "gzip, deflate"


def test_a_deflate_page_is_decoded(http_server):
    url = http_server.add("/deflated", Reply(body=zlib.compress(b"<p>flat</p>"), headers={"Content-Encoding": "deflate"}))
    assert fetch(url).body == b"<p>flat</p>"


def test_a_gzip_bomb_is_refused_at_the_cap_without_inflating_it_in_memory(http_server, settings):
    settings.INGEST_MAX_BYTES = 1024 * 1024
    bomb = _gzip(bytes(64 * 1024 * 1024))  # about 64 KB on the wire
    url = http_server.add("/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLarge, match="cap"):
            fetch(url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024


def test_a_chain_of_encodings_is_refused(http_server):
    url = http_server.add(
        "/double", Reply(body=_gzip(_gzip(bytes(1024 * 1024))), headers={"Content-Encoding": "gzip, gzip"})
    )
    with pytest.raises(FetchError, match="content encoding 'gzip, gzip'"):
        fetch(url)


def test_a_corrupt_gzip_body_is_a_clear_error(http_server):
    url = http_server.add("/corrupt", Reply(body=b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    with pytest.raises(FetchError, match="corrupt gzip body"):
        fetch(url)
