// Filters of the statement and scenario tables: verdict, version and free text, all combined.
(function () {
  function setup(prefix) {
    var table = document.getElementById(prefix + '-table');
    if (!table) { return; }
    var verdict = document.getElementById(prefix + '-verdict');
    var version = document.getElementById(prefix + '-version');
    var text = document.getElementById(prefix + '-text');
    var count = document.getElementById(prefix + '-count');
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var q = text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (r) {
        var ok = (!verdict.value || r.getAttribute('data-verdict') === verdict.value)
          && (!version.value || r.getAttribute('data-version') === version.value)
          && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
        r.style.display = ok ? '' : 'none';
        if (ok) { shown++; }
      });
      count.textContent = shown + ' of ' + rows.length + ' shown';
    }
    verdict.addEventListener('change', apply);
    version.addEventListener('change', apply);
    text.addEventListener('input', apply);
    apply();
    return function (v, ver) { verdict.value = v || ''; version.value = ver || ''; text.value = ''; apply(); };
  }
  var statements = setup('st');
  setup('sc');
  // A click on a statement count of a version card filters the statement table.
  Array.prototype.forEach.call(document.querySelectorAll('[data-st-verdict]'), function (a) {
    a.addEventListener('click', function () {
      if (statements) { statements(a.getAttribute('data-st-verdict'), a.getAttribute('data-st-version')); }
    });
  });
})();
