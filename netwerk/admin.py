from axes.utils import reset as axes_reset
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from solo.admin import SingletonModelAdmin

from netwerk.accountrechten import (
    mag_account_beheren,
    mag_groep_beheren,
    toekenbare_groepen,
    toekenbare_rechten,
)
from netwerk.email import opnieuw_versturen
from netwerk.models import SiteConfiguratie, UitgaandeEmail
from netwerk.rollen import is_beheerder


@admin.register(SiteConfiguratie)
class SiteConfiguratieAdmin(SingletonModelAdmin):
    """The municipality's settings, grouped as a beheerder looks for them.

    The checks (a logo that is an image, a colour white text is readable on, a map centre in
    the Netherlands) are validators on the model fields, see netwerk.validators.
    """

    # A search field, not a list of every organisation of the kaart.
    autocomplete_fields = ["hulp_organisatie"]
    fieldsets = [
        (
            _("Gemeente en site"),
            {"fields": ["gemeentenaam", "sitenaam", "introductie", "is_demo"]},
        ),
        (
            _("Huisstijl"),
            {
                "fields": ["logo", "primaire_kleur"],
                "description": _(
                    "Het logo en de kleur staan op elke pagina. De site controleert of witte "
                    "tekst goed leesbaar is op de kleur."
                ),
            },
        ),
        (
            _("Kaart"),
            {
                "fields": [("kaart_centrum_latitude", "kaart_centrum_longitude"), "kaart_zoom"],
                "description": _(
                    "Waar de kaart begint als een inwoner hem opent. Zoek het midden van uw "
                    "gemeente op in een kaartprogramma en neem de twee getallen over."
                ),
            },
        ),
        (
            _("Contact"),
            {
                "fields": ["contact_email", "contact_telefoon", "hulp_organisatie"],
                "description": _("Hoe inwoners de gemeente bereiken over deze site."),
            },
        ),
        (
            _("Teksten"),
            {"fields": ["over_tekst", "privacy_tekst", "toegankelijkheid_tekst"]},
        ),
        (
            _("Termijnen"),
            {
                "fields": ["controletermijn_maanden", "bewaartermijn_maanden"],
                "description": _(
                    "Hoe vaak organisaties hun gegevens controleren, en hoe lang gegevens van "
                    "deelnemers aan bijeenkomsten bewaard blijven."
                ),
            },
        ),
        (
            _("Signaalpunt"),
            {
                "fields": ["signaal_contacttermijn_werkdagen", "signaal_bewaartermijn_maanden"],
                "description": _(
                    "Hoe snel het wijkteam contact zoekt na een signaal, en hoe lang signalen "
                    "bewaard blijven nadat ze zijn afgesloten."
                ),
            },
        ),
    ]


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    """Accounts, under the rules of netwerk.accountrechten: nobody gives more than they have.

    Only a superuser makes superusers or gives permissions to an account directly; others
    give groups, and only groups whose permissions they hold themselves.
    """

    list_display = ["username", "email", "is_staff", "is_superuser", "heeft_tweestapsverificatie"]
    actions = ["blokkade_opheffen", "tweestapsverificatie_opnieuw"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _tweestapsverificatie=Exists(
                    TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
                )
            )
        )

    @admin.display(
        boolean=True, description=_("tweestapsverificatie"), ordering="_tweestapsverificatie"
    )
    def heeft_tweestapsverificatie(self, gebruiker):
        return gebruiker._tweestapsverificatie

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            velden += ["is_superuser", "user_permissions"]
        return velden

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = toekenbare_groepen(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or mag_account_beheren(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or mag_account_beheren(request.user, obj)
        )

    def _beheerbaar(self, request, queryset):
        return [account for account in queryset if mag_account_beheren(request.user, account)]

    @admin.action(description=_("Inlogblokkade opheffen"), permissions=["change"])
    def blokkade_opheffen(self, request, queryset):
        accounts = self._beheerbaar(request, queryset)
        for account in accounts:
            axes_reset(username=account.get_username())
        self.message_user(
            request,
            ngettext(
                "%(aantal)d account kan weer inloggen.",
                "%(aantal)d accounts kunnen weer inloggen.",
                len(accounts),
            )
            % {"aantal": len(accounts)},
        )

    @admin.action(
        description=_("Tweestapsverificatie opnieuw laten instellen (nieuwe telefoon)"),
        permissions=["change"],
    )
    def tweestapsverificatie_opnieuw(self, request, queryset):
        accounts = self._beheerbaar(request, queryset)
        TOTPDevice.objects.filter(user__in=accounts).delete()
        self.message_user(
            request,
            ngettext(
                "%(aantal)d account stelt bij de volgende keer inloggen de app opnieuw in.",
                "%(aantal)d accounts stellen bij de volgende keer inloggen de app opnieuw in.",
                len(accounts),
            )
            % {"aantal": len(accounts)},
        )


@admin.register(Group)
class GroepAdmin(GroupAdmin):
    """Groups (the roles), under the rules of netwerk.accountrechten."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "permissions":
            kwargs["queryset"] = toekenbare_rechten(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or mag_groep_beheren(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or mag_groep_beheren(request.user, obj)
        )


@admin.register(UitgaandeEmail)
class UitgaandeEmailAdmin(admin.ModelAdmin):
    """The outbox, for beheerders only: e-mails hold attendees' names and addresses."""

    list_display = [
        "onderwerp",
        "aan",
        "status",
        "pogingen",
        "laatste_fout",
        "volgende_poging",
        "aangemaakt",
        "verzonden_op",
    ]
    list_filter = ["status"]
    search_fields = ["aan", "onderwerp"]
    readonly_fields = [f.name for f in UitgaandeEmail._meta.fields]
    actions = ["opnieuw_versturen"]

    def has_module_permission(self, request):
        return is_beheerder(request.user)

    def has_view_permission(self, request, obj=None):
        return is_beheerder(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return is_beheerder(request.user)

    @admin.action(description=_("Opnieuw versturen"))
    def opnieuw_versturen(self, request, queryset):
        """Failed or waiting e-mails get a fresh series of attempts, right away."""
        aantal = opnieuw_versturen(queryset)
        messages.success(
            request,
            _("%(aantal)s e-mails staan klaar om opnieuw verstuurd te worden.")
            % {"aantal": aantal},
        )
