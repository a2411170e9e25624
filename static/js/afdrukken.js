/* The "Afdrukken" button of the attendance list. A script file instead of onclick="...", so
   that the Content-Security-Policy can forbid every inline script. Without JavaScript the
   button stays hidden: the browser's own print command still works. */
(function () {
  "use strict";
  document.querySelectorAll("[data-afdrukken]").forEach(function (knop) {
    knop.hidden = false;
    knop.addEventListener("click", function () { window.print(); });
  });
})();
