"""What the second person sees when someone else saved first: who, when, each field before → now."""

from dataclasses import dataclass

from claims.models import AuditEntry


def who_changed(changes: list[AuditEntry]) -> str:
    return ", ".join(dict.fromkeys(str(entry.user or "the system") for entry in changes)) or "someone else"


@dataclass(frozen=True)
class Conflict:
    title: str
    changes: list[AuditEntry]  # with `changes` (claims.selectors.audit), oldest first
    advice: str

    def as_text(self) -> str:
        """The same in one line, for a message after a redirect (no JavaScript)."""
        changes = "; ".join(
            f"{change.field}: {change.before or '—'} → {change.after or '—'}"
            for entry in self.changes for change in entry.changes
        )
        return " ".join(part for part in (self.title, f"Their changes: {changes}." if changes else "", self.advice) if part)
