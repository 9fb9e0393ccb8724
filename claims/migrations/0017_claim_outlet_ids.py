"""claims_claim.outlet_ids: the outlets of a claim's reports, kept on the claim row by the attribution
trigger and indexed in one GIN index with the search vector (PostgreSQL only, like search_vector).

"Outlet + text" probed attribution_outlet_claim_idx once per text match, so its total cost 163 ms at
p95 for a common word at a million claims; with both on the row one index scan answers both filters.
"""

from django.db import migrations

from claims.migrations._postgres_only import postgres_only_sql

CREATE_INDEX = "CREATE INDEX IF NOT EXISTS claim_text_outlets_idx ON claims_claim USING gin (search_vector, outlet_ids)"
DROP_INDEX = "DROP INDEX IF EXISTS claim_text_outlets_idx"
REFRESH_ALL = "UPDATE claims_claim SET outlet_ids = claims_claim_outlet_ids(id)"

_ON_ATTRIBUTION = """
CREATE OR REPLACE FUNCTION claims_claim_search_vector_on_attribution() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE claims_claim SET search_vector = claims_claim_search_document(id, text){outlets_old} WHERE id = OLD.claim_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.claim_id <> OLD.claim_id OR NEW.sentence <> OLD.sentence{outlet_changed}) THEN
        UPDATE claims_claim SET search_vector = claims_claim_search_document(id, text){outlets_new} WHERE id = NEW.claim_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
_TRIGGER = """
CREATE TRIGGER claims_attribution_search_vector AFTER INSERT OR DELETE OR UPDATE OF sentence, claim_id{outlet_column}
    ON claims_attribution FOR EACH ROW EXECUTE FUNCTION claims_claim_search_vector_on_attribution()
"""
_DROP_TRIGGER = "DROP TRIGGER IF EXISTS claims_attribution_search_vector ON claims_attribution"

FORWARD = [
    "ALTER TABLE claims_claim ADD COLUMN IF NOT EXISTS outlet_ids bigint[] NOT NULL DEFAULT '{}'",
    """
CREATE OR REPLACE FUNCTION claims_claim_outlet_ids(claim_id bigint) RETURNS bigint[] AS $$
    SELECT coalesce(array_agg(DISTINCT outlet_id ORDER BY outlet_id), '{}') FROM claims_attribution WHERE claims_attribution.claim_id = $1
$$ LANGUAGE sql STABLE
""",
    # One UPDATE per changed attribution refreshes both the vector and the outlets, as before.
    _ON_ATTRIBUTION.format(
        outlets_old=", outlet_ids = claims_claim_outlet_ids(id)",
        outlets_new=", outlet_ids = claims_claim_outlet_ids(id)",
        outlet_changed=" OR NEW.outlet_id <> OLD.outlet_id",
    ),
    _DROP_TRIGGER,
    _TRIGGER.format(outlet_column=", outlet_id"),
    REFRESH_ALL,
    CREATE_INDEX,
]
REVERSE = [
    DROP_INDEX,
    _ON_ATTRIBUTION.format(outlets_old="", outlets_new="", outlet_changed=""),
    _DROP_TRIGGER,
    _TRIGGER.format(outlet_column=""),
    "DROP FUNCTION IF EXISTS claims_claim_outlet_ids(bigint)",
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS outlet_ids",
]


class Migration(migrations.Migration):
    dependencies = [("claims", "0016_claim_search_rum_index")]
    operations = [postgres_only_sql(FORWARD, REVERSE)]
