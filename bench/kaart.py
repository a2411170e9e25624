#!/usr/bin/env python
"""Load test of the list's map (/organisaties/kaart.geojson) next to the list, on gunicorn.

    .venv/bin/python bench/genereer.py     # once: the 10,000-organisation database
    .venv/bin/python bench/kaart.py        # about three minutes
    .venv/bin/python bench/kaart.py --alleen "geojson breed" --duur 5

The same server, clients and measurements as belasting.py (gunicorn with 4 sync workers,
DEBUG=false, Redis cache in database 1, 32 concurrent clients, the baseline measured again
before every page), for these pages:

- ``lijst``: the organisation list of belasting.py (3,143 matches), for comparison.
- ``lijst kaart``: the same list in map view (``weergave=kaart``): the page around the map.
- ``geojson``: the map's data for that same search: every matching location.
- ``geojson breed``: the map of the whole directory, the largest answer there is.
- ``geojson smal``: a narrow search (``q=taalcafe``, about 3%).

``koud`` adds a unique ``b=`` parameter to every request (the views ignore it), so the page
cache always misses; ``warm`` repeats the URL. Then, in this process, the size of each answer
(gzip, as a browser asks for it) and the SQL queries of each page on a cache miss and a hit.
"""

import argparse
import json
import os
import shutil
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
# BENCH_REDIS_URL: another Redis database, when another benchmark uses database 1 meanwhile.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", belasting.REDIS_URL)

GEOJSON = "/organisaties/kaart.geojson"
ZOEKOPDRACHT = belasting.LIJST.split("?", 1)[1]
PAGINAS = {
    "lijst": belasting.LIJST,
    "lijst kaart": belasting.LIJST + "&weergave=kaart",
    "geojson": f"{GEOJSON}?{ZOEKOPDRACHT}",
    "geojson breed": GEOJSON,
    "geojson smal": f"{GEOJSON}?q=taalcafe",
}
METINGEN = [
    ("lijst, koud", "lijst", True),
    ("lijst kaart, koud", "lijst kaart", True),
    ("geojson, koud", "geojson", True),
    ("geojson, warm", "geojson", False),
    ("geojson breed, koud", "geojson breed", True),
    ("geojson breed, warm", "geojson breed", False),
    ("geojson smal, koud", "geojson smal", True),
]


def haal(poort: int, pad: str) -> tuple[float, int, bool]:
    """Seconds, bytes on the wire and whether they were gzipped, for one GET as a browser
    asks for it."""
    verzoek = urllib.request.Request(
        f"http://{HOST}:{poort}{pad}", headers={"Accept-Encoding": "gzip"}
    )
    begin = time.perf_counter()
    with urllib.request.urlopen(verzoek, timeout=belasting.LEEGLOOP) as antwoord:
        inhoud = antwoord.read()
        assert antwoord.status == 200, (pad, antwoord.status)
        gezipt = antwoord.headers.get("Content-Encoding") == "gzip"
    return time.perf_counter() - begin, len(inhoud), gezipt


def punten_en_grootte(pad: str) -> tuple[int, int]:
    """Features and uncompressed bytes of a GeoJSON answer, through Django in this process."""
    import django

    django.setup()
    from django.test import Client

    antwoord = Client(HTTP_HOST=HOST).get(pad + ("&" if "?" in pad else "?") + "b=grootte")
    return len(json.loads(antwoord.content)["features"]), len(antwoord.content)


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
    log = BASIS / "bench" / "results" / "gunicorn-kaart.log"
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

    uitkomsten, basissen, draad = {}, [], {}
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
        for naam, pad in PAGINAS.items():
            _, grootte, gezipt = haal(poort, pad + ("&" if "?" in pad else "?") + "b=draad")
            draad[naam] = (grootte, gezipt)
    finally:
        server.stop(proces)
        logbestand.close()

    queries = belasting.tel_queries(PAGINAS)
    punten = {naam: punten_en_grootte(pad) for naam, pad in PAGINAS.items() if GEOJSON in pad}
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
    print()
    for naam, (aantal, grootte) in punten.items():
        over_draad, gezipt = draad.get(naam, (0, False))
        print(
            f"{naam}: {aantal} punten, {grootte / 1e3:.0f} kB, over de lijn "
            f"{over_draad / 1e3:.0f} kB{' (gzip)' if gezipt else ''}"
        )
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(
            json.dumps({"uitkomsten": uitkomsten, "queries": queries, "punten": punten}, indent=2)
        )
    print(f"\ngunicorn-log: {log}")


if __name__ == "__main__":
    main()
