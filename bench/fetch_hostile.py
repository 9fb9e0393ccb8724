"""What hostile servers cost the fetcher: memory for compressed bombs, time for slow headers.

Usage: .venv/bin/python bench/fetch_hostile.py
A local server answers with (1) a tiny body under `Content-Encoding: gzip, gzip` that inflates
to 2 GiB, (2) a 1 MB gzip body holding 1 GiB, (3) a 1 MB gzip body holding 1 GiB sent as plain
`gzip` with the size cap raised to 64 MB, (4) headers dripped one byte every 50 ms. Each fetch
runs in a fresh process, which prints its outcome, its wall time and how much its peak
resident memory grew during the fetch (INGEST_MAX_BYTES 10 MB, INGEST_TOTAL_TIMEOUT 3 s).
"""

import gzip
import json
import os
import resource
import subprocess
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = Path("/tmp/claimtrack-bench-bombs")
GIB = 1024**3


def _gzip_of_zeros(size: int) -> bytes:
    squeezer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block, parts = bytes(16 * 1024 * 1024), []
    for _ in range(size // len(block)):
        parts.append(squeezer.compress(block))
    parts.append(squeezer.flush())
    return b"".join(parts)


def _payloads() -> dict[str, bytes]:
    CACHE.mkdir(exist_ok=True)
    single, double = CACHE / "1gib.gz", CACHE / "2gib.gz.gz"
    if not single.exists():
        single.write_bytes(_gzip_of_zeros(GIB))
    if not double.exists():
        double.write_bytes(gzip.compress(_gzip_of_zeros(2 * GIB), 9))
    return {"single": single.read_bytes(), "double": double.read_bytes()}


def _serve(payloads: dict[str, bytes]) -> str:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            try:
                if self.path == "/slow-headers":
                    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"p" * 200 + b"\r\n"
                    for byte in head:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(0.05)
                    return
                body = payloads["double"] if self.path == "/double" else payloads["single"]
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", "gzip, gzip" if self.path == "/double" else "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    class QuietServer(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # the fetcher hangs up on purpose

    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def _child(url: str, max_bytes: int) -> None:
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings

    from sources.fetching import FetchError, fetch

    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = ["127.0.0.1/32"]
    settings.INGEST_HOST_DELAY = 0.0
    settings.INGEST_TOTAL_TIMEOUT = 3.0
    settings.INGEST_MAX_BYTES = max_bytes
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    try:
        outcome = f"fetched {len(fetch(url).body):,} bytes"
    except FetchError as error:
        outcome = f"refused: {str(error).split(': ', 1)[-1][:90]}"
    seconds = time.monotonic() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_growth_mb": grown, "baseline_mb": before / 1024}))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], int(sys.argv[3]))
        return
    payloads = _payloads()
    base = _serve(payloads)
    cases = [
        (f"'gzip, gzip', {len(payloads['double']):,} bytes -> 2 GiB", "/double", 10 * 1024**2),
        (f"gzip, {len(payloads['single']):,} bytes -> 1 GiB", "/single", 10 * 1024**2),
        ("same, size cap raised to 64 MB", "/single", 64 * 1024**2),
        ("headers dripped 1 byte / 50 ms", "/slow-headers", 10 * 1024**2),
    ]
    print("== hostile fetches (each in a fresh process)")
    for name, path, max_bytes in cases:
        run = subprocess.run(
            [sys.executable, __file__, "--child", base + path, str(max_bytes)], capture_output=True, text=True, cwd=REPO
        )
        if run.returncode:
            print(f"  {name:<44} child failed: {run.stderr.strip()[-300:]}")
            continue
        figures = json.loads(run.stdout.strip().splitlines()[-1])
        print(f"  {name:<44} {figures['seconds']:6.2f} s  peak memory +{figures['peak_growth_mb']:6.1f} MB "
              f"(from {figures['baseline_mb']:.0f} MB)  {figures['outcome']}")


if __name__ == "__main__":
    main()
