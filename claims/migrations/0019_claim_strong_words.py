"""claims_claim.strong_words and a RUM index over it (PostgreSQL with rum, where claims/0018 ran).

claims/0018's strong claims are those with any strong word, so a common word also meets every claim
that is strong through another word: `attack` had 72,000 of its 169,000 matches there at a million
claims, all ranked to give one page (43 ms). strong_words keeps only the claim's words closer than
STRONG_WORD_DISTANCE on their own, with their positions and weights (ts_delete drops the others), so
a one-word query ranks only the claims where that word is strong (14,500 for `attack`). RUM scores a
word by its own occurrences alone, so the distance read from strong_words is the one search_vector
gives. An OR of words still reads claims/0018's index: the words' scores add up over the whole vector.
"""

from importlib import import_module

from django.db import migrations

strongest = import_module("claims.migrations.0018_claim_best_word_distance")
STRONG_WORD_DISTANCE = strongest.STRONG_WORD_DISTANCE
CREATE_INDEX = "CREATE INDEX IF NOT EXISTS claim_strong_words_rum_idx ON claims_claim USING rum (strong_words rum_tsvector_ops)"
DROP_INDEX = "DROP INDEX IF EXISTS claim_strong_words_rum_idx"
REFRESH_ALL = (
    "UPDATE claims_claim SET strong_words = claims_claim_strong_words(search_vector) "
    f"WHERE best_word_distance < {STRONG_WORD_DISTANCE}"
)

FORWARD = [
    "ALTER TABLE claims_claim ADD COLUMN IF NOT EXISTS strong_words tsvector NOT NULL DEFAULT ''",
    f"""
CREATE OR REPLACE FUNCTION claims_claim_strong_words(vector tsvector) RETURNS tsvector AS $$
    SELECT ts_delete(vector, coalesce(array_agg(lexeme) FILTER (
        WHERE rum_ts_distance(vector, quote_literal(lexeme)::tsquery) >= {STRONG_WORD_DISTANCE}), '{{}}'))
    FROM unnest(vector)
$$ LANGUAGE sql IMMUTABLE
""",
    # claims/0018's trigger function, now filling both columns (a claim with no strong word has none).
    f"""
CREATE OR REPLACE FUNCTION claims_claim_strongest_word_on_claim() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.search_vector IS DISTINCT FROM OLD.search_vector THEN
        NEW.best_word_distance := coalesce(claims_claim_best_word_distance(NEW.search_vector), 'Infinity');
        NEW.strong_words := CASE WHEN NEW.best_word_distance < {STRONG_WORD_DISTANCE}
            THEN claims_claim_strong_words(NEW.search_vector) ELSE '' END;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
""",
    REFRESH_ALL,
    CREATE_INDEX,
]
REVERSE = [
    DROP_INDEX,
    strongest.FORWARD[2],  # claims/0018's trigger function, which fills best_word_distance only
    "DROP FUNCTION IF EXISTS claims_claim_strong_words(tsvector)",
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS strong_words",
]


class Migration(migrations.Migration):
    dependencies = [("claims", "0018_claim_best_word_distance")]
    operations = [migrations.RunPython(strongest._where_rum_ranks(FORWARD), strongest._where_rum_ranks(REVERSE))]
