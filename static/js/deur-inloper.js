/* The walk-in page of the door mode (templates/bijeenkomsten/deur/inloper.html).

   With a connection the form is sent as usual, as JSON so that the page knows it arrived;
   the server's answer (or, for a mistake, its own page with the errors) follows. Without
   one, the walk-in is kept on this phone in the door's queue (deur.js sends it, with the
   same key, as soon as the connection returns; the server lets in one person however often
   it arrives) and the door page opens with the person shown as "binnen". Offline, only a
   missing name is checked here; what else the server refuses is shown at the door when it
   is sent. */
(function () {
  "use strict";
  var form = document.getElementById("deur-inloper-form");
  if (!form || !window.fetch || !window.FormData) return;
  var sleutelVeld = form.querySelector("input[name=sleutel]");
  var fout = document.getElementById("deur-inloper-fout");
  var wachtrijSleutel = "netwerk-deur-wachtrij:" + form.getAttribute("data-slug");
  var deurUrl = form.getAttribute("data-deur");
  var gewoon = false;

  function nieuweSleutel() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return Date.now() + "-" + Math.random().toString(36).slice(2);
  }
  if (sleutelVeld && !sleutelVeld.value) sleutelVeld.value = nieuweSleutel();

  function waarde(naam) {
    var veld = form.elements[naam];
    return veld ? veld.value.trim() : "";
  }

  function bewaren() {
    var wachtrij;
    try { wachtrij = JSON.parse(window.localStorage.getItem(wachtrijSleutel)) || []; } catch (e) { wachtrij = []; }
    var sleutel = sleutelVeld.value;
    if (!wachtrij.some(function (item) { return item.sleutel === sleutel; })) {
      wachtrij.push({
        sleutel: sleutel,
        inloper: { naam: waarde("naam"), organisatie: waarde("organisatie"), email: waarde("email") }
      });
    }
    window.localStorage.setItem(wachtrijSleutel, JSON.stringify(wachtrij));
  }

  form.addEventListener("submit", function (event) {
    if (gewoon) return;
    event.preventDefault();
    var data = new FormData(form);
    data.append("melden", "1");
    fetch(window.location.href, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      redirect: "manual"
    }).then(function (antwoord) {
      if (antwoord.ok) { window.location.assign(deurUrl); return; }
      // A mistake, logged out, the door closed: the server's own page says what.
      gewoon = true;
      form.submit();
    }, function () {
      if (!waarde("naam")) {
        fout.textContent = form.getAttribute("data-tekst-naam");
        fout.hidden = false;
        form.elements.naam.focus();
        return;
      }
      try { bewaren(); } catch (e) { gewoon = true; form.submit(); return; }
      window.location.assign(deurUrl);
    });
  });
})();
