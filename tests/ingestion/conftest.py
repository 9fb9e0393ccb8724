"""A real HTTP server on 127.0.0.1 that serves ingestion fixtures, and settings that let the
fetcher reach it (and nothing else private)."""

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import redis

from sources.fetching import host_turns

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingestion"
LOOPBACK_ONLY = ["127.0.0.1/32"]


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # before the status line
    drip_interval: float = 0.0  # between 1 KB chunks of the body
    header_drip_interval: float = 0.0  # between bytes of the status line and headers
    etag: str | None = None  # answer 304 when the client sends it back


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]


class FixtureServer:
    """Routes map a path to a Reply, or to a list of Replies served in turn (the last repeats)."""

    def __init__(self):
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[SeenRequest] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                server._answer(self)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base_url + path

    def add(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies)
        return self.url(path)

    def add_fixture(self, path: str, name: str, *, content_type: str = "text/html; charset=utf-8", **reply) -> str:
        """Serve a fixture file with {base} replaced by this server's address."""
        body = fixture_text(name).replace("{base}", self.base_url).encode("utf-8")
        return self.add(path, Reply(body=body, content_type=content_type, **reply))

    def hits(self, path: str) -> int:
        return sum(1 for request in self.requests if request.path == path)

    def _next_reply(self, path: str) -> Reply | None:
        with self._lock:
            replies = self.routes.get(path)
            if not replies:
                return None
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        self.requests.append(SeenRequest(handler.path, dict(handler.headers)))
        reply = self._next_reply(handler.path) or Reply(body=b"not found", status=404, content_type="text/plain")
        time.sleep(reply.delay)
        try:
            if reply.etag and handler.headers.get("If-None-Match") == reply.etag:
                handler.send_response(304)
                handler.send_header("ETag", reply.etag)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            handler.send_response(reply.status)
            if reply.content_type:
                handler.send_header("Content-Type", reply.content_type)
            if reply.etag:
                handler.send_header("ETag", reply.etag)
            for name, value in reply.headers.items():
                if value:  # an empty value leaves the header out (no Content-Length: read to close)
                    handler.send_header(name, value)
            if "Content-Length" not in reply.headers:
                handler.send_header("Content-Length", str(len(reply.body)))
            if reply.header_drip_interval:
                handler._headers_buffer.append(b"\r\n")
                for byte in b"".join(handler._headers_buffer):
                    handler.wfile.write(bytes([byte]))
                    handler.wfile.flush()
                    time.sleep(reply.header_drip_interval)
                handler._headers_buffer = []
            handler.end_headers()
            if reply.drip_interval:
                for start in range(0, len(reply.body), 1024):
                    handler.wfile.write(reply.body[start : start + 1024])
                    handler.wfile.flush()
                    time.sleep(reply.drip_interval)
            else:
                handler.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the fetcher hung up on purpose (size cap, timeout)

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def http_server():
    server = FixtureServer()
    yield server
    server.close()


@pytest.fixture(autouse=True)
def ingest_settings(settings):
    """Let the fetcher reach the local fixture server only, quickly, with no politeness delay,
    and forget any Retry-After pause an earlier test left on 127.0.0.1."""
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = LOOPBACK_ONLY
    settings.INGEST_HOST_DELAY = 0.0
    settings.INGEST_CONNECT_TIMEOUT = 2.0
    settings.INGEST_READ_TIMEOUT = 1.0
    settings.INGEST_TOTAL_TIMEOUT = 3.0
    host_turns._not_before.clear()
    if settings.REDIS_URL:
        client = redis.Redis.from_url(settings.REDIS_URL)
        for key in client.scan_iter("ingest:host-*"):
            client.delete(key)
    return settings


@pytest.fixture
def tasks_run():
    """Names and arguments of the Celery tasks that ran. Tests of task chains use transactional
    databases, so on_commit hand-offs run for real, as they do in production."""
    from celery.signals import task_prerun

    seen: list[tuple[str, tuple]] = []

    def record(sender=None, args=None, **kwargs):
        seen.append((sender.name, tuple(args or ())))

    task_prerun.connect(record, weak=False)
    yield seen
    task_prerun.disconnect(record)
