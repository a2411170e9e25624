#!/usr/bin/env python
"""500 parallel registrations for 100 places through gunicorn. Target: exactly 100 / 400 / 0.

    .venv/bin/python bench/aanmelden.py              # about half a minute
    .venv/bin/python bench/aanmelden.py --aantal 1000 --gelijktijdig 100

Starts gunicorn on 127.0.0.1 in production mode (DEBUG=false, WhiteNoise manifest storage,
Redis cache in database 2, flushed first) against its own database (created and migrated
when needed), publishes a meeting with 100 places and posts the public registration form
500 times from many threads at once, each with its own e-mail address, as real browsers
would: with the CSRF cookie and form token from one GET of the page. Then it counts in the
database who got a place and who is on the waiting list, and counts every answer that is
not the redirect to a personal link as an error. It prints those, the elapsed time and the
throughput, and exits non-zero unless the result is exactly 100 confirmed, 400 waiting and
0 errors.

All requests come from one address, so the rate limit is raised for this run; e-mail goes
to Django's dummy backend (the outbox still stores every message, as in production).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, wait
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))

import server  # noqa: E402 - bench/server.py, next to this script

HOST = "127.0.0.1"
STANDAARD_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/netwerk_bench_aanmelden"
REDIS_URL = "redis://127.0.0.1:6379/2"
E_MAILDOMEIN = "bench-aanmelden.invalid"
# Hard bounds on everything that waits.
START_TIMEOUT = 60
VERZOEK_TIMEOUT = 30
MAX_DUUR = 180


def manage(env: dict, *argumenten: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *argumenten], cwd=BASIS, env=env, check=True, timeout=300
    )


def collectstatic_als_nodig(env: dict) -> None:
    """DEBUG=false renders {% static %} through the manifest, which collectstatic writes."""
    manifest = BASIS / "staticfiles" / "staticfiles.json"
    nieuwste = max(p.stat().st_mtime for p in (BASIS / "static").rglob("*") if p.is_file())
    if manifest.exists() and manifest.stat().st_mtime >= nieuwste:
        return
    print("collectstatic (WhiteNoise-manifest voor DEBUG=false)")
    manage(env, "collectstatic", "--no-input", "-v0")


def django_opzetten(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()


def maak_bijeenkomst(capaciteit: int):
    import datetime

    from django.utils import timezone

    from bijeenkomsten.models import Bijeenkomst

    start = timezone.now() + datetime.timedelta(days=30)
    code = uuid.uuid4().hex[:8]
    return Bijeenkomst.objects.create(
        titel=f"Benchmark aanmelden {code}",
        slug=f"bench-aanmelden-{code}",
        omschrijving="Gemaakt door bench/aanmelden.py; wordt na afloop verwijderd.",
        start=start,
        einde=start + datetime.timedelta(hours=3),
        capaciteit=capaciteit,
        status=Bijeenkomst.Status.GEPUBLICEERD,
        adres="Stadhuis",
    )


def opruimen(bijeenkomst) -> None:
    from netwerk.models import UitgaandeEmail

    bijeenkomst.delete()
    UitgaandeEmail.objects.filter(aan__endswith=f"@{E_MAILDOMEIN}").delete()


# --- Server ---------------------------------------------------------------------------------


def vrije_poort() -> int:
    import socket

    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def verzoek(poort, methode, pad, body=None, headers=None):
    verbinding = HTTPConnection(HOST, poort, timeout=VERZOEK_TIMEOUT)
    try:
        verbinding.request(methode, pad, body=body, headers=headers or {})
        response = verbinding.getresponse()
        return response.status, response.headers, response.read()
    finally:
        verbinding.close()


def csrf(poort: int, pad: str) -> tuple[str, str]:
    """The CSRF cookie and form token a browser gets from the meeting's page."""
    status, headers, inhoud = verzoek(poort, "GET", pad)
    assert status == 200, status
    cookies = SimpleCookie()
    for waarde in headers.get_all("Set-Cookie") or []:
        cookies.load(waarde)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', inhoud)[1].decode()
    return cookies["csrftoken"].value, token


