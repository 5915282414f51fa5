// The agent desk: screen pops arrive on the notifications hub (method "call") and reload the
// current-call panel, which the server renders with the agent's scope and language.
(function () {
    var panel = document.getElementById('desk-call');
    var announce = document.getElementById('desk-announce');
    var hub = window.anxinHub;
    if (!panel || !hub) { return; }

    function reload(callId) {
        if (!window.htmx) { window.location.href = '/desk?call=' + encodeURIComponent(callId); return; }
        window.htmx.ajax('GET', '/desk?handler=Panel&call=' + encodeURIComponent(callId), { target: '#desk-call', swap: 'innerHTML' });
    }

    // Read out by screen readers: "来电 138****1234 张三" — built with textContent only.
    function say(pop) {
        if (!announce) { return; }
        var state = String(pop.call.state || '').toLowerCase();
        var template = announce.getAttribute('data-' + state) || '{0}';
        var who = pop.caller && pop.caller.customer ? ' ' + pop.caller.customer.name : '';
        announce.textContent = template.replace('{0}', (pop.call.number || '') + who);
    }

    hub.on('call', function (pop) {
        if (!pop || !pop.call) { return; }
        panel.setAttribute('data-last-pop', pop.call.id);
        reload(pop.call.id);
        say(pop);
    });
})();
