"""Who may see attendees' personal data: a meeting's coordinators, and beheerders.

Every view, export and admin page with personal data asks ``mag_aanmeldingen_zien``.
"""

from django.core.exceptions import PermissionDenied

from netwerk.rollen import is_beheerder


def mag_aanmeldingen_zien(gebruiker, bijeenkomst):
    if not gebruiker.is_authenticated or not gebruiker.is_active or not gebruiker.is_staff:
        return False
    if is_beheerder(gebruiker):
        return True
    return bijeenkomst.coordinatoren.filter(pk=gebruiker.pk).exists()


def vereis_aanmeldingen_zien(gebruiker, bijeenkomst):
    if not mag_aanmeldingen_zien(gebruiker, bijeenkomst):
        raise PermissionDenied
