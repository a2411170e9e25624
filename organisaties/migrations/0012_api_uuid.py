"""A fixed UUID per organisation, aanbod, location and term, for the open data (HSDS 3).

In three steps, because ``default=uuid.uuid4`` on AddField gives every existing row the
same value: add the column empty, give every row its own UUID, then make it required and
unique. History rows get the UUID of the item they describe (a random one when the item is
gone), so that the history of an item can be found by its open-data id.
"""

import uuid

from django.db import migrations, models

MODELLEN = ["organisatie", "aanbod", "locatie", "thema", "doelgroep", "soort", "wijk"]
HELP_TEXT = "Blijft altijd gelijk. Andere sites herkennen het item hieraan in de open data."


def vul_uuids(apps, schema_editor):
    for naam in MODELLEN:
        tabel = schema_editor.quote_name(apps.get_model("organisaties", naam)._meta.db_table)
        historie = schema_editor.quote_name(
            apps.get_model("organisaties", f"historical{naam}")._meta.db_table
        )
        # gen_random_uuid() is part of PostgreSQL itself since version 13, no extension.
        schema_editor.execute(f"UPDATE {tabel} SET uuid = gen_random_uuid() WHERE uuid IS NULL")
        schema_editor.execute(
            f"UPDATE {historie} AS h SET uuid = t.uuid FROM {tabel} AS t "
            "WHERE h.id = t.id AND h.uuid IS NULL"
        )
        schema_editor.execute(
            f"UPDATE {historie} SET uuid = gen_random_uuid() WHERE uuid IS NULL"
        )


def leeg(apps, schema_editor):
    pass


def _leeg_veld():
    return models.UUIDField(
        null=True, editable=False, help_text=HELP_TEXT, verbose_name="vaste id"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organisaties", "0011_geocoderen_laatste_poging"),
    ]

    operations = [
        *[
            migrations.AddField(model_name=naam, name="uuid", field=_leeg_veld())
            for naam in MODELLEN
        ],
        *[
            migrations.AddField(model_name=f"historical{naam}", name="uuid", field=_leeg_veld())
            for naam in MODELLEN
        ],
        migrations.RunPython(vul_uuids, leeg),
        *[
            migrations.AlterField(
                model_name=naam,
                name="uuid",
                field=models.UUIDField(
                    default=uuid.uuid4,
                    editable=False,
                    help_text=HELP_TEXT,
                    unique=True,
                    verbose_name="vaste id",
                ),
            )
            for naam in MODELLEN
        ],
        *[
            migrations.AlterField(
                model_name=f"historical{naam}",
                name="uuid",
                field=models.UUIDField(
                    db_index=True,
                    default=uuid.uuid4,
                    editable=False,
                    help_text=HELP_TEXT,
                    verbose_name="vaste id",
                ),
            )
            for naam in MODELLEN
        ],
    ]
