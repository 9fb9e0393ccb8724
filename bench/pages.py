"""Page speed at scale: the review queue (comfortable and compact), a claim page (and the
similar-claims section it loads after itself), an actor page and an article's review page over
100,000 claims.

    .venv/bin/python bench/pages.py              # fill ct_pages_bench (once), start gunicorn, time the pages
    .venv/bin/python bench/pages.py --refill     # drop and refill the database first
    .venv/bin/python bench/pages.py --requests 400

Fills its own PostgreSQL database (default ct_pages_bench) with outlets, feeds, articles,
passages, actors (with aliases and parents), claims, attributions, quantities and some verdicts,
using bulk inserts; starts gunicorn on 127.0.0.1 with DEBUG off; logs a fact-checker in through
a session cookie; and prints p50/p95/max of each page's server time (gunicorn's own request
duration, from its access log) and of the time seen by the client, over --requests requests
after a warm-up. The machine's load average is printed too: wall times mean little on a busy
machine, so it also prints the CPU time one request takes in this process (Django's test
client, same database), which other people's work on the machine barely changes, and the
number of queries one request makes. The text is generated here, from templates.
"""

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

ACTOR_COUNT, ARTICLE_COUNT, PASSAGES_PER_ARTICLE = 400, 4_000, 5
PLACES = ("the coast", "the capital", "the northern border", "the port", "the eastern front", "the river crossing")
NOUNS = ("drones", "missiles", "soldiers", "vehicles", "homes", "people", "shells", "boats")
CUES = ("said", "claimed", "reported", "announced", "stated")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="ct_pages_bench")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page (at least 200)")
    parser.add_argument("--refill", action="store_true")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    return parser.parse_args()


