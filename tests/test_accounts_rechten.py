"""No role can raise itself: the account and group admin, walked by every role.

Only a superuser makes superusers or gives permissions directly. Anyone else gives only groups
whose permissions they hold themselves, and cannot touch an account or group that can do
more than they can (a superuser's least of all).
"""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, Permission, User
from django_otp.plugins.otp_totp.models import TOTPDevice

from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN, WIJKTEAMMEDEWERKERS
from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db

ROLLEN = ["anoniem", "redacteur", "coordinator", "wijkteam", "beheerder", "superuser"]


def recht(codenaam, app):
    return Permission.objects.get(content_type__app_label=app, codename=codenaam)


@pytest.fixture
def opzet(db):
    geheim = Group.objects.create(name="Geheim")
    # Beyond a beheerder: deleting sessions logs anyone out.
    geheim.permissions.add(recht("delete_session", "sessions"))
    return {
        "gebruikers": {
            "anoniem": None,
            "redacteur": GebruikerFactory(username="redacteur", groepen=[REDACTEUREN]),
            "coordinator": GebruikerFactory(username="coordinator", groepen=[COORDINATOREN]),
            "wijkteam": GebruikerFactory(username="wijkteam", groepen=[WIJKTEAMMEDEWERKERS]),
            "beheerder": GebruikerFactory(username="beheerder", groepen=[BEHEERDERS]),
            "superuser": GebruikerFactory(username="super", is_superuser=True),
        },
        "doel": GebruikerFactory(username="doel", groepen=[REDACTEUREN]),
        "baas": GebruikerFactory(username="baas", is_superuser=True),
        "speciaal": GebruikerFactory(username="speciaal", groepen=["Geheim"]),
        "geheim": geheim,
        "redacteuren": Group.objects.get(name=REDACTEUREN),
    }


def als(client, opzet, rol):
    gebruiker = opzet["gebruikers"][rol]
    if gebruiker is not None:
        client.force_login(gebruiker)
    return gebruiker


def account_urls(account):
    basis = f"/admin/auth/user/{account.pk}"
    return {
        "wijzigen": f"{basis}/change/",
        "verwijderen": f"{basis}/delete/",
        "wachtwoord": f"{basis}/password/",
    }


def groep_urls(groep):
    basis = f"/admin/auth/group/{groep.pk}"
    return {"wijzigen": f"{basis}/change/", "verwijderen": f"{basis}/delete/"}


def account_gegevens(account, **wijzigingen):
    """The change form of an account as the browser would send it back."""
    return {
        "username": account.username,
        "first_name": account.first_name,
        "last_name": account.last_name,
        "email": account.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": [groep.pk for groep in account.groups.all()],
        "date_joined_0": "2025-01-01",
        "date_joined_1": "09:00:00",
        "last_login_0": "",
        "last_login_1": "",
        **wijzigingen,
    }


def stand(account):
    """What an account can do, to compare before and after an attempt."""
    account = User.objects.get(pk=account.pk)
    return (
        account.is_superuser,
        account.is_staff,
        account.is_active,
        account.password,
        sorted(account.groups.values_list("name", flat=True)),
        sorted(account.user_permissions.values_list("codename", flat=True)),
    )


def groep_stand(groep):
    return sorted(Group.objects.get(pk=groep.pk).permissions.values_list("codename", flat=True))


# --- Every page, every role ---------------------------------------------------------------

VERWACHT = {
    "anoniem": 302,
    "redacteur": 403,
    "coordinator": 403,
    "wijkteam": 403,
    "beheerder": 200,
    "superuser": 200,
}


