"""Attribution.outlet: the outlet of the attribution's article, so the outlet filter matches every
claim any of whose reports is from that outlet.

Through passages and articles that filter took ~420 ms at a million claims; from
attribution_outlet_claim_idx it probes (outlet, claim) pairs. Existing attributions are backfilled
before the column becomes required and the index is built.
"""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

# SQLite rebuilds claims_attribution for these changes and loses the span trigger of 0002.
restore_sqlite_trigger = import_module("claims.migrations.0002_span_inside_passage_trigger").restore_sqlite_trigger


def backfill_outlets(apps, schema_editor):
    Attribution = apps.get_model("claims", "Attribution")
    Passage = apps.get_model("sources", "Passage")
    article_outlet = Passage.objects.filter(pk=OuterRef("passage_id")).values("article__outlet_id")[:1]
    Attribution.objects.update(outlet=Subquery(article_outlet))
    if schema_editor.connection.vendor == "postgresql":
        # The new foreign key is deferred: check it now, or PostgreSQL refuses to alter a table
        # with pending trigger events in the same transaction.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE", params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0010_checked_claims_search_index"),
        ("sources", "0002_article_duplicate_of"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_sqlite_trigger),
        migrations.AddField(
            model_name="attribution",
            name="outlet",
            field=models.ForeignKey(
                null=True, db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                to="sources.outlet",
            ),
        ),
        migrations.RunPython(backfill_outlets, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="attribution",
            name="outlet",
            field=models.ForeignKey(
                db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="sources.outlet"
            ),
        ),
        migrations.AddIndex(
            model_name="attribution",
            index=models.Index(fields=["outlet", "claim"], name="attribution_outlet_claim_idx"),
        ),
        migrations.RunPython(restore_sqlite_trigger, migrations.RunPython.noop),
    ]