def ensure_database(name: str, *, drop: bool) -> str:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and drop:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def fill(claim_count: int) -> None:
    import hashlib

    from django.db import transaction

    from claims.models import Actor, ActorAlias, Attribution, Claim, Quantity, Verdict
    from sources.models import Article, Feed, Outlet, Passage

    rng = random.Random(20260314)
    started = time.perf_counter()
    with transaction.atomic():
        outlets = Outlet.objects.bulk_create(Outlet(name=f"Bench Outlet {i}") for i in range(8))
        feeds = Feed.objects.bulk_create(
            Feed(outlet=outlets[i % 8], url=f"https://bench{i}.example.org/feed.xml", title=f"Bench feed {i}") for i in range(24)
        )
        parents = Actor.objects.bulk_create(
            Actor(name=f"Benchland {i}", kind="government", country=f"Benchland {i}") for i in range(20)
        )
        actors = parents + Actor.objects.bulk_create(
            Actor(name=f"Bench Ministry {i}", kind="ministry", country=f"Benchland {i % 20}", parent=parents[i % 20])
            for i in range(ACTOR_COUNT - len(parents))
        )
        ActorAlias.objects.bulk_create(ActorAlias(actor=actor, alias=f"the bench body {actor.pk}") for actor in actors)
        articles = Article.objects.bulk_create(
            Article(outlet=feeds[i % 24].outlet, feed=feeds[i % 24], url=f"https://bench.example.org/live/{i}",
                    title=f"Live: day {i} of the bench conflict", is_live_blog=True, status="extracted",
                    text="(bench)", raw_html="<html>" + "x" * 20_000 + "</html>")
            for i in range(ARTICLE_COUNT)
        )
        passages, plans = [], []
        for i in range(claim_count):
            # A skewed choice: a few actors say most things, as in real coverage.
            actor = actors[min(int(rng.paretovariate(1.2)) - 1, len(actors) - 1)] if rng.random() < .7 else rng.choice(actors)
            n, m = rng.randint(2, 60), rng.randint(61, 90)
            noun, place, cue = rng.choice(NOUNS), rng.choice(PLACES), rng.choice(CUES)
            source = f"The bench body {actor.pk}"
            content = f"it stopped {n} of {m} {noun} near {place} overnight"
            sentence = f"{source} {cue} {content}."
            if i % 5 == 0 or not passages:
                text = sentence + f" Officials gave no further details about {place}."
                article = articles[(i // 5) % ARTICLE_COUNT]
                passages.append(Passage(article=article, key=f"post-{i}", position=i // 5, heading=f"Update {i // 5}",
                                        text=text, text_hash=hashlib.sha256(text.encode()).hexdigest()))
                offset = 0
            else:
                offset = len(passages[-1].text) + 1
                passages[-1].text += " " + sentence
            plans.append((actor, source, cue, content, sentence, offset, n, m, noun, len(passages) - 1))
        for passage in passages:
            passage.text_hash = hashlib.sha256(passage.text.encode()).hexdigest()
        passages = Passage.objects.bulk_create(passages, batch_size=5000)
        day0 = date(2025, 6, 1)
        verdicts = [v for v, _ in Verdict.choices]
        claims = Claim.objects.bulk_create(
            (Claim(text=content, actor=actor, asserted_on=day0 + timedelta(days=i * 300 // claim_count),
                   review_state="pending" if rng.random() < .25 else rng.choice(["accepted", "corrected", "rejected"]),
                   verdict=rng.choice(verdicts) if rng.random() < .3 else "unverified", rule="bench-rule")
             for i, (actor, _, _, content, *_rest) in enumerate(plans)),
            batch_size=5000,
        )
        Attribution.objects.bulk_create(
            (Attribution(claim=claim, actor=actor, passage=passages[p], outlet_id=passages[p].article.outlet_id,
                         sentence=sentence, source_mention=source, cue=cue,
                         source_start=offset, source_end=offset + len(source),
                         cue_start=offset + len(source) + 1, cue_end=offset + len(source) + 1 + len(cue),
                         content_start=offset + len(source) + len(cue) + 2,
                         content_end=offset + len(source) + len(cue) + 2 + len(content),
                         asserted_on=claim.asserted_on, rule="bench-rule")
             for claim, (actor, source, cue, content, sentence, offset, n, m, noun, p) in zip(claims, plans)),
            batch_size=5000,
        )
        Quantity.objects.bulk_create(
            (Quantity(claim=claim, value=n, total=m, noun=noun, text=f"{n} of {m} {noun}")
             for claim, (*_, n, m, noun, _p) in zip(claims, plans)),
            batch_size=5000,
        )
    print(f"filled {claim_count:,} claims, {len(passages):,} passages, {len(articles):,} articles, "
          f"{len(actors)} actors in {time.perf_counter() - started:.0f} s")


def session_cookie(username: str, *, queue_density: str = "comfortable") -> str:
    """A session logged in as Django's test client does it, with the backends settings name (a
    session naming another backend is anonymous, and every page answered with the login page)."""
    from django.conf import settings
    from django.test import Client

    from claims.roles import FACT_CHECKER
    from claims.services.users import user_create_with_role, user_preferences_set

    user, _ = user_create_with_role(username=username, password="bench-only-password-1", role=FACT_CHECKER)
    user_preferences_set(user=user, queue_density=queue_density)
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(base: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2):
                return
        except OSError:
            time.sleep(.3)
    raise RuntimeError("gunicorn did not start")


def timed(url: str, cookie: str) -> float:
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        response.read()
        # urlopen follows redirects: a page that sent us to log in must not be timed as the page.
        if response.status != 200 or response.geturl() != url:
            raise RuntimeError(f"{url} answered {response.status} from {response.geturl()}")
    return (time.perf_counter() - started) * 1000


def server_times(log: Path, count: int) -> list[float]:
    """The last `count` request durations gunicorn logged, in ms."""
    lines = log.read_text().split()
    return [int(value) / 1000 for value in lines[-count:]]


def summary(times: list[float]) -> tuple[float, float, float]:
    times = sorted(times)
    return statistics.median(times), times[int(len(times) * .95) - 1], times[-1]


def print_cpu_times(paths: dict, count: int = 50) -> None:
    """CPU time per request in this process: the app's own cost, whatever else the machine runs.
    `paths`: name -> (path for request i, the username who asks)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    print(f"{'page':<26}{'CPU p50 ms':>11}{'p95':>7}{'queries':>9}  requests (in-process)")
    for name, (path_for, username) in paths.items():
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        with CaptureQueriesContext(connection) as captured:
            client.get(path_for(0))
        queries = len(captured)  # now: every request clears the connection's query log
        times = []
        for i in range(count):
            started = time.process_time()
            if client.get(path_for(i)).status_code != 200:
                raise RuntimeError(f"{path_for(i)} failed")
            times.append((time.process_time() - started) * 1000)
        p50, p95, _ = summary(times)
        print(f"{name:<26}{p50:>11.1f}{p95:>7.1f}{queries:>9}  {count}")


def main() -> None:
    args = parse_args()
    if args.requests < 200:
        sys.exit("--requests must be at least 200")
    database_url = ensure_database(args.database, drop=args.refill)
    os.environ.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="false")
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Count

    from claims.models import Actor, Claim
    from sources.models import Article

    call_command("migrate", verbosity=0)
    if Claim.objects.count() < args.claims:
        fill(args.claims - Claim.objects.count())
        call_command("dbshell", "--", "-c", "VACUUM ANALYZE")
    users = {"bench-factchecker": "comfortable", "bench-compact": "compact"}
    cookies = {username: session_cookie(username, queue_density=density) for username, density in users.items()}
    claim_ids = list(Claim.objects.order_by("?").values_list("pk", flat=True)[:500])
    article_ids = list(Article.objects.filter(passages__isnull=False).distinct().order_by("?").values_list("pk", flat=True)[:200])
    busiest = list(Actor.objects.annotate(n=Count("claims")).order_by("-n").values_list("pk", "n")[:20])
    print(f"{Claim.objects.count():,} claims, {Claim.objects.filter(review_state='pending').count():,} pending; "
          f"busiest actor has {busiest[0][1]:,} claims")

    port = args.port or free_port()
    access_log = Path(tempfile.mkdtemp()) / "access.log"
    server = subprocess.Popen(
        [str(REPO / ".venv/bin/gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning", "--access-logfile", str(access_log),
         "--access-logformat", "%(D)s"],
        cwd=REPO, env=dict(os.environ),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(base, server)
        reader = "bench-factchecker"
        pages = {
            "review queue (50 rows)": (lambda i: f"{base}/review/?page={1 + i % 5}", reader),
            "compact queue (50 rows)": (lambda i: f"{base}/review/?page={1 + i % 5}", "bench-compact"),
            "claim page": (lambda i: f"{base}/claims/{claim_ids[i % len(claim_ids)]}/", reader),
            "similar claims (htmx)": (lambda i: f"{base}/desk/claims/{claim_ids[i % len(claim_ids)]}/similar/", reader),
            "actor page (20 busiest)": (lambda i: f"{base}/actors/{busiest[i % len(busiest)][0]}/", reader),
            "article review page": (lambda i: f"{base}/articles/{article_ids[i % len(article_ids)]}/review/", reader),
        }
        print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
        print(f"{'page':<26}{'server p50':>11}{'p95':>7}{'max':>7}{'client p50':>12}{'p95':>7}  requests")
        for name, (url_for, username) in pages.items():
            for i in range(20):
                timed(url_for(i), cookies[username])
            client = [timed(url_for(i), cookies[username]) for i in range(args.requests)]
            time.sleep(.5)  # let gunicorn flush its log
            server_p50, server_p95, server_max = summary(server_times(access_log, args.requests))
            client_p50, client_p95, _ = summary(client)
            print(f"{name:<26}{server_p50:>11.1f}{server_p95:>7.1f}{server_max:>7.1f}{client_p50:>12.1f}{client_p95:>7.1f}  {len(client)}")
        print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print_cpu_times({name: (lambda i, u=url_for: u(i).removeprefix(base), username)
                         for name, (url_for, username) in pages.items()})
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    main()