@pytest.mark.parametrize("rol", ROLLEN)
def test_pagina_s_van_accounts_en_groepen_per_rol(client, opzet, rol):
    als(client, opzet, rol)
    urls = [
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        *account_urls(opzet["doel"]).values(),
        "/admin/auth/group/",
        "/admin/auth/group/add/",
        *groep_urls(opzet["redacteuren"]).values(),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == VERWACHT[rol], url
        if rol == "anoniem":
            assert response["Location"].startswith("/admin/login/"), url


@pytest.mark.parametrize("rol", ROLLEN)
def test_account_van_een_superuser_alleen_door_een_superuser(client, opzet, rol):
    als(client, opzet, rol)
    urls = account_urls(opzet["baas"])
    verwacht = {
        "anoniem": (302, 302, 302),
        "redacteur": (403, 403, 403),
        "coordinator": (403, 403, 403),
        "wijkteam": (403, 403, 403),
        # (change, delete, password) A beheerder sees the account, read-only, and cannot
        # delete it or set its password.
        "beheerder": (200, 403, 403),
        "superuser": (200, 200, 200),
    }[rol]

    codes = tuple(client.get(urls[pagina]).status_code for pagina in urls)

    assert codes == verwacht
    if rol == "beheerder":
        pagina = client.get(urls["wijzigen"]).content.decode()
        assert 'name="username"' not in pagina and 'name="is_superuser"' not in pagina


def test_beheerder_kan_account_met_meer_rechten_niet_overnemen(client, opzet):
    """Setting the password of an account that can do more, and logging in to it, is a way up."""
    als(client, opzet, "beheerder")
    urls = account_urls(opzet["speciaal"])
    voor = stand(opzet["speciaal"])

    assert client.get(urls["wachtwoord"]).status_code == 403
    response = client.post(
        urls["wachtwoord"], {"password1": "Overgenomen-2025!", "password2": "Overgenomen-2025!"}
    )
    assert response.status_code == 403
    response = client.post(urls["wijzigen"], account_gegevens(opzet["speciaal"]))
    assert response.status_code == 403
    assert client.post(urls["verwijderen"], {"post": "yes"}).status_code == 403

    assert stand(opzet["speciaal"]) == voor


@pytest.mark.parametrize("rol", ["beheerder", "superuser"])
def test_groep_met_meer_rechten_alleen_door_een_superuser(client, opzet, rol):
    als(client, opzet, rol)
    urls = groep_urls(opzet["geheim"])
    voor = groep_stand(opzet["geheim"])

    wijzigen = client.post(
        urls["wijzigen"], {"name": "Geheim", "permissions": [recht("view_user", "auth").pk]}
    )
    verwijderen_pagina = client.get(urls["verwijderen"])

    if rol == "beheerder":
        assert wijzigen.status_code == 403
        assert verwijderen_pagina.status_code == 403
        assert client.post(urls["verwijderen"], {"post": "yes"}).status_code == 403
        assert groep_stand(opzet["geheim"]) == voor
        assert Group.objects.filter(name="Geheim").exists()
    else:
        assert wijzigen.status_code == 302
        assert groep_stand(opzet["geheim"]) == ["view_user"]


# --- Attempts to raise oneself ------------------------------------------------------------


def test_beheerder_maakt_zichzelf_geen_superuser(client, opzet):
    beheerder = als(client, opzet, "beheerder")
    voor = stand(beheerder)

    response = client.post(
        account_urls(beheerder)["wijzigen"],
        account_gegevens(
            beheerder,
            is_superuser="on",
            user_permissions=[recht("delete_session", "sessions").pk],
        ),
    )

    # The form saves what a beheerder may change; superuser and permissions are not among it.
    assert response.status_code == 302
    assert stand(beheerder) == voor


def test_beheerder_maakt_een_ander_geen_superuser(client, opzet):
    als(client, opzet, "beheerder")
    voor = stand(opzet["doel"])

    client.post(
        account_urls(opzet["doel"])["wijzigen"],
        account_gegevens(opzet["doel"], is_superuser="on"),
    )

    assert stand(opzet["doel"]) == voor


def test_beheerder_zet_zichzelf_niet_in_een_groep_met_meer_rechten(client, opzet):
    beheerder = als(client, opzet, "beheerder")
    voor = stand(beheerder)
    groepen = [Group.objects.get(name=BEHEERDERS).pk, opzet["geheim"].pk]

    response = client.post(
        account_urls(beheerder)["wijzigen"], account_gegevens(beheerder, groups=groepen)
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["groups"]
    assert stand(beheerder) == voor


def test_beheerder_geeft_een_ander_geen_groep_met_meer_rechten(client, opzet):
    als(client, opzet, "beheerder")
    voor = stand(opzet["doel"])

    response = client.post(
        account_urls(opzet["doel"])["wijzigen"],
        account_gegevens(opzet["doel"], groups=[opzet["geheim"].pk]),
    )

    assert response.status_code == 200
    assert stand(opzet["doel"]) == voor


def test_beheerder_geeft_eigen_groep_geen_extra_recht(client, opzet):
    als(client, opzet, "beheerder")
    groep = Group.objects.get(name=BEHEERDERS)
    voor = groep_stand(groep)
    rechten = [
        *groep.permissions.values_list("pk", flat=True),
        recht("delete_session", "sessions").pk,
    ]

    response = client.post(
        groep_urls(groep)["wijzigen"], {"name": BEHEERDERS, "permissions": rechten}
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["permissions"]
    assert groep_stand(groep) == voor


def test_beheerder_maakt_geen_nieuwe_groep_met_meer_rechten(client, opzet):
    als(client, opzet, "beheerder")

    response = client.post(
        "/admin/auth/group/add/",
        {"name": "Sluiproute", "permissions": [recht("delete_session", "sessions").pk]},
    )

    assert response.status_code == 200
    assert not Group.objects.filter(name="Sluiproute").exists()


def test_beheerder_wijzigt_geen_superuser(client, opzet):
    als(client, opzet, "beheerder")
    baas = opzet["baas"]
    voor = stand(baas)
    urls = account_urls(baas)

    wijzigen = client.post(urls["wijzigen"], account_gegevens(baas, is_active=""))
    wachtwoord = client.post(
        urls["wachtwoord"], {"password1": "Overgenomen-2025!", "password2": "Overgenomen-2025!"}
    )
    verwijderen = client.post(urls["verwijderen"], {"post": "yes"})
    in_bulk = client.post(
        "/admin/auth/user/",
        {"action": "delete_selected", "_selected_action": [baas.pk], "post": "yes"},
    )

    assert (wijzigen.status_code, wachtwoord.status_code, verwijderen.status_code) == (403,) * 3
    assert in_bulk.status_code == 403
    assert stand(baas) == voor


@pytest.mark.parametrize("rol", ["redacteur", "coordinator", "wijkteam"])
def test_redacteur_en_coordinator_geven_zichzelf_niets(client, opzet, rol):
    gebruiker = als(client, opzet, rol)
    voor = stand(gebruiker)
    groep = Group.objects.get(name=BEHEERDERS)

    pogingen = [
        client.post(
            account_urls(gebruiker)["wijzigen"],
            account_gegevens(gebruiker, groups=[groep.pk], is_superuser="on"),
        ),
        client.post(
            account_urls(gebruiker)["wachtwoord"],
            {"password1": "Nieuw-wachtwoord-1", "password2": "Nieuw-wachtwoord-1"},
        ),
        client.post(
            groep_urls(gebruiker.groups.get())["wijzigen"],
            {"name": "x", "permissions": [recht("change_user", "auth").pk]},
        ),
    ]

    assert [poging.status_code for poging in pogingen] == [403, 403, 403]
    assert stand(gebruiker) == voor
    assert "change_user" not in groep_stand(gebruiker.groups.get())


# --- What a beheerder can still do --------------------------------------------------------


def test_beheerder_kiest_alleen_uit_groepen_binnen_de_eigen_rechten(client, opzet):
    als(client, opzet, "beheerder")

    response = client.get(account_urls(opzet["doel"])["wijzigen"])

    keuzes = set(
        response.context["adminform"].form.fields["groups"].queryset.values_list("name", flat=True)
    )
    assert keuzes == {REDACTEUREN, COORDINATOREN, WIJKTEAMMEDEWERKERS, BEHEERDERS}


def test_beheerder_beheert_redacteuren_en_coordinatoren(client, opzet):
    als(client, opzet, "beheerder")
    doel = opzet["doel"]
    coordinatoren = Group.objects.get(name=COORDINATOREN)

    gewijzigd = client.post(
        account_urls(doel)["wijzigen"], account_gegevens(doel, groups=[coordinatoren.pk])
    )
    wachtwoord = client.post(
        account_urls(doel)["wachtwoord"],
        {"password1": "Nieuw-wachtwoord-1", "password2": "Nieuw-wachtwoord-1"},
    )
    nieuw = client.post(
        "/admin/auth/user/add/",
        {
            "username": "nieuwe",
            "password1": "Nieuw-wachtwoord-1",
            "password2": "Nieuw-wachtwoord-1",
        },
    )

    assert (gewijzigd.status_code, wachtwoord.status_code, nieuw.status_code) == (302, 302, 302)
    doel.refresh_from_db()
    assert list(doel.groups.values_list("name", flat=True)) == [COORDINATOREN]
    assert doel.check_password("Nieuw-wachtwoord-1")
    assert User.objects.filter(username="nieuwe", is_superuser=False).exists()

    assert client.post(account_urls(doel)["verwijderen"], {"post": "yes"}).status_code == 302
    assert not User.objects.filter(pk=doel.pk).exists()


def test_superuser_mag_wel_superusers_maken(client, opzet):
    als(client, opzet, "superuser")

    response = client.post(
        account_urls(opzet["doel"])["wijzigen"],
        account_gegevens(opzet["doel"], is_superuser="on"),
    )

    assert response.status_code == 302
    assert User.objects.get(pk=opzet["doel"].pk).is_superuser


# --- Lifting a lockout and a lost phone ---------------------------------------------------


def test_beheerder_heft_inlogblokkade_op(client, opzet):
    for _ in range(5):
        client.post("/admin/login/", {"username": "doel", "password": "fout"})
    assert AccessAttempt.objects.filter(username="doel").exists()
    als(client, opzet, "beheerder")

    client.post(
        "/admin/auth/user/",
        {"action": "blokkade_opheffen", "_selected_action": [opzet["doel"].pk]},
    )

    assert not AccessAttempt.objects.filter(username="doel").exists()


def test_beheerder_laat_app_opnieuw_instellen_maar_niet_bij_een_superuser(client, opzet):
    TOTPDevice.objects.create(user=opzet["doel"], name="oud", confirmed=True)
    TOTPDevice.objects.create(user=opzet["baas"], name="baas", confirmed=True)
    als(client, opzet, "beheerder")

    client.post(
        "/admin/auth/user/",
        {
            "action": "tweestapsverificatie_opnieuw",
            "_selected_action": [opzet["doel"].pk, opzet["baas"].pk],
        },
    )

    assert not TOTPDevice.objects.filter(user=opzet["doel"]).exists()
    assert TOTPDevice.objects.filter(user=opzet["baas"]).exists()


def test_beheerder_heeft_van_auth_alleen_accounts_en_groepen():
    rechten = set(
        Group.objects.get(name=BEHEERDERS)
        .permissions.filter(content_type__app_label="auth")
        .values_list("codename", flat=True)
    )
    assert rechten == {
        f"{actie}_{model}"
        for actie in ("add", "change", "delete", "view")
        for model in ("user", "group")
    }
