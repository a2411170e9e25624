"""What the benchmarks share: their database, the server's environment, and gunicorn on
127.0.0.1 only."""

import os
import subprocess
import sys
import time
import uuid
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASIS = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
START_TIMEOUT = 60


def maak_database_als_nodig(url: str) -> None:
    """Create the database of ``url`` when it does not exist yet."""
    import psycopg

    delen = urlsplit(url)
    naam = delen.path.lstrip("/")
    beheer = urlunsplit(delen._replace(path="/postgres"))
    with psycopg.connect(beheer, autocommit=True) as verbinding:
        if verbinding.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam]).fetchone():
            return
        print(f"Database {naam} aanmaken")
        verbinding.execute(f'CREATE DATABASE "{naam}"')


def omgeving(database_url: str, redis_url: str, **extra: str) -> dict:
    """The environment of a production-like server (DEBUG off) on the bench's own database."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        DEBUG="false",
        SECRET_KEY="bench-" + uuid.uuid4().hex * 2,
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="ERROR",
        DJANGO_SETTINGS_MODULE="netwerk.settings",
        **extra,
    )
    return env


def _antwoordt(poort: int, pad: str) -> bool:
    verbinding = HTTPConnection(HOST, poort, timeout=5)
    try:
        verbinding.request("GET", pad)
        return verbinding.getresponse().status == 200
    except OSError:
        return False
    finally:
        verbinding.close()


def start(env, poort, *, workers, klasse="sync", threads=1, backlog=256, log, pad="/basis/"):
    """Start gunicorn and wait until ``pad`` answers 200; ``log`` is an open text file
    (readable) that receives gunicorn's output. Exits the script if gunicorn does not come up."""
    opdracht = [
        str(Path(sys.executable).parent / "gunicorn"),
        "netwerk.wsgi:application",
        "--bind", f"{HOST}:{poort}",
        "--workers", str(workers),
        "--worker-class", klasse,
        "--threads", str(threads),
        "--backlog", str(backlog),
        "--timeout", "30",
        "--log-level", "warning",
    ]  # fmt: skip
    proces = subprocess.Popen(
        opdracht, cwd=BASIS, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    einde = time.monotonic() + START_TIMEOUT
    while time.monotonic() < einde:
        if proces.poll() is not None:
            log.seek(0)
            sys.exit(f"gunicorn stopte meteen:\n{log.read()}")
        if _antwoordt(poort, pad):
            return proces
        time.sleep(0.3)
    stop(proces)
    log.seek(0)
    sys.exit(f"gunicorn antwoordde niet binnen {START_TIMEOUT} s:\n{log.read()}")


def stop(proces) -> None:
    if proces.poll() is None:
        proces.terminate()
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(timeout=10)
