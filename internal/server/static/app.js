// sitrep dashboard script. The pages are server-rendered HTML; this adds
// what HTML cannot do: the timeline (uPlot) and the map (d3-geo and
// topojson-client over world-atlas), both fetched from the JSON API with the
// filters of the page, and event table rows that open their article.
(function () {
  'use strict';

  var palette = ['#1f5fa8', '#b83232', '#4c9a5b', '#d08a2e', '#7b4ea3', '#2f7d96', '#a3568c', '#6b6b2f', '#8a8a8a'];
  var svgNS = 'http://www.w3.org/2000/svg';

  function getJSON(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.error || r.statusText); }
        return body;
      });
    });
  }

  function apiURL(path, query, extra) {
    var q = new URLSearchParams(query || '');
    Object.keys(extra || {}).forEach(function (k) { q.set(k, extra[k]); });
    var s = q.toString();
    return path + (s ? '?' + s : '');
  }

  function note(el, text) {
    el.textContent = '';
    var p = document.createElement('p');
    p.className = 'note';
    p.textContent = text;
    el.appendChild(p);
  }

  function timeline(el, charts) {
    var url = apiURL('/api/series', charts.dataset.api, { interval: charts.dataset.interval, by: charts.dataset.by });
    getJSON(url).then(function (s) {
      if (!s.buckets.length) { note(el, 'No dated events match.'); el.dataset.ready = 'empty'; return; }
      var xs = s.buckets.map(function (b) { return Date.parse(b + 'T00:00:00Z') / 1000; });
      var data = [xs];
      var series = [{}];
      s.series.forEach(function (line, i) {
        data.push(line.counts);
        series.push({
          label: line.label + ' (' + line.total + ')',
          stroke: palette[i % palette.length],
          width: 2,
          points: { show: xs.length < 60 }
        });
      });
      el.textContent = '';
      var height = 230;
      var plot = new uPlot({
        width: el.clientWidth || 600,
        height: height,
        series: series,
        tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); },
        scales: { x: { time: true }, y: { range: function (u, lo, hi) { return [0, Math.max(1, hi)]; } } },
        // Counts are whole numbers: no ticks at 0.5.
        axes: [{}, { label: 'events', size: 50, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 1e6] }],
        cursor: { drag: { x: false, y: false } }
      }, data, el);
      window.addEventListener('resize', function () { plot.setSize({ width: el.clientWidth, height: height }); });
      el.dataset.ready = 'true';
    }).catch(function (err) { note(el, 'Timeline unavailable: ' + err.message); el.dataset.ready = 'error'; });
  }

  // shade returns the fill of a country with n events when the busiest has max.
  function shade(n, max) {
    var t = Math.sqrt(n / max);
    var lo = [253, 230, 207], hi = [179, 0, 0];
    var c = lo.map(function (v, i) { return Math.round(v + (hi[i] - v) * t); });
    return 'rgb(' + c.join(',') + ')';
  }

  function svg(name, attrs) {
    var e = document.createElementNS(svgNS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function setCountry(code) {
    var form = document.getElementById('filters');
    form.elements.country.value = form.elements.country.value === code ? '' : code;
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  function worldMap(el, charts) {
    Promise.all([getJSON(charts.dataset.world), getJSON(apiURL('/api/countries', charts.dataset.api))]).then(function (res) {
      var world = res[0], counts = res[1];
      var byID = {}, max = 0;
      counts.countries.forEach(function (c) {
        if (c.iso_numeric) { byID[c.iso_numeric] = c; }
        max = Math.max(max, c.events);
      });
      var current = (new URLSearchParams(charts.dataset.api)).get('country');
      var w = el.clientWidth || 500, h = Math.round(w * 0.52);
      var projection = d3.geoNaturalEarth1().fitSize([w, h], { type: 'Sphere' });
      var path = d3.geoPath(projection);
      var root = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': 'Map of events by country' });
      root.appendChild(svg('path', { d: path({ type: 'Sphere' }), class: 'sphere' }));
      root.appendChild(svg('path', { d: path(d3.geoGraticule10()), class: 'graticule' }));
      topojson.feature(world, world.objects.countries).features.forEach(function (f) {
        var c = byID[f.id];
        var p = svg('path', { d: path(f) || '', class: 'country' + (c ? ' has' : '') + (c && c.country === current ? ' current' : ''),
          fill: c ? shade(c.events, max) : '#e4e2db' });
        var title = svg('title', {});
        title.textContent = (f.properties && f.properties.name || '') + (c ? ': ' + c.events + ' event' + (c.events === 1 ? '' : 's') : '');
        p.appendChild(title);
        if (c) {
          p.dataset.country = c.country;
          p.addEventListener('click', function () { setCountry(c.country); });
        }
        root.appendChild(p);
      });
      el.textContent = '';
      el.appendChild(root);
      var legend = document.createElement('div');
      legend.className = 'map-legend';
      legend.innerHTML = '<span>1</span><span class="ramp"></span><span></span>';
      legend.lastChild.textContent = max + ' events';
      if (max > 0) { el.appendChild(legend); }
      var mapNote = document.getElementById('map-note');
      if (mapNote && counts.unlocated > 0) { mapNote.textContent = '(' + counts.unlocated + ' events without a place)'; }
      el.dataset.ready = 'true';
    }).catch(function (err) { note(el, 'Map unavailable: ' + err.message); el.dataset.ready = 'error'; });
  }

  function clickableRows() {
    document.querySelectorAll('tr[data-href]').forEach(function (tr) {
      tr.addEventListener('click', function (ev) {
        if (ev.target.closest('a')) { return; }
        window.location.href = tr.dataset.href;
      });
    });
  }

  // tidyForm leaves empty fields out of the query string.
  function tidyForm() {
    var form = document.getElementById('filters');
    if (!form) { return; }
    form.addEventListener('submit', function () {
      Array.prototype.forEach.call(form.elements, function (e) {
        if (e.name && e.value === '') { e.disabled = true; }
      });
    });
    window.addEventListener('pageshow', function () {
      Array.prototype.forEach.call(form.elements, function (e) { e.disabled = false; });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    clickableRows();
    tidyForm();
    var charts = document.getElementById('charts');
    if (!charts) { return; }
    if (window.uPlot) { timeline(document.getElementById('timeline'), charts); }
    if (window.d3 && window.topojson) { worldMap(document.getElementById('map'), charts); }
  });
}());
