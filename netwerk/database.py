"""The embedded PostgreSQL used when no DATABASE_URL is given.

pgserver ships a PostgreSQL build inside a wheel, so a fresh machine needs no server. The data
lives in ``.data/pg`` of the checkout; the server keeps running after the first command that
started it, so ``make run`` and ``make test`` share it instead of starting one each.
"""

import os
import warnings
from pathlib import Path


def embedded_database_url(data_dir: Path) -> str:
    # pgserver asks platformdirs for a runtime folder, which warns when none is set.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(data_dir.parent / "run"))
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

        data_dir.mkdir(parents=True, exist_ok=True)
        server = pgserver.get_server(data_dir, cleanup_mode=None)
    return server.get_uri()
