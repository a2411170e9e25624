// A page that comes back with form errors: move the focus to the error summary
// (components/foutoverzicht.html), so that keyboard and screen reader users start there.
// A link in the summary to a field inside a closed <details> opens it first.
(function () {
  "use strict";

  var overzicht = document.querySelector("[data-foutoverzicht]");
  if (!overzicht) {
    return;
  }
  // A page opened at a fragment (#aanmelden) has the browser move the focus to the page
  // once it scrolled there, after this script: focus again then, unless the visitor moved on.
  function focus() {
    if (!document.activeElement || document.activeElement === document.body) {
      overzicht.focus();
    }
  }
  focus();
  window.addEventListener("load", function () {
    window.setTimeout(focus, 0);
  });

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
