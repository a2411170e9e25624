// A page that comes back with form errors: move the focus to the error summary
// (components/foutoverzicht.html), so that keyboard and screen reader users start there.
// A link in the summary to a field inside a closed <details> opens it first.
(function () {
  "use strict";

  var overzicht = document.querySelector("[data-foutoverzicht]");
  if (!overzicht) {
    return;
  }
  overzicht.focus();

  overzicht.addEventListener("click", function (gebeurtenis) {
    var link = gebeurtenis.target.closest("a[href^='#']");
    if (!link) {
      return;
    }
    var veld = document.getElementById(link.getAttribute("href").slice(1));
    if (!veld) {
      return;
    }
    var dicht = veld.closest("details:not([open])");
    if (dicht) {
      dicht.open = true;
    }
    gebeurtenis.preventDefault();
    veld.focus();
    veld.scrollIntoView({ block: "center" });
  });
})();
