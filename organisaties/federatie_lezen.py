"""Reading another gemeente's HSDS 3 API page by page, with limits on everything.

A neighbour's feed is a server we do not control: it can be down, answer slowly, send a page
that is not JSON, or a page that never ends. Every way of failing ends in ``BronFout`` with a
Dutch message for the admin, within a known time and memory:

- connect and every read wait at most ``FEDERATIE_TIMEOUT`` seconds;
- one feed gets ``FEDERATIE_TIJDSBUDGET`` seconds in all, checked between every chunk read
  (``read1`` returns what has arrived, so a server that sends a byte now and then cannot keep
  a read going past the budget);
- an answer is read in chunks and refused past ``FEDERATIE_MAX_BYTES``;
- at most ``FEDERATIE_MAX_PAGINAS`` pages and ``FEDERATIE_MAX_ITEMS`` items per run.

Only urllib from the standard library, as organisaties.geocoderen does: nothing here needs
more than a GET with a timeout. Never called from a web request (see organisaties.tasks).
"""

import datetime
import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

CHUNK = 65536


class BronFout(Exception):
    """The feed cannot be read (further); ``str()`` is the Dutch reason for the admin."""


@dataclass(frozen=True)
class Grenzen:
    timeout: float
    tijdsbudget: float
    max_bytes: int
    max_paginas: int
    max_items: int
    per_pagina: int

    @classmethod
    def uit_settings(cls):
        return cls(
            timeout=settings.FEDERATIE_TIMEOUT,
            tijdsbudget=settings.FEDERATIE_TIJDSBUDGET,
            max_bytes=settings.FEDERATIE_MAX_BYTES,
            max_paginas=settings.FEDERATIE_MAX_PAGINAS,
            max_items=settings.FEDERATIE_MAX_ITEMS,
            per_pagina=settings.FEDERATIE_PER_PAGINA,
        )


def services_url(basis: str, pagina: int, per_pagina: int, gewijzigd_na=None) -> str:
    """The URL of one page of full services; ``full`` is ignored by APIs that lack it."""
    parameters = {"page": pagina, "per_page": per_pagina, "full": "true"}
    if gewijzigd_na is not None:
        utc = gewijzigd_na.astimezone(datetime.UTC)
        parameters["modified_after"] = utc.isoformat(timespec="seconds").replace("+00:00", "Z")
    return f"{basis.rstrip('/')}/services?{urllib.parse.urlencode(parameters)}"


def _kort(url: str) -> str:
    """The address without its query, for a message staff can read."""
    delen = urllib.parse.urlsplit(url)
    return f"{delen.netloc}{delen.path}"


def haal_json(url: str, grenzen: Grenzen, deadline: float):
    """The JSON body of a GET on ``url``, within the limits; raises BronFout."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise BronFout(_("Het adres van de bron moet met http:// of https:// beginnen."))
    over = deadline - time.monotonic()
    if over <= 0:
        raise _te_laat(grenzen)
    verzoek = urllib.request.Request(  # noqa: S310 - scheme checked above
        url, headers={"Accept": "application/json", "User-Agent": "netwerk-sociale-kaart"}
    )
    try:
        with urllib.request.urlopen(  # noqa: S310
            verzoek, timeout=min(grenzen.timeout, over)
        ) as antwoord:
            lengte = antwoord.headers.get("Content-Length")
            if lengte and lengte.isdigit() and int(lengte) > grenzen.max_bytes:
                raise _te_groot(grenzen)
            delen, grootte = [], 0
            while deel := antwoord.read1(CHUNK):
                grootte += len(deel)
                if grootte > grenzen.max_bytes:
                    raise _te_groot(grenzen)
                if time.monotonic() > deadline:
                    raise _te_laat(grenzen)
                delen.append(deel)
    except urllib.error.HTTPError as fout:
        raise BronFout(
            _("De bron gaf een foutmelding (HTTP %(code)s) op %(url)s.")
            % {"code": fout.code, "url": _kort(url)}
        ) from None
    except urllib.error.URLError as fout:
        if isinstance(fout.reason, TimeoutError | socket.timeout):
            raise _geen_antwoord(grenzen) from None
        raise BronFout(_("De bron was niet bereikbaar (%(url)s).") % {"url": _kort(url)}) from None
    except TimeoutError:
        raise _geen_antwoord(grenzen) from None
    except (OSError, http.client.HTTPException, ValueError):
        raise BronFout(_("De verbinding met de bron werd onderbroken.")) from None
    try:
        return json.loads(b"".join(delen))
    except (ValueError, RecursionError):
        raise BronFout(_("De bron stuurde geen geldige JSON op %(url)s.") % {"url": url}) from None


def _geen_antwoord(grenzen):
    return BronFout(
        _("De bron gaf niet op tijd antwoord (binnen %(seconden)s seconden).")
        % {"seconden": f"{grenzen.timeout:g}"}
    )


def _te_laat(grenzen):
    return BronFout(
        _("Het inlezen duurde langer dan %(seconden)s seconden en is afgebroken.")
        % {"seconden": f"{grenzen.tijdsbudget:g}"}
    )


def _te_groot(grenzen):
    return BronFout(
        _("Een antwoord van de bron was groter dan %(mb)s MB en is niet gelezen.")
        % {"mb": f"{grenzen.max_bytes / 1_000_000:g}"}
    )


def lees_paginas(basis: str, gewijzigd_na=None, grenzen: Grenzen | None = None) -> Iterator[list]:
    """The ``contents`` of every page of /services, one list per page, in order.

    Raises BronFout on the first page that cannot be used: what came before has been yielded
    already, and the caller decides what a broken-off run may change (see federatie.py).
    """
    grenzen = grenzen or Grenzen.uit_settings()
    deadline = time.monotonic() + grenzen.tijdsbudget
    items = 0
    pagina = 1
    while True:
        if pagina > grenzen.max_paginas:
            raise BronFout(
                _("De bron heeft meer dan %(aantal)s pagina's; de rest is niet gelezen.")
                % {"aantal": grenzen.max_paginas}
            )
        data = haal_json(
            services_url(basis, pagina, grenzen.per_pagina, gewijzigd_na), grenzen, deadline
        )
        if not isinstance(data, dict) or not isinstance(data.get("contents"), list):
            raise BronFout(
                _(
                    "Pagina %(pagina)s van de bron is geen HSDS-pagina (er staat geen lijst "
                    "'contents' in)."
                )
                % {"pagina": pagina}
            )
        inhoud = data["contents"]
        items += len(inhoud)
        if items > grenzen.max_items:
            raise BronFout(
                _("De bron heeft meer dan %(aantal)s items; de rest is niet gelezen.")
                % {"aantal": grenzen.max_items}
            )
        yield inhoud
        totaal = data.get("total_pages")
        laatste = data.get("last_page")
        if (
            not inhoud
            or laatste is True
            or (isinstance(totaal, int) and not isinstance(totaal, bool) and pagina >= totaal)
        ):
            return
        pagina += 1
