"""The starter gazetteer now names each government by its country ("Ukraine", not "Government of
Ukraine"), the form newsrooms and the gold annotations use. Rename the actors an earlier load created,
keeping the old name as an alias; an actor an editor already named after the country is left alone.
"""

from django.db import migrations
from django.db.models.functions import Lower

PREFIX = "Government of "


def rename_governments(apps, schema_editor):
    Actor = apps.get_model("claims", "Actor")
    ActorAlias = apps.get_model("claims", "ActorAlias")
    taken = set(Actor.objects.annotate(lower=Lower("name")).values_list("lower", flat=True))
    for actor in Actor.objects.filter(kind="government", name__startswith=PREFIX):
        country = actor.name.removeprefix(PREFIX).strip()
        if not country or country.lower() in taken:
            continue
        old = actor.name
        actor.name = country
        actor.save(update_fields=["name"])
        taken.add(country.lower())
        ActorAlias.objects.filter(actor=actor, alias__iexact=country).delete()
        if not ActorAlias.objects.filter(actor=actor, alias__iexact=old).exists():
            ActorAlias.objects.create(actor=actor, alias=old)


class Migration(migrations.Migration):
    dependencies = [("claims", "0012_claim_review_state_id_index")]

    operations = [migrations.RunPython(rename_governments, migrations.RunPython.noop)]
