"""Actor autocomplete latency on PostgreSQL with 20,000 actors and 40,000 aliases.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/ct_autocomplete_bench .venv/bin/python bench/autocomplete.py
Creates the database if needed, migrates it, fills it once, then prints p50/p95 over 200
prefix queries ("Kalo") and 200 misspelt queries (a surname with its last letter changed).
"""

import os
import random
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
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from claims.models import Actor, ActorAlias  # noqa: E402
from claims.selectors.actors import actor_suggestions  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ren", "zel", "sky", "vo", "dy", "ar", "pet", "ro", "nov", "an", "na", "el",
             "stra", "berg", "hau", "sen", "ti"]


def fill(rng: random.Random, count: int) -> None:
    names: set[str] = set()
    while len(names) < count:
        names.add(" ".join(
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() for _ in range(2)
        ))
    actors = Actor.objects.bulk_create([Actor(name=name) for name in sorted(names)], batch_size=2000)
    ActorAlias.objects.bulk_create(
        [ActorAlias(actor=a, alias=a.name.split()[1]) for a in actors]
        + [ActorAlias(actor=a, alias=f"{a.name.upper()[:6]} office") for a in actors],
        batch_size=2000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_actor")
        cursor.execute("ANALYZE claims_actoralias")


def percentiles(label: str, queries: list[str]) -> None:
    timings = []
    for query in queries:
        started = time.perf_counter()
        actor_suggestions(query)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    print(f"{label:<10} p50 {timings[len(timings) // 2]:6.1f} ms   p95 {timings[int(len(timings) * 0.95)]:6.1f} ms")


def main() -> None:
    if not settings.USING_POSTGRES or "bench" not in settings.DATABASES["default"]["NAME"]:
        sys.exit("set DATABASE_URL to a PostgreSQL database whose name contains 'bench' (it is filled with actors)")
    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    if Actor.objects.count() < 20_000:
        fill(rng, 20_000)
    names = list(Actor.objects.order_by("?").values_list("name", flat=True)[:200])
    print(f"{Actor.objects.count()} actors, {ActorAlias.objects.count()} aliases")
    percentiles("prefix", [name[:4] for name in names])
    percentiles("misspelt", [name.split()[1][:-1] + "i" for name in names])


if __name__ == "__main__":
    main()
