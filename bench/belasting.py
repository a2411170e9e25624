#!/usr/bin/env python
"""Load test of the key pages on gunicorn: latency percentiles, throughput and SQL queries.

    .venv/bin/python bench/genereer.py     # once: the 10,000-organisation database
    .venv/bin/python bench/belasting.py    # about two minutes

Starts gunicorn on 127.0.0.1 in production mode (DEBUG=false, WhiteNoise manifest storage,
Redis cache in database 1 under a key prefix of its own) against the benchmark database, and for
each page runs 32 concurrent clients for a fixed time. The clients are ``wrk`` when it is
installed (``apt-get install wrk``), otherwise a Python client in two processes; the report
says which. Pages:

- ``basis``: /basis/, the base template with one query and no cache: the baseline.
- ``*, koud``: every request has a unique URL (a ``b=`` parameter the views ignore), so the
  page cache always misses and every request runs its queries; PostgreSQL's own buffers stay
  warm, as on a live server.
- ``*, warm``: a handful of URLs that are cached after the first request: what residents see
  for common searches between two changes to the directory.
- ``detail``: 200 different organisations; the detail page is never cached (it has a form).

SQL queries per page are counted in this process with Django's test client and
CaptureQueriesContext, against the same database and cache, once with a page-cache miss and
once with a hit.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from http.client import HTTPConnection
from multiprocessing import Pool
from pathlib import Path

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))
sys.path.insert(0, str(BASIS / "bench"))

import server  # noqa: E402
from genereer import STANDAARD_DATABASE_URL  # noqa: E402

HOST = "127.0.0.1"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
GELIJKTIJDIG = 32
# Hard bounds on everything that waits or loops.
MAX_DUUR = 120
START_TIMEOUT = 60
LEEGLOOP = 300
MAX_VERZOEKEN_PYTHON = 200_000

LIJST = "/organisaties/?q=schuld&thema=armoede-en-schulden&doelgroep=volwassenen"
# The broadest search: "schuld" finds about 44% of the organisations, here without filters.
LIJST_BREED = "/organisaties/?q=schuld"
ZOEKOPDRACHTEN = [
    LIJST,
    "/organisaties/?q=schuld",
    "/organisaties/?q=eenzaam&doelgroep=ouderen",
    "/organisaties/?q=mantelzorg&wijk=centrum",
    "/organisaties/?q=dementie&gratis=true",
    "/organisaties/?q=taalcafe",
    "/organisaties/?thema=jeugd-en-gezin&soort=welzijnspartner",
    "/organisaties/?q=schulden+hulp&sorteer=naam",
    "/organisaties/?q=schuld&pagina=3",
    "/organisaties/",
]
# Nothing matches every word or any word: the list falls back to typo tolerance (pg_trgm).
# Theme and wijk pages: the broadest theme (40% of the organisations) and two others.
THEMAS = ["/themas/armoede-en-schulden/", "/themas/eenzaamheid/", "/themas/mantelzorg/"]
WIJKEN = ["/wijken/centrum/", "/wijken/sluispolder/"]
TIKFOUTEN = ["/organisaties/?q=mantelzrog", "/organisaties/?q=qwzrtx"]
# Help near home (organisaties.afstand): postcodes whose centres the demo data stores.
AFSTAND = [
    "/organisaties/?postcode=3142EA&afstand=1",
    "/organisaties/?postcode=3144BA&afstand=5&sorteer=afstand",
    "/organisaties/?postcode=3142&sorteer=afstand",
    "/organisaties/?q=schuld&postcode=3145SM&afstand=2",
]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


# --- Server ---------------------------------------------------------------------------------


def collectstatic(env: dict) -> None:
    manifest = BASIS / "staticfiles" / "staticfiles.json"
    nieuwste = max(p.stat().st_mtime for p in (BASIS / "static").rglob("*") if p.is_file())
    if manifest.exists() and manifest.stat().st_mtime >= nieuwste:
        return
    print("collectstatic (WhiteNoise-manifest voor DEBUG=false)")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=BASIS,
        env=env,
        check=True,
        timeout=300,
    )


# --- Load clients ---------------------------------------------------------------------------

WRK_SCRIPT = """
local paden = {%(paden)s}
local uniek = %(uniek)s
local token = "%(token)s"
local teller = 0
local volgende_draad = 0

-- Runs in the main state: gives every wrk thread its own number (the global "draad").
function setup(thread)
  volgende_draad = volgende_draad + 1
  thread:set("draad", volgende_draad)
end

