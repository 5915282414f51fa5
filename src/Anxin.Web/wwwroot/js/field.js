// The surveyor's phone page: while on shift (or on a break), report the position once a minute so
// that dispatch can estimate travel times. Only the latest point is kept on the server.
(function () {
    var page = document.querySelector('[data-field-page]');
    if (!page || page.getAttribute('data-report-position') !== 'true' || !navigator.geolocation || !window.fetch) { return; }

    function report() {
        navigator.geolocation.getCurrentPosition(function (p) {
            fetch('/api/v1/surveyors/me/position', {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ latitude: p.coords.latitude, longitude: p.coords.longitude })
            }).catch(function () { /* offline: the next report will do */ });
        }, function () { /* permission refused or no fix: the base location is used */ }, { maximumAge: 60000, timeout: 20000 });
    }

    report();
    window.setInterval(report, 60000);
})();
