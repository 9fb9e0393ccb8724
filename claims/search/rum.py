"""Whether this database ranks text matches through the RUM index (claims migration 0016).

The index exists only where the server had the `rum` extension when migrating; without it (SQLite,
a managed PostgreSQL) relevance ranks a window of the newest matches instead, which the system check
below and the /ops/ page say.
"""

from django.core import checks
from django.db import connections

RUM_INDEX = "claim_search_vector_rum_idx"
WITHOUT_RUM = (
    "Search relevance ranks only the most recently stored matches: the database has no RUM index "
    "(PostgreSQL's rum extension, Debian package postgresql-15-rum). See docs/search.md to add it."
)
ON_SQLITE = (
    "Text search matches words as substrings and every sort is newest first: ranking by relevance "
    "needs PostgreSQL (see docs/search.md)."
)
_known: dict[tuple[str, str], bool] = {}


def rum_index_exists(using: str = "default") -> bool:
    connection = connections[using]
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RUM_INDEX])
        return cursor.fetchone() is not None


def rum_ranking(using: str = "default") -> bool:
    """rum_index_exists, asked once per database: an index does not come and go while the app runs."""
    key = (using, connections[using].settings_dict["NAME"])
    if key not in _known:
        _known[key] = rum_index_exists(using)
    return _known[key]


def ranking_note(using: str = "default") -> str:
    """What the operations page says about relevance ranking; empty where every match is ranked."""
    if connections[using].vendor != "postgresql":
        return ON_SQLITE
    return "" if rum_ranking(using) else WITHOUT_RUM


@checks.register(checks.Tags.database)
def check_rum_index(app_configs=None, databases=None, **kwargs) -> list[checks.CheckMessage]:
    """Runs where checks reach the database (migrate, check --database default)."""
    return [
        checks.Warning(WITHOUT_RUM, id="claims.W001")
        for using in databases or ()
        if using == "default" and not rum_index_exists(using)
    ]
