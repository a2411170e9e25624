"""Who may see attendees' personal data: a meeting's coordinators, and beheerders.

Every view, export and admin page with personal data asks ``mag_aanmeldingen_zien``.
"""

from django.core.exceptions import PermissionDenied

from netwerk.rollen import COORDINATOREN, is_beheerder


def mag_aanmeldingen_zien(gebruiker, bijeenkomst):
    if not gebruiker.is_authenticated or not gebruiker.is_active or not gebruiker.is_staff:
        return False
    if is_beheerder(gebruiker):
        return True
    return bijeenkomst.coordinatoren.filter(pk=gebruiker.pk).exists()


def vereis_aanmeldingen_zien(gebruiker, bijeenkomst):
    if not mag_aanmeldingen_zien(gebruiker, bijeenkomst):
        raise PermissionDenied


def mag_coordineren(gebruiker):
    """Whether the coordinator pages have anything for this account: beheerders, members of
    the Coördinator group, and anyone named coordinator of a meeting."""
    if not gebruiker.is_authenticated or not gebruiker.is_active or not gebruiker.is_staff:
        return False
    if is_beheerder(gebruiker) or gebruiker.groups.filter(name=COORDINATOREN).exists():
        return True
    return gebruiker.gecoordineerde_bijeenkomsten.exists()


def begint_bij_coordinatie(gebruiker):
    """A coordinator with no other staff role starts the day at /coordinatie/; redacteuren and
    beheerders keep the admin as their start page (it links to the coordinator pages)."""
    if not mag_coordineren(gebruiker) or gebruiker.is_superuser:
        return False
    return set(gebruiker.groups.values_list("name", flat=True)) <= {COORDINATOREN}
