/* Bounce Back's My plan: progress per topic and stage, "one thing today", and the file
 * tools (export and import everything in one file, delete everything on this device).
 *
 * Loaded by My plan only (its kit), so no other page carries the file code. Ticks and
 * notes are read through checklist.js (bb.checklist), storage through store.js (bb): the
 * export file holds every kind the reader store contract names (plan/STORE-CONTRACT.md),
 * and import checks a whole file before it writes anything.
 */
(function () {
  "use strict";

  if (window.bbPlan) return; // instant navigation runs a page's scripts again: set up once
  window.bbPlan = true;

  var FORMAT = "bounce-back-progress";
  var bb, checklist, say, count, make, all, setText;

  function start() {
    bb = window.bb;
    checklist = bb && bb.checklist;
    if (!checklist) return;
    say = bb.say;
    count = bb.count;
    make = bb.make;
    all = bb.all;
    setText = bb.setText;
    // checklist.js may show a page before or after this script sets it up: build first.
    checklist.after.push(function () {
      if (!document.querySelector(".bb-plan__topic")) return;
      build();
      refreshPlan();
    });
    bb.actions["reset-all"] = resetAll;
    bb.actions.export = exportProgress;
    document.addEventListener("change", function (event) {
      if (event.target.matches("input[data-bb-import]")) importProgress(event.target);
    });
    bb.onPage(setUp);
  }

  function setUp() {
    build();
    checklist.refresh();
  }

  /* My plan's own parts, once per page view: each stage's total, the file tools. */
  function build() {
    all("ul.bb-plan:not([data-bb-ready])").forEach(function (list) {
      list.setAttribute("data-bb-ready", "");
      list.parentNode.insertBefore(make("p", "bb-plan__total"), list);
    });
    var tools = document.querySelector("[data-bb-tools]:not([data-bb-ready])");
    if (tools) addPlanTools(tools);
  }

  function addPlanTools(tools) {
    tools.setAttribute("data-bb-ready", "");
    tools.textContent = "";
    tools.appendChild(make("p", "", say("tools.intro")));
    var row = make("div", "bb-tools__row");
    row.appendChild(bb.button(say("tools.export"), "export"));
    var label = make("label", "bb-tools__import", say("tools.import") + " ");
    var file = make("input");
    file.type = "file";
    file.accept = ".json,application/json";
    file.setAttribute("data-bb-import", "");
    label.appendChild(file);
    row.appendChild(label);
    row.appendChild(bb.button(say("tools.reset_all"), "reset-all"));
    tools.appendChild(row);
    tools.appendChild(make("p", "bb-tools__exported"));
    tools.appendChild(bb.statusRegion("bb-tools__message"));
  }

  // ---- the numbers ------------------------------------------------------------------

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
        var state = checklist.state(row);
        setText(row.querySelector("[data-bb-progress]"), say("checklist.progress", { done: state.done, total: state.items.length }));
        var notes = checklist.notes(row);
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
    var value = bb.read(bb.PREFIX + "exported");
    var when = value === null ? null : new Date(value);
    if (when && isNaN(when.getTime())) {
      bb.problem = bb.problem || "unreadable";
      when = null;
    }
    setText(el, when ? say("tools.last_exported", { date: bb.date(when) }) : say("tools.never_exported"));
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

  // ---- actions ----------------------------------------------------------------------

  function message(text) {
    var el = document.querySelector(".bb-tools__message");
    if (el) el.textContent = text;
  }

  function resetAll() {
    if (!window.confirm(say("tools.confirm_reset_all"))) return;
    checklist.dropTyping();
    bb.forget(bb.PREFIX);
    checklist.refresh();
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
    var n = { ticks: 0, notes: 0, fields: 0, lostApps: false };
    all(".bb-plan__topic[data-topic]").forEach(function (row) {
      var state = checklist.state(row);
      state.items.forEach(function (item) {
        if (!state.ticks[item]) return;
        (data.ticks[state.topic] = data.ticks[state.topic] || []).push(item);
        n.ticks++;
      });
      checklist.notes(row); // a note under a question's old id moves to its new one first
    });
    bb.ourKeys().forEach(function (key) {
      var name = key.slice(bb.PREFIX.length);
      var value = bb.read(key);
      var note = /^note:([a-z0-9-]+):([a-z0-9-]+)$/.exec(name);
      if (value === null) return;
      if (note && isText(value)) {
        (data.notes[note[1]] = data.notes[note[1]] || bag())[note[2]] = value;
        n.notes++;
      } else if (name.indexOf("field:") === 0 && isName(name.slice(6)) && isText(value)) {
        data.fields[name.slice(6)] = value; // a file import would refuse is never written
        n.fields++;
      } else if (name === "applications") {
        var list = null;
        try { list = JSON.parse(value); } catch (e) { /* said below */ }
        if (applicationsOk(list)) data.applications = list;
        else n.lostApps = true; // not in the file, and the reader is told so
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
    bb.download(name, JSON.stringify(data, null, 2) + "\n", "application/json");
    bb.store(bb.PREFIX + "exported", data.exported);
    showExported();
    var n = found.n;
    var held = [["tools.ticks", n.ticks], ["tools.notes", n.notes], ["tools.apps", found.data.applications.length],
      ["tools.fields", n.fields]].filter(function (part) { return part[1]; });
    var said = held.length
      ? say("tools.exported", { file: name, what: held.map(function (part) { return count(part[0], part[1]); }).join(", ") })
      : say("tools.exported_nothing", { file: name });
    message(n.lostApps ? said + " " + say("tools.apps_unreadable") : said);
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
        return isText(text) && notes.push([checklist.noteKey(topic, question), text]);
      });
    })) return null;
    var keys = names(data.fields, isName);
    if (!keys || !keys.every(function (key) {
      return isText(data.fields[key]) && fields.push([bb.PREFIX + "field:" + key, data.fields[key]]);
    })) return null;
    return { ticks: ticks, notes: notes, fields: fields, applications: data.applications };
  }

  /* Every id a progress file may name, old ids included: "topic/item" -> [topic, item].
     No prototype, so a name such as "constructor" finds nothing. */
  function knownIds() {
    var known = bag();
    all(".bb-plan__topic[data-topic]").forEach(function (row) {
      var state = checklist.state(row);
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
    // "Imported 0 ticks" only when nothing else came either.
    if (n.saved || !(n.unsaved || n.had || n.notes || n.fields || n.apps || n.lost)) parts.push(count("tools.imported", n.saved));
    if (n.had) parts.push(count("tools.had", n.had));
    if (n.unsaved) parts.push(count(n.saved ? "tools.unsaved_more" : "tools.unsaved", n.unsaved));
    if (n.gone) parts.push(count("tools.gone", n.gone));
    if (n.odd) parts.push(count("tools.odd", n.odd));
    if (n.notes) parts.push(count("tools.imported_notes", n.notes));
    if (n.fields) parts.push(count("tools.imported_fields", n.fields));
    if (n.apps) parts.push(count("tools.imported_apps", n.apps));
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
      var key = checklist.tickKey(known[id][0], known[id][1]);
      done[known[id].join("/")] = true;
      if (bb.read(key) === "1") n.had++;
      else n[checklist.tick(key, true) ? "saved" : "unsaved"]++;
    });
    parts.notes.forEach(function (entry) { n[bb.store(entry[0], entry[1]) ? "notes" : "lost"]++; });
    parts.fields.forEach(function (entry) { n[bb.store(entry[0], entry[1]) ? "fields" : "lost"]++; });
    if (!parts.applications.length) return;
    if (bb.store(bb.PREFIX + "applications", JSON.stringify(parts.applications))) n.apps = parts.applications.length;
    else n.lost++;
  }

  function importProgress(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    (file.size > BIGGEST ? Promise.reject(new Error("too big")) : file.text()).then(function (text) {
      var data = null;
      try { data = JSON.parse(text); } catch (e) { /* reported below */ }
      if (!isMap(data) || data.format !== FORMAT) return message(say("tools.not_progress"));
      if (data.version !== 1 && data.version !== 2) return message(say("tools.wrong_version"));
      var n = { saved: 0, unsaved: 0, gone: 0, odd: 0, had: 0, notes: 0, fields: 0, apps: 0, lost: 0 };
      var parts = data.version === 1 ? readVersion1(data, n) : readVersion2(data);
      if (!parts) return message(say(data.version === 1 ? "tools.not_progress" : "tools.wrong_shape"));
      restore(parts, n);
      checklist.refresh();
      message(importReport(n));
    }).catch(function () {
      message(say("tools.unreadable"));
    }).then(function () {
      input.value = "";
    });
  }

  if (window.bb && window.bb.checklist) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
