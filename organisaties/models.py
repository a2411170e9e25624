"""The sociale kaart: organisations, what they offer and where, aligned with Open Referral HSDS 3.

HSDS names are given per model, so that the JSON API and an import from another sociale kaart map
one to one: Organisatie = organization, Aanbod = service, Locatie = location + address,
Openingstijd = schedule, Thema/Doelgroep/Soort = taxonomy_term.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from netwerk.taal import taalveld
from organisaties.geschiedenis import Geschiedenis
from organisaties.validatie import normaliseer_postcode, postcode_validator, telefoon_validator
from organisaties.zoeken import tsquery, zoekwoorden


def hsds_id():
    """The identifier an item keeps for good in the open data (organisaties.api, HSDS 3).

    A random UUID rather than the primary key: other sites that import our data recognise the
    item by it, also after a move to another database.
    """
    return models.UUIDField(
        _("vaste id"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_(
            "Blijft altijd gelijk. Andere sites herkennen het item hieraan in de open data."
        ),
    )


def extern_id_veld(help_text):
    """The id an imported item has in its source's open data (organisaties.federatie)."""
    return models.UUIDField(
        _("id in de bron"), null=True, blank=True, editable=False, help_text=help_text
    )


def extern_hash_veld(help_text):
    """A checksum of an imported item as its source last gave it: unchanged, not written."""
    return models.CharField(
        _("controlegetal bron"), max_length=64, blank=True, editable=False, help_text=help_text
    )


class Taxonomie(models.Model):
    """A term residents filter on (HSDS taxonomy_term)."""

    naam = models.CharField(
        _("naam"),
        max_length=100,
        unique=True,
        help_text=_("De naam zoals inwoners die zien. Elke naam komt één keer voor."),
    )
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("Het deel van het webadres.")
    )
    omschrijving = models.TextField(
        _("omschrijving"), blank=True, help_text=_("Korte uitleg voor inwoners.")
    )
    history = Geschiedenis(inherit=True)
    volgorde = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Lagere getallen staan eerder in lijsten.")
    )
    uuid = hsds_id()

    class Meta:
        abstract = True
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.weergavenaam

    @property
    def weergavenaam(self):
        """The name in the visitor's language: the English name on the English site when the
        term has one (themes, doelgroepen and soorten; netwerk.taal), otherwise the Dutch."""
        naam_en = getattr(self, "naam_en", "")
        if naam_en and translation.get_language() == "en":
            return naam_en
        return self.naam


class EngelseNaam(models.Model):
    """A term's name on the English site; empty shows the Dutch name there too."""

    naam_en = models.CharField(
        _("naam in het Engels"),
        max_length=100,
        blank=True,
        help_text=_("Zoals inwoners de naam zien op de Engelse site. Leeg: de Nederlandse naam."),
    )

    class Meta:
        abstract = True


class Thema(EngelseNaam, Taxonomie):
    class Meta(Taxonomie.Meta):
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def get_absolute_url(self):
        return reverse("organisaties:thema", args=[self.slug])


