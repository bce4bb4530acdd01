// Stepwise help center: platform tabs (WAI-ARIA tabs pattern) and checklists that survive
// a reload. Without this script every platform's steps stay visible one after another.
(function () {
  "use strict";
  var PLATFORM_KEY = "stepwise.platform";

  function store(get, key, value) {
    try {
      if (get) return window.localStorage.getItem(key);
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) { /* storage may be disabled (file://, private mode) */ }
    return null;
  }

  function guessPlatform() {
    var ua = navigator.userAgent || "";
    if (/Android/i.test(ua)) return "android";
    if (/iPhone|iPad|iPod/i.test(ua)) return "ios";
    return "web";
  }

  function setupTabs(list) {
    var tabs = Array.prototype.slice.call(list.querySelectorAll('[role="tab"]'));
    if (!tabs.length) return;
    var ids = tabs.map(function (t) { return t.getAttribute("data-platform"); });

    function select(id, focus, remember) {
      tabs.forEach(function (tab) {
        var on = tab.getAttribute("data-platform") === id;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
        var panel = document.getElementById(tab.getAttribute("aria-controls"));
        if (panel) panel.hidden = !on;
        if (on && focus) tab.focus();
      });
      if (remember) {
        store(false, PLATFORM_KEY, id);
        if (window.history && history.replaceState) history.replaceState(null, "", "#" + id);
      }
    }

    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () { select(ids[i], false, true); });
      tab.addEventListener("keydown", function (e) {
        var next = null;
        // In a right-to-left page the tabs run from the right: the arrows follow them.
        var rtl = window.getComputedStyle && getComputedStyle(tab).direction === "rtl";
        var forward = rtl ? "ArrowLeft" : "ArrowRight";
        var back = rtl ? "ArrowRight" : "ArrowLeft";
        if (e.key === forward) next = (i + 1) % tabs.length;
        else if (e.key === back) next = (i - 1 + tabs.length) % tabs.length;
        else if (e.key === "Home") next = 0;
        else if (e.key === "End") next = tabs.length - 1;
        if (next === null) return;
        e.preventDefault();
        select(ids[next], true, true);
      });
    });

    function fromHash() {
      var h = decodeURIComponent(location.hash.replace(/^#/, ""));
      if (ids.indexOf(h) >= 0) return h;
      // A step anchor such as #android-3 selects its platform.
      for (var i = 0; i < ids.length; i++) {
        if (h.indexOf(ids[i] + "-") === 0) return ids[i];
      }
      return null;
    }
    function pageTop(el) { return el.getBoundingClientRect().top + window.pageYOffset; }

    // The browser scrolls a link to #android to the panel, past the title and the tabs that
    // say where the reader is: bring them back into view (the title too if both fit), and
    // a step anchor (#android-3) to its step once the other panels are hidden.
    function land(hash) {
      var h = decodeURIComponent(hash.replace(/^#/, ""));
      if (!h) return;
      if (ids.indexOf(h) >= 0) {
        var title = document.querySelector("h1") || list;
        var top = pageTop(title) - 8;
        var bottom = pageTop(list) + list.offsetHeight + 8;
        if (bottom - top > window.innerHeight) {
          var heading = document.getElementById("steps-heading") || list;
          top = pageTop(heading) - 8;
        }
        window.scrollTo(0, Math.max(0, top));
      } else {
        var step = document.getElementById(h);
        if (step) step.scrollIntoView();
      }
    }

    var initial = fromHash() || store(true, PLATFORM_KEY) || guessPlatform();
    if (ids.indexOf(initial) < 0) initial = ids[0];
    list.hidden = false;
    select(initial, false, false);
    var first = fromHash() ? location.hash : "";
    land(first);
    // The browser may scroll to the fragment again as the page finishes loading.
    if (first && document.readyState !== "complete") {
      window.addEventListener("load", function () { land(first); });
    }
    window.addEventListener("hashchange", function () {
      var hash = location.hash, h = fromHash();
      if (h) {
        select(h, false, true);
        land(hash);
      }
    });
  }

  function setupChecklist(form) {
    var key = "stepwise.checklist." + form.getAttribute("data-key");
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"]'));
    var saved = {};
    try { saved = JSON.parse(store(true, key) || "{}") || {}; } catch (e) { saved = {}; }
    boxes.forEach(function (b) { b.checked = saved[b.name] === true; });
    function save() {
      var state = {};
      boxes.forEach(function (b) { if (b.checked) state[b.name] = true; });
      store(false, key, Object.keys(state).length ? JSON.stringify(state) : null);
    }
    form.addEventListener("change", save);
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        boxes.forEach(function (b) { b.checked = false; });
        save();
      }, 0);
    });
  }

  // Pictures: open beside the steps on wide screens; on a phone the steps come first and
  // each picture opens on demand ("Show picture"). Printing shows them all.
  function setupPictures() {
    var pictures = document.querySelectorAll("details.picture");
    if (!pictures.length || !window.matchMedia) return;
    var narrow = window.matchMedia("(max-width: 40rem)");
    function fit() {
      Array.prototype.forEach.call(pictures, function (d) { d.open = !narrow.matches; });
    }
    fit();
    if (narrow.addEventListener) narrow.addEventListener("change", fit);
    window.addEventListener("beforeprint", function () {
      Array.prototype.forEach.call(pictures, function (d) { d.open = true; });
    });
  }

  // "Was this guide helpful?": with scripts, the answer goes as a small JSON body and the
  // page stays; without them the form posts to the same endpoint as a plain form.
  function setupFeedback(form) {
    if (!window.fetch || !window.JSON) return;
    var section = form.parentNode;
    var status = section.querySelector(".feedback-status");
    var buttons = Array.prototype.slice.call(form.querySelectorAll("button"));
    function shownPlatform() {
      var tab = document.querySelector('.tablist:not([hidden]) [role="tab"][aria-selected="true"]');
      if (tab) return tab.getAttribute("data-platform");
      var panels = document.querySelectorAll(".panel[data-platform]");
      return panels.length === 1 ? panels[0].getAttribute("data-platform") : null;
    }
    function answer(helpful) {
      buttons.forEach(function (b) { b.disabled = true; });
      var body = {
        guide: form.getAttribute("data-guide"),
        platform: shownPlatform(),
        helpful: helpful,
        url: location.href.split("#")[0]
      };
      fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        credentials: "omit"
      }).then(function (r) {
        if (!r.ok) throw new Error("status " + r.status);
        form.querySelector(".feedback-answers").hidden = true;
        status.textContent = form.getAttribute("data-thanks");
        status.focus();
      }).catch(function () {
        buttons.forEach(function (b) { b.disabled = false; });
        var failed = "Sorry, your answer could not be sent. Please try again later.";
        try {
          var words = JSON.parse(document.documentElement.getAttribute("data-strings") || "{}");
          if (typeof words["feedback-failed"] === "string") failed = words["feedback-failed"];
        } catch (err) { /* English */ }
        status.textContent = failed;
      });
    }
    buttons.forEach(function (b) {
      b.addEventListener("click", function (e) {
        e.preventDefault();
        answer(b.value === "yes");
      });
    });
  }

  function init() {
    document.documentElement.classList.add("js");
    setupPictures();
    Array.prototype.forEach.call(document.querySelectorAll(".tablist"), setupTabs);
    Array.prototype.forEach.call(document.querySelectorAll("form.checks"), setupChecklist);
    Array.prototype.forEach.call(document.querySelectorAll("form.feedback-form"), setupFeedback);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
