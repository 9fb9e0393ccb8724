"""Claim.outlet: the first attribution's outlet, kept on the claim like its actor and date.

Filtering by outlet through attributions, passages and articles cost ~400 ms at a million claims;
from claim_outlet_date_idx it reads the newest matches in order. Existing claims are backfilled
before the index is built.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery


def backfill_outlets(apps, schema_editor):
    Attribution = apps.get_model("claims", "Attribution")
    Claim = apps.get_model("claims", "Claim")
    first_outlet = (
        Attribution.objects.filter(claim=OuterRef("pk"))
        .order_by(F("asserted_on").asc(nulls_last=True), "id")
        .values("passage__article__outlet")[:1]
    )
    Claim.objects.update(outlet=Subquery(first_outlet))


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0007_actor_upper_trigram_indexes"),
        ("sources", "0002_article_duplicate_of"),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="outlet",
            field=models.ForeignKey(
                blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL,
                related_name="+", to="sources.outlet",
            ),
        ),
        migrations.RunPython(backfill_outlets, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                fields=["outlet", "-asserted_on", "-id"], include=["review_state", "verdict"], name="claim_outlet_date_idx"
            ),
        ),
    ]
