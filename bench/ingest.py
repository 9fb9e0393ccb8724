"""Ingestion throughput: a feed of generated article pages, ingested by a real Celery worker.

    .venv/bin/python bench/ingest.py                    # 1,000 articles, worker concurrency 2
    .venv/bin/python bench/ingest.py --articles 2000 --concurrency 2
    .venv/bin/python bench/ingest.py --together         # ingestion and extraction at the same time

Serves --articles distinct generated article pages (by fictional outlets, text made here from
templates) and an RSS feed listing them from a local HTTP server on 127.0.0.1; recreates its own
PostgreSQL database (default ct_ingest_bench) and uses its own Redis database (default 12); starts
`celery -A config worker` with bench.ingest_settings, first consuming only the ingestion queue;
queues one poll of the feed and waits until every article is split into passages; then lets the
worker consume the extraction queue too and waits until claims are extracted from all of them.
With --together the worker consumes both queues from the start, as a deployed worker does.
Prints:
- ingestion, end to end from the feed poll to the last article stored and split into passages
  (what the ingestion issue times): articles per second and the worker's CPU per article,
- claim extraction (the claims app's task, run afterwards, or alongside with --together): articles
  per second, and the whole pipeline from the feed poll to the last article's claims, with the
  worker's CPU and its PostgreSQL connections' CPU per article (both run on this machine's cores),
- the time of a 304 re-poll of an unchanged 100-item feed (feed_poll service in this process,
  including its database update), median and max over 30 polls,
- peak resident memory of the worker processes (VmHWM from /proc: the largest, and their sum,
  which counts pages a forked child shares with its parent once per process; and the peak sum of
  their Pss, which divides shared pages among the processes).
"""

import argparse
import os
import statistics
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.celery_worker import running_celery_worker  # noqa: E402
from bench.pages import ensure_database  # noqa: E402

PLACES = ("Lenz", "Ostry", "Saltmere", "Brenn", "Ambry", "the northern border", "the coast", "the river valley")
ACTORS = ("The defence ministry", "The regional governor", "The rescue service", "A military spokesperson",
          "The port authority", "The interior ministry")
NOUNS = ("drones", "missiles", "boats", "trucks", "homes", "bridges")
TERMINAL_AFTER_SPLIT = ("split", "extracted", "failed", "duplicate")


def article_page(number: int, base: str) -> bytes:
    place, actor, noun = PLACES[number % len(PLACES)], ACTORS[number % len(ACTORS)], NOUNS[number % len(NOUNS)]
    total = 10 + number % 37
    part = total - 1 - number % 7
    published = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=17 * number)
    paragraphs = [
        f"{actor} said on Tuesday that {part} of {total} {noun} were stopped near {place}, in report number {number}.",
        f"Local officials told reporters that at least {number % 50 + 3} people had left their homes since the weekend.",
        f"The figures could not be independently verified, and a spokesperson for the other side said only {part - 2} "
        f"{noun} had been involved.",
        f"Residents of {place} described a quiet night after two days of disruption; schools were due to reopen on "
        f"day {number % 9 + 1} of the month.",
    ]
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report {number} | Bench Courier</title>'
        f'<link rel="canonical" href="{base}/a/{number}">'
        f'<meta property="og:site_name" content="Bench Courier">'
        f'<meta property="article:published_time" content="{published.isoformat()}">'
        f"<script>var tracker = {number};</script></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{actor} says {part} of {total} {noun} stopped near "
        f"{place}</h1>{body}</article><footer>Bench Courier, a fictional outlet</footer></body></html>"
    ).encode()


def feed_xml(count: int, base: str) -> bytes:
    items = "".join(
        f"<item><title>Report {n}</title><link>{base}/a/{n}?utm_source=rss</link>"
        f"<pubDate>{format_datetime(datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=17 * n), usegmt=True)}</pubDate></item>"
        for n in range(count)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench Courier</title>'
        f"<link>{base}/</link><description>generated</description>{items}</channel></rss>"
    ).encode()


