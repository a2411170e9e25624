from django.urls import path

from activiteiten import views, views_bijwerken

app_name = "activiteiten"

urlpatterns = [
    path("activiteiten/", views.agenda_lijst, name="agenda"),
    path("activiteiten/agenda.ics", views.ics_feed, name="ics_feed"),
    path("activiteiten/campagne/<slug:slug>/", views.campagne, name="campagne"),
    # An organisation's own activities, through the personal link of organisaties.bijwerken.
    path("activiteiten/bijwerken/<str:token>/", views_bijwerken.overzicht, name="bijwerken"),
    path(
        "activiteiten/bijwerken/<str:token>/nieuw/",
        views_bijwerken.nieuw,
        name="bijwerken_nieuw",
    ),
    path(
        "activiteiten/bijwerken/<str:token>/<int:pk>/",
        views_bijwerken.wijzigen,
        name="bijwerken_wijzigen",
    ),
    path(
        "activiteiten/bijwerken/<str:token>/bedankt/",
        views_bijwerken.bedankt,
        name="bijwerken_bedankt",
    ),
    path("activiteiten/<slug:slug>/", views.detail, name="detail"),
    path("activiteiten/<slug:slug>/aanmelden/<str:sleutel>/", views.aanmelden, name="aanmelden"),
]
