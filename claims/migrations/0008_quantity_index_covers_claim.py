"""The quantity filter's index carries the claim id, so "drones >= 10" is answered from the index alone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0007_actor_upper_trigram_indexes")]

    operations = [
        migrations.RemoveIndex(model_name="quantity", name="quantity_noun_value_idx"),
        migrations.AddIndex(
            model_name="quantity",
            index=models.Index(fields=["noun", "value"], include=("claim",), name="quantity_noun_value_idx"),
        ),
    ]
