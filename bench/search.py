"""Search at scale: load N claims into a dedicated PostgreSQL database and time the page's queries.

    .venv/bin/python bench/search.py                  # 1,000,000 claims, 20,000 actors, 200,000 articles
    .venv/bin/python bench/search.py --claims 100000  # smaller, faster
    .venv/bin/python bench/search.py --reuse          # skip the load, time (and keep) an existing bench database

It (re)creates the database (default ct_search_bench), runs the migrations there, loads outlets,
actors, aliases, articles, passages, claims, attributions and quantities with COPY, builds the
search vectors, then prints p50/p95 per query shape, timed through the selectors the search page
uses: the results fragment (claims.search.selectors.search_results: a keyset page with highlighted
sentences) and the capped total htmx fetches right after it (count_capped), alone and together.
Then, per text query, how many of the app's top 50 by relevance are in the exact top 50 (the same
scoring function over every match, in SQL no index orders), the same for "relevant and recent"
(which weighs the 1,000 newest matches against the blend over every match), and the search page's time in-process
against its selectors' and its query count. Last it streams a CSV export of about 100,000 rows
from a gunicorn worker and prints the worker's peak RSS. Sentences come from ../shared/data/articles/*.txt when present (read at run
time, numbers varied) mixed with built-in templates.
"""

import argparse
import hashlib
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import deque
from contextlib import ExitStack
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
SHARED_ARTICLES = REPO.parent / "shared" / "data" / "articles"
START_DAY, DAYS = date(2022, 2, 24), 1400
CLAIMS_PER_ARTICLE = 5
# Articles also repeat recent claims another outlet reported first: the repeat is an attribution of
# the existing claim, as storing makes it, so these claims match the outlet filter for either outlet.
REPEATED_SHARE, REPEAT_POOL = 0.1, 5_000
SAMPLES = 60  # timed runs per query shape
TEXT_QUERIES = (
    "drones", "missiles", "Crimea", "grain", "evacuated", "shelling", "Kursk", "sanctions", "Sevastopol", "troops",
    "bridge", "talks", "Telegram", "civilians", "injured", "repelled", "refugees", "aircraft",
    '"shot down"', "drones OR missiles", "troops -Kursk", '"grain corridor" Odesa', "Kharkiv drones", "attack -missile",
)
TOP = 50  # the relevance overlap compares the app's first TOP matches with the exact ranking's

COUNTRIES = (
    "Russia Ukraine Belarus Poland Germany France Britain Turkey Iran Israel China India Japan Moldova Georgia "
    "Armenia Azerbaijan Kazakhstan Lithuania Latvia Estonia Finland Sweden Norway Romania Hungary Slovakia "
    "Czechia Bulgaria Serbia Italy Spain Canada Mexico Brazil Egypt Syria Iraq Qatar Korea"
).split()
ORGANS = ("Government", "Defense Ministry", "Foreign Ministry", "Interior Ministry", "Air Force", "Navy",
          "General Staff", "Border Guard", "Emergency Service", "Health Ministry", "Energy Ministry", "Parliament")
FIRST = ("Anna Oleh Sergei Maria Ivan Olena Dmitri Yulia Pavlo Irina Mykola Elena Viktor Tetiana Andriy Natalia "
         "Boris Svitlana Petro Galina Maksym Vera Roman Lidia Taras").split()
LAST = ("Kovalenko Petrov Shevchenko Ivanova Bondarenko Smirnova Melnyk Volkov Tkachenko Popova Kravchenko "
        "Sokolov Oliynyk Lebedev Marchenko Kozlova Rudenko Novikov Savchenko Morozova").split()
UNITS = ("Brigade", "Regiment", "Battalion", "Division", "Corps", "Territorial Defense Unit", "Police Department")
OUTLETS = ("DW", "Reuters", "AFP", "AP", "BBC", "Kyiv Independent", "Meduza", "TASS", "RIA Novosti", "Ukrinform",
           "Le Monde", "Der Spiegel", "The Guardian", "Al Jazeera", "NHK", "Yonhap", "CNN", "Politico", "Euronews",
           "RFE/RL")
