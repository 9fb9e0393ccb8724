"""claims_claim.best_word_distance and a RUM index over the claims where it is small (PostgreSQL with rum).

RUM orders matches by rank inside its index, but it ranks every match to do so: 0.7 µs a match, so a
word in 127,000 claims took 90 ms at best. best_word_distance is the RUM distance of the claim's
closest word taken alone (rum_ts_distance against each of its lexemes), so a one-word query cannot
rank the claim closer than it. Claims closer than STRONG_WORD_DISTANCE (a word in the claim's text
and in two of its sentences, or twice in its text: a quarter of the bench's claims) get their own RUM index;
whenever a one-word query finds its page there within that distance, no claim outside it can rank
higher, and only the index's share is ranked (claims.search.selectors explains the fallback).

Made only where claims/0016 made the RUM index; the trigger keeps the column current as the search
vector changes (after claims_claim_search_vector, which BEFORE triggers' name order guarantees).
"""

from django.db import migrations

STRONG_WORD_DISTANCE = "1.49"  # the index predicate; the query must say the same (selectors.STRONG_WORD_DISTANCE)
CREATE_INDEX = (
    "CREATE INDEX IF NOT EXISTS claim_search_vector_strong_rum_idx ON claims_claim USING rum (search_vector rum_tsvector_ops) "
    f"WHERE best_word_distance < {STRONG_WORD_DISTANCE}"
)
DROP_INDEX = "DROP INDEX IF EXISTS claim_search_vector_strong_rum_idx"
REFRESH_ALL = "UPDATE claims_claim SET best_word_distance = claims_claim_best_word_distance(search_vector)"

FORWARD = [
    "ALTER TABLE claims_claim ADD COLUMN IF NOT EXISTS best_word_distance double precision NOT NULL DEFAULT 'Infinity'",
    """
CREATE OR REPLACE FUNCTION claims_claim_best_word_distance(vector tsvector) RETURNS double precision AS $$
    SELECT coalesce(min(rum_ts_distance(vector, quote_literal(lexeme)::tsquery)), 'Infinity') FROM unnest(vector)
$$ LANGUAGE sql IMMUTABLE
""",
    """
CREATE OR REPLACE FUNCTION claims_claim_strongest_word_on_claim() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.search_vector IS DISTINCT FROM OLD.search_vector THEN
        NEW.best_word_distance := coalesce(claims_claim_best_word_distance(NEW.search_vector), 'Infinity');
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
""",
    """
CREATE TRIGGER claims_claim_strongest_word BEFORE INSERT OR UPDATE ON claims_claim
    FOR EACH ROW EXECUTE FUNCTION claims_claim_strongest_word_on_claim()
""",
    REFRESH_ALL,
    CREATE_INDEX,
]
REVERSE = [
    DROP_INDEX,
    "DROP TRIGGER IF EXISTS claims_claim_strongest_word ON claims_claim",
    "DROP FUNCTION IF EXISTS claims_claim_strongest_word_on_claim()",
    "DROP FUNCTION IF EXISTS claims_claim_best_word_distance(tsvector)",
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS best_word_distance",
]


def _where_rum_ranks(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'claim_search_vector_rum_idx'")
            if cursor.fetchone() is None:
                return
        for statement in statements:
            schema_editor.execute(statement, params=None)

    return run


def _reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in REVERSE:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0017_claim_outlet_ids")]
    operations = [migrations.RunPython(_where_rum_ranks(FORWARD), _reverse)]
