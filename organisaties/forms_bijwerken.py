"""Forms of organisations themselves: updating their listing through the personal link, and
"Aanmelden als organisatie".

The update form is one page of a form and three formsets (aanbod, locaties, and per locatie
its opening hours). Without JavaScript a row is added by a submit button ("Aanbod
toevoegen"): the page comes back with what was typed and one empty row more, without error
messages, since nothing was sent yet (``stil``).
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout, Submit
from django import forms
from django.forms.formsets import TOTAL_FORM_COUNT, BaseFormSet, formset_factory
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from netwerk.validators import een_regel_zonder_webadres
from organisaties.models import Aanbod, Openingstijd, Soort
from organisaties.validatie import normaliseer_postcode, postcode_validator, telefoon_validator

FOUTEN = {
    "required": _("Vul dit veld in."),
    "max_length": _("Dit is te lang: gebruik maximaal %(limit_value)d tekens."),
}
EMAIL_FOUT = _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")
WEBSITE_FOUT = _("Vul een geldig webadres in, zoals https://www.voorbeeld.nl.")
TIJD_FOUT = _("Vul een tijd in zoals 09:00.")
TIJD_FORMATEN = ["%H:%M", "%H.%M", "%H:%M:%S", "%H"]


def _fouten(**extra):
    return {**FOUTEN, **extra}


def _helper(**kwargs):
    """A helper for a form inside the page's one <form>: no tag, no token, no summary box
    per part (the page shows one summary at the top)."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.form_show_errors = False
    for naam, waarde in kwargs.items():
        setattr(helper, naam, waarde)
    return helper


class StilMixin:
    """``stil=True``: a form that was not sent yet (a row was added) shows no errors."""

    def __init__(self, *args, stil=False, **kwargs):
        self.stil = stil
        super().__init__(*args, **kwargs)

    def full_clean(self):
        if self.stil:
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()


class PostcodeField(forms.CharField):
    def to_python(self, value):
        return normaliseer_postcode(super().to_python(value))


class TelefoonField(forms.CharField):
    default_validators = [telefoon_validator]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("error_messages", _fouten())
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("autocomplete", "tel")
        self.widget.input_type = "tel"


def _website(**kwargs):
    return forms.URLField(
        assume_scheme="https",
        required=False,
        max_length=200,
        error_messages=_fouten(invalid=WEBSITE_FOUT),
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
        **kwargs,
    )


