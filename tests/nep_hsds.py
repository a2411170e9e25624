"""Another gemeente's HSDS API of our own: a real HTTP server on 127.0.0.1 that misbehaves on
request, so that the import meets timeouts, broken JSON and endless answers over a socket, as
it would in production.

Each feed lives under its own path, /<naam>/api/v1/services, and behaves as ``gedrag[naam]``
says. A good feed serves ``diensten[naam]`` (lists of HSDS services) page by page.
"""

import contextlib
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOED = "goed"
KAPOT = "kapot"  # not JSON
VORMFOUT = "vormfout"  # JSON, but not an HSDS page
TRAAG = "traag"  # answers after longer than the timeout
DRUPPEL = "druppel"  # sends a byte now and then, never finishes in the time budget
EINDELOOS = "eindeloos"  # one answer that never ends
GROOT = "groot"  # a page larger than the limit
FOUT_500 = "fout_500"
ALTIJD_MEER = "altijd_meer"  # every page says there is a next one


class NepHsds:
    def __init__(self):
        self.gedrag = {}
        self.diensten = {}
        self.vragen = []  # (naam, query parameters)
        self.traag_seconden = 3.0
        nep = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                delen = urllib.parse.urlsplit(self.path)
                naam = delen.path.strip("/").split("/")[0]
                query = urllib.parse.parse_qs(delen.query)
                nep.vragen.append((naam, query))
                gedrag = nep.gedrag.get(naam, GOED)
                # The site may give up waiting, as it should.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._antwoord(naam, gedrag, query)

            def _antwoord(self, naam, gedrag, query):
                if gedrag == TRAAG:
                    time.sleep(nep.traag_seconden)
                if gedrag == FOUT_500:
                    return self._stuur(500, b"Internal Server Error")
                if gedrag == KAPOT:
                    return self._stuur(200, b"<html>onderhoud</html>{")
                if gedrag == VORMFOUT:
                    return self._stuur(200, json.dumps({"services": []}).encode())
                if gedrag == GROOT:
                    groot = {"contents": [{"x": "a" * 1000}] * 2000, "last_page": True}
                    return self._stuur(200, json.dumps(groot).encode())
                if gedrag in (EINDELOOS, DRUPPEL):
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    self._chunk(b'{"contents": [')
                    eind = time.monotonic() + 30
                    while time.monotonic() < eind:
                        if gedrag == DRUPPEL:
                            time.sleep(0.2)
                            self._chunk(b" ")
                        else:
                            self._chunk(b'{"id": "x"},' * 1000)
                    return None
                pagina = int((query.get("page") or ["1"])[0])
                per_pagina = int((query.get("per_page") or ["50"])[0])
                alle = nep.diensten.get(naam, [])
                inhoud = alle[(pagina - 1) * per_pagina : pagina * per_pagina]
                paginas = max(1, -(-len(alle) // per_pagina))
                if gedrag == ALTIJD_MEER:
                    inhoud, paginas = alle[:1], 10**6
                data = {
                    "total_items": len(alle),
                    "total_pages": paginas,
                    "page_number": pagina,
                    "size": len(inhoud),
                    "first_page": pagina == 1,
                    "last_page": pagina >= paginas,
                    "empty": not inhoud,
                    "contents": inhoud,
                }
                return self._stuur(200, json.dumps(data).encode())

            def _chunk(self, data):
                self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                self.wfile.flush()

            def _stuur(self, status, inhoud):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(inhoud)))
                self.end_headers()
                self.wfile.write(inhoud)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.basis = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._draad = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._draad.start()

    def url(self, naam):
        return f"{self.basis}/{naam}/api/v1/"

    def vragen_van(self, naam):
        return [query for n, query in self.vragen if n == naam]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self._draad.join(timeout=2)
