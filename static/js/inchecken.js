/* Check-in without reloading the page: the form posts through fetch and the row updates.
   Without JavaScript, or when the answer is not the expected JSON (session expired, server
   error), the same form posts normally and the page reloads with the server's message.
   Texts come from the template (data-tekst-*), so that they are translated in one place. */
(function () {
  "use strict";
  var lijst = document.querySelector("[data-incheck]");
  if (!lijst || !window.fetch || !window.FormData) return;
  var teller = document.getElementById("teller");
  var melding = document.getElementById("incheck-melding");
  var aanwezig = teller ? parseInt(teller.getAttribute("data-aanwezig"), 10) : NaN;

  function toonTeller() {
    if (!teller || isNaN(aanwezig)) return;
    teller.textContent = teller.getAttribute("data-sjabloon")
      .replace("{aanwezig}", aanwezig)
      .replace("{bevestigd}", teller.getAttribute("data-bevestigd"));
  }

  // The visible text of the button, and the name after it for screen readers.
  function zetKnop(knop, isAanwezig) {
    var verborgen = knop.querySelector(".netwerk-visueel-verborgen");
    knop.textContent = lijst.getAttribute(isAanwezig ? "data-tekst-ongedaan" : "data-tekst-aanwezig");
    if (verborgen) knop.appendChild(verborgen);
    knop.value = isAanwezig ? "ongedaan" : "aanwezig";
    knop.classList.toggle("utrecht-button--secondary-action", isAanwezig);
    knop.classList.toggle("utrecht-button--primary-action", !isAanwezig);
  }

  // form.submit() leaves out the button that was pressed: send its action as a field.
  function gewoonVersturen(form, knop) {
    var veld = document.createElement("input");
    veld.type = "hidden";
    veld.name = knop.name;
    veld.value = knop.value;
    form.appendChild(veld);
    HTMLFormElement.prototype.submit.call(form);
  }

  lijst.querySelectorAll("form[data-incheck-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      // event.submitter is missing in older Safari; every form has one button.
      var knop = event.submitter || form.querySelector("button[name=actie]");
      // A second tap while the first is on its way does nothing. Not `disabled`: that
      // would take the keyboard focus away from the button.
      if (form.getAttribute("aria-busy") === "true") return;
      form.setAttribute("aria-busy", "true");
      var data = new FormData(form);
      data.set(knop.name, knop.value);
      var rij = form.closest("li");
      var wasAanwezig = rij.classList.contains("netwerk-incheck__rij--aanwezig");
      fetch(form.action, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      })
        .then(function (antwoord) {
          if (!antwoord.ok && antwoord.status !== 409) throw new Error(antwoord.status);
          return antwoord.json();
        })
        .then(function (resultaat) {
          var isAanwezig = resultaat.status === "aanwezig";
          rij.classList.toggle("netwerk-incheck__rij--aanwezig", isAanwezig);
          rij.querySelector("[data-status]").textContent = resultaat.melding;
          zetKnop(knop, isAanwezig);
          if (typeof resultaat.aantal_aanwezig === "number") {
            // The server's count includes what colleagues checked in on other phones.
            aanwezig = resultaat.aantal_aanwezig;
            if (teller) teller.setAttribute("data-bevestigd", resultaat.aantal_bevestigd);
          } else if (isAanwezig !== wasAanwezig) {
            aanwezig += isAanwezig ? 1 : -1;
          }
          toonTeller();
          if (melding) melding.textContent = resultaat.melding + (teller ? " " + teller.textContent : "");
          form.removeAttribute("aria-busy");
        })
        .catch(function () { gewoonVersturen(form, knop); });
    });
  });
})();
