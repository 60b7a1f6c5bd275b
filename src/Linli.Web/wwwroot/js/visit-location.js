// 走访定位: the visit form's "use my location" button fills the hidden latitude/longitude fields from the phone's
// GPS. Optional: without it (or without permission) the visit is recorded with no location.
(function () {
    'use strict';

    function wire() {
        var button = document.getElementById('visit-locate');
        if (!button || button.dataset.wired) return;
        button.dataset.wired = '1';
        var status = document.getElementById('visit-location-status');
        if (!navigator.geolocation) { button.disabled = true; return; }
        button.addEventListener('click', function () {
            status.textContent = button.dataset.waiting;
            navigator.geolocation.getCurrentPosition(function (p) {
                document.getElementById('visit-latitude').value = p.coords.latitude.toFixed(6);
                document.getElementById('visit-longitude').value = p.coords.longitude.toFixed(6);
                status.textContent = p.coords.latitude.toFixed(5) + ', ' + p.coords.longitude.toFixed(5);
            }, function () {
                status.textContent = button.dataset.failed;
            }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
        });
    }

    function start() {
        wire();
        if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', wire);
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
