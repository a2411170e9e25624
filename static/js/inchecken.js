/* Check-in without reloading the page: the form posts through fetch and the row updates.
   Without JavaScript the same forms post normally and the page reloads. */
(function () {
  "use strict";
  var teller = document.getElementById("teller");
  document.querySelectorAll("form[data-incheck-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var knop = event.submitter || form.querySelector("button");
      var data = new FormData(form);
      data.set("actie", knop.value);
      knop.disabled = true;
      fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (antwoord) { return antwoord.json(); })
        .then(function (resultaat) {
          var rij = form.closest("li");
          var aanwezig = resultaat.status === "aanwezig";
          rij.classList.toggle("netwerk-incheck__rij--aanwezig", aanwezig);
          rij.querySelector("[data-status]").textContent = resultaat.melding;
          knop.value = aanwezig ? "ongedaan" : "aanwezig";
          knop.firstChild.textContent = aanwezig ? "Ongedaan maken" : "Aanwezig";
          knop.className = "utrecht-button netwerk-incheck__knop " + (aanwezig ? "utrecht-button--secondary-action" : "utrecht-button--primary-action");
          if (teller) teller.textContent = resultaat.melding;
        })
        .catch(function () { form.submit(); })
        .finally(function () { knop.disabled = false; });
    });
  });
})();
