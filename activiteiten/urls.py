from django.urls import path

from activiteiten import views

app_name = "activiteiten"

urlpatterns = [
    path("activiteiten/", views.agenda_lijst, name="agenda"),
    path("activiteiten/agenda.ics", views.ics_feed, name="ics_feed"),
    path("activiteiten/campagne/<slug:slug>/", views.campagne, name="campagne"),
    path("activiteiten/<slug:slug>/", views.detail, name="detail"),
    path("activiteiten/<slug:slug>/aanmelden/<str:sleutel>/", views.aanmelden, name="aanmelden"),
]
