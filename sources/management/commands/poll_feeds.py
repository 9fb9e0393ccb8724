from django.core.management.base import BaseCommand

from sources import services
from sources.fetching import FetchError
from sources.management.commands._reporting import refresh_article_into_report
from sources.models import Article, Feed
from sources.selectors import feeds_due_ids


class Command(BaseCommand):
    help = "Poll feeds in this process and fetch their new and updated articles (no worker needed)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Poll every feed that is not paused, due or not")

    def handle(self, *args, now, **options):
        if now:
            feed_ids = list(Feed.objects.exclude(status=Feed.Status.PAUSED).values_list("id", flat=True))
        else:
            feed_ids = [feed_id for feed_id in feeds_due_ids() if services.feed_claim_due(feed_id=feed_id)]
        report = services.IngestReport()
        for feed in Feed.objects.filter(pk__in=feed_ids).select_related("outlet"):
            try:
                result = services.feed_poll(feed=feed)
            except (FetchError, services.FeedParseError) as error:
                report.errors.append(f"{feed.url}: {error}")
                self.stderr.write(f"feed {feed.url}: error: {error}")
                continue
            if result.not_modified:
                self.stdout.write(f"feed {feed.url}: not modified")
                continue
            self.stdout.write(
                f"feed {feed.url}: {result.entries} entries, {len(result.new_article_ids)} new, "
                f"{len(result.refetch_article_ids)} updated upstream"
            )
            for article in Article.objects.filter(pk__in=result.new_article_ids + result.refetch_article_ids):
                if error := refresh_article_into_report(article=article, report=report):
                    self.stderr.write(f"article {error}")
        self.stdout.write(f"feeds polled: {len(feed_ids)}; {report.summary()}")
