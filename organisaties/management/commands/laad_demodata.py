import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from organisaties import demodata
from organisaties.models import (
    Aanbod,
    Doelgroep,
    Locatie,
    Openingstijd,
    Organisatie,
    SiteConfiguratie,
    Soort,
    Thema,
    Wijk,
)


class Command(BaseCommand):
    help = (
        "Laadt demonstratiegegevens van de sociale kaart uit de brondocumenten. "
        "Veilig om vaker te draaien: bestaande demogegevens worden bijgewerkt, niet verdubbeld."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        themas = self._termen(Thema, [(s, n, o) for s, n, o in demodata.THEMAS])
        doelgroepen = self._termen(Doelgroep, [(s, n, "") for s, n in demodata.DOELGROEPEN])
        soorten = self._termen(Soort, [(s, n, "") for s, n in demodata.SOORTEN])
        wijken = {}
        for volgorde, (slug, naam, code) in enumerate(demodata.WIJKEN):
            wijken[slug], _ = Wijk.objects.update_or_create(
                slug=slug, defaults={"naam": naam, "cbs_code": code, "volgorde": volgorde}
            )

        vandaag = timezone.localdate()
        for nummer, data in enumerate(demodata.ORGANISATIES):
            organisatie, _ = Organisatie.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "naam": data["naam"],
                    "soort": soorten[data["soort"]],
                    "omschrijving": data["omschrijving"],
                    "website": data["website"],
                    "email": data["email"],
                    "telefoon": data["telefoon"],
                    "status": Organisatie.Status.GEPUBLICEERD,
                    "laatst_geverifieerd": vandaag - datetime.timedelta(days=30 * (nummer % 15)),
                },
            )
            organisatie.themas.set([themas[s] for s in data["themas"]])
            organisatie.wijken.set([wijken[s] for s in data["wijken"]])

            locaties = {}
            organisatie.locaties.all().delete()
            for naam, adres, postcode, plaats, lat, lon, wijk, rolstoel, toegang, tijden in data[
                "locaties"
            ]:
                locatie = Locatie.objects.create(
                    organisatie=organisatie,
                    naam=naam,
                    adres=adres,
                    postcode=postcode,
                    plaats=plaats,
                    latitude=lat,
                    longitude=lon,
                    wijk=wijken.get(wijk),
                    rolstoeltoegankelijk=rolstoel,
                    toegankelijkheid=toegang,
                )
                Openingstijd.objects.bulk_create(
                    Openingstijd(locatie=locatie, dag=dag, van=van, tot=tot, opmerking=opmerking)
                    for dag, van, tot, opmerking in tijden
                )
                locaties[naam] = locatie

            organisatie.aanbod.all().delete()
            for volgorde, (
                naam,
                omschrijving,
                a_themas,
                a_doelgroepen,
                kosten,
                toelichting,
                hoe,
            ) in enumerate(data["aanbod"]):
                aanbod = Aanbod.objects.create(
                    organisatie=organisatie,
                    naam=naam,
                    omschrijving=omschrijving,
                    kosten=kosten,
                    kosten_toelichting=toelichting,
                    hoe_aanmelden=hoe,
                    volgorde=volgorde,
                )
                aanbod.themas.set([themas[s] for s in a_themas])
                aanbod.doelgroepen.set([doelgroepen[s] for s in a_doelgroepen])
                aanbod.locaties.set(locaties.values())

        site = SiteConfiguratie.get_solo()
        site.is_demo = True
        site.contact_telefoon = site.contact_telefoon or "14 010"
        site.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demogegevens geladen: {len(demodata.ORGANISATIES)} organisaties, "
                f"{len(themas)} thema's, {len(wijken)} wijken."
            )
        )

    def _termen(self, model, rijen):
        termen = {}
        for volgorde, (slug, naam, omschrijving) in enumerate(rijen):
            termen[slug], _ = model.objects.update_or_create(
                slug=slug,
                defaults={"naam": naam, "omschrijving": omschrijving, "volgorde": volgorde},
            )
        return termen
