"""When an activity happens: repeating rules, exceptions, and summer time in Amsterdam."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from activiteiten.herhaling import AMSTERDAM, beschrijving, controleer_regel, momenten
from activiteiten.models import Activiteit, Uitzonderingsperiode


def om(jaar, maand, dag, uur, minuut=0):
    return datetime.datetime(jaar, maand, dag, uur, minuut, tzinfo=AMSTERDAM)


def activiteit(start, einde, herhaling="", uitzonderingen=()):
    return Activiteit(
        titel="Bakkie doen",
        slug="bakkie-doen",
        start=start,
        einde=einde,
        herhaling=herhaling,
        uitzonderingen=list(uitzonderingen),
    )


def lokaal(moment):
    return moment.start.astimezone(AMSTERDAM)


def test_wekelijks_blijft_om_tien_uur_na_het_einde_van_de_zomertijd():
    # The clocks go back on Sunday 25 October 2026.
    a = activiteit(om(2026, 10, 6, 10), om(2026, 10, 6, 12), "FREQ=WEEKLY")
    lijst = momenten(a, om(2026, 10, 1, 0), om(2026, 11, 4, 0), [])
    assert [lokaal(m).day for m in lijst] == [6, 13, 20, 27, 3]
    assert {(lokaal(m).hour, lokaal(m).minute) for m in lijst} == {(10, 0)}
    assert {m.einde.astimezone(AMSTERDAM).hour for m in lijst} == {12}
    # In UTC the time moved an hour: that is what keeps 10:00 at 10:00 for residents.
    assert [m.start.astimezone(datetime.UTC).hour for m in lijst] == [8, 8, 8, 9, 9]


def test_wekelijks_blijft_om_tien_uur_na_het_begin_van_de_zomertijd():
    # The clocks go forward on Sunday 29 March 2026.
    a = activiteit(om(2026, 3, 2, 10), om(2026, 3, 2, 11), "FREQ=WEEKLY")
    lijst = momenten(a, om(2026, 3, 20, 0), om(2026, 4, 10, 0), [])
    assert [(lokaal(m).month, lokaal(m).day, lokaal(m).hour) for m in lijst] == [
        (3, 23, 10),
        (3, 30, 10),
        (4, 6, 10),
    ]
    assert [m.start.astimezone(datetime.UTC).hour for m in lijst] == [9, 8, 8]


def test_om_de_week_en_eerste_maandag_van_de_maand():
    om_de_week = activiteit(om(2026, 1, 1, 14), om(2026, 1, 1, 16), "FREQ=WEEKLY;INTERVAL=2")
    lijst = momenten(om_de_week, om(2026, 1, 1, 0), om(2026, 2, 1, 0), [])
    assert [lokaal(m).day for m in lijst] == [1, 15, 29]

    maandelijks = activiteit(om(2026, 1, 5, 14), om(2026, 1, 5, 16), "FREQ=MONTHLY;BYDAY=1MO")
    lijst = momenten(maandelijks, om(2026, 1, 1, 0), om(2026, 5, 1, 0), [])
    assert [lokaal(m).date() for m in lijst] == [
        datetime.date(2026, 1, 5),
        datetime.date(2026, 2, 2),
        datetime.date(2026, 3, 2),
        datetime.date(2026, 4, 6),
    ]
    assert beschrijving(maandelijks) == "Elke eerste maandag van de maand"
    assert beschrijving(om_de_week) == "Om de week op donderdag"


def test_uitzonderingen_losse_dagen_en_de_zomervakantie_vallen_weg():
    a = activiteit(
        om(2026, 6, 2, 10),
        om(2026, 6, 2, 12),
        "FREQ=WEEKLY",
        uitzonderingen=[datetime.date(2026, 6, 9)],
    )
    zomer = Uitzonderingsperiode(
        naam="Zomervakantie", van=datetime.date(2026, 7, 18), tot=datetime.date(2026, 8, 30)
    )
    lijst = momenten(a, om(2026, 6, 1, 0), om(2026, 9, 10, 0), [zomer])
    datums = [lokaal(m).date() for m in lijst]
    assert datetime.date(2026, 6, 9) not in datums
    assert datetime.date(2026, 7, 14) in datums  # the last Tuesday before the holiday
    assert not [d for d in datums if zomer.van <= d <= zomer.tot]
    assert datums[-2:] == [datetime.date(2026, 9, 1), datetime.date(2026, 9, 8)]


def test_tot_een_datum_en_niets_daarna():
    a = activiteit(om(2026, 1, 6, 10), om(2026, 1, 6, 12), "FREQ=WEEKLY;UNTIL=20260120")
    lijst = momenten(a, om(2026, 1, 1, 0), om(2026, 12, 31, 0), [])
    assert [lokaal(m).day for m in lijst] == [6, 13]  # UNTIL at midnight: the 20th is out


def test_voorbij_is_weg_maar_wat_nu_bezig_is_blijft():
    a = activiteit(om(2026, 1, 6, 10), om(2026, 1, 6, 12), "FREQ=WEEKLY")
    nu = om(2026, 1, 13, 11)  # during the second time
    lijst = momenten(a, nu, nu + datetime.timedelta(days=8), [])
    assert [lokaal(m).day for m in lijst] == [13, 20]

    eenmalig = activiteit(om(2026, 1, 6, 10), om(2026, 1, 6, 12))
    assert momenten(eenmalig, om(2026, 1, 6, 12, 1), om(2026, 2, 1, 0), []) == []
    assert len(momenten(eenmalig, om(2026, 1, 6, 11), om(2026, 2, 1, 0), [])) == 1


@pytest.mark.parametrize(
    "regel",
    [
        "FREQ=SECONDLY",
        "FREQ=HOURLY",
        "FREQ=DAILY;BYHOUR=1,2,3",
        "FREQ=WEEKLY;BYMINUTE=5",
        "onzin",
        "FREQ=WEEKLY\nDTSTART:20200101T000000",
        "",
    ],
)
def test_onbekende_of_te_drukke_regels_worden_geweigerd(regel):
    with pytest.raises(ValidationError) as fout:
        controleer_regel(regel)
    assert "begrijpen we niet" in str(fout.value)


def test_regel_wordt_netjes_gemaakt():
    assert controleer_regel(" rrule:freq=weekly;interval=2; ") == "FREQ=WEEKLY;INTERVAL=2"
    assert controleer_regel("FREQ=WEEKLY;UNTIL=20271231T000000Z") == (
        "FREQ=WEEKLY;UNTIL=20271231T000000"
    )


def test_een_ongeldige_opgeslagen_regel_geeft_geen_fout_maar_niets():
    a = activiteit(om(2026, 1, 6, 10), om(2026, 1, 6, 12), "FREQ=KAPOT")
    assert momenten(a, om(2026, 1, 1, 0), om(2026, 2, 1, 0), []) == []
