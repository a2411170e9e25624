/* Service worker of the door mode, served as /coordinatie/deur-sw.js (views/deur.py).

   Keeps, per meeting, the door page and its list (lijst.json: name, organisation, status,
   hint; nothing else) so that the door keeps working when the venue's wifi is gone. Both
   are fetched from the network first; the kept copy answers only when the network fails,
   marked with the header Netwerk-Bewaard: 1 so that the page can say it is offline.

   What is kept is removed: when the meeting has ended (the list's "einde"), when the
   server no longer gives the list to this browser (logged out, no rights), and when the
   page asks for it. Logging out also sends Clear-Site-Data (netwerk/uitloggen.py).
   Check-ins and walk-ins are not queued here but by the pages (deur.js, deur-inloper.js),
   so that they can show them. */
"use strict";

var VOORVOEGSEL = "netwerk-deur-";
// The door page's own styles and scripts: no personal data, kept beside the meetings.
var STATISCH = "netwerk-deur-statisch";
// The door page, its list, and the walk-in page (so that a walk-in can be let in offline).
var DEUR = /^\/coordinatie\/bijeenkomsten\/([^/]+)\/deur\/(lijst\.json|inloper\/)?$/;

function deurVan(url) {
  var u = new URL(url, self.location.href);
  if (u.origin !== self.location.origin) return null;
  var m = DEUR.exec(u.pathname);
  return m ? { slug: m[1], pad: u.pathname, zoekt: Boolean(u.search) } : null;
}

function isLijst(verzoek) {
  return new URL(verzoek.url).pathname.slice(-"/deur/lijst.json".length) === "/deur/lijst.json";
}

// Remove every kept meeting that has ended; when the last one goes, the styles and scripts
// go too. A page is only ever kept beside its list (bewarenDeur puts the list first, the
// fetch handler adds a page only where a list is), so a cache without a list holds no page.
function opruimen() {
  return caches.keys().then(function (namen) {
    var deuren = namen.filter(function (n) { return n.indexOf(VOORVOEGSEL) === 0 && n !== STATISCH; });
    return Promise.all(deuren.map(function (naam) {
      return caches.open(naam).then(function (cache) {
        return cache.keys().then(function (verzoeken) {
          var lijst = verzoeken.filter(isLijst)[0];
          if (!lijst) return false; // being filled right now
          return cache.match(lijst, { ignoreVary: true })
            .then(function (antwoord) { return antwoord.json(); })
            .then(function (data) {
              if (!data.einde || Date.now() > Date.parse(data.einde)) return caches.delete(naam);
              return false;
            })
            .catch(function () { return caches.delete(naam); });
        });
      });
    })).then(function (verwijderd) {
      var weg = verwijderd.filter(Boolean).length;
      if (weg && weg === deuren.length) return caches.delete(STATISCH);
      return null;
    });
  });
}

function bruikbaar(antwoord) {
  return antwoord && antwoord.ok && antwoord.type === "basic" && !antwoord.redirected;
}

function isStatisch(url) {
  var u = new URL(url, self.location.href);
  return u.origin === self.location.origin
    && (u.pathname.indexOf("/static/") === 0 || u.pathname === "/huisstijl.css");
}

// The page asks to keep its own page and list (and styles and scripts): fetched here, so
// also on the first visit, before this worker controlled the page.
function bewaren(urls, statisch) {
  var bestanden = (statisch || []).filter(isStatisch);
  var klaar = caches.open(STATISCH).then(function (cache) {
    return Promise.all(bestanden.map(function (url) {
      return fetch(url).then(function (a) { return bruikbaar(a) ? cache.put(url, a) : null; });
    }));
  }).catch(function () { /* offline: keep what there is */ });
  return klaar.then(function () { return bewarenDeur(urls); });
}

function bewarenDeur(urls) {
  var deuren = urls.map(deurVan);
  if (!deuren.length || deuren.some(function (d) { return !d || d.slug !== deuren[0].slug; })) {
    return Promise.resolve();
  }
  return Promise.all(urls.map(function (url) {
    return fetch(url, { credentials: "same-origin", redirect: "manual", cache: "no-store" });
  })).then(function (antwoorden) {
    if (!antwoorden.every(bruikbaar)) return caches.delete(VOORVOEGSEL + deuren[0].slug);
    // The list (with the meeting's end) first: the page never sits in a cache without it.
    return caches.open(VOORVOEGSEL + deuren[0].slug).then(function (cache) {
      var lijstEerst = function (d) { return /\/lijst\.json$/.test(d.pad) ? 0 : 1; };
      var volgorde = deuren.map(function (d, i) { return i; }).sort(function (i, j) {
        return lijstEerst(deuren[i]) - lijstEerst(deuren[j]);
      });
      return volgorde.reduce(function (klaar, i) {
        return klaar.then(function () { return cache.put(deuren[i].pad, antwoorden[i]); });
      }, Promise.resolve());
    });
  }).then(opruimen, function () { /* offline: keep what there is */ });
}

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim().then(opruimen));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "bewaren" && Array.isArray(data.urls)) event.waitUntil(bewaren(data.urls, data.statisch));
  else if (data.type === "vergeten" && typeof data.slug === "string") {
    event.waitUntil(caches.delete(VOORVOEGSEL + data.slug));
  } else if (data.type === "opruimen") event.waitUntil(opruimen());
});

function bewaard(deur) {
  return opruimen()
    .then(function () { return caches.open(VOORVOEGSEL + deur.slug); })
    .then(function (cache) { return cache.match(deur.pad, { ignoreVary: true }); })
    .then(function (antwoord) {
      if (!antwoord) return Response.error();
      var koppen = new Headers(antwoord.headers);
      koppen.set("Netwerk-Bewaard", "1");
      return antwoord.blob().then(function (inhoud) {
        return new Response(inhoud, { status: antwoord.status, headers: koppen });
      });
    });
}

self.addEventListener("fetch", function (event) {
  if (event.request.method !== "GET") return;
  if (isStatisch(event.request.url)) {
    event.respondWith(fetch(event.request).catch(function () {
      return caches.open(STATISCH).then(function (cache) {
        return cache.match(event.request.url, { ignoreVary: true });
      }).then(function (antwoord) { return antwoord || Response.error(); });
    }));
    return;
  }
  var deur = deurVan(event.request.url);
  if (!deur) return;
  var naam = VOORVOEGSEL + deur.slug;
  event.respondWith(fetch(event.request).then(function (antwoord) {
    if (bruikbaar(antwoord)) {
      if (!deur.zoekt) {
        var kopie = antwoord.clone();
        event.waitUntil(caches.open(naam).then(function (cache) {
          if (isLijst(event.request)) return cache.put(deur.pad, kopie);
          // Refresh the kept page only where its list is kept (and so its end known).
          return cache.keys().then(function (verzoeken) {
            return verzoeken.some(isLijst) ? cache.put(deur.pad, kopie) : null;
          });
        }));
      }
    } else if (antwoord.type === "opaqueredirect" || antwoord.status === 403 || antwoord.redirected) {
      event.waitUntil(caches.delete(naam)); // logged out, or no longer allowed
    }
    return antwoord;
  }, function () {
    return bewaard(deur);
  }));
});
