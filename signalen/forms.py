from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from netwerk.privacy import privacy_uitleg
from netwerk.validators import een_regel_zonder_webadres
from organisaties.models import Wijk
from organisaties.postcodes import POSTCODE_FOUT, normaliseer
from organisaties.validatie import telefoon_validator
from signalen.models import Signaal

EMAIL_FOUT = _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")


class SignaalForm(forms.Form):
    """'Ik maak me zorgen om iemand': a resident passes on a worry, without an account."""

    zorg = forms.CharField(
        label=_("Wat ziet of merkt u?"),
        help_text=_(
            "Bijvoorbeeld: mijn buurman komt al weken niet meer buiten. Schrijf wat u ziet. "
            "Een precies adres is niet nodig."
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Schrijf op wat u ziet of merkt."),
            "max_length": _("Uw tekst is te lang: gebruik maximaal %(limit_value)d tekens."),
        },
    )
    postcode = forms.CharField(
        label=_("Postcode (niet verplicht)"),
        help_text=_(
            "De postcode waar de persoon woont, als u die weet. Bijvoorbeeld 3142 of 3142 AB."
        ),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text"}),
        error_messages={"max_length": POSTCODE_FOUT},
    )
    wijk = forms.ModelChoiceField(
        label=_("Wijk (niet verplicht)"),
        help_text=_("Weet u de postcode niet? Kies dan de wijk."),
        queryset=Wijk.objects.all(),
        required=False,
        empty_label=_("Weet ik niet"),
        to_field_name="slug",
        error_messages={"invalid_choice": _("Kies een wijk uit de lijst.")},
    )
    naam = forms.CharField(
        label=_("Uw naam (niet verplicht)"),
        required=False,
        max_length=200,
        validators=[een_regel_zonder_webadres],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"max_length": _("Uw naam is te lang.")},
    )
    telefoon = forms.CharField(
        label=_("Uw telefoonnummer (niet verplicht)"),
        help_text=_("Dan kan het wijkteam u bellen met een vraag."),
        required=False,
        max_length=30,
        validators=[telefoon_validator],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={"max_length": _("Dit telefoonnummer is te lang.")},
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres (niet verplicht)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": EMAIL_FOUT, "max_length": EMAIL_FOUT},
    )
    toestemming = forms.BooleanField(
        label=_("Ik heb gelezen wat er met mijn melding gebeurt, en ik vind dat goed."),
        error_messages={
            "required": _("Zet een vinkje als u het goed vindt wat er met uw melding gebeurt.")
        },
    )
    # Honeypot: hidden from people by CSS and aria-hidden, filled in by spam robots.
    website = forms.CharField(
        required=False,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = privacy_uitleg(
            _("Dan krijgt u een e-mail als het wijkteam uw melding oppakt. Meer niet."), "signaal"
        )
        self.helper = FormHelper()
        self.helper.form_id = "signaal-formulier"
        self.helper.layout = Layout(
            Field("zorg"),
            Fieldset(_("Waar woont de persoon?"), Field("postcode"), Field("wijk")),
            Fieldset(
                _("Uw gegevens"),
                HTML(
                    '<p class="utrecht-paragraph">{% load i18n %}{% translate "U mag ook '
                    "zonder naam melden. Met uw naam en telefoonnummer kan het wijkteam u "
                    'iets vragen." %}</p>'
                ),
                Field("naam"),
                Field("telefoon"),
                Field("email"),
            ),
            HTML('{% include "signalen/_wat_gebeurt_er.html" %}'),
            Field("toestemming"),
            Field("website", wrapper_class="honeypot"),
            Submit("verstuur", _("Melding versturen")),
        )

    def clean_postcode(self):
        waarde = self.cleaned_data.get("postcode", "")
        if not waarde.strip():
            return ""
        postcode = normaliseer(waarde)
        if postcode is None:
            raise forms.ValidationError(POSTCODE_FOUT, code="postcode")
        return postcode

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Signaal.Status.choices,
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )


class ToewijzenForm(forms.Form):
    medewerker = forms.ModelChoiceField(
        label=_("Toegewezen aan"),
        queryset=None,
        required=False,
        empty_label=_("Niemand"),
        error_messages={"invalid_choice": _("Kies een medewerker van dit team.")},
    )

    def __init__(self, *args, teamleden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = teamleden
        self.fields["medewerker"].label_from_instance = lambda g: (
            g.get_full_name() or g.get_username()
        )


class NotitieForm(forms.Form):
    tekst = forms.CharField(
        label=_("Interne notitie"),
        help_text=_("Alleen voor het team en beheerders. Een notitie kan niet worden gewijzigd."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf een notitie."),
            "max_length": _("De notitie is te lang: gebruik maximaal %(limit_value)d tekens."),
        },
    )


class DoorsturenForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Naar wijkteam"),
        queryset=None,
        empty_label=_("Kies een wijkteam"),
        error_messages={
            "required": _("Kies het wijkteam dat het signaal krijgt."),
            "invalid_choice": _("Kies een wijkteam uit de lijst."),
        },
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class MisbruikForm(forms.Form):
    zeker = forms.BooleanField(
        label=_("Ja, dit is spam of misbruik. Wis de tekst en de gegevens van de melder."),
        error_messages={"required": _("Vink aan dat u dit signaal als misbruik wilt wissen.")},
    )
