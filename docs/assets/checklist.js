/* Bounce Back checklists and notes: ticks and answers kept in this browser, progress,
 * print and copy, on every page that has them (storage and words: store.js, window.bb).
 *
 * Material's task lists forget their ticks, so the guide keeps its own. Each tick is one
 * key, "<prefix><topic id>:<item id>" = "1", and each note one key
 * "<prefix>note:<topic id>:<question id>" = its text (plan/STORE-CONTRACT.md): reordering or
 * rewording never moves them, and a renamed item or question finds its tick or note under
 * an old id (data-previous). Controls are made here because none of them can work without
 * a script. My plan's own part (its numbers, the file tools) is plan.js, loaded there only;
 * it reads ticks and notes through bb.checklist.
 */
(function () {
  "use strict";

  if (!window.bb || window.bb.checklist) return;
  var bb = window.bb;
  var say = bb.say;
  var make = bb.make;
  var all = bb.all;
  var setText = bb.setText;
  var after = []; // what page kits show again after every refresh (My plan's numbers)

  function keyOf(topic, item) {
    return bb.PREFIX + topic + ":" + item;
  }

  function write(key, ticked) {
    return bb.store(key, ticked ? "1" : null);
  }

  // ---- one topic's ticks and notes --------------------------------------------------

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
    var value = bb.read(keyOf(topic, item));
    if (value === "1") return true;
    if (value !== null) bb.problem = bb.problem || "unreadable";
    for (var i = 0; i < olds.length; i++) {
      if (bb.read(keyOf(topic, olds[i])) === "1") {
        if (write(keyOf(topic, item), true)) write(keyOf(topic, olds[i]), false);
        return true;
      }
    }
    return false;
  }

  function noteKey(topic, question) {
    return bb.PREFIX + "note:" + topic + ":" + question;
  }

  /* The notes of the questions an element lists (data-questions, data-previous-notes):
     question id -> text ("" for none). A note under an old id moves to the new one. */
  function notesOf(el) {
    var found = savedFor(el, "data-questions", "data-previous-notes", noteText);
    return { topic: found.topic, questions: found.ids, texts: found.values, noted: found.n };
  }

  function noteText(topic, question, olds) {
    var text = bb.read(noteKey(topic, question));
    if (text !== null) return text;
    for (var i = 0; i < olds.length; i++) {
      text = bb.read(noteKey(topic, olds[i]));
      if (text !== null) {
        if (bb.store(noteKey(topic, question), text)) bb.store(noteKey(topic, olds[i]), null);
        return text;
      }
    }
    return "";
  }

  // ---- typing a note ----------------------------------------------------------------

  var pending = {}; // note key -> [timer, text box]: saved once typing pauses

  function boxKey(box) {
    return noteKey(box.getAttribute("data-topic"), box.getAttribute("data-question"));
  }

  /* Saves a text box's note and says whether it was kept; an empty box removes the note. */
  function saveNote(box) {
    var key = boxKey(box);
    if (pending[key]) clearTimeout(pending[key][0]);
    delete pending[key];
    var saved = bb.store(key, box.value.trim() ? box.value : null);
    var status = box.parentNode.querySelector(".bb-answer__status");
    setText(status, say(saved ? "notes.saved" : "notes.unsaved"));
    if (status) status.classList.toggle("bb-answer__status--problem", !saved);
    if (!saved) bb.showNote();
  }

  function noteTyped(box) {
    var key = boxKey(box);
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

  /* Typing not saved yet is dropped, never saved later (everything was just deleted). */
  function dropTyping() {
    Object.keys(pending).forEach(function (key) { clearTimeout(pending[key][0]); });
    pending = {};
  }

  // ---- building the controls, once per page view ------------------------------------

  function setUp() {
    saveTyping(); // the page before, under instant navigation
    all(".bb-checklist[data-topic]:not([data-bb-ready])").forEach(function (list) {
      list.setAttribute("data-bb-ready", "");
      var bar = make("div", "bb-bar");
      bar.appendChild(bb.statusRegion("bb-progress"));
      bar.appendChild(bb.button(say("checklist.reset"), "reset"));
      list.insertBefore(bar, list.firstChild);
    });
    all(".bb-reflection[data-topic]:not([data-bb-ready])").forEach(function (list) {
      list.setAttribute("data-bb-ready", "");
      all("textarea.bb-answer", list).forEach(function (box) {
        box.hidden = false;
        box.parentNode.appendChild(bb.statusRegion("bb-answer__status"));
        box.parentNode.appendChild(make("p", "bb-answer__copy bb-answer__copy--print"));
      });
    });
    all(".bb-template:not([data-bb-ready])").forEach(addCopyButton);
    addPrintChoice();
    refresh();
  }

  function addCopyButton(box) {
    box.setAttribute("data-bb-ready", "");
    var title = box.querySelector(".bb-template__title");
    var bar = make("div", "bb-copy");
    var copy = bb.button(say("copy.button"), "copy");
    copy.appendChild(make("span", "bb-sr", " " + say("copy.what", { title: title ? title.textContent : "" })));
    bar.appendChild(copy);
    bar.appendChild(bb.statusRegion("bb-copy__status"));
    box.insertBefore(bar, box.querySelector(".bb-template__body"));
  }

  /* Print: blank or with my ticks. The choice stays on <html> so Ctrl+P follows it too. */
  function addPrintChoice() {
    var root = bb.article();
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
    box.appendChild(bb.button(say("print.button"), "print"));
    anchor.parentNode.insertBefore(box, anchor.nextSibling);
  }

  // ---- showing the ticks and notes; runs again whenever they change ------------------

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
    after.forEach(function (show) { show(); });
    bb.showNote();
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

  // ---- actions ----------------------------------------------------------------------

  bb.actions.reset = function (control) {
    var list = control.closest(".bb-checklist");
    if (!list || !window.confirm(say("checklist.confirm_reset"))) return;
    var ticks = bb.PREFIX + list.getAttribute("data-topic") + ":";
    bb.ourKeys().forEach(function (key) {
      if (key.indexOf(ticks) === 0 && /^[a-z0-9-]+$/.test(key.slice(ticks.length))) write(key, false);
    });
    refresh();
  };

  bb.actions.copy = function (control) {
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
  };

  bb.actions.print = function () { window.print(); };

  document.addEventListener("input", function (event) {
    if (event.target.matches("textarea.bb-answer[data-question]")) noteTyped(event.target);
  });
  document.addEventListener("focusout", function (event) {
    if (event.target.matches("textarea.bb-answer[data-question]") && pending[boxKey(event.target)]) saveNote(event.target);
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
    }
  });

  // Another tab ticked or cleared something: show it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === null || event.key.indexOf(bb.PREFIX) === 0) refresh();
  });

  /* What My plan's script reads and does through this one (plan.js). */
  bb.checklist = {
    state: topicState,
    notes: notesOf,
    tickKey: keyOf,
    noteKey: noteKey,
    tick: write,
    refresh: refresh,
    after: after,
    dropTyping: dropTyping,
  };

  bb.onPage(setUp);
})();
