"""The open data of the sociale kaart: a read-only HSDS 3.0 API under /api/v1/ and a CSV file.

Open Referral's Human Services Data Specification (HSDS) is the format other sociale kaarten,
regional portals and researchers read; ``hsds/`` holds its schemas (CC BY-SA 4.0), from which
``openapi.py`` builds the description of exactly what this API serves.

- ``parameters.py``: every query parameter read and checked in one place; bad input is a
  400 with a Dutch message, never a 500.
- ``hsds.py``: the HSDS objects as plain dicts, built from prefetched rows (no query of its
  own), and the stable ids of objects that have no row (addresses, phones, schedules).
- ``views.py``: paging, filters and the answers, with CORS and the page cache.
- ``export.py``: the whole published directory as one CSV file for spreadsheets.

Only published organisations and what belongs to them are served, and of those only what
residents see on the site: no curation fields, no e-mail address for the redactie, nothing
about meetings or the people who attend them.
"""
