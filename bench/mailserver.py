#!/usr/bin/env python
"""A registration and cancelling a meeting of 200 attendees, with a mail server that hangs.

    .venv/bin/python bench/mailserver.py             # about half a minute
    .venv/bin/python bench/mailserver.py --deelnemers 500

The mail server here accepts connections and never answers (tests/hangende_mailserver.py),
with EMAIL_TIMEOUT=10 as in production. gunicorn runs in production mode against the bench's
own database, without a worker: the requests must not depend on one. It times 20 public
registrations one after another, then a beheerder cancelling a published meeting of 200
attendees in the admin (the action "annuleren en deelnemers mailen"), and counts the
connections the mail server received during those requests. Target: every request < 1 s,
and 0 connections. Exits non-zero when a target is missed.
"""

import argparse
import re
import statistics
import sys
import tempfile
import time
import urllib.parse
import uuid
from http.cookies import SimpleCookie
from pathlib import Path

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))
sys.path.insert(0, str(BASIS / "bench"))

import aanmelden as registratie  # noqa: E402 - bench/aanmelden.py: server helpers
import server  # noqa: E402

from tests.hangende_mailserver import HangendeMailserver  # noqa: E402

STANDAARD_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/netwerk_bench_aanmelden"
REDIS_URL = "redis://127.0.0.1:6379/2"
DOEL_SECONDEN = 1.0


def koekjes(headers):
    cookies = SimpleCookie()
    for waarde in headers.get_all("Set-Cookie") or []:
        cookies.load(waarde)
    return {naam: m.value for naam, m in cookies.items()}


def token_uit(inhoud: bytes) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', inhoud)[1].decode()


def inloggen(poort, gebruikersnaam, wachtwoord) -> dict:
    status, headers, inhoud = registratie.verzoek(poort, "GET", "/admin/login/")
    cookies = koekjes(headers)
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token_uit(inhoud),
            "username": gebruikersnaam,
            "password": wachtwoord,
            "next": "/admin/",
        }
    )
    status, headers, _ = registratie.verzoek(
        poort,
        "POST",
        "/admin/login/",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken']}",
        },
    )
    assert status == 302, f"inloggen mislukt: {status}"
    cookies.update(koekjes(headers))
    return cookies


def annuleren_in_admin(poort, cookies, bijeenkomst_id) -> tuple[float, int]:
    koek = "; ".join(f"{k}={v}" for k, v in cookies.items())
    pad = "/admin/bijeenkomsten/bijeenkomst/"
    status, _, inhoud = registratie.verzoek(poort, "GET", pad, headers={"Cookie": koek})
    assert status == 200, status
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token_uit(inhoud),
            "action": "annuleer",
            "_selected_action": bijeenkomst_id,
        }
    )
    begin = time.perf_counter()
    status, _, _ = registratie.verzoek(
        poort,
        "POST",
        pad,
        body,
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": koek},
    )
    return time.perf_counter() - begin, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=STANDAARD_DATABASE_URL)
    parser.add_argument("--deelnemers", type=int, default=200)
    parser.add_argument("--aanmeldingen", type=int, default=20)
    args = parser.parse_args()

    mailserver = HangendeMailserver()
    env = server.omgeving(
        args.database_url,
        REDIS_URL,
        AANMELDEN_LIMIET_PER_UUR="100000",
        EMAIL_URL=f"smtp://127.0.0.1:{mailserver.poort}",
        EMAIL_TIMEOUT="10",
        # The documented switch: this script logs in with a password only.
        TWEE_FACTOR_VERPLICHT="false",
    )
    server.maak_database_als_nodig(args.database_url)
    registratie.manage(env, "migrate", "--no-input", "-v0")
    registratie.collectstatic_als_nodig(env)
    registratie.django_opzetten(env)

    from django.contrib.auth import get_user_model

    from bijeenkomsten import services
    from bijeenkomsten.models import Bijeenkomst

    publiek = registratie.maak_bijeenkomst(args.aanmeldingen + 10)
    groot = registratie.maak_bijeenkomst(args.deelnemers)
    for i in range(args.deelnemers):
        services.aanmelden(
            groot, naam=f"Deelnemer {i}", email=f"groot{i}@{registratie.E_MAILDOMEIN}"
        )
    wachtwoord = uuid.uuid4().hex
    naam = f"bench-{uuid.uuid4().hex[:8]}"
    beheerder = get_user_model().objects.create_superuser(naam, f"{naam}@example.invalid")
    beheerder.set_password(wachtwoord)
    beheerder.save()
    poort = registratie.vrije_poort()
    try:
        with tempfile.TemporaryFile("w+") as log:
            proces = server.start(env, poort, workers=2, log=log, pad=publiek.get_absolute_url())
            try:
                verbindingen_voor = mailserver.aantal_verbindingen
                pad = publiek.get_absolute_url()
                cookie, token = registratie.csrf(poort, pad)
                tijden, statussen = [], []
                for nummer in range(args.aanmeldingen):
                    begin = time.perf_counter()
                    statussen.append(registratie.aanmelden(poort, pad, cookie, token, nummer))
                    tijden.append(time.perf_counter() - begin)
                cookies = inloggen(poort, naam, wachtwoord)
                annuleer_tijd, annuleer_status = annuleren_in_admin(poort, cookies, groot.pk)
                verbindingen = mailserver.aantal_verbindingen - verbindingen_voor
            finally:
                server.stop(proces)
        groot.refresh_from_db()
        print(f"Mailserver: 127.0.0.1:{mailserver.poort}, accepteert en antwoordt nooit")
        print(
            f"{args.aanmeldingen} aanmeldingen na elkaar: mediaan "
            f"{statistics.median(tijden) * 1000:.0f} ms, max {max(tijden) * 1000:.0f} ms, "
            f"statussen {sorted(set(statussen))}"
        )
        print(
            f"Bijeenkomst met {args.deelnemers} deelnemers annuleren in de admin: "
            f"{annuleer_tijd * 1000:.0f} ms, status {annuleer_status}, "
            f"nu {groot.get_status_display().lower()}"
        )
        print(f"Verbindingen met de mailserver tijdens deze verzoeken: {verbindingen}")
        gehaald = (
            max(tijden) < DOEL_SECONDEN
            and annuleer_tijd < DOEL_SECONDEN
            and set(statussen) == {"302"}
            and annuleer_status == 302
            and groot.status == Bijeenkomst.Status.GEANNULEERD
            and verbindingen == 0
        )
        print("Doel gehaald" if gehaald else "DOEL NIET GEHAALD")
        return 0 if gehaald else 1
    finally:
        registratie.opruimen(publiek)
        registratie.opruimen(groot)
        beheerder.delete()
        mailserver.stop()


if __name__ == "__main__":
    sys.exit(main())
