/* Bounce Back checklists: ticks kept in this browser, progress, My plan, print and copy.
 *
 * Material's task lists forget their ticks, so the guide keeps its own. Each tick is one
 * localStorage key, "bounceback:<site path>:<topic id>:<item id>" = "1": reordering or
 * rewording items never moves a tick, and a renamed item finds its tick under an old id
 * (data-previous). Nothing here talks to a server. Every storage call is guarded: when
 * storage is off, full or holds nonsense, the boxes still work for this visit and a short
 * note says so. Controls are made here because none of them can work without a script.
 * Every word it shows comes from the page (#bb-strings, written from the site's strings
 * file), so a translated site needs no change here.
 */
(function () {
  "use strict";

  var FORMAT = "bounce-back-progress";
  var PREFIX = "bounceback:" + siteScope() + ":";
  var memory = {}; // this visit's ticks when storage refuses them
  var problem = ""; // "unsaved" (storage fails) or "unreadable" (a stored value is not ours)
  var words = {}; // what this script says, from the page (kept when a page has none)
  var plurals = new Intl.PluralRules();

  /* The site's own path, so two guides on one host keep separate ticks. Computed once:
     Material's config holds a base relative to the page first loaded. */
  function siteScope() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(config.base, location.href).pathname;
    } catch (e) {
      return "/";
    }
  }

  // ---- words ------------------------------------------------------------------------

  /* The page's words, as JSON in an attribute: no request, and no script to allow. */
  function readWords() {
    var block = document.getElementById("bb-strings");
    if (!block) return;
    words = JSON.parse(block.getAttribute("data-words"));
    plurals = new Intl.PluralRules(block.lang);
  }

  /* A message with its {name}s filled in from `values`. */
  function say(key, values) {
    values = values || {};
    return (words[key] || key).replace(/\{(\w+)\}/g, function (m, name) { return name in values ? values[name] : m; });
  }

  /* A message about `n` things, in the plural form the page's language uses for n. */
  function count(key, n, values) {
    var form = key + "." + plurals.select(n);
    values = values || {};
    values.count = n;
    return say(words[form] ? form : key + ".other", values);
  }

  // ---- storage, never throwing ------------------------------------------------------

  function keyOf(topic, item) {
    return PREFIX + topic + ":" + item;
  }

  function read(key) {
    if (Object.prototype.hasOwnProperty.call(memory, key)) return memory[key];
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      problem = "unsaved";
      return null;
    }
  }

  function write(key, ticked) {
    try {
      if (ticked) window.localStorage.setItem(key, "1");
      else window.localStorage.removeItem(key);
      delete memory[key];
      return true;
    } catch (e) {
      problem = "unsaved";
      memory[key] = ticked ? "1" : null;
      return false;
    }
  }

  function forget(prefix) {
    var keys = Object.keys(memory);
    try {
      var store = window.localStorage;
      for (var i = 0; i < store.length; i++) keys.push(store.key(i));
    } catch (e) {
      problem = "unsaved";
    }
    keys.forEach(function (key) {
      if (key && key.indexOf(prefix) === 0) write(key, false);
    });
  }

  // ---- one topic's ticks ------------------------------------------------------------

  /* Ticks of the topic an element describes (data-topic, data-items, data-previous
     "old>new ..."); a tick saved under an old id moves to the new one. */
  function topicState(el) {
    var topic = el.getAttribute("data-topic");
    var items = (el.getAttribute("data-items") || "").split(" ").filter(Boolean);
    var olds = {};
    (el.getAttribute("data-previous") || "").split(" ").forEach(function (pair) {
      var ids = pair.split(">");
      if (ids.length === 2 && items.indexOf(ids[0]) < 0) (olds[ids[1]] = olds[ids[1]] || []).push(ids[0]);
    });
    var ticks = {};
    var done = 0;
    items.forEach(function (item) {
      ticks[item] = isTicked(topic, item, olds[item] || []);
      if (ticks[item]) done++;
    });
    return { topic: topic, items: items, olds: olds, ticks: ticks, done: done };
  }

  function isTicked(topic, item, olds) {
    var value = read(keyOf(topic, item));
    if (value === "1") return true;
    if (value !== null) problem = problem || "unreadable";
    for (var i = 0; i < olds.length; i++) {
      if (read(keyOf(topic, olds[i])) === "1") {
        if (write(keyOf(topic, item), true)) write(keyOf(topic, olds[i]), false);
        return true;
      }
    }
    return false;
  }

  // ---- small DOM helpers ------------------------------------------------------------

  function make(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function button(label, action, className) {
    var b = make("button", "bb-button" + (className ? " " + className : ""), label);
    b.type = "button";
    b.setAttribute("data-bb", action);
    return b;
  }

  function statusRegion(className) {
    var el = make("p", className);
    el.setAttribute("role", "status");
    el.setAttribute("aria-live", "polite");
    return el;
  }

  function setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function article() {
    return document.querySelector("article") || document.body;
  }

  // ---- building the controls, once per page view ------------------------------------

  function setUp() {
    readWords();
    all(".bb-checklist[data-topic]:not([data-bb-ready])").forEach(function (list) {
      list.setAttribute("data-bb-ready", "");
      var bar = make("div", "bb-bar");
      bar.appendChild(statusRegion("bb-progress"));
      bar.appendChild(button(say("checklist.reset"), "reset"));
      list.insertBefore(bar, list.firstChild);
    });
    all(".bb-template:not([data-bb-ready])").forEach(addCopyButton);
    all("ul.bb-plan:not([data-bb-ready])").forEach(function (list) {
      list.setAttribute("data-bb-ready", "");
      list.parentNode.insertBefore(make("p", "bb-plan__total"), list);
    });
    addPrintChoice();
    var tools = document.querySelector("[data-bb-tools]:not([data-bb-ready])");
    if (tools) addPlanTools(tools);
    refresh();
  }

  function addCopyButton(box) {
    box.setAttribute("data-bb-ready", "");
    var title = box.querySelector(".bb-template__title");
    var bar = make("div", "bb-copy");
    var copy = button(say("copy.button"), "copy");
    copy.appendChild(make("span", "bb-sr", " " + say("copy.what", { title: title ? title.textContent : "" })));
    bar.appendChild(copy);
    bar.appendChild(statusRegion("bb-copy__status"));
    box.insertBefore(bar, box.querySelector(".bb-template__body"));
  }

  /* Print: blank or with my ticks. The choice stays on <html> so Ctrl+P follows it too. */
  function addPrintChoice() {
    var root = article();
    var checklist = root.querySelector(".bb-checklist");
    if (!checklist || root.querySelector(".bb-print")) return;
    var workbook = root.querySelector(".bb-workbook__topic");
    var anchor = workbook ? root.querySelector(".bb-private") || checklist : checklist;
    var blank = document.documentElement.getAttribute("data-bb-print") === "blank";
    var box = make("fieldset", "bb-print");
    box.appendChild(make("legend", "", say(workbook ? "print.workbook" : "print.page")));
    [["ticks", say("print.ticks")], ["blank", say("print.blank")]].forEach(function (choice) {
      var label = make("label", "bb-print__choice");
      var radio = make("input");
      radio.type = "radio";
      radio.name = "bb-print";
      radio.value = choice[0];
      radio.checked = (choice[0] === "blank") === blank;
      label.appendChild(radio);
      label.appendChild(document.createTextNode(" " + choice[1]));
      box.appendChild(label);
    });
    box.appendChild(button(say("print.button"), "print"));
    anchor.parentNode.insertBefore(box, anchor.nextSibling);
  }

  function addPlanTools(tools) {
    tools.setAttribute("data-bb-ready", "");
    tools.textContent = "";
    tools.appendChild(make("p", "", say("tools.intro")));
    var row = make("div", "bb-tools__row");
    row.appendChild(button(say("tools.export"), "export"));
    var label = make("label", "bb-tools__import", say("tools.import") + " ");
    var file = make("input");
    file.type = "file";
    file.accept = ".json,application/json";
    file.setAttribute("data-bb-import", "");
    label.appendChild(file);
    row.appendChild(label);
    row.appendChild(button(say("tools.reset_all"), "reset-all"));
    tools.appendChild(row);
    tools.appendChild(statusRegion("bb-tools__message"));
  }

  // ---- showing the ticks; runs again whenever they change ---------------------------

  /* `topic`: only that topic's checklists changed (one tick), so only they are read again. */
  function refresh(topic) {
    all(topic ? '.bb-checklist[data-topic="' + topic + '"]' : ".bb-checklist[data-topic]").forEach(function (list) {
      var state = topicState(list);
      all("input.bb-item__box", list).forEach(function (box) {
        box.checked = !!state.ticks[box.getAttribute("data-item")];
      });
      setText(list.querySelector(".bb-progress"), say("checklist.progress", { done: state.done, total: state.items.length }));
    });
    if (document.querySelector(".bb-plan__topic")) refreshPlan();
    showNote();
  }

  function refreshPlan() {
    var next = null;
    var done = 0;
    var total = 0;
    all("ul.bb-plan").forEach(function (list) {
      var stageDone = 0;
      var stageTotal = 0;
      all(".bb-plan__topic[data-topic]", list).forEach(function (row) {
        var state = topicState(row);
        setText(row.querySelector("[data-bb-progress]"), say("checklist.progress", { done: state.done, total: state.items.length }));
        stageDone += state.done;
        stageTotal += state.items.length;
        state.items.forEach(function (item) {
          if (!next && !state.ticks[item]) next = { row: row, topic: state.topic, item: item };
        });
      });
      setText(list.previousElementSibling, say("plan.stage_progress", { done: stageDone, total: stageTotal }));
      done += stageDone;
      total += stageTotal;
    });
    var today = document.querySelector("[data-bb-today]");
    if (today) showToday(today, next, done, total);
  }

  /* "One thing today": the first unticked item in guide order, linked to its box. */
  function showToday(today, next, done, total) {
    var text = make("p");
    if (next) {
      var link = next.row.querySelector("a");
      var items = next.row.querySelector("template.bb-plan__items");
      var itemText = items && items.content.querySelector('[data-item="' + next.item + '"]');
      var to = make("a", "", itemText ? itemText.textContent : link.textContent);
      to.href = link.getAttribute("href") + "#bb-" + next.topic + "--" + next.item;
      text.appendChild(make("strong", "", say("plan.today") + " "));
      text.appendChild(to);
      if (itemText) text.appendChild(document.createTextNode(" " + say("plan.from", { topic: link.textContent })));
    } else {
      text.appendChild(make("strong", "", say("plan.all_done") + " "));
      text.appendChild(document.createTextNode(say("plan.well_done")));
    }
    var overall = make("p", "", say("plan.overall", { done: done, total: total }));
    today.textContent = "";
    today.appendChild(text);
    today.appendChild(overall);
    today.hidden = false;
  }

  function showNote() {
    if (!problem) return;
    var root = article();
    var anchor = root.querySelector(".bb-private") || root.querySelector(".bb-checklist");
    if (!anchor) return;
    var note = root.querySelector(".bb-note");
    if (!note) {
      note = make("p", "bb-note");
      note.setAttribute("role", "note");
      if (anchor.classList.contains("bb-private")) anchor.parentNode.insertBefore(note, anchor.nextSibling);
      else anchor.parentNode.insertBefore(note, anchor);
    }
    setText(note, say(problem === "unsaved" ? "note.unsaved" : "note.unreadable"));
  }

  // ---- actions ----------------------------------------------------------------------

  function message(text) {
    var el = document.querySelector(".bb-tools__message");
    if (el) el.textContent = text;
  }

  function resetChecklist(control) {
    var list = control.closest(".bb-checklist");
    if (!list || !window.confirm(say("checklist.confirm_reset"))) return;
    forget(PREFIX + list.getAttribute("data-topic") + ":");
    refresh();
  }

  function resetAll() {
    if (!window.confirm(say("tools.confirm_reset_all"))) return;
    forget(PREFIX);
    refresh();
    message(say("tools.cleared"));
  }

  function exportProgress() {
    var ticked = {};
    var n = 0;
    all(".bb-plan__topic[data-topic]").forEach(function (row) {
      var state = topicState(row);
      state.items.forEach(function (item) {
        if (state.ticks[item]) {
          ticked[state.topic + "/" + item] = true;
          n++;
        }
      });
    });
    var now = new Date();
    var data = { format: FORMAT, version: 1, exported: now.toISOString(), ticks: ticked };
    var name = "bounce-back-progress-" + now.toISOString().slice(0, 10) + ".json";
    var url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }));
    var link = make("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    message(count("tools.exported", n, { file: name }));
  }

  /* Every id a progress file may name, old ids included: "topic/item" -> [topic, item].
     No prototype, so a name such as "constructor" finds nothing. */
  function knownIds() {
    var known = Object.create(null);
    all(".bb-plan__topic[data-topic]").forEach(function (row) {
      var state = topicState(row);
      state.items.forEach(function (item) {
        known[state.topic + "/" + item] = [state.topic, item];
        (state.olds[item] || []).forEach(function (old) { known[state.topic + "/" + old] = [state.topic, item]; });
      });
    });
    return known;
  }

  /* What an import did and no more: a tick the browser would not store is not called imported. */
  function importReport(n) {
    var parts = [];
    if (n.saved || !(n.unsaved || n.had)) parts.push(count("tools.imported", n.saved));
    if (n.had) parts.push(count("tools.had", n.had));
    if (n.unsaved) parts.push(count(n.saved ? "tools.unsaved_more" : "tools.unsaved", n.unsaved));
    if (n.gone) parts.push(count("tools.gone", n.gone));
    if (n.odd) parts.push(count("tools.odd", n.odd));
    return parts.join(" ");
  }

  function importProgress(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var data = null;
      try { data = JSON.parse(text); } catch (e) { /* reported below */ }
      if (!data || data.format !== FORMAT || !data.ticks || typeof data.ticks !== "object" || Array.isArray(data.ticks)) {
        return message(say("tools.not_progress"));
      }
      if (data.version !== 1) {
        return message(say("tools.wrong_version"));
      }
      var known = knownIds();
      var n = { saved: 0, unsaved: 0, gone: 0, odd: 0, had: 0 };
      var done = Object.create(null); // one count per box, however many old ids name it
      Object.keys(data.ticks).forEach(function (id) {
        var value = data.ticks[id];
        // Not "topic/item" (__proto__, constructor...) or not true/false: never stored, only counted.
        if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id) || typeof value !== "boolean") n.odd++;
        // false is "not ticked": an import adds ticks and never clears one.
        else if (value && !known[id]) n.gone++;
        else if (value && !done[known[id].join("/")]) {
          var key = keyOf(known[id][0], known[id][1]);
          done[known[id].join("/")] = true;
          if (read(key) === "1") n.had++;
          else n[write(key, true) ? "saved" : "unsaved"]++;
        }
      });
      refresh();
      message(importReport(n));
    }).catch(function () {
      message(say("tools.unreadable"));
    }).then(function () {
      input.value = "";
    });
  }

  function copyTemplate(control) {
    var box = control.closest(".bb-template");
    var code = box.querySelector(".bb-template__body");
    var status = box.querySelector(".bb-copy__status");
    status.textContent = "";
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { /* said below */ }
      status.textContent = say(copied ? "copy.done" : "copy.select");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code.textContent).then(function () { status.textContent = say("copy.done"); }, fallback);
    } else {
      fallback();
    }
  }

  var actions = {
    reset: resetChecklist,
    "reset-all": resetAll,
    export: exportProgress,
    copy: copyTemplate,
    print: function () { window.print(); },
  };

  document.addEventListener("click", function (event) {
    var control = event.target.closest && event.target.closest("button[data-bb]");
    if (control && actions[control.getAttribute("data-bb")]) actions[control.getAttribute("data-bb")](control);
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches("input.bb-item__box[data-topic]")) {
      write(keyOf(target.getAttribute("data-topic"), target.getAttribute("data-item")), target.checked);
      refresh(target.getAttribute("data-topic"));
    } else if (target.matches("input[name=bb-print]")) {
      document.documentElement.setAttribute("data-bb-print", target.value);
    } else if (target.matches("input[data-bb-import]")) {
      importProgress(target);
    }
  });

  // Another tab ticked or cleared something: show it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === null || event.key.indexOf(PREFIX) === 0) refresh();
  });

  // Material's instant navigation swaps pages without a reload and announces each on document$.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
