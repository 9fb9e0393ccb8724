"""Extraction speed and memory: sentences per second and peak memory, extraction alone.

    .venv/bin/python bench/extract.py [--sentences 20000]

Documents are the DW live blogs (../shared/data/articles/*.txt) and the news pages
(../shared/data/pages/*.html), or the test fixtures when ../shared is absent. Each is read first
through ingestion's parsing (not timed); then extraction runs as ingestion runs it (an article as
one discourse, a live blog post by post), repeated until at least --sentences sentences have been
processed. The fastest of --repeat runs is reported for each kind of document and for both.
"""
import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claims.extraction import Gazetteer, extract_document  # noqa: E402
from claims.extraction.cli import ReadDocument, read_document  # noqa: E402
from claims.extraction.sentences import split_sentences  # noqa: E402

SHARED_DATA = REPO.parent / "shared" / "data"
FIXTURES = REPO / "tests" / "fixtures" / "extraction"


def live_blog_paths() -> list[Path]:
    """The saved live blogs this bench (and bench/extract_store.py) reads."""
    return sorted((SHARED_DATA / "articles").glob("*.txt")) or sorted(FIXTURES.glob("*.txt"))


def sample_documents() -> dict[str, list[ReadDocument]]:
    kinds = {
        "live blogs": live_blog_paths(),
        "news pages": sorted((SHARED_DATA / "pages").glob("*.html")) or sorted(FIXTURES.glob("*.html")),
    }
    return {kind: [read_document(path) for path in paths] for kind, paths in kinds.items() if paths}


def _extract(document: ReadDocument, gazetteer: Gazetteer) -> int:
    extraction = extract_document(
        [passage for _, passage in document.passages], title=document.title or None,
        is_live_blog=document.is_live_blog, gazetteer=gazetteer,
    )
    return len(extraction.headline.claims) + sum(len(p.claims) for p in extraction.passages)


def _sentences(document: ReadDocument) -> int:
    return len(split_sentences(document.title)) + sum(len(split_sentences(p.text)) for _, p in document.passages)


def measure(documents: list[ReadDocument], gazetteer: Gazetteer, *, sentences: int, repeat: int) -> str:
    per_round = sum(_sentences(document) for document in documents)
    rounds = -(-sentences // per_round)
    runs = []
    for _ in range(repeat):
        claims = 0
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            claims += sum(_extract(document, gazetteer) for document in documents)
        runs.append((time.perf_counter() - started, time.process_time() - cpu_started))
    elapsed, cpu = min(runs)
    total = per_round * rounds
    # CPU time is the fairer figure on a shared machine: wall time also counts waiting for a core.
    return (f"{len(documents)} documents, {per_round} sentences a round, {rounds} rounds ({claims} claims a run): "
            f"{total / elapsed:,.0f} sentences/s wall clock, {total / cpu:,.0f} sentences/s of CPU")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the fastest is reported, as timeit does")
    args = parser.parse_args()
    documents = sample_documents()
    gazetteer = Gazetteer.default()
    everything = [document for kind in documents.values() for document in kind]
    _extract(everything[0], gazetteer)  # warm-up: compiled patterns, the gazetteer's memo

    for kind, group in documents.items():
        print(f"{kind}: {measure(group, gazetteer, sentences=args.sentences, repeat=args.repeat)}")
    print(f"all: {measure(everything, gazetteer, sentences=args.sentences, repeat=args.repeat)}")

    tracemalloc.start()
    for document in everything:
        _extract(document, gazetteer)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {max_rss_mb:.1f} MB process RSS (parsing the pages included); "
          f"{traced_peak / 1e6:.2f} MB allocated during one round of extraction")
    return 0


if __name__ == "__main__":
    sys.exit(main())
