/* Turns the organisation <select> of the registration form into GOV.UK's accessible
   autocomplete (a combobox that screen readers announce). Without JavaScript the plain
   select keeps working. */
(function () {
  "use strict";
  if (!window.accessibleAutocomplete) return;
  document.querySelectorAll('select[data-autocomplete="organisatie"]').forEach(function (select) {
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: "",
      showAllValues: false,
      minLength: 2,
      dropdownArrow: function () { return ""; },
      tNoResults: function () { return "Geen organisatie gevonden. Vul het veld 'Andere organisatie' in."; },
      tStatusQueryTooShort: function (min) { return "Typ minstens " + min + " letters."; },
      tStatusNoResults: function () { return "Geen resultaten"; },
      tStatusSelectedOption: function (option, length, index) { return option + " " + (index + 1) + " van " + length + " is gekozen"; },
      tStatusResults: function (length, contentSelectedOption) {
        return (length === 1 ? "1 resultaat" : length + " resultaten") + " beschikbaar. " + contentSelectedOption;
      },
      tAssistiveHint: function () { return "Gebruik de pijltjes omhoog en omlaag om te kiezen en Enter om te bevestigen."; }
    });
  });
})();
