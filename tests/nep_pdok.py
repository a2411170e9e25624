"""A PDOK Locatieserver of our own: a real HTTP server on 127.0.0.1 that answers as told.

The geocoding tests talk to it over a socket, as the site talks to PDOK, so that timeouts,
error codes and broken answers go through the same code as in production.
"""

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOED = "goed"
LEEG = "leeg"
FOUT_500 = "fout_500"
ONLEESBAAR = "onleesbaar"
TRAAG = "traag"


def antwoord(docs):
    return {"response": {"numFound": len(docs), "start": 0, "maxScore": 1.0, "docs": docs}}


class NepPdok:
    """Serves GET /free; ``gedrag`` says how it answers, ``vragen`` keeps every query."""

    def __init__(self, gedrag=GOED, punt="POINT(4.25045 51.91672)", postcode="3142EA"):
        self.gedrag = gedrag
        self.punt = punt
        self.postcode = postcode
        self.weergavenaam = "Hoogstraat 1, 3142EA Maassluis"
        self.traag_seconden = 3.0
        # Called (in the server's thread) while a question is being answered.
        self.bij_vraag = None
        self.vragen = []
        nep = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                nep.vragen.append(urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query))
                if nep.bij_vraag:
                    nep.bij_vraag()
                if nep.gedrag == TRAAG:
                    time.sleep(nep.traag_seconden)
                if nep.gedrag == FOUT_500:
                    return self._stuur(500, b"Internal Server Error", "text/plain")
                if nep.gedrag == ONLEESBAAR:
                    return self._stuur(200, b"<html>onderhoud</html>{", "application/json")
                docs = []
                if nep.gedrag in (GOED, TRAAG):
                    docs = [
                        {
                            "type": "adres",
                            "weergavenaam": nep.weergavenaam,
                            "postcode": nep.postcode,
                            "centroide_ll": nep.punt,
                        }
                    ]
                self._stuur(200, json.dumps(antwoord(docs)).encode(), "application/json")

            def _stuur(self, status, inhoud, soort):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", soort)
                    self.send_header("Content-Length", str(len(inhoud)))
                    self.end_headers()
                    self.wfile.write(inhoud)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the site gave up waiting, as it should

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/free"
        self._draad = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._draad.start()

    @property
    def aantal_vragen(self):
        return len(self.vragen)

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self._draad.join(timeout=2)
