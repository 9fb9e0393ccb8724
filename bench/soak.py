"""Soak test: run the whole app against the newsroom simulator while its surroundings fail.

Starts a private PostgreSQL cluster (initdb into a temporary directory, port 5440) and a private
redis-server (port 6390, db 9) so that restarting them disturbs nobody else on the machine, then
web (gunicorn), a Celery worker and beat with bench.soak_settings, and the simulator. During the
run it SIGKILLs the worker in the middle of a task and starts it again, restarts Redis (asking
for a "poll now" while it is down), restarts PostgreSQL, and runs a second worker for a while,
all while a client keeps loading pages. Then it stops publishing, lets the pipeline drain, and
compares what the simulator published with what the database holds. Exit status 1 when a check
fails.

    .venv/bin/python bench/soak.py --minutes 10
"""

import argparse
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
import redis  # noqa: E402

from bench.newsroom_sim import ARTICLE_FAULTS, Material, NewsroomSimulator  # noqa: E402

PG_BIN = max(Path("/usr/lib/postgresql").glob("*/bin"), default=None)
DATABASE = "ct_soak"
REDIS_DB = 9
EDITOR = ("soak-editor", "soak-editor-password-1")
PROBED_PAGES = ("/", "/search/?q=drones", "/ingestion/", "/ops/", "/healthz")
POLL_NOW_PROBE = "?edition=poll-now-probe"  # a second, rarely polled feed that "poll now" wakes
TERMINAL = {"extracted", "failed", "duplicate"}
ARTICLE_FAULT_KINDS = set(ARTICLE_FAULTS) - {""}
ARTICLE_TASKS = ("sources.tasks.article_", "claims.tasks.article_")


@dataclass
class SoakConfig:
    minutes: float = 10.0
    outage_seconds: float = 20.0
    drain_seconds: float = 240.0
    event_interval: float = 4.0
    feed_interval: int = 10
    stalled_after: int = 45
    periodic_seconds: float = 10.0
    seed: int = 7
    pg_port: int = 5440
    redis_port: int = 6390
    web_port: int = 8790
    use_shared_material: bool = True
    workdir: Path | None = None
    keep_workdir: bool = False

    @classmethod
    def short(cls, **overrides) -> "SoakConfig":
        """Under two minutes in all, one fault of each kind: the CI form."""
        values = dict(minutes=0.8, outage_seconds=6.0, drain_seconds=45.0, event_interval=2.0, feed_interval=5,
                      stalled_after=12, periodic_seconds=4.0)
        return cls(**{**values, **overrides})


