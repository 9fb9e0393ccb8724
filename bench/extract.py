"""Extraction speed and memory: sentences per second and peak memory, extraction alone.

    .venv/bin/python bench/extract.py [--sentences 20000]

Passages come from ../shared/data/articles/*.txt (split into posts beforehand, so only
extraction is timed), or from the test fixtures when ../shared is absent. They are repeated
until at least --sentences sentences have been processed; the fastest of --repeat runs is reported.
"""
import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claims.extraction import Gazetteer, extract_passage  # noqa: E402
from claims.extraction.sentences import split_sentences  # noqa: E402
from sources.parsing.plaintext_liveblog import split_plaintext_liveblog  # noqa: E402

SHARED_ARTICLES = REPO.parent / "shared" / "data" / "articles"
FIXTURES = REPO / "tests" / "fixtures" / "extraction"


def sample_posts():
    paths = sorted(SHARED_ARTICLES.glob("*.txt")) or sorted(FIXTURES.glob("*.txt"))
    posts = [post for path in paths for post in split_plaintext_liveblog(path.read_text(encoding="utf-8")).posts]
    return paths, posts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the fastest is reported, as timeit does")
    args = parser.parse_args()
    paths, posts = sample_posts()
    per_round = sum(len(split_sentences(post.text)) for post in posts)
    rounds = -(-args.sentences // per_round)
    gazetteer = Gazetteer.default()
    extract_passage("Warm-up: the ministry said five drones were downed.", gazetteer=gazetteer)

    runs = []
    for _ in range(args.repeat):
        claims = 0
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            for post in posts:
                claims += len(extract_passage(post.text, heading=post.heading, published_on=post.published, gazetteer=gazetteer).claims)
        runs.append((time.perf_counter() - started, time.process_time() - cpu_started))
    sentences = per_round * rounds
    elapsed, cpu = min(runs)

    tracemalloc.start()
    for post in posts:
        extract_passage(post.text, heading=post.heading, published_on=post.published, gazetteer=gazetteer)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"input: {len(paths)} files, {len(posts)} posts, {per_round} sentences per round, {rounds} rounds")
    print(f"sentences processed per run: {sentences} ({claims} claims); fastest of {len(runs)} runs: {elapsed:.2f} s wall, {cpu:.2f} s CPU")
    # CPU time is the fairer figure on a shared machine: wall time also counts waiting for a core.
    print(f"throughput: {sentences / elapsed:,.0f} sentences/s wall clock, {sentences / cpu:,.0f} sentences/s of CPU (one process)")
    print(f"peak memory: {max_rss_mb:.1f} MB process RSS; {traced_peak / 1e6:.2f} MB allocated during one round of extraction")
    return 0


if __name__ == "__main__":
    sys.exit(main())
