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
