"""At 320 CSS pixels wide (WCAG 1.4.10 Reflow) the pages do not scroll sideways."""

import pytest

pytestmark = pytest.mark.browser

PAGINAS = [
    "/",
    "/organisaties/?q=schulden&thema=armoede-en-schulden",
    "/organisaties/wijkteam-vraagraak/",
    "/organisaties/wijkteam-vraagraak/melden/",
]

# What sticks out, to say so when the test fails: elements beyond the right edge, and
# elements whose content (a long word) overflows them.
TE_BREED = """() => [...document.querySelectorAll("body *")]
  .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
    || (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible"))
  .reverse()
  .slice(0, 5)
  .map((el) => el.outerHTML.slice(0, 120))"""


@pytest.fixture
def smal(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def test_smal_scherm_heeft_geen_horizontale_scrollbalk(smal, site):
    for pad in PAGINAS:
        smal.goto(site + pad)
        breedte = smal.evaluate("document.documentElement.scrollWidth")
        assert breedte <= 320, f"{pad} is {breedte}px breed: {smal.evaluate(TE_BREED)}"
