"""/gezondheid/ for the monitoring: 200 or 503, details only for the token or staff."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db

TOKEN = "monitoring-geheim-123"


@pytest.fixture(autouse=True)
def token(settings):
    settings.GEZONDHEID_TOKEN = TOKEN
    settings.GEZONDHEID_MAX_WACHTTIJD_SECONDEN = 300


def vragen(client, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return client.get(reverse("gezondheid"), headers=headers)


def taak_in_rij(wacht_al, status="todo"):
    """A job in procrastinate's queue, due since ``wacht_al`` (an SQL interval) ago."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procrastinate_jobs (queue_name, task_name, args, scheduled_at)"
            " VALUES ('default', 'test.taak', '{}', now() - %s::interval) RETURNING id",
            [wacht_al],
        )
        (taak_id,) = cursor.fetchone()
        if status != "todo":
            # Through 'doing', as a worker does: the trigger then records the event.
            cursor.execute(
                "UPDATE procrastinate_jobs SET status = 'doing' WHERE id = %s", [taak_id]
            )
            cursor.execute(
                "UPDATE procrastinate_jobs SET status = %s WHERE id = %s", [status, taak_id]
            )


def test_gezond(client):
    response = vragen(client)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_details_met_het_juiste_token(client):
    taak_in_rij("1 minute")
    taak_in_rij("-1 hour")  # scheduled for later: waiting, not yet due
    taak_in_rij("2 hours", status="failed")
    antwoord = vragen(client, TOKEN).json()
    assert antwoord["status"] == "ok"
    controles = antwoord["controles"]
    assert controles["database"] == {"status": "ok"}
    assert controles["cache"] == {"status": "ok"}
    rij = controles["takenrij"]
    assert rij["status"] == "ok"
    assert rij["wachtend"] == 2
    assert 60 <= rij["oudste_wachttijd_seconden"] < 120
    assert rij["max_wachttijd_seconden"] == 300
    assert rij["mislukt_laatste_24_uur"] == 1


def test_oude_taak_in_de_rij_geeft_503_met_de_wachttijd(client):
    taak_in_rij("1 hour")
    response = vragen(client, TOKEN)
    assert response.status_code == 503
    antwoord = response.json()
    assert antwoord["status"] == "fout"
    assert antwoord["controles"]["takenrij"]["status"] == "fout"
    assert antwoord["controles"]["takenrij"]["oudste_wachttijd_seconden"] >= 3600
    assert antwoord["controles"]["database"]["status"] == "ok"


def test_zonder_token_geen_details(client):
    taak_in_rij("1 hour")
    response = vragen(client)
    assert response.status_code == 503
    assert response.json() == {"status": "fout"}


@pytest.mark.parametrize("fout", ["verkeerd", "", TOKEN + "x", TOKEN[:-1]])
def test_verkeerd_token_geen_details(client, fout):
    assert vragen(client, fout).json() == {"status": "ok"}
    response = client.get(reverse("gezondheid"), headers={"Authorization": TOKEN})
    assert response.json() == {"status": "ok"}  # without "Bearer"


def test_leeg_token_in_de_instellingen_accepteert_niets(client, settings):
    settings.GEZONDHEID_TOKEN = ""
    assert vragen(client, "").json() == {"status": "ok"}


def test_medewerker_ziet_details_inwoner_niet(client):
    client.force_login(GebruikerFactory(username="inwoner", is_staff=False))
    assert vragen(client).json() == {"status": "ok"}
    client.force_login(GebruikerFactory(username="medewerker"))
    assert "controles" in vragen(client).json()


def test_cache_kapot_geeft_503_zonder_500_en_zonder_foutmelding(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = vragen(client, TOKEN)
    assert response.status_code == 503
    antwoord = response.json()
    assert antwoord["controles"]["cache"] == {"status": "fout"}
    assert antwoord["controles"]["database"]["status"] == "ok"
    assert "127.0.0.1" not in response.content.decode()
    assert "controle cache mislukt" in caplog.text  # the reason is in the log
    assert vragen(client).json() == {"status": "fout"}


def test_alleen_lezen(client):
    assert client.post(reverse("gezondheid")).status_code == 405


def test_medewerker_zonder_tweede_stap_ziet_geen_details(client, settings):
    settings.TWEE_FACTOR_VERPLICHT = True
    client.force_login(GebruikerFactory(username="medewerker"))
    assert vragen(client).json() == {"status": "ok"}