NOUNS = ("drones", "missiles", "troops", "tanks", "civilians", "soldiers", "shells", "refugees", "aircraft",
         "buildings", "villages", "tonnes of grain", "people", "vehicles", "artillery systems")
PLACES = ("Crimea", "Kharkiv", "Odesa", "Kherson", "Zaporizhzhia", "Bakhmut", "Avdiivka", "Kursk", "Belgorod",
          "Bryansk", "Donetsk", "Luhansk", "Mykolaiv", "Sumy", "Chernihiv", "the Black Sea", "the border regions",
          "Kyiv", "Lviv", "Dnipro", "Pokrovsk", "Kupiansk", "Sevastopol", "Novorossiysk", "the Kerch bridge")
TEMPLATES = (
    "air defences destroyed {n} {noun} over {place} overnight",
    "{n} {noun} were shot down near {place}",
    "it downed {n} of {m} {noun} attacking {place}",
    "at least {n} {noun} were killed in shelling of {place}",
    "{n} {noun} had been moved towards {place} in the past week",
    "forces repelled {n} attacks near {place}",
    "the strike on {place} damaged {n} {noun}",
    "about {n} {noun} were evacuated from {place}",
    "the grain corridor from {place} carried {n} {noun} last month",
    "a missile attack on {place} injured {n} {noun}",
    "talks on {place} would resume after {n} days",
    "sanctions would cost {place} {n} million euros",
)
CUES = ("said", "claimed", "reported", "announced", "told reporters", "stated", "wrote on Telegram")
VERDICTS = (("unverified", 850), ("in_progress", 50), ("verified", 30), ("partly_verified", 20), ("misleading", 20),
            ("false", 20), ("unverifiable", 10))
