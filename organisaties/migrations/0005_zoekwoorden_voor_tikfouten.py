"""Typo tolerance through a word list with a trigram index, instead of comparing every
organisation's whole text (which took seconds on a large directory for every misspelt or
meaningless search). The index exists only where pg_trgm does; see 0002.
"""

import re

from django.db import migrations, models

WOORD = re.compile(r"\b[^\W\d_]{4,40}\b")


def vul_woordenlijst(apps, schema_editor):
    Organisatie = apps.get_model("organisaties", "Organisatie")
    Zoekwoord = apps.get_model("organisaties", "Zoekwoord")
    woorden = set()
    for tekst in Organisatie.objects.filter(status="gepubliceerd").values_list(
        "zoektekst", flat=True
    ).iterator():
        woorden.update(WOORD.findall(tekst))
    Zoekwoord.objects.bulk_create(
        [Zoekwoord(woord=w) for w in sorted(woorden)], ignore_conflicts=True, batch_size=5000
    )


def maak_trigramindex(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone():
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS zoekwoord_trigram "
                "ON organisaties_zoekwoord USING gin (woord gin_trgm_ops)"
            )


class Migration(migrations.Migration):

    dependencies = [
        ('organisaties', '0004_zoekvector_inline'),
    ]

    operations = [
        migrations.CreateModel(
            name='Zoekwoord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('woord', models.CharField(max_length=40, unique=True, verbose_name='woord')),
            ],
            options={
                'verbose_name': 'zoekwoord',
                'verbose_name_plural': 'zoekwoorden',
            },
        ),
        migrations.RunPython(vul_woordenlijst, migrations.RunPython.noop),
        migrations.RunPython(maak_trigramindex, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='organisatie',
            name='zoektekst',
        ),
    ]
