"""What ingestion makes of saved real pages: passages, outlet, date, language, live-blog times.

    .venv/bin/python bench/real_pages.py                      # ../shared/data/pages
    .venv/bin/python bench/real_pages.py DIR [DIR ...] --show-passages

Reads every *.html under the given folders at run time (nothing of them is kept in the repo), parses
each as ingestion does (no database, no network: the page's own rel=canonical/og:url is its URL)
and prints one row per page, then the checks the ingestion issue asks for:
- passages that are furniture (teaser, credit line, prompt, caption: sources.parsing.cleanup) or
  the headline repeated; dates before 1990 or in the future; pages with no language;
- outlets: the registered domains found and the site names each one covered;
- live-blog posts: how many, and the share that got a time of their own (not the page's date);
- with --gold FILE (records with "doc" and "sentence", as ../shared/data/gold/pages*.gold.jsonl):
  how many of those sentences the title, post headings and passages hold verbatim (whitespace
  collapsed), i.e. how complete the stored text is.
"""

import argparse
import json
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sources.parsing.cleanup import is_boilerplate  # noqa: E402
from sources.parsing.domains import registered_domain  # noqa: E402
from sources.parsing.html_article import ArticleParseError, declared_page_url, extract_article  # noqa: E402
from sources.parsing.metadata import date_is_plausible  # noqa: E402
from sources.parsing.passages import html_document_passages  # noqa: E402

DEFAULT_FOLDER = REPO.parent / "shared" / "data" / "pages"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_FOLDER])
    parser.add_argument("--show-passages", action="store_true", help="print every passage (first 100 characters)")
    parser.add_argument("--gold", type=Path, action="append", default=[], help="JSONL with doc and sentence fields")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    paths = sorted(path for folder in args.folders for path in folder.rglob("*.html"))
    if not paths:
        sys.exit(f"no .html pages under {', '.join(map(str, args.folders))}")
    outlets: dict[str, set[str]] = defaultdict(set)
    problems: list[str] = []
    posts = timed_posts = 0
    stored_text: dict[str, str] = {}
    print(f"{'page':48} {'passages':>8} {'live':>4} {'domain':22} {'published':16} {'lang':6} authors")
    for path in paths:
        html = path.read_text(encoding="utf-8", errors="replace")
        url = declared_page_url(html) or f"https://unknown.invalid/{path.name}"
        try:
            article = extract_article(html, url=url)
        except ArticleParseError as error:
            problems.append(f"{path.name}: not parsed ({error})")
            continue
        document = html_document_passages(html=html, text=article.text, url=article.url, published=article.published,
                                          declares_live_blog=article.declares_live_blog)
        domain = registered_domain(article.url)
        outlets[domain].add(article.site_name or "(no site name)")
        published = article.published.strftime("%Y-%m-%d %H:%M") if article.published else "-"
        print(f"{path.name[:48]:48} {len(document.drafts):>8} {'yes' if document.is_live_blog else '':>4} {domain[:22]:22} "
              f"{published:16} {article.language or '-':6} {', '.join(article.authors)[:60]}")
        for warning in article.warnings:
            problems.append(f"{path.name}: {warning}")
        if article.published and not date_is_plausible(article.published):
            problems.append(f"{path.name}: impossible date {article.published}")
        if not article.language:
            problems.append(f"{path.name}: no language")
        for draft in document.drafts:
            if is_boilerplate(draft.text) or draft.text.strip() == article.title.strip():
                problems.append(f"{path.name}: passage {draft.position} is furniture: {draft.text[:80]!r}")
            if args.show_passages:
                print(f"    [{draft.position}] {draft.published_at or '-'} {draft.heading[:40]!r} {draft.text[:100]!r}")
        stored_text[path.name] = " ".join(
            " ".join([article.title, *(f"{draft.heading} {draft.text}" for draft in document.drafts)]).split()
        )
        if document.is_live_blog:
            posts += len(document.drafts)
            timed_posts += sum(1 for draft in document.drafts if draft.published_at and draft.published_at != article.published)
    print(f"\n{len(paths)} pages, {len(outlets)} outlets (registered domains):")
    for domain, names in sorted(outlets.items()):
        print(f"  {domain:28} {' | '.join(sorted(names))}")
    share = f"{100 * timed_posts / posts:.0f}%" if posts else "n/a"
    print(f"live-blog posts: {posts}, with a time of their own: {timed_posts} ({share})")
    if args.gold:
        records = [json.loads(line) for gold in args.gold for line in gold.read_text().splitlines() if line.strip()]
        records = [record for record in records if record["doc"] in stored_text]
        found = sum(" ".join(record["sentence"].split()) in stored_text[record["doc"]] for record in records)
        print(f"gold sentences held verbatim: {found} of {len(records)}")
    print(f"problems: {len(problems)}")
    for problem in problems:
        print(f"  {problem}")
    print(f"(run at {datetime.now(tz=UTC):%Y-%m-%d %H:%M} UTC)")


if __name__ == "__main__":
    main()
