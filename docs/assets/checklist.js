/* Bounce Back checklists: ticks kept in this browser, progress, My plan, print and copy.
 *
 * Material's task lists forget their ticks, so the guide keeps its own. Each tick is one
 * localStorage key, "bounceback:<site path>:<topic id>:<item id>" = "1": reordering or
 * rewording items never moves a tick, and a renamed item finds its tick under an old id
 * (data-previous). Nothing here talks to a server. Every storage call is guarded: when
 * storage is off, full or holds nonsense, the boxes still work for this visit and a short
 * note says so. Controls are made here because none of them can work without a script.
 */
(function () {
  "use strict";

  var FORMAT = "bounce-back-progress";
  var PREFIX = "bounceback:" + siteScope() + ":";
  var memory = {}; // this visit's ticks when storage refuses them
  var problem = ""; // "unsaved" (storage fails) or "unreadable" (a stored value is not ours)

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

  function progressText(done, total) {
    return done + " of " + total + " done";
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
    all(".bb-checklist[data-topic]:not([data-bb-ready])").forEach(function (list) {
      list.setAttribute("data-bb-ready", "");
      var bar = make("div", "bb-bar");
      bar.appendChild(statusRegion("bb-progress"));
      bar.appendChild(button("Reset this checklist", "reset"));
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
    var copy = button("Copy", "copy");
    copy.appendChild(make("span", "bb-sr", " template: " + (title ? title.textContent : "")));
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
    box.appendChild(make("legend", "", workbook ? "Print this workbook" : "Print this page"));
    [["ticks", "with my ticks"], ["blank", "blank, to fill in by hand"]].forEach(function (choice) {
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
    box.appendChild(button("Print", "print"));
    anchor.parentNode.insertBefore(box, anchor.nextSibling);
  }

  function addPlanTools(tools) {
    tools.setAttribute("data-bb-ready", "");
    tools.textContent = "";
    tools.appendChild(make("p", "", "Save your ticks to a file to keep them safe, or to move them to another browser. " +
      "The file stays on your device."));
    var row = make("div", "bb-tools__row");
    row.appendChild(button("Export progress", "export"));
    var label = make("label", "bb-tools__import", "Import progress from a file: ");
    var file = make("input");
    file.type = "file";
    file.accept = ".json,application/json";
    file.setAttribute("data-bb-import", "");
    label.appendChild(file);
    row.appendChild(label);
    row.appendChild(button("Reset all progress", "reset-all"));
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
      setText(list.querySelector(".bb-progress"), progressText(state.done, state.items.length));
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
        setText(row.querySelector("[data-bb-progress]"), progressText(state.done, state.items.length));
        stageDone += state.done;
        stageTotal += state.items.length;
        state.items.forEach(function (item) {
          if (!next && !state.ticks[item]) next = { row: row, topic: state.topic, item: item };
        });
      });
      setText(list.previousElementSibling, progressText(stageDone, stageTotal) + " in this stage");
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
      text.appendChild(make("strong", "", "One thing today: "));
      text.appendChild(to);
      if (itemText) text.appendChild(document.createTextNode(" (from " + link.textContent + ")"));
    } else {
      text.appendChild(make("strong", "", "Every item is ticked. "));
      text.appendChild(document.createTextNode("Well done. Come back to any topic whenever you need it."));
    }
    var overall = make("p", "", "Across the guide: " + progressText(done, total) + ".");
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
    setText(note, problem === "unsaved"
      ? "Your progress can't be saved in this browser (storage is turned off or full). Ticks last for this visit only."
      : "Some saved progress in this browser could not be read, so those boxes start empty. Ticking them again saves them.");
  }

  // ---- actions ----------------------------------------------------------------------

  function message(text) {
    var el = document.querySelector(".bb-tools__message");
    if (el) el.textContent = text;
  }

  function resetChecklist(control) {
    var list = control.closest(".bb-checklist");
    if (!list || !window.confirm("Clear every tick in this checklist? This cannot be undone.")) return;
    forget(PREFIX + list.getAttribute("data-topic") + ":");
    refresh();
  }

  function resetAll() {
    if (!window.confirm("Clear every tick in the whole guide? This cannot be undone. Export your progress first to keep a copy.")) return;
    forget(PREFIX);
    refresh();
    message("All ticks cleared.");
  }

  function exportProgress() {
    var ticked = {};
    var count = 0;
    all(".bb-plan__topic[data-topic]").forEach(function (row) {
      var state = topicState(row);
      state.items.forEach(function (item) {
        if (state.ticks[item]) {
          ticked[state.topic + "/" + item] = true;
          count++;
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
    message("Exported " + ticks(count) + " to " + name + ".");
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

  function ticks(n) {
    return n + (n === 1 ? " tick" : " ticks");
  }

  function were(n) {
    return n === 1 ? " was" : " were";
  }

  /* What an import did and no more: a tick the browser would not store is not called imported. */
  function importReport(n) {
    var parts = [];
    if (n.saved || !(n.unsaved || n.had)) parts.push("Imported " + ticks(n.saved) + ".");
    if (n.had) parts.push(ticks(n.had) + were(n.had) + " already here.");
    if (n.unsaved) parts.push((n.saved ? n.unsaved + " more" : ticks(n.unsaved)) + " could not be saved in this browser; " +
      (n.unsaved === 1 ? "it shows" : "they show") + " for this visit only.");
    if (n.gone) parts.push(ticks(n.gone) + were(n.gone) + " for items no longer in the guide and" + were(n.gone) + " ignored.");
    if (n.odd) parts.push(n.odd + (n.odd === 1 ? " entry" : " entries") + were(n.odd) + " not a tick of this guide (true or false for a topic/item id) and" + were(n.odd) + " ignored.");
    return parts.join(" ");
  }

  function importProgress(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var data = null;
      try { data = JSON.parse(text); } catch (e) { /* reported below */ }
      if (!data || data.format !== FORMAT || !data.ticks || typeof data.ticks !== "object" || Array.isArray(data.ticks)) {
        return message("That file is not a Bounce Back progress file, so nothing was imported.");
      }
      if (data.version !== 1) {
        return message("That progress file has a format this version of the guide can't read, so nothing was imported.");
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
      message("That file could not be read, so nothing was imported.");
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
      status.textContent = copied ? "Copied" : "The text is selected: press Ctrl+C (or Cmd+C) to copy it.";
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code.textContent).then(function () { status.textContent = "Copied"; }, fallback);
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
