"""Precision and recall of the top 5 similar claims, on the pairs in bench/similar_claims_pairs.py.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/ct_similar_bench .venv/bin/python bench/similar_claims.py
(recreates that database). Stores 800 background claims, then each case's earlier claim, then its
later claim, and asks for the later claim's similar claims. A positive case is found when its
earlier claim is in the top 5; a negative case is a false match when its earlier claim is there.
Precision counts, over every top 5, the returned claims that are expected ones; recall counts the
expected earlier claims that were returned. Printed apart: the cases the scoring was tuned on, and
the held-out cases written after it was.
"""

import os
import sys
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from bench.pages import ensure_database  # noqa: E402

if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    ensure_database(urlparse(os.environ["DATABASE_URL"]).path.lstrip("/"), drop=True)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from bench.similar_claims_pairs import BACKGROUND, CASES, HELD_OUT, HELD_OUT_2, HELD_OUT_3  # noqa: E402
from claims.desk.similar import SHOWN, similar_claims  # noqa: E402
from claims.models import Actor, Claim, Quantity  # noqa: E402

DAY = date(2026, 3, 14)


def store(actor: str, text: str, quantities, asserted_on: date) -> Claim:
    claim = Claim.objects.create(text=text, actor=Actor.objects.get_or_create(name=actor)[0], asserted_on=asserted_on, rule="bench")
    for value, total, noun in quantities:
        Quantity.objects.create(claim=claim, value=value, total=total, noun=noun)
    return claim


def main() -> None:
    if "bench" not in settings.DATABASES["default"]["NAME"]:
        sys.exit("set DATABASE_URL to a database whose name contains 'bench' (it is recreated)")
    call_command("migrate", verbosity=0)
    for n in range(800):
        actor, template, noun = BACKGROUND[n % len(BACKGROUND)]
        store(actor, template.format(n=n % 97 + 2), [(n % 97 + 2, None, noun)], DAY - timedelta(days=n % 60))
    # An earlier claim used by several cases is stored once: a copy would be a second, unexpected match.
    stored: dict[tuple, Claim] = {}
    for case in CASES + HELD_OUT + HELD_OUT_2 + HELD_OUT_3:
        key = (case[0][0], case[0][1])
        if key not in stored:
            stored[key] = store(*case[0], DAY - timedelta(days=2))
    later = {id(case): store(*case[1], DAY) for case in CASES + HELD_OUT + HELD_OUT_2 + HELD_OUT_3}
    print(f"{Claim.objects.count()} claims stored, {'PostgreSQL' if settings.USING_POSTGRES else 'SQLite'}")
    for label, cases in (("tuning cases", CASES), ("held-out cases", HELD_OUT), ("second held-out", HELD_OUT_2),
                          ("third held-out", HELD_OUT_3)):
        score(label, cases, [stored[(case[0][0], case[0][1])] for case in cases], [later[id(case)] for case in cases])


def score(label: str, cases: list, earlier: list[Claim], later: list[Claim]) -> None:
    expected = {(later[i].pk, earlier[i].pk) for i, case in enumerate(cases) if case[2]}
    returned = set()
    for i, claim in enumerate(later):
        found = similar_claims(claim, limit=SHOWN)
        returned |= {(claim.pk, item.claim.pk) for item in found}
        wanted = cases[i][2]
        hit = earlier[i].pk in {item.claim.pk for item in found}
        if hit != wanted:
            print(f"  {label}, {'missed' if wanted else 'false match'}: {cases[i][1][1]!r} ~ {cases[i][0][1]!r}")
    true_positives = len(returned & expected)
    print(f"{label}: {len(cases)} ({len(expected)} expected matches, {len(cases) - len(expected)} near-misses); "
          f"top {SHOWN}: {len(returned)} returned, {true_positives} expected; "
          f"precision {true_positives / max(len(returned), 1):.2f}, recall {true_positives / len(expected):.2f}")


if __name__ == "__main__":
    main()
