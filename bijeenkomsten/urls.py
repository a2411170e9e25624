from django.urls import path

from bijeenkomsten.views import coordinatie, deur, hulpmiddelen, ontmoeten, publiek

app_name = "bijeenkomsten"

# A meeting's coordinator pages live under coordinatie/bijeenkomsten/<slug>/, so that no slug
# (not even "netwerk") can collide with a page of the coordinators themselves.

urlpatterns = [
    path("bijeenkomsten/", publiek.agenda_lijst, name="agenda"),
    path("bijeenkomsten/archief/", publiek.archief, name="archief"),
    path("bijeenkomsten/agenda.ics", publiek.ics_feed, name="ics_feed"),
    path("bijeenkomsten/<slug:slug>/", publiek.detail, name="detail"),
    path("bijeenkomsten/<slug:slug>/agenda.ics", publiek.ics, name="ics"),
    path("aanmelding/<str:token>/", publiek.aanmelding, name="aanmelding"),
    path("aanmelding/<str:token>/ontmoeten/", ontmoeten.wil_ontmoeten, name="wil_ontmoeten"),
    path("coordinatie/", coordinatie.overzicht, name="coordinatie"),
    path("coordinatie/netwerk/", coordinatie.netwerk_totaal, name="netwerk_totaal"),
    path("coordinatie/bijeenkomsten/<slug:slug>/", coordinatie.deelnemers, name="deelnemers"),
    path("coordinatie/bijeenkomsten/<slug:slug>/plakken/", coordinatie.plakken, name="plakken"),
    path(
        "coordinatie/bijeenkomsten/<slug:slug>/plakken/<int:pk>/",
        coordinatie.plakopdracht,
        name="plakopdracht",
    ),
    path(
        "coordinatie/bijeenkomsten/<slug:slug>/aanmelding/<int:pk>/verplaatsen/",
        coordinatie.verplaatsen,
        name="verplaatsen",
    ),
    path(
        "coordinatie/bijeenkomsten/<slug:slug>/aanmelding/<int:pk>/annuleren/",
        coordinatie.annuleren,
        name="annuleren",
    ),
    path(
        "coordinatie/bijeenkomsten/<slug:slug>/inchecken/", coordinatie.inchecken, name="inchecken"
    ),
    path(
        "coordinatie/bijeenkomsten/<slug:slug>/presentielijst/",
        coordinatie.presentielijst,
        name="presentielijst",
    ),
    path(
        "coordinatie/bijeenkomsten/<slug:slug>/downloaden/",
        coordinatie.downloaden,
        name="downloaden",
    ),
    path(
        "coordinatie/bijeenkomsten/<slug:slug>/export.<str:formaat>",
        coordinatie.export,
        name="export",
    ),
    path(
        "coordinatie/bijeenkomsten/<slug:slug>/naambadges/",
        hulpmiddelen.naambadges,
        name="naambadges",
    ),
    path("coordinatie/bijeenkomsten/<slug:slug>/tafels/", hulpmiddelen.tafels, name="tafels"),
    path("coordinatie/bijeenkomsten/<slug:slug>/netwerk/", coordinatie.netwerk, name="netwerk"),
    # Door mode (bijeenkomsten.views.deur); its service worker's scope covers every door page.
    path("coordinatie/deur-sw.js", deur.service_worker, name="deur_sw"),
    path("coordinatie/bijeenkomsten/<slug:slug>/deur/", deur.deur, name="deur"),
    path("coordinatie/bijeenkomsten/<slug:slug>/deur/lijst.json", deur.lijst, name="deur_lijst"),
    path(
        "coordinatie/bijeenkomsten/<slug:slug>/deur/inchecken/",
        deur.inchecken,
        name="deur_inchecken",
    ),
    path(
        "coordinatie/bijeenkomsten/<slug:slug>/deur/ongedaan/",
        deur.ongedaan,
        name="deur_ongedaan",
    ),
    path("coordinatie/bijeenkomsten/<slug:slug>/deur/inloper/", deur.inloper, name="deur_inloper"),
]