def log(message: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


# Services of our own -----------------------------------------------------------------------


class PrivatePostgres:
    """A throwaway cluster, run as the postgres OS user; never the shared one on 5432."""

    def __init__(self, *, root: Path, port: int):
        if PG_BIN is None:
            raise SystemExit("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin")
        self.root, self.port = root / "pg", port
        self.data, self.sockets, self.logfile = self.root / "data", self.root / "sockets", self.root / "server.log"

    def _as_postgres(self, *argv: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else list(argv)

    def _run(self, *argv: str) -> None:
        subprocess.run(self._as_postgres(*argv), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def init(self) -> None:
        self.sockets.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sockets, "postgres")
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        self.start()
        self._run(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", DATABASE)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.logfile), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"


class PrivateRedis:
    """redis-server on its own port, without persistence: a restart loses every queued task."""

    def __init__(self, *, root: Path, port: int):
        self.port, self.root, self.process = port, root, None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.root), "--logfile", str(self.root / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/{REDIS_DB}"


class AppProcess:
    """web, worker or beat in its own process group, so SIGKILL takes its children too."""

    def __init__(self, name: str, argv: list[str], *, env: dict, logdir: Path):
        self.name, self.argv, self.env, self.logdir = name, argv, env, logdir
        self.process: subprocess.Popen | None = None
        self.supervised = True  # restarted when it exits by itself, like compose's restart: unless-stopped

    @property
    def exited_by_itself(self) -> bool:
        return self.supervised and self.process is not None and self.process.poll() is not None

    def start(self) -> "AppProcess":
        with open(self.logdir / f"{self.name}.log", "ab") as output:
            self.process = subprocess.Popen(self.argv, cwd=REPO, env=self.env, stdout=output, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        return self

    def kill(self) -> None:
        self.supervised = False
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        """SIGTERM to the main process only: a Celery worker then finishes its tasks (warm shutdown)."""
        self.supervised = False
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()


# Watching the web app ----------------------------------------------------------------------


@dataclass
class Probe:
    at: float
    path: str
    status: int  # 0: no answer at all
    seconds: float


class WebProber(threading.Thread):
    """An editor who keeps loading pages, and can press "poll now"."""

    def __init__(self, base_url: str):
        super().__init__(name="web-prober", daemon=True)
        self.base_url, self.probes, self.stopping = base_url, [], threading.Event()
        self.client = httpx.Client(base_url=base_url, timeout=15.0, follow_redirects=False)

    def log_in(self) -> None:
        page = self.client.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = self.client.post("/accounts/login/", data={"username": EDITOR[0], "password": EDITOR[1],
                                                              "csrfmiddlewaretoken": token})
        if response.status_code != 302:
            raise RuntimeError(f"could not log in as {EDITOR[0]}: HTTP {response.status_code}")

    def poll_now(self, feed_id: int) -> httpx.Response:
        return self.client.post(f"/ingestion/feeds/{feed_id}/poll",
                                headers={"HX-Request": "true", "X-CSRFToken": self.client.cookies["csrftoken"]})

    def run(self) -> None:
        index = 0
        while not self.stopping.is_set():
            path = PROBED_PAGES[index % len(PROBED_PAGES)]
            index += 1
            started = time.monotonic()
            try:
                status = self.client.get(path).status_code
            except httpx.HTTPError:
                status = 0
            self.probes.append(Probe(time.time(), path, status, time.monotonic() - started))
            self.stopping.wait(0.25)


# The run -----------------------------------------------------------------------------------


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class SoakResult:
    checks: list[Check] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def add(self, name: str, ok: bool, detail: str) -> None:
        self.checks.append(Check(name, ok, detail))

    def report(self) -> str:
        lines = ["", "== soak figures", *self.figures, "", "== soak checks"]
        lines += [f"{'PASS' if check.ok else 'FAIL'}  {check.name}: {check.detail}" for check in self.checks]
        lines.append(f"\nsoak {'PASSED' if self.ok else 'FAILED'}")
        return "\n".join(lines)


class Soak:
    def __init__(self, config: SoakConfig):
        self.config = config
        self.root = Path(config.workdir or tempfile.mkdtemp(prefix="ct-soak-"))
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o755)
        self.logdir = self.root / "logs"
        self.logdir.mkdir(exist_ok=True)
        self.postgres = PrivatePostgres(root=self.root, port=config.pg_port)
        self.redis = PrivateRedis(root=self.root, port=config.redis_port)
        self.phases: list[tuple[str, float, float]] = []
        self.processes: dict[str, AppProcess] = {}
        self.result = SoakResult()
        self.poll_now_answer: tuple[int, str] | None = None
        self.unplanned_exits: list[str] = []
        self.supervising = threading.Event()
        self.poll_now_at: float | None = None
        self.killed_during: str = ""

    # Set-up ----------------------------------------------------------------------------------

    def environment(self) -> dict:
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_URL", "REDIS_URL"))}
        env.update(
            DJANGO_SETTINGS_MODULE="bench.soak_settings",
            DATABASE_URL=self.postgres.url,
            REDIS_URL=self.redis.url,
            CELERY_TASK_ALWAYS_EAGER="false",
            DJANGO_DEBUG="false",
            CLAIMTRACK_DATA_DIR=str(self.root / "data"),
            FEED_POLL_TICK_SECONDS="2",
            STALLED_ARTICLE_AFTER=str(self.config.stalled_after),
            SOAK_PERIODIC_SECONDS=str(self.config.periodic_seconds),
            WORKER_HEARTBEAT_MAX_AGE=str(int(self.config.periodic_seconds * 6)),
            PYTHONUNBUFFERED="1",
        )
        return env

    def manage(self, *argv: str) -> None:
        subprocess.run([sys.executable, "manage.py", *argv], cwd=REPO, env=self.environment(), check=True,
                       stdout=subprocess.DEVNULL)

    def worker(self, number: int) -> AppProcess:
        return AppProcess(
            f"worker{number}",
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO", "--concurrency=2",
             f"--hostname=soak{number}@%h", "--without-gossip", "--without-mingle"],
            env=self.environment(), logdir=self.logdir,
        )

    def start_services(self) -> None:
        log(f"work directory {self.root}")
        self.postgres.init()
        self.redis.start()
        log(f"private PostgreSQL on {self.config.pg_port}, redis-server on {self.config.redis_port}")
        self.manage("migrate", "--noinput")
        self.manage("load_gazetteer")
        self.manage("add_user", EDITOR[0], "--role", "editor", "--password", EDITOR[1])
        os.environ.update(self.environment())
        import django

        django.setup()
        logging.getLogger("httpx").setLevel(logging.WARNING)  # the prober's requests are summed up, not logged
        env = self.environment()
        self.processes["web"] = AppProcess(
            "web",
            [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{self.config.web_port}",
             "--workers", "2", "--threads", "4", "--timeout", "30", "--graceful-timeout", "5"],
            env=env, logdir=self.logdir,
        ).start()
        self.processes["worker1"] = self.worker(1).start()
        self.processes["beat"] = AppProcess(
            "beat",
            [sys.executable, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO",
             f"--schedule={self.root / 'beat-schedule'}", f"--pidfile={self.root / 'beat.pid'}"],
            env=env, logdir=self.logdir,
        ).start()
        self.wait_for_web()

    def wait_for_web(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.config.web_port}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"web did not start; see {self.logdir / 'web.log'}")

    def add_feeds(self, simulator: NewsroomSimulator) -> int:
        from sources import services

        interval = timedelta(seconds=self.config.feed_interval)
        for url, outlet in simulator.feeds():
            services.feed_add(url=url, outlet_name=outlet, poll_interval=interval)
        probe, _ = services.feed_add(url=simulator.feeds()[0][0] + POLL_NOW_PROBE, outlet_name=simulator.feeds()[0][1],
                                     poll_interval=timedelta(days=1))
        return probe.pk

    def supervise(self) -> None:
        """Start again any process that exits when the soak did not stop it, and note why it exited."""
        while not self.supervising.wait(1.0):
            for process in list(self.processes.values()):
                if process.exited_by_itself:
                    reason = self.last_error_line(process.name)
                    self.unplanned_exits.append(f"{process.name} exited (code {process.process.returncode}) at "
                                                f"{datetime.now(UTC):%H:%M:%S}: {reason}")
                    log(f"{process.name} exited by itself ({reason}); starting it again")
                    process.start()

    def last_error_line(self, name: str) -> str:
        lines = (self.logdir / f"{name}.log").read_text(encoding="utf-8", errors="replace").splitlines()
        errors = [line for line in lines if "Unrecoverable error" in line or "CRITICAL" in line]
        return (errors or lines or ["no output"])[-1][-160:]

    # Faults ----------------------------------------------------------------------------------

    def phase(self, name: str, started: float) -> None:
        self.phases.append((name, started, time.time()))
        log(f"{name}: done")

    def kill_worker_mid_task(self, simulator: NewsroomSimulator) -> None:
        started = time.time()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any(simulator.in_flight.values()):
            time.sleep(0.05)
        busy = [path for path, count in simulator.in_flight.items() if count]
        self.killed_during = f"fetching {busy[0]}" if busy else "no fetch in flight (killed anyway)"
        log(f"SIGKILL worker1 while {self.killed_during}")
        self.processes["worker1"].kill()
        time.sleep(3)
        self.processes["worker1"] = self.worker(1).start()
        time.sleep(5)
        self.phase("worker SIGKILL + restart", started)

    def restart_redis(self, prober: WebProber, poll_now_feed_id: int) -> None:
        started = time.time()
        log("Redis: stop")
        self.redis.stop()
        time.sleep(1)
        self.poll_now_at = time.time()
        answer = prober.poll_now(poll_now_feed_id)
        self.poll_now_answer = (answer.status_code, answer.text)
        log(f"poll now while Redis is down: HTTP {answer.status_code}")
        time.sleep(max(self.config.outage_seconds - 1, 0))
        self.redis.start()
        log("Redis: started again")
        time.sleep(3)
        self.phase("Redis down", started)

    def restart_postgres(self) -> None:
        started = time.time()
        log("PostgreSQL: stop")
        self.postgres.stop()
        time.sleep(self.config.outage_seconds)
        self.postgres.start()
        log("PostgreSQL: started again")
        time.sleep(3)
        self.phase("PostgreSQL down", started)

    def two_workers(self, seconds: float) -> None:
        started = time.time()
        log("second worker: start")
        self.processes["worker2"] = self.worker(2).start()
        time.sleep(seconds)
        self.processes["worker2"].stop()
        log("second worker: stopped")
        self.phase("two workers", started)

    # Draining and checking -------------------------------------------------------------------

    def pipeline_state(self, ledger: dict) -> tuple[bool, str]:
        from django.db import close_old_connections

        from sources.models import Article, Passage

        close_old_connections()
        expected = {post["permalink"]: post["versions"][-1]["text"] for blog in ledger["live_blogs"] for post in blog["posts"]}
        stored = dict(Passage.objects.current().filter(key__in=list(expected)).values_list("key", "text"))
        missing = sum(1 for key, text in expected.items() if stored.get(key) != text)
        unfinished = Article.objects.exclude(status__in=TERMINAL).count()
        waiting = redis.Redis.from_url(self.redis.url).llen("celery")
        return (missing == 0 and unfinished == 0 and waiting == 0,
                f"{missing} posts not yet current, {unfinished} articles unfinished, {waiting} tasks queued")

    def drain(self, ledger_of) -> dict:
        deadline = time.monotonic() + self.config.drain_seconds
        started = time.monotonic()
        while True:
            ledger = ledger_of()
            try:
                done, state = self.pipeline_state(ledger)
            except Exception as error:  # the database may still be warming up after its restart
                done, state = False, f"database not answering: {error}"
            if done or time.monotonic() > deadline:
                log(f"drain: {state} after {time.monotonic() - started:.0f}s")
                return ledger
            time.sleep(2)

    def check(self, ledger: dict, prober: WebProber, poll_now_feed_id: int) -> None:
        self.check_posts(ledger)
        self.check_articles(ledger)
        self.check_claims(ledger)
        self.check_injected_failures(ledger, poll_now_feed_id)
        self.check_nothing_stuck()
        self.check_web(prober)

    def check_posts(self, ledger: dict) -> None:
        from sources.models import Passage

        posts = [(blog["url"], post) for blog in ledger["live_blogs"] for post in blog["posts"]]
        rows = Passage.objects.filter(key__in=[post["permalink"] for _, post in posts]).order_by("version")
        by_key: dict[str, list] = {}
        for row in rows.values("key", "text", "is_current", "version"):
            by_key.setdefault(row["key"], []).append(row)
        missing = duplicated = wrong_text = 0
        edits_published = edits_stored = must_keep = kept = unknown_versions = repeated_versions = 0
        for _, post in posts:
            stored = by_key.get(post["permalink"], [])
            current = [row for row in stored if row["is_current"]]
            final = post["versions"][-1]["text"]
            if not current:
                missing += 1
            elif len(current) > 1:
                duplicated += 1
            elif current[0]["text"] != final:
                wrong_text += 1
            published = [version["text"] for version in post["versions"]]
            texts = [row["text"] for row in stored]
            edits_published += len(published) - 1
            edits_stored += max(len(texts) - 1, 0)
            unknown_versions += sum(1 for text in texts if text not in published)
            repeated_versions += len(texts) - len(set(texts))
            # A version the app fetched in two separate polls cannot have been lost to a crash.
            for version in post["versions"]:
                if version["served"] >= 2:
                    must_keep += 1
                    kept += version["text"] in texts
        current_total = Passage.objects.current().filter(article__url__in=[blog["url"] for blog in ledger["live_blogs"]]).count()
        self.result.figures.append(
            f"live-blog posts published: {len(posts)}; current passages in those blogs: {current_total}; "
            f"edits published: {edits_published}, stored as versions: {edits_stored}"
        )
        self.result.add("every post stored once as a current passage", missing == duplicated == wrong_text == 0
                        and current_total == len(posts),
                        f"{len(posts)} posts: {missing} missing, {duplicated} duplicated, {wrong_text} with stale text, "
                        f"{current_total - len(posts)} unexpected current passages")
        self.result.add("every edit kept as a version", kept == must_keep and unknown_versions == repeated_versions == 0,
                        f"{kept}/{must_keep} versions served twice or more are stored; {unknown_versions} versions with "
                        f"text never published, {repeated_versions} stored twice")

    def check_articles(self, ledger: dict) -> None:
        from sources.models import Article, Passage

        complete = missing = 0
        for article in ledger["articles"]:
            if article["fault"] == "404":
                continue
            row = Article.objects.filter(url=article["url"]).first()
            texts = Counter(Passage.objects.current().filter(article=row).values_list("text", flat=True)) if row else Counter()
            if all(texts[paragraph] == 1 for paragraph in article["paragraphs"]):
                complete += 1
            else:
                missing += 1
        self.result.add("every article paragraph stored once", missing == 0,
                        f"{complete} articles complete, {missing} with a paragraph missing or repeated")

    def check_claims(self, ledger: dict) -> None:
        from claims.extraction import extract_passage
        from claims.services.extraction_store import passage_asserted_on
        from claims.services.gazetteer_sync import gazetteer_from_database
        from sources.models import Passage

        published = {version["text"] for blog in ledger["live_blogs"] for post in blog["posts"] for version in post["versions"]}
        published |= {paragraph for article in ledger["articles"] for paragraph in article["paragraphs"]}
        urls = [blog["url"] for blog in ledger["live_blogs"]] + [article["url"] for article in ledger["articles"]]
        gazetteer = gazetteer_from_database()
        found = stored_once = missing = duplicated = unstorable = 0
        passages = Passage.objects.current().filter(article__url__in=urls).select_related("article").prefetch_related("attributions")
        for passage in passages:
            if passage.text not in published:
                continue
            extraction = extract_passage(passage.text, heading=passage.heading or None,
                                         published_on=passage_asserted_on(passage), gazetteer=gazetteer)
            stored = Counter((a.content_start, a.content_end) for a in passage.attributions.all())
            # Two sources of one statement ("X and Y said ...") are two claims over the same span.
            expected = Counter()
            for claim in extraction.claims:
                span = claim.content_span
                if claim.text.strip() and 0 <= span.start < span.end <= len(passage.text):
                    expected[(span.start, span.end)] += 1
                else:
                    unstorable += 1
            for span, count in expected.items():
                found += count
                stored_once += min(count, stored[span])
                missing += max(count - stored[span], 0)
                duplicated += max(stored[span] - count, 0)
        self.result.figures.append(f"claims the extractor finds in the published text: {found} (+{unstorable} with no storable span)")
        self.result.add("every extracted claim stored exactly once", missing == duplicated == 0 and found > 0,
                        f"{stored_once}/{found} stored once, {missing} missing, {duplicated} duplicated")

    def check_injected_failures(self, ledger: dict, poll_now_feed_id: int) -> None:
        from sources.models import Article, Feed

        problems = []
        for feed in ledger["feeds"]:
            if not feed["fault"]:
                continue
            row = Feed.objects.get(url=feed["url"])
            expected = "10.0.0.1" if feed["fault"] == "private-redirect" else "malformed"
            if row.consecutive_failures < 1 or expected not in row.last_error:
                problems.append(f"feed {feed['fault']}: {row.status}, {row.consecutive_failures} failures, {row.last_error!r}")
        faults = Counter()
        for article in ledger["articles"]:
            if not article["fault"]:
                continue
            faults[article["fault"]] += 1
            row = Article.objects.filter(url=article["url"]).first()
            if row is None:
                problems.append(f"article {article['url']} ({article['fault']}) never stored")
            elif article["fault"] == "404" and not (row.status == "failed" and "404" in row.last_error):
                problems.append(f"404 article is {row.status} with error {row.last_error!r}")
            elif article["fault"].endswith("-once") and not (row.status == "extracted" and row.fetch_attempts >= 2):
                problems.append(f"{article['fault']} article is {row.status} after {row.fetch_attempts} attempts")
            elif article["fault"] == "slow" and row.status != "extracted":
                problems.append(f"slow article is {row.status}")
        redirect_feed = next(feed for feed in ledger["feeds"] if feed["fault"] == "private-redirect")
        self.result.figures.append(
            f"injected: {dict(faults)} article faults; malformed feed and private redirect served "
            f"{sum(feed['fault_responses'] for feed in ledger['feeds'])} times "
            f"(10.0.0.1 refused before connecting: {'refused' in Feed.objects.get(url=redirect_feed['url']).last_error})"
        )
        self.result.add("every injected failure recorded", not problems and len(faults) == len(ARTICLE_FAULT_KINDS),
                        "; ".join(problems) or f"feeds and {sum(faults.values())} articles carry their failures")
        status, body = self.poll_now_answer or (0, "")
        probe = Feed.objects.get(pk=poll_now_feed_id)
        ran_later = bool(probe.last_polled_at and probe.last_polled_at.timestamp() > (self.poll_now_at or 0))
        self.result.add("poll now while Redis is down", status == 200 and "unreachable" in body and ran_later,
                        f"HTTP {status}, {'clear message' if 'unreachable' in body else 'no message'}; "
                        f"the poll {'ran' if ran_later else 'did NOT run'} once Redis was back")

    def check_nothing_stuck(self) -> None:
        from sources.models import Article

        client = redis.Redis.from_url(self.redis.url)
        waiting = client.llen("celery")
        unacked = [json.loads(message) for message in client.hvals("unacked")]
        stuck_articles = Counter(Article.objects.exclude(status__in=TERMINAL).values_list("status", flat=True))
        # A SIGKILLed task's message sits in "unacked" until the visibility timeout; harmless once its
        # article has finished by another path (the stalled-article sweeper).
        orphans, orphans_waited_on = [], []
        for entry in unacked:
            message = entry[0] if isinstance(entry, list) else entry
            headers = message.get("headers", {})
            orphans.append(f"{headers.get('task')}{headers.get('argsrepr')}")
            argument = re.match(r"\((\d+),?\)$", headers.get("argsrepr") or "")
            if headers.get("task", "").startswith(ARTICLE_TASKS) and argument:
                status = Article.objects.filter(pk=int(argument.group(1))).values_list("status", flat=True).first()
                if status not in TERMINAL:
                    orphans_waited_on.append(orphans[-1])
        self.result.add("no task stuck", waiting == 0 and not stuck_articles and not orphans_waited_on,
                        f"{waiting} queued, articles not finished: {dict(stuck_articles) or 'none'}; "
                        f"{len(orphans)} unacknowledged messages left by killed workers {orphans}, "
                        f"{len(orphans_waited_on)} of them for an article still unfinished")

    def check_web(self, prober: WebProber) -> None:
        from config.ops.selectors import percentile

        def window(name: str) -> tuple[float, float]:
            _, start, end = next(phase for phase in self.phases if phase[0] == name)
            return start, end

        pg_start, pg_end = window("PostgreSQL down")
        rows = []
        errors_outside_database_outage = 0
        for name, start, end in [("whole run", 0, float("inf")), *self.phases]:
            probes = [probe for probe in prober.probes if start <= probe.at <= end]
            errors = [probe for probe in probes if probe.status != 200 and not (probe.status == 302 and probe.path == "/")]
            p95 = percentile([probe.seconds for probe in probes], 0.95)
            rows.append(f"  {name:<26} {len(probes):>5} requests  {len(errors):>4} errors  p95 {p95 or 0:.3f}s")
            if name != "whole run":
                errors_outside_database_outage += sum(1 for probe in errors if not pg_start <= probe.at <= pg_end)
        self.result.figures.append("web pages (" + ", ".join(PROBED_PAGES) + ") during the run:\n" + "\n".join(rows))
        redis_start, redis_end = window("Redis down")
        during_redis = [probe for probe in prober.probes if redis_start <= probe.at <= redis_end]
        redis_errors = sum(1 for probe in during_redis if probe.status != 200)
        self.result.add("pages and search serve while Redis is down", redis_errors == 0 and during_redis,
                        f"{len(during_redis)} requests, {redis_errors} errors")
        late = [probe for probe in prober.probes if probe.at > pg_end]
        self.result.add("web answers throughout except while PostgreSQL is down",
                        errors_outside_database_outage == 0 and all(probe.status == 200 for probe in late),
                        f"{errors_outside_database_outage} errors outside the database outage "
                        f"(pages need the database; they answer 503 while it is down)")
        during_pg = [probe for probe in prober.probes if pg_start <= probe.at <= pg_end]
        by_status = Counter(probe.status for probe in during_pg)
        self.result.add("pages answer 503, never 500, while PostgreSQL is down",
                        by_status[503] > 0 and not any(500 <= status != 503 for status in by_status),
                        f"{len(during_pg)} requests by status: {dict(sorted(by_status.items()))}")
        overall = percentile([probe.seconds for probe in prober.probes if not pg_start <= probe.at <= pg_end], 0.95) or 0
        self.result.add("web p95 under 2 s outside the database outage", overall < 2.0, f"p95 {overall:.3f}s")

    # Orchestration ---------------------------------------------------------------------------

    def run(self) -> SoakResult:
        config = self.config
        simulator = None
        prober = None
        try:
            self.start_services()
            simulator = NewsroomSimulator(seed=config.seed, event_interval=config.event_interval,
                                          material=Material.load(use_shared=config.use_shared_material)).start()
            log(f"simulator on {simulator.base_url} ({simulator.material.source})")
            poll_now_feed_id = self.add_feeds(simulator)
            threading.Thread(target=self.supervise, name="supervisor", daemon=True).start()
            prober = WebProber(f"http://127.0.0.1:{config.web_port}")
            prober.log_in()
            prober.start()
            run_seconds = config.minutes * 60
            began = time.time()

            def at(fraction: float) -> None:
                time.sleep(max(0.0, began + fraction * run_seconds - time.time()))

            at(0.15)
            self.kill_worker_mid_task(simulator)
            at(0.30)
            self.restart_redis(prober, poll_now_feed_id)
            at(0.50)
            self.restart_postgres()
            at(0.62)
            self.two_workers(max(config.outage_seconds, 0.2 * run_seconds))
            at(1.0)
            simulator.freeze()
            log(f"publishing stopped: {simulator.summary()}")
            ledger = self.drain(simulator.ledger)
            (self.root / "ledger.json").write_text(json.dumps(ledger, indent=1, ensure_ascii=False), encoding="utf-8")
            prober.stopping.set()
            prober.join()
            self.result.figures.append(f"ran {(time.time() - began) / 60:.1f} min; worker killed while {self.killed_during}; "
                                       f"logs in {self.logdir}")
            self.result.figures.append("processes that exited by themselves and were started again by the supervisor: "
                                       + ("; ".join(self.unplanned_exits) or "none"))
            self.check(ledger, prober, poll_now_feed_id)
            self.result.figures.append(self.task_log_summary())
        finally:
            self.supervising.set()
            if prober is not None:
                prober.stopping.set()
            for process in reversed(list(self.processes.values())):
                process.stop()
            if simulator is not None:
                simulator.stop()
            self.redis.stop()
            try:
                self.postgres.stop(mode="immediate")
            except subprocess.CalledProcessError:
                pass
            if not config.keep_workdir:
                shutil.rmtree(self.root, ignore_errors=True)
        return self.result

    def task_log_summary(self) -> str:
        """Tasks by name and outcome, from the workers' one-line-per-task JSON logs."""
        outcomes: Counter = Counter()
        for path in self.logdir.glob("worker*.log"):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith('{"ts"'):
                    entry = json.loads(line)
                    outcomes[f"{entry['task'].rsplit('.', 1)[-1]}:{entry['outcome']}"] += 1
        return "task runs (from the JSON task logs): " + ", ".join(f"{key} {count}" for key, count in sorted(outcomes.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0, help="how long the simulator publishes (default 10)")
    parser.add_argument("--short", action="store_true", help="the CI form: under two minutes, one fault of each kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--builtin-material", action="store_true", help="built-in sentences instead of ../shared")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (logs, ledger, database files)")
    parser.add_argument("--pg-port", type=int, default=SoakConfig.pg_port, help="the private PostgreSQL's port")
    parser.add_argument("--redis-port", type=int, default=SoakConfig.redis_port, help="the private redis-server's port")
    parser.add_argument("--web-port", type=int, default=SoakConfig.web_port)
    args = parser.parse_args()
    options = dict(seed=args.seed, use_shared_material=not args.builtin_material, keep_workdir=args.keep,
                   pg_port=args.pg_port, redis_port=args.redis_port, web_port=args.web_port)
    config = SoakConfig.short(**options) if args.short else SoakConfig(minutes=args.minutes, **options)
    result = Soak(config).run()
    print(result.report())
    sys.exit(0 if result.ok else 1)


if __name__ == "__main__":
    main()
