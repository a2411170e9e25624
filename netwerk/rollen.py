"""The roles of DESIGN.md as Django groups, kept in step after every migrate.

- Redacteur: curates the sociale kaart (organisations, aanbod, locations, suggestions).
- Coördinator: organises meetings; sees attendees of the meetings they coordinate only.
- Wijkteammedewerker: works in a wijkteam (signalen.Teamlid); sees that team's signals only.
- Beheerder: everything, including all attendees, all signals and the site settings.
Give a staff account one or more of these groups in the admin.
"""

from django.contrib.auth.models import Group, Permission

REDACTEUREN = "Redacteur"
COORDINATOREN = "Coördinator"
BEHEERDERS = "Beheerder"
WIJKTEAMMEDEWERKERS = "Wijkteammedewerker"


def is_beheerder(gebruiker):
    if not gebruiker.is_authenticated or not gebruiker.is_active:
        return False
    return gebruiker.is_superuser or gebruiker.groups.filter(name=BEHEERDERS).exists()


REDACTEUR_MODELLEN = {
    "organisaties": [
        "organisatie",
        "aanbod",
        "locatie",
        "openingstijd",
        "wijzigingsvoorstel",
        "bijwerkvoorstel",
        "thema",
        "doelgroep",
        "soort",
        "wijk",
        # The regional kaart: the neighbours' feeds, and their organisations (read-only).
        "regiobron",
        "regioorganisatie",
        # Help near home: the postcode table behind the distance search.
        "postcode",
    ],
    # Activities for residents: reviewed and published like the kaart.
    "activiteiten": ["activiteit", "campagne", "uitzonderingsperiode", "activiteitvoorstel"],
}
COORDINATOR_MODELLEN = {
    "bijeenkomsten": ["bijeenkomst", "programmaonderdeel"],
}


def _rechten(modellen, acties=("add", "change", "delete", "view")):
    codenames = [
        f"{actie}_{model}"
        for model_lijst in modellen.values()
        for model in model_lijst
        for actie in acties
    ]
    return Permission.objects.filter(
        content_type__app_label__in=list(modellen), codename__in=codenames
    )


def maak_rollen(sender=None, using="default", **kwargs):
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    # post_migrate reaches this app before the apps listed after it: make their permissions now.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)

    redacteur, _ = Group.objects.get_or_create(name=REDACTEUREN)
    redacteur.permissions.add(*_rechten(REDACTEUR_MODELLEN))

    coordinator, _ = Group.objects.get_or_create(name=COORDINATOREN)
    coordinator.permissions.add(
        *_rechten(COORDINATOR_MODELLEN),
        *_rechten({"bijeenkomsten": ["aanmelding", "statuswijziging"]}, acties=("view",)),
        *_rechten({"organisaties": ["locatie", "organisatie", "thema"]}, acties=("view",)),
    )

    # The signals themselves are reached through signalen's own pages, which also ask the
    # team; this permission only marks the role (and bounds who may manage such accounts).
    wijkteammedewerker, _ = Group.objects.get_or_create(name=WIJKTEAMMEDEWERKERS)
    wijkteammedewerker.permissions.add(*_rechten({"signalen": ["signaal"]}, acties=("view",)))

    # Of auth only accounts and groups; what a beheerder may give there is bounded by
    # netwerk.accountrechten. The permissions on auth's Permission model serve no page.
    beheerder, _ = Group.objects.get_or_create(name=BEHEERDERS)
    beheerder.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=[
                "organisaties",
                "bijeenkomsten",
                "netwerk",
                "signalen",
                "activiteiten",
            ]
        ),
        *_rechten({"auth": ["user", "group"]}),
    )
    beheerder.permissions.remove(
        *Permission.objects.filter(content_type__app_label="auth", content_type__model="permission")
    )
