"""Fetch a feed or page politely and safely.

Every hop of a request (the first URL and each redirect) is checked before anything is sent:
http/https only, and the host must resolve to public addresses. The connection then goes to
the address that was checked (Host header and TLS SNI keep the name), so a DNS answer that
changes between the check and the connect cannot point us at an internal service.

What comes back is bounded too: one deadline (INGEST_TOTAL_TIMEOUT) runs from the connect to the
last byte, headers included, and a compressed body is inflated here, a step at a time, so a small
"gzip bomb" is refused at the size cap instead of filling memory.
"""

import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import cache
from urllib.parse import urljoin

import httpcore
import httpx
import redis
from django.conf import settings

from sources.parsing.urls import WEB_SCHEMES

MAX_REDIRECTS = 5
# The one content coding we take at a time (a chain such as "gzip, gzip" is refused), by zlib window.
ZLIB_WINDOW_BITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
ACCEPT_ENCODING = "gzip, deflate"
INFLATE_STEP = 64 * 1024  # most bytes one decompression step may produce
MAX_RETRY_AFTER_SECONDS = 24 * 3600
TRANSIENT_STATUS_CODES = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(Exception):
    """A fetch that did not give us a usable body. `permanent` errors are not retried."""

    permanent = True

    def __init__(self, message: str, *, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class FetchRefused(FetchError):
    """The URL points somewhere we never go (private address, unsupported scheme)."""


class ResponseTooLarge(FetchError):
    pass


class HttpStatusError(FetchError):
    def __init__(self, status_code: int, *, url: str, retry_after: float | None = None):
        super().__init__(f"HTTP {status_code} from {url}", retry_after=retry_after)
        self.status_code = status_code
        self.permanent = status_code not in TRANSIENT_STATUS_CODES


class TransientFetchError(FetchError):
    """Timeouts, refused or reset connections, a host that asked us to wait: try again later."""

    permanent = False


@dataclass(frozen=True)
class FetchedResponse:
    url: str  # after redirects
    status_code: int
    headers: httpx.Headers
    body: bytes

    @property
    def not_modified(self) -> bool:
        return self.status_code == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def etag(self) -> str:
        return self.headers.get("etag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("last-modified", "")


def _allowed_private_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network] | None:
    """INGEST_ALLOW_PRIVATE_ADDRESSES: False (production), True, or a list of networks (tests).

    None means every address is allowed."""
    allowed = settings.INGEST_ALLOW_PRIVATE_ADDRESSES
    if allowed is True:
        return None
    if not allowed:
        return []
    return [ipaddress.ip_network(network) for network in allowed]


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def parsed_url(url: str) -> httpx.URL:
    """httpx's reading of a URL, or FetchRefused: it refuses some that ours accepts (octal IPv4)."""
    try:
        return httpx.URL(url)
    except httpx.InvalidURL as error:
        raise FetchRefused(f"refused: {url} is not a URL we can fetch ({error})") from error


def checked_address(url: httpx.URL) -> str:
    """The address to connect to for this URL, or FetchRefused. Resolves the host once."""
    if url.scheme not in WEB_SCHEMES:
        raise FetchRefused(f"refused: scheme {url.scheme or 'none'!r} is not http or https")
    host = url.raw_host.decode("ascii")
    if not host:
        raise FetchRefused(f"refused: no host in {url}")
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise TransientFetchError(f"cannot resolve {host}: {error}") from error
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    allowed_networks = _allowed_private_networks()
    for address in addresses:
        exempt = allowed_networks is None or any(address in network for network in allowed_networks)
        if not exempt and not _is_public(address):
            raise FetchRefused(f"refused: {host} resolves to non-public address {address}")
    return str(addresses[0])


def url_refusal(url: str) -> str | None:
    """Why the fetcher would refuse this URL (scheme, non-public address), without fetching it.
    A name that does not resolve is not refused here: an upload's URL is a label, never fetched."""
    try:
        checked_address(parsed_url(url))
    except FetchRefused as refused:
        return str(refused)
    except TransientFetchError:
        return None
    return None


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait, from a Retry-After header in seconds or as an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_SECONDS)


# Set the host's "not before" time unless a later one (a Retry-After) is already there: one round trip.
KEEP_LATER_SCRIPT = """
local later = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), tonumber(ARGV[1]))
redis.call('SET', KEYS[1], tostring(later), 'EX', math.ceil(later - tonumber(ARGV[2])) + 60)
"""


