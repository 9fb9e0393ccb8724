from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from claims.api.services import api_token_issue


class Command(BaseCommand):
    help = "Print a user's API token (made on first use); --rotate replaces it."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--rotate", action="store_true", help="Replace the token; the old one stops working")

    def handle(self, *args, username, rotate, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        self.stdout.write(api_token_issue(user=user, rotate=rotate).key)
