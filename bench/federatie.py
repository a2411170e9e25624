"""Import a large neighbour's feed: time and memory of the regional kaart's import.

    .venv/bin/python bench/federatie.py                    # 10,000 organisations
    .venv/bin/python bench/federatie.py --aantal 2000      # smaller
    .venv/bin/python bench/federatie.py --tracemalloc      # Python's own peak as well (slower)

A local HTTP server (a thread of this process, 127.0.0.1, random port) serves a generated
HSDS 3 feed: ``--aantal`` organisations with 1 to 3 services each, a location with opening
hours, a soort and themes; ``/services?page=&per_page=`` as our own API serves it. The import
is the production path (federatie.lees_bron: the HTTP reader with its limits, schema
validation, the database writes, the duplicate check). Three runs: the first full import into
an empty feed, a second full run with nothing changed, and an incremental run.

The feed is made and served by a child process (forked), so that the peak memory reported
(``ru_maxrss``) is that of the importing process alone, not of the feed's 90 MB of JSON.

Its own database, BENCH_FEDERATIE_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/netwerk_bench_federatie; the name must contain ``bench``),
created and migrated when missing; the feed's rows are removed first, so every run starts
from an empty feed.
"""

import argparse
import json
import multiprocessing
import os
import random
import resource
import sys
import time
import tracemalloc
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))

import server  # noqa: E402 - bench/server.py, next to this script

STANDAARD_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/netwerk_bench_federatie"
ZAAD = 20261123
PLAATSEN = [("Vlaardingen", "3131", 51.912, 4.341), ("Schiedam", "3111", 51.919, 4.399)]
SOORTEN = ["welzijnspartner", "vrijwilligersorganisatie", "zorginstelling", "belangenvereniging"]
THEMAS = ["armoede-en-schulden", "eenzaamheid", "mantelzorg", "jeugd-en-gezin", "wonen"]
DOELGROEPEN = ["ouderen", "jeugd", "mantelzorgers", "volwassenen"]


def organisaties(aantal: int, zaad: int):
    """Organisations in the shape of demodata.ORGANISATIES (what demo_regio writes as HSDS)."""
    toeval = random.Random(zaad)  # noqa: S311 - test data, not security
    for n in range(aantal):
        plaats, pc4, lat, lon = toeval.choice(PLAATSEN)
        themas = toeval.sample(THEMAS, 2)
        yield {
            "slug": f"bench-{n}",
            "naam": f"{toeval.choice(['Stichting', 'Buurthuis', 'Steunpunt'])} Regio {n}",
            "soort": toeval.choice(SOORTEN),
            "omschrijving": "Helpt inwoners in de regio met " + " en ".join(themas) + ". " * 20,
            "website": f"https://regio-{n}.example.nl",
            "email": f"info@regio-{n}.example.nl",
            "telefoon": "010 123 45 67",
            "themas": themas,
            "locaties": [
                (
                    "",
                    f"Hoofdstraat {n % 300 + 1}",
                    f"{pc4} {chr(65 + n % 26)}{chr(65 + n // 26 % 26)}",
                    plaats,
                    lat + toeval.uniform(-0.02, 0.02),
                    lon + toeval.uniform(-0.02, 0.02),
                    None,
                    toeval.random() < 0.5,
                    "Drempelvrije ingang.",
                    [(dag, "09:00", "17:00", "") for dag in range(1, 6)],
                )
            ],
            "aanbod": [
                (
                    f"Aanbod {k} van {n}",
                    "Wat inwoners hier krijgen. " * 5,
                    themas[:1],
                    toeval.sample(DOELGROEPEN, 2),
                    "gratis",
                    "",
                    "Bel of loop binnen.",
                )
                for k in range(toeval.randint(1, 3))
            ],
        }


