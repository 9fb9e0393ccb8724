"""Extraction with storage: claims stored per second on PostgreSQL, through article_claims_store.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ct_store_bench .venv/bin/python bench/extract_store.py [--copies 3]

The database is emptied first, so its name must contain "bench". Passages come from
../shared/data/articles/*.txt (split into posts beforehand, so only extraction and storage are
timed), or from the test fixtures when ../shared is absent. Each copy of the articles is
published a day later than the one before, so copies after the first measure the path where
the same claims are asserted again (new attributions on existing claims). A last pass re-runs
the first copy with the same extractor version, which must change nothing. Then --pages articles
made like bench/ingest.py's generated pages (parsed into passages beforehand) are stored: the
short articles of issue 3's end-to-end figure.

Each pass prints CPU ms (this process: extraction plus storage, what a worker spends) and
queries per article, with the load average.
"""
import argparse
import os
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.extract import live_blog_paths  # noqa: E402
from bench.ingest import article_page  # noqa: E402
from claims.models import Attribution, Claim  # noqa: E402
from claims.services.extraction_store import ExtractionStoreResult, article_claims_store  # noqa: E402
from sources.models import Article, Outlet, Passage  # noqa: E402
from sources.parsing.plaintext_liveblog import split_plaintext_liveblog  # noqa: E402
from sources.parsing.html_article import extract_article  # noqa: E402
from sources.parsing.passages import html_document_passages, text_hash  # noqa: E402


def _aware(day: date | None, days_later: int) -> datetime | None:
    """Posts carry a date; store it as midnight UTC, shifted for later copies."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=days_later) if day else None


def _articles_for_copy(outlet: Outlet, paths, posts_by_path, copy: int) -> list[Article]:
    articles = []
    for path in paths:
        posts = posts_by_path[path]
        first_published = next((post.published for post in posts if post.published), None)
        article = Article.objects.create(
            outlet=outlet, url=f"https://bench.example.org/{copy}/{path.stem}", title=path.stem,
            status=Article.Status.SPLIT, is_live_blog=True,
        )
        Passage.objects.bulk_create(
            Passage(
                article=article, key=f"post-{position}", position=position, heading=post.heading or "",
                published_at=_aware(post.published, copy),
                text=post.text, text_hash=text_hash(post.text),
            )
            for position, post in enumerate(posts)
        )
        if first_published:
            Article.objects.filter(pk=article.pk).update(published_at=_aware(first_published, copy))
        articles.append(article)
    return articles


def _generated_pages(outlet: Outlet, count: int) -> list[Article]:
    """Articles as ingestion makes them from bench/ingest.py's pages, parsed by the same code."""
    articles = []
    for number in range(count):
        url = f"https://bench.example.org/page/{number}"
        html = article_page(number, "https://bench.example.org/page").decode()
        page = extract_article(html, url=url)
        drafts = html_document_passages(
            html=html, text=page.text, url=page.url, published=page.published, declares_live_blog=False
        ).drafts
        article = Article.objects.create(
            outlet=outlet, url=url, title=page.title, status=Article.Status.SPLIT, published_at=page.published,
        )
        Passage.objects.bulk_create(
            Passage(
                article=article, key=draft.key, position=draft.position, heading=draft.heading,
                published_at=draft.published_at, text=draft.text, text_hash=text_hash(draft.text),
            )
            for draft in drafts
        )
        articles.append(article)
    return articles


def _server_cpu_seconds() -> float:
    """CPU of this connection's PostgreSQL backend (same machine: /proc), the other half of the cost."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(articles: list[Article], label: str) -> tuple[ExtractionStoreResult, float]:
    """Store the articles; print CPU ms (this process: extraction plus storage, what a worker
    spends; and the PostgreSQL backend's) and queries per article, the figures issue 3's 30
    articles/s depends on."""
    total = ExtractionStoreResult()
    server_started = _server_cpu_seconds()
    started, cpu_started = time.perf_counter(), time.process_time()
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(1)  # a counter, not CaptureQueriesContext: that keeps only the last 9,000
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        for article in articles:
            total.add(article_claims_store(article=article))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    server_cpu = _server_cpu_seconds() - server_started
    print(
        f"{label}: {cpu * 1000 / len(articles):.1f} ms CPU (PostgreSQL {server_cpu * 1000 / len(articles):.1f} ms) "
        f"and {len(queries) / len(articles):.1f} queries per article "
        f"({total.passages / len(articles):.0f} passages, {(total.attributions_created + total.attributions_kept) / len(articles):.0f} "
        f"attributions each on average); load average {os.getloadavg()[0]:.2f}"
    )
    return total, seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=3, help="copies of the articles, a day apart")
    parser.add_argument("--pages", type=int, default=300, help="short generated articles, as bench/ingest.py's")
    args = parser.parse_args()
    database = settings.DATABASES["default"]
    if not settings.USING_POSTGRES or "bench" not in database["NAME"]:
        print("Point DATABASE_URL at a PostgreSQL database whose name contains 'bench' (it is emptied).")
        return 2
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("load_gazetteer", verbosity=0)

    paths = live_blog_paths()
    posts_by_path = {path: split_plaintext_liveblog(path.read_text(encoding="utf-8")).posts for path in paths}
    outlet = Outlet.objects.create(name="Bench Outlet")
    copies = [_articles_for_copy(outlet, paths, posts_by_path, copy) for copy in range(args.copies)]
    passages = sum(len(posts) for posts in posts_by_path.values())
    print(f"input: {len(paths)} files, {passages} passages per copy, {args.copies} copies; database {database['NAME']}")

    first, first_seconds = _timed(copies[0], "first copy")
    print(
        f"first copy: {first.attributions_created} attributions, {first.claims_created} claims stored in "
        f"{first_seconds:.2f} s = {first.attributions_created / first_seconds:,.0f} claims stored/s, "
        f"{passages / first_seconds:,.0f} passages/s"
    )
    if args.copies > 1:
        later = [article for copy in copies[1:] for article in copy]
        repeat, repeat_seconds = _timed(later, "later copies")
        print(
            f"later copies (claims asserted again): {repeat.attributions_created} attributions in {repeat_seconds:.2f} s "
            f"= {repeat.attributions_created / repeat_seconds:,.0f} stored/s; {repeat.attached_to_existing} attached to "
            f"existing claims, {repeat.claims_created} new claims"
        )
    before = Attribution.objects.count(), Claim.objects.count()
    rerun, rerun_seconds = _timed(copies[0], "re-run")
    unchanged = (Attribution.objects.count(), Claim.objects.count()) == before and rerun.attributions_created == 0
    print(
        f"re-run of the first copy, same version: {rerun.attributions_kept} attributions kept in {rerun_seconds:.2f} s "
        f"= {rerun.attributions_kept / rerun_seconds:,.0f}/s; nothing changed: {unchanged}"
    )
    if args.pages:
        pages, pages_seconds = _timed(_generated_pages(outlet, args.pages), "generated pages")
        print(
            f"generated pages: {args.pages} articles, {pages.attributions_created} attributions, "
            f"{pages.claims_created} claims in {pages_seconds:.2f} s = {args.pages / pages_seconds:,.0f} articles/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
