"""SiteConfiguratie moves from organisaties to netwerk: the settings are site-wide.

The table is renamed, not copied: the municipality's settings stay as they are.
"""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('netwerk', '0002_help_teksten'),
        ('organisaties', '0006_help_teksten'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    'ALTER TABLE organisaties_siteconfiguratie RENAME TO netwerk_siteconfiguratie',
                    'ALTER TABLE netwerk_siteconfiguratie RENAME TO organisaties_siteconfiguratie',
                ),
            ],
            state_operations=[
                migrations.CreateModel(
                    name='SiteConfiguratie',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('gemeentenaam', models.CharField(default='Maassluis', help_text='Bijvoorbeeld Maassluis.', max_length=100, verbose_name='naam gemeente')),
                        ('sitenaam', models.CharField(default='Sociale kaart Maassluis', help_text='Staat bovenaan elke pagina en onder e-mails.', max_length=100, verbose_name='naam van de site')),
                        ('logo', models.FileField(blank=True, help_text='SVG of PNG, liefst liggend.', upload_to='logo/', verbose_name='logo')),
                        ('primaire_kleur', models.CharField(default='#1D5C8C', help_text='Kleur van kop en knoppen. Kies een donkere kleur: witte tekst moet leesbaar zijn.', max_length=7, validators=[django.core.validators.RegexValidator('^#[0-9A-Fa-f]{6}$', 'Vul een kleur in als #RRGGBB, bijvoorbeeld #1D5C8C.')], verbose_name='hoofdkleur')),
                        ('kaart_centrum_latitude', models.DecimalField(decimal_places=6, default=51.917, help_text='Het midden van de kaart, bijvoorbeeld 51.917.', max_digits=9, verbose_name='kaartcentrum breedtegraad')),
                        ('kaart_centrum_longitude', models.DecimalField(decimal_places=6, default=4.25, help_text='Het midden van de kaart, bijvoorbeeld 4.250.', max_digits=9, verbose_name='kaartcentrum lengtegraad')),
                        ('kaart_zoom', models.PositiveSmallIntegerField(default=14, help_text='Hoe dichtbij de kaart begint. Hoger is dichterbij, bijvoorbeeld 14.', verbose_name='kaartzoom')),
                        ('contact_email', models.EmailField(blank=True, help_text='Staat onderaan elke pagina. Mag leeg blijven.', max_length=254, verbose_name='e-mailadres contact')),
                        ('contact_telefoon', models.CharField(blank=True, help_text='Staat onderaan elke pagina, bijvoorbeeld 010 593 18 19.', max_length=30, verbose_name='telefoonnummer contact')),
                        ('introductie', models.TextField(blank=True, default='Op deze sociale kaart vindt u organisaties die u kunnen helpen: met geld, met zorg voor een naaste, met eenzaamheid, met werk of met wonen.', help_text='De eerste tekst op de homepage.', verbose_name='introductie op de homepage')),
                        ('over_tekst', models.TextField(blank=True, help_text="De tekst van de pagina 'Over deze site'.", verbose_name="tekst 'Over deze site'")),
                        ('privacy_tekst', models.TextField(blank=True, help_text='De tekst van de pagina over privacy.', verbose_name='privacyverklaring')),
                        ('toegankelijkheid_tekst', models.TextField(blank=True, help_text='De tekst van de pagina over toegankelijkheid.', verbose_name='toegankelijkheidsverklaring')),
                        ('bewaartermijn_maanden', models.PositiveSmallIntegerField(default=6, help_text='Zoveel maanden na een bijeenkomst worden namen, e-mailadressen en wensen van deelnemers verwijderd. Aantallen en organisaties blijven bewaard.', verbose_name='bewaartermijn aanmeldingen (maanden)')),
                        ('is_demo', models.BooleanField(default=False, help_text='Toon op elke pagina dat de gegevens niet echt zijn.', verbose_name='demonstratiegegevens')),
                    ],
                    options={
                        'verbose_name': 'site-instellingen',
                    },
                ),
            ],
        ),
    ]
