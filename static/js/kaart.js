/* The map of templates/components/kaart.html: Leaflet with clustered markers.

   The points come from the list's GeoJSON (data-geojson) or from a json_script element on the
   page (data-punten). Every text from the data goes into the popup through textContent: names
   and addresses are typed by organisations and staff, and must never become markup.
   Markers and clusters are buttons Leaflet makes focusable; Enter opens a marker's popup
   (Leaflet) or zooms into a cluster (markercluster). When the tiles cannot load, the markers,
   the popups and the list on the page still work. */
(function () {
  "use strict";

  function tekst(el, naam, aantal) {
    return (el.dataset[naam] || "").replace("{aantal}", String(aantal));
  }

  function element(tag, klasse, inhoud) {
    var el = document.createElement(tag);
    if (klasse) { el.className = klasse; }
    if (inhoud) { el.textContent = inhoud; }
    return el;
  }

  // The popup: name (a link to the organisation's page), address, phone number.
  function popupInhoud(kaartEl, p) {
    var inhoud = element("div", "netwerk-kaart__popup");
    var kop = element("p", "netwerk-kaart__popup-naam");
    if (p.url) {
      var link = element("a", "utrecht-link utrecht-link--html-a", p.naam);
      link.href = p.url;
      kop.appendChild(link);
    } else {
      kop.textContent = p.naam;
    }
    inhoud.appendChild(kop);
    if (p.locatie && p.locatie !== p.naam) {
      inhoud.appendChild(element("p", "netwerk-kaart__popup-locatie", p.locatie));
    }
    if (p.adres) {
      inhoud.appendChild(element("p", "netwerk-kaart__popup-adres", p.adres));
    }
    if (p.telefoon && p.telefoon_link) {
      var regel = element("p", "netwerk-kaart__popup-telefoon", tekst(kaartEl, "tekstBellen") + ": ");
      var bel = element("a", "utrecht-link utrecht-link--html-a utrecht-link--telephone", p.telefoon);
      bel.href = p.telefoon_link;
      regel.appendChild(bel);
      inhoud.appendChild(regel);
    }
    return inhoud;
  }

  function clusterIcoon(kaartEl) {
    return function (cluster) {
      var aantal = cluster.getChildCount();
      var inhoud = element("div");
      inhoud.appendChild(element("span", null, String(aantal)));
      inhoud.appendChild(element("span", "netwerk-visueel-verborgen", " " + tekst(kaartEl, "tekstCluster", aantal)));
      var grootte = aantal < 10 ? "small" : aantal < 100 ? "medium" : "large";
      return L.divIcon({
        html: inhoud,
        className: "marker-cluster marker-cluster-" + grootte,
        iconSize: L.point(40, 40),
      });
    };
  }

  function toonPunten(kaart, kaartEl, groep, icoon, punten) {
    var markers = [];
    (punten.features || []).forEach(function (punt) {
      var p = punt.properties || {};
      var c = punt.geometry && punt.geometry.coordinates;
      if (!c || c.length < 2) { return; }
      var marker = L.marker([c[1], c[0]], { icon: icoon, alt: p.naam, title: p.naam, keyboard: true });
      marker.bindPopup(function () { return popupInhoud(kaartEl, p); });
      markers.push(marker);
    });
    groep.addLayers(markers);
    var status = document.getElementById(kaartEl.dataset.status);
    if (status) {
      status.textContent = markers.length === 0 ? tekst(kaartEl, "tekstGeen")
        : markers.length === 1 ? tekst(kaartEl, "tekstEen")
        : tekst(kaartEl, "tekstAantal", markers.length);
    }
    // The first view shows every point at once, without a zoom animation from the centre.
    if (markers.length === 1) {
      kaart.setView(markers[0].getLatLng(), Math.max(kaart.getZoom(), 15), { animate: false });
    } else if (markers.length > 1) {
      kaart.fitBounds(groep.getBounds(), {
        paddingTopLeft: [24, 48], paddingBottomRight: [24, 24], maxZoom: 16, animate: false,
      });
    }
  }

  function fout(kaartEl) {
    var status = document.getElementById(kaartEl.dataset.status);
    if (status) { status.textContent = tekst(kaartEl, "tekstFout"); }
  }

  function start(kaartEl) {
    if (typeof L === "undefined" || !L.markerClusterGroup) { return; }
    var zonderJs = kaartEl.querySelector(".netwerk-kaart__zonder-js");
    if (zonderJs) { zonderJs.remove(); }
    kaartEl.classList.add("netwerk-kaart--actief");

    var kaart = L.map(kaartEl, {
      center: [parseFloat(kaartEl.dataset.lat), parseFloat(kaartEl.dataset.lon)],
      zoom: parseInt(kaartEl.dataset.zoom, 10),
      zoomControl: false,
      attributionControl: false,
      scrollWheelZoom: false,
    });
    L.control.zoom({
      zoomInTitle: tekst(kaartEl, "tekstInzoomen"),
      zoomOutTitle: tekst(kaartEl, "tekstUitzoomen"),
    }).addTo(kaart);
    // The credit as text: the setting is not trusted to be markup.
    var attributie = element("span", null, kaartEl.dataset.attributie || "");
    L.control.attribution({ prefix: false }).addAttribution(attributie.innerHTML).addTo(kaart);
    L.tileLayer(kaartEl.dataset.tegels, { maxZoom: 19, minZoom: 6 }).addTo(kaart);

    // Leaflet's close button is called "Close popup"; give it a Dutch name, and take the
    // focus into a popup opened from the keyboard, and back to its marker when it closes.
    var vanToetsenbord = false;
    kaart.on("popupopen", function (e) {
      var knop = e.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (knop) { knop.setAttribute("aria-label", tekst(kaartEl, "tekstSluiten")); knop.title = tekst(kaartEl, "tekstSluiten"); }
      if (vanToetsenbord) {
        var link = e.popup.getElement().querySelector(".netwerk-kaart__popup a");
        if (link) { link.focus(); }
      }
      vanToetsenbord = false;
    });
    kaart.on("popupclose", function (e) {
      var bron = e.popup._source;
      if (bron && bron.getElement && e.popup.getElement().contains(document.activeElement)) {
        bron.getElement().focus();
      }
    });
    kaartEl.addEventListener("keydown", function (e) {
      vanToetsenbord = e.key === "Enter";
      // Leaflet closes a popup on Escape only while the map itself has the focus.
      var popup = kaartEl.querySelector(".leaflet-popup");
      if (e.key === "Escape" && popup && popup.contains(e.target)) {
        kaart.closePopup();
      }
    }, true);
    kaartEl.addEventListener("mousedown", function () { vanToetsenbord = false; }, true);

    var icoon = L.icon({
      iconUrl: kaartEl.dataset.icoon,
      iconRetinaUrl: kaartEl.dataset.icoon2x,
      shadowUrl: kaartEl.dataset.schaduw,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      shadowSize: [41, 41],
    });
    var groep = L.markerClusterGroup({
      showCoverageOnHover: false,
      iconCreateFunction: clusterIcoon(kaartEl),
    });
    kaart.addLayer(groep);

    if (kaartEl.dataset.punten) {
      var bron = document.getElementById(kaartEl.dataset.punten);
      toonPunten(kaart, kaartEl, groep, icoon, bron ? JSON.parse(bron.textContent) : {});
      return;
    }
    function laad(url) {
      fetch(url, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
        .then(function (antwoord) {
          if (!antwoord.ok) { throw new Error(String(antwoord.status)); }
          return antwoord.json();
        })
        .then(function (punten) {
          groep.clearLayers();
          toonPunten(kaart, kaartEl, groep, icoon, punten);
        })
        .catch(function () { fout(kaartEl); });
    }
    laad(kaartEl.dataset.geojson);
    // filters.js shows a new result without loading the page: the map follows it.
    document.addEventListener("netwerk:resultaten", function (e) {
      var params = new URL(e.detail.url, window.location.href).searchParams;
      params.delete("pagina");
      params.delete("weergave");
      var query = params.toString();
      laad(kaartEl.dataset.geojson.split("?")[0] + (query ? "?" + query : ""));
    });
  }

  document.querySelectorAll("[data-kaart]").forEach(start);
})();