def aanmelden(poort, pad, cookie, token, nummer) -> str:
    """One registration; returns the HTTP status, or the name of the failure."""
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "naam": f"Deelnemer {nummer}",
            "email": f"deelnemer{nummer}@{E_MAILDOMEIN}",
            "organisatie_naam": "Buurtwerk",
            "functie": "Opbouwwerker",
            "privacy": "on",
        }
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
    }
    try:
        return str(verzoek(poort, "POST", pad, body, headers)[0])
    except OSError as fout:
        return type(fout).__name__


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=STANDAARD_DATABASE_URL)
    parser.add_argument("--aantal", type=int, default=500, help="aanmeldingen")
    parser.add_argument("--capaciteit", type=int, default=100)
    parser.add_argument("--gelijktijdig", type=int, default=64, help="verzoeken tegelijk")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8, help="threads per worker")
    args = parser.parse_args()

    env = server.omgeving(
        args.database_url,
        REDIS_URL,
        AANMELDEN_LIMIET_PER_UUR="100000",  # every request comes from one address
        EMAIL_URL="dummymail://",
    )
    server.maak_database_als_nodig(args.database_url)
    manage(env, "migrate", "--no-input", "-v0")
    collectstatic_als_nodig(env)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    django_opzetten(env)
    bijeenkomst = maak_bijeenkomst(args.capaciteit)
    pad = bijeenkomst.get_absolute_url()
    poort = vrije_poort()
    try:
        with tempfile.TemporaryFile("w+") as log:
            proces = server.start(
                env,
                poort,
                workers=args.workers,
                klasse="gthread",
                threads=args.threads,
                backlog=512,
                log=log,
                pad=pad,
            )
            try:
                antwoorden, duur, klaar = belast(args, poort, pad)
            finally:
                server.stop(proces)
            log.seek(0)
            serverlog = log.read()
        return verslag(args, bijeenkomst, antwoorden, duur, klaar, serverlog)
    finally:
        opruimen(bijeenkomst)


def belast(args, poort: int, pad: str):
    """Post all registrations, ``gelijktijdig`` at a time; the answers, seconds, finished."""
    cookie, token = csrf(poort, pad)
    print(
        f"{args.aantal} aanmeldingen voor {args.capaciteit} plaatsen, {args.gelijktijdig} "
        f"tegelijk, gunicorn {args.workers} workers x {args.threads} threads"
    )
    begin = time.monotonic()
    with ThreadPoolExecutor(max_workers=args.gelijktijdig) as pool:
        taken = [
            pool.submit(aanmelden, poort, pad, cookie, token, nummer)
            for nummer in range(args.aantal)
        ]
        klaar, niet_klaar = wait(taken, timeout=MAX_DUUR)
        for taak in niet_klaar:
            taak.cancel()
    duur = time.monotonic() - begin
    antwoorden = Counter(taak.result() for taak in klaar)
    antwoorden["niet op tijd"] += len(niet_klaar)
    return antwoorden, duur, len(klaar)


def verslag(args, bijeenkomst, antwoorden, duur, klaar, serverlog) -> int:
    from bijeenkomsten.models import Aanmelding

    statussen = Counter(bijeenkomst.aanmeldingen.values_list("status", flat=True))
    bevestigd = statussen[Aanmelding.Status.BEVESTIGD]
    wachtlijst = statussen[Aanmelding.Status.WACHTLIJST]
    fouten = sum(aantal for status, aantal in antwoorden.items() if status != "302")
    print(f"bevestigd:   {bevestigd}")
    print(f"wachtlijst:  {wachtlijst}")
    print(f"fouten:      {fouten}")
    if fouten:
        soorten = ", ".join(f"{s}: {n}" for s, n in sorted(antwoorden.items()) if s != "302" and n)
        print(f"             ({soorten})")
        print(serverlog[-3000:])
    print(f"tijd:        {duur:.1f} s")
    print(f"doorvoer:    {klaar / duur:.0f} aanmeldingen per seconde")

    verwacht = (args.capaciteit, args.aantal - args.capaciteit, 0)
    if (bevestigd, wachtlijst, fouten) != verwacht:
        print("NIET GOED: verwacht {} / {} / {}".format(*verwacht))
        return 1
    print("GOED: {} / {} / {}".format(*verwacht))
    return 0


if __name__ == "__main__":
    sys.exit(main())
