// The organisation list's filters, enhanced. Without this script the page works as it is:
// the filters sit in a closed <details> on every screen and "Filters toepassen" sends them.
// With it:
// - on wide screens the filters start open, beside the results;
// - ticking a checkbox, a radio button or a choice in a list updates the results at once: the
//   page for the new URL is fetched (the same URL a visitor could share), parsed with
//   DOMParser, and its results and filter groups are moved into this page. No HTML is built
//   from strings. The results heading (aria-live) announces the new count; focus stays on
//   the element the visitor was on.
// Other scripts can follow the update through the "netwerk:resultaten" event on document.
(function () {
  "use strict";

  var formulier = document.getElementById("filters");
  var paneel = document.querySelector("[data-filterpaneel]");
  if (!formulier || !paneel || !window.fetch || !window.DOMParser) {
    return;
  }

  var breed = window.matchMedia("(min-width: 56rem)");
  if (breed.matches) {
    paneel.open = true;
  }

  var knop = formulier.querySelector("[data-filters-toepassen]");
  if (knop) {
    knop.hidden = true;
  }

  var lopend = null;

  function adres() {
    var parameters = new URLSearchParams();
    new FormData(formulier).forEach(function (waarde, naam) {
      if (typeof waarde === "string" && waarde !== "") {
        parameters.append(naam, waarde);
      }
    });
    var query = parameters.toString();
    return formulier.action.split("?")[0] + (query ? "?" + query : "");
  }

  function vervang(id, nieuw) {
    var oud = document.getElementById(id);
    var vervanger = nieuw.getElementById(id);
    if (oud && vervanger) {
      oud.replaceWith(document.adoptNode(vervanger));
    }
  }

  function werkBij() {
    var url = adres();
    var focusId = document.activeElement && document.activeElement.id;
    if (lopend) {
      lopend.abort();
    }
    lopend = new AbortController();
    var resultaten = document.getElementById("resultaten");
    if (resultaten) {
      resultaten.setAttribute("aria-busy", "true");
    }
    fetch(url, { signal: lopend.signal, credentials: "same-origin" })
      .then(function (antwoord) {
        if (!antwoord.ok) {
          throw new Error(String(antwoord.status));
        }
        return antwoord.text();
      })
      .then(function (tekst) {
        var nieuw = new DOMParser().parseFromString(tekst, "text/html");
        vervang("resultaten-inhoud", nieuw);
        vervang("filtergroepen", nieuw);
        vervang("weergave", nieuw);
        var kop = document.getElementById("resultaten-kop");
        var nieuweKop = nieuw.getElementById("resultaten-kop");
        if (kop && nieuweKop) {
          kop.textContent = nieuweKop.textContent;
        }
        var aantal = paneel.querySelector("[data-filteraantal]");
        var nieuwAantal = nieuw.querySelector("[data-filteraantal]");
        if (aantal && nieuwAantal) {
          aantal.replaceWith(document.adoptNode(nieuwAantal));
        }
        var knopNieuw = formulier.querySelector("[data-filters-toepassen]");
        if (knopNieuw) {
          knopNieuw.hidden = true;
        }
        if (nieuw.title) {
          document.title = nieuw.title;
        }
        window.history.replaceState(null, "", url);
        var terug = focusId && document.getElementById(focusId);
        if (terug) {
          terug.focus();
        }
        document.dispatchEvent(new CustomEvent("netwerk:resultaten", { detail: { url: url } }));
      })
      .catch(function (fout) {
        if (fout.name !== "AbortError") {
          formulier.submit(); // the plain way still works
        }
      })
      .finally(function () {
        if (resultaten) {
          resultaten.removeAttribute("aria-busy");
        }
      });
  }

  formulier.addEventListener("change", function (gebeurtenis) {
    var veld = gebeurtenis.target;
    var soort = veld.type;
    if (soort === "checkbox" || soort === "radio" || veld.tagName === "SELECT") {
      werkBij();
    }
  });
})();