@cache
def _redis_client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


class _HostTurns:
    """One request at a time per host, spaced by INGEST_HOST_DELAY, across workers when Redis is
    configured (a Redis lock and a 'not before' key), within this process otherwise."""

    def __init__(self):
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._not_before: dict[str, float] = {}

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        wait_limit = settings.INGEST_TOTAL_TIMEOUT + settings.INGEST_HOST_DELAY
        if settings.REDIS_URL:
            client = _redis_client(settings.REDIS_URL)
            # Poll a held lock every 10 ms (redis-py's default 100 ms would idle workers between turns).
            lock = client.lock(
                f"ingest:host-lock:{host}", timeout=wait_limit * 2, blocking_timeout=wait_limit, sleep=0.01
            )
            if not lock.acquire():
                raise TransientFetchError(f"{host} stayed busy for {wait_limit:.0f}s", retry_after=wait_limit)
            try:
                not_before = float(client.get(f"ingest:host-next:{host}") or 0)
                self._wait_until(host, not_before, wait_limit)
                yield
            finally:
                self._schedule_next(host, client=client)
                lock.release()
        else:
            with self._guard:
                host_lock = self._locks.setdefault(host, threading.Lock())
            if not host_lock.acquire(timeout=wait_limit):
                raise TransientFetchError(f"{host} stayed busy for {wait_limit:.0f}s", retry_after=wait_limit)
            try:
                self._wait_until(host, self._not_before.get(host, 0.0), wait_limit)
                yield
            finally:
                self._schedule_next(host, client=None)
                host_lock.release()

    def postpone(self, host: str, seconds: float) -> None:
        """The host said Retry-After: nobody here asks it again before then."""
        not_before = time.time() + seconds
        if settings.REDIS_URL:
            _redis_client(settings.REDIS_URL).set(f"ingest:host-next:{host}", not_before, ex=int(seconds) + 60)
        else:
            self._not_before[host] = not_before

    @staticmethod
    def _wait_until(host: str, not_before: float, wait_limit: float) -> None:
        delay = not_before - time.time()
        if delay > wait_limit:
            raise TransientFetchError(f"{host} asked us to wait {delay:.0f}s", retry_after=delay)
        if delay > 0:
            time.sleep(delay)

    def _schedule_next(self, host: str, *, client: redis.Redis | None) -> None:
        delay = settings.INGEST_HOST_DELAY
        if client is not None:
            now = time.time()
            client.eval(KEEP_LATER_SCRIPT, 1, f"ingest:host-next:{host}", now + delay, now)
        else:
            self._not_before[host] = max(self._not_before.get(host, 0.0), time.time() + delay)


host_turns = _HostTurns()


@cache
def _tls_context() -> ssl.SSLContext:
    # Building a context loads the CA bundle: do it once per process, not per request.
    return httpx.create_ssl_context()


def _timeout() -> httpx.Timeout:
    return httpx.Timeout(
        connect=settings.INGEST_CONNECT_TIMEOUT,
        read=settings.INGEST_READ_TIMEOUT,
        write=settings.INGEST_READ_TIMEOUT,
        pool=settings.INGEST_CONNECT_TIMEOUT,
    )


