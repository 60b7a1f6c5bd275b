// 人口统计图表: draws the charts of the /stats page from the JSON block the server rendered (CSP forbids inline scripts).
// The tables beside the charts carry the same numbers, so the page reads without this file.
(function () {
    'use strict';

    function chart(el, option) {
        var old = window.echarts.getInstanceByDom(el);
        if (old) old.dispose();
        window.echarts.init(el).setOption(option);
    }

    function pie(el, rows) {
        chart(el, {
            tooltip: { trigger: 'item' },
            series: [{ type: 'pie', radius: ['35%', '65%'], data: rows.map(function (r) { return { name: r.name, value: r.count }; }) }]
        });
    }

    function draw() {
        var block = document.getElementById('stats-data');
        if (!block || !window.echarts) return;
        var data = JSON.parse(block.textContent);
        var labels = block.dataset;
        var pyramid = document.getElementById('chart-pyramid');
        if (pyramid) {
            var bands = data.agePyramid;
            chart(pyramid, {
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return Math.abs(v); } },
                legend: { data: [labels.male, labels.female] },
                grid: { left: 60, right: 20, top: 30, bottom: 30 },
                xAxis: { type: 'value', axisLabel: { formatter: function (v) { return Math.abs(v); } } },
                yAxis: { type: 'category', data: bands.map(function (b) { return b.label; }) },
                series: [
                    { name: labels.male, type: 'bar', stack: 'p', data: bands.map(function (b) { return -b.male; }) },
                    { name: labels.female, type: 'bar', stack: 'p', data: bands.map(function (b) { return b.female; }) }
                ]
            });
        }
        var tags = document.getElementById('chart-tags');
        if (tags) {
            var rows = data.keyPopulations;
            chart(tags, {
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                grid: { left: 130, right: 20, top: 10, bottom: 30 },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.name; }) },
                series: [{ type: 'bar', data: rows.map(function (r) { return r.count; }) }]
            });
        }
        var types = document.getElementById('chart-types');
        if (types) pie(types, data.residenceTypes);
        var matches = document.getElementById('chart-matches');
        if (matches) pie(matches, data.registrationMatches);
    }

    function start() {
        draw();
        if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', draw);
        window.addEventListener('resize', function () {
            document.querySelectorAll('[data-chart]').forEach(function (el) {
                var c = window.echarts && window.echarts.getInstanceByDom(el);
                if (c) c.resize();
            });
        });
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