class Feed:
    """Serves the generated services page by page; ``modified_after`` gets nothing new."""

    def __init__(self, diensten):
        self.diensten = diensten
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                pagina = int(query["page"][0])
                per_pagina = int(query["per_page"][0])
                alle = [] if "modified_after" in query else feed.diensten
                inhoud = alle[(pagina - 1) * per_pagina : pagina * per_pagina]
                paginas = max(1, -(-len(alle) // per_pagina))
                data = json.dumps(
                    {
                        "total_items": len(alle),
                        "total_pages": paginas,
                        "page_number": pagina,
                        "size": len(inhoud),
                        "first_page": pagina == 1,
                        "last_page": pagina >= paginas,
                        "empty": not inhoud,
                        "contents": inhoud,
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v1/"


def _serveer_feed(aantal, namen, verbinding):
    """In the child process: make the feed, report its address and size, serve for good."""
    from organisaties.demo_regio import diensten

    feed = Feed([d for o in organisaties(aantal, ZAAD) for d in diensten("Benchstad", o, namen)])
    grootte = len(json.dumps(feed.diensten).encode()) / 1e6
    verbinding.send((feed.url, len(feed.diensten), grootte, piek_mb()))
    verbinding.close()
    feed.server.serve_forever()


def piek_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--aantal", type=int, default=10_000, help="organisaties in de feed")
    parser.add_argument("--tracemalloc", action="store_true", help="ook de piek van Python")
    args = parser.parse_args()

    url = os.environ.get("BENCH_FEDERATIE_DATABASE_URL", STANDAARD_DATABASE_URL)
    naam = urlsplit(url).path.lstrip("/")
    if "bench" not in naam:
        sys.exit(f"De database {naam!r} moet 'bench' in de naam hebben.")
    server.maak_database_als_nodig(url)
    os.environ["DATABASE_URL"] = url
    os.environ["REDIS_URL"] = ""
    # The production budget (600 s a run) would cut a first import of this size short.
    os.environ.setdefault("FEDERATIE_TIJDSBUDGET", "14400")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netwerk.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    from netwerk import inhoudsversie
    from organisaties import demodata, federatie, signals, zoekindex
    from organisaties.geschiedenis import zonder_geschiedenis
    from organisaties.models import Doelgroep, Regiobron, Soort, Thema

    call_command("migrate", verbosity=0, interactive=False)
    demodata._termen(Thema, [(s, n, o) for s, n, o in demodata.THEMAS])
    demodata._termen(Doelgroep, [(s, n, "") for s, n in demodata.DOELGROEPEN])
    demodata._termen(Soort, [(s, n, "") for s, n in demodata.SOORTEN])
    begin = time.perf_counter()
    with (
        inhoudsversie.uitgesteld(),
        zoekindex.uitgesteld(),
        signals.gebundeld(),
        zonder_geschiedenis(),
    ):
        Regiobron.objects.filter(naam="Benchstad").delete()
    print(f"Oude feed verwijderd in {time.perf_counter() - begin:.1f} s", flush=True)

    namen = {m: dict(m.objects.values_list("slug", "naam")) for m in (Thema, Doelgroep, Soort)}
    print(f"Feed maken: {args.aantal} organisaties ...", flush=True)
    connections.close_all()  # the child must not share this process's connection
    ontvanger, zender = multiprocessing.Pipe(duplex=False)
    kind = multiprocessing.get_context("fork").Process(
        target=_serveer_feed, args=(args.aantal, namen, zender), daemon=True
    )
    kind.start()
    feed_url, aantal_diensten, grootte, feed_mb = ontvanger.recv()
    print(
        f"{aantal_diensten} diensten, {grootte:.0f} MB JSON (feedproces {feed_mb:.0f} MB)",
        flush=True,
    )
    bron = Regiobron.objects.create(naam="Benchstad", url=feed_url)
    basis_mb = piek_mb()

    rijen = []
    for label, volledig in (
        ("eerste import (volledig)", True),
        ("niets gewijzigd (volledig)", True),
        ("alleen wijzigingen", False),
    ):
        if args.tracemalloc:
            tracemalloc.start()
        begin = time.perf_counter()
        uitslag = federatie.lees_bron(bron, volledig=volledig)
        duur = time.perf_counter() - begin
        python_mb = tracemalloc.get_traced_memory()[1] / 1e6 if args.tracemalloc else None
        if args.tracemalloc:
            tracemalloc.stop()
        rijen.append((label, duur, uitslag, piek_mb(), python_mb))
        print(f"{label}: {duur:.1f} s, {uitslag.aantallen}", flush=True)
        if uitslag.fouten:
            print("fouten:", uitslag.fouten[:3], flush=True)

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        db = cursor.fetchone()[0]
    print()
    print(
        f"{args.aantal} organisaties, {aantal_diensten} diensten ({grootte:.0f} MB JSON, in een "
        f"eigen proces); importerend proces voor het importeren {basis_mb:.0f} MB; database {db}"
    )
    print("| run | s | org/s | nieuw | bijgewerkt | piek RSS MB | piek Python MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, duur, uitslag, piek, python_mb in rijen:
        python = f"{python_mb:.0f}" if python_mb is not None else "-"
        print(
            f"| {label} | {duur:.1f} | {args.aantal / duur:.0f} | {uitslag.nieuw} | "
            f"{uitslag.bijgewerkt} | {piek:.0f} | {python} |"
        )
    kind.terminate()


if __name__ == "__main__":
    main()
