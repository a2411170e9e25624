from django.urls import path

from bijeenkomsten.views import coordinatie, publiek

app_name = "bijeenkomsten"

urlpatterns = [
    path("bijeenkomsten/", publiek.agenda_lijst, name="agenda"),
    path("bijeenkomsten/archief/", publiek.archief, name="archief"),
    path("bijeenkomsten/agenda.ics", publiek.ics_feed, name="ics_feed"),
    path("bijeenkomsten/<slug:slug>/", publiek.detail, name="detail"),
    path("bijeenkomsten/<slug:slug>/agenda.ics", publiek.ics, name="ics"),
    path("aanmelding/<str:token>/", publiek.aanmelding, name="aanmelding"),
    path("coordinatie/", coordinatie.overzicht, name="coordinatie"),
    path("coordinatie/netwerk/", coordinatie.netwerk_totaal, name="netwerk_totaal"),
    path("coordinatie/<slug:slug>/", coordinatie.deelnemers, name="deelnemers"),
    path("coordinatie/<slug:slug>/plakken/", coordinatie.plakken, name="plakken"),
    path(
        "coordinatie/<slug:slug>/aanmelding/<int:pk>/verplaatsen/",
        coordinatie.verplaatsen,
        name="verplaatsen",
    ),
    path(
        "coordinatie/<slug:slug>/aanmelding/<int:pk>/annuleren/",
        coordinatie.annuleren,
        name="annuleren",
    ),
    path("coordinatie/<slug:slug>/inchecken/", coordinatie.inchecken, name="inchecken"),
    path(
        "coordinatie/<slug:slug>/inchecken/<int:pk>/",
        coordinatie.inchecken_actie,
        name="inchecken_actie",
    ),
    path(
        "coordinatie/<slug:slug>/presentielijst/", coordinatie.presentielijst, name="presentielijst"
    ),
    path("coordinatie/<slug:slug>/export.<str:formaat>", coordinatie.export, name="export"),
    path("coordinatie/<slug:slug>/netwerk/", coordinatie.netwerk, name="netwerk"),
]
