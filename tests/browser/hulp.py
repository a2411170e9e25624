"""Helpers for the browser tests: axe-core, the state of the keyboard focus, and a logged-in
beheerder."""

from axe_playwright_python.base import AXE_SCRIPT
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_overtredingen(page, context=None, regels=None):
    """The WCAG 2.1 A/AA violations axe-core finds on the page as it is now.

    context: a CSS selector to check only part of the page; regels: axe rule ids to run
    instead of all WCAG 2.1 A/AA rules.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    opties = {
        "runOnly": {"type": "rule", "values": regels}
        if regels
        else {"type": "tag", "values": WCAG_21_AA},
        "resultTypes": ["violations"],
    }
    resultaat = page.evaluate(
        "([context, opties]) => axe.run(context || document, opties)", [context, opties]
    )
    return resultaat["violations"]


def leesbaar(violations):
    """The violations as lines a person can act on: rule, help text, elements."""
    regels = []
    for v in violations:
        regels.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            regels.append(f"    {', '.join(map(str, node['target']))}")
            if node.get("failureSummary"):
                regels.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(regels)


def assert_geen_overtredingen(page, **kwargs):
    violations = axe_overtredingen(page, **kwargs)
    assert not violations, f"axe-overtredingen op {page.url}:\n{leesbaar(violations)}"


# The focused element, and whether it draws a focus indicator: an outline or a box-shadow
# with a colour that is not transparent.
_ACTIEF = """() => {
  const el = document.activeElement;
  const stijl = getComputedStyle(el);
  const zichtbaar = (kleur) => !/^rgba\\(.*,\\s*0\\)$/.test(kleur) && kleur !== "transparent";
  const schaduwen = stijl.boxShadow === "none" ? [] : stijl.boxShadow.split(/,(?![^(]*\\))/);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    tekst: (el.innerText || el.value || "").trim(),
    href: el.getAttribute("href"),
    focusVisible: el.matches(":focus-visible"),
    outline: stijl.outlineStyle !== "none" && parseFloat(stijl.outlineWidth) > 0
      && zichtbaar(stijl.outlineColor),
    schaduw: schaduwen.some((s) => {
      const kleur = (s.match(/rgba?\\([^)]*\\)/) || ["transparent"])[0];
      const maten = s.replace(kleur, "").match(/-?[\\d.]+px/g) || [];
      return zichtbaar(kleur) && maten.some((m) => parseFloat(m) !== 0);
    }),
  };
}"""


def actief(page):
    """The element that has the keyboard focus, as a dict."""
    return page.evaluate(_ACTIEF)


def zichtbare_focus(el):
    return el["focusVisible"] and (el["outline"] or el["schaduw"])


def tab_tot(page, past, max_stappen=80):
    """Press Tab until `past(element)` holds; every element on the way shows its focus."""
    el = None
    for _ in range(max_stappen):
        page.keyboard.press("Tab")
        el = actief(page)
        assert el["tag"] != "body", "de focus is van de pagina af gevallen"
        assert zichtbare_focus(el), f"focus is niet zichtbaar op {el}"
        if past(el):
            return el
    raise AssertionError(f"na {max_stappen} keer Tab nog niet gevonden; focus op {el}")


def inloggen_als_beheerder(context, url, gebruikersnaam="beheerder"):
    """Give the browser the session of a staff Beheerder, second factor included, as if they
    had logged in. Returns the user."""
    from tests.factories import GebruikerFactory

    gebruiker = GebruikerFactory(username=gebruikersnaam, groepen=["Beheerder"])
    client = Client()
    client.force_login(gebruiker)
    # The admin may ask for the second factor (django-otp): mark this session as verified.
    apparaat = TOTPDevice.objects.create(user=gebruiker, name="test", confirmed=True)
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie.save()
    context.add_cookies([{"name": "sessionid", "value": sessie.session_key, "url": url}])
    return gebruiker
