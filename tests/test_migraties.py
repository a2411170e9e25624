"""Migrations run on both PostgreSQL builds: with pg_trgm (system) and without (pgserver)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from organisaties.zoeken import heeft_extensie

pytestmark = pytest.mark.django_db(transaction=True)


def beschikbaar(naam):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = %s", [naam])
        return cursor.fetchone() is not None


def test_pg_trgm_is_geinstalleerd_precies_waar_de_server_het_heeft():
    assert heeft_extensie("pg_trgm") == beschikbaar("pg_trgm")


def test_migraties_gaan_terug_en_weer_vooruit():
    executor = MigrationExecutor(connection)
    executor.migrate([("organisaties", None)])
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM organisaties_organisatie")
        assert cursor.fetchone() == (0,)


def test_demodata_laden_na_migreren_is_herhaalbaar():
    from organisaties.models import Organisatie

    call_command("laad_demodata", stdout=None)
    aantal = Organisatie.objects.count()
    call_command("laad_demodata", stdout=None)
    assert Organisatie.objects.count() == aantal > 20