class _Deadline:
    """INGEST_TOTAL_TIMEOUT, counted from the first connect (waiting for the host's turn is not
    the server's time) to the last byte, across redirects."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends_at: float | None = None

    def bounded(self, timeout: float | None) -> float:
        """The time one network operation may take: its own timeout, cut to what is left."""
        if self.ends_at is None:
            self.ends_at = time.monotonic() + self.seconds
        remaining = self.ends_at - time.monotonic()
        if remaining <= 0:
            raise httpcore.ReadTimeout(f"longer than {self.seconds}s in total")
        return remaining if timeout is None else min(timeout, remaining)

    @property
    def passed(self) -> bool:
        return self.ends_at is not None and time.monotonic() >= self.ends_at

    def timed_out(self, url: httpx.URL, error: httpx.TimeoutException) -> "TransientFetchError":
        if self.passed:
            return TransientFetchError(f"timed out: {url} took longer than {self.seconds}s in total")
        return TransientFetchError(f"timed out: {url} ({type(error).__name__})")


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the deadline: a server that drips its
    headers or body a byte at a time cannot hold a fetch past INGEST_TOTAL_TIMEOUT."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: _Deadline):
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.bounded(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> "_DeadlineStream":
        stream = self._stream.start_tls(ssl_context, server_hostname, self._deadline.bounded(timeout))
        return _DeadlineStream(stream, self._deadline)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.SyncBackend):
    def __init__(self, deadline: _Deadline):
        self._deadline = deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        stream = super().connect_tcp(host, port, self._deadline.bounded(timeout), local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)


def _transport(deadline: _Deadline) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(verify=_tls_context(), trust_env=False)
    # httpx takes no network backend; its connection pool does, and the pool is all the transport holds.
    transport._pool = httpcore.ConnectionPool(ssl_context=_tls_context(), network_backend=_DeadlineBackend(deadline))
    return transport


def _inflated(chunks: Iterator[bytes], *, encoding: str, url: str) -> Iterator[bytes]:
    """The body's bytes decoded from its one content coding, in pieces of at most INFLATE_STEP."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        yield from chunks
        return
    if encoding not in ZLIB_WINDOW_BITS:
        raise FetchError(f"refused: {url} is sent with content encoding {encoding!r}; we take one of gzip or deflate")
    inflater = zlib.decompressobj(ZLIB_WINDOW_BITS[encoding])
    try:
        for chunk in chunks:
            pending = chunk
            while pending and not inflater.eof:
                yield inflater.decompress(pending, INFLATE_STEP)
                pending = inflater.unconsumed_tail
        yield inflater.flush()
    except zlib.error as error:
        raise FetchError(f"refused: {url} sent a corrupt {encoding} body ({error})") from error


def _read_capped(response: httpx.Response, *, url: str) -> bytes:
    """The body, decoded, refused once it (or what it inflates to) passes INGEST_MAX_BYTES."""
    cap = settings.INGEST_MAX_BYTES
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise ResponseTooLarge(f"refused: {url} declares {declared} bytes, over the {cap}-byte cap")
    chunks, size = [], 0
    for chunk in _inflated(response.iter_raw(), encoding=response.headers.get("content-encoding", ""), url=url):
        size += len(chunk)
        if size > cap:
            raise ResponseTooLarge(f"refused: {url} sent more than the {cap}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, *, etag: str = "", last_modified: str = "", accept: str = "*/*") -> FetchedResponse:
    """GET a URL, following up to MAX_REDIRECTS checked redirects; 304 comes back, not raised."""
    deadline = _Deadline(settings.INGEST_TOTAL_TIMEOUT)
    headers = {"User-Agent": settings.INGEST_USER_AGENT, "Accept": accept, "Accept-Encoding": ACCEPT_ENCODING}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = parsed_url(url)
    with httpx.Client(
        transport=_transport(deadline), timeout=_timeout(), trust_env=False, follow_redirects=False
    ) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            address = checked_address(current)
            host = current.raw_host.decode("ascii")
            pinned = current.copy_with(host=address)
            request = client.build_request(
                "GET",
                pinned,
                headers={**headers, "Host": current.netloc.decode("ascii")},
                extensions={"sni_hostname": host},
            )
            with host_turns.turn(host):
                try:
                    response = client.send(request, stream=True)
                except httpx.TimeoutException as error:
                    raise deadline.timed_out(current, error) from error
                except httpx.TransportError as error:
                    raise TransientFetchError(f"connection failed: {current} ({error})") from error
                try:
                    if response.is_redirect and "location" in response.headers:
                        current = parsed_url(urljoin(str(current), response.headers["location"]))
                        continue
                    if response.status_code == 304:
                        return FetchedResponse(str(current), 304, response.headers, b"")
                    if not 200 <= response.status_code < 300:  # incl. a 3xx without a Location
                        retry_after = parse_retry_after(response.headers.get("retry-after"))
                        if retry_after:
                            host_turns.postpone(host, retry_after)
                        raise HttpStatusError(response.status_code, url=str(current), retry_after=retry_after)
                    try:
                        body = _read_capped(response, url=str(current))
                    except httpx.TimeoutException as error:
                        raise deadline.timed_out(current, error) from error
                    except httpx.TransportError as error:
                        raise TransientFetchError(f"connection broke reading {current} ({error})") from error
                    return FetchedResponse(str(current), response.status_code, response.headers, body)
                finally:
                    response.close()
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS}) from {url}")