class Doelgroep(EngelseNaam, Taxonomie):
    class Meta(Taxonomie.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


class Soort(EngelseNaam, Taxonomie):
    class Meta(Taxonomie.Meta):
        verbose_name = _("soort organisatie")
        verbose_name_plural = _("soorten organisaties")


class Wijk(Taxonomie):
    cbs_code = models.CharField(
        _("CBS-wijkcode"),
        max_length=8,
        blank=True,
        help_text=_("Code van het CBS, bijvoorbeeld WK055601. Mag leeg blijven."),
    )

    class Meta(Taxonomie.Meta):
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def get_absolute_url(self):
        return reverse("organisaties:wijk", args=[self.slug])


def _zoek(queryset, tekst: str, alle_woorden: bool, zoekvector: str):
    """Full-text search with prefix matching on an organisation's ``zoekvector`` (reached
    through ``zoekvector``, a field path), annotated with ``relevantie``."""
    woorden = zoekwoorden(tekst)
    if not woorden:
        return queryset.annotate(relevantie=Value(0.0, output_field=models.FloatField()))
    query = tsquery(woorden, alle_woorden=alle_woorden)
    return queryset.filter(**{zoekvector: query}).annotate(
        relevantie=SearchRank(F(zoekvector), query)
    )


class OrganisatieQuerySet(models.QuerySet):
    def gepubliceerd(self):
        """The own directory as residents see it: published, not imported from a neighbour.

        Everything that speaks for this gemeente (the open data, the CSV, work lists, yearly
        checks, personal links) starts here, so imported organisations never pass as our own.
        """
        return self.filter(status="gepubliceerd", regiobron__isnull=True)

    def in_regio(self):
        """The own directory with the neighbours' imported organisations (organisaties.federatie),
        each organisation once: an imported duplicate of one shown already is left out."""
        return self.filter(status="gepubliceerd", dubbel_van__isnull=True)

    def eigen(self):
        """Not imported: the rows the redactie keeps itself."""
        return self.filter(regiobron__isnull=True)

    def zoek(self, tekst: str, alle_woorden: bool = True):
        """Full-text search with prefix matching, annotated with ``relevantie``."""
        return _zoek(self, tekst, alle_woorden, "zoekvector")

    def voor_lijst(self):
        """A page of results: the rows with soort and regiobron. The cards' locations and
        opening hours are fetched by organisaties.kaartjes, only for cards not kept yet."""
        return self.select_related("soort", "regiobron").defer("zoekvector")

    def met_details(self):
        """Everything an organisation's page shows, in a fixed number of queries (eight).

        Not the organisation's own wijken: the page shows the wijk of each location instead.
        """
        return self.select_related("soort", "regiobron").prefetch_related(*details_vooraf())


def details_vooraf():
    """The prefetches of ``met_details()``, also for an organisation fetched already
    (``prefetch_related_objects``)."""
    return (
        "themas",
        models.Prefetch(
            "locaties",
            queryset=Locatie.objects.select_related("wijk").prefetch_related("openingstijden"),
        ),
        models.Prefetch(
            "aanbod",
            queryset=Aanbod.objects.prefetch_related("themas", "doelgroepen", "locaties"),
        ),
    )


class Controlebron(models.TextChoices):
    REDACTIE = "redactie", _("Redactie")
    ORGANISATIE = "organisatie", _("De organisatie zelf")
    IMPORT = "import", _("Import")


class Bron(models.TextChoices):
    REDACTIE = "redactie", _("Ingevoerd door de redactie")
    AANMELDFORMULIER = "aanmeldformulier", _("Aangemeld via het formulier op de site")
    IMPORT = "import", _("Geïmporteerd")


class Regiobron(models.Model):
    """Another gemeente's sociale kaart whose HSDS 3 API this site imports (organisaties.federatie).

    Its organisations are shown to residents who choose "ook in de regio", marked with
    ``naam``; they are never edited here and never published again as this gemeente's own.
    """

    naam = models.CharField(
        _("gemeente"),
        max_length=100,
        help_text=_("De naam van de gemeente, zoals inwoners die bij de organisaties zien."),
    )
    url = models.URLField(
        _("adres van de API"),
        max_length=500,
        unique=True,
        help_text=_(
            "Het begin van de HSDS-API van de andere sociale kaart, bijvoorbeeld "
            "https://socialekaart.vlaardingen.nl/api/v1/."
        ),
    )
    actief = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Alleen actieve bronnen worden ingelezen. Uitzetten laat de gegevens staan."),
    )
    is_demo = models.BooleanField(
        _("demo"),
        default=False,
        editable=False,
        help_text=_("Gevuld door de demogegevens, niet via internet. Wordt niet ingelezen."),
    )
    laatste_run = models.DateTimeField(
        _("laatst ingelezen"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wanneer de bron voor het laatst is ingelezen, gelukt of niet."),
    )
    laatste_succes = models.DateTimeField(
        _("laatst gelukt"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wanneer de bron voor het laatst helemaal is ingelezen."),
    )
    laatste_volledige_run = models.DateTimeField(
        _("laatst volledig ingelezen"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Wanneer alles opnieuw is ingelezen. Alleen dan ziet de site wat uit de bron "
            "verdwenen is."
        ),
    )
    gewijzigd_na = models.DateTimeField(
        _("wijzigingen vanaf"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De volgende keer vraagt de site alleen wat sindsdien is gewijzigd."),
    )
    aantallen = models.JSONField(
        _("aantallen"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Nieuw, bijgewerkt, verwijderd en geweigerd bij de laatste keer inlezen."),
    )
    laatste_fouten = models.TextField(
        _("fouten"),
        blank=True,
        editable=False,
        help_text=_("Wat er bij de laatste keer inlezen misging."),
    )

    class Meta:
        verbose_name = _("bron in de regio")
        verbose_name_plural = _("bronnen in de regio")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


# Paths under /organisaties/ that are pages of their own, not an organisation's page.
GERESERVEERDE_SLUGS = frozenset({"aanmelden"})


class Organisatie(models.Model):
    """An organisation on the sociale kaart (HSDS organization)."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
        GEARCHIVEERD = "gearchiveerd", _("Gearchiveerd")

    naam = models.CharField(
        _("naam"), max_length=200, help_text=_("De naam zoals inwoners die kennen.")
    )
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("Het deel van het webadres.")
    )
    soort = models.ForeignKey(
        Soort,
        on_delete=models.PROTECT,
        related_name="organisaties",
        verbose_name=_("soort"),
        help_text=_("Wat voor organisatie dit is, zoals wijkteam of welzijnspartner."),
    )
    omschrijving = models.TextField(
        _("omschrijving"), help_text=_("Wat de organisatie doet, in eenvoudige taal (B1).")
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("Het volledige adres, bijvoorbeeld https://www.voorbeeld.nl."),
    )
    email = models.EmailField(
        _("e-mailadres"),
        blank=True,
        help_text=_("Het e-mailadres waarop inwoners de organisatie bereiken."),
    )
    telefoon = models.CharField(
        _("telefoonnummer"),
        max_length=30,
        blank=True,
        validators=[telefoon_validator],
        help_text=_("Bijvoorbeeld 010 593 18 19, of +32 ... voor een nummer in het buitenland."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.CONCEPT,
        help_text=_("Alleen gepubliceerde organisaties zijn zichtbaar voor inwoners."),
    )
    laatst_geverifieerd = models.DateField(
        _("laatst gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_("Datum waarop de gegevens voor het laatst met de organisatie zijn nagekeken."),
    )
    themas = models.ManyToManyField(
        Thema,
        blank=True,
        related_name="organisaties",
        verbose_name=_("thema's"),
        help_text=_("Onderwerpen waarbij inwoners deze organisatie vinden."),
    )
    wijken = models.ManyToManyField(
        Wijk,
        blank=True,
        related_name="organisaties",
        verbose_name=_("wijken"),
        help_text=_("Wijken waar de organisatie actief is. Leeg: de hele gemeente."),
    )
    aangemaakt = models.DateTimeField(
        _("aangemaakt"),
        default=timezone.now,
        editable=False,
        help_text=_("Wordt automatisch ingevuld."),
    )
    gewijzigd = models.DateTimeField(
        _("gewijzigd"), auto_now=True, help_text=_("Wordt automatisch bijgehouden.")
    )
    uuid = hsds_id()

    # --- Curation: who keeps this listing true, and how -------------------------------------
    contact_email = models.EmailField(
        _("e-mailadres voor de redactie"),
        blank=True,
        help_text=_(
            "Hierheen stuurt de site de persoonlijke link om de gegevens te controleren. "
            "Niet zichtbaar voor inwoners."
        ),
    )
    gecontroleerd_door = models.CharField(
        _("gecontroleerd door"),
        max_length=20,
        choices=Controlebron.choices,
        blank=True,
        help_text=_("Wie de gegevens voor het laatst heeft bevestigd."),
    )
    toegewezen_aan = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toegewezen_organisaties",
        verbose_name=_("toegewezen aan"),
        help_text=_("De redacteur die deze organisatie bijhoudt."),
    )
    gepubliceerd_op = models.DateTimeField(
        _("gepubliceerd op"),
        null=True,
        blank=True,
        help_text=_("Wordt ingevuld bij het publiceren."),
    )
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gepubliceerd door"),
        help_text=_("Wordt ingevuld bij het publiceren."),
    )
    herinnering_verstuurd_op = models.DateTimeField(
        _("controleverzoek verstuurd op"),
        null=True,
        blank=True,
        help_text=_(
            "Wanneer de organisatie voor het laatst is gevraagd haar gegevens te controleren."
        ),
    )
    bron = models.CharField(
        _("bron"),
        max_length=20,
        choices=Bron.choices,
        default=Bron.REDACTIE,
        help_text=_("Hoe de organisatie op de kaart kwam."),
    )
    aangemeld_door = models.CharField(
        _("aangemeld door"),
        max_length=200,
        blank=True,
        help_text=_(
            "Naam van wie de organisatie aanmeldde via het formulier op de site. "
            "Niet zichtbaar voor inwoners."
        ),
    )
    # --- Imported from another gemeente (organisaties.federatie) ------------------------------
    regiobron = models.ForeignKey(
        Regiobron,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="organisaties",
        verbose_name=_("bron in de regio"),
        help_text=_("Leeg voor de eigen organisaties; anders de gemeente waar dit vandaan komt."),
    )
    extern_id = extern_id_veld(
        _("De id van de organisatie in de open data van de andere gemeente.")
    )
    extern_hash = extern_hash_veld(_("Om te zien of de organisatie in de bron is veranderd."))
    dubbel_van = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("dubbel van"),
        help_text=_(
            "Dezelfde organisatie staat al op de kaart (eigen of uit een andere bron). "
            "Inwoners zien haar dan één keer."
        ),
    )
    # Part of every personal link (organisaties.bijwerken): raising it makes all links sent so
    # far invalid at once, without touching anything else.
    link_versie = models.PositiveIntegerField(
        _("versie persoonlijke link"),
        default=1,
        help_text=_(
            "Wordt hoger als de redactie de persoonlijke links van deze organisatie intrekt. "
            "Oude links werken dan niet meer."
        ),
    )
    history = Geschiedenis(
        excluded_fields=[
            "zoekvector",
            "facet_themas",
            "facet_doelgroepen",
            "facet_wijken",
            "is_gratis",
        ],
        m2m_fields=["themas", "wijken"],
    )

    # Kept current by organisaties.zoekindex on every change; never edited by hand.
    zoekvector = SearchVectorField(
        _("zoekvector"),
        null=True,
        editable=False,
        help_text=_("Voor het zoeken. Wordt automatisch bijgehouden."),
    )
    facet_themas = ArrayField(
        models.IntegerField(),
        default=list,
        editable=False,
        verbose_name=_("thema's (voor filters)"),
        help_text=_("Voor het filteren. Wordt automatisch bijgehouden."),
    )
    facet_doelgroepen = ArrayField(
        models.IntegerField(),
        default=list,
        editable=False,
        verbose_name=_("doelgroepen (voor filters)"),
        help_text=_("Voor het filteren. Wordt automatisch bijgehouden."),
    )
    facet_wijken = ArrayField(
        models.IntegerField(),
        default=list,
        editable=False,
        verbose_name=_("wijken (voor filters)"),
        help_text=_("Voor het filteren. Wordt automatisch bijgehouden."),
    )
    is_gratis = models.BooleanField(
        _("gratis aanbod"), default=False, editable=False, help_text=_("Heeft gratis aanbod.")
    )

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        indexes = [
            GinIndex(fields=["zoekvector"], name="organisatie_zoekvector"),
            GinIndex(fields=["facet_themas"], name="organisatie_facet_themas"),
            GinIndex(fields=["facet_doelgroepen"], name="organisatie_facet_doelgroepen"),
            GinIndex(fields=["facet_wijken"], name="organisatie_facet_wijken"),
            models.Index(fields=["status", "naam"], name="organisatie_status_naam"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["regiobron", "extern_id"], name="organisatie_uniek_per_regiobron"
            )
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("organisaties:detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.slug in GERESERVEERDE_SLUGS:
            raise ValidationError(
                {"slug": _("Dit webadres is al in gebruik door de site. Kies een ander.")}
            )

    @property
    def telefoon_link(self):
        """The number as a tel: URI: digits and a leading + only."""
        cijfers = "".join(c for c in self.telefoon if c.isdigit() or c == "+")
        return f"tel:{cijfers}" if cijfers else ""

    @property
    def website_link(self):
        """The website when it is a web address (http or https), else empty.

        The admin only accepts those, but an import could store "javascript:...", which as
        a link would run script for whoever clicks it.
        """
        website = self.website.strip()
        return website if website.lower().startswith(("https://", "http://")) else ""


class RegioOrganisatie(Organisatie):
    """The imported organisations, for their own read-only list in the admin."""

    class Meta:
        proxy = True
        verbose_name = _("organisatie in de regio")
        verbose_name_plural = _("organisaties in de regio")


class Zoekwoord(models.Model):
    """A word of the published directory, to correct typos in searches against.

    Kept by zoekindex.py; with pg_trgm a trigram index finds the nearest word quickly, so a
    misspelt search costs one indexed look-up instead of a scan of every organisation.
    """

    woord = models.CharField(
        _("woord"),
        max_length=40,
        unique=True,
        help_text=_("Om tikfouten bij het zoeken te verbeteren. Wordt automatisch bijgehouden."),
    )

    class Meta:
        verbose_name = _("zoekwoord")
        verbose_name_plural = _("zoekwoorden")

    def __str__(self):
        return self.woord


class Geocodeerstatus(models.TextChoices):
    NIEUW = "nieuw", _("Nog niet opgezocht")
    GELUKT = "gelukt", _("Gevonden")
    MISLUKT = "mislukt", _("Niet gevonden")
    HANDMATIG = "handmatig", _("Met de hand ingevuld")


class Locatie(models.Model):
    """A place where an organisation receives people (HSDS location with its address)."""

    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.CASCADE,
        related_name="locaties",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die mensen op deze plek ontvangt."),
    )
    naam = models.CharField(
        _("naam"), max_length=200, blank=True, help_text=_("Bijvoorbeeld 'Buurthuis De Vloot'.")
    )
    adres = models.CharField(
        _("straat en huisnummer"), max_length=200, help_text=_("Bijvoorbeeld Zuiddijk 12.")
    )
    postcode = models.CharField(
        _("postcode"),
        max_length=7,
        validators=[postcode_validator],
        help_text=_("Bijvoorbeeld 3142 AB."),
    )
    plaats = models.CharField(_("plaats"), max_length=100, help_text=_("Bijvoorbeeld Maassluis."))
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Voor de kaart, bijvoorbeeld 51.917."),
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Voor de kaart, bijvoorbeeld 4.250."),
    )
    wijk = models.ForeignKey(
        Wijk,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="locaties",
        verbose_name=_("wijk"),
        help_text=_("De wijk waarin deze plek ligt."),
    )
    toegankelijkheid = models.TextField(
        _("toegankelijkheid"),
        blank=True,
        help_text=_("Bijvoorbeeld: drempelvrije ingang, lift, invalidentoilet, ringleiding."),
    )
    rolstoeltoegankelijk = models.BooleanField(
        _("rolstoeltoegankelijk"),
        default=False,
        help_text=_("Zonder hulp bereikbaar met een rolstoel."),
    )
    geocodeer_status = models.CharField(
        _("coördinaten"),
        max_length=20,
        choices=Geocodeerstatus.choices,
        default=Geocodeerstatus.NIEUW,
        help_text=_(
            "Of de coördinaten bij het adres zijn opgezocht. Wordt automatisch bijgehouden."
        ),
    )
    geocodeer_fout = models.CharField(
        _("fout bij opzoeken coördinaten"),
        max_length=500,
        blank=True,
        help_text=_("Waarom de coördinaten niet gevonden zijn. Wordt automatisch bijgehouden."),
    )
    geocodeer_pogingen = models.PositiveSmallIntegerField(
        _("pogingen coördinaten"),
        default=0,
        help_text=_("Hoe vaak het opzoeken is geprobeerd sinds het adres veranderde."),
    )
    geocodeer_poging_op = models.DateTimeField(
        _("laatste poging coördinaten"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Wanneer de coördinaten voor het laatst zijn opgezocht. Na een mislukte poging "
            "probeert de site het later opnieuw. Wordt automatisch bijgehouden."
        ),
    )
    extern_id = extern_id_veld(
        _("Voor geïmporteerde gegevens: de id in de open data van de andere gemeente.")
    )
    # The coordinates as floating point, kept by PostgreSQL: a distance search measures
    # thousands of locations, and converting the decimal columns costs more than the sum.
    breedte = models.GeneratedField(
        expression=Cast("latitude", models.FloatField()),
        output_field=models.FloatField(),
        db_persist=True,
        verbose_name=_("breedtegraad (berekend)"),
        help_text=_("Voor het zoeken op afstand. Wordt automatisch bijgehouden."),
    )
    lengte = models.GeneratedField(
        expression=Cast("longitude", models.FloatField()),
        output_field=models.FloatField(),
        db_persist=True,
        verbose_name=_("lengtegraad (berekend)"),
        help_text=_("Voor het zoeken op afstand. Wordt automatisch bijgehouden."),
    )
    uuid = hsds_id()
    history = Geschiedenis(excluded_fields=["breedte", "lengte"])

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["organisatie", "naam", "adres"]
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="locatie_coordinaten"),
            # The box around a postcode in a distance search (organisaties.afstand).
            models.Index(fields=["breedte", "lengte"], name="locatie_graden"),
        ]

    def __str__(self):
        return self.naam or f"{self.adres}, {self.plaats}"

    def save(self, *args, **kwargs):
        # Every path stores one spelling, also an import that skips validation.
        self.postcode = normaliseer_postcode(self.postcode)
        super().save(*args, **kwargs)

    @property
    def volledig_adres(self):
        return f"{self.adres}, {self.postcode} {self.plaats}"


class Openingstijd(models.Model):
    """When a location is open (HSDS schedule)."""

    class Dag(models.IntegerChoices):
        MAANDAG = 1, _("maandag")
        DINSDAG = 2, _("dinsdag")
        WOENSDAG = 3, _("woensdag")
        DONDERDAG = 4, _("donderdag")
        VRIJDAG = 5, _("vrijdag")
        ZATERDAG = 6, _("zaterdag")
        ZONDAG = 7, _("zondag")

    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.CASCADE,
        related_name="openingstijden",
        verbose_name=_("locatie"),
        help_text=_("De plek waarvoor deze tijd geldt."),
    )
    dag = models.PositiveSmallIntegerField(
        _("dag"), choices=Dag.choices, help_text=_("De dag van de week.")
    )
    van = models.TimeField(_("van"), help_text=_("Begintijd, bijvoorbeeld 09:00."))
    tot = models.TimeField(
        _("tot"), help_text=_("Eindtijd, bijvoorbeeld 17:00. Moet na de begintijd liggen.")
    )
    opmerking = models.CharField(
        _("opmerking"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld 'alleen op afspraak'."),
    )

    history = Geschiedenis()

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ["dag", "van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__gt=models.F("van")),
                name="openingstijd_tot_na_van",
                violation_error_message=_("De eindtijd moet na de begintijd liggen."),
            )
        ]

    def __str__(self):
        return f"{self.get_dag_display()} {self.van:%H:%M}–{self.tot:%H:%M}"


class AanbodQuerySet(models.QuerySet):
    def gepubliceerd(self):
        """The aanbod of published organisations (the definition of Organisatie's)."""
        return self.filter(organisatie__in=Organisatie.objects.gepubliceerd())

    def zoek(self, tekst: str, alle_woorden: bool = True):
        """The aanbod of the organisations the site's search finds, with their ``relevantie``."""
        return _zoek(self, tekst, alle_woorden, "organisatie__zoekvector")


class Aanbod(models.Model):
    """Something an organisation offers residents (HSDS service)."""

    class Kosten(models.TextChoices):
        GRATIS = "gratis", _("Gratis")
        EIGEN_BIJDRAGE = "eigen_bijdrage", _("Eigen bijdrage")
        BETAALD = "betaald", _("Betaald")

    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.CASCADE,
        related_name="aanbod",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die dit aanbod geeft."),
    )
    naam = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("Een korte naam, bijvoorbeeld 'Hulp bij formulieren'."),
    )
    omschrijving = models.TextField(_("omschrijving"), help_text=_("Wat inwoners hier krijgen."))
    themas = models.ManyToManyField(
        Thema,
        blank=True,
        related_name="aanbod",
        verbose_name=_("thema's"),
        help_text=_("Onderwerpen waarbij inwoners dit aanbod vinden."),
    )
    doelgroepen = models.ManyToManyField(
        Doelgroep,
        blank=True,
        related_name="aanbod",
        verbose_name=_("doelgroepen"),
        help_text=_("Voor wie dit aanbod is. Leeg: voor iedereen."),
    )
    kosten = models.CharField(
        _("kosten"),
        max_length=20,
        choices=Kosten.choices,
        help_text=_("Wat dit aanbod een inwoner kost."),
    )
    kosten_toelichting = models.CharField(
        _("toelichting kosten"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld '€ 2,50 per keer' of 'vergoed vanuit de Wmo'."),
    )
    hoe_aanmelden = models.TextField(
        _("hoe aanmelden"), blank=True, help_text=_("Hoe een inwoner gebruik maakt van dit aanbod.")
    )
    locaties = models.ManyToManyField(
        Locatie,
        blank=True,
        related_name="aanbod",
        verbose_name=_("locaties"),
        help_text=_("Waar dit aanbod te vinden is."),
    )
    volgorde = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Lagere getallen staan eerder op de pagina.")
    )
    extern_id = extern_id_veld(
        _("Voor geïmporteerde gegevens: de id in de open data van de andere gemeente.")
    )
    extern_hash = extern_hash_veld(
        _("Voor geïmporteerd aanbod: om te zien of het in de bron is veranderd.")
    )
    uuid = hsds_id()

    history = Geschiedenis(m2m_fields=["themas", "doelgroepen", "locaties"])

    objects = AanbodQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        ordering = ["organisatie", "volgorde", "naam"]

    def __str__(self):
        return self.naam


class Wijzigingsvoorstel(models.Model):
    """A resident's report that something on an organisation's page is wrong."""

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("Nieuw")
        VERWERKT = "verwerkt", _("Verwerkt")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.CASCADE,
        related_name="wijzigingsvoorstellen",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie waarover de melding gaat."),
    )
    toelichting = models.TextField(
        _("wat klopt er niet"), max_length=5000, help_text=_("Wat volgens de melder niet klopt.")
    )
    naam = models.CharField(
        _("naam melder"), max_length=200, blank=True, help_text=_("Mag leeg blijven.")
    )
    email = models.EmailField(
        _("e-mailadres melder"),
        blank=True,
        help_text=_("Alleen om vragen over de melding te stellen."),
    )
    taal = taalveld(_("De taal van de e-mail aan de melder: de taal van de site bij het melden."))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NIEUW,
        help_text=_("Kies Verwerkt of Afgewezen als u de melding hebt bekeken."),
    )
    notitie = models.TextField(
        _("notitie bij de beoordeling"),
        blank=True,
        help_text=_("Wat de redactie met de melding deed. De melder krijgt deze tekst niet."),
    )
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beoordeeld door"),
        help_text=_("Wordt ingevuld bij het beoordelen."),
    )
    beoordeeld_op = models.DateTimeField(
        _("beoordeeld op"), null=True, blank=True, help_text=_("Wordt ingevuld bij het beoordelen.")
    )
    aangemaakt = models.DateTimeField(
        _("ontvangen op"),
        default=timezone.now,
        editable=False,
        help_text=_("Wordt automatisch ingevuld."),
    )

    class Meta:
        verbose_name = _("wijzigingsvoorstel")
        verbose_name_plural = _("wijzigingsvoorstellen")
        ordering = ["-aangemaakt"]

    def __str__(self):
        return _("Melding over %(organisatie)s") % {"organisatie": self.organisatie}


