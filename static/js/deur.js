/* The door (templates/bijeenkomsten/deur/deur.html), on a phone with a poor connection.

   - Search filters the rows as you type; the focus stays in the field. Without JavaScript
     the same form is sent and the server filters.
   - A tap marks the row "binnen" at once and puts the check-in in a queue on this phone
     (localStorage: only ids, no names), which is sent now or, without a connection, as
     soon as it returns. The server may get a check-in twice: the person stays present.
     A second tap on a row that is "binnen" does nothing; undo is a separate page.
   - A walk-in registered without a connection (deur-inloper.js, on the walk-in page) waits
     in the same queue, with name, organisation and e-mail: it shows here as a row "binnen,
     nog te versturen" and is sent like a check-in. The phone's own key per walk-in makes a
     repeat harmless. Nothing else personal is stored, and it goes once it is sent.
   - Every 10 seconds the list is fetched again, so check-ins and walk-ins from other
     phones show here. New rows are clones of a <template>, filled with textContent.
   - A service worker (deur-sw.js) keeps this page and its list until the meeting ends.
   Texts come from the data-tekst-* attributes of #deur, translated in the template. */
(function () {
  "use strict";
  var deur = document.getElementById("deur");
  if (!deur || !window.fetch || !window.FormData) return;
  var lijst = document.getElementById("deur-lijst");
  var veld = document.getElementById("deur-q");
  var zoekForm = document.getElementById("deur-zoek");
  var teller = document.getElementById("deur-teller");
  var offline = document.getElementById("deur-offline");
  var wachtrijTekst = document.getElementById("deur-wachtrij");
  var melding = document.getElementById("deur-melding");
  var leeg = document.getElementById("deur-leeg");
  var gevonden = document.getElementById("deur-gevonden");
  var sjabloon = document.getElementById("deur-rij-sjabloon");
  var lijstUrl = deur.getAttribute("data-lijst");
  var inloperUrl = deur.getAttribute("data-inloper");
  var sleutelWachtrij = "netwerk-deur-wachtrij:" + deur.getAttribute("data-slug");
  var VERVERS_MS = 10000;

  function tekst(naam, waarden) {
    var t = deur.getAttribute("data-tekst-" + naam) || "";
    Object.keys(waarden || {}).forEach(function (k) { t = t.replace("{" + k + "}", waarden[k]); });
    return t;
  }

  function rijen() { return Array.prototype.slice.call(lijst.querySelectorAll(".deur-rij")); }
  function isWachtend(rij) { return rij.classList.contains("deur-rij--wacht"); }
  function rijVan(id) { return document.getElementById("aanmelding-" + id); }
  function naamVan(rij) { return rij.querySelector("[data-naam]").textContent; }

  function zoektekst(rij) {
    return (naamVan(rij) + " " + rij.querySelector("[data-organisatie]").textContent).toLowerCase();
  }

  /* --- Search as you type ------------------------------------------------------------- */
  function filter() {
    var woorden = veld.value.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
    var aantal = 0;
    rijen().forEach(function (rij) {
      var t = zoektekst(rij);
      var past = woorden.every(function (w) { return t.indexOf(w) !== -1; });
      rij.hidden = !past;
      if (past) aantal += 1;
    });
    leeg.hidden = aantal > 0;
    if (gevonden) gevonden.hidden = true; // the server's count was for the first search only
  }
  veld.addEventListener("input", filter);
  zoekForm.addEventListener("submit", function (event) {
    event.preventDefault();
    filter();
  });

  /* --- The queue of taps not yet confirmed by the server ------------------------------- */
  function leesWachtrij() {
    try { return JSON.parse(window.localStorage.getItem(sleutelWachtrij)) || []; } catch (e) { return []; }
  }
  function schrijfWachtrij(wachtrij) {
    try {
      if (wachtrij.length) window.localStorage.setItem(sleutelWachtrij, JSON.stringify(wachtrij));
      else window.localStorage.removeItem(sleutelWachtrij);
    } catch (e) { /* private mode: the tap is still sent while this page is open */ }
  }
  function inWachtrij(id) {
    return leesWachtrij().some(function (item) { return !item.inloper && String(item.id) === String(id); });
  }
  function wachtendeInlopers() {
    return leesWachtrij().filter(function (item) { return item.inloper; });
  }
  function nieuweSleutel() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return Date.now() + "-" + Math.random().toString(36).slice(2);
  }

  /* --- State on screen ------------------------------------------------------------------ */
  var stand = { aanwezig: NaN, verwacht: NaN };
  var serverBinnen = {};
  rijen().forEach(function (rij) {
    if (rij.classList.contains("deur-rij--binnen")) serverBinnen[rij.getAttribute("data-id")] = true;
  });
  (function () {
    var getallen = (teller.textContent.match(/\d+/g) || []).map(Number);
    stand = { aanwezig: getallen[0], verwacht: getallen[1] };
  })();

  function toonTeller() {
    if (isNaN(stand.aanwezig)) return;
    var inlopers = wachtendeInlopers().length;
    var extra = leesWachtrij().filter(function (item) { return !item.inloper && !serverBinnen[item.id]; }).length;
    teller.textContent = tekst("teller", {
      aanwezig: stand.aanwezig + extra + inlopers, verwacht: stand.verwacht + inlopers
    });
  }

  function toonOffline(isOffline) {
    var aantal = leesWachtrij().length;
    offline.hidden = !isOffline;
    wachtrijTekst.textContent = aantal ? tekst("wachtrij", { aantal: aantal }) : "";
  }

  function meld(t) { melding.textContent = t; }

  function zetBinnen(rij, binnen) {
    rij.classList.toggle("deur-rij--binnen", binnen);
    var knop = rij.querySelector(".deur-knop");
    if (knop) {
      knop.querySelector("[data-knoptekst]").textContent = tekst(binnen ? "binnen" : "melden");
      if (binnen) knop.setAttribute("aria-disabled", "true");
      else knop.removeAttribute("aria-disabled");
    }
    var status = rij.querySelector("[data-status]");
    if (status) status.textContent = binnen ? tekst("binnen") : "";
  }

  function csrf() {
    var veldCsrf = document.querySelector("input[name=csrfmiddlewaretoken]");
    return veldCsrf ? veldCsrf.value : "";
  }

  /* --- Sending the queue ---------------------------------------------------------------- */
  var bezig = false;
  var uitgelogd = false;

  function vergeetBewaardeLijst() {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "vergeten", slug: deur.getAttribute("data-slug") });
    }
  }

  function meldUitgelogd() {
    uitgelogd = true;
    meld(tekst("uitgelogd"));
    offline.hidden = false;
    offline.textContent = tekst("uitgelogd");
    vergeetBewaardeLijst();
  }

  function versturen() {
    var wachtrij = leesWachtrij();
    if (bezig || uitgelogd || !wachtrij.length) { toonTeller(); return; }
    var form = lijst.querySelector("form[data-deur-form]") || sjabloon.content.querySelector("form");
    if (!form) return;
    var item = wachtrij[0];
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrf());
    data.append("sleutel", item.sleutel);
    if (item.inloper) {
      data.append("naam", item.inloper.naam);
      data.append("organisatie", item.inloper.organisatie);
      data.append("email", item.inloper.email);
    } else {
      data.append("aanmelding", item.id);
    }
    bezig = true;
    fetch(item.inloper ? inloperUrl : form.action, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      redirect: "manual"
    })
      .then(function (antwoord) {
        if (antwoord.type === "opaqueredirect" || antwoord.status === 403) {
          meldUitgelogd();
          throw new Error("uitgelogd");
        }
        if (antwoord.status === 404) return { sleutel: item.sleutel, id: item.id, fout: true, status: "" };
        // A walk-in the server refused (400: the name, say) is dropped with its reason shown.
        var geweigerd = antwoord.status === 409 || (item.inloper && antwoord.status === 400);
        if (!antwoord.ok && !geweigerd) throw new Error(String(antwoord.status));
        return antwoord.json();
      })
      .then(function (resultaat) {
        schrijfWachtrij(leesWachtrij().filter(function (i) { return i.sleutel !== item.sleutel; }));
        if (item.inloper) {
          var wachtend = document.getElementById("inloper-" + item.sleutel);
          if (wachtend) wachtend.remove();
          if (resultaat.id && !rijVan(resultaat.id)) {
            var nieuw = nieuweRij({ id: resultaat.id, naam: item.inloper.naam });
            vulRij(nieuw, { naam: item.inloper.naam, organisatie: item.inloper.organisatie, hint: "" });
            serverBinnen[resultaat.id] = true;
            zetBinnen(nieuw, true);
          }
          if (typeof resultaat.aanwezig === "number") {
            stand = { aanwezig: resultaat.aanwezig, verwacht: resultaat.verwacht };
          }
          meld(resultaat.melding || "");
          if (resultaat.fout) toonFout(resultaat.melding);
          bezig = false;
          toonOffline(false);
          toonTeller();
          versturen();
          return;
        }
        var rij = rijVan(item.id);
        if (resultaat.status) {
          serverBinnen[item.id] = resultaat.status === "aanwezig";
          if (rij) zetBinnen(rij, resultaat.status === "aanwezig" || inWachtrij(item.id));
        } else if (rij) {
          rij.remove();
        }
        if (typeof resultaat.aanwezig === "number") {
          stand = { aanwezig: resultaat.aanwezig, verwacht: resultaat.verwacht };
        }
        if (resultaat.fout && resultaat.melding) meld(resultaat.melding);
        bezig = false;
        toonOffline(false);
        versturen();
      })
      .catch(function () {
        bezig = false;
        if (!uitgelogd) toonOffline(true);
        toonTeller();
      });
  }

  lijst.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-deur-form]");
    if (!form) return;
    event.preventDefault();
    var rij = form.closest(".deur-rij");
    // Binnen is binnen: a second tap, however soon, changes nothing.
    if (rij.classList.contains("deur-rij--binnen")) return;
    var id = rij.getAttribute("data-id");
    zetBinnen(rij, true);
    var wachtrij = leesWachtrij();
    wachtrij.push({ id: id, sleutel: nieuweSleutel() });
    schrijfWachtrij(wachtrij);
    meld(tekst(navigator.onLine === false ? "bewaard" : "gemeld", { naam: naamVan(rij) }));
    toonTeller();
    versturen();
  });

  /* --- The list from other phones ------------------------------------------------------- */
  function nieuweRij(d) {
    var rij = sjabloon.content.firstElementChild.cloneNode(true);
    rij.id = "aanmelding-" + d.id;
    rij.setAttribute("data-id", d.id);
    var invoer = rij.querySelector("input[name=aanmelding]");
    if (invoer) invoer.value = d.id;
    var volgende = rijen().filter(function (r) {
      return naamVan(r).localeCompare(d.naam, "nl", { sensitivity: "base" }) > 0;
    })[0];
    lijst.insertBefore(rij, volgende || null);
    return rij;
  }

  function vulRij(rij, d) {
    rij.querySelector("[data-naam]").textContent = d.naam;
    rij.querySelector("[data-organisatie]").textContent = d.organisatie;
    rij.querySelector("[data-hint]").textContent = d.hint;
    var knopnaam = rij.querySelector("[data-knopnaam]");
    if (knopnaam) knopnaam.textContent = ": " + d.naam;
  }

  function pasToe(data) {
    var bekend = {};
    serverBinnen = {};
    data.deelnemers.forEach(function (d) {
      bekend[d.id] = true;
      var rij = rijVan(d.id) || nieuweRij(d);
      vulRij(rij, d);
      serverBinnen[d.id] = d.status === "aanwezig";
      zetBinnen(rij, d.status === "aanwezig" || inWachtrij(d.id));
    });
    rijen().forEach(function (rij) { // cancelled, or moved to the waiting list elsewhere
      if (!isWachtend(rij) && !bekend[rij.getAttribute("data-id")]) rij.remove();
    });
    stand = { aanwezig: data.aanwezig, verwacht: data.verwacht };
    if (!veld.value && gevonden) gevonden.hidden = true;
    filter();
    toonTeller();
  }

  function verversen() {
    fetch(lijstUrl, { headers: { Accept: "application/json" }, credentials: "same-origin", redirect: "manual" })
      .then(function (antwoord) {
        if (antwoord.type === "opaqueredirect" || antwoord.status === 403) {
          meldUitgelogd();
          throw new Error("uitgelogd");
        }
        if (!antwoord.ok) throw new Error(String(antwoord.status));
        // The service worker answers from what it kept when the network is gone.
        toonOffline(antwoord.headers.get("Netwerk-Bewaard") === "1");
        return antwoord.json();
      })
      .then(pasToe)
      .catch(function () { if (!uitgelogd) toonOffline(true); });
  }

  /* --- Walk-ins registered without a connection ----------------------------------------- */
  // A row per walk-in still in the queue: "binnen", no button, filled with textContent.
  function toonWachtendeInlopers() {
    wachtendeInlopers().forEach(function (item) {
      if (document.getElementById("inloper-" + item.sleutel)) return;
      var rij = nieuweRij({ id: "", naam: item.inloper.naam });
      rij.id = "inloper-" + item.sleutel;
      rij.removeAttribute("data-id");
      rij.classList.add("deur-rij--wacht");
      vulRij(rij, { naam: item.inloper.naam, organisatie: item.inloper.organisatie, hint: "" });
      var actie = rij.querySelector(".deur-rij__actie");
      var status = document.createElement("span");
      status.className = "deur-rij__status";
      status.setAttribute("data-status", "");
      status.textContent = tekst("inloper-wacht");
      if (actie) actie.replaceWith(status);
      else if (rij.querySelector("[data-status]")) rij.querySelector("[data-status]").textContent = tekst("inloper-wacht");
      rij.classList.add("deur-rij--binnen");
    });
  }

  function toonFout(t) {
    var fout = document.getElementById("deur-fout");
    if (!fout || !t) return;
    fout.querySelector("p").textContent = t;
    fout.hidden = false;
  }

  // The walk-in page works without a connection only where the phone keeps it (deur-sw.js);
  // otherwise say what to do instead of leaving the browser's offline page.
  var inloper = document.getElementById("deur-inloper");
  if (inloper) {
    inloper.addEventListener("click", function (event) {
      if (navigator.onLine !== false && offline.hidden) return;
      event.preventDefault();
      var zonder = function () {
        meld(tekst("inloper-offline"));
        offline.hidden = false;
        wachtrijTekst.textContent = tekst("inloper-offline");
      };
      if (!window.caches) { zonder(); return; }
      window.caches.match(new URL(inloperUrl, window.location.href).pathname, { ignoreVary: true })
        .then(function (bewaard) { if (bewaard) window.location.assign(inloperUrl); else zonder(); })
        .catch(zonder);
    });
  }

  window.addEventListener("online", function () { versturen(); verversen(); });
  window.addEventListener("offline", function () { toonOffline(true); });
  window.setInterval(function () { versturen(); verversen(); }, VERVERS_MS);
  if (navigator.onLine === false) toonOffline(true);
  toonWachtendeInlopers();
  if (veld.value) filter();
  toonTeller();
  versturen();
  verversen(); // also brings in what was queued before this page was (re)loaded

  /* --- Keep the list on the phone (deur-sw.js) ----------------------------------------- */
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker
      .register(deur.getAttribute("data-sw"), { scope: deur.getAttribute("data-sw-scope") })
      .catch(function () { /* no offline copy; the door still works online */ });
    navigator.serviceWorker.ready.then(function (registratie) {
      if (registratie.active) {
        var statisch = Array.prototype.map.call(
          document.querySelectorAll("link[rel=stylesheet][href], script[src]"),
          function (el) { return el.href || el.src; }
        );
        // The walk-in page's script too, so that page works offline as well.
        statisch.push(new URL(deur.getAttribute("data-inloper-script"), window.location.href).href);
        registratie.active.postMessage({
          type: "bewaren",
          urls: [window.location.pathname, lijstUrl, new URL(inloperUrl, window.location.href).pathname],
          statisch: statisch
        });
      }
    });
  }
})();
