"""Outlets named after their domain (no page gave a site name yet) get a name people can read;
the domain stays in Outlet.domain."""

from django.db import migrations, models

from sources.parsing.domains import domain_display_name


def name_outlets_for_people(apps, schema_editor):
    Outlet = apps.get_model("sources", "Outlet")
    for outlet in Outlet.objects.exclude(domain="").filter(name=models.F("domain")):
        name = domain_display_name(outlet.domain)
        if not Outlet.objects.filter(name=name).exists():
            outlet.name = name
            outlet.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [("sources", "0005_outlet_domain_ingest_warnings")]

    operations = [migrations.RunPython(name_outlets_for_people, migrations.RunPython.noop)]
