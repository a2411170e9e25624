import datetime

import factory
from django.utils import timezone

from organisaties.models import (
    Aanbod,
    Doelgroep,
    Locatie,
    Openingstijd,
    Organisatie,
    Soort,
    Thema,
    Wijk,
    Wijzigingsvoorstel,
)


class ThemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class DoelgroepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doelgroep
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"Doelgroep {n}")
    slug = factory.Sequence(lambda n: f"doelgroep-{n}")


class SoortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Soort
        django_get_or_create = ["slug"]

    naam = "Welzijnspartner"
    slug = "welzijnspartner"


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.Sequence(lambda n: f"wijk-{n}")


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    soort = factory.SubFactory(SoortFactory)
    omschrijving = "Een organisatie die inwoners helpt."
    telefoon = "010 123 45 67"
    email = factory.LazyAttribute(lambda o: f"info@{o.slug}.nl")
    status = Organisatie.Status.GEPUBLICEERD
    laatst_geverifieerd = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if create and extracted:
            self.themas.set(extracted)

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if create and extracted:
            self.wijken.set(extracted)


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locatie

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = "Buurthuis"
    adres = "Hoogstraat 1"
    postcode = "3142 EA"
    plaats = "Maassluis"
    latitude = 51.916
    longitude = 4.25


class OpeningstijdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Openingstijd

    locatie = factory.SubFactory(LocatieFactory)
    dag = 1
    van = "09:00"
    tot = "17:00"


class AanbodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanbod
        skip_postgeneration_save = True

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = factory.Sequence(lambda n: f"Aanbod {n}")
    omschrijving = "Hulp voor inwoners."
    kosten = Aanbod.Kosten.GRATIS

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if create and extracted:
            self.themas.set(extracted)

    @factory.post_generation
    def doelgroepen(self, create, extracted, **kwargs):
        if create and extracted:
            self.doelgroepen.set(extracted)


class WijzigingsvoorstelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijzigingsvoorstel

    organisatie = factory.SubFactory(OrganisatieFactory)
    toelichting = "Het telefoonnummer klopt niet."


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    """A published meeting a month from now, open for registration."""

    class Meta:
        model = "bijeenkomsten.Bijeenkomst"
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Netwerkbijeenkomst {n}")
    slug = factory.Sequence(lambda n: f"bijeenkomst-{n}")
    omschrijving = "Ontmoeten, leren en versterken."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    einde = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    capaciteit = 3
    status = "gepubliceerd"
    adres = "Stadhuis, Stadserf 1, Zaandam"

    class Params:
        # Starts within the hour: registration still open, and check-in at the door too.
        deur_open = factory.Trait(
            start=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=1))
        )

    @factory.post_generation
    def coordinatoren(self, create, extracted, **kwargs):
        if create and extracted:
            self.coordinatoren.set(extracted)


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    is_staff = True
    password = factory.django.Password("geheim-wachtwoord")

    @factory.post_generation
    def groepen(self, create, extracted, **kwargs):
        if create and extracted:
            from django.contrib.auth.models import Group

            self.groups.set([Group.objects.get_or_create(name=naam)[0] for naam in extracted])
