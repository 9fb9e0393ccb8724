"""Full-text search on PostgreSQL: a maintained tsvector over each claim's text and sentences.

A generated column cannot read another table, and the sentences live on claims_attribution,
so triggers keep claims_claim.search_vector current: the claim's own text weighs more (A) than
the sentences it was found in (B). The column is not a model field, so SQLite migrates without
it and the search page falls back to a substring match there.
"""

from django.db import migrations

from claims.migrations._postgres_only import postgres_only_sql

SEARCH_CONFIG = "english"

CREATE_INDEX = "CREATE INDEX IF NOT EXISTS claim_search_vector_idx ON claims_claim USING gin (search_vector)"
DROP_INDEX = "DROP INDEX IF EXISTS claim_search_vector_idx"
REFRESH_ALL = "UPDATE claims_claim SET search_vector = claims_claim_search_document(id, text)"

FORWARD = [
    "ALTER TABLE claims_claim ADD COLUMN IF NOT EXISTS search_vector tsvector",
    f"""
CREATE OR REPLACE FUNCTION claims_claim_search_document(claim_id bigint, claim_text text) RETURNS tsvector AS $$
    SELECT setweight(to_tsvector('{SEARCH_CONFIG}', claim_text), 'A')
        || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce(
               (SELECT string_agg(sentence, ' ' ORDER BY id) FROM claims_attribution WHERE claims_attribution.claim_id = $1),
               '')), 'B')
$$ LANGUAGE sql STABLE
""",
    """
CREATE OR REPLACE FUNCTION claims_claim_search_vector_on_claim() RETURNS trigger AS $$
BEGIN
    NEW.search_vector := claims_claim_search_document(NEW.id, NEW.text);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
""",
    """
CREATE TRIGGER claims_claim_search_vector BEFORE INSERT OR UPDATE OF text ON claims_claim
    FOR EACH ROW EXECUTE FUNCTION claims_claim_search_vector_on_claim()
""",
    """
CREATE OR REPLACE FUNCTION claims_claim_search_vector_on_attribution() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE claims_claim SET search_vector = claims_claim_search_document(id, text) WHERE id = OLD.claim_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.claim_id <> OLD.claim_id OR NEW.sentence <> OLD.sentence) THEN
        UPDATE claims_claim SET search_vector = claims_claim_search_document(id, text) WHERE id = NEW.claim_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
""",
    """
CREATE TRIGGER claims_attribution_search_vector AFTER INSERT OR DELETE OR UPDATE OF sentence, claim_id
    ON claims_attribution FOR EACH ROW EXECUTE FUNCTION claims_claim_search_vector_on_attribution()
""",
    REFRESH_ALL,
    CREATE_INDEX,
]
REVERSE = [
    "DROP TRIGGER IF EXISTS claims_attribution_search_vector ON claims_attribution",
    "DROP TRIGGER IF EXISTS claims_claim_search_vector ON claims_claim",
    "DROP FUNCTION IF EXISTS claims_claim_search_vector_on_attribution()",
    "DROP FUNCTION IF EXISTS claims_claim_search_vector_on_claim()",
    "DROP FUNCTION IF EXISTS claims_claim_search_document(bigint, text)",
    DROP_INDEX,
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector",
]


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_actor_trigram_indexes")]
    operations = [postgres_only_sql(FORWARD, REVERSE)]
