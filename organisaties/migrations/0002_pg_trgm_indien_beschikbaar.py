"""Install pg_trgm where the server has it, for typo-tolerant search.

The embedded PostgreSQL (pgserver) ships without contrib extensions; there this migration
does nothing and search works without typo tolerance (see zoeken.kan_tikfouten_vergeven).
"""

from django.db import migrations


def installeer_pg_trgm(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone():
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("organisaties", "0001_initial")]

    operations = [migrations.RunPython(installeer_pg_trgm, migrations.RunPython.noop)]