function request()
  teller = teller + 1
  local pad = paden[(teller %% #paden) + 1]
  if uniek then
    local scheiding = "?"
    if string.find(pad, "?", 1, true) then scheiding = "&" end
    pad = pad .. scheiding .. "b=" .. token .. "-" .. tostring(draad) .. "-" .. teller
  end
  return wrk.format("GET", pad)
end

function done(summary, latency, requests)
  local fouten = summary.errors
  io.write(string.format(
    "RESULTAAT {\\"verzoeken\\": %%d, \\"duur_us\\": %%d, \\"p50\\": %%d, \\"p95\\": %%d, " ..
    "\\"p99\\": %%d, \\"max\\": %%d, \\"fouten\\": %%d, \\"status_fouten\\": %%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max,
    fouten.connect + fouten.read + fouten.write + fouten.timeout, fouten.status))
end
"""


def meet_wrk(basis_url: str, paden: list[str], uniek: bool, duur: int) -> dict:
    script = WRK_SCRIPT % {
        "paden": ", ".join(json.dumps(p) for p in paden),
        "uniek": "true" if uniek else "false",
        "token": uuid.uuid4().hex[:8],
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
    try:
        uitvoer = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{GELIJKTIJDIG}",
                f"-d{duur}s",
                "--timeout",
                "10s",
                "-s",
                f.name,
                basis_url,
            ],
            capture_output=True,
            text=True,
            timeout=duur + 60,
            check=True,
        ).stdout
    finally:
        os.unlink(f.name)
    regel = next(r for r in uitvoer.splitlines() if r.startswith("RESULTAAT "))
    ruw = json.loads(regel.removeprefix("RESULTAAT "))
    return {
        "verzoeken": ruw["verzoeken"],
        "rps": ruw["verzoeken"] / (ruw["duur_us"] / 1e6),
        "p50": ruw["p50"] / 1000,
        "p95": ruw["p95"] / 1000,
        "p99": ruw["p99"] / 1000,
        "max": ruw["max"] / 1000,
        "fouten": ruw["fouten"] + ruw["status_fouten"],
    }


def _python_client(args):
    """One process of the Python load client: ``draden`` threads with keep-alive connections."""
    poort, paden, uniek, duur, draden, nummer = args
    einde = time.monotonic() + duur
    token = uuid.uuid4().hex[:8]
    resultaten = [[] for _ in range(draden)]
    fouten = [0] * draden
    per_draad = MAX_VERZOEKEN_PYTHON // (draden * 2)

    def client(index):
        verbinding = HTTPConnection(HOST, poort, timeout=10)
        for teller in range(per_draad):
            if time.monotonic() >= einde:
                break
            pad = paden[teller % len(paden)]
            if uniek:
                pad += ("&" if "?" in pad else "?") + f"b={token}-{nummer}-{index}-{teller}"
            begin = time.perf_counter()
            try:
                verbinding.request("GET", pad)
                antwoord = verbinding.getresponse()
                antwoord.read()
                if antwoord.status != 200:
                    fouten[index] += 1
                if antwoord.getheader("Connection", "").lower() == "close":
                    verbinding.close()
            except OSError:
                fouten[index] += 1
                verbinding.close()
                verbinding = HTTPConnection(HOST, poort, timeout=10)
                continue
            resultaten[index].append(time.perf_counter() - begin)
        verbinding.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(draden)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duur + 30)
    return [x for r in resultaten for x in r], sum(fouten)


def meet_python(poort: int, paden: list[str], uniek: bool, duur: int) -> dict:
    processen = 2
    draden = GELIJKTIJDIG // processen
    begin = time.monotonic()
    with Pool(processen) as pool:
        uitkomsten = pool.map(
            _python_client, [(poort, paden, uniek, duur, draden, n) for n in range(processen)]
        )
    verstreken = time.monotonic() - begin
    tijden = sorted(t * 1000 for lijst, _ in uitkomsten for t in lijst)
    if len(tijden) < 2:
        return {
            "verzoeken": len(tijden),
            "rps": 0,
            "p50": 0,
            "p95": 0,
            "p99": 0,
            "max": 0,
            "fouten": sum(f for _, f in uitkomsten),
        }
    q = statistics.quantiles(tijden, n=100)
    return {
        "verzoeken": len(tijden),
        "rps": len(tijden) / verstreken,
        "p50": q[49],
        "p95": q[94],
        "p99": q[98],
        "max": tijden[-1],
        "fouten": sum(f for _, f in uitkomsten),
    }


# --- Query counts ---------------------------------------------------------------------------


def tel_queries(paden: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Per page: (queries on a page-cache miss, queries on a hit), in this process."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    client.get("/basis/")  # loads the site settings' connection, like a running worker
    client.get("/organisaties/?b=opwarmen")  # the taxonomy, once per directory version
    aantallen = {}
    for naam, pad in paden.items():
        uniek = pad + ("&" if "?" in pad else "?") + f"b=telling-{uuid.uuid4().hex[:8]}"
        with CaptureQueriesContext(connection) as koud:
            antwoord = client.get(uniek)
        assert antwoord.status_code == 200, (pad, antwoord.status_code)
        with CaptureQueriesContext(connection) as warm:
            client.get(uniek)
        aantallen[naam] = (len(koud), len(warm))
    return aantallen


def detail_paden(aantal: int) -> list[str]:
    import django

    django.setup()
    from organisaties.models import Organisatie

    slugs = (
        Organisatie.objects.gepubliceerd()
        .order_by("pk")
        .values_list("slug", flat=True)[: aantal * 20 : 20]
    )
    return [f"/organisaties/{slug}/" for slug in slugs]


def rss_workers(master: int) -> list[int]:
    """The resident memory (MB) of each of gunicorn's workers, read from /proc (Linux)."""
    rss = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            velden = dict(r.split(":", 1) for r in status.read_text().splitlines() if ":" in r)
        except OSError:
            continue
        if velden.get("PPid", "").strip() == str(master) and "VmRSS" in velden:
            rss.append(int(velden["VmRSS"].split()[0]) // 1024)
    return sorted(rss)


# --- Main -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duur", type=int, default=10, help="seconden meten per pagina")
    parser.add_argument("--opwarmen", type=int, default=2, help="seconden opwarmen per pagina")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--client", choices=["wrk", "python"], default=None)
    parser.add_argument("--alleen", help="alleen pagina's met dit in de naam; meer: a|b")
    parser.add_argument("--json", help="schrijf de uitkomsten ook naar dit bestand")
    args = parser.parse_args()
    duur = min(args.duur, MAX_DUUR)
    opwarmen = min(args.opwarmen, MAX_DUUR)

    # A key prefix of its own per run instead of emptying Redis, which other processes share.
    env = server.omgeving(
        os.environ.get("BENCH_DATABASE_URL", STANDAARD_DATABASE_URL),
        REDIS_URL,
        CACHE_KEY_PREFIX=f"bench-{uuid.uuid4().hex[:8]}",
    )
    os.environ.update(env)
    collectstatic(env)

    client = args.client or ("wrk" if shutil.which("wrk") else "python")
    detail = detail_paden(200)
    if not detail:
        sys.exit("Geen gepubliceerde organisaties: draai eerst bench/genereer.py")
    paginas = [
        ("home, koud", ["/"], True),
        ("home, warm", ["/"], False),
        ("lijst, koud", [LIJST], True),
        ("lijst, warm", [LIJST], False),
        ("breed, koud", [LIJST_BREED], True),
        ("zoekmix, koud", ZOEKOPDRACHTEN, True),
        ("zoekmix, warm", ZOEKOPDRACHTEN, False),
        ("afstand, koud", AFSTAND, True),
        ("afstand, warm", AFSTAND, False),
        ("detail, koud", detail, True),
        ("detail, warm", detail, False),
        ("thema, koud", THEMAS, True),
        ("wijk, koud", WIJKEN, True),
        # Last: its slow requests are still being served for a while after the clients stop.
        ("tikfout, koud", TIKFOUTEN, True),
    ]
    if args.alleen:
        keuzes = [keuze.strip() for keuze in args.alleen.split("|")]
        paginas = [p for p in paginas if any(keuze in p[0] for keuze in keuzes)]

    poort = vrije_poort()
    log = BASIS / "bench" / "results" / "gunicorn.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    logbestand = open(log, "w+")  # noqa: SIM115 - open until gunicorn stops, at the end
    proces = server.start(
        env,
        poort,
        workers=args.workers,
        klasse=args.worker_class,
        threads=args.threads,
        log=logbestand,
    )
    print(
        f"gunicorn: {args.workers} workers ({args.worker_class}, {args.threads} threads), "
        f"{GELIJKTIJDIG} clients ({client}), {duur} s per pagina na {opwarmen} s opwarmen, "
        f"{os.cpu_count()} cores; voor elke pagina eerst de basis, als maat op dat moment"
    )

    def meet(paden, uniek, seconden):
        if client == "wrk":
            uitkomst = meet_wrk(f"http://{HOST}:{poort}", paden, uniek, seconden)
        else:
            uitkomst = meet_python(poort, paden, uniek, seconden)
        # Requests the clients gave up on are still queued at gunicorn: let them finish, so
        # that they do not slow down the next measurement.
        with urllib.request.urlopen(f"http://{HOST}:{poort}/basis/", timeout=LEEGLOOP) as r:
            r.read()
        return uitkomst

    def regel(naam, u, basis=None):
        if not u["verzoeken"]:
            print(f"  {naam:<14} geen antwoord binnen {duur} s", flush=True)
            return
        verhouding = f"  {u['rps'] / basis['rps']:5.2f}x basis" if basis else ""
        print(
            f"  {naam:<14} {u['rps']:7.1f} req/s{verhouding}  p50 {u['p50']:6.1f}  "
            f"p95 {u['p95']:6.1f}  p99 {u['p99']:6.1f} ms  fouten {u['fouten']}",
            flush=True,
        )

    uitkomsten, basissen = {}, []
    try:
        for naam, paden, uniek in paginas:
            # The machine is shared and noisy: the baseline is measured right before each page.
            if opwarmen:
                meet(["/basis/"], False, opwarmen)
            basis = meet(["/basis/"], False, duur)
            basissen.append(basis)
            regel("basis", basis)
            if opwarmen and not naam.startswith("tikfout"):  # too slow to warm up
                meet(paden, uniek, opwarmen)
            uitkomsten[naam] = meet(paden, uniek, duur)
            uitkomsten[naam]["basis_rps"] = basis["rps"]
            regel(naam, uitkomsten[naam], basis)
        rss = rss_workers(proces.pid)
    finally:
        server.stop(proces)
        logbestand.close()

    queries = tel_queries(
        {
            "basis": "/basis/",
            "home": "/",
            "lijst": LIJST,
            "breed": LIJST_BREED,
            **{f"zoek {i}": p for i, p in enumerate(ZOEKOPDRACHTEN)},
            **{f"afstand {i}": p for i, p in enumerate(AFSTAND)},
            "detail": detail[0],
            "thema": THEMAS[0],
            "wijk": WIJKEN[0],
            "tikfout": TIKFOUTEN[0],
        }
    )

    # The baseline row: the run with the median throughput.
    mediaan = sorted(basissen, key=lambda b: b["rps"])[len(basissen) // 2]
    rijen = {"basis": {**mediaan, "basis_rps": mediaan["rps"]}, **uitkomsten}
    print()
    print("| pagina | req/s | x basis | p50 ms | p95 ms | p99 ms | fouten | queries mis / hit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for naam, u in rijen.items():
        sleutel = naam.split(",")[0]
        if sleutel in ("zoekmix", "afstand"):
            voorvoegsel = "zoek " if sleutel == "zoekmix" else "afstand "
            mis = sorted({v[0] for k, v in queries.items() if k.startswith(voorvoegsel)})
            hit = max(v[1] for k, v in queries.items() if k.startswith(voorvoegsel))
            q = f"{mis[0]}-{mis[-1]} / {hit}" if len(mis) > 1 else f"{mis[0]} / {hit}"
        else:
            mis, hit = queries[sleutel]
            q = f"{mis} / {hit}"
        if not u["verzoeken"]:
            print(f"| {naam} | 0 | 0 | > {duur} s | | | {u['fouten']} | {q} |")
            continue
        print(
            f"| {naam} | {u['rps']:.0f} | {u['rps'] / u['basis_rps']:.2f} | {u['p50']:.1f} | "
            f"{u['p95']:.1f} | {u['p99']:.1f} | {u['fouten']} | {q} |"
        )
    print(
        f"\nbasis: mediaan van {len(basissen)} metingen; spreiding "
        f"{min(b['rps'] for b in basissen):.0f}-{max(b['rps'] for b in basissen):.0f} req/s. "
        "x basis: ten opzichte van de basismeting vlak ervoor."
    )
    print("\nQueries per zoekopdracht (mis / hit):")
    for i, pad in enumerate(ZOEKOPDRACHTEN):
        print(f"  {queries[f'zoek {i}'][0]} / {queries[f'zoek {i}'][1]}  {pad}")

    print("\nDoelen (lijst >= 0.5x basis, p99 < 150 ms, <= 8 queries per pagina):")
    for naam in ("lijst, koud", "lijst, warm"):
        u = uitkomsten.get(naam)
        if u:
            verhouding = u["rps"] / u["basis_rps"]
            print(
                f"  {naam}: {verhouding:.2f}x basis ({'gehaald' if verhouding >= 0.5 else 'niet'}"
                f"), p99 {u['p99']:.0f} ms ({'gehaald' if u['p99'] < 150 else 'niet'})"
            )
    if rss:
        print(f"  geheugen (RSS) per gunicorn-worker na de metingen: {min(rss)}-{max(rss)} MB")
    meeste = max(mis for mis, _ in queries.values())
    print(f"  queries: hoogstens {meeste} per pagina ({'gehaald' if meeste <= 8 else 'niet'})")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({"uitkomsten": rijen, "queries": queries}, indent=2))
    print(f"\ngunicorn-log: {log}")


if __name__ == "__main__":
    main()
