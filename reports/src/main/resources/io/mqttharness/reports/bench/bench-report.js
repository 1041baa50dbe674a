// Renders the bench report from the JSON in #bench-data: the ECharts charts and the filterable conformance matrix.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('bench-data').textContent);

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  // x of the latency charts is 1 / (1 - p): 10 is p90, 1000 is p99.9
  function percentileOf(x) { return 100 - 100 / x; }
  function pctLabel(p) {
    var decimals = Math.max(0, Math.ceil(-Math.log10(Math.max(100 - p, 1e-9)) + 1));
    var text = p.toFixed(Math.min(decimals, 6));
    return (text.indexOf('.') >= 0 ? text.replace(/\.?0+$/, '') : text) + '%';
  }
  function ms(v) { return v < 10 ? v.toFixed(2) + ' ms' : v < 100 ? v.toFixed(1) + ' ms' : Math.round(v) + ' ms'; }

  // Chart options come from JSON, which has no functions: "@fmt:NAME" strings stand for these.
  var FORMATTERS = {
    percentile: function (x) { return pctLabel(percentileOf(x)); },
    latencyTip: function (p) {
      return esc(p.seriesName) + '<br>p' + pctLabel(percentileOf(p.value[0])) + ': <b>' + ms(p.value[1]) + '</b>';
    },
    rate: function (v) { return v == null ? '' : Math.round(v).toLocaleString('en') + ' msg/s'; },
    percent: function (v) { return v == null ? '' : v.toFixed(1) + ' %'; },
    mib: function (v) { return v == null ? '' : v.toFixed(0) + ' MiB'; }
  };
  function hydrate(node) {
    if (typeof node === 'string' && node.indexOf('@fmt:') === 0) {
      var f = FORMATTERS[node.substring(5)];
      if (!f) { throw new Error('unknown chart formatter ' + node); }
      return f;
    }
    if (Array.isArray(node)) { return node.map(hydrate); }
    if (node && typeof node === 'object') {
      var out = {};
      Object.keys(node).forEach(function (k) { out[k] = hydrate(node[k]); });
      return out;
    }
    return node;
  }

  var charts = [];
  data.charts.forEach(function (c) {
    var el = document.getElementById('chart-' + c.id);
    if (!el) { throw new Error('no container for chart ' + c.id); }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(hydrate(c.option));
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  var versionEl = document.getElementById('echarts-version');
  if (versionEl) { versionEl.textContent = echarts.version; }

  // ---- conformance matrix ----
  var SHORT = { PASSED: 'pass', FAILED: 'FAIL', NOT_APPLICABLE: 'n/a', ERROR: 'error', OBSERVATION: 'obs.',
    NOT_COVERED: 'not cov.', UNCOVERED: 'not cov.' };
  function versionLabel(v) { return v ? 'MQTT ' + v : 'any version'; }
  var m = data.matrix;
  var table = document.getElementById('matrix');
  var rows = [];
  var html = ['<thead><tr><th>Statement</th><th>MQTT</th><th>Level</th>'];
  m.brokers.forEach(function (b) { html.push('<th class="b">' + esc(b) + '</th>'); });
  html.push('</tr></thead>');
  var cols = 3 + m.brokers.length;
  m.sections.forEach(function (s, si) {
    html.push('<tbody data-section="' + si + '"><tr class="section"><td colspan="' + cols + '">' + esc(versionLabel(s.version))
      + ' &middot; ' + esc(s.number) + (s.title ? ' ' + esc(s.title) : '') + ' <span class="small">(' + s.rows.length
      + ')</span></td></tr>');
    s.rows.forEach(function (r) {
      var verdicts = r.cells.map(function (c) { return c.v || ''; });
      html.push('<tr class="row' + (r.differs ? ' differs' : '') + '" data-version="' + esc(r.version)
        + '" data-verdicts="' + esc(verdicts.join(' ')) + '" data-differs="' + r.differs + '">'
        + '<td class="st"><span class="mono">' + esc(r.id) + '</span><span class="sum">' + esc(r.summary) + '</span></td>'
        + '<td class="nw">' + esc(r.version || 'any') + '</td><td class="nw small">' + esc(r.level) + '</td>');
      r.cells.forEach(function (c, i) {
        var label = c.v ? (SHORT[c.v] || c.v.toLowerCase()) : '\u2014';
        var cls = 'v v-' + (c.v ? esc(c.v) : 'NONE');
        var title = esc(m.brokers[i] + ': ' + (c.v || 'no verdict'));
        html.push('<td class="cell">' + (c.link
          ? '<a class="' + cls + '" href="' + esc(c.link) + '" title="' + title + ' (packet trace)">' + label + '</a>'
          : '<span class="' + cls + '" title="' + title + '">' + label + '</span>') + '</td>');
      });
      html.push('</tr>');
    });
    html.push('</tbody>');
  });
  table.innerHTML = html.join('');
  if (m.sections.length === 0) {
    table.insertAdjacentHTML('afterend', '<p class="none">No broker has certification results.</p>');
  }
  Array.prototype.forEach.call(table.tBodies, function (tb) {
    Array.prototype.forEach.call(tb.querySelectorAll('tr.row'), function (tr) {
      rows.push({ tr: tr, body: tb, text: (tb.rows[0].textContent + ' ' + tr.textContent).toLowerCase() });
    });
  });

  var fVersion = document.getElementById('f-version');
  var fVerdict = document.getElementById('f-verdict');
  var fText = document.getElementById('f-text');
  var fDiff = document.getElementById('f-diff');
  var fCount = document.getElementById('f-count');
  var versions = [];
  m.sections.forEach(function (s) { if (versions.indexOf(s.version) < 0) { versions.push(s.version); } });
  versions.forEach(function (v) {
    var o = document.createElement('option');
    o.value = v === '' ? '-' : v;
    o.textContent = versionLabel(v);
    fVersion.appendChild(o);
  });
  function apply() {
    var q = fText.value.trim().toLowerCase();
    var ver = fVersion.value === '-' ? '' : fVersion.value;
    var shown = 0;
    rows.forEach(function (r) {
      var tr = r.tr;
      var ok = (!fVersion.value || tr.getAttribute('data-version') === ver)
        && (!fVerdict.value || (' ' + tr.getAttribute('data-verdicts') + ' ').indexOf(' ' + fVerdict.value + ' ') >= 0)
        && (!fDiff.checked || tr.getAttribute('data-differs') === 'true')
        && (!q || r.text.indexOf(q) >= 0);
      tr.style.display = ok ? '' : 'none';
      if (ok) { shown++; }
    });
    Array.prototype.forEach.call(table.tBodies, function (tb) {
      var any = Array.prototype.some.call(tb.querySelectorAll('tr.row'), function (tr) { return tr.style.display !== 'none'; });
      tb.rows[0].style.display = any ? '' : 'none';
    });
    fCount.textContent = shown + ' of ' + rows.length + ' statements shown';
  }
  [fVersion, fVerdict, fDiff].forEach(function (el) { el.addEventListener('change', apply); });
  fText.addEventListener('input', apply);
  apply();

  window.benchReport = { ready: true, charts: charts.length, matrixRows: rows.length };
})();
