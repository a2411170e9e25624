"""Two workers pick up the same signal at the same moment: the reporter gets one e-mail."""

import threading

import pytest
from django.db import connection

from netwerk.models import UitgaandeEmail
from signalen import services
from signalen.models import SignaalGebeurtenis

pytestmark = pytest.mark.django_db(transaction=True)


def test_tegelijk_opgepakt_geeft_een_mail_en_een_statusregel(rollen, signaal):
    start = threading.Barrier(2)
    fouten = []

    def oppakken(gebruiker):
        try:
            start.wait(timeout=10)
            services.wijzig_status(signaal, "opgepakt", gebruiker)
        except Exception as fout:  # noqa: BLE001 - reported below
            fouten.append(fout)
        finally:
            connection.close()

    draden = [
        threading.Thread(target=oppakken, args=(rollen[rol],))
        for rol in ("eigen_team", "beheerder")
    ]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=30)

    assert fouten == []
    assert UitgaandeEmail.objects.count() == 1
    assert SignaalGebeurtenis.objects.filter(soort="status").count() == 1