class BenchSite:
    """The articles and two feeds, served on 127.0.0.1 by threads of this process."""

    def __init__(self, article_count: int):
        self.article_count = article_count
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                site.answer(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.feeds = {"/feed.xml": feed_xml(article_count, self.base), "/feed100.xml": feed_xml(100, self.base)}
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?")[0]
        etag = None
        if path in self.feeds:
            body, content_type, etag = self.feeds[path], "application/rss+xml", f'"{path}-v1"'
            if handler.headers.get("If-None-Match") == etag:
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
        elif path.startswith("/a/") and path[3:].isdigit() and int(path[3:]) < self.article_count:
            body, content_type = article_page(int(path[3:]), self.base), "text/html; charset=utf-8"
        else:
            body, content_type = b"not found", "text/plain"
            handler.send_response(404)
        if content_type != "text/plain":
            handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        if etag:
            handler.send_header("ETag", etag)
        handler.end_headers()
        handler.wfile.write(body)


def process_tree(pid: int) -> list[int]:
    pids, pending = [], [pid]
    while pending:
        current = pending.pop()
        pids.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        pending.extend(int(child) for child in children)
    return pids


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by the worker's process tree."""
    return sum(stat_cpu_seconds(member) for member in process_tree(pid))


def stat_cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process, 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime (fields 14 and 15)


class DatabaseCpu:
    """CPU time of the PostgreSQL backends serving the worker (every client connection to the bench's
    database but this process's own): the half of the pipeline's cost the worker's CPU misses.
    Sampled with the memory: a worker closes its connections now and then (CONN_MAX_AGE, Celery's
    DB_REUSE_MAX), so each backend counts with its last sample, under half a second short at most."""

    def __init__(self):
        self.seen: dict[int, float] = {}
        self.sample()
        self.before = sum(self.seen.values())

    def sample(self) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
            )
            for (pid,) in cursor.fetchall():
                self.seen[pid] = max(self.seen.get(pid, 0.0), stat_cpu_seconds(pid))

    def seconds(self) -> float:
        self.sample()
        return sum(self.seen.values()) - self.before


def proc_field_mb(path: str, name: str) -> float | None:
    """A "Name:  123 kB" line of a /proc file, in MB (None once the process is gone)."""
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return None
    return next((int(line.split()[1]) / 1024 for line in lines if line.startswith(name + ":")), None)


