"""Staff change an activity's time or exceptions in the admin: its sign-ups go along."""

import datetime
import re

import pytest
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob

from activiteiten import services
from activiteiten.herhaling import AMSTERDAM, momenten
from activiteiten.models import Activiteit
from bijeenkomsten import services as bijeenkomsten_services
from bijeenkomsten.models import Bijeenkomst
from netwerk.models import UitgaandeEmail
from netwerk.rollen import REDACTEUREN
from tests.factories import GebruikerFactory, OrganisatieFactory
from tests.organisaties.test_bijwerken import Formulier

pytestmark = pytest.mark.django_db


@pytest.fixture
def aangemeld():
    dag = timezone.localdate() + datetime.timedelta(days=2)
    start = datetime.datetime(dag.year, dag.month, dag.day, 10, tzinfo=AMSTERDAM)
    activiteit = Activiteit.objects.create(
        titel="Wandelvoetbal",
        slug="wandelvoetbal",
        omschrijving="Voetbal in wandeltempo.",
        start=start,
        einde=start + datetime.timedelta(hours=1),
        herhaling="FREQ=WEEKLY",
        capaciteit=10,
        status=Activiteit.Status.GEPUBLICEERD,
        ontmoetplek="Sportpark",
    )
    activiteit.organisaties.set([OrganisatieFactory()])
    moment = momenten(activiteit, timezone.now(), timezone.now() + datetime.timedelta(days=8))[0]
    bijeenkomst = services.bijeenkomst_voor(moment)
    bijeenkomsten_services.aanmelden(bijeenkomst, naam="Anna", email="anna@example.nl")
    return activiteit, bijeenkomst


def bewaar_in_beheer(client, activiteit, **wijzigingen):
    client.force_login(GebruikerFactory(groepen=[REDACTEUREN]))
    pad = f"/admin/activiteiten/activiteit/{activiteit.pk}/change/"
    html = client.get(pad).content.decode()
    # Only the change form, not the logout form in the header.
    formulier = re.search(r'<form[^>]*id="activiteit_form".*?</form>', html, re.S).group(0)
    data = Formulier(formulier).data
    # A multiple select with nothing chosen sends nothing.
    for veld in ("themas", "doelgroepen"):
        if not data.get(veld):
            data.pop(veld, None)
    data.pop("csrfmiddlewaretoken", None)
    data.update(wijzigingen)
    response = client.post(pad, data)
    fouten = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S)
    assert response.status_code == 302, fouten
    return client.get(response["Location"]).content.decode()


def test_later_gezet_in_het_beheer_verplaatst_de_aanmeldingen(
    client, aangemeld, django_capture_on_commit_callbacks
):
    activiteit, bijeenkomst = aangemeld
    UitgaandeEmail.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        pagina = bewaar_in_beheer(client, activiteit, start_1="11:00:00", einde_1="12:00:00")
    assert "1 keer verplaatst" in pagina
    bijeenkomst.refresh_from_db()
    assert timezone.localtime(bijeenkomst.start, AMSTERDAM).hour == 11
    assert bijeenkomst.aanmeldingen.get().status == "bevestigd"
    # The registrants hear it from the worker (activiteiten.tasks.meld_nieuwe_tijd).
    assert ProcrastinateJob.objects.filter(task_name__endswith="meld_nieuwe_tijd").exists()


def test_uitzondering_in_het_beheer_zegt_die_keer_af_met_mail(client, aangemeld):
    activiteit, bijeenkomst = aangemeld
    UitgaandeEmail.objects.all().delete()
    dag = timezone.localtime(bijeenkomst.start, AMSTERDAM).date()
    pagina = bewaar_in_beheer(client, activiteit, uitzonderingen=dag.isoformat())
    assert "1 keer afgezegd" in pagina
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD
    email = UitgaandeEmail.objects.get()
    assert email.aan == "anna@example.nl"
    assert email.onderwerp == "Activiteit gaat deze keer niet door: Wandelvoetbal"
