"""A mail server that accepts connections and never answers, as a broken one does."""

import socket
import threading


class HangendeMailserver:
    """Listens on 127.0.0.1; counts the connections it accepts and holds them open."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.poort = self.socket.getsockname()[1]
        self.verbindingen = []
        self._stop = threading.Event()
        self._draad = threading.Thread(target=self._accepteer, daemon=True)
        self._draad.start()

    def _accepteer(self):
        self.socket.settimeout(0.1)
        while not self._stop.is_set():
            try:
                verbinding, _ = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.verbindingen.append(verbinding)  # never answered, never closed until stop

    @property
    def aantal_verbindingen(self):
        return len(self.verbindingen)

    def stop(self):
        self._stop.set()
        self._draad.join(timeout=2)
        for verbinding in self.verbindingen:
            verbinding.close()
        self.socket.close()
