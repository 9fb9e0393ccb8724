from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sources import services
from sources.tasks import enqueue_claim_extraction


class Command(BaseCommand):
    help = "Ingest saved pages (.txt text views or .html) as articles and passages, without fetching."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--outlet", help="Outlet name (default: the URL's host)")
        parser.add_argument("--url", help="The page's URL (default: the URL the page names); one path only")
        parser.add_argument("--published", type=datetime.fromisoformat, help="Publication date, ISO 8601")

    def handle(self, *args, paths, outlet, url, published, **options):
        if url and len(paths) > 1:
            raise CommandError("--url names one page: give one path with it")
        if published is not None and published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
        report = services.IngestReport()
        for path in paths:
            try:
                document = services.document_from_upload(body=path.read_bytes(), name=path.name, url=url)
                article, outcome, split = services.article_ingest_document(
                    document=document, outlet_name=outlet, published=published
                )
            except (OSError, services.IngestError) as error:
                report.errors.append(f"{path}: {error}")
                self.stderr.write(f"{path}: error: {error}")
                continue
            report.add_article(outcome=outcome, passages_added=split.added)
            if split.added:
                enqueue_claim_extraction(article.pk)
            self.stdout.write(
                f"{path}: {outcome} article #{article.pk} {article.url} "
                f"({split.added} passages added, {split.revised} revised)"
            )
        self.stdout.write(report.summary())
        if report.errors and len(report.errors) == len(paths):
            raise CommandError("nothing was ingested")
