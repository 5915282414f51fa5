// Case pages: the intake's live policy lookup, focus on the first field in error, file checks, copying the case number.
(function () {
    'use strict';

    // After a failed submit the first field in error gets the focus (the page renders it with .input-validation-error).
    var invalid = document.querySelector('form[data-main-form] .input-validation-error');
    if (invalid) { invalid.focus(); if (invalid.select && invalid.type !== 'file') { invalid.select(); } }

    // Copy the case number.
    document.querySelectorAll('[data-copy-text]').forEach(function (button) {
        button.addEventListener('click', function () {
            var source = document.querySelector(button.getAttribute('data-copy-text'));
            if (!source) { return; }
            var text = (source.value || source.textContent || '').trim();
            var done = function () { button.textContent = button.getAttribute('data-copied-text') || 'OK'; };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(text).then(done, function () { selectText(source); });
            } else {
                selectText(source);
                done();
            }
        });
    });

    function selectText(el) {
        var range = document.createRange();
        range.selectNodeContents(el);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    var form = document.querySelector('form[data-intake-form]');
    if (!form) { return; }

    // One submit only: a second Enter while the first is on its way would register the report twice.
    form.addEventListener('submit', function () {
        var button = form.querySelector('[data-submit]');
        if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
    });

    // Photos: size, type and count are checked at once, before the upload (the server checks again).
    var files = form.querySelector('[data-files]');
    var filesError = form.querySelector('[data-files-error]');
    var accepted = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
    if (files && filesError) {
        files.addEventListener('change', function () {
            var messages = [];
            var max = parseInt(form.getAttribute('data-max-bytes'), 10);
            var maxFiles = parseInt(form.getAttribute('data-max-files'), 10);
            if (files.files.length > maxFiles) {
                messages.push(format(form.getAttribute('data-text-too-many'), maxFiles));
            }
            Array.prototype.forEach.call(files.files, function (f) {
                if (f.size > max) { messages.push(format(form.getAttribute('data-text-file-too-large'), f.name)); }
                else if (f.type && accepted.indexOf(f.type) < 0) { messages.push(format(form.getAttribute('data-text-file-type'), f.name)); }
            });
            filesError.textContent = messages.join(' ');
            files.classList.toggle('input-validation-error', messages.length > 0);
        });
    }

    // The live policy lookup: what the coverage check would say, as the agent types.
    var panel = document.querySelector('[data-coverage-panel]');
    var url = form.getAttribute('data-preview-url');
    var fields = {};
    form.querySelectorAll('[data-preview]').forEach(function (el) { fields[el.getAttribute('data-preview')] = el; });
    var timer = null;
    var latest = 0;

    function value(name) { return fields[name] ? fields[name].value.trim() : ''; }

    // The form's loss time is China time as typed ("2026-11-22 08:30"); the API wants an offset.
    function lossAtParameter() {
        var m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?/.exec(value('lossAt'));
        if (!m) { return null; }
        var pad = function (s) { return ('0' + (s || '0')).slice(-2); };
        return m[1] + '-' + pad(m[2]) + '-' + pad(m[3]) + 'T' + pad(m[4]) + ':' + pad(m[5]) + ':00+08:00';
    }

    function schedule() {
        window.clearTimeout(timer);
        timer = window.setTimeout(lookup, 400);
    }

    function lookup() {
        var insurer = value('insurer');
        var policyNumber = value('policyNumber');
        var plate = value('plate');
        if (!policyNumber && plate.length < 7) {
            show(hint(form.getAttribute('data-text-hint')));
            return;
        }
        var query = new URLSearchParams();
        if (insurer && insurer !== 'OWN') { query.set('insurer', insurer); }
        if (policyNumber) { query.set('policyNumber', policyNumber); }
        if (plate) { query.set('plate', plate); }
        var lossAt = lossAtParameter();
        if (lossAt) { query.set('lossAt', lossAt); }
        if (value('cause')) { query.set('cause', value('cause')); }
        var ticket = ++latest;
        panel.setAttribute('aria-busy', 'true');
        fetch(url + '?' + query.toString(), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
            .then(function (preview) { if (ticket === latest) { show(render(preview)); } })
            .catch(function () { if (ticket === latest) { show(hint(form.getAttribute('data-text-failed'))); } });
    }

    function show(node) {
        panel.replaceChildren(node);
        panel.removeAttribute('aria-busy');
    }

    function hint(text) {
        var p = document.createElement('p');
        p.className = 'text-body-secondary small mb-0';
        p.textContent = text;
        return p;
    }

    function element(tag, className, text) {
        var el = document.createElement(tag);
        if (className) { el.className = className; }
        if (text !== undefined && text !== null) { el.textContent = text; }
        return el;
    }

    function render(preview) {
        var box = element('div');
        box.setAttribute('data-outcome', preview.outcome || '');
        var badge = element('span', 'badge fs-6 text-bg-' + preview.tone,
            preview.outcomeText || form.getAttribute('data-text-choose-cause'));
        box.appendChild(badge);
        if (preview.policy) {
            var p = preview.policy;
            var dl = element('dl', 'row small mt-2 mb-0');
            var add = function (label, text) {
                dl.appendChild(element('dt', 'col-4 fw-normal text-body-secondary', label));
                dl.appendChild(element('dd', 'col-8 mb-1', text));
            };
            add(form.getAttribute('data-text-holder'), p.holderName);
            add(form.getAttribute('data-text-period'), local(p.startsAt) + ' – ' + local(p.endsAt));
            add(form.getAttribute('data-text-coverages'), p.coverages.join('、'));
            box.appendChild(dl);
            box.appendChild(element('div', 'small font-monospace', p.number + (p.plate ? ' · ' + p.plate : '') + ' · ' + p.lineText));
            // A policy found fills an empty product line.
            var line = form.querySelector('[data-line]');
            if (line && !line.value) { line.value = p.line; }
        }
        var ul = element('ul', 'small mt-2 mb-0');
        preview.reasons.forEach(function (r) { ul.appendChild(element('li', null, r.text)); });
        box.appendChild(ul);
        return box;
    }

    // ISO instant to China time "yyyy-MM-dd HH:mm".
    function local(iso) {
        var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
        return d.toISOString().slice(0, 16).replace('T', ' ');
    }

    function format(template, arg) { return (template || '').replace('{0}', arg); }

    Object.keys(fields).forEach(function (name) {
        fields[name].addEventListener(fields[name].tagName === 'SELECT' ? 'change' : 'input', schedule);
    });
    // Prefilled (or kept after an error): look up at once.
    if (value('policyNumber') || value('plate')) { lookup(); }
})();
