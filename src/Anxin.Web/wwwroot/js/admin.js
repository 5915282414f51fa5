// Administration pages: copy a value (the new API key) to the clipboard.
(function () {
    document.querySelectorAll('[data-copy]').forEach(function (button) {
        button.addEventListener('click', function () {
            var source = document.querySelector(button.getAttribute('data-copy'));
            if (!source) { return; }
            var done = function () { button.textContent = button.getAttribute('data-copied-text') || 'OK'; };
            if (navigator.clipboard) {
                navigator.clipboard.writeText(source.value).then(done);
            } else {
                source.select();
                document.execCommand('copy');
                done();
            }
        });
    });
})();
