/* Turns the organisation <select> of the registration form into GOV.UK's accessible
   autocomplete (a combobox that screen readers announce). Without JavaScript the plain
   select keeps working. */
(function () {
  "use strict";
  if (!window.accessibleAutocomplete) return;

  function tekstVan(element) {
    return (element.textContent || "").replace(/\s+/g, " ").trim();
  }

  // The library puts a suggestion into the page as HTML, and an organisation's name is data:
  // escape it, so that a name like "<img onerror=...>" shows as text and never runs.
  var HTML_TEKENS = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

  function alsTekst(waarde) {
    return String(waarde).replace(/[&<>"']/g, function (teken) { return HTML_TEKENS[teken]; });
  }

  document.querySelectorAll('select[data-autocomplete="organisatie"]').forEach(function (select) {
    var id = select.id;
    // The combobox replaces the select's aria-describedby with its own hint: keep the help
    // text ("Staat uw organisatie er niet bij?") by putting it in front of that hint.
    var hulp = (select.getAttribute("aria-describedby") || "").split(" ")
      .map(function (hulpId) { return document.getElementById(hulpId); })
      .filter(Boolean).map(tekstVan).join(" ");
    var anders = document.getElementById(id + "_naam");

    // The texts come from the page, in its language (data-tekst-* set by the form), with the
    // Dutch as a fallback; {naam} placeholders are filled in as plain text.
    var STANDAARD = {
      tekstGeenOrganisatie: "Geen organisatie gevonden. Vul het veld 'Andere organisatie' in.",
      tekstTeKort: "Typ minstens {aantal} letters.",
      tekstGeenResultaten: "Geen resultaten",
      tekstGekozen: "{optie} {nummer} van {aantal} is gekozen",
      tekstEenResultaat: "1 resultaat beschikbaar.",
      tekstResultaten: "{aantal} resultaten beschikbaar.",
      tekstUitleg: "Gebruik de pijltjes omhoog en omlaag om te kiezen en Enter om te bevestigen."
    };
    function tekst(naam, waarden) {
      return (select.dataset[naam] || STANDAARD[naam]).replace(/\{(\w+)\}/g, function (geheel, sleutel) {
        return sleutel in waarden ? String(waarden[sleutel]) : geheel;
      });
    }

    // The library only selects an option whose text matches exactly, and never unselects:
    // clearing the field would keep the old organisation. Make the select follow the field,
    // and keep a name that is not in the list in "Andere organisatie" instead of losing it.
    function bevestig(gekozen) {
      var invoer = document.getElementById(id);
      var tekst = (gekozen !== undefined ? gekozen : invoer ? invoer.value : "").trim();
      var optie = [].filter.call(select.options, function (o) {
        return o.value && tekstVan(o).toLowerCase() === tekst.toLowerCase();
      })[0];
      select.value = optie ? optie.value : "";
      if (!optie && tekst && anders && !anders.value) anders.value = tekst;
    }

    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: "",
      showAllValues: false,
      minLength: 2,
      onConfirm: bevestig,
      templates: {
        // The field's value is set as text, so the name goes in as it is.
        inputValue: function (waarde) { return waarde; },
        suggestion: function (waarde) { return waarde == null ? "" : alsTekst(waarde); }
      },
      dropdownArrow: function () { return ""; },
      tNoResults: function () { return tekst("tekstGeenOrganisatie", {}); },
      tStatusQueryTooShort: function (min) { return tekst("tekstTeKort", { aantal: min }); },
      tStatusNoResults: function () { return tekst("tekstGeenResultaten", {}); },
      tStatusSelectedOption: function (option, length, index) {
        return tekst("tekstGekozen", { optie: option, nummer: index + 1, aantal: length });
      },
      tStatusResults: function (length, contentSelectedOption) {
        return (length === 1 ? tekst("tekstEenResultaat", {}) : tekst("tekstResultaten", { aantal: length })) +
          " " + contentSelectedOption;
      },
      tAssistiveHint: function () {
        return (hulp ? hulp + " " : "") + tekst("tekstUitleg", {});
      }
    });
  });
})();
