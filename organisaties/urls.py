from django.urls import path

from organisaties import views

app_name = "organisaties"

urlpatterns = [
    path("organisaties/", views.organisatie_lijst, name="lijst"),
    path("organisaties/<slug:slug>/", views.organisatie_detail, name="detail"),
    path("themas/<slug:slug>/", views.thema_detail, name="thema"),
    path("wijken/<slug:slug>/", views.wijk_detail, name="wijk"),
]
