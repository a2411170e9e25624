from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import Aanmelding
from netwerk.privacy import privacy_uitleg
from netwerk.validators import een_regel_zonder_webadres
from organisaties.models import Organisatie

FOUTEN = {
    "naam": {"required": _("Vul uw naam in.")},
    "email": {
        "required": _("Vul uw e-mailadres in."),
        "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
    },
}


class OrganisatieKeuzeField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.naam


class AanmeldForm(forms.ModelForm):
    """The public registration form. Works without JavaScript: the organisation is a plain
    select, which accessible-autocomplete turns into a searchable field where JS runs."""

    organisatie = OrganisatieKeuzeField(
        queryset=Organisatie.objects.gepubliceerd().only("pk", "naam"),
        required=False,
        label=_("Organisatie"),
        empty_label=_("Kies uw organisatie"),
        help_text=_("Staat uw organisatie er niet bij? Vul dan het veld hieronder in."),
        error_messages={"invalid_choice": _("Kies een organisatie uit de lijst.")},
    )
    privacy = forms.BooleanField(
        label=_("Ik ga akkoord met de privacyverklaring"),
        error_messages={"required": _("Geef toestemming om uw gegevens te gebruiken.")},
    )
    # Honeypot: hidden from people by CSS and aria-hidden, filled in by spam robots.
    website = forms.CharField(
        required=False,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Aanmelding
        fields = [
            "naam",
            "email",
            "organisatie",
            "organisatie_naam",
            "functie",
            "dieetwensen",
            "toegankelijkheidsbehoeften",
            "wil_ontmoeten",
        ]
        labels = {
            "naam": _("Naam"),
            "email": _("E-mailadres"),
            "organisatie_naam": _("Andere organisatie"),
            "functie": _("Functie of rol"),
            "dieetwensen": _("Dieetwensen"),
            "toegankelijkheidsbehoeften": _("Wat heeft u nodig om goed mee te kunnen doen?"),
            "wil_ontmoeten": _("Ja, laat mij weten wie ik kan ontmoeten"),
        }
        # The model's help texts speak to staff in the admin; residents get these, or none.
        help_texts = {
            "naam": "",
            "email": _("Hier sturen wij de bevestiging naartoe."),
            "functie": "",
            "dieetwensen": "",
            "toegankelijkheidsbehoeften": _("Bijvoorbeeld een rolstoelplek of een tolk."),
            "wil_ontmoeten": _(
                "U krijgt een lijst van organisaties die u nog niet kent en die met dezelfde "
                "thema's of wijken werken. Andere deelnemers die dit ook aanzetten, zien dan "
                "uw naam en organisatie. U kunt dit later uitzetten via uw persoonlijke link."
            ),
        }
        error_messages = FOUTEN

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, autocomplete in (
            ("naam", "name"),
            ("email", "email"),
            ("functie", "organization-title"),
            ("organisatie_naam", "organization"),
        ):
            self.fields[naam].widget.attrs["autocomplete"] = autocomplete
        self.fields["organisatie"].widget.attrs.update(
            {
                "data-autocomplete": "organisatie",
                # The combobox's texts (static/js/organisatie-autocomplete.js), in the site's
                # language; {aantal}, {optie} and {nummer} are filled in by the script.
                "data-tekst-geen-organisatie": _(
                    "Geen organisatie gevonden. Vul het veld 'Andere organisatie' in."
                ),
                "data-tekst-te-kort": _("Typ minstens {aantal} letters."),
                "data-tekst-geen-resultaten": _("Geen resultaten"),
                "data-tekst-gekozen": _("{optie} {nummer} van {aantal} is gekozen"),
                "data-tekst-een-resultaat": _("1 resultaat beschikbaar."),
                "data-tekst-resultaten": _("{aantal} resultaten beschikbaar."),
                "data-tekst-uitleg": _(
                    "Gebruik de pijltjes omhoog en omlaag om te kiezen en Enter om te bevestigen."
                ),
            }
        )
        self.fields["privacy"].help_text = privacy_uitleg(
            _("Wij gebruiken uw gegevens alleen voor deze bijeenkomst en verwijderen ze daarna."),
            "aanmelden",
        )
        # These show on pages and lists of coordinators, and the name in every e-mail.
        for naam in ("naam", "organisatie_naam", "functie"):
            self.fields[naam].validators.append(een_regel_zonder_webadres)
        self.helper = FormHelper()
        self.helper.form_id = "aanmeld-formulier"
        self.helper.attrs = {"action": "#aanmelden"}
        self.helper.layout = Layout(
            Field("naam"),
            Field("email"),
            Fieldset(
                _("Waar werkt u?"),
                Field("organisatie"),
                Field("organisatie_naam"),
                Field("functie"),
            ),
            Field("dieetwensen"),
            Field("toegankelijkheidsbehoeften"),
            Field("wil_ontmoeten"),
            Field("privacy"),
            Field("website", wrapper_class="honeypot"),
            Submit("aanmelden", _("Aanmelden")),
        )

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def service_gegevens(self):
        """The cleaned data as keyword arguments of services.aanmelden."""
        data = self.cleaned_data
        return {
            "naam": data["naam"],
            "email": data["email"],
            "organisatie": data.get("organisatie"),
            "organisatie_naam": data.get("organisatie_naam", ""),
            "functie": data.get("functie", ""),
            "dieetwensen": data.get("dieetwensen", ""),
            "toegankelijkheidsbehoeften": data.get("toegankelijkheidsbehoeften", ""),
            "wil_ontmoeten": bool(data.get("wil_ontmoeten")),
        }


class NamensAanmeldForm(AanmeldForm):
    """A coordinator registers someone; consent is asked by the coordinator, not here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["privacy"]
        del self.fields["website"]
        self.helper.form_id = "namens"
        self.helper.attrs = {}
        self.helper.layout = Layout(
            Field("naam"),
            Field("email"),
            Field("organisatie"),
            Field("organisatie_naam"),
            Field("functie"),
            Field("dieetwensen"),
            Field("toegankelijkheidsbehoeften"),
            Submit("aanmelden", _("Aanmelden")),
        )


class PlakForm(forms.Form):
    regels = forms.CharField(
        label=_("Plak de deelnemers, één per regel: naam, e-mail, organisatie"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=100_000,
        error_messages={"required": _("Plak minstens één regel.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page wraps it in a form with the meeting's URL
        self.helper.disable_csrf = True
        self.helper.layout = Layout(Field("regels"), Submit("plakken", _("Aanmelden")))


class VerplaatsForm(forms.Form):
    naar = forms.ChoiceField(
        label=_("Naar"),
        choices=[
            (Aanmelding.Status.BEVESTIGD, _("Bevestigd")),
            (Aanmelding.Status.WACHTLIJST, _("Wachtlijst")),
        ],
    )
    reden = forms.CharField(
        label=_("Reden"),
        max_length=500,
        error_messages={"required": _("Geef een reden op.")},
    )


class InloperForm(forms.Form):
    """Someone at the door who did not register: the door mode lets them in (views.deur)."""

    naam = forms.CharField(
        label=_("Naam"),
        max_length=200,
        validators=[een_regel_zonder_webadres],
        error_messages={"required": _("Vul een naam in.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    organisatie = forms.CharField(
        label=_("Organisatie"),
        max_length=200,
        required=False,
        validators=[een_regel_zonder_webadres],
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres (mag leeg blijven)"),
        max_length=254,
        required=False,
        error_messages=FOUTEN["email"],
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    # Filled in by the door phone (deur.js): sending the form twice lets in one person.
    sleutel = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page's form holds the button
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("naam"), Field("organisatie"), Field("email"), Field("sleutel")
        )
