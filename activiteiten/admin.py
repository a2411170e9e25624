from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activiteiten import bijwerken, services
from activiteiten.herhaling import beschrijving
from activiteiten.models import (
    Aanmeldmoment,
    Activiteit,
    Activiteitvoorstel,
    Campagne,
    Uitzonderingsperiode,
)
from organisaties.geschiedenis import GeschiedenisAdmin
from organisaties.models import Doelgroep, Locatie, Thema, Wijk


class UitzonderingsperiodeInline(admin.TabularInline):
    model = Uitzonderingsperiode
    extra = 1


class AanmeldmomentInline(admin.TabularInline):
    """The times people signed up for; the registrations are on the meeting's pages."""

    model = Aanmeldmoment
    extra = 0
    fields = ["start", "bijeenkomst"]
    readonly_fields = ["start", "bijeenkomst"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Activiteit)
class ActiviteitAdmin(GeschiedenisAdmin):
    """Staff review what organisations send in (ter beoordeling) and publish it."""

    list_display = ["titel", "status", "start", "herhaling_tekst", "campagne", "wijk"]
    list_filter = ["status", "campagne", "wijk", "is_gratis"]
    search_fields = ["titel", "omschrijving", "organisaties__naam"]
    prepopulated_fields = {"slug": ["titel"]}
    filter_horizontal = ["organisaties", "themas", "doelgroepen"]
    autocomplete_fields = ["locatie"]
    actions = ["publiceren", "archiveren"]
    inlines = [UitzonderingsperiodeInline, AanmeldmomentInline]
    fieldsets = [
        (None, {"fields": ["titel", "slug", "status", "omschrijving", "organisaties", "campagne"]}),
        (_("Waar"), {"fields": ["locatie", "ontmoetplek", "wijk"]}),
        (_("Wanneer"), {"fields": ["start", "einde", "herhaling", "uitzonderingen"]}),
        (
            _("Voor wie en hoe"),
            {
                "fields": [
                    "themas",
                    "doelgroepen",
                    "is_gratis",
                    "kosten",
                    "hoe_meedoen",
                    "toegankelijkheid",
                    "capaciteit",
                ]
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capaciteit" in form.changed_data:
            # More places: the waiting lists of the coming times move up (bijeenkomsten).
            services.capaciteit_gewijzigd(obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change:
            # After the periods without the activity (inline) are saved too: sign-ups of a
            # time that moved go along, those of a time that is gone are cancelled by e-mail.
            verplaatst, geannuleerd = services.momenten_bijwerken(form.instance)
            if verplaatst or geannuleerd:
                self.message_user(
                    request,
                    _(
                        "Aanmeldingen bijgewerkt: %(verplaatst)s keer verplaatst, "
                        "%(geannuleerd)s keer afgezegd. De inwoners krijgen een e-mail."
                    )
                    % {"verplaatst": verplaatst, "geannuleerd": geannuleerd},
                    messages.WARNING,
                )

    @admin.display(description=_("herhaling"))
    def herhaling_tekst(self, obj):
        return beschrijving(obj) or _("Eén keer")

    def _gemeld(self, request, tekst, aantal):
        self.message_user(request, tekst % {"aantal": aantal}, messages.SUCCESS)

    @admin.action(description=_("Publiceren"), permissions=["change"])
    def publiceren(self, request, queryset):
        aantal = services.publiceren(queryset)
        self._gemeld(
            request,
            ngettext(
                "%(aantal)d activiteit is gepubliceerd.",
                "%(aantal)d activiteiten zijn gepubliceerd.",
                aantal,
            ),
            aantal,
        )

    @admin.action(description=_("Archiveren (van de site halen)"), permissions=["change"])
    def archiveren(self, request, queryset):
        aantal = services.archiveren(queryset)
        self._gemeld(
            request,
            ngettext(
                "%(aantal)d activiteit is gearchiveerd.",
                "%(aantal)d activiteiten zijn gearchiveerd.",
                aantal,
            ),
            aantal,
        )


@admin.register(Campagne)
class CampagneAdmin(GeschiedenisAdmin):
    list_display = ["naam", "begin", "einde"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Activiteitvoorstel)
class ActiviteitvoorstelAdmin(admin.ModelAdmin):
    """What organisations sent through their personal link; taking it over publishes it."""

    list_display = ["__str__", "organisatie", "activiteit", "status", "ingediend_op"]
    list_filter = ["status"]
    search_fields = ["organisatie__naam", "activiteit__titel"]
    fields = ["organisatie", "activiteit", "status", "ingediend_op", "toelichting", "voorstel"]
    readonly_fields = fields
    actions = ["overnemen", "afwijzen"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("voorstel"))
    def voorstel(self, obj):
        namen = {
            "locatie": lambda pk: Locatie.objects.filter(pk=pk).first(),
            "wijk": lambda pk: Wijk.objects.filter(pk=pk).first(),
            "themas": lambda pks: ", ".join(str(t) for t in Thema.objects.filter(pk__in=pks)),
            "doelgroepen": lambda pks: ", ".join(
                str(d) for d in Doelgroep.objects.filter(pk__in=pks)
            ),
        }
        rijen = [
            (naam, namen[naam](waarde) if naam in namen and waarde else waarde)
            for naam, waarde in obj.gegevens.items()
        ]
        return format_html(
            "<table>{}</table>",
            format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rijen),
        )

    @admin.action(description=_("Overnemen en publiceren"), permissions=["change"])
    def overnemen(self, request, queryset):
        aantal = 0
        for voorstel in queryset.filter(status=Activiteitvoorstel.Status.OPEN):
            bijwerken.overnemen(voorstel)
            aantal += 1
        self.message_user(
            request,
            ngettext(
                "%(aantal)d voorstel is overgenomen en gepubliceerd.",
                "%(aantal)d voorstellen zijn overgenomen en gepubliceerd.",
                aantal,
            )
            % {"aantal": aantal},
            messages.SUCCESS,
        )

    @admin.action(description=_("Afwijzen"), permissions=["change"])
    def afwijzen(self, request, queryset):
        for voorstel in queryset:
            bijwerken.afwijzen(voorstel)
        self.message_user(request, _("De voorstellen zijn afgewezen."), messages.SUCCESS)
