"""The table of Django's database cache, used when REDIS_URL is unset (see settings).

Made here whatever the current settings say, so that a site that drops Redis later finds it;
the columns are those of ``manage.py createcachetable``.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("netwerk", "0003_siteconfiguratie")]

    operations = [
        migrations.RunSQL(
            """
            CREATE TABLE IF NOT EXISTS netwerk_cache (
                cache_key varchar(255) NOT NULL PRIMARY KEY,
                value text NOT NULL,
                expires timestamp with time zone NOT NULL
            );
            CREATE INDEX IF NOT EXISTS netwerk_cache_expires ON netwerk_cache (expires);
            """,
            "DROP TABLE IF EXISTS netwerk_cache",
        )
    ]
