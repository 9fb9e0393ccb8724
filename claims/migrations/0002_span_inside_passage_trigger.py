"""Attribution spans must lie inside their passage's text.

A check constraint cannot look at another table, so both supported databases get a trigger.
Passage text never changes after insert (edits become new versions), so checking on the
attribution side is enough.
"""

from django.db import migrations

COLUMNS = ("source_end", "cue_end", "content_end")

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION claims_attribution_span_check() RETURNS trigger AS $$
DECLARE passage_length integer;
BEGIN
    SELECT char_length(text) INTO passage_length FROM sources_passage WHERE id = NEW.passage_id;
    IF NEW.content_end > passage_length OR COALESCE(NEW.source_end, 0) > passage_length
       OR COALESCE(NEW.cue_end, 0) > passage_length THEN
        RAISE EXCEPTION 'attribution span outside passage % (length %)', NEW.passage_id, passage_length
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER claims_attribution_span_check BEFORE INSERT OR UPDATE ON claims_attribution
    FOR EACH ROW EXECUTE FUNCTION claims_attribution_span_check();
"""
POSTGRES_REVERSE = """
DROP TRIGGER IF EXISTS claims_attribution_span_check ON claims_attribution;
DROP FUNCTION IF EXISTS claims_attribution_span_check();
"""

_SQLITE_OUTSIDE = " OR ".join(
    f"COALESCE(NEW.{column}, 0) > (SELECT length(text) FROM sources_passage WHERE id = NEW.passage_id)"
    for column in COLUMNS
)
SQLITE_FORWARD = [
    f"""CREATE TRIGGER claims_attribution_span_check_{event.lower()} BEFORE {event} ON claims_attribution
        FOR EACH ROW WHEN {_SQLITE_OUTSIDE}
        BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: attribution span outside passage'); END;"""
    for event in ("INSERT", "UPDATE")
]
SQLITE_REVERSE = [
    f"DROP TRIGGER IF EXISTS claims_attribution_span_check_{event};" for event in ("insert", "update")
]


def forward(apps, schema_editor):
    statements = [POSTGRES_FORWARD] if schema_editor.connection.vendor == "postgresql" else SQLITE_FORWARD
    for statement in statements:
        schema_editor.execute(statement, params=None)


def reverse(apps, schema_editor):
    statements = [POSTGRES_REVERSE] if schema_editor.connection.vendor == "postgresql" else SQLITE_REVERSE
    for statement in statements:
        schema_editor.execute(statement, params=None)


def restore_sqlite_trigger(apps, schema_editor):
    """SQLite rebuilds a table to alter it, which drops its triggers: a later migration that alters
    claims_attribution runs this afterwards."""
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_REVERSE + SQLITE_FORWARD:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial"), ("sources", "0001_initial")]
    operations = [migrations.RunPython(forward, reverse)]
