// The policy form: add and remove coverage rows without a round trip. Without this script the
// "add a coverage" button posts the form and the page comes back with one more row.
(function () {
    var body = document.querySelector('[data-coverage-rows]');
    var add = document.querySelector('[data-add-coverage]');
    if (!body || !add) { return; }

    // Input.Coverages[3].Code → Input.Coverages[i].Code (name), Input_Coverages_3__Code → Input_Coverages_i__Code (id).
    function renumber() {
        var rows = body.querySelectorAll('[data-coverage-row]');
        rows.forEach(function (row, i) {
            row.querySelectorAll('[name],[id],[for],[data-valmsg-for]').forEach(function (el) {
                ['name', 'data-valmsg-for'].forEach(function (attr) {
                    var v = el.getAttribute(attr);
                    if (v) { el.setAttribute(attr, v.replace(/Coverages\[\d+\]/, 'Coverages[' + i + ']')); }
                });
                ['id', 'for'].forEach(function (attr) {
                    var v = el.getAttribute(attr);
                    if (v) { el.setAttribute(attr, v.replace(/Coverages_\d+__/, 'Coverages_' + i + '__')); }
                });
            });
            var remove = row.querySelector('[data-remove-coverage]');
            if (remove) { remove.classList.toggle('d-none', rows.length < 2); }
        });
    }

    add.addEventListener('click', function (e) {
        e.preventDefault();
        var rows = body.querySelectorAll('[data-coverage-row]');
        var copy = rows[rows.length - 1].cloneNode(true);
        copy.querySelectorAll('input, select').forEach(function (el) { el.value = ''; });
        copy.querySelectorAll('.text-danger').forEach(function (el) { el.textContent = ''; });
        body.appendChild(copy);
        renumber();
        var first = copy.querySelector('select, input');
        if (first) { first.focus(); }
    });

    body.addEventListener('click', function (e) {
        var button = e.target.closest('[data-remove-coverage]');
        if (!button || body.querySelectorAll('[data-coverage-row]').length < 2) { return; }
        var row = button.closest('[data-coverage-row]');
        var next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumber();
        var focus = next && next.querySelector('select, input');
        (focus || add).focus();
    });

    // Alt+A adds a row from anywhere in the form (like Alt+S saves it, see site.js).
    document.addEventListener('keydown', function (e) {
        if (e.altKey && (e.key === 'a' || e.key === 'A')) {
            e.preventDefault();
            add.click();
        }
    });

    renumber();
})();
