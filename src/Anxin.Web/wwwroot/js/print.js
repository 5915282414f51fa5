// The print button of the printable notices (no inline scripts: the layout's CSP forbids them).
(function () {
    var button = document.getElementById('print-button');
    if (button) { button.addEventListener('click', function () { window.print(); }); }
})();
