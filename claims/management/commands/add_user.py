import getpass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from claims.roles import ROLES
from claims.services.users import user_create_with_role


class Command(BaseCommand):
    help = "Create a user with a role (viewer, editor, fact-checker), or change an existing user's role."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=ROLES)
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Omit to be asked for it (safer than the shell history)")

    def handle(self, *args, username, role, email, password, **options):
        if not password:
            password = getpass.getpass(f"Password for {username}: ")
        if not password:
            raise CommandError("A password is required")
        try:
            _, created = user_create_with_role(username=username, password=password, role=role, email=email)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        except ValidationError as exc:
            raise CommandError("Password refused: " + " ".join(exc.messages)) from None
        self.stdout.write(f"{'Created' if created else 'Updated'} user {username} with role {role}")
