// 网格地图: draws the /grids/map page's grids with Leaflet from the JSON block the server rendered (CSP forbids
// inline scripts). Without a configured tile URL the polygons sit on a plain background. The table below the map
// carries the same numbers, so the page reads without this file.
(function () {
    'use strict';

    var colours = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];
    var state = { map: null };

    // Five equal steps between the smallest and the largest value, so close values still differ in colour.
    function classOf(value, min, max) {
        if (max <= min) return 0;
        return Math.min(colours.length - 1, Math.floor((value - min) / (max - min) * colours.length));
    }

    function draw() {
        var block = document.getElementById('grid-map-data');
        var el = document.getElementById('grid-map');
        if (!block || !el || !window.L) return;
        if (state.map) { state.map.remove(); state.map = null; }
        var data = JSON.parse(block.textContent);
        var opts = block.dataset;
        var select = document.getElementById('map-measure');
        var map = L.map(el, { zoomSnap: 0.25 });
        state.map = map;
        if (opts.tileUrl) L.tileLayer(opts.tileUrl, { attribution: opts.tileAttribution || '', maxZoom: 19 }).addTo(map);

        var layer = L.geoJSON(null).addTo(map);
        var legend = L.control({ position: 'bottomright' });
        legend.onAdd = function () {
            var div = L.DomUtil.create('div', 'grid-map-legend bg-white border rounded p-2 small');
            return div;
        };
        legend.addTo(map);

        function paint() {
            var key = select ? select.value : data.measures[0].key;
            var label = (data.measures.filter(function (m) { return m.key === key; })[0] || {}).label || key;
            var values = data.grids.map(function (g) { return g.values[key] || 0; });
            var max = values.length ? Math.max.apply(null, values) : 0;
            var min = values.length ? Math.min.apply(null, values) : 0;
            layer.clearLayers();
            data.grids.forEach(function (g) {
                if (!g.geometry) return;
                var v = g.values[key] || 0;
                L.geoJSON(g.geometry, {
                    style: { color: '#444', weight: 1, fillOpacity: 0.7, fillColor: colours[classOf(v, min, max)] }
                }).bindTooltip(g.name + '：' + v, { sticky: true }).addTo(layer);
            });
            var container = legend.getContainer();
            container.textContent = '';
            var title = document.createElement('div');
            title.className = 'fw-bold';
            title.textContent = label;
            container.appendChild(title);
            var step = (max - min) / colours.length;
            colours.forEach(function (c, i) {
                var row = document.createElement('div');
                var swatch = document.createElement('span');
                swatch.style.display = 'inline-block';
                swatch.style.width = '1em';
                swatch.style.height = '1em';
                swatch.style.marginRight = '4px';
                swatch.style.background = c;
                swatch.style.border = '1px solid #999';
                row.appendChild(swatch);
                row.appendChild(document.createTextNode(Math.round(min + i * step) + ' – ' + Math.round(min + (i + 1) * step)));
                container.appendChild(row);
            });
        }

        paint();
        if (select) select.onchange = paint;
        var bounds = layer.getBounds();
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
        else map.setView([29.87, 121.55], 13); // 宁波 when no grid has a boundary yet
    }

    function start() {
        draw();
        if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', draw);
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
