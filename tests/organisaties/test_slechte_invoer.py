"""Whatever is in the query string, the list gives a normal page, never a 500."""

import pytest

pytestmark = pytest.mark.django_db

SLECHTE_QUERIES = [
    {"pagina": "abc"},
    {"pagina": "-1"},
    {"pagina": "99999999999999999999"},
    {"thema": "bestaat-niet"},
    {"thema": ["mantelzorg", "bestaat-niet"]},
    {"soort": "'; DROP TABLE organisaties_organisatie; --"},
    {"gratis": "misschien"},
    {"sorteer": "wachtwoord"},
    {"q": "x" * 10_000},
    {"q": "schuld\x00en"},
    {"q": "<script>alert('x')</script>"},
    {"q": "a:* & !b | (c"},
    {"q": "' OR 1=1 --"},
    {"q": "     "},
    {"wijk": "\x00"},
]


@pytest.mark.parametrize("query", SLECHTE_QUERIES)
def test_lijst_overleeft_slechte_invoer(client, demodata, query):
    response = client.get("/organisaties/", query)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode("utf-8", "replace")


@pytest.mark.parametrize(
    "query_string", ["q=%ff%fe", "thema=%c3%28", "q=%", "pagina=%00", "q=a&q=b&q=c"]
)
def test_lijst_overleeft_kapotte_codering(client, demodata, query_string):
    assert client.get(f"/organisaties/?{query_string}").status_code == 200


def test_lange_zoekopdracht_wordt_ingekort_met_uitleg(client, demodata):
    response = client.get("/organisaties/", {"q": "mantelzorg " * 1000})
    html = response.content.decode()
    assert "We hebben alleen het begin gebruikt" in html
    assert "Minters Mantelzorg" in html


def test_nul_teken_geeft_duidelijke_melding(client, demodata):
    response = client.get("/organisaties/", {"q": "schuld\x00en"})
    assert response.status_code == 200
    assert "Null-tekens zijn niet toegestaan" in response.content.decode()


def test_onbekende_filterwaarde_wordt_genegeerd(client, demodata):
    response = client.get("/organisaties/", {"thema": ["mantelzorg", "bestaat-niet"]})
    namen = [o.naam for o in response.context["pagina"].object_list]
    assert "Minters Mantelzorg" in namen
    assert "Stroomopwaarts" not in namen


def test_slechte_melding_op_detailpagina_geeft_geen_500(client, demodata):
    response = client.post(
        "/organisaties/minters-mantelzorg/melden/", {"toelichting": "a\x00b", "email": "x" * 500}
    )
    assert response.status_code == 400
