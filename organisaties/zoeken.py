"""Turning what a resident types into a PostgreSQL full-text query.

Accents are removed in Python, both from the text that is indexed and from the query, so that
"cafe" finds "Café" on every PostgreSQL build, also the embedded one without the unaccent
extension. Each word becomes a prefix match, so "schuld" finds "schuldhulpverlening".
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery
from django.db import connection

ZOEK_CONFIG = "dutch"
# Longer input is cut off: nobody types more, and it keeps the query cheap.
MAX_ZOEKLENGTE = 200
MAX_WOORDEN = 10
# Letters and digits only: the words are joined into a raw tsquery, so nothing else may pass.
_WOORD = re.compile(r"[^\W_]+")


def zonder_accenten(tekst: str) -> str:
    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(teken for teken in ontleed if not unicodedata.combining(teken))


def zoekwoorden(tekst: str) -> list[str]:
    """The words of a search, lower case and without accents, at most MAX_WOORDEN."""
    tekst = zonder_accenten(tekst[:MAX_ZOEKLENGTE]).lower()
    woorden = []
    for woord in _WOORD.findall(tekst):
        if woord not in woorden:
            woorden.append(woord)
    return woorden[:MAX_WOORDEN]


def tsquery(woorden: list[str], alle_woorden: bool = True) -> SearchQuery:
    """A prefix query on every word, all of them required or any of them."""
    operator = " & " if alle_woorden else " | "
    raw = operator.join(f"{woord}:*" for woord in woorden)
    return SearchQuery(raw, search_type="raw", config=ZOEK_CONFIG)


def heeft_extensie(naam: str) -> bool:
    """Whether an extension is installed in the current database (cached per database)."""
    bekend = connection.__dict__.setdefault("_netwerk_extensies", {})
    sleutel = (connection.settings_dict["NAME"], naam)
    if sleutel not in bekend:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = %s", [naam])
            bekend[sleutel] = cursor.fetchone() is not None
    return bekend[sleutel]


def kan_tikfouten_vergeven() -> bool:
    return heeft_extensie("pg_trgm")


# For each search word of at least 4 letters that is not a stop word, the most similar word of
# the directory (pg_trgm's % operator, which the trigram index on organisaties_zoekwoord
# answers), or the word itself when nothing is similar enough.
_VERBETER = """
SELECT COALESCE(
    (SELECT z.woord FROM organisaties_zoekwoord z
     WHERE length(v.woord) >= 4
       AND to_tsvector(%s::regconfig, v.woord) <> ''::tsvector
       AND z.woord %% v.woord
     ORDER BY similarity(z.woord, v.woord) DESC, z.woord
     LIMIT 1),
    v.woord)
FROM unnest(%s::text[]) WITH ORDINALITY AS v(woord, n)
ORDER BY v.n
"""


def verbeter_tikfouten(woorden: list[str]) -> list[str]:
    """The search words with typos corrected to words of the directory. Needs pg_trgm."""
    if not woorden:
        return []
    with connection.cursor() as cursor:
        cursor.execute(_VERBETER, [ZOEK_CONFIG, woorden])
        return [rij[0] for rij in cursor.fetchall()]
