from django.urls import path

from signalen import views

app_name = "signalen"

urlpatterns = [
    path("signaal/", views.melden, name="melden"),
    path("signaal/ontvangen/", views.ontvangen, name="ontvangen"),
    path("signalen/beheer/", views.werkvoorraad, name="werkvoorraad"),
    path("signalen/beheer/overzicht/", views.overzicht, name="overzicht"),
    path("signalen/beheer/<str:referentie>/", views.detail, name="detail"),
    path("signalen/beheer/<str:referentie>/status/", views.status_wijzigen, name="status"),
    path("signalen/beheer/<str:referentie>/toewijzen/", views.toewijzen, name="toewijzen"),
    path("signalen/beheer/<str:referentie>/notitie/", views.notitie, name="notitie"),
    path("signalen/beheer/<str:referentie>/doorsturen/", views.doorsturen, name="doorsturen"),
    path("signalen/beheer/<str:referentie>/misbruik/", views.misbruik, name="misbruik"),
]
