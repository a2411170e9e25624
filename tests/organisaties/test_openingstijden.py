"""Today's opening state on a result card, in Maassluis' local time."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from organisaties.openingstijden import Stand, vandaag

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Monday 2 March 2026 (winter time, UTC+1) and Monday 6 July 2026 (summer time, UTC+2).
MAANDAG = datetime.date(2026, 3, 2)
ZOMERMAANDAG = datetime.date(2026, 7, 6)


def tijd(tekst):
    return datetime.time.fromisoformat(tekst)


def open_op(dag, van, tot):
    return SimpleNamespace(dag=dag, van=tijd(van), tot=tijd(tot))


def om(uur, datum=MAANDAG):
    """An aware moment at this local time; handed over in UTC, as the server keeps it."""
    moment = datetime.datetime.combine(datum, tijd(uur), tzinfo=AMSTERDAM)
    return moment.astimezone(datetime.UTC)


def test_open_zegt_tot_hoe_laat():
    stand = vandaag([open_op(1, "09:00", "16:00")], om("10:30"))
    assert stand.stand == Stand.OPEN and stand.tekst == "Vandaag open tot 16:00"


def test_voor_opening_zegt_hoe_laat_het_opent():
    stand = vandaag([open_op(1, "13:00", "17:00")], om("08:15"))
    assert stand.stand == Stand.OPENT_NOG and "13:00" in stand.tekst


def test_na_sluiting_nu_gesloten():
    stand = vandaag([open_op(1, "09:00", "16:00")], om("16:00"))
    assert stand.stand == Stand.NU_GESLOTEN and stand.tekst == "Nu gesloten"


def test_dag_zonder_openingstijd_is_vandaag_gesloten():
    stand = vandaag([open_op(2, "09:00", "16:00"), open_op(3, "09:00", "16:00")], om("10:00"))
    assert stand.stand == Stand.VANDAAG_GESLOTEN and stand.tekst == "Vandaag gesloten"


def test_zonder_openingstijden_zegt_de_kaart_niets():
    assert vandaag([], om("10:00")) is None


def test_middagpauze_tussen_twee_periodes():
    tijden = [open_op(1, "13:00", "17:00"), open_op(1, "09:00", "12:00")]
    assert vandaag(tijden, om("11:59")).tekst == "Vandaag open tot 12:00"
    assert vandaag(tijden, om("12:30")).tekst == "Opent vandaag om 13:00"
    assert vandaag(tijden, om("13:00")).tekst == "Vandaag open tot 17:00"
    assert vandaag(tijden, om("17:30")).stand == Stand.NU_GESLOTEN


def test_aansluitende_of_overlappende_periodes_van_twee_locaties_tellen_als_een():
    tijden = [
        open_op(1, "09:00", "12:00"),
        open_op(1, "12:00", "14:00"),
        open_op(1, "11:00", "16:00"),
    ]
    assert vandaag(tijden, om("09:30")).tekst == "Vandaag open tot 16:00"


def test_rond_middernacht_telt_de_lokale_dag_niet_die_van_utc():
    # 00:30 on Tuesday in Maassluis is still Monday 22:30 in UTC (summer time).
    dinsdag_nacht = om("00:30", ZOMERMAANDAG + datetime.timedelta(days=1))
    assert dinsdag_nacht.date() == ZOMERMAANDAG  # the server's UTC date is Monday
    tijden = [open_op(1, "20:00", "23:59"), open_op(2, "09:00", "12:00")]
    assert vandaag(tijden, dinsdag_nacht).tekst == "Opent vandaag om 09:00"


def test_tot_vlak_voor_middernacht_is_open_tot_het_eind():
    tijden = [open_op(7, "18:00", "23:59")]
    zondag = MAANDAG - datetime.timedelta(days=1)
    assert vandaag(tijden, om("23:58", zondag)).tekst == "Vandaag open tot 23:59"
    assert vandaag(tijden, om("23:59", zondag)).stand == Stand.NU_GESLOTEN


@pytest.mark.parametrize("datum", [MAANDAG, ZOMERMAANDAG])
def test_lokale_tijd_in_winter_en_zomer(datum):
    assert vandaag([open_op(1, "09:00", "10:00")], om("09:30", datum)).stand == Stand.OPEN
