// Stepwise help center: search as you type. The index (search/, see the site docs) is a
// set of small scripts: index.js lists them, each term file holds a run of words with the
// guides they are in, each document file 32 guides' titles. A search loads index.js, the
// term files of its words and the document files of its best results, nothing else. Files
// are loaded as scripts rather than fetched so that search works from file:// too.
(function () {
  "use strict";
  var MAX_POPUP = 8;
  var MAX_PAGE = 50;
  var MAX_TERM_FILES = 3;

  var files = {};
  var waiting = {};
  window.stepwiseSearch = {
    add: function (name, data) {
      files[name] = data;
    }
  };

  var form = document.querySelector("form.site-search");
  if (!form) return;
  // The page's words for what the script shows, if they are not English (see the site
  // docs: locales): plain messages with {name} slots, counted ones per plural category.
  var strings = {};
  try {
    strings = JSON.parse(document.documentElement.getAttribute("data-strings") || "{}");
  } catch (e) {
    strings = {};
  }
  function say(key, english, vars, count) {
    var s = strings[key];
    if (s && typeof s === "object") {
      var cat = "other";
      try { cat = new Intl.PluralRules(document.documentElement.lang).select(count); } catch (e) { cat = "other"; }
      s = s[cat] || s.other;
    }
    if (typeof s !== "string") return english;
    return s.replace(/\{(\w+)\}/g, function (m, k) {
      if (k === "count") return String(count);
      return vars && Object.prototype.hasOwnProperty.call(vars, k) ? vars[k] : m;
    });
  }
  var root = form.getAttribute("data-root") || "";
  var base = root + "search/";
  var input = form.querySelector('input[type="search"]');
  var popup = form.querySelector(".search-popup");
  var popupList = popup.querySelector(".search-results");
  var more = popup.querySelector(".search-more a");
  var status = form.querySelector(".search-status");
  var pageList = document.getElementById("search-page-results");
  var pageSummary = document.getElementById("search-summary");
  var onPage = form.hasAttribute("data-page") && pageList;

  function load(name) {
    if (files[name]) return Promise.resolve(files[name]);
    if (waiting[name]) return waiting[name];
    waiting[name] = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = base + name;
      s.async = true;
      s.onload = function () {
        if (files[name]) resolve(files[name]);
        else reject(new Error("search file " + name + " did not load"));
      };
      s.onerror = function () {
        delete waiting[name];
        reject(new Error("search file " + name + " is missing"));
      };
      document.head.appendChild(s);
    });
    return waiting[name];
  }

  // The same words the site indexed: runs of letters and digits, lower case, two or more
  // characters, minus stop words; accents folded when that leaves plain ASCII.
  function words(text, stop) {
    var out = [];
    text.split(/[^\p{Alphabetic}\p{N}]+/u).forEach(function (w) {
      if (Array.from(w).length < 2) return;
      w = w.toLowerCase();
      if (stop.indexOf(w) >= 0) return;
      var folded = w.normalize("NFD").replace(/\p{M}/gu, "");
      if (folded !== w && /^[a-z0-9]+$/.test(folded)) w = folded;
      if (out.indexOf(w) < 0) out.push(w);
    });
    return out;
  }

  // The term files that may hold words starting with `word`.
  function termFiles(meta, word) {
    var t = meta.terms, lo = 0, hi = t.length - 1, i = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (t[mid][0] <= word) { i = mid; lo = mid + 1; } else hi = mid - 1;
    }
    var out = [];
    for (var j = i; j < t.length && out.length < MAX_TERM_FILES; j++) {
      if (j > i && t[j][0].slice(0, word.length) !== word) break;
      out.push(t[j][1]);
    }
    return out;
  }

  // Every guide `word` finds: guide number -> {score, mask}. Words the index cut short
  // (found in very many guides) are flagged: they rank but do not filter.
  function lookup(meta, word, chunks) {
    var found = {}, cut = false, unit = Math.pow(2, meta.bits);
    chunks.forEach(function (chunk) {
      Object.keys(chunk).forEach(function (term) {
        if (term.slice(0, word.length) !== word) return;
        var list = chunk[term], k = 0, doc = 0;
        if (list[0] === -1) { cut = true; k = 1; }
        var exact = term === word ? 1 : 0.5;
        for (; k < list.length; k += 2) {
          doc += list[k];
          var v = list[k + 1], score = Math.floor(v / unit) * exact, mask = v % unit;
          var f = found[doc];
          if (!f) found[doc] = { score: score, mask: mask };
          else {
            f.score = Math.max(f.score, score);
            f.mask = f.mask && mask ? f.mask | mask : 0;
          }
        }
      });
    });
    return { found: found, cut: cut };
  }

  function rank(meta, lists) {
    var required = lists.filter(function (l) { return !l.cut; });
    if (!required.length) required = lists;
    var total = {};
    Object.keys(required[0].found).forEach(function (doc) {
      var score = 0, mask = -1;
      for (var i = 0; i < lists.length; i++) {
        var f = lists[i].found[doc];
        if (!f) {
          if (required.indexOf(lists[i]) >= 0) return;
          continue;
        }
        score += f.score;
        if (f.mask) mask = mask === -1 ? f.mask : mask & f.mask;
      }
      total[doc] = { doc: +doc, score: score, mask: mask > 0 ? mask : 0 };
    });
    return Object.keys(total).map(function (d) { return total[d]; }).sort(function (a, b) {
      return b.score - a.score || a.doc - b.doc;
    });
  }

  function search(query, limit) {
    return load("index.js").then(function (meta) {
      var ws = words(query, meta.stop);
      if (!ws.length) return { meta: meta, hits: [], count: 0, words: 0 };
      return Promise.all(ws.map(function (w) {
        return Promise.all(termFiles(meta, w).map(load)).then(function (chunks) {
          return lookup(meta, w, chunks);
        });
      })).then(function (lists) {
        var hits = rank(meta, lists);
        var top = hits.slice(0, limit);
        var need = {};
        top.forEach(function (h) { need[meta.docs[Math.floor(h.doc / meta.per)]] = true; });
        return Promise.all(Object.keys(need).map(load)).then(function () {
          top.forEach(function (h) {
            h.row = files[meta.docs[Math.floor(h.doc / meta.per)]][h.doc % meta.per];
          });
          return { meta: meta, hits: top, count: hits.length, words: ws.length };
        });
      });
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // One result: the title (opening the platform the words were found on, if they are
  // specific to one), the summary, the product and the platforms.
  function result(meta, hit) {
    var row = hit.row, li = el("li", "search-result");
    var platform = null;
    for (var i = 0; i < meta.platforms.length; i++) {
      if (hit.mask & (1 << i) && row[4] & (1 << i)) { platform = meta.platforms[i]; break; }
    }
    var a = el("a", null, row[1]);
    a.href = root + row[0] + (platform ? "#" + platform[0] : "");
    var h = el("span", "search-title");
    h.appendChild(a);
    li.appendChild(h);
    if (row[2]) li.appendChild(el("span", "search-summary-text", row[2]));
    var info = el("span", "search-info");
    info.appendChild(el("span", "search-product", meta.products[row[3]][0]));
    var badges = el("span", "badges");
    meta.platforms.forEach(function (p, i) {
      if (!(row[4] & (1 << i))) return;
      var b = el("span", "badge" + (platform === p ? " badge-match" : ""), p[1]);
      badges.appendChild(b);
    });
    info.appendChild(badges);
    if (platform) info.appendChild(el("span", "search-where",
      say("search-steps-for", "Steps for " + platform[1], { platform: platform[1] })));
    li.appendChild(info);
    return li;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  var latest = 0;
  function update(showAll) {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      close();
      if (onPage) pageList.textContent = "";
      return;
    }
    var limit = onPage ? MAX_PAGE : MAX_POPUP;
    search(query, limit).then(function (res) {
      if (ticket !== latest) return;
      var text;
      var q = { query: query };
      if (!res.words) text = say("search-too-short", "Type a longer word to search.");
      else if (!res.count) text = say("search-none", "No guides found for “" + query + "”.", q);
      else text = say("search-found", plural(res.count, "guide", "guides") + " found for “" + query + "”.", q, res.count);
      status.textContent = text;
      var list = onPage ? pageList : popupList;
      list.textContent = "";
      res.hits.forEach(function (h) { list.appendChild(result(res.meta, h)); });
      if (onPage) {
        pageSummary.textContent = text;
        if (showAll !== false && window.history && history.replaceState) {
          history.replaceState(null, "", "?q=" + encodeURIComponent(query));
        }
      } else {
        more.href = root + "search.html?q=" + encodeURIComponent(query);
        more.textContent = res.count > res.hits.length
          ? say("search-see-all", "See all " + plural(res.count, "result", "results") + " for “" + query + "”", q, res.count)
          : say("search-see-all-results", "See all results for “" + query + "”", q);
        if (!res.count) {
          list.appendChild(el("li", "search-empty", text));
        }
        popup.hidden = false;
      }
    }, function () {
      if (ticket !== latest) return;
      status.textContent = say("search-unavailable", "Search is not available on this page.");
    });
  }

  function close() {
    popup.hidden = true;
  }

  function links() {
    return Array.prototype.slice.call(popup.querySelectorAll("a"));
  }

  var timer = null;
  var reopen = true;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 80);
  });
  input.addEventListener("focus", function (e) {
    // Coming back to a query from elsewhere on the page shows its results again.
    var back = !e.relatedTarget || !form.contains(e.relatedTarget);
    if (back && input.value.trim() && !onPage && popup.hidden && reopen) update();
    else load("index.js").catch(function () {});
  });
  form.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      if (!popup.hidden) {
        e.preventDefault();
        close();
        reopen = false;
        input.focus();
        reopen = true;
      }
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    if (popup.hidden) return;
    var ls = links(), i = ls.indexOf(document.activeElement);
    if (!ls.length) return;
    e.preventDefault();
    if (e.key === "ArrowDown") ls[i < 0 ? 0 : Math.min(i + 1, ls.length - 1)].focus();
    else if (i <= 0) input.focus();
    else ls[i - 1].focus();
  });
  form.addEventListener("focusout", function (e) {
    if (!e.relatedTarget || !form.contains(e.relatedTarget)) close();
  });
  if (onPage) {
    var q = new URLSearchParams(location.search).get("q");
    if (q) {
      input.value = q;
      update(false);
    }
  }
})();
