"""Starting and stopping gunicorn for the benchmarks, on 127.0.0.1 only."""

import subprocess
import sys
import time
from http.client import HTTPConnection
from pathlib import Path

BASIS = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
START_TIMEOUT = 60


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