REVIEW_STATES = (("pending", 30), ("accepted", 50), ("corrected", 10), ("rejected", 10))
# The bulk tables in the order their rows are written (parents first).
COPY_COLUMNS = {
    "sources_article": "id, outlet_id, url, requested_url, title, authors, published_at, language, is_live_blog, raw_html, "
    "text, content_hash, status, fetch_attempts, last_error, extractor_version, created_at, updated_at, warnings",
    "sources_passage": "id, article_id, key, version, is_current, position, heading, permalink, text, text_hash, created_at",
    "claims_claim": "id, text, kind, actor_id, asserted_on, review_state, verdict, unverified_marker, version, human_touched, "
    "rule, extractor_version, created_at, updated_at",
    "claims_attribution": "id, claim_id, actor_id, passage_id, outlet_id, sentence, source_mention, cue, source_start, source_end, "
    "cue_start, cue_end, content_start, content_end, asserted_on, event_time_text, rule, extractor_version, created_at",
    "claims_quantity": "claim_id, value, unit, noun, approximate, qualifier, text",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--articles", type=int, default=None, help="default: claims / 5")
    parser.add_argument("--database", default="ct_search_bench")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--reuse", action="store_true", help="time an already loaded bench database")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--export-rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20230914)
    return parser.parse_args()


ARGS = parse_args()
os.environ["DATABASE_URL"] = f"{ARGS.server}/{ARGS.database}"
os.environ.pop("REDIS_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_DEBUG", "false")  # time what production runs, without DEBUG's query log
sys.path.insert(0, str(REPO))


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{ARGS.server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{ARGS.database}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{ARGS.database}"')


def drop_database() -> None:
    import psycopg

    with psycopg.connect(f"{ARGS.server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{ARGS.database}" WITH (FORCE)')


# ---------------------------------------------------------------------------------------- data

def sentence_pool() -> list[str]:
    """Statement material: sample-article sentences (read at run time only) with the numbers as slots."""
    from claims.extraction.sentences import split_sentences

    pool = []
    for path in sorted(SHARED_ARTICLES.glob("*.txt")) if SHARED_ARTICLES.is_dir() else []:
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            text = " ".join(sentence.text.split())
            if 50 <= len(text) <= 280 and text[-1:] in ".\"”" and re.search(r"\d", text):
                pool.append(re.sub(r"\d[\d,]*", "{n}", text.rstrip(".")))
    return pool


def weighted(choices):
    values, weights = zip(*choices)
    return values, weights


def actor_names(count: int, rng: random.Random) -> list[tuple[str, str, int | None]]:
    """(name, kind, parent index) for `count` actors: governments, their organs, people, units."""
    actors: list[tuple[str, str, int | None]] = []
    government_of = {}
    for country in COUNTRIES:
        government_of[country] = len(actors)
        actors.append((f"Government of {country}", "government", None))
    for country in COUNTRIES:
        for organ in ORGANS[1:]:
            kind = "military" if organ in ("Air Force", "Navy", "General Staff") else "ministry"
            actors.append((f"{country} {organ}", kind, government_of[country]))
    for first in FIRST:
        for last in LAST:
            actors.append((f"{first} {last}", "person", None))
    number = 0
    while len(actors) < count:
        number += 1
        country = COUNTRIES[number % len(COUNTRIES)]
        unit = UNITS[number % len(UNITS)]
        actors.append((f"{number}th {unit} of {country}", "military", government_of[country]))
    rng.shuffle(actors[len(COUNTRIES):])  # keep governments first so parent indexes stay valid
    return actors[:count]


class Generator:
    def __init__(self, rng: random.Random, pool: list[str], actors: int):
        self.rng, self.pool, self.actors = rng, pool, actors
        self.verdicts = weighted(VERDICTS)
        self.states = weighted(REVIEW_STATES)

    def actor_id(self) -> int:
        # A few actors say a lot (ministries, air forces), most say little: a steep power law.
        return 1 + int(self.actors * self.rng.random() ** 3)

    def statement(self) -> tuple[str, tuple[int, str] | None]:
        rng = self.rng
        n = rng.choice((rng.randint(2, 30), rng.randint(10, 500), rng.randint(100, 20000)))
        if self.pool and rng.random() < 0.4:
            template = rng.choice(self.pool)
            text = template.replace("{n}", str(n), 1).replace("{n}", str(rng.randint(2, 900)))
            match = re.search(rf"\b{n}\s+([a-z][a-z-]+s)\b", text)
            return text[0].lower() + text[1:], ((n, match[1]) if match else None)
        noun, template = rng.choice(NOUNS), rng.choice(TEMPLATES)
        text = template.format(n=n, m=n + rng.randint(1, 20), noun=noun, place=rng.choice(PLACES))
        return text, ((n, noun.split()[-1]) if "{noun}" in template else None)


def load(connection, actors_total: int, claims_total: int, articles_total: int, rng: random.Random) -> None:
    import psycopg

    now = datetime.now(timezone.utc)
    raw = connection.connection
    dsn = f"{ARGS.server}/{ARGS.database}"
    actors = actor_names(actors_total, rng)
    started = time.monotonic()
    with raw.cursor() as cursor:
        with cursor.copy("COPY sources_outlet (id, name, domain, homepage, created_at) FROM STDIN") as copy:
            for index, name in enumerate(OUTLETS, 1):
                copy.write_row((index, name, "", "", now))
        with cursor.copy(
            "COPY claims_actor (id, name, kind, parent_id, country, wikidata_id, description, is_reviewed, created_at, updated_at) FROM STDIN"
        ) as copy:
            for index, (name, kind, parent) in enumerate(actors, 1):
                copy.write_row((index, name, kind, None if parent is None else parent + 1, "", "", "", True, now, now))
        with cursor.copy("COPY claims_actoralias (actor_id, alias, created_at) FROM STDIN") as copy:
            for index, (name, kind, _) in enumerate(actors, 1):
                if kind == "government":
                    copy.write_row((index, name.removeprefix("Government of "), now))
                elif kind == "person":
                    copy.write_row((index, name.split()[-1], now))

    generator = Generator(rng, sentence_pool(), actors_total)
    streams = {table: psycopg.connect(dsn) for table in COPY_COLUMNS}
    try:
        with ExitStack() as stack:
            copies = {}
            for table, columns in COPY_COLUMNS.items():
                streams[table].execute("SET session_replication_role = replica")  # no triggers or FK checks while loading
                copies[table] = stack.enter_context(streams[table].cursor().copy(f"COPY {table} ({columns}) FROM STDIN"))
            claim_id = write_articles(copies, generator, actors, claims_total, articles_total, started)
        for stream in streams.values():  # parents first, though nothing checks while loading
            stream.commit()
    finally:
        for stream in streams.values():
            stream.close()
    print(f"COPY done: {claim_id:,} claims in {time.monotonic() - started:.0f} s", flush=True)

    from importlib import import_module

    from claims.search.rum import rum_ranking

    search_migration = import_module("claims.migrations.0005_claim_search_vector")
    outlets_migration = import_module("claims.migrations.0017_claim_outlet_ids")
    rum = import_module("claims.migrations.0016_claim_search_rum_index")
    search_indexes = [search_migration, import_module("claims.migrations.0010_checked_claims_search_index"), outlets_migration]
    if rum_ranking():  # the migrations made these indexes where the server has the extension
        # Refreshing the vectors below refreshes best_word_distance and strong_words too (their trigger), so
        # only their indexes wait.
        search_indexes += [rum, import_module("claims.migrations.0018_claim_best_word_distance"),
                           import_module("claims.migrations.0019_claim_strong_words")]
    with raw.cursor() as cursor:
        for table in ("sources_outlet", "claims_actor", "claims_actoralias", "sources_article", "sources_passage",
                      "claims_claim", "claims_attribution", "claims_quantity"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        step = time.monotonic()
        for migration in search_indexes:
            cursor.execute(migration.DROP_INDEX)
        cursor.execute(search_migration.REFRESH_ALL)
        cursor.execute(outlets_migration.REFRESH_ALL)
        # Filling the vectors rewrote every row; the app's trigger fills them as rows are inserted,
        # so compact the table to the size it has in use rather than time a half-empty one.
        cursor.execute("VACUUM FULL claims_claim")
        for migration in search_indexes:
            cursor.execute(migration.CREATE_INDEX)
        print(f"search vectors, compaction and GIN{' and RUM' if rum in search_indexes else ''} indexes: {time.monotonic() - step:.0f} s", flush=True)
        step = time.monotonic()
        cursor.execute("VACUUM ANALYZE")  # Django's connection autocommits, as VACUUM needs
        print(f"VACUUM ANALYZE: {time.monotonic() - step:.0f} s; total load {time.monotonic() - started:.0f} s", flush=True)


def write_articles(copies, generator, actors, claims_total: int, articles_total: int, started: float) -> int:
    """Articles of CLAIMS_PER_ARTICLE new claims each, and about REPEATED_SHARE as many repeats of recent
    claims from other outlets: one passage, a sentence and attribution per claim."""
    rng = generator.rng
    claim_id = attribution_id = 0
    recent = deque(maxlen=REPEAT_POOL)  # (claim, actor, text, outlet) of the latest new claims
    for article_id in range(1, articles_total + 1):
        # Articles arrive in publication order, as ingestion stores them, so the table is in rough
        # date order as in a running system (random dates made every newest-first walk a random read).
        day = START_DAY + timedelta(days=(article_id - 1) * DAYS // articles_total)
        published = datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60), tzinfo=timezone.utc)
        outlet = 1 + int(len(OUTLETS) * rng.random() ** 2)
        asserted = None if rng.random() < 0.01 else day
        said = []  # (claim, is_new, actor, text, quantity)
        for _ in range(min(CLAIMS_PER_ARTICLE, claims_total - claim_id)):
            claim_id += 1
            actor = generator.actor_id()
            said.append((claim_id, True, actor, *generator.statement()))
            if recent and rng.random() < REPEATED_SHARE:
                earlier, earlier_actor, earlier_text, earlier_outlet = rng.choice(recent)
                if earlier_outlet != outlet:
                    said.append((earlier, False, earlier_actor, earlier_text, None))
        sentences, rows, offset = [], [], 0
        for claim, is_new, actor, text, quantity in said:
            name, cue = actors[actor - 1][0], rng.choice(CUES)
            sentence = f"{name} {cue} {text}."
            rows.append((claim, is_new, actor, name, cue, text, sentence, offset, quantity))
            sentences.append(sentence)
            offset += len(sentence) + 1
        passage_text = " ".join(sentences)
        copies["sources_article"].write_row((
            article_id, outlet, f"https://news.example.org/{article_id}", "", f"Live: {rows[0][5][:80]}", "[]",
            published, "en", False, "", "", "", "extracted", 1, "", "bench", published, published, "[]",
        ))
        copies["sources_passage"].write_row((
            article_id, article_id, "body", 1, True, 0, "", "", passage_text,
            hashlib.sha256(passage_text.encode()).hexdigest(), published,
        ))
        for claim, is_new, actor, name, cue, text, sentence, start, quantity in rows:
            cue_start = start + len(name) + 1
            content_start = cue_start + len(cue) + 1
            if is_new:
                copies["claims_claim"].write_row((
                    claim, text, "fact", actor, asserted, rng.choices(*generator.states)[0],
                    rng.choices(*generator.verdicts)[0], False, 1, False, "bench", "bench", published, published,
                ))
                recent.append((claim, actor, text, outlet))
            attribution_id += 1
            copies["claims_attribution"].write_row((
                attribution_id, claim, actor, article_id, outlet, sentence, name, cue, start, start + len(name), cue_start,
                cue_start + len(cue), content_start, content_start + len(text), asserted, "", "bench", "bench", published,
            ))
            if quantity:
                value, noun = quantity
                copies["claims_quantity"].write_row((claim, value, "", noun, False, "", f"{value} {noun}"))
        if article_id % 20000 == 0:
            print(f"  {claim_id:>9,} claims written ({time.monotonic() - started:.0f} s)", flush=True)
    return claim_id

# ---------------------------------------------------------------------------------------- timing

def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def time_shapes(rng: random.Random) -> list[tuple[str, float, float, float]]:
    from django.db import connection
    from django.http import QueryDict

    from claims.models import Actor, Claim
    from claims.search.forms import SearchForm
    from claims.search.pagination import Cursor
    from claims.search.selectors import claims_matching, count_capped, search_results
    from claims.selectors.actors import actor_suggestions

    with connection.cursor() as cursor:
        cursor.execute("SELECT actor_id FROM claims_claim GROUP BY actor_id ORDER BY count(*) DESC LIMIT 200")
        busy_actors = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT id FROM claims_actor WHERE kind = 'government'")
        governments = [row[0] for row in cursor.fetchall()]
    all_actor_ids = list(Actor.objects.values_list("id", flat=True))
    claim_count = Claim.objects.count()
    text_queries = TEXT_QUERIES

    def actor_query() -> str:
        return str(rng.choice(busy_actors) if rng.random() < 0.5 else rng.choice(all_actor_ids))

    def outlet_query() -> str:
        return str(rng.randint(1, len(OUTLETS)))  # uniform: rarely published outlets as often as busy ones

    def date_range(days: int) -> dict:
        start = START_DAY + timedelta(days=rng.randrange(DAYS - days))
        return {"date_from": start.isoformat(), "date_to": (start + timedelta(days=days)).isoformat()}

    def deep_cursor_query() -> dict:
        # The cursor a reader would hold after following "Next page" thousands of times.
        params = {"verdict": "unverified"} if rng.random() < 0.5 else {}
        dated = Claim.objects.filter(asserted_on__isnull=False, **({"verdict": "unverified"} if params else {}))
        depth = rng.randint(claim_count // 50, claim_count // 5)
        row = dated.order_by("-asserted_on", "-id").values_list("asserted_on", "id")[depth]
        return {**params, "cursor": Cursor(row[0], row[1]).encode()}

    shapes = {
        "actor only": lambda: {"actor": actor_query()},
        "actor + children": lambda: {"actor": str(rng.choice(governments)), "children": "on"},
        "text only (newest first)": lambda: {"q": rng.choice(text_queries), "sort": "date"},
        "text only (relevance)": lambda: {"q": rng.choice(text_queries), "sort": "relevance"},
        "text (relevant and recent)": lambda: {"q": rng.choice(text_queries), "sort": "recent"},
        "actor + text": lambda: {"actor": actor_query(), "q": rng.choice(text_queries)},
        "actor + date range": lambda: {"actor": actor_query(), **date_range(30)},
        "verdict + date range": lambda: {"verdict": rng.choice(("false", "misleading", "verified")), **date_range(60)},
        "quantity: noun + min": lambda: {"noun": rng.choice(("drones", "missiles", "troops")), "value_min": str(rng.choice((10, 100, 1000)))},
        "outlet only": lambda: {"outlet": outlet_query()},
        "outlet + review state": lambda: {"outlet": outlet_query(), "review_state": "pending"},
        "outlet + text": lambda: {"outlet": outlet_query(), "q": rng.choice(text_queries)},
        "outlet + actor": lambda: {"outlet": outlet_query(), "actor": actor_query()},
        "deep page (keyset)": deep_cursor_query,
        "text + verdict + date": lambda: {"q": rng.choice(text_queries), "verdict": "false", **date_range(180)},
    }
    results = []
    for name, make_params in shapes.items():
        rows_ms, count_ms, both_ms, totals = [], [], [], []
        for index in range(SAMPLES + 3):
            params = make_params()
            started = time.perf_counter()
            form = SearchForm(QueryDict(urlencode(params)))
            if not form.is_valid():
                raise SystemExit(f"{name}: {params} is invalid: {form.errors}")
            # What htmx asks for as a person types: the rows, then the total in a second request.
            page = search_results(form.search(), cursor=form.cleaned_data["cursor"], size=25, count=False)
            middle = time.perf_counter()
            total = page.total if page.total is not None else count_capped(claims_matching(form.search()))[0]
            finished = time.perf_counter()
            if index >= 3:  # the first runs warm the cache
                rows_ms.append((middle - started) * 1000)
                count_ms.append((finished - middle) * 1000)
                both_ms.append((finished - started) * 1000)
                totals.append(total)
        results.append((name, rows_ms, count_ms, both_ms, statistics.median(totals)))
    prefixes = [name[: rng.randint(3, 8)] for name in Actor.objects.order_by("?").values_list("name", flat=True)[:SAMPLES]]
    misspelt = [name[:-2] + name[-1] + name[-2] for name in Actor.objects.filter(kind="person").order_by("?").values_list("name", flat=True)[: SAMPLES // 2]]
    for name, queries in (("autocomplete (prefix)", prefixes), ("autocomplete (misspelt)", misspelt)):
        samples = []
        for query in queries:
            started = time.perf_counter()
            actor_suggestions(query)
            samples.append((time.perf_counter() - started) * 1000)
        results.append((name, samples, [0.0], samples, 10))
    return results


def relevance_overlap() -> list[tuple[str, int, int, float, float, int]]:
    """Per text query: matches, how many of the app's top TOP are in the exact top TOP, rows p50/p95 in ms, and
    the same overlap for "relevant and recent".

    The exact ranking scores every match with the function the app ranks by (RUM's rum_ts_distance, or
    1 / ts_rank without the extension), called as a function so no index orders it, ties newest first;
    for "relevant and recent" that score weighed by age as the app weighs it, over every match too.
    """
    from django.db import connection

    from claims.search.pagination import RELEVANCE, RELEVANT_RECENT
    from claims.search.rum import rum_ranking
    from claims.search.selectors import RECENCY_HALF_LIFE_DAYS, SEARCH_CONFIG, ClaimSearch, search_results

    score = "rum_ts_distance(search_vector, query)" if rum_ranking() else "(1 / greatest(ts_rank(search_vector, query), 1e-6))::real"
    recent = (f"(({score}) * (1 + greatest(CURRENT_DATE - coalesce(asserted_on, created_at::date), 0)"
              f" / {float(RECENCY_HALF_LIFE_DAYS)}))::real")

    def exact_top(text: str, order: str) -> list[tuple[int, int]]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, count(*) OVER () FROM claims_claim, websearch_to_tsquery(%s, %s) AS query "
                f"WHERE search_vector @@ query ORDER BY {order}, id DESC LIMIT {TOP}",
                [SEARCH_CONFIG, text],
            )
            return cursor.fetchall()

    def app_top(text: str, sort: str) -> set[int]:
        page = search_results(ClaimSearch(text=text, sort=sort), cursor=None, size=TOP, count=False)
        return {row.claim.pk for row in page.rows}

    figures = []
    for text in TEXT_QUERIES:
        rows = exact_top(text, score)
        samples = []
        for _ in range(8):
            started = time.perf_counter()
            app = app_top(text, RELEVANCE)
            samples.append((time.perf_counter() - started) * 1000)
        recent_overlap = len(app_top(text, RELEVANT_RECENT) & {row[0] for row in exact_top(text, recent)})
        figures.append((text, rows[0][1] if rows else 0, len(app & {row[0] for row in rows}),
                        percentile(samples, .5), percentile(samples, .95), recent_overlap))
    return figures


def page_overhead(rng: random.Random) -> tuple[float, float, float, int]:
    """The search page in-process (Django's test client, no network) against its selectors alone, over the same
    searches: page p50, selectors p50, the difference at p50 in ms, and the most queries a page made."""
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from claims.search.forms import SearchForm
    from claims.search.selectors import search_results

    client = Client()
    client.force_login(bench_viewer())
    searches = [{"q": rng.choice(TEXT_QUERIES), "sort": rng.choice(("date", "relevance"))} for _ in range(SAMPLES)]
    page_ms, selector_ms, most_queries = [], [], 0
    for params in searches[:3] + searches:  # the first three warm the caches
        query = urlencode(params)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            assert client.get(f"/search/?{query}").status_code == 200
            page_ms.append((time.perf_counter() - started) * 1000)
        most_queries = max(most_queries, len(queries))
        started = time.perf_counter()
        form = SearchForm(QueryDict(query))
        form.is_valid()
        search_results(form.search(), cursor=None, size=25)
        selector_ms.append((time.perf_counter() - started) * 1000)
    page_ms, selector_ms = page_ms[3:], selector_ms[3:]
    differences = [page - selectors for page, selectors in zip(page_ms, selector_ms)]
    return percentile(page_ms, .5), percentile(selector_ms, .5), percentile(differences, .5), most_queries


def bench_viewer():
    from claims.services.users import user_create_with_role

    user, _ = user_create_with_role(username="bench-viewer", password="bench-password-1", role="viewer")
    return user


# ---------------------------------------------------------------------------------------- export

def export_peak_rss(rows_wanted: int) -> tuple[int, float, float, float]:
    """Stream a CSV export of about rows_wanted rows from a gunicorn worker: rows, seconds, RSS before, peak MB."""
    import httpx
    from django.db import connection

    bench_viewer()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT asserted_on FROM claims_claim WHERE asserted_on IS NOT NULL ORDER BY asserted_on DESC OFFSET %s LIMIT 1",
            [rows_wanted],
        )
        row = cursor.fetchone()
    # With no more dated claims than rows_wanted, the export is every claim.
    query = urlencode({"date_from": row[0].isoformat()}) if row else ""
    with socket.socket() as probe:  # a free port, so the login and export reach our own server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "bench-" + "x" * 60}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "--timeout", "600", "--log-level", "warning"],
        cwd=REPO, env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=600) as client:
            for _ in range(100):
                if server.poll() is not None:
                    raise SystemExit(f"gunicorn exited with {server.returncode}")
                try:
                    login = client.get("/accounts/login/")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)[1]
            client.post("/accounts/login/", data={"username": "bench-viewer", "password": "bench-password-1",
                                                  "csrfmiddlewaretoken": token}, headers={"Referer": base + "/accounts/login/"})
            worker = int(subprocess.check_output(["pgrep", "-P", str(server.pid)]).split()[0])
            before = _rss_mb(worker, "VmRSS")
            peak = [before]
            done = threading.Event()

            def sample():
                while not done.is_set():
                    peak[0] = max(peak[0], _rss_mb(worker, "VmRSS"))
                    time.sleep(0.05)

            sampler = threading.Thread(target=sample)
            sampler.start()
            started = time.monotonic()
            lines = 0
            with client.stream("GET", f"/search/export.csv?{query}") as response:
                assert response.status_code == 200, response.status_code
                for line in response.iter_lines():
                    lines += 1
            elapsed = time.monotonic() - started
            done.set()
            sampler.join()
            peak_hwm = _rss_mb(worker, "VmHWM")
            return lines - 1, elapsed, before, max(peak[0], peak_hwm)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _rss_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    import django

    rng = random.Random(ARGS.seed)
    if not ARGS.reuse:
        recreate_database()
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from claims.models import Claim

    call_command("migrate", verbosity=0)  # a reused database gets the migrations added since it was loaded
    if not ARGS.reuse:
        articles = ARGS.articles or -(-ARGS.claims // CLAIMS_PER_ARTICLE)
        print(f"Loading {ARGS.claims:,} claims, {ARGS.actors:,} actors, {articles:,} articles into {ARGS.database}", flush=True)
        connection.ensure_connection()
        load(connection, ARGS.actors, ARGS.claims, articles, rng)
    try:
        claims = Claim.objects.count()
        print(f"\n{claims:,} claims; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (the machine is shared)")
        print("milliseconds; rows = the results fragment, count = the total fetched after it, both = rows + count")
        print(f"{'query shape':<26}{'rows p50':>9}{'rows p95':>9}{'count p95':>10}{'both p50':>9}{'both p95':>9}{'median total':>13}")
        for name, rows_ms, count_ms, both_ms, total in time_shapes(rng):
            print(
                f"{name:<26}{percentile(rows_ms, .5):>9.1f}{percentile(rows_ms, .95):>9.1f}{percentile(count_ms, .95):>10.1f}"
                f"{percentile(both_ms, .5):>9.1f}{percentile(both_ms, .95):>9.1f}{total:>13,.0f}",
                flush=True,
            )
        from claims.search.rum import rum_ranking

        print(f"\nRelevance over every match ({'RUM index' if rum_ranking() else 'no rum extension: a window of the newest'}):"
              f" overlap of the app's top {TOP} with the exact ranking; rows of {TOP}, 8 runs")
        print(f"{'text query':<26}{'matches':>9}{'overlap':>9}{'p50':>8}{'p95':>8}{'recent overlap':>16}")
        for text, matches, overlap, p50, p95, recent_overlap in relevance_overlap():
            print(f"{text:<26}{matches:>9,}{overlap:>6}/{TOP}{p50:>8.1f}{p95:>8.1f}{recent_overlap:>13}/{TOP}", flush=True)
        page, selectors, difference, most_queries = page_overhead(rng)
        print(f"\nSearch page in-process: p50 {page:.1f} ms, its selectors {selectors:.1f} ms, page minus selectors "
              f"p50 {difference:.1f} ms; at most {most_queries} queries a page")
        rows, seconds, before, peak = export_peak_rss(ARGS.export_rows)
        print(f"load average {os.getloadavg()[0]:.1f}")
        print(f"\nCSV export: {rows:,} rows in {seconds:.1f} s through gunicorn; worker RSS {before:.0f} MB before, peak {peak:.0f} MB")
    finally:
        connection.close()
        if not (ARGS.keep or ARGS.reuse):
            drop_database()


if __name__ == "__main__":
    main()