class Bijwerkvoorstel(models.Model):
    """Changes an organisation proposes to its own listing through its personal link.

    Never live by itself: a redacteur compares ``voorstel`` with ``huidig`` (the listing as it
    was when the organisation opened the link) and takes over all, part or nothing.
    Both are snapshots in one shape: the organisation's fields, and lists of aanbod and
    locaties (with their openingstijden), see organisaties.bijwerken.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Wacht op beoordeling")
        OVERGENOMEN = "overgenomen", _("Overgenomen")
        DEELS = "deels", _("Deels overgenomen")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.CASCADE,
        related_name="bijwerkvoorstellen",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die haar gegevens wil bijwerken."),
    )
    huidig = models.JSONField(
        _("gegevens toen"),
        default=dict,
        help_text=_("De gegevens op de kaart toen de organisatie het voorstel deed."),
    )
    voorstel = models.JSONField(
        _("voorgestelde gegevens"),
        default=dict,
        help_text=_("De gegevens zoals de organisatie ze voorstelt."),
    )
    toelichting = models.TextField(
        _("toelichting van de organisatie"),
        blank=True,
        max_length=5000,
        help_text=_("Wat de organisatie erbij schreef."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.OPEN,
        help_text=_("Wordt bijgehouden bij het beoordelen."),
    )
    notitie = models.TextField(
        _("notitie voor de organisatie"),
        blank=True,
        help_text=_("Deze tekst krijgt de organisatie bij een afwijzing of deels overnemen."),
    )
    taal = taalveld(
        _("De taal van de e-mails aan de organisatie: de taal van de site bij het sturen.")
    )
    ingediend_op = models.DateTimeField(
        _("ingediend op"), default=timezone.now, help_text=_("Wordt automatisch ingevuld.")
    )
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beoordeeld door"),
        help_text=_("Wordt ingevuld bij het beoordelen."),
    )
    beoordeeld_op = models.DateTimeField(
        _("beoordeeld op"), null=True, blank=True, help_text=_("Wordt ingevuld bij het beoordelen.")
    )

    class Meta:
        verbose_name = _("bijwerkvoorstel van een organisatie")
        verbose_name_plural = _("bijwerkvoorstellen van organisaties")
        ordering = ["-ingediend_op"]

    def __str__(self):
        return _("Voorstel van %(organisatie)s") % {"organisatie": self.organisatie}


class Postcode(models.Model):
    """The centre of a postcode area (PC4 "3142" or PC6 "3142AB"), for distance search.

    Filled by an import of open data (CBS/PDOK centroids), by the demo data, and for a postcode
    nobody imported by a background lookup at PDOK (organisaties.postcodes).
    """

    class Bron(models.TextChoices):
        IMPORT = "import", _("import")
        PDOK = "pdok", _("PDOK Locatieserver")
        DEMO = "demo", _("demogegevens")

    postcode = models.CharField(
        _("postcode"),
        max_length=6,
        unique=True,
        help_text=_("Vier cijfers (3142) of vier cijfers en twee letters zonder spatie (3142AB)."),
    )
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=9,
        decimal_places=6,
        help_text=_("Het midden van het postcodegebied, bijvoorbeeld 51.917."),
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        help_text=_("Het midden van het postcodegebied, bijvoorbeeld 4.250."),
    )
    bron = models.CharField(
        _("bron"),
        max_length=10,
        choices=Bron.choices,
        default=Bron.IMPORT,
        help_text=_("Waar het midden vandaan komt."),
    )
    bijgewerkt = models.DateTimeField(
        _("bijgewerkt"), auto_now=True, help_text=_("Wanneer het midden is opgeslagen.")
    )

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
        ordering = ["postcode"]

    def __str__(self):
        return self.postcode
