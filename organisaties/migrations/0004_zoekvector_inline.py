"""Keep the search vector in the table row, compressed if need be, instead of in TOAST.

A list page reads the search vector of every match: to test it against the search and to rank
it. PostgreSQL moves the largest values of a row over 2 kB to the separate TOAST table, and for
an organisation with a long description and several aanbod that is the search vector, so a
broad search ("schuld") read several times as many pages as the table has. With storage MAIN
the vector is compressed within the row and moved out only as a last resort. Storage applies to
values written from then on, so the existing vectors are written again (concatenating an empty
vector changes nothing but makes PostgreSQL store the value anew).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("organisaties", "0003_siteconfiguratie_bewaartermijn_maanden")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE organisaties_organisatie ALTER COLUMN zoekvector SET STORAGE MAIN",
            "ALTER TABLE organisaties_organisatie ALTER COLUMN zoekvector SET STORAGE EXTENDED",
        ),
        migrations.RunSQL(
            "UPDATE organisaties_organisatie SET zoekvector = zoekvector || ''::tsvector "
            "WHERE zoekvector IS NOT NULL",
            migrations.RunSQL.noop,
        ),
    ]
