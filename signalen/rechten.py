"""Who may do what with signals. The views ask these; so does Signaal.objects.zichtbaar_voor."""

from netwerk.rollen import WIJKTEAMMEDEWERKERS, is_beheerder


def is_wijkteammedewerker(gebruiker):
    if not gebruiker.is_authenticated or not gebruiker.is_active or not gebruiker.is_staff:
        return False
    return gebruiker.groups.filter(name=WIJKTEAMMEDEWERKERS).exists()


def mag_signalen_zien(gebruiker):
    """The work queue: beheerders and wijkteammedewerkers (who then see their teams' only)."""
    return is_beheerder(gebruiker) or is_wijkteammedewerker(gebruiker)


def mag_overzicht_zien(gebruiker):
    """The monthly overview for the gemeente holds no personal data; beheerders read it."""
    return is_beheerder(gebruiker)
