from django.core.management.base import BaseCommand, CommandError

from sources import services
from sources.management.commands._reporting import refresh_article_into_report
from sources.parsing.urls import InvalidUrl, url_host


class Command(BaseCommand):
    help = "Fetch one article or live-blog page now and store its passages (again, if known)."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--outlet", help="Outlet name (default: the URL's host)")

    def handle(self, *args, url, outlet, **options):
        try:
            article, _ = services.article_get_or_create_for_url(
                url=url, outlet=services.outlet_get_or_create(name=outlet or url_host(url))
            )
        except InvalidUrl as error:
            raise CommandError(str(error)) from error
        report = services.IngestReport()
        error = refresh_article_into_report(article=article, report=report)
        article.refresh_from_db()
        self.stdout.write(f"article #{article.pk} {article.url}: {article.get_status_display()}")
        self.stdout.write(report.summary())
        if error:
            raise CommandError(f"the fetch failed: {error}")
