// The header bell: live unread count and toasts over SignalR (/hubs/notifications).
(function () {
    var bell = document.getElementById('notification-bell');
    var badge = document.getElementById('notification-count');
    var button = document.getElementById('notification-button');
    if (!bell || !badge || !button) { return; }

    function count() { return parseInt(badge.textContent, 10) || 0; }

    function setCount(n) {
        n = Math.max(0, n);
        badge.textContent = String(n);
        badge.hidden = n === 0;
        var template = button.getAttribute('data-label-template');
        if (template) { button.setAttribute('aria-label', template.replace('{0}', String(n))); }
    }

    // The dropdown list (and "mark all read") carries the current unread count.
    document.body.addEventListener('htmx:afterSwap', function (e) {
        var list = e.detail && e.detail.target && e.detail.target.querySelector('[data-unread]');
        if (list) { setCount(parseInt(list.getAttribute('data-unread'), 10) || 0); }
    });

    var toasts = document.getElementById('notification-toasts');

    // Built with textContent only: titles and bodies are never parsed as HTML.
    function showToast(n) {
        if (!toasts || !window.bootstrap) { return; }
        var toast = document.createElement('div');
        toast.className = 'toast';
        toast.setAttribute('role', 'status');
        toast.setAttribute('aria-live', 'polite');
        toast.setAttribute('aria-atomic', 'true');
        toast.setAttribute('data-testid', 'notification-toast');
        var header = document.createElement('div');
        header.className = 'toast-header';
        var icon = document.createElement('i');
        icon.className = 'bi bi-bell me-2';
        icon.setAttribute('aria-hidden', 'true');
        var title = document.createElement('strong');
        title.className = 'me-auto';
        title.textContent = n.title || toasts.getAttribute('data-toast-title') || '';
        var close = document.createElement('button');
        close.type = 'button';
        close.className = 'btn-close';
        close.setAttribute('data-bs-dismiss', 'toast');
        close.setAttribute('aria-label', toasts.getAttribute('data-toast-close') || 'Close');
        header.append(icon, title, close);
        var body = document.createElement('div');
        body.className = 'toast-body';
        if (n.link) {
            var a = document.createElement('a');
            a.href = n.link;
            a.textContent = n.body || '';
            body.append(a);
        } else {
            body.textContent = n.body || '';
        }
        toast.append(header, body);
        toasts.append(toast);
        toast.addEventListener('hidden.bs.toast', function () { toast.remove(); });
        window.bootstrap.Toast.getOrCreateInstance(toast, { delay: 8000 }).show();
    }

    if (!window.signalR) { return; }
    var connection = new window.signalR.HubConnectionBuilder()
        .withUrl('/hubs/notifications')
        .withAutomaticReconnect()
        .build();
    // One connection per page: other scripts (the agent desk's screen pops) add their handlers to it.
    window.anxinHub = connection;
    connection.on('notification', function (n) {
        setCount(typeof n.unread === 'number' ? n.unread : count() + 1);
        showToast(n);
    });
    bell.setAttribute('data-live', 'connecting');
    connection.start()
        .then(function () { bell.setAttribute('data-live', 'connected'); })
        .catch(function () { bell.setAttribute('data-live', 'failed'); });
    connection.onreconnected(function () { bell.setAttribute('data-live', 'connected'); });
    connection.onclose(function () { bell.setAttribute('data-live', 'closed'); });
})();
