"""The test settings: production settings plus the switches only tests may turn.

The concurrency tests widen the race window and, in their control test, turn the registration
lock off. Those switches live here and nowhere else, so no environment variable can change
the lock of a running site.
"""

from netwerk.settings import *  # noqa: F403

# A pause (seconds) between counting places and taking one.
AANMELDEN_RACE_VENSTER = 0.0
# Locking itself; only the control test turns it off, to show the race it prevents.
AANMELDEN_VERGRENDELEN = True

# The worker fixture (tests/conftest.py) runs tasks in threads of its own; their database
# connections must close after each task, or the test database cannot be dropped at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Tests log staff in with client.force_login; the tests of the second factor turn it on.
TWEE_FACTOR_VERPLICHT = False
# No test reaches PDOK: a worker that looks up coordinates meets a closed port at once. The
# geocoding tests point this at a fake server of their own.
PDOK_LOCATIESERVER_URL = "http://127.0.0.1:9/geen-pdok"
