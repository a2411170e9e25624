"""GET /gezondheid/: can the site do its work? For the application manager's monitoring.

Three checks: the database answers a trivial query; the cache stores, returns and deletes a
probe; the task queue keeps up (the oldest job that is due and not started has waited no
longer than GEZONDHEID_MAX_WACHTTIJD_SECONDEN). 200 when all pass, 503 when one fails.

The public gets only ``{"status": "ok"}`` or ``{"status": "fout"}``: nothing about the setup.
The monitoring (``Authorization: Bearer <GEZONDHEID_TOKEN>``) and logged-in staff also get
each check with its counts. Why a check failed goes to the log, never into the answer: an
exception text can hold host names and connection strings.

Written small instead of django-health-check: three checks, one answer, and the queue check
is specific to procrastinate.
"""

import hmac
import logging
import secrets
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from procrastinate.contrib.django.models import ProcrastinateEvent, ProcrastinateJob

logger = logging.getLogger(__name__)

OK = "ok"
FOUT = "fout"
# A check that waits longer than this on the database counts as failed, instead of keeping
# the monitoring's request (and a worker process) waiting.
QUERY_TIMEOUT_MS = 5000


@contextmanager
def _met_timeout():
    """A savepoint with a statement timeout: a failing check leaves the connection usable."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL statement_timeout = {QUERY_TIMEOUT_MS}")
        yield cursor


# Each check returns (in order or not, details for the monitoring); an exception means "fout".


def database():
    with _met_timeout() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,), {}


def cache_controle():
    sleutel = f"gezondheid:{secrets.token_hex(8)}"
    waarde = secrets.token_hex(8)
    cache.set(sleutel, waarde, timeout=60)
    try:
        gelezen = cache.get(sleutel)
    finally:
        cache.delete(sleutel)
    return gelezen == waarde, {}


def takenrij():
    """Waiting jobs, how long the oldest due one has waited, and failures in the last day.

    A job is due from its scheduled_at or, without one, from when it was put in the queue
    (its 'deferred' event); procrastinate sets scheduled_at on every retry.
    """
    nu = timezone.now()
    with _met_timeout():
        wachtend = ProcrastinateJob.objects.filter(status="todo")
        in_rij_gezet = ProcrastinateEvent.objects.filter(
            job=OuterRef("pk"), type="deferred"
        ).values("at")[:1]
        oudste = (
            wachtend.filter(Q(scheduled_at__isnull=True) | Q(scheduled_at__lte=nu))
            .annotate(sinds=Coalesce("scheduled_at", Subquery(in_rij_gezet)))
            .aggregate(oudste=Min("sinds"))["oudste"]
        )
        mislukt = (
            ProcrastinateEvent.objects.filter(type="failed", at__gte=nu - timedelta(hours=24))
            .values("job")
            .distinct()
            .count()
        )
        aantal_wachtend = wachtend.count()
    wachttijd = max(0, int((nu - oudste).total_seconds())) if oudste else 0
    maximum = settings.GEZONDHEID_MAX_WACHTTIJD_SECONDEN
    return wachttijd <= maximum, {
        "wachtend": aantal_wachtend,
        "oudste_wachttijd_seconden": wachttijd,
        "max_wachttijd_seconden": maximum,
        "mislukt_laatste_24_uur": mislukt,
    }


CONTROLES = {"database": database, "cache": cache_controle, "takenrij": takenrij}


def _uitvoeren(naam, controle):
    try:
        in_orde, details = controle()
    except Exception:  # noqa: BLE001 - whatever fails, the answer is "fout", never a 500
        logger.exception("Gezondheid: controle %s mislukt.", naam)
        return {"status": FOUT}
    if not in_orde:
        logger.warning("Gezondheid: controle %s is niet in orde: %s", naam, details)
    return {"status": OK if in_orde else FOUT, **details}


def _mag_details_zien(request):
    """The monitoring with the right token, or a logged-in member of staff."""
    token = settings.GEZONDHEID_TOKEN
    schema, _, aangeboden = request.headers.get("Authorization", "").partition(" ")
    if schema == "Bearer":
        return bool(token) and hmac.compare_digest(aangeboden.strip().encode(), token.encode())
    try:
        gebruiker = request.user
        if not (gebruiker.is_authenticated and gebruiker.is_active and gebruiker.is_staff):
            return False
        # Where staff need a second factor, a password alone shows no details either.
        return not settings.TWEE_FACTOR_VERPLICHT or gebruiker.is_verified()
    except Exception:  # noqa: BLE001 - no session store (database down): no details
        return False


@never_cache
@require_safe
def gezondheid(request):
    controles = {naam: _uitvoeren(naam, controle) for naam, controle in CONTROLES.items()}
    status = OK if all(c["status"] == OK for c in controles.values()) else FOUT
    antwoord = {"status": status}
    if _mag_details_zien(request):
        antwoord["controles"] = controles
    return JsonResponse(antwoord, status=200 if status == OK else 503)
