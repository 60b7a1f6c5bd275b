// 诉求统计图表: draws the charts of /matters/dashboard from the JSON block the server rendered (CSP forbids inline
// scripts); a click on a bar or slice opens the list of the matters behind it. The tables carry the same numbers and links.
(function () {
    'use strict';

    function chart(el, option, rows) {
        var old = window.echarts.getInstanceByDom(el);
        if (old) old.dispose();
        var c = window.echarts.init(el);
        c.setOption(option);
        c.on('click', function (p) { var r = rows[p.dataIndex]; if (r && r.url) window.location.href = r.url; });
    }

    function pie(el, rows) {
        chart(el, {
            tooltip: { trigger: 'item' },
            series: [{ type: 'pie', radius: ['35%', '65%'], data: rows.map(function (r) { return { name: r.name, value: r.value }; }) }]
        }, rows);
    }

    function draw() {
        var block = document.getElementById('matter-dashboard-data');
        if (!block || !window.echarts) return;
        var data = JSON.parse(block.textContent);
        var trend = document.getElementById('chart-trend');
        if (trend) chart(trend, {
            tooltip: { trigger: 'axis' },
            grid: { left: 40, right: 10, top: 10, bottom: 40 },
            xAxis: { type: 'category', data: data.trend.map(function (r) { return r.name; }) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', data: data.trend.map(function (r) { return r.value; }) }]
        }, data.trend);
        var categories = document.getElementById('chart-categories');
        if (categories) pie(categories, data.categories);
        var channels = document.getElementById('chart-channels');
        if (channels) pie(channels, data.channels);
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
