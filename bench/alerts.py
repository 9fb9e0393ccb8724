"""Alert matching per stored article, at 10,000 saved-search subscriptions and followed actors.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/ct_alerts_bench .venv/bin/python bench/alerts.py [--searches N --follows N]
Creates the database if needed, migrates it and fills it once: 2,000 actors, 200 outlets, 500
people, 5,200 follows of actors (about 5,180 distinct) and 5,000 subscribed saved searches (or
--follows / --searches of each: use a database of its own per size) compiled by the app's own
service (35% an actor, 30% of them with a word too; 45% text: one word, two words or two words
joined by OR, 1:2:1; 10% one of 192 counted nouns with a minimum; 7% an outlet; 3% only a verdict or
review state: those are checked against every new claim). Claim words follow a Zipf-like
vocabulary of 4,000 words; searches draw from the same vocabulary without its 200 commonest
words (searches name topics). The people get notifications in the app only (no email tasks).
Then, for 200 articles of 12 new claims each, it prints the time and queries of matching one
article's claims (`claims_alert_matches`, reads only) and of the whole step with its
notifications written, and how many notifications an article brings.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from bench.pages import ensure_database  # noqa: E402

if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    ensure_database(urlparse(os.environ["DATABASE_URL"]).path.lstrip("/"), drop=False)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from claims.desk.models import DeliverySettings, Follow, Notification, SearchSubscription  # noqa: E402
from claims.desk.services.alerts import claims_alert, claims_alert_matches  # noqa: E402
from claims.desk.services.subscriptions import saved_search_subscribe  # noqa: E402
from claims.models import Actor, Attribution, Claim, Quantity, SavedSearch  # noqa: E402
from sources.models import Article, Outlet, Passage  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ren", "zel", "vo", "dy", "ar", "pet", "ro", "nov", "an", "tu", "el", "bri", "sto"]
NOUNS = [f"{first}{second}s" for first in SYLLABLES for second in SYLLABLES[:12]]  # 192 counted things
ARTICLES, CLAIMS_PER_ARTICLE = 200, 12
SEARCHED_FROM = 200  # searches name topics, not the language's commonest words


class Vocabulary:
    def __init__(self, rng: random.Random, size: int = 4000):
        words: set[str] = set()
        while len(words) < size:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.words = sorted(words)
        rng.shuffle(self.words)
        self.weights = [1 / (rank + 1) for rank in range(size)]  # Zipf: a few words are very common
        self.rng = rng

    def sample(self, count: int) -> list[str]:
        return self.rng.choices(self.words, weights=self.weights, k=count)

    def searched(self, count: int) -> list[str]:
        return self.rng.choices(self.words[SEARCHED_FROM:], weights=self.weights[SEARCHED_FROM:], k=count)


def fill(rng: random.Random, vocabulary: Vocabulary, *, searches: int, follows: int) -> None:
    actors = Actor.objects.bulk_create([Actor(name=f"Bench actor {n}") for n in range(2000)])
    outlets = Outlet.objects.bulk_create([Outlet(name=f"Bench outlet {n}") for n in range(200)])
    people = get_user_model().objects.bulk_create([get_user_model()(username=f"bench-reader-{n}") for n in range(500)])
    # In the app only: the bench times matching and storing notifications, not hundreds of email tasks.
    DeliverySettings.objects.bulk_create(DeliverySettings(user=person, email_mode=DeliverySettings.EmailMode.OFF) for person in people)
    Follow.objects.bulk_create(
        {(person.pk, actor.pk): Follow(user=person, actor=actor)
         for person, actor in ((rng.choice(people), rng.choice(actors)) for _ in range(follows))}.values()
    )
    for n in range(searches):
        kind = rng.random()
        if kind < 0.35:
            query = f"actor={rng.choice(actors).pk}" + (f"&q={vocabulary.searched(1)[0]}" if rng.random() < 0.3 else "")
        elif kind < 0.80:
            words = vocabulary.searched(2)
            query = "q=" + rng.choices([words[0], f"{words[0]}+{words[1]}", f"{words[0]}+OR+{words[1]}"], weights=[1, 2, 1])[0]
        elif kind < 0.90:
            query = f"noun={rng.choice(NOUNS)}&value_min={rng.choice([100, 300, 500, 800])}"
        elif kind < 0.97:
            query = f"outlet={rng.choice(outlets).pk}"
        else:
            query = rng.choice(["verdict=false", "verdict=false&verdict=misleading", "review_state=accepted"])
        saved = SavedSearch.objects.create(user=rng.choice(people), name=f"search {n}", query=query)
        saved_search_subscribe(saved_search=saved, subscribed=True)


def new_article(rng: random.Random, vocabulary: Vocabulary, actors: list[int], outlets: list[int], number: int) -> list[int]:
    """One article with CLAIMS_PER_ARTICLE new claims, as extraction stores them."""
    outlet = rng.choice(outlets)
    # The seeded generator repeats itself from one run to the next: the clock keeps URLs unique.
    article = Article.objects.create(outlet_id=outlet, url=f"https://bench.example/alerts/{time.time_ns()}-{number}",
                                     title="bench", text="", status=Article.Status.EXTRACTED)
    claim_ids = []
    with transaction.atomic():
        for position in range(CLAIMS_PER_ARTICLE):
            noun, value = rng.choice(NOUNS), rng.randint(1, 900)
            content = f"{' '.join(vocabulary.sample(8))} {value} {noun} {' '.join(vocabulary.sample(4))}"
            sentence = f"Officials said {content}."
            passage = Passage.objects.create(article=article, key=f"p{position}", position=position, text=sentence,
                                             text_hash=str(position))
            actor = rng.choice(actors)
            claim = Claim.objects.create(text=content, actor_id=actor, rule="bench")
            Attribution.objects.create(claim=claim, actor_id=actor, passage=passage, outlet_id=outlet, sentence=sentence,
                                       cue="said", content_start=15, content_end=15 + len(content))
            Quantity.objects.create(claim=claim, value=value, noun=noun, text=f"{value} {noun}")
            claim_ids.append(claim.pk)
    return claim_ids


def timed(function, claim_ids: list[int]) -> tuple[float, float, int, object]:
    """Wall-clock and this process's CPU milliseconds (the database's work is in the first only)."""
    reset_queries()  # the query log keeps only the last 9,000
    with CaptureQueriesContext(connection) as queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        result = function(claim_ids=claim_ids)
        elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu_started) * 1000
    return elapsed, cpu, len(queries), result


def summary(label: str, values: list[float], unit: str) -> str:
    values = sorted(values)
    return (f"{label:<34} median {statistics.median(values):6.1f} {unit}   p95 {values[int(len(values) * 0.95)]:6.1f} {unit}"
            f"   max {values[-1]:6.1f} {unit}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=5000, help="subscribed saved searches (default 5,000)")
    parser.add_argument("--follows", type=int, default=5200, help="follows of actors drawn, before duplicates (default 5,200)")
    arguments = parser.parse_args()
    if not settings.USING_POSTGRES or "bench" not in settings.DATABASES["default"]["NAME"]:
        sys.exit("set DATABASE_URL to a PostgreSQL database whose name contains 'bench' (it is filled with subscriptions)")
    call_command("migrate", verbosity=0)
    rng = random.Random(15)
    vocabulary = Vocabulary(rng)
    if SearchSubscription.objects.count() < arguments.searches:
        started = time.perf_counter()
        fill(rng, vocabulary, searches=arguments.searches, follows=arguments.follows)
        print(f"filled in {time.perf_counter() - started:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    actors = list(Actor.objects.filter(name__startswith="Bench actor").values_list("pk", flat=True))
    outlets = list(Outlet.objects.filter(name__startswith="Bench outlet").values_list("pk", flat=True))
    print(f"{SearchSubscription.objects.count():,} subscribed saved searches, {Follow.objects.filter(actor__isnull=False).count():,} "
          f"followed actors, {Claim.objects.count():,} claims stored; {ARTICLES} articles of {CLAIMS_PER_ARTICLE} new claims")
    matching, matching_cpu, matching_queries, whole, whole_queries, notified = [], [], [], [], [], []
    for number in range(ARTICLES):
        claim_ids = new_article(rng, vocabulary, actors, outlets, number)
        elapsed, cpu, queries, matches = timed(claims_alert_matches, claim_ids)
        matching.append(elapsed)
        matching_cpu.append(cpu)
        matching_queries.append(queries)
        notified.append(len(matches.notifications))
        with transaction.atomic():
            elapsed, _, queries, _ = timed(claims_alert, claim_ids)
            whole.append(elapsed)
            whole_queries.append(queries)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(summary("match one article's claims (reads)", matching, "ms"))
    print(summary("  of which this process's CPU", matching_cpu, "ms"))
    print(summary("match and write the notifications", whole, "ms"))
    print(f"queries per article: {statistics.median(matching_queries):.0f} to match, {statistics.median(whole_queries):.0f} with the writes; "
          f"notifications per article: median {statistics.median(notified):.0f}, max {max(notified)}")
    print(f"{Notification.objects.count():,} notifications stored so far")


if __name__ == "__main__":
    main()
