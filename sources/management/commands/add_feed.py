from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from sources import services
from sources.parsing.urls import InvalidUrl


class Command(BaseCommand):
    help = "Register an RSS/Atom feed for an outlet; it is polled when due (at once for a new feed)."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--outlet", required=True, help="Outlet name (created if new)")
        parser.add_argument("--interval", type=int, help="Seconds between polls")

    def handle(self, *args, url, outlet, interval, **options):
        if interval is not None and interval < 60:
            raise CommandError("--interval must be at least 60 seconds")
        try:
            feed, created = services.feed_add(
                url=url, outlet_name=outlet, poll_interval=timedelta(seconds=interval) if interval else None
            )
        except InvalidUrl as error:
            raise CommandError(str(error)) from error
        verb = "added" if created else "updated"
        self.stdout.write(
            f"{verb} feed #{feed.pk} {feed.url} for {feed.outlet.name}, "
            f"polled every {int(feed.poll_interval.total_seconds())}s"
        )
