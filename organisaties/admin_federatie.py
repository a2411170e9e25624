"""The admin of the regional kaart: the neighbours' feeds, and what they brought in, read-only.

Staff add a feed (gemeente and the address of its HSDS API) and switch it on or off; the list
shows per feed when it was last read, what that changed and what went wrong. "Nu importeren"
queues the reading for the worker: a web request never waits for another gemeente's server.
"""

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from procrastinate.exceptions import AlreadyEnqueued

from organisaties.models import Locatie, Regiobron, RegioOrganisatie

AANTALLEN = [
    ("nieuw", _("nieuw")),
    ("bijgewerkt", _("bijgewerkt")),
    ("verwijderd", _("verwijderd")),
    ("geweigerd", _("geweigerd")),
]


@admin.register(Regiobron)
class RegiobronAdmin(admin.ModelAdmin):
    # Few feeds, so no filters or search: the room goes to the counts and the errors.
    list_display = ["naam", "actief", "laatste_run", "uitslag", "fouten"]
    actions = ["nu_importeren"]
    fields = [
        "naam",
        "url",
        "actief",
        "laatste_run",
        "laatste_succes",
        "laatste_volledige_run",
        "gewijzigd_na",
        "uitslag",
        "fouten",
        "is_demo",
    ]
    readonly_fields = [
        "laatste_run",
        "laatste_succes",
        "laatste_volledige_run",
        "gewijzigd_na",
        "uitslag",
        "fouten",
        "is_demo",
    ]

    @admin.display(description=_("uitslag laatste keer"))
    def uitslag(self, bron):
        if not bron.aantallen:
            return "–"
        return ", ".join(
            f"{bron.aantallen.get(sleutel, 0)} {label}" for sleutel, label in AANTALLEN
        )

    @admin.display(description=_("fouten"))
    def fouten(self, bron):
        regels = [r for r in bron.laatste_fouten.splitlines() if r.strip()]
        if not regels:
            return _("geen")
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((r,) for r in regels))
        )

    @admin.action(description=_("Nu importeren (alles opnieuw)"))
    def nu_importeren(self, request, queryset):
        from organisaties.tasks import lees_regiobron

        gepland = 0
        for bron in queryset.filter(is_demo=False):
            try:
                lees_regiobron.configure(queueing_lock=f"regiobron-{bron.pk}").defer(
                    bron_id=bron.pk, volledig=True
                )
                gepland += 1
            except AlreadyEnqueued:
                pass
        self.message_user(
            request,
            ngettext(
                "%(aantal)s bron wordt op de achtergrond ingelezen. Ververs deze pagina over "
                "een paar minuten.",
                "%(aantal)s bronnen worden op de achtergrond ingelezen. Ververs deze pagina "
                "over een paar minuten.",
                gepland,
            )
            % {"aantal": gepland},
            messages.SUCCESS if gepland else messages.WARNING,
        )


class RegioLocatieInline(admin.TabularInline):
    model = Locatie
    fields = ["naam", "adres", "postcode", "plaats"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RegioOrganisatie)
class RegioOrganisatieAdmin(admin.ModelAdmin):
    """Read-only: the feed is the only way these change or go."""

    list_display = ["naam", "regiobron", "soort", "getoond"]
    list_filter = ["regiobron", "soort"]
    search_fields = ["naam", "omschrijving"]
    list_select_related = ["regiobron", "soort", "dubbel_van"]
    fields = [
        "naam",
        "regiobron",
        "extern_id",
        "soort",
        "omschrijving",
        "website",
        "email",
        "telefoon",
        "laatst_geverifieerd",
        "dubbel_van",
        "gewijzigd",
    ]
    readonly_fields = fields
    inlines = [RegioLocatieInline]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(regiobron__isnull=False).defer("zoekvector")

    @admin.display(description=_("getoond aan inwoners"), boolean=True)
    def getoond(self, organisatie):
        return organisatie.dubbel_van_id is None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
