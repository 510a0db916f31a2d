/* Bounce Back's reader store and the few helpers every page script shares (window.bb).
 *
 * All a reader keeps lives in localStorage under "bounceback:<site path>:" (the reader store
 * contract, plan/STORE-CONTRACT.md): ticks, notes, template fields, applications. Every
 * storage call is guarded: when storage is off, full or holds nonsense, a value lasts in
 * memory for the visit, nothing throws and bb.problem says so. Nothing here talks to a
 * server. Every word a script shows comes from the page: #bb-strings (every interactive
 * page) and the data-words of a page's own kit (.bb-kit), written from the site's strings
 * file, so a translated site needs no change here. Loaded first, on every page; the page
 * scripts (checklist.js, and the kits of My plan, My applications, templates) use it.
 */
(function () {
  "use strict";

  if (window.bb) return;

  /* The site's own path, so two guides on one host keep separate data. Computed once, on
     the first page: Material's config holds a base relative to that page. */
  function siteScope() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(config.base, location.href).pathname;
    } catch (e) {
      return "/";
    }
  }

  var PREFIX = "bounceback:" + siteScope() + ":";
  var memory = {}; // this visit's values when storage refuses them
  var words = {};
  var plurals = new Intl.PluralRules();
  var actions = {};
  var bb = {
    PREFIX: PREFIX,
    problem: "", // "unsaved" (storage fails) or "unreadable" (a stored value is not ours)
    lang: "en",
    actions: actions, // button[data-bb=name] -> what a click does
  };

  // ---- words ------------------------------------------------------------------------

  /* The page's words, as JSON in attributes: no request, and no script to allow. */
  bb.readWords = function () {
    words = {};
    ["#bb-strings", ".bb-kit[data-words]"].forEach(function (selector) {
      bb.all(selector).forEach(function (block) {
        var found = JSON.parse(block.getAttribute("data-words"));
        Object.keys(found).forEach(function (key) { words[key] = found[key]; });
        if (block.lang) bb.lang = block.lang;
      });
    });
    plurals = new Intl.PluralRules(bb.lang);
  };

  /* A message with its {name}s filled in from `values`. */
  bb.say = function (key, values) {
    values = values || {};
    return (words[key] || key).replace(/\{(\w+)\}/g, function (m, name) { return name in values ? values[name] : m; });
  };

  /* A message about `n` things, in the plural form the page's language uses for n. */
  bb.count = function (key, n, values) {
    var form = key + "." + plurals.select(n);
    values = values || {};
    values.count = n;
    return bb.say(words[form] ? form : key + ".other", values);
  };

  /* "1 December 2026", in the guide's own order of words. */
  bb.date = function (when) {
    return bb.say("dates.day", { day: when.getDate(), month: when.toLocaleDateString(bb.lang, { month: "long" }), year: when.getFullYear() });
  };

  // ---- storage, never throwing ------------------------------------------------------

  bb.read = function (key) {
    if (Object.prototype.hasOwnProperty.call(memory, key)) return memory[key];
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      bb.problem = "unsaved";
      return null;
    }
  };

  /* Saves `value` (null removes the key); false when the browser refuses, and then the value
     is kept in memory for this visit, so nothing the reader did is lost while the page is open. */
  bb.store = function (key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
      delete memory[key];
      return true;
    } catch (e) {
      bb.problem = "unsaved";
      memory[key] = value;
      return false;
    }
  };

  /* Every key of this site's reader data, stored or only in memory. */
  bb.ourKeys = function () {
    var keys = Object.keys(memory);
    try {
      var saved = window.localStorage;
      for (var i = 0; i < saved.length; i++) keys.push(saved.key(i));
    } catch (e) {
      bb.problem = "unsaved";
    }
    return keys.filter(function (key, i) { return key && key.indexOf(PREFIX) === 0 && keys.indexOf(key) === i; });
  };

  bb.forget = function (prefix) {
    bb.ourKeys().forEach(function (key) {
      if (key.indexOf(prefix) === 0) bb.store(key, null);
    });
  };

  // ---- small DOM helpers ------------------------------------------------------------

  bb.make = function (tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  };

  bb.button = function (label, action, className) {
    var b = bb.make("button", "bb-button" + (className ? " " + className : ""), label);
    b.type = "button";
    b.setAttribute("data-bb", action);
    return b;
  };

  bb.statusRegion = function (className) {
    var el = bb.make("p", className);
    el.setAttribute("role", "status");
    el.setAttribute("aria-live", "polite");
    return el;
  };

  bb.setText = function (el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  };

  bb.all = function (selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  };

  bb.article = function () {
    return document.querySelector("article") || document.body;
  };

  /* A file made here, saved by the browser: nothing leaves the device. */
  bb.download = function (name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = bb.make("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  };

  /* Says, once per page, what storage could not do (after the privacy line, or above the
     first checklist or tracker). */
  bb.showNote = function () {
    if (!bb.problem) return;
    var root = bb.article();
    var anchor = root.querySelector(".bb-private") || root.querySelector(".bb-checklist, .bb-apps");
    if (!anchor) return;
    var note = root.querySelector(".bb-note");
    if (!note) {
      note = bb.make("p", "bb-note");
      note.setAttribute("role", "note");
      if (anchor.classList.contains("bb-private")) anchor.parentNode.insertBefore(note, anchor.nextSibling);
      else anchor.parentNode.insertBefore(note, anchor);
    }
    bb.setText(note, bb.say(bb.problem === "unsaved" ? "note.unsaved" : "note.unreadable"));
  };

  /* Runs `setUp` on every page view: the first, and each page Material's instant navigation
     swaps in (document$), however late the calling script loaded. */
  bb.onPage = function (setUp) {
    function run() {
      bb.readWords();
      setUp();
    }
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  };

  document.addEventListener("click", function (event) {
    var control = event.target.closest && event.target.closest("button[data-bb]");
    if (control && actions[control.getAttribute("data-bb")]) actions[control.getAttribute("data-bb")](control);
  });

  window.bb = bb;
})();
