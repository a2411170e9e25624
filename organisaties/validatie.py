"""Dutch postcodes and phone numbers, checked by kept libraries and written one way.

The checks hang on the model fields (Locatie.postcode, Organisatie.telefoon), so every path
that validates a model (the admin, the organisation's own form, an import with full_clean)
refuses the same values with the same Dutch message. The normalising functions are what
``Locatie.save`` and the forms store: "3142ab" becomes "3142 AB" whichever way it came in.

django-localflavor knows the shape of a Dutch postcode (four digits, not starting with 0, two
letters); phonenumbers knows the Dutch numbering plan (area codes, 06, 0800/0900, 14 0xx).
"""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from localflavor.nl.validators import NLZipCodeFieldValidator

_SPATIES = re.compile(r"\s+")

POSTCODE_FOUT = _("Vul een Nederlandse postcode in, zoals 3142 AB: vier cijfers en twee letters.")
TELEFOON_FOUT = _(
    "Dit telefoonnummer bestaat niet. Schrijf het bijvoorbeeld zo: 010 593 18 19, "
    "06 12 34 56 78 of +31 10 593 18 19."
)


def normaliseer_postcode(waarde: str) -> str:
    """'3142ab', ' 3142  AB ' -> '3142 AB'. A value that is no postcode is returned trimmed."""
    compact = _SPATIES.sub("", waarde or "").upper()
    if len(compact) == 6 and compact[:4].isdigit() and compact[4:].isalpha():
        return f"{compact[:4]} {compact[4:]}"
    return (waarde or "").strip()


def postcode_validator(waarde):
    """A Dutch postcode, in any spelling that normalises to '1234 AB'."""
    try:
        NLZipCodeFieldValidator()(normaliseer_postcode(waarde))
    except ValidationError:
        raise ValidationError(POSTCODE_FOUT, code="postcode") from None


def _nummer(waarde):
    try:
        nummer = phonenumbers.parse(waarde, "NL")
    except phonenumbers.NumberParseException:
        return None
    return nummer if phonenumbers.is_valid_number(nummer) else None


def telefoon_validator(waarde):
    """A phone number that exists in the numbering plan; Dutch unless it starts with +."""
    if waarde and _nummer(waarde) is None:
        raise ValidationError(TELEFOON_FOUT, code="telefoon")
