"""Checks for short texts a visitor types that the site shows or mails to others.

A name, an organisation or a job title is one line of words. Anything else is a way to put
a link or a second paragraph into a page or an e-mail under the site's name: a spammer
registers "Win a prize at example.com" with someone else's e-mail address, and the site
mails "Beste Win a prize at example.com," to that address. So such fields refuse line
breaks and anything a mail program would turn into a link.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Line breaks and other control characters: never part of a name.
_REGELEINDE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# A dot as a browser reads it in a web address, also in its full-width and ideographic forms.
_PUNT = r"[.\u3002\uff0e\uff61]"
_SCHEMA_OF_WWW = re.compile(
    rf"://|\b(?:https?|ftp|javascript|data|mailto|file|vbscript):|\bwww\d*{_PUNT}",
    re.IGNORECASE,
)
# A domain: a letter or digit, a dot, and a word of two or more letters (voorbeeld.nl).
_DOMEIN = re.compile(rf"[^\W_]{_PUNT}([^\W\d_]{{2,}})\b")
# Dutch titles written without a space ("mr.dr. A. de Vries") look like a domain but are not.
_TITELS = {"dr", "drs", "ir", "ing", "mr", "mw", "dhr", "prof", "bc", "ma", "msc", "bsc", "phd"}


def _heeft_webadres(tekst):
    if _SCHEMA_OF_WWW.search(tekst):
        return True
    return any(deel.lower() not in _TITELS for deel in _DOMEIN.findall(tekst))


def een_regel_zonder_webadres(waarde):
    """One line, and nothing that looks like a web address (www., http:, ://, voorbeeld.nl).

    Strict on purpose: "Zorg.Thuis" is refused as well; a space after the dot fixes it.
    """
    if _REGELEINDE.search(waarde):
        raise ValidationError(
            _("Schrijf dit op één regel, zonder Enter of andere speciale tekens."),
            code="meer_regels",
        )
    if _heeft_webadres(unicodedata.normalize("NFKC", waarde)):
        raise ValidationError(
            _("Hier mag geen webadres staan, zoals www.voorbeeld.nl. Haal het weg."),
            code="webadres",
        )
