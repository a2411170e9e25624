"""Who saw which meeting's attendees, and when: the access log the AVG asks for.

Every page, export and admin view that shows attendees' personal data calls ``vastleggen``
once, after the permission check passed and before the data leaves the server. Beheerders
read the log in the admin (bijeenkomsten.admin.InzageAdmin); nobody can change it there.
"""

from bijeenkomsten.models import Inzage


def vastleggen(gebruiker, actie, bijeenkomsten, aanmelding=None):
    """Log that ``gebruiker`` saw the attendees of each of ``bijeenkomsten`` (one or more)."""
    if not isinstance(bijeenkomsten, list | tuple):
        bijeenkomsten = [bijeenkomsten]
    Inzage.objects.bulk_create(
        Inzage(
            gebruiker=gebruiker,
            gebruikersnaam=gebruiker.get_username(),
            actie=actie,
            bijeenkomst=bijeenkomst,
            bijeenkomst_titel=bijeenkomst.titel,
            aanmelding=aanmelding,
        )
        for bijeenkomst in bijeenkomsten
    )
