// news-archive: progressive enhancement only. Every page reads without this file.
(function () {
  'use strict';

  // Without JavaScript the header search box goes to the topics index; with it, to the search page.
  var headerForm = document.querySelector('form.site-search');
  if (headerForm && headerForm.dataset.searchAction) headerForm.setAttribute('action', headerForm.dataset.searchAction);

  var root = document.getElementById('search');
  if (!root) return;

  // The search page: Pagefind's bundle (built with the site) loads only here, only when used.
  var form = root.querySelector('.search-form');
  var input = root.querySelector('#search-q');
  var status = root.querySelector('.search-status');
  var list = root.querySelector('.search-results');
  var selects = Array.prototype.slice.call(root.querySelectorAll('select'));
  var TYPE_LABELS = { Article: 'Articles', Event: 'Timeline events', Topic: 'Topics' };
  var engine = null;
  var pending = 0;

  function load() {
    if (!engine) {
      engine = import(root.dataset.bundle + 'pagefind.js').then(function (pf) {
        // A large archive's index comes in parts (built separately, so an edit re-indexes one part).
        var parts = (root.dataset.parts || '').split(' ').filter(Boolean);
        var base = root.dataset.bundle.replace(/pagefind\/$/, '');
        return pf.init().then(function () {
          return Promise.all(parts.map(function (url) { return pf.mergeIndex(url, { baseUrl: base }); }));
        }).then(function () { return pf; });
      });
    }
    return engine;
  }

  // The filters' values and counts need every filter file of every part (four a part: at 100k
  // articles, 384 requests), and a search without filters needs none of them: they load after the
  // first results, or as soon as the reader reaches for a filter.
  var filtersLoaded = null;

  function optionLabel(select, value) {
    return select.name === 'type' && TYPE_LABELS[value] ? TYPE_LABELS[value] : value;
  }

  function loadFilters() {
    if (!filtersLoaded) {
      filtersLoaded = load().then(function (pf) { return pf.filters(); }).then(function (filters) {
        selects.forEach(function (select) {
          var counts = filters[select.name] || {};
          var chosen = select.value;
          Object.keys(counts).sort(function (a, b) { return a.localeCompare(b); }).forEach(function (v) {
            var option = select.querySelector('option[value="' + CSS.escape(v) + '"]') || document.createElement('option');
            option.value = v;
            option.textContent = optionLabel(select, v) + ' (' + counts[v] + ')';
            select.appendChild(option);
          });
          select.value = chosen;
        });
      });
    }
    return filtersLoaded;
  }

  // A filter taken from the address is an option of its own until the filters load.
  function choose(select, value) {
    if (!select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
      var option = document.createElement('option');
      option.value = value;
      option.textContent = optionLabel(select, value);
      select.appendChild(option);
    }
    select.value = value;
  }

  // Excerpts are Pagefind's HTML with <mark> around matches: keep the text and the marks, nothing else.
  function excerptNodes(html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    var out = document.createDocumentFragment();
    t.content.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === 'MARK') {
        var mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function render(results, query) {
    list.textContent = '';
    results.forEach(function (r) {
      var li = element('li', 'search-result');
      if (r.meta.kind) li.appendChild(element('p', 'result-kind', r.meta.kind));
      var h = element('h2');
      var a = element('a', '', r.meta.title || r.url);
      a.href = r.url;
      h.appendChild(a);
      li.appendChild(h);
      var meta = [r.meta.outlet, r.meta.date, r.meta.info].filter(Boolean).join(' · ');
      if (meta) li.appendChild(element('p', 'meta', meta));
      var ex = element('p', 'excerpt');
      ex.appendChild(excerptNodes(r.excerpt || ''));
      li.appendChild(ex);
      list.appendChild(li);
    });
    status.textContent = results.length ? results.length + ' result' + (results.length === 1 ? '' : 's') + ' for ' + query : 'Nothing found for ' + query + '.';
  }

  function run() {
    var query = input.value.trim();
    var filters = {};
    selects.forEach(function (s) { if (s.value) filters[s.name] = s.value; });
    var ticket = ++pending;
    var url = new URL(window.location.href);
    if (query) url.searchParams.set('q', query); else url.searchParams.delete('q');
    selects.forEach(function (s) { if (s.value) url.searchParams.set(s.name, s.value); else url.searchParams.delete(s.name); });
    window.history.replaceState(null, '', url);
    if (!query && !Object.keys(filters).length) {
      list.textContent = '';
      status.textContent = '';
      return Promise.resolve();
    }
    status.textContent = 'Searching…';
    return load().then(function (pf) {
      return pf.search(query || null, { filters: filters });
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 30).map(function (r) { return r.data(); }));
    }).then(function (results) {
      if (ticket === pending) render(results, query ? '“' + query + '”' : 'the chosen filters');
    }).catch(function (err) {
      status.textContent = 'Search is unavailable: ' + err.message;
    });
  }

  var timer = 0;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 200); });
  selects.forEach(function (s) {
    s.addEventListener('change', run);
    s.addEventListener('focus', loadFilters);
    s.addEventListener('pointerdown', loadFilters);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); run(); });

  var params = new URLSearchParams(window.location.search);
  input.value = params.get('q') || '';
  selects.forEach(function (s) { if (params.get(s.name)) choose(s, params.get(s.name)); });
  var first = input.value || selects.some(function (s) { return s.value; }) ? run() : Promise.resolve();
  // After the first results, not before: their requests go first.
  first.then(loadFilters).catch(function (err) {
    status.textContent = 'Search is unavailable: ' + err.message;
  });
})();
