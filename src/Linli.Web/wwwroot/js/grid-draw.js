// 绘制网格边界: on a grid's page, click the map to place the corners of its boundary; the polygon is written into the
// boundary form's GeoJSON field, which the server checks and saves. The community's other grids are drawn faintly to
// draw against, over the configured tiles if any. Without this script the field can still be filled by hand.
(function () {
    'use strict';

    function round(x) { return Math.round(x * 1e6) / 1e6; }

    function init() {
        var el = document.getElementById('boundary-draw');
        var field = document.getElementById('boundary-geojson');
        if (!el || !field || !window.L || el.dataset.ready) return;
        el.dataset.ready = '1';
        // A view from the start: Leaflet cannot place shapes on a map without one. China, until the grids are loaded.
        var map = L.map(el, { zoomSnap: 0.25, doubleClickZoom: false }).setView([35, 105], 4);
        if (el.dataset.tileUrl) L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.tileAttribution || '', maxZoom: 19 }).addTo(map);
        var others = L.geoJSON(null, { style: { color: '#6c757d', weight: 1, fillOpacity: 0.05 } }).addTo(map);
        var shape = L.polygon([], { color: '#d94801', weight: 2 }).addTo(map);
        var corners = L.layerGroup().addTo(map);
        var points = [];

        function write() {
            shape.setLatLngs(points);
            corners.clearLayers();
            points.forEach(function (p) { L.circleMarker(p, { radius: 4, color: '#d94801' }).addTo(corners); });
            if (points.length < 3) { field.value = ''; return; }
            var ring = points.map(function (p) { return [round(p.lng), round(p.lat)]; });
            ring.push(ring[0]);
            field.value = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
        }

        map.on('click', function (e) { points.push(e.latlng); write(); });
        document.getElementById('boundary-undo').addEventListener('click', function () { points.pop(); write(); });
        document.getElementById('boundary-clear').addEventListener('click', function () { points = []; write(); });

        fetch(el.dataset.mapUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : { grids: [] }; })
            .then(function (data) {
                (data.grids || []).forEach(function (g) {
                    if (!g.geometry) return;
                    if (String(g.id) === el.dataset.gridId && g.geometry.type === 'Polygon' && !field.value) {
                        points = g.geometry.coordinates[0].slice(0, -1).map(function (c) { return L.latLng(c[1], c[0]); });
                    } else if (String(g.id) !== el.dataset.gridId) {
                        others.addData({ type: 'Feature', geometry: g.geometry, properties: {} });
                    }
                });
                write();
                var bounds = others.getBounds();   // an empty polygon has no bounds to join
                if (points.length) bounds = bounds.isValid() ? bounds.extend(L.latLngBounds(points)) : L.latLngBounds(points);
                if (bounds.isValid()) map.fitBounds(bounds.pad(0.3));
                el.dataset.loaded = '1';
            });
    }

    function start() {
        init();
        if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', init);
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
