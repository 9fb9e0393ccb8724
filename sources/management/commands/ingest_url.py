from django.core.management.base import BaseCommand, CommandError

from sources import services
from sources.management.commands._reporting import refresh_article_into_report
from sources.parsing.urls import InvalidUrl, canonicalize_url


class Command(BaseCommand):
    help = "Fetch one article or live-blog page now and store its passages (again, if known)."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--outlet", help="Outlet name (default: the publisher of the URL's registered domain)")

    def handle(self, *args, url, outlet, **options):
        try:
            canonical = canonicalize_url(url)
            publisher = services.outlet_get_or_create(name=outlet) if outlet else services.outlet_for_page(url=canonical)
            article, _ = services.article_get_or_create_for_url(url=url, outlet=publisher)
        except InvalidUrl as error:
            raise CommandError(str(error)) from error
        report = services.IngestReport()
        error = refresh_article_into_report(article=article, report=report)
        article.refresh_from_db()
        self.stdout.write(f"article #{article.pk} {article.url}: {article.get_status_display()}")
        self.stdout.write(report.summary())
        if error:
            raise CommandError(f"the fetch failed: {error}")