class WorkerMemory:
    """Peak resident memory of the worker's processes: VmHWM of each (pages shared by forked
    children counted in every process), and the largest sum of their Pss seen (shared pages
    divided among the processes that share them)."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peaks: dict[int, float] = {}
        self.proportional = 0.0

    def sample(self) -> None:
        pss = 0.0
        for member in process_tree(self.pid):
            peak = proc_field_mb(f"/proc/{member}/status", "VmHWM")
            if peak is not None:
                self.peaks[member] = max(self.peaks.get(member, 0.0), peak)
            pss += proc_field_mb(f"/proc/{member}/smaps_rollup", "Pss") or 0.0
        self.proportional = max(self.proportional, pss)

    def summary(self) -> str:
        others = sorted((peak for member, peak in self.peaks.items() if member != self.pid), reverse=True)
        return (
            f"largest process {max(self.peaks.values(), default=0):.0f} MB, all {len(self.peaks)} processes "
            f"{sum(self.peaks.values()):.0f} MB (main {self.peaks.get(self.pid, 0):.0f} MB, pool "
            f"{' + '.join(f'{peak:.0f}' for peak in others) or 'none'} MB); "
            f"their peak Pss sum {self.proportional:.0f} MB"
        )


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--pool", default="prefork", choices=["prefork", "threads", "solo"])
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes or threads")
    parser.add_argument("--database", default="ct_ingest_bench")
    parser.add_argument("--redis-db", type=int, default=12)
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for the pipeline")
    parser.add_argument("--together", action="store_true", help="consume the extraction queue from the start")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    if args.articles < 100:
        raise SystemExit("--articles must be at least 100 (the 304 test polls a 100-item feed of them)")
    env = {
        **os.environ,
        "DATABASE_URL": ensure_database(args.database, drop=True),
        "REDIS_URL": f"redis://127.0.0.1:6379/{args.redis_db}",
        "DJANGO_SETTINGS_MODULE": "bench.ingest_settings",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    import django

    django.setup()
    import redis
    from django.core.management import call_command
    from django.db.models import Count

    from django.conf import settings

    from config.celery_app import app as celery_app
    from sources import services, tasks
    from sources.models import Article, Feed, Passage

    call_command("migrate", verbosity=0)
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    site = BenchSite(args.articles)
    log_path = REPO / "bench" / "out" / "ingest-worker.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with running_celery_worker(
            f"--pool={args.pool}", f"--concurrency={args.concurrency}", "--loglevel=WARNING",
            "--queues=celery,extraction" if args.together else "--queues=celery",
            f"--hostname=ingest-bench-{os.getpid()}@%h", env=env, log_path=log_path, start_timeout=60,
        ) as worker:
            feed, _ = services.feed_add(url=f"{site.base}/feed.xml", outlet_name="Bench Courier")
            load_before = os.getloadavg()[0]
            cpu_before, database = cpu_seconds(worker.pid), DatabaseCpu()
            started = time.monotonic()
            tasks.feed_poll.delay(feed.pk)
            split_at = extracted_at = ingest_cpu = total_cpu = database_cpu = None
            memory = WorkerMemory(worker.pid)
            while time.monotonic() - started < args.timeout:
                time.sleep(0.5)
                memory.sample()
                database.sample()
                if split_at is None:
                    if Article.objects.filter(feed=feed, status__in=TERMINAL_AFTER_SPLIT).count() >= args.articles:
                        split_at = time.monotonic() - started
                        ingest_cpu = cpu_seconds(worker.pid) - cpu_before
                        if not args.together:
                            celery_app.control.add_consumer("extraction", reply=True)
                if split_at is not None and Article.objects.filter(feed=feed, status="extracted").count() >= args.articles:
                    extracted_at = time.monotonic() - started
                    total_cpu = cpu_seconds(worker.pid) - cpu_before
                    database_cpu = database.seconds()
                    break
            counts = dict(Article.objects.filter(feed=feed).values_list("status").annotate(n=Count("id")))
            passages = Passage.objects.filter(article__feed=feed).count()

            small, _ = services.feed_add(url=f"{site.base}/feed100.xml", outlet_name="Bench Courier")
            services.feed_poll(feed=Feed.objects.get(pk=small.pk))  # remembers the ETag
            timings = []
            for _ in range(30):
                small.refresh_from_db()
                before = time.perf_counter()
                result = services.feed_poll(feed=small)
                timings.append((time.perf_counter() - before) * 1000)
                assert result.not_modified
    finally:
        site.httpd.shutdown()

    mode = "ingestion and extraction together" if args.together else "extraction after ingestion"
    print(f"articles served: {args.articles}; worker: {args.pool} x{args.concurrency}, {mode}; statuses: {counts}")
    print(f"politeness: one request at a time to the bench's one host, INGEST_HOST_DELAY {settings.INGEST_HOST_DELAY} s "
          f"apart (set by bench/ingest_settings.py: this times the pipeline; a publisher gets the configured delay)")
    print(f"machine: {os.cpu_count()} cores, load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    print(f"passages stored: {passages}")
    per_article = "worker CPU {:.0f} ms per article".format
    if split_at:
        print(f"ingestion end to end (feed poll -> fetch -> store -> split into passages; no claims): "
              f"{args.articles} articles in {split_at:.1f} s = {args.articles / split_at:.1f} articles/s; "
              f"{per_article(1000 * ingest_cpu / args.articles)}{' (extraction running too)' if args.together else ''}")
    else:
        print(f"ingestion: not finished within {args.timeout:.0f} s")
    if extracted_at:
        if not args.together:
            extraction = extracted_at - split_at
            print(f"claim extraction afterwards: {extraction:.1f} s = {args.articles / extraction:.1f} articles/s; "
                  f"{per_article(1000 * (total_cpu - ingest_cpu) / args.articles)}")
        print(f"whole pipeline (feed poll -> passages -> claims extracted): {args.articles} articles in "
              f"{extracted_at:.1f} s = {args.articles / extracted_at:.1f} articles/s; "
              f"{per_article(1000 * total_cpu / args.articles)}; PostgreSQL CPU for the worker's connections "
              f"{1000 * database_cpu / args.articles:.0f} ms per article")
    else:
        print(f"claim extraction: not finished within {args.timeout:.0f} s")
    print(f"304 re-poll of an unchanged 100-item feed: median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms")
    print(f"peak worker memory (VmHWM): {memory.summary()}")


if __name__ == "__main__":
    main()
