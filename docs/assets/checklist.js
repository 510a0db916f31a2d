/* Bounce Back checklists and notes: ticks and answers kept in this browser, progress, My plan,
 * one file to export and import everything, print and copy.
 *
 * Material's task lists forget their ticks, so the guide keeps its own. Each tick is one
 * localStorage key, "bounceback:<site path>:<topic id>:<item id>" = "1", and each note one key
 * "bounceback:<site path>:note:<topic id>:<question id>" = its text (plan/STORE-CONTRACT.md):
 * reordering or rewording never moves them, and a renamed item or question finds its tick or
 * note under an old id (data-previous). Nothing here talks to a server. Every storage call is guarded: when
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

  /* Saves `value` (null removes the key); false when the browser refuses, and then the value
     is kept in memory for this visit, so nothing the reader did is lost while the page is open. */
  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
      delete memory[key];
      return true;
    } catch (e) {
      problem = "unsaved";
      memory[key] = value;
      return false;
    }
  }

  function write(key, ticked) {
    return store(key, ticked ? "1" : null);
  }

  /* Every key of this site's reader data, stored or only in memory. */
  function ourKeys() {
    var keys = Object.keys(memory);
    try {
      var saved = window.localStorage;
      for (var i = 0; i < saved.length; i++) keys.push(saved.key(i));
    } catch (e) {
      problem = "unsaved";
    }
    return keys.filter(function (key, i) { return key && key.indexOf(PREFIX) === 0 && keys.indexOf(key) === i; });
  }

  function forget(prefix) {
    ourKeys().forEach(function (key) {
      if (key.indexOf(prefix) === 0) store(key, null);
    });
  }

  // ---- one topic's ticks ------------------------------------------------------------

  /* What is saved for each id an element lists (data-topic, the ids in attribute `list`, and
     in `previous` "old>new ..." the old ids of each), as `find(topic, id, old ids)` reads it;
     `n`: how many hold something. One reading for ticks and notes alike. */
  function savedFor(el, list, previous, find) {
    var topic = el.getAttribute("data-topic");
    var ids = (el.getAttribute(list) || "").split(" ").filter(Boolean);
    var olds = {};
    (el.getAttribute(previous) || "").split(" ").forEach(function (pair) {
      var both = pair.split(">");
      if (both.length === 2 && ids.indexOf(both[0]) < 0) (olds[both[1]] = olds[both[1]] || []).push(both[0]);
    });
    var values = {};
    var n = 0;
    ids.forEach(function (id) {
      values[id] = find(topic, id, olds[id] || []);
      if (typeof values[id] === "string" ? values[id].trim() : values[id]) n++;
    });
    return { topic: topic, ids: ids, olds: olds, values: values, n: n };
  }

  /* Ticks of the topic an element describes (data-items, data-previous); a tick saved under
     an old id moves to the new one. */
  function topicState(el) {
    var found = savedFor(el, "data-items", "data-previous", isTicked);
    return { topic: found.topic, items: found.ids, olds: found.olds, ticks: found.values, done: found.n };
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

  // ---- one topic's notes ------------------------------------------------------------

  function noteKey(topic, question) {
    return PREFIX + "note:" + topic + ":" + question;
  }

  /* The notes of the questions an element lists (data-questions, data-previous-notes):
     question id -> text ("" for none). A note under an old id moves to the new one. */
  function notesOf(el) {
    var found = savedFor(el, "data-questions", "data-previous-notes", noteText);
    return { topic: found.topic, questions: found.ids, texts: found.values, noted: found.n };
  }

  function noteText(topic, question, olds) {
    var text = read(noteKey(topic, question));
    if (text !== null) return text;
    for (var i = 0; i < olds.length; i++) {
      text = read(noteKey(topic, olds[i]));
      if (text !== null) {
        if (store(noteKey(topic, question), text)) store(noteKey(topic, olds[i]), null);
        return text;
      }
    }
    return "";
  }

  var pending = {}; // note key -> [timer, text box]: saved once typing pauses

  /* Saves a text box's note and says whether it was kept; an empty box removes the note. */
  function saveNote(box) {
    var key = noteKey(box.getAttribute("data-topic"), box.getAttribute("data-question"));
    if (pending[key]) clearTimeout(pending[key][0]);
    delete pending[key];
    var saved = store(key, box.value.trim() ? box.value : null);
    var status = box.parentNode.querySelector(".bb-answer__status");
    setText(status, say(saved ? "notes.saved" : "notes.unsaved"));
    if (status) status.classList.toggle("bb-answer__status--problem", !saved);
    if (!saved) showNote();
  }

  function noteTyped(box) {
    var key = noteKey(box.getAttribute("data-topic"), box.getAttribute("data-question"));
    if (pending[key]) clearTimeout(pending[key][0]);
    pending[key] = [setTimeout(function () { saveNote(box); }, 500), box];
    showCopy(box.closest(".bb-question"), box.value);
  }

  /* A question's note as printed (and shown in the workbook); ruled lines where there is none. */
  function showCopy(row, text) {
    var copy = row.querySelector(".bb-answer__copy");
    setText(copy, text);
    if (copy) copy.hidden = !text.trim();
    row.classList.toggle("bb-question--noted", !!text.trim());
  }

  /* Typing not saved yet is saved before the page goes (another page, a closed tab). */
  function saveTyping() {
    Object.keys(pending).forEach(function (key) { saveNote(pending[key][1]); });
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
    saveTyping(); // the page before, under instant navigation
    readWords();
    all(".bb-checklist[data-topic]:not([data-bb-ready])").forEach(function (list) {
      list.setAttribute("data-bb-ready", "");
      var bar = make("div", "bb-bar");
      bar.appendChild(statusRegion("bb-progress"));
      bar.appendChild(button(say("checklist.reset"), "reset"));
      list.insertBefore(bar, list.firstChild);
    });
    all("ul.bb-reflection[data-topic]:not([data-bb-ready])").forEach(function (list) {
      list.setAttribute("data-bb-ready", "");
      all("textarea.bb-answer", list).forEach(function (box) {
        box.hidden = false;
        var status = statusRegion("bb-answer__status");
        box.parentNode.appendChild(status);
        box.parentNode.appendChild(make("p", "bb-answer__copy bb-answer__copy--print"));
      });
    });
    all("ol.bb-reflection[data-topic]:not([data-bb-ready])").forEach(function (list) {
      list.setAttribute("data-bb-ready", "");
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
    [["ticks", say("print.mine")], ["blank", say("print.blank")]].forEach(function (choice) {
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
    tools.appendChild(make("p", "bb-tools__exported"));
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
    if (!topic) refreshNotes();
    if (document.querySelector(".bb-plan__topic")) refreshPlan();
    showNote();
  }

  /* Each question's note into its text box (not one being typed in) and its printed copy. */
  function refreshNotes() {
    all(".bb-reflection[data-topic][data-bb-ready]").forEach(function (list) {
      var notes = notesOf(list);
      all(".bb-question", list).forEach(function (row, i) {
        var text = notes.texts[notes.questions[i]] || "";
        var box = row.querySelector("textarea.bb-answer");
        if (box && box !== document.activeElement && box.value !== text) box.value = text;
        showCopy(row, box ? box.value : text);
      });
    });
  }

  function refreshPlan() {
    var next = null;
    var done = 0;
    var total = 0;
    var noted = 0;
    var questions = 0;
    all("ul.bb-plan").forEach(function (list) {
      var stageDone = 0;
      var stageTotal = 0;
      all(".bb-plan__topic[data-topic]", list).forEach(function (row) {
        var state = topicState(row);
        setText(row.querySelector("[data-bb-progress]"), say("checklist.progress", { done: state.done, total: state.items.length }));
        var notes = notesOf(row);
        setText(row.querySelector("[data-bb-notes]"), count("plan.notes", notes.noted, { total: notes.questions.length }));
        noted += notes.noted;
        questions += notes.questions.length;
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
    if (today) showToday(today, next, done, total, count("plan.notes_overall", noted, { total: questions }));
    showExported();
  }

  /* "Last exported: 1 December 2026", or "Not exported yet". */
  function showExported() {
    var el = document.querySelector(".bb-tools__exported");
    if (!el) return;
    var value = read(PREFIX + "exported");
    var when = value === null ? null : new Date(value);
    if (when && isNaN(when.getTime())) {
      problem = problem || "unreadable";
      when = null;
    }
    var lang = document.getElementById("bb-strings").lang;
    var date = when && say("tools.date", { day: when.getDate(), month: when.toLocaleDateString(lang, { month: "long" }), year: when.getFullYear() });
    setText(el, when ? say("tools.last_exported", { date: date }) : say("tools.never_exported"));
  }

  /* "One thing today": the first unticked item in guide order, linked to its box. */
  function showToday(today, next, done, total, notes) {
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
    today.appendChild(make("p", "bb-today__notes", notes));
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
    var ticks = PREFIX + list.getAttribute("data-topic") + ":";
    ourKeys().forEach(function (key) {
      if (key.indexOf(ticks) === 0 && /^[a-z0-9-]+$/.test(key.slice(ticks.length))) write(key, false);
    });
    refresh();
  }

  function resetAll() {
    if (!window.confirm(say("tools.confirm_reset_all"))) return;
    Object.keys(pending).forEach(function (key) { clearTimeout(pending[key][0]); });
    pending = {}; // typing not saved yet is deleted too, never saved after
    forget(PREFIX);
    refresh();
    message(say("tools.cleared"));
  }

  // ---- one file for everything (plan/STORE-CONTRACT.md) -----------------------------

  var LONGEST = 100000; // characters in any one text of a file; a note is far shorter
  var BIGGEST = 10000000; // bytes of a file, read no further
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  function bag() {
    return Object.create(null); // no prototype: a key such as "constructor" finds nothing
  }

  /* Everything this site keeps for the reader, in the file's shape, with how many of each. */
  function collect() {
    var data = { ticks: bag(), notes: bag(), fields: bag(), applications: [] };
    var n = { ticks: 0, notes: 0 };
    all(".bb-plan__topic[data-topic]").forEach(function (row) {
      var state = topicState(row);
      state.items.forEach(function (item) {
        if (!state.ticks[item]) return;
        (data.ticks[state.topic] = data.ticks[state.topic] || []).push(item);
        n.ticks++;
      });
      notesOf(row); // a note under a question's old id moves to its new one first
    });
    ourKeys().forEach(function (key) {
      var name = key.slice(PREFIX.length);
      var value = read(key);
      var note = /^note:([a-z0-9-]+):([a-z0-9-]+)$/.exec(name);
      if (value === null) return;
      if (note && isText(value)) {
        (data.notes[note[1]] = data.notes[note[1]] || bag())[note[2]] = value;
        n.notes++;
      } else if (name.indexOf("field:") === 0 && isName(name.slice(6)) && isText(value)) {
        data.fields[name.slice(6)] = value; // a file import would refuse is never written
      } else if (name === "applications") {
        var list = null;
        try { list = JSON.parse(value); } catch (e) { /* said below */ }
        if (applicationsOk(list)) data.applications = list;
        else problem = problem || "unreadable";
      }
    });
    return { data: data, n: n };
  }

  function exportProgress() {
    var found = collect();
    var now = new Date();
    var data = { format: FORMAT, version: 2, exported: now.toISOString() };
    Object.keys(found.data).forEach(function (part) { data[part] = found.data[part]; });
    var name = "bounce-back-progress-" + now.toISOString().slice(0, 10) + ".json";
    var url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }));
    var link = make("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    store(PREFIX + "exported", data.exported);
    showExported();
    message(count("tools.exported", found.n.ticks, { file: name }) + " " + count("tools.exported_notes", found.n.notes));
  }

  // What a file may hold, checked in full before anything is written.
  function isMap(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function names(map, test) {
    var keys = Object.keys(map);
    for (var i = 0; i < keys.length; i++) {
      if (/^(__proto__|constructor|prototype)$/.test(keys[i]) || !test(keys[i])) return null;
    }
    return keys;
  }

  function isText(value) {
    return typeof value === "string" && value.length <= LONGEST;
  }

  function isName(key) {
    return key.length > 0 && key.length <= 200;
  }

  function isId(key) {
    return ID.test(key) && key.length <= 200;
  }

  /* Applications as the tracker keeps them: a list of flat records of texts, numbers, yes/no. */
  function applicationsOk(list) {
    return Array.isArray(list) && list.length <= 10000 && list.every(function (entry) {
      var keys = isMap(entry) && names(entry, isName);
      return keys && keys.every(function (key) {
        var value = entry[key];
        return value === null || typeof value === "boolean" || (typeof value === "number" && isFinite(value)) || isText(value);
      });
    });
  }

  /* A version-2 file's parts when every one has the shape export writes; otherwise null. */
  function readVersion2(data) {
    var top = names(data, function (key) { return /^(format|version|exported|ticks|notes|fields|applications)$/.test(key); });
    if (!top || !isMap(data.ticks) || !isMap(data.notes) || !isMap(data.fields) || !applicationsOk(data.applications)) return null;
    if (data.exported !== undefined && !(typeof data.exported === "string" && data.exported.length <= 100)) return null;
    var ticks = [];
    var notes = [];
    var fields = [];
    var topics = names(data.ticks, isId);
    if (!topics || !topics.every(function (topic) {
      var items = data.ticks[topic];
      return Array.isArray(items) && items.length <= 1000 && items.every(function (item) {
        return typeof item === "string" && isId(item) && ticks.push(topic + "/" + item);
      });
    })) return null;
    topics = names(data.notes, isId);
    if (!topics || !topics.every(function (topic) {
      var questions = isMap(data.notes[topic]) && names(data.notes[topic], isId);
      return questions && questions.every(function (question) {
        var text = data.notes[topic][question];
        return isText(text) && notes.push([noteKey(topic, question), text]);
      });
    })) return null;
    var keys = names(data.fields, isName);
    if (!keys || !keys.every(function (key) {
      return isText(data.fields[key]) && fields.push([PREFIX + "field:" + key, data.fields[key]]);
    })) return null;
    return { ticks: ticks, notes: notes, fields: fields, applications: data.applications };
  }

  /* Every id a progress file may name, old ids included: "topic/item" -> [topic, item].
     No prototype, so a name such as "constructor" finds nothing. */
  function knownIds() {
    var known = bag();
    all(".bb-plan__topic[data-topic]").forEach(function (row) {
      var state = topicState(row);
      state.items.forEach(function (item) {
        known[state.topic + "/" + item] = [state.topic, item];
        (state.olds[item] || []).forEach(function (old) { known[state.topic + "/" + old] = [state.topic, item]; });
      });
    });
    return known;
  }

  /* Version 1 kept ticks only, as {"topic/item": true}: the ids of its true ticks, or null.
     Entries that are not a tick of this guide are counted and ignored, as version 1 was. */
  function readVersion1(data, n) {
    if (!isMap(data.ticks)) return null;
    var ticks = [];
    Object.keys(data.ticks).forEach(function (id) {
      var value = data.ticks[id];
      // Not "topic/item" (__proto__, constructor...) or not true/false: never stored, only counted.
      if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id) || typeof value !== "boolean") n.odd++;
      else if (value) ticks.push(id); // false is "not ticked": an import adds ticks and never clears one
    });
    return { ticks: ticks, notes: [], fields: [], applications: [] };
  }

  /* What an import did and no more: a tick the browser would not store is not called imported. */
  function importReport(n) {
    var parts = [];
    if (n.saved || !(n.unsaved || n.had)) parts.push(count("tools.imported", n.saved));
    if (n.had) parts.push(count("tools.had", n.had));
    if (n.unsaved) parts.push(count(n.saved ? "tools.unsaved_more" : "tools.unsaved", n.unsaved));
    if (n.gone) parts.push(count("tools.gone", n.gone));
    if (n.odd) parts.push(count("tools.odd", n.odd));
    if (n.notes) parts.push(count("tools.imported_notes", n.notes));
    if (n.others) parts.push(count("tools.imported_others", n.others));
    if (n.lost) parts.push(count("tools.unsaved_others", n.lost));
    return parts.join(" ");
  }

  /* Writes what a checked file holds: ticks are added, notes, fields and applications replace
     what this browser had under the same names. */
  function restore(parts, n) {
    var known = knownIds();
    var done = bag(); // one count per box, however many old ids name it
    parts.ticks.forEach(function (id) {
      if (!known[id]) return n.gone++;
      if (done[known[id].join("/")]) return;
      var key = keyOf(known[id][0], known[id][1]);
      done[known[id].join("/")] = true;
      if (read(key) === "1") n.had++;
      else n[write(key, true) ? "saved" : "unsaved"]++;
    });
    var others = parts.fields.slice();
    if (parts.applications.length) others.push([PREFIX + "applications", JSON.stringify(parts.applications)]);
    parts.notes.concat(others).forEach(function (entry, i) {
      if (!store(entry[0], entry[1])) n.lost++;
      else n[i < parts.notes.length ? "notes" : "others"]++;
    });
  }

  function importProgress(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    (file.size > BIGGEST ? Promise.reject(new Error("too big")) : file.text()).then(function (text) {
      var data = null;
      try { data = JSON.parse(text); } catch (e) { /* reported below */ }
      if (!isMap(data) || data.format !== FORMAT) return message(say("tools.not_progress"));
      if (data.version !== 1 && data.version !== 2) return message(say("tools.wrong_version"));
      var n = { saved: 0, unsaved: 0, gone: 0, odd: 0, had: 0, notes: 0, others: 0, lost: 0 };
      var parts = data.version === 1 ? readVersion1(data, n) : readVersion2(data);
      if (!parts) return message(say(data.version === 1 ? "tools.not_progress" : "tools.wrong_shape"));
      restore(parts, n);
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

  document.addEventListener("input", function (event) {
    if (event.target.matches("textarea.bb-answer[data-question]")) noteTyped(event.target);
  });
  document.addEventListener("focusout", function (event) {
    if (event.target.matches("textarea.bb-answer[data-question]")) {
      var key = noteKey(event.target.getAttribute("data-topic"), event.target.getAttribute("data-question"));
      if (pending[key]) saveNote(event.target);
    }
  });
  window.addEventListener("pagehide", saveTyping);
  document.addEventListener("click", function (event) {
    // A link followed by instant navigation swaps the page without "pagehide".
    if (event.target.closest && event.target.closest("a[href]")) saveTyping();
  }, true);

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
