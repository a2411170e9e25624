"""SiteConfiguratie now lives in netwerk (its migration 0003 renamed the table)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('organisaties', '0006_help_teksten'),
        ('netwerk', '0003_siteconfiguratie'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='SiteConfiguratie')],
        ),
    ]