class GegevensForm(StilMixin, forms.Form):
    """The organisation's own description and contact details."""

    omschrijving = forms.CharField(
        label=_("Wat doet uw organisatie?"),
        help_text=_("In eenvoudige taal. Inwoners lezen dit op uw pagina."),
        max_length=5000,
        error_messages=_fouten(required=_("Schrijf op wat uw organisatie doet.")),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    email = forms.EmailField(
        label=_("E-mailadres voor inwoners"),
        required=False,
        max_length=254,
        error_messages=_fouten(invalid=EMAIL_FOUT),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    telefoon = TelefoonField(
        label=_("Telefoonnummer voor inwoners"),
        required=False,
        help_text=_("Bijvoorbeeld 010 593 18 19."),
    )
    website = _website(label=_("Website"), help_text=_("Bijvoorbeeld https://www.voorbeeld.nl."))
    toelichting = forms.CharField(
        label=_("Wilt u ons nog iets laten weten?"),
        help_text=_("Bijvoorbeeld dat een nieuw telefoonnummer pas vanaf volgende maand werkt."),
        required=False,
        max_length=5000,
        error_messages=_fouten(),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class OnderdeelForm(StilMixin, forms.Form):
    """An aanbod or a locatie: ``id`` says which one it changes; empty means new."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    verwijder_label = _("Verwijderen")

    def is_nieuw(self):
        return not self.initial.get("id")


class AanbodForm(OnderdeelForm):
    verwijder_label = _("Dit aanbod verwijderen")

    naam = forms.CharField(
        label=_("Naam"),
        help_text=_("Een korte naam, bijvoorbeeld 'Hulp bij formulieren'."),
        max_length=200,
        error_messages=_fouten(),
    )
    omschrijving = forms.CharField(
        label=_("Wat krijgen inwoners?"),
        max_length=5000,
        error_messages=_fouten(),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    kosten = forms.ChoiceField(
        label=_("Kosten"),
        choices=[("", _("Kies wat het kost"))] + list(Aanbod.Kosten.choices),
        error_messages=_fouten(
            required=_("Kies wat het kost."), invalid_choice=_("Kies een van de mogelijkheden.")
        ),
    )
    kosten_toelichting = forms.CharField(
        label=_("Toelichting kosten"),
        help_text=_("Bijvoorbeeld '€ 2,50 per keer'."),
        required=False,
        max_length=200,
        error_messages=_fouten(),
    )
    hoe_aanmelden = forms.CharField(
        label=_("Hoe maakt een inwoner er gebruik van?"),
        required=False,
        max_length=2000,
        error_messages=_fouten(),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class OpeningstijdForm(StilMixin, forms.Form):
    verwijder_label = _("Deze openingstijd verwijderen")

    dag = forms.TypedChoiceField(
        label=_("Dag"),
        coerce=int,
        choices=[("", _("Kies een dag"))] + list(Openingstijd.Dag.choices),
        error_messages=_fouten(
            required=_("Kies een dag."), invalid_choice=_("Kies een dag uit de lijst.")
        ),
    )
    van = forms.TimeField(
        label=_("Van"),
        input_formats=TIJD_FORMATEN,
        error_messages=_fouten(required=TIJD_FOUT, invalid=TIJD_FOUT),
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
    )
    tot = forms.TimeField(
        label=_("Tot"),
        input_formats=TIJD_FORMATEN,
        error_messages=_fouten(required=TIJD_FOUT, invalid=TIJD_FOUT),
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
    )
    opmerking = forms.CharField(
        label=_("Opmerking"),
        required=False,
        max_length=200,
        error_messages=_fouten(),
    )

    @property
    def helper(self):
        # Built when rendered: DELETE is added by the formset after __init__, and only to
        # existing rows.
        helper = _helper()
        velden = [n for n in ("dag", "van", "tot", "opmerking", "DELETE") if n in self.fields]
        helper.layout = Layout(Div(*velden, css_class="netwerk-tijdregel"))
        return helper

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot <= van:
            self.add_error("tot", _("De eindtijd moet na de begintijd liggen."))
        return data


class BasisFormSet(BaseFormSet):
    """A formset that can be silent (see StilMixin) and knows which ids are the
    organisation's own: any other id was not on its page and is refused."""

    default_error_messages = {
        **BaseFormSet.default_error_messages,
        "too_many_forms": _("Dit zijn er te veel: gebruik maximaal %(num)d regels."),
        "missing_management_form": _(
            "Het formulier is niet compleet aangekomen. Laad de pagina opnieuw en probeer het "
            "nog eens."
        ),
    }

    def __init__(self, *args, stil=False, eigen_ids=(), **kwargs):
        self.stil = stil
        self.eigen_ids = set(eigen_ids)
        kwargs.setdefault("form_kwargs", {})["stil"] = stil
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = form.verwijder_label

    def full_clean(self):
        if self.stil:
            self._errors = []
            self._non_form_errors = self.error_class(error_class="nonform")
            return
        super().full_clean()

    def clean(self):
        gezien = set()
        for form in self.forms:
            pk = form.cleaned_data.get("id") if hasattr(form, "cleaned_data") else None
            if pk is None:
                continue
            if pk not in self.eigen_ids or pk in gezien:
                raise forms.ValidationError(
                    _(
                        "Dit formulier past niet meer bij uw gegevens op de kaart: die zijn "
                        "intussen gewijzigd. Open de link uit de e-mail opnieuw en vul uw "
                        "wijzigingen nog eens in."
                    )
                )
            gezien.add(pk)

    def regel_erbij(self, data):
        """Return ``data`` with one row more for this formset, if the maximum allows it."""
        sleutel = f"{self.prefix}-{TOTAL_FORM_COUNT}"
        try:
            aantal = int(data.get(sleutel, ""))
        except ValueError:
            return data
        if aantal < self.max_num:
            data[sleutel] = str(aantal + 1)
        return data

    def is_verwijderd(self, form):
        """Ticked "verwijderen" (its other fields then do not matter)."""
        if not form.is_bound or not self.can_delete:
            return False
        form.errors  # noqa: B018 - cleans the form, which fills cleaned_data
        return self._should_delete_form(form)

    def te_bewaren(self):
        """The forms that count: not deleted, and not an empty extra row."""
        return [
            form
            for i, form in enumerate(self.forms)
            if not self.is_verwijderd(form)
            and (i < self.initial_form_count() or form.has_changed())
        ]

    def getoonde_ids(self):
        """The ids of the rows the page showed, kept or deleted (checked in ``clean``)."""
        return {pk for form in self.forms if (pk := form.cleaned_data.get("id"))}


OpeningstijdFormSet = formset_factory(
    OpeningstijdForm,
    formset=BasisFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
    max_num=21,
    absolute_max=30,
)


class LocatieForm(OnderdeelForm):
    verwijder_label = _("Deze locatie verwijderen")

    naam = forms.CharField(
        label=_("Naam van de plek"),
        help_text=_("Bijvoorbeeld 'Buurthuis De Vloot'. Mag leeg blijven."),
        required=False,
        max_length=200,
        error_messages=_fouten(),
    )
    adres = forms.CharField(
        label=_("Straat en huisnummer"),
        max_length=200,
        error_messages=_fouten(),
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    postcode = PostcodeField(
        label=_("Postcode"),
        max_length=7,
        validators=[postcode_validator],
        error_messages=_fouten(max_length=_("Vul een postcode in zoals 3142 AB.")),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    plaats = forms.CharField(
        label=_("Plaats"),
        max_length=100,
        error_messages=_fouten(),
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    rolstoeltoegankelijk = forms.BooleanField(
        label=_("Zonder hulp bereikbaar met een rolstoel"), required=False
    )
    toegankelijkheid = forms.CharField(
        label=_("Toegankelijkheid"),
        help_text=_("Bijvoorbeeld: drempelvrije ingang, lift, invalidentoilet, ringleiding."),
        required=False,
        max_length=2000,
        error_messages=_fouten(),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, tijden=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
        self.tijden = tijden

    def has_changed(self):
        return super().has_changed() or bool(self.tijden and self.tijden.has_changed())


class BasisLocatieFormSet(BasisFormSet):
    """Locaties, each with its own formset of opening hours (prefix ``<locatie>-tijden``)."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.tijden = OpeningstijdFormSet(
            self.data if self.is_bound else None,
            prefix=f"{form.prefix}-tijden",
            initial=form.initial.get("openingstijden", []),
            stil=self.stil,
        )
        return form

    def is_valid(self):
        geldig = super().is_valid()
        for form in self.te_bewaren():
            geldig = form.tijden.is_valid() and geldig
        return geldig

    def regel_erbij(self, data):
        """One locatie more, with its own (empty) formset of opening hours."""
        nummer = self.total_form_count()
        data = super().regel_erbij(data)
        if data.get(f"{self.prefix}-{TOTAL_FORM_COUNT}") == str(nummer + 1):
            data[f"{self.prefix}-{nummer}-tijden-TOTAL_FORMS"] = "1"
            data[f"{self.prefix}-{nummer}-tijden-INITIAL_FORMS"] = "0"
        return data


LocatieFormSet = formset_factory(
    LocatieForm,
    formset=BasisLocatieFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
    max_num=20,
    absolute_max=25,
)
AanbodFormSet = formset_factory(
    AanbodForm,
    formset=BasisFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
    max_num=50,
    absolute_max=60,
)


class Bijwerkformulier:
    """The whole update page: details, aanbod and locaties with their opening hours."""

    def __init__(self, huidig, data=None, stil=False):
        self.gegevens = GegevensForm(
            data, initial=huidig["organisatie"], prefix="gegevens", stil=stil
        )
        self.aanbod = AanbodFormSet(
            data,
            prefix="aanbod",
            initial=huidig["aanbod"],
            stil=stil,
            eigen_ids=[a["id"] for a in huidig["aanbod"]],
        )
        self.locaties = LocatieFormSet(
            data,
            prefix="locatie",
            initial=huidig["locaties"],
            stil=stil,
            eigen_ids=[loc["id"] for loc in huidig["locaties"]],
        )

    @classmethod
    def met_regel_erbij(cls, huidig, post, welke):
        """The page after a "... toevoegen" button: what was typed, one row more, no errors."""
        data = post.copy()
        formulier = cls(huidig, data, stil=True)
        if welke == "aanbod":
            formulier.aanbod.regel_erbij(data)
        elif welke == "locatie":
            formulier.locaties.regel_erbij(data)
        elif welke.startswith("tijden-"):
            try:
                locatie = formulier.locaties.forms[int(welke.removeprefix("tijden-"))]
            except (ValueError, IndexError):
                locatie = None
            if locatie is not None:
                locatie.tijden.regel_erbij(data)
        return cls(huidig, data, stil=True)

    def is_valid(self):
        return all([self.gegevens.is_valid(), self.aanbod.is_valid(), self.locaties.is_valid()])

    def _te_controleren(self):
        """Every form whose errors count: deleted rows (and their opening hours) do not."""
        yield self.gegevens
        yield from (f for f in self.aanbod.forms if not self.aanbod.is_verwijderd(f))
        for locatie in self.locaties.forms:
            if self.locaties.is_verwijderd(locatie):
                continue
            yield locatie
            yield from (t for t in locatie.tijden.forms if not locatie.tijden.is_verwijderd(t))

    def fouten(self):
        """Every error as (text, id of the field or None), for the summary at the top."""
        fouten = [(str(f), None) for f in self.aanbod.non_form_errors()]
        fouten += [(str(f), None) for f in self.locaties.non_form_errors()]
        for locatie in self.locaties.forms:
            fouten += [(str(f), None) for f in locatie.tijden.non_form_errors()]
        for form in self._te_controleren():
            for naam, lijst in form.errors.items():
                veld = form[naam] if naam in form.fields else None
                for fout in lijst:
                    label = f"{veld.label}: " if veld is not None else ""
                    fouten.append((f"{label}{fout}", veld.auto_id if veld is not None else None))
        return fouten

    def voorstel(self):
        """The proposal in the shape of Bijwerkvoorstel.voorstel, from valid forms."""
        gegevens = {
            naam: self.gegevens.cleaned_data[naam]
            for naam in ("omschrijving", "email", "telefoon", "website")
        }
        aanbod = [
            {
                "id": form.cleaned_data.get("id"),
                **{
                    naam: form.cleaned_data[naam]
                    for naam in (
                        "naam",
                        "omschrijving",
                        "kosten",
                        "kosten_toelichting",
                        "hoe_aanmelden",
                    )
                },
            }
            for form in self.aanbod.te_bewaren()
        ]
        locaties = []
        for form in self.locaties.te_bewaren():
            tijden = sorted(
                (
                    {
                        "dag": t.cleaned_data["dag"],
                        "van": t.cleaned_data["van"].strftime("%H:%M"),
                        "tot": t.cleaned_data["tot"].strftime("%H:%M"),
                        "opmerking": t.cleaned_data["opmerking"],
                    }
                    for t in form.tijden.te_bewaren()
                ),
                key=lambda t: (t["dag"], t["van"]),
            )
            locaties.append(
                {
                    "id": form.cleaned_data.get("id"),
                    **{
                        naam: form.cleaned_data[naam]
                        for naam in (
                            "naam",
                            "adres",
                            "postcode",
                            "plaats",
                            "rolstoeltoegankelijk",
                            "toegankelijkheid",
                        )
                    },
                    "openingstijden": tijden,
                }
            )
        return {"organisatie": gegevens, "aanbod": aanbod, "locaties": locaties}

    def gezien(self):
        return {"aanbod": self.aanbod.getoonde_ids(), "locaties": self.locaties.getoonde_ids()}


class AanmeldOrganisatieForm(forms.Form):
    """'Aanmelden als organisatie': a new organisation asks to be on the kaart."""

    naam = forms.CharField(
        label=_("Naam van de organisatie"),
        max_length=200,
        validators=[een_regel_zonder_webadres],
        error_messages=_fouten(required=_("Vul de naam van de organisatie in.")),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    soort = forms.ModelChoiceField(
        label=_("Wat voor organisatie is het?"),
        queryset=Soort.objects.all(),
        empty_label=_("Kies wat het best past"),
        error_messages={
            "required": _("Kies wat voor organisatie het is."),
            "invalid_choice": _("Kies een van de mogelijkheden uit de lijst."),
        },
    )
    omschrijving = forms.CharField(
        label=_("Wat doet de organisatie?"),
        help_text=_("In eenvoudige taal: wat kunnen inwoners bij u krijgen, en voor wie?"),
        max_length=5000,
        error_messages=_fouten(required=_("Schrijf op wat de organisatie doet.")),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    email = forms.EmailField(
        label=_("E-mailadres voor inwoners"),
        required=False,
        max_length=254,
        error_messages=_fouten(invalid=EMAIL_FOUT),
    )
    telefoon = TelefoonField(
        label=_("Telefoonnummer voor inwoners"),
        required=False,
        help_text=_("Bijvoorbeeld 010 593 18 19."),
    )
    website = _website(label=_("Website"), help_text=_("Bijvoorbeeld https://www.voorbeeld.nl."))
    adres = forms.CharField(
        label=_("Straat en huisnummer"),
        required=False,
        max_length=200,
        error_messages=_fouten(),
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    postcode = PostcodeField(
        label=_("Postcode"),
        required=False,
        max_length=7,
        validators=[postcode_validator],
        error_messages=_fouten(max_length=_("Vul een postcode in zoals 3142 AB.")),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    plaats = forms.CharField(
        label=_("Plaats"),
        required=False,
        max_length=100,
        error_messages=_fouten(),
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    aanmelder_naam = forms.CharField(
        label=_("Uw naam"),
        max_length=200,
        validators=[een_regel_zonder_webadres],
        error_messages=_fouten(required=_("Vul uw naam in.")),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    aanmelder_email = forms.EmailField(
        label=_("Uw e-mailadres"),
        help_text=_(
            "Hierheen sturen wij vragen over de aanmelding, en later een link om de gegevens "
            "bij te werken. Inwoners zien dit adres niet."
        ),
        max_length=254,
        error_messages=_fouten(required=_("Vul uw e-mailadres in."), invalid=EMAIL_FOUT),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # Honeypot: hidden from people by CSS and aria-hidden, filled in by spam robots. Not
    # called "website": that is a real field here.
    homepage = forms.CharField(
        required=False,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_id = "aanmeld-organisatie"
        self.helper.layout = Layout(
            Field("naam"),
            Field("soort"),
            Field("omschrijving"),
            Fieldset(_("Contactgegevens voor inwoners"), "email", "telefoon", "website"),
            Fieldset(
                _("Adres (als inwoners bij u langs kunnen komen)"), "adres", "postcode", "plaats"
            ),
            Fieldset(_("Wie vult dit formulier in?"), "aanmelder_naam", "aanmelder_email"),
            Field("homepage", wrapper_class="honeypot"),
            Submit("aanmelden", _("Aanmelding versturen")),
        )

    def clean(self):
        data = super().clean()
        adres = [data.get(naam) for naam in ("adres", "postcode", "plaats")]
        if any(adres) and not all(adres):
            for naam in ("adres", "postcode", "plaats"):
                if not data.get(naam) and naam not in self.errors:
                    self.add_error(
                        naam, _("Vul het hele adres in: straat en huisnummer, postcode en plaats.")
                    )
        return data

    def is_spam(self):
        return bool(self.cleaned_data.get("homepage"))

    def service_gegevens(self):
        data = self.cleaned_data
        locatie = None
        if data.get("adres"):
            locatie = {naam: data[naam] for naam in ("adres", "postcode", "plaats")}
        return {
            "naam": data["naam"],
            "soort": data["soort"],
            "omschrijving": data["omschrijving"],
            "email": data.get("email", ""),
            "telefoon": data.get("telefoon", ""),
            "website": data.get("website", ""),
            "contact_email": data["aanmelder_email"],
            "aangemeld_door": data["aanmelder_naam"],
            "locatie": locatie,
        }
