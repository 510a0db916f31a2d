/* Bounce Back's application tracker (My applications): add, edit and delete applications,
 * see where the no's happened, export them as CSV and print them.
 *
 * The list lives in this browser only, as one localStorage key, PREFIX + "applications" =
 * a JSON array of flat records of texts (the reader store contract, so My plan's export,
 * import and "Delete everything" carry it). Storage goes through window.bb (store.js):
 * blocked or full, the list stays on the page for the visit and the page says it was not
 * saved; a stored value that is not such a list reads as empty and is reported. What the
 * reader typed reaches the page only as text (textContent, .value), never as markup. The
 * summary's links are written by the build; this only counts and shows them. Every word
 * comes from the page (the kit's data-words and #bb-strings). Only this page loads it.
 */
(function () {
  "use strict";

  if (window.bbApps) return; // instant navigation runs a page's scripts again: set up once
  window.bbApps = true;

  // What one application holds, in the order of the form, the list and the CSV's columns.
  var FIELDS = ["company", "role", "applied", "stage", "outcome", "contact_name", "contact_email", "feedback", "next_step", "follow_up"];
  var LABELS = {
    company: "apps.fields.company", role: "apps.fields.role", applied: "apps.fields.applied", stage: "apps.fields.stage",
    outcome: "apps.fields.outcome", contact_name: "apps.fields.contact_name", contact_email: "apps.fields.contact_email",
    feedback: "apps.fields.feedback", next_step: "apps.fields.next_step", follow_up: "apps.fields.follow_up",
  };
  var INPUTS = { applied: "date", follow_up: "date", contact_email: "email" }; // the rest: text, but:
  var CHOICES = {
    stage: [["applied", "apps.stages.applied"], ["screened-out", "apps.stages.screened_out"],
      ["phone-screen", "apps.stages.phone_screen"], ["interview", "apps.stages.interview"],
      ["final-round", "apps.stages.final_round"], ["offer", "apps.stages.offer"]],
    outcome: [["waiting", "apps.outcomes.waiting"], ["turned-down", "apps.outcomes.turned_down"],
      ["accepted", "apps.outcomes.accepted"], ["declined", "apps.outcomes.declined"], ["withdrew", "apps.outcomes.withdrew"]],
  };
  var TURNED_DOWN = "turned-down";
  var LONGEST = { feedback: 20000 }; // characters; other fields 500. My plan's file takes 100,000 a text
  var DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
  var ID = "bb-apps-"; // the ids of the form's fields: one tracker per page

  var bb = null;
  var KEY = "";
  var entries = []; // the list as stored (or kept in memory when storage refuses it)
  var editing = null; // the id of the application in the form, null when adding one
  var unreadable = false; // the stored value was not a list of applications

  function start() {
    bb = window.bb;
    KEY = bb.PREFIX + "applications";
    bb.actions["apps-edit"] = function (button) { edit(button.getAttribute("data-id")); };
    bb.actions["apps-delete"] = function (button) { remove(button.getAttribute("data-id")); };
    bb.actions["apps-cancel"] = function () { stopEditing(true); };
    bb.actions["apps-csv"] = exportCsv;
    bb.actions["apps-print"] = function () { window.print(); };
    bb.actions["apps-calendar"] = function (button) { remind(button.getAttribute("data-id")); };
    // Another tab changed the list (or deleted everything): show it here too.
    window.addEventListener("storage", function (event) {
      if ((event.key === KEY || event.key === null) && tracker()) {
        load();
        show();
      }
    });
    bb.onPage(setUp);
  }

  // ---- the stored list --------------------------------------------------------------

  function isFlat(entry) {
    return entry !== null && typeof entry === "object" && !Array.isArray(entry) && Object.keys(entry).every(function (key) {
      var value = entry[key];
      return value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && isFinite(value));
    });
  }

  /* The stored list into `entries`: every field a text, every entry its own id. Keys this
     version does not know are kept; names an export file would refuse are dropped. */
  function load() {
    var text = bb.read(KEY);
    var list = null;
    entries = [];
    unreadable = false;
    if (text === null) return;
    try { list = JSON.parse(text); } catch (e) { /* reported below */ }
    if (!Array.isArray(list) || !list.every(isFlat)) {
      unreadable = true;
      bb.problem = bb.problem || "unreadable";
      return;
    }
    var seen = {};
    entries = list.map(function (stored) {
      var entry = {};
      Object.keys(stored).forEach(function (key) {
        if (!/^(__proto__|constructor|prototype)$/.test(key) && key.length <= 200) entry[key] = stored[key];
      });
      FIELDS.forEach(function (field) {
        var value = entry[field];
        entry[field] = value === null || value === undefined ? "" : String(value);
      });
      if (typeof entry.id !== "string" || !entry.id || seen["#" + entry.id]) entry.id = newId();
      seen["#" + entry.id] = true;
      return entry;
    });
  }

  function newId() {
    return "a" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  /* Stores the list and says so: `done` when the browser kept it, the not-saved message when not. */
  function save(done) {
    var saved = bb.store(KEY, entries.length ? JSON.stringify(entries) : null);
    if (saved) unreadable = false;
    tell(saved ? bb.say(done) : bb.say("apps.unsaved"), !saved);
    if (!saved) bb.showNote();
  }

  function find(id) {
    for (var i = 0; i < entries.length; i++) if (entries[i].id === id) return entries[i];
    return null;
  }

  /* Newest date applied first, then those without a date; the same day in company order. */
  function sorted() {
    return entries.slice().sort(function (a, b) {
      var dayA = DAY.test(a.applied) ? a.applied : "";
      var dayB = DAY.test(b.applied) ? b.applied : "";
      if (dayA !== dayB) return !dayA ? 1 : !dayB ? -1 : dayA < dayB ? 1 : -1;
      return a.company.localeCompare(b.company, bb.lang, { sensitivity: "base" }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  }

  /* A field as the reader reads it: a date in words, a stage or outcome by its label. */
  function shown(entry, field, asWords) {
    var value = entry[field];
    var choice = (CHOICES[field] || []).filter(function (pair) { return pair[0] === value; })[0];
    if (choice) return bb.say(choice[1]);
    var day = asWords && DAY.exec(value);
    var when = day && new Date(+day[1], day[2] - 1, +day[3]);
    return when && when.getDate() === +day[3] ? bb.date(when) : value;
  }

  // ---- building the tracker, once per page view -------------------------------------

  function tracker() {
    return document.querySelector("[data-bb-apps][data-bb-ready]");
  }

  function setUp() {
    var root = document.querySelector("[data-bb-apps]:not([data-bb-ready])");
    if (!root) return;
    root.setAttribute("data-bb-ready", "");
    editing = null;
    load();
    var paper = document.querySelector("[data-bb-apps-paper]");
    if (paper) paper.hidden = true; // the blank table is for those without the tracker
    root.appendChild(makeForm());
    root.appendChild(bb.statusRegion("bb-apps__status"));
    var heading = bb.make("h2", "bb-apps__heading", bb.say("apps.list_heading"));
    heading.tabIndex = -1;
    root.appendChild(heading);
    root.appendChild(bb.make("p", "bb-apps__count"));
    root.appendChild(bb.make("ul", "bb-apps__list"));
    var tools = bb.make("div", "bb-apps__tools");
    tools.appendChild(bb.button(bb.say("apps.export"), "apps-csv"));
    tools.appendChild(bb.button(bb.say("apps.print"), "apps-print"));
    root.appendChild(tools);
    show();
    var summary = document.querySelector("[data-bb-apps-summary]");
    if (summary) summary.hidden = false;
  }

  function makeForm() {
    var form = bb.make("form", "bb-apps__form");
    form.noValidate = true; // the one rule (a company) is said in words, in our own message
    var heading = bb.make("h2", "bb-apps__form-heading", bb.say("apps.add_heading"));
    heading.tabIndex = -1;
    form.appendChild(heading);
    form.appendChild(bb.make("p", "bb-apps__needed", bb.say("apps.needed")));
    var fields = bb.make("div", "bb-apps__fields");
    FIELDS.forEach(function (field) { fields.appendChild(makeField(field)); });
    form.appendChild(fields);
    var buttons = bb.make("div", "bb-apps__buttons");
    var submit = bb.make("button", "bb-button bb-apps__submit", bb.say("apps.add"));
    submit.type = "submit";
    buttons.appendChild(submit);
    var cancel = bb.button(bb.say("apps.cancel"), "apps-cancel");
    cancel.hidden = true;
    buttons.appendChild(cancel);
    form.appendChild(buttons);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submitForm(form);
    });
    return form;
  }

  function makeField(field) {
    var box = bb.make("div", "bb-apps__field bb-apps__field--" + field.replace("_", "-"));
    var label = bb.make("label", "", bb.say(LABELS[field]));
    label.htmlFor = ID + field;
    box.appendChild(label);
    var input;
    if (CHOICES[field]) {
      input = bb.make("select");
      CHOICES[field].forEach(function (pair) {
        var option = bb.make("option", "", bb.say(pair[1]));
        option.value = pair[0];
        input.appendChild(option);
      });
    } else if (field === "feedback") {
      input = bb.make("textarea");
      input.rows = 3;
    } else {
      input = bb.make("input");
      input.type = INPUTS[field] || "text";
      if (field === "contact_email") input.autocomplete = "off";
    }
    if (!CHOICES[field]) input.maxLength = LONGEST[field] || 500;
    input.id = ID + field;
    input.name = field;
    input.className = "bb-input"; // checklist.css: one look for every box a reader writes in
    box.appendChild(input);
    if (field === "company") {
      input.setAttribute("aria-required", "true");
      var error = bb.make("p", "bb-apps__error");
      error.id = ID + "company-error";
      error.hidden = true;
      box.appendChild(error);
    }
    return box;
  }

  function control(field) {
    return document.getElementById(ID + field);
  }

  function tell(text, problem) {
    var status = document.querySelector(".bb-apps__status");
    if (!status) return;
    status.textContent = text; // set even when unchanged: a second "Application added" is news too
    status.classList.toggle("bb-apps__status--problem", !!problem);
  }

  /* The company is the one thing needed: say so at the field, and go there. */
  function companyMissing(missing) {
    var company = control("company");
    var error = document.getElementById(ID + "company-error");
    error.textContent = missing ? bb.say("apps.company_missing") : "";
    error.hidden = !missing;
    if (missing) {
      company.setAttribute("aria-invalid", "true");
      company.setAttribute("aria-describedby", error.id);
      company.focus();
    } else {
      company.removeAttribute("aria-invalid");
      company.removeAttribute("aria-describedby");
    }
  }

  function submitForm(form) {
    if (!control("company").value.trim()) {
      tell("");
      companyMissing(true);
      return;
    }
    companyMissing(false);
    var entry = editing !== null && find(editing);
    var added = !entry;
    if (added) {
      entry = { id: newId() };
      entries.push(entry);
    }
    FIELDS.forEach(function (field) { entry[field] = control(field).value; });
    save(added ? "apps.added" : "apps.saved");
    stopEditing(false);
    form.reset();
    show();
    if (added) control("company").focus();
    else focusEntry(entry.id);
  }

  // ---- editing and deleting ---------------------------------------------------------

  function edit(id) {
    var entry = find(id);
    if (!entry) return;
    editing = id;
    companyMissing(false);
    FIELDS.forEach(function (field) {
      var input = control(field);
      if (CHOICES[field]) {
        bb.all("option[data-bb-other]", input).forEach(function (option) { option.remove(); });
        if (entry[field] && !CHOICES[field].some(function (pair) { return pair[0] === entry[field]; })) {
          var other = bb.make("option", "", entry[field]); // a value this version has no word for stays as it is
          other.value = entry[field];
          other.setAttribute("data-bb-other", "");
          input.appendChild(other);
        }
      }
      input.value = entry[field];
    });
    bb.setText(document.querySelector(".bb-apps__form-heading"), bb.say("apps.edit_heading", { company: entry.company }));
    bb.setText(document.querySelector(".bb-apps__submit"), bb.say("apps.save"));
    document.querySelector("[data-bb=apps-cancel]").hidden = false;
    control("company").focus();
  }

  /* Back to adding; `cancelled`: the reader chose Cancel, so the form empties and focus
     returns to the application they were editing. */
  function stopEditing(cancelled) {
    var was = editing;
    editing = null;
    var form = document.querySelector(".bb-apps__form");
    if (!form) return;
    bb.setText(form.querySelector(".bb-apps__form-heading"), bb.say("apps.add_heading"));
    bb.setText(form.querySelector(".bb-apps__submit"), bb.say("apps.add"));
    form.querySelector("[data-bb=apps-cancel]").hidden = true;
    if (!cancelled) return;
    companyMissing(false);
    form.reset();
    bb.all("option[data-bb-other]", form).forEach(function (option) { option.remove(); });
    if (!focusEntry(was)) control("company").focus();
  }

  function remove(id) {
    var entry = find(id);
    if (!entry || !window.confirm(bb.say("apps.confirm_delete", { company: entry.company }))) return;
    entries.splice(entries.indexOf(entry), 1);
    if (editing === id) stopEditing(true);
    save("apps.deleted");
    show();
    document.querySelector(".bb-apps__heading").focus();
  }

  function focusEntry(id) {
    var button = id && bb.all(".bb-apps__list [data-bb=apps-edit]").filter(function (b) { return b.getAttribute("data-id") === id; })[0];
    if (button) button.focus();
    return !!button;
  }

  // ---- showing the list and the summary; runs again whenever the list changes -------

  function show() {
    var list = document.querySelector(".bb-apps__list");
    if (!list) return;
    var shownEntries = sorted();
    list.textContent = "";
    shownEntries.forEach(function (entry) { list.appendChild(makeEntry(entry)); });
    bb.setText(document.querySelector(".bb-apps__count"),
      shownEntries.length ? bb.count("apps.listed", shownEntries.length) : bb.say("apps.empty"));
    if (editing !== null && !find(editing)) stopEditing(false); // deleted in another tab
    showSummary();
    bb.showNote();
    var note = unreadable && document.querySelector("article .bb-note");
    if (note && bb.problem === "unreadable") bb.setText(note, bb.say("apps.unreadable"));
  }

  function makeEntry(entry) {
    var item = bb.make("li", "bb-apps__entry");
    item.appendChild(bb.make("h3", "bb-apps__company", entry.company));
    var details = bb.make("dl", "bb-apps__details");
    FIELDS.slice(1).forEach(function (field) {
      if (!entry[field]) return;
      details.appendChild(bb.make("dt", "", bb.say(LABELS[field])));
      details.appendChild(bb.make("dd", "bb-apps__" + field.replace("_", "-"), shown(entry, field, true)));
    });
    item.appendChild(details);
    var buttons = bb.make("div", "bb-apps__actions");
    buttons.appendChild(entryButton("apps.edit", "apps-edit", entry));
    buttons.appendChild(entryButton("apps.delete", "apps-delete", entry));
    // Reminders: when the page also loads calendar.js (bb.calendar), a follow-up date can go in a calendar.
    // A date of the calendar only: an imported "2026-13-45" gets no button that would do nothing.
    if (bb.calendar && bb.calendar.file({ uid: "x", date: entry.follow_up, summary: "" })) buttons.appendChild(entryButton("apps.calendar", "apps-calendar", entry));
    item.appendChild(buttons);
    return item;
  }

  /* A button whose accessible name says which application it is for: "Edit application to Acme". */
  function entryButton(words, action, entry) {
    var button = bb.button(bb.say(words), action);
    button.setAttribute("data-id", entry.id);
    button.appendChild(bb.make("span", "bb-sr", " " + bb.say("apps.about", { company: entry.company })));
    return button;
  }

  /* For each stage, how many applications turned down there; the build wrote the links. */
  function showSummary() {
    var summary = document.querySelector("[data-bb-apps-summary]");
    if (!summary) return;
    var total = 0;
    bb.all("li[data-stage]", summary).forEach(function (row) {
      var n = entries.filter(function (e) { return e.outcome === TURNED_DOWN && e.stage === row.getAttribute("data-stage"); }).length;
      total += n;
      row.hidden = !n;
      bb.setText(row.querySelector("[data-bb-count]"), bb.count("apps.summary_count", n));
    });
    var none = summary.querySelector("[data-bb-none]");
    bb.setText(none, bb.say("apps.summary_none"));
    none.hidden = total > 0;
  }

  // ---- CSV, reminders ---------------------------------------------------------------

  /* One cell of RFC 4180 CSV. A cell a spreadsheet would run as a formula (= + - @, or a tab
     or carriage return first) starts with ' instead, so it shows as the text it is. */
  function csvCell(text) {
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function today() {
    var now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(function (n) { return n < 10 ? "0" + n : "" + n; }).join("-");
  }

  /* The list as a CSV file made here: UTF-8 with a byte order mark (so Excel reads it as
     UTF-8), CRLF line ends, a header row of the form's labels, stages and outcomes in words. */
  function exportCsv() {
    var rows = [FIELDS.map(function (field) { return bb.say(LABELS[field]); })];
    sorted().forEach(function (entry) {
      rows.push(FIELDS.map(function (field) { return shown(entry, field, false); }));
    });
    var text = "\uFEFF" + rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
    var name = "bounce-back-applications-" + today() + ".csv";
    bb.download(name, text, "text/csv;charset=utf-8");
    tell(bb.say("apps.exported", { file: name }));
  }

  function remind(id) {
    var entry = find(id);
    if (!entry || !bb.calendar) return;
    var lines = [];
    if (entry.role) lines.push(bb.say("apps.follow_up_role", { role: entry.role }));
    if (entry.next_step) lines.push(bb.say("apps.follow_up_next", { next: entry.next_step }));
    var added = bb.calendar.add({
      uid: "application-" + entry.id, date: entry.follow_up, summary: bb.say("apps.follow_up_summary", { company: entry.company }),
      description: lines.join("\n"), url: location.href.split("#")[0],
    });
    var day = entry.follow_up.split("-");
    if (added) tell(bb.say("calendar.saved", { date: bb.date(new Date(+day[0], day[1] - 1, +day[2])) }));
  }

  if (window.bb) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
