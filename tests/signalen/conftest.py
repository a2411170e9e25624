"""Two wijkteams with a wijk each, their workers, and the other roles of the rights matrix."""

import pytest

from netwerk.models import SiteConfiguratie
from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN, WIJKTEAMMEDEWERKERS
from signalen import services
from signalen.models import Teamlid, Wijkroute
from tests.factories import GebruikerFactory, OrganisatieFactory, SoortFactory, WijkFactory


@pytest.fixture
def wijkteam_soort(db):
    return SoortFactory(slug="wijkteam", naam="Wijkteam")


@pytest.fixture
def wijk_noord(db):
    return WijkFactory(slug="noord", naam="Noord")


@pytest.fixture
def wijk_zuid(db):
    return WijkFactory(slug="zuid", naam="Zuid")


@pytest.fixture
def team_noord(wijkteam_soort, wijk_noord):
    team = OrganisatieFactory(naam="Wijkteam Noord", slug="wijkteam-noord", soort=wijkteam_soort)
    Wijkroute.objects.create(wijk=wijk_noord, team=team)
    return team


@pytest.fixture
def team_zuid(wijkteam_soort, wijk_zuid):
    team = OrganisatieFactory(naam="Wijkteam Zuid", slug="wijkteam-zuid", soort=wijkteam_soort)
    Wijkroute.objects.create(wijk=wijk_zuid, team=team)
    return team


@pytest.fixture
def standaardteam(wijkteam_soort):
    """The 'hulp bij vragen' of the site settings: the team for an unknown wijk."""
    team = OrganisatieFactory(naam="Wijkteam Centraal", slug="centraal", soort=wijkteam_soort)
    site = SiteConfiguratie.get_solo()
    site.hulp_organisatie = team
    site.save()
    return team


def medewerker(naam, team):
    gebruiker = GebruikerFactory(username=naam, groepen=[WIJKTEAMMEDEWERKERS])
    Teamlid.objects.create(gebruiker=gebruiker, team=team)
    return gebruiker


@pytest.fixture
def rollen(team_noord, team_zuid):
    return {
        "anoniem": None,
        "ander_team": medewerker("zuid", team_zuid),
        "eigen_team": medewerker("noord", team_noord),
        "coordinator": GebruikerFactory(username="coordinator", groepen=[COORDINATOREN]),
        "redacteur": GebruikerFactory(username="redacteur", groepen=[REDACTEUREN]),
        "beheerder": GebruikerFactory(username="beheerder", groepen=[BEHEERDERS]),
    }


@pytest.fixture
def signaal(team_noord, wijk_noord):
    return services.dien_in(
        zorg="Mijn buurman komt al weken niet buiten.",
        wijk=wijk_noord,
        naam="Anna Buur",
        email="anna@example.nl",
        telefoon="010 123 45 67",
    )
