from django.urls import path

from organisaties import views, views_bijwerken

app_name = "organisaties"

urlpatterns = [
    path("organisaties/", views.organisatie_lijst, name="lijst"),
    path("organisaties/kaart.geojson", views.kaart_geojson, name="kaart_geojson"),
    # Before the organisation's page: "aanmelden" is no organisation (GERESERVEERDE_SLUGS).
    path("organisaties/aanmelden/", views_bijwerken.aanmelden, name="aanmelden"),
    path(
        "organisaties/aanmelden/bedankt/",
        views_bijwerken.aanmelden_bedankt,
        name="aanmelden_bedankt",
    ),
    path("organisaties/bijwerken/<str:token>/", views_bijwerken.overzicht, name="bijwerken"),
    path(
        "organisaties/bijwerken/<str:token>/wijzigen/",
        views_bijwerken.wijzigen,
        name="bijwerken_wijzigen",
    ),
    path(
        "organisaties/bijwerken/<str:token>/bedankt/",
        views_bijwerken.bedankt,
        name="bijwerken_bedankt",
    ),
    path("organisaties/<slug:slug>/", views.organisatie_detail, name="detail"),
    path("organisaties/<slug:slug>/melden/", views.organisatie_melden, name="melden"),
    path("themas/<slug:slug>/", views.thema_detail, name="thema"),
    path("wijken/<slug:slug>/", views.wijk_detail, name="wijk"),
]
