#!/usr/bin/env python
"""Load test of the open data API (HSDS) next to the organisation list, on gunicorn.

    .venv/bin/python bench/genereer.py    # once: the 10,000-organisation database
    .venv/bin/python bench/api.py         # about four minutes
    .venv/bin/python bench/api.py --alleen "services" --duur 5

The same server, clients and measurements as belasting.py (gunicorn with 4 sync workers,
DEBUG=false, Redis cache in database 1, 32 concurrent clients, the baseline measured again
before every page), for these pages:

- ``lijst``: the organisation list of belasting.py, for comparison.
- ``services``: ``/api/v1/services?per_page=50``, the page a harvesting site asks for.
- ``services zoeken``, ``services p.100``, ``services full``: with ``search=schuld``, deep
  in the paging (page 100 of about 560), and fully nested.
- ``sal``, ``sal nabij``: ``/api/v1/service_at_locations?per_page=50``, and within 1 km of
  postcode 3142.

``koud`` adds a unique ``b=`` parameter to every request (the API ignores parameters it does
not know), so the page cache always misses; ``warm`` repeats the URL. At the end the CSV file
of the whole directory is fetched once cold and ten times from the cache, and the SQL queries
of every page are counted in this process, on a cache miss and a hit.
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import time
import urllib.request
from pathlib import Path

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))
sys.path.insert(0, str(BASIS / "bench"))

import belasting  # noqa: E402
import server  # noqa: E402
from genereer import STANDAARD_DATABASE_URL  # noqa: E402

HOST = belasting.HOST
REDIS_URL = belasting.REDIS_URL

SERVICES = "/api/v1/services?per_page=50"
PAGINAS = {
    "lijst": belasting.LIJST,
    "services": SERVICES,
    "services zoeken": SERVICES + "&search=schuld",
    "services p.100": SERVICES + "&page=100",
    "services full": SERVICES + "&full=true",
    "sal": "/api/v1/service_at_locations?per_page=50",
    "sal nabij": "/api/v1/service_at_locations?per_page=50&postcode=3142&proximity=1000",
}
METINGEN = [
    ("lijst, koud", "lijst", True),
    ("lijst, warm", "lijst", False),
    ("services, koud", "services", True),
    ("services, warm", "services", False),
    ("services zoeken, koud", "services zoeken", True),
    ("services p.100, koud", "services p.100", True),
    ("services full, koud", "services full", True),
    ("sal, koud", "sal", True),
    ("sal nabij, koud", "sal nabij", True),
]
CSV = "/api/v1/sociale-kaart.csv"


def haal(poort: int, pad: str) -> tuple[float, int]:
    """Seconds and bytes for one GET, as a browser asks for it (gzip)."""
    verzoek = urllib.request.Request(
        f"http://{HOST}:{poort}{pad}", headers={"Accept-Encoding": "gzip"}
    )
    begin = time.perf_counter()
    with urllib.request.urlopen(verzoek, timeout=belasting.LEEGLOOP) as antwoord:
        inhoud = antwoord.read()
        assert antwoord.status == 200, (pad, antwoord.status)
    return time.perf_counter() - begin, len(inhoud)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duur", type=int, default=10, help="seconden meten per pagina")
    parser.add_argument("--opwarmen", type=int, default=2, help="seconden opwarmen per pagina")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--client", choices=["wrk", "python"], default=None)
    parser.add_argument("--alleen", help="alleen metingen waarvan de naam dit bevat")
    parser.add_argument("--json", help="schrijf de uitkomsten ook naar dit bestand")
    args = parser.parse_args()
    duur = min(args.duur, belasting.MAX_DUUR)
    opwarmen = min(args.opwarmen, belasting.MAX_DUUR)

    env = server.omgeving(os.environ.get("BENCH_DATABASE_URL", STANDAARD_DATABASE_URL), REDIS_URL)
    os.environ.update(env)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    belasting.collectstatic(env)
    client = args.client or ("wrk" if shutil.which("wrk") else "python")
    metingen = [m for m in METINGEN if not args.alleen or args.alleen in m[0]]

    poort = belasting.vrije_poort()
    log = BASIS / "bench" / "results" / "gunicorn-api.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    logbestand = open(log, "w+")  # noqa: SIM115 - open until gunicorn stops, at the end
    proces = server.start(env, poort, workers=args.workers, log=logbestand)
    print(
        f"gunicorn: {args.workers} workers (sync), {belasting.GELIJKTIJDIG} clients ({client}), "
        f"{duur} s per pagina na {opwarmen} s opwarmen, {os.cpu_count()} cores"
    )

    def meet(paden, uniek, seconden):
        if client == "wrk":
            uitkomst = belasting.meet_wrk(f"http://{HOST}:{poort}", paden, uniek, seconden)
        else:
            uitkomst = belasting.meet_python(poort, paden, uniek, seconden)
        haal(poort, "/basis/")  # waits until gunicorn has served what the clients gave up on
        return uitkomst

    uitkomsten, basissen, csv = {}, [], {}
    try:
        for naam, pagina, uniek in metingen:
            if opwarmen:
                meet(["/basis/"], False, opwarmen)
            basis = meet(["/basis/"], False, duur)
            basissen.append(basis)
            if opwarmen:
                meet([PAGINAS[pagina]], uniek, opwarmen)
            uitkomsten[naam] = meet([PAGINAS[pagina]], uniek, duur)
            uitkomsten[naam]["basis_rps"] = basis["rps"]
            u = uitkomsten[naam]
            print(
                f"  {naam:<22} {u['rps']:7.1f} req/s  {u['rps'] / basis['rps']:5.2f}x basis  "
                f"p50 {u['p50']:6.1f}  p99 {u['p99']:6.1f} ms  fouten {u['fouten']}",
                flush=True,
            )
        if not args.alleen or "csv" in args.alleen:
            redis.Redis.from_url(REDIS_URL).flushdb()  # the file is built on the first request
            koud, grootte = haal(poort, CSV)
            warm = [haal(poort, CSV)[0] for _ in range(10)]
            csv = {"koud_s": koud, "warm_ms": statistics.median(warm) * 1000, "bytes": grootte}
    finally:
        server.stop(proces)
        logbestand.close()

    queries = belasting.tel_queries({naam: pad for naam, pad in PAGINAS.items()})
    mediaan = sorted(basissen, key=lambda b: b["rps"])[len(basissen) // 2] if basissen else None
    print()
    print("| pagina | req/s | x basis | p50 ms | p95 ms | p99 ms | fouten | queries mis / hit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    if mediaan:
        print(
            f"| basis | {mediaan['rps']:.0f} | 1.00 | {mediaan['p50']:.1f} | {mediaan['p95']:.1f} "
            f"| {mediaan['p99']:.1f} | {mediaan['fouten']} | |"
        )
    for naam, pagina, _ in metingen:
        u = uitkomsten[naam]
        mis, hit = queries[pagina]
        if not u["verzoeken"]:
            print(f"| {naam} | 0 | 0 | > {duur} s | | | {u['fouten']} | {mis} / {hit} |")
            continue
        print(
            f"| {naam} | {u['rps']:.0f} | {u['rps'] / u['basis_rps']:.2f} | {u['p50']:.1f} | "
            f"{u['p95']:.1f} | {u['p99']:.1f} | {u['fouten']} | {mis} / {hit} |"
        )
    if csv:
        print(
            f"\nCSV ({CSV}, gzip): {csv['bytes'] / 1e6:.1f} MB; eerste keer na een wijziging "
            f"{csv['koud_s']:.1f} s, daarna uit de cache {csv['warm_ms']:.0f} ms (mediaan van 10)"
        )
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(
            json.dumps({"uitkomsten": uitkomsten, "queries": queries, "csv": csv}, indent=2)
        )
    print(f"\ngunicorn-log: {log}")


if __name__ == "__main__":
    main()
