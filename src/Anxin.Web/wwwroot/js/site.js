// Keyboard-first helpers for people who use these screens all day.
(function () {
    // Language picker submits on change.
    document.querySelectorAll('[data-autosubmit]').forEach(function (el) {
        el.addEventListener('change', function () { el.form.submit(); });
    });

    document.addEventListener('keydown', function (e) {
        var tag = (e.target && e.target.tagName) || '';
        var typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
        // "/" focuses the page's search box.
        if (e.key === '/' && !typing) {
            var search = document.querySelector('[data-search]');
            if (search) { e.preventDefault(); search.focus(); }
        }
        // Alt+S submits the page's main form; Alt+N follows its "new" link.
        if (e.altKey && (e.key === 's' || e.key === 'S')) {
            var form = document.querySelector('form[data-main-form]');
            if (form) { e.preventDefault(); form.requestSubmit(); }
        }
        if (e.altKey && (e.key === 'n' || e.key === 'N')) {
            var link = document.querySelector('[data-shortcut-new]');
            if (link) { e.preventDefault(); link.click(); }
        }
        // Alt+<letter or digit> activates the element with that accesskey, the same in every browser
        // (browsers differ: Chrome on Linux and Firefox want Alt+Shift, macOS Ctrl+Option).
        if (e.altKey && !e.ctrlKey && !e.metaKey && /^[a-z0-9]$/i.test(e.key || '') && !e.defaultPrevented) {
            var target = document.querySelector('[accesskey="' + e.key.toLowerCase() + '"], [accesskey="' + e.key.toUpperCase() + '"]');
            if (target) {
                e.preventDefault();
                target.focus();
                if (target.matches('a, button, input[type=radio], input[type=checkbox], input[type=submit]')) { target.click(); }
            }
        }
    });

    // Confirm dialogs for destructive buttons.
    document.addEventListener('submit', function (e) {
        var confirmText = e.submitter && e.submitter.getAttribute('data-confirm');
        if (confirmText && !window.confirm(confirmText)) { e.preventDefault(); }
    });
})();
