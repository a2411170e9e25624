from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.forms import FOUTEN
from bijeenkomsten.models import Aanmelding
from netwerk.privacy import privacy_uitleg
from netwerk.validators import een_regel_zonder_webadres


class AanmeldForm(forms.ModelForm):
    """A resident signs up for one time of an activity: name, e-mail and what they need.

    Fewer questions than a professional's registration for a meeting; the registration itself
    is the same (bijeenkomsten.services.aanmelden).
    """

    privacy = forms.BooleanField(
        label=_("Ik ga akkoord met de privacyverklaring"),
        error_messages={"required": _("Geef toestemming om uw gegevens te gebruiken.")},
    )
    # Honeypot: hidden from people by CSS, filled in by spam robots.
    website = forms.CharField(
        required=False,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Aanmelding
        fields = ["naam", "email", "toegankelijkheidsbehoeften"]
        labels = {
            "naam": _("Naam"),
            "email": _("E-mailadres"),
            "toegankelijkheidsbehoeften": _("Wat heeft u nodig om goed mee te kunnen doen?"),
        }
        help_texts = {
            "naam": "",
            "email": _("Hier sturen wij de bevestiging naartoe."),
            "toegankelijkheidsbehoeften": _("Bijvoorbeeld een rolstoelplek. Mag leeg blijven."),
        }
        error_messages = FOUTEN

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naam"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["naam"].validators.append(een_regel_zonder_webadres)
        self.fields["privacy"].help_text = privacy_uitleg(
            _("Wij gebruiken uw gegevens alleen voor deze activiteit en verwijderen ze daarna."),
            "aanmelden",
        )
        self.helper = FormHelper()
        self.helper.form_id = "aanmeld-formulier"
        self.helper.layout = Layout(
            Field("naam"),
            Field("email"),
            Field("toegankelijkheidsbehoeften"),
            Field("privacy"),
            Field("website", wrapper_class="honeypot"),
            Submit("aanmelden", _("Aanmelden")),
        )

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def service_gegevens(self):
        data = self.cleaned_data
        return {
            "naam": data["naam"],
            "email": data["email"],
            "toegankelijkheidsbehoeften": data.get("toegankelijkheidsbehoeften", ""),
        }


class VoorstelForm(forms.Form):
    """An organisation's new or changed activity, in plain questions instead of an RRULE."""

    titel = forms.CharField(
        label=_("Naam van de activiteit"),
        max_length=200,
        error_messages={"required": _("Vul de naam van de activiteit in.")},
    )
    omschrijving = forms.CharField(
        label=_("Wat gaan de mensen doen?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
        error_messages={"required": _("Vertel kort wat er gebeurt.")},
    )
    locatie = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Op een van uw adressen"),
        empty_label=_("Nee, ergens anders"),
    )
    ontmoetplek = forms.CharField(
        label=_("Of: waar is het?"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld 'de bus op het Marktplein'."),
    )
    wijk = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Wijk"), empty_label=_("De hele stad")
    )
    themas = forms.ModelMultipleChoiceField(
        queryset=None, required=False, label=_("Thema's"), widget=forms.CheckboxSelectMultiple
    )
    doelgroepen = forms.ModelMultipleChoiceField(
        queryset=None, required=False, label=_("Voor wie"), widget=forms.CheckboxSelectMultiple
    )
    datum = forms.DateField(
        label=_("Datum (de eerste keer)"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Vul de datum in."),
            "invalid": _("Vul een datum in zoals 24-11-2026."),
        },
    )
    begintijd = forms.TimeField(
        label=_("Begint om"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={
            "required": _("Vul in hoe laat het begint."),
            "invalid": _("Vul een tijd in zoals 10:00."),
        },
    )
    eindtijd = forms.TimeField(
        label=_("Eindigt om"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={
            "required": _("Vul in hoe laat het eindigt."),
            "invalid": _("Vul een tijd in zoals 12:00."),
        },
    )
    herhaling = forms.ChoiceField(
        label=_("Hoe vaak?"),
        choices=[
            ("eenmalig", _("Eén keer")),
            ("wekelijks", _("Elke week")),
            ("tweewekelijks", _("Om de week")),
            ("maandelijks", _("Elke maand op dezelfde dag (bijvoorbeeld de eerste maandag)")),
        ],
        initial="eenmalig",
        widget=forms.RadioSelect,
    )
    herhalen_tot = forms.DateField(
        label=_("Tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leeg: zonder einddatum."),
        error_messages={"invalid": _("Vul een datum in zoals 24-11-2026.")},
    )
    is_gratis = forms.BooleanField(label=_("Meedoen is gratis"), required=False, initial=True)
    kosten = forms.CharField(
        label=_("Kosten"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld '€ 2 per keer'. Leeg als het gratis is."),
    )
    hoe_meedoen = forms.CharField(
        label=_("Hoe doen mensen mee?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld 'Gewoon binnenlopen'."),
    )
    toegankelijkheid = forms.CharField(
        label=_("Toegankelijkheid"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld 'Rolstoeltoegankelijk'."),
    )
    capaciteit = forms.IntegerField(
        label=_("Aantal plaatsen"),
        required=False,
        min_value=1,
        max_value=10000,
        help_text=_("Alleen invullen als mensen zich moeten aanmelden."),
    )
    toelichting = forms.CharField(
        label=_("Bericht voor de gemeente"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, organisatie, *args, nieuw=True, **kwargs):
        from organisaties.models import Doelgroep, Thema, Wijk

        super().__init__(*args, **kwargs)
        self.nieuw = nieuw
        self.fields["locatie"].queryset = organisatie.locaties.all()
        self.fields["wijk"].queryset = Wijk.objects.all()
        self.fields["themas"].queryset = Thema.objects.all()
        self.fields["doelgroepen"].queryset = Doelgroep.objects.all()
        for naam in ("titel", "ontmoetplek", "kosten"):
            self.fields[naam].validators.append(een_regel_zonder_webadres)
        self.helper = FormHelper()
        self.helper.form_id = "voorstel-formulier"
        self.helper.add_input(Submit("versturen", _("Versturen")))

    def clean(self):
        data = super().clean()
        if not data.get("locatie") and not data.get("ontmoetplek"):
            self.add_error("ontmoetplek", _("Kies een adres of vul in waar het is."))
        begin, einde = data.get("begintijd"), data.get("eindtijd")
        if begin and einde and einde <= begin:
            self.add_error("eindtijd", _("De eindtijd moet na de begintijd liggen."))
        datum = data.get("datum")
        if self.nieuw and datum and datum < timezone.localdate():
            self.add_error("datum", _("Deze datum is al voorbij. Kies een datum vanaf vandaag."))
        tot = data.get("herhalen_tot")
        if tot and datum and tot < datum:
            self.add_error("herhalen_tot", _("Deze datum ligt voor de eerste keer."))
        if data.get("kosten") and data.get("is_gratis"):
            self.add_error("is_gratis", _("U vulde kosten in. Haal het vinkje 'gratis' weg."))
        return data
