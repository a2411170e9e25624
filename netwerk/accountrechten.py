"""No staff member can give more rights than they hold themselves.

Django's own user admin lets anyone with "change user" tick "superuser" or hand out any
permission, also on their own account. The account admin (netwerk/admin.py) asks these rules
instead: a superuser may do anything; anyone else only manages accounts and groups whose
permissions they hold all of themselves, and gives only those groups and permissions.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q


def rechten(gebruiker):
    """The permissions of an account, its own and through its groups, active or not."""
    if gebruiker.is_superuser:
        return Permission.objects.all()
    return Permission.objects.filter(
        Q(pk__in=gebruiker.user_permissions.values("pk"))
        | Q(pk__in=Permission.objects.filter(group__user=gebruiker).values("pk"))
    )


def _meer_dan(rechten_van_iets, beheerder):
    return rechten_van_iets.exclude(pk__in=rechten(beheerder).values("pk")).exists()


def mag_account_beheren(beheerder, account):
    """Whether ``beheerder`` may change, delete or set the password of ``account``.

    Never a superuser's account, nor one that could do more than the beheerder: logging in to
    it after setting its password would be a way up.
    """
    if beheerder.is_superuser:
        return True
    return not account.is_superuser and not _meer_dan(rechten(account), beheerder)


def mag_groep_beheren(beheerder, groep):
    if beheerder.is_superuser:
        return True
    return not _meer_dan(groep.permissions.all(), beheerder)


def toekenbare_groepen(beheerder):
    """The groups ``beheerder`` may give: those with no permission the beheerder lacks."""
    if beheerder.is_superuser:
        return Group.objects.all()
    return Group.objects.exclude(
        permissions__in=Permission.objects.exclude(pk__in=rechten(beheerder).values("pk"))
    )


def toekenbare_rechten(beheerder):
    """The permissions ``beheerder`` may put in a group: their own."""
    return rechten(beheerder)
