#!/usr/bin/env python
"""A burst right after a change: 200 clients on the same 20 pages, just after the content
version was bumped, so every page is cold at once.

    .venv/bin/python bench/genereer.py     # once: the 10,000-organisation database
    .venv/bin/python bench/burst.py        # about half a minute
    .venv/bin/python bench/burst.py --clients 400 --rondes 5

Starts gunicorn (4 sync workers, DEBUG=false) on the bench database with Redis database 1
under a key prefix of its own (nothing is flushed: the keys of this run expire), and per round
bumps the content version (netwerk.inhoudsversie, in this process through the same Redis),
then lets every client send one GET at the same moment. It counts per round how many pages
were computed (responses with ``X-Cache: miss``), served from the cache (``hit``), not cached at
all (no header: a page the page cache does not serve), and errors (status not 200, or no
answer), with latencies.
"""

import argparse
import os
import statistics
import sys
import threading
import time
import uuid
from collections import Counter
from http.client import HTTPConnection
from pathlib import Path

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))
sys.path.insert(0, str(BASIS / "bench"))

import server  # noqa: E402
from belasting import ZOEKOPDRACHTEN, collectstatic, vrije_poort  # noqa: E402
from genereer import STANDAARD_DATABASE_URL  # noqa: E402

HOST = "127.0.0.1"
REDIS_URL = "redis://127.0.0.1:6379/1"
# Hard bounds on everything that waits.
CLIENT_TIMEOUT = 60
MAX_CLIENTS = 1000


def adressen() -> list[str]:
    """20 pages: the home page, the ten searches of belasting.py, two themes, two wijken and
    five organisations."""
    import django

    django.setup()
    from organisaties.models import Organisatie, Thema, Wijk

    themas = Thema.objects.order_by("pk").values_list("slug", flat=True)[:2]
    wijken = Wijk.objects.order_by("pk").values_list("slug", flat=True)[:2]
    organisaties = (
        Organisatie.objects.gepubliceerd().order_by("pk").values_list("slug", flat=True)[:500:100]
    )
    return [
        "/",
        *ZOEKOPDRACHTEN,
        *(f"/themas/{slug}/" for slug in themas),
        *(f"/wijken/{slug}/" for slug in wijken),
        *(f"/organisaties/{slug}/" for slug in organisaties),
    ]


def ronde(poort: int, paden: list[str], clients: int) -> dict:
    """One GET per client, all released at the same moment; what came back."""
    start = threading.Barrier(clients, timeout=CLIENT_TIMEOUT)
    uitkomsten = [None] * clients

    def client(index):
        pad = paden[index % len(paden)]
        verbinding = HTTPConnection(HOST, poort, timeout=CLIENT_TIMEOUT)
        try:
            start.wait()
            begin = time.monotonic()
            verbinding.request("GET", pad)
            antwoord = verbinding.getresponse()
            antwoord.read()
            uitkomsten[index] = (
                pad,
                antwoord.status,
                antwoord.getheader("X-Cache") or "geen",
                (time.monotonic() - begin) * 1000,
            )
        except (OSError, threading.BrokenBarrierError) as fout:
            uitkomsten[index] = (pad, type(fout).__name__, "fout", None)
        finally:
            verbinding.close()

    draden = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=CLIENT_TIMEOUT * 2)
    uitkomsten = [u or ("?", "geen antwoord", "fout", None) for u in uitkomsten]
    tijden = sorted(u[3] for u in uitkomsten if u[3] is not None)
    fouten = sum(1 for u in uitkomsten if u[1] != 200)
    berekend = Counter(u[0] for u in uitkomsten if u[2] == "miss")
    return {
        "soorten": Counter(u[2] for u in uitkomsten if u[1] == 200),
        "fouten": fouten,
        "foutsoorten": Counter(str(u[1]) for u in uitkomsten if u[1] != 200),
        "berekend_per_pagina_max": max(berekend.values(), default=0),
        "p50": statistics.median(tijden) if tijden else None,
        "p99": tijden[int(len(tijden) * 0.99) - 1] if tijden else None,
        "max": tijden[-1] if tijden else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    clients = min(args.clients, MAX_CLIENTS)

    env = server.omgeving(
        os.environ.get("BENCH_DATABASE_URL", STANDAARD_DATABASE_URL),
        REDIS_URL,
        CACHE_KEY_PREFIX=f"burst-{uuid.uuid4().hex[:8]}",
    )
    os.environ.update(env)
    collectstatic(env)
    paden = adressen()
    if len(paden) < 20:
        sys.exit("Te weinig gegevens: draai eerst bench/genereer.py")
    from netwerk.inhoudsversie import inhoud_gewijzigd

    poort = vrije_poort()
    log = BASIS / "bench" / "results" / "gunicorn-burst.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w+") as logbestand:
        proces = server.start(
            env, poort, workers=args.workers, log=logbestand, backlog=max(256, clients)
        )
        print(
            f"gunicorn: {args.workers} workers, {clients} clients tegelijk op {len(paden)} "
            f"pagina's, direct na een nieuwe inhoudsversie; {os.cpu_count()} cores"
        )
        print("| ronde | berekend (miss) | uit cache (hit) | niet gecached | fouten | "
              "max berekend per pagina | p50 ms | p99 ms | max ms |")  # fmt: skip
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        try:
            for nummer in range(1, args.rondes + 1):
                inhoud_gewijzigd()
                u = ronde(poort, paden, clients)
                print(
                    f"| {nummer} | {u['soorten']['miss']} | {u['soorten']['hit']} | "
                    f"{u['soorten']['geen']} | {u['fouten']} | {u['berekend_per_pagina_max']} | "
                    f"{u['p50']:.0f} | {u['p99']:.0f} | {u['max']:.0f} |",
                    flush=True,
                )
                if u["foutsoorten"]:
                    print(f"  fouten: {dict(u['foutsoorten'])}")
        finally:
            server.stop(proces)
    print(f"\ngunicorn-log: {log}")


if __name__ == "__main__":
    main()
