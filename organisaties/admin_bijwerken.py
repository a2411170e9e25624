"""The admin side of organisations keeping their own listing current.

- ``stuur_persoonlijke_link`` and ``trek_persoonlijke_links_in``: actions of OrganisatieAdmin,
  on one organisation, a selection or a whole filtered work list.
- BijwerkvoorstelAdmin: an organisation's proposal field by field beside its listing; staff
  take over all, a part, or nothing (with a note the organisation receives).

The rules are in organisaties.bijwerken; this module only asks and reports.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from organisaties import bijwerken
from organisaties.models import Bijwerkvoorstel

# Names listed in a message before "en nog ... andere".
MAX_NAMEN = 15


def _namen(organisaties):
    namen = ", ".join(o.naam for o in organisaties[:MAX_NAMEN])
    if len(organisaties) > MAX_NAMEN:
        namen += " " + _g("en nog %(aantal)d andere") % {"aantal": len(organisaties) - MAX_NAMEN}
    return namen


@admin.action(
    description=_("Persoonlijke link sturen om de gegevens te controleren"),
    permissions=["change"],
)
def stuur_persoonlijke_link(modeladmin, request, queryset):
    """E-mail each selected organisation its personal link; name the ones that get none."""
    uitslag = bijwerken.stuur_links(queryset)
    if uitslag.verstuurd:
        modeladmin.message_user(
            request,
            ngettext(
                "Persoonlijke link verstuurd naar %(aantal)d organisatie.",
                "Persoonlijke link verstuurd naar %(aantal)d organisaties.",
                len(uitslag.verstuurd),
            )
            % {"aantal": len(uitslag.verstuurd)},
            messages.SUCCESS,
        )
    if uitslag.zonder_adres:
        modeladmin.message_user(
            request,
            ngettext(
                "Geen link verstuurd naar %(aantal)d organisatie zonder e-mailadres voor de "
                "redactie: %(namen)s. Vul dat e-mailadres in en probeer het opnieuw.",
                "Geen link verstuurd naar %(aantal)d organisaties zonder e-mailadres voor de "
                "redactie: %(namen)s. Vul dat e-mailadres in en probeer het opnieuw.",
                len(uitslag.zonder_adres),
            )
            % {"aantal": len(uitslag.zonder_adres), "namen": _namen(uitslag.zonder_adres)},
            messages.WARNING,
        )
    if uitslag.gearchiveerd:
        modeladmin.message_user(
            request,
            ngettext(
                "Geen link verstuurd naar %(aantal)d gearchiveerde organisatie: %(namen)s.",
                "Geen link verstuurd naar %(aantal)d gearchiveerde organisaties: %(namen)s.",
                len(uitslag.gearchiveerd),
            )
            % {"aantal": len(uitslag.gearchiveerd), "namen": _namen(uitslag.gearchiveerd)},
            messages.WARNING,
        )


@admin.action(
    description=_("Persoonlijke links intrekken (verstuurde links werken niet meer)"),
    permissions=["change"],
)
def trek_persoonlijke_links_in(modeladmin, request, queryset):
    aantal = bijwerken.trek_links_in(queryset)
    modeladmin.message_user(
        request,
        ngettext(
            "De verstuurde links van %(aantal)d organisatie werken niet meer.",
            "De verstuurde links van %(aantal)d organisaties werken niet meer.",
            aantal,
        )
        % {"aantal": aantal},
        messages.SUCCESS,
    )


@admin.register(Bijwerkvoorstel)
class BijwerkvoorstelAdmin(admin.ModelAdmin):
    list_display = ["organisatie", "ingediend_op", "status", "beoordeeld_door", "beoordeeld_op"]
    list_filter = ["status"]
    search_fields = ["organisatie__naam", "toelichting"]
    search_help_text = _("Zoek op de naam van de organisatie of haar toelichting.")
    list_select_related = ["organisatie", "beoordeeld_door"]
    date_hierarchy = "ingediend_op"

    class Media:
        css = {"all": ["css/bijwerken-admin.css"]}

    def has_add_permission(self, request):
        return False  # proposals come from organisations, through their link

    def has_delete_permission(self, request, obj=None):
        # A handled proposal stays: it is the record of what was decided and why.
        return super().has_delete_permission(request, obj) and (
            obj is None or obj.status == Bijwerkvoorstel.Status.OPEN
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The review: the comparison, the choices, and accept (all or part) or reject."""
        voorstel = self.get_object(request, unquote(object_id))
        if voorstel is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, voorstel):
            raise PermissionDenied
        kan_beoordelen = (
            self.has_change_permission(request, voorstel)
            and voorstel.status == Bijwerkvoorstel.Status.OPEN
        )
        fout = None
        notitie = ""
        gekozen = None
        if request.method == "POST":
            if not kan_beoordelen:
                raise PermissionDenied
            actie = request.POST.get("actie")
            notitie = request.POST.get("notitie", "").strip()[:5000]
            gekozen = request.POST.getlist("overnemen")
            try:
                if actie == "afwijzen":
                    bijwerken.wijs_af(voorstel, request.user, notitie)
                    melding = _g("Het voorstel is afgewezen.")
                elif actie in ("alles", "gekozen"):
                    voorstel = bijwerken.neem_over(
                        voorstel, request.user, None if actie == "alles" else gekozen, notitie
                    )
                    melding = (
                        _g("Alle wijzigingen zijn overgenomen.")
                        if voorstel.status == Bijwerkvoorstel.Status.OVERGENOMEN
                        else _g("De gekozen wijzigingen zijn overgenomen.")
                    )
                else:
                    raise bijwerken.BeoordelingFout(_g("Kies wat u met het voorstel wilt doen."))
            except bijwerken.BeoordelingFout as uitzondering:
                fout = str(uitzondering)
            else:
                if voorstel.organisatie.contact_email:
                    melding += " " + _g("De organisatie krijgt een e-mail.")
                else:
                    melding += " " + _g(
                        "De organisatie heeft geen e-mailadres voor de redactie en krijgt geen "
                        "bericht."
                    )
                self.message_user(request, melding, messages.SUCCESS)
                return HttpResponseRedirect(
                    reverse("admin:organisaties_bijwerkvoorstel_changelist") + "?status__exact=open"
                )
        vergelijking = bijwerken.vergelijk(voorstel)
        if gekozen is None:
            gekozen = [o.sleutel for o in vergelijking.kiesbaar]
        andere_open = (
            Bijwerkvoorstel.objects.filter(
                organisatie=voorstel.organisatie, status=Bijwerkvoorstel.Status.OPEN
            )
            .exclude(pk=voorstel.pk)
            .order_by("ingediend_op")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _g("Voorstel van %(organisatie)s") % {"organisatie": voorstel.organisatie},
            "opts": self.opts,
            "voorstel": voorstel,
            "vergelijking": vergelijking,
            "gekozen": set(gekozen),
            "notitie": notitie,
            "fout": fout,
            "kan_beoordelen": kan_beoordelen,
            "andere_open": andere_open,
            "media": self.media,
            **(extra_context or {}),
        }
        return TemplateResponse(
            request,
            "organisaties/bijwerken/beoordelen.html",
            context,
            status=400 if fout else 200,
        )
