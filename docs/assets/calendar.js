/* Bounce Back calendar reminders: "Add to calendar" saves an .ics file made here, in the
 * browser, that Google Calendar, Outlook and Apple Calendar import. Nothing is sent anywhere.
 *
 * window.bb.calendar (defined once store.js has run, by DOMContentLoaded), for any page:
 *   file(event) -> the iCalendar text (RFC 5545), "" when event.date is not a day;
 *   add(event)  -> downloads it as bounce-back-reminder-<date>.ics; false when there was nothing to save;
 * with event = {uid, date: "YYYY-MM-DD", summary, description, url}: an all-day event on
 * `date` (uid: the same reminder added again replaces itself in the calendar rather than
 * doubling; "@<host>" is added to it), `description` a short line, to which the file adds
 * `url` on a line of its own (and as the URL property, for http(s) addresses).
 *
 * On a topic page, each checklist item the build marked data-remind="<days>" (content's
 * remind_after_days) gets the button, for today + that many days in the reader's own
 * calendar. Only topic pages with such an item load this file, with its words (.bb-kit,
 * script.calendar.* in the strings file) and calendar.css.
 */
(function () {
  "use strict";

  if (window.bbCalendar) return; // instant navigation runs a page's scripts again: set up once
  window.bbCalendar = true;

  var CRLF = "\r\n";
  var MAX_OCTETS = 75; // a content line's length limit, its line break not counted (RFC 5545 3.1)
  var DAY_MS = 86400000;

  function pad(n, width) {
    var text = String(n);
    while (text.length < (width || 2)) text = "0" + text;
    return text;
  }

  /* "YYYY-MM-DD" as midnight UTC that day, or null when it is no day of the calendar. */
  function parseDay(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text));
    if (!m) return null;
    var when = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    var same = when.getUTCFullYear() === +m[1] && when.getUTCMonth() === +m[2] - 1 && when.getUTCDate() === +m[3];
    return same ? when : null;
  }

  function basicDate(when) { // YYYYMMDD, of a date held as UTC
    return pad(when.getUTCFullYear(), 4) + pad(when.getUTCMonth() + 1) + pad(when.getUTCDate());
  }

  function utcStamp(when) { // YYYYMMDDTHHMMSSZ
    return basicDate(when) + "T" + pad(when.getUTCHours()) + pad(when.getUTCMinutes()) + pad(when.getUTCSeconds()) + "Z";
  }

  /* A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, each line break
     written \n; other control characters, which TEXT may not hold, dropped. */
  function text(value) {
    return String(value == null ? "" : value)
      .replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
  }

  /* One content line folded at 75 octets of UTF-8, each continuation starting with a space:
     never inside a character (a surrogate pair, a multi-byte one) nor an escape such as \, */
  function fold(line) {
    var out = "";
    var used = 0;
    for (var i = 0; i < line.length; ) {
      var code = line.charCodeAt(i);
      var size = 1;
      var octets = code < 0x80 ? 1 : code < 0x800 ? 2 : 3; // a lone surrogate is written as U+FFFD: 3
      if (code >= 0xd800 && code <= 0xdbff && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        size = 2;
        octets = 4;
      } else if (code === 0x5c && i + 1 < line.length && line.charCodeAt(i + 1) < 0x80) {
        size = 2; // "\\", "\;", "\,", "\n" stay together
        octets = 2;
      }
      if (used + octets > MAX_OCTETS) {
        out += CRLF + " ";
        used = 1;
      }
      out += line.substr(i, size);
      used += octets;
      i += size;
    }
    return out;
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    try {
      window.crypto.getRandomValues(bytes);
    } catch (e) {
      for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    }
    return Array.prototype.map.call(bytes, function (b) { return pad(b.toString(16)); }).join("");
  }

  /* The event's own id, in characters no calendar misreads, and "@<this site's host>". */
  function uid(event) {
    var id = String(event.uid || "").replace(/[^A-Za-z0-9._@-]+/g, "-") || randomId();
    return id.indexOf("@") < 0 ? id + "@" + (location.hostname || "bounce-back") : id;
  }

  function uri(url) { // no space or control character can end the line early
    return String(url).replace(/[\u0000-\u0020\u007f]/g, function (c) { return encodeURIComponent(c); });
  }

  function file(event) {
    event = event || {};
    var day = parseDay(event.date);
    if (!day) return "";
    var url = event.url ? String(event.url) : "";
    var description = event.description ? String(event.description) : "";
    if (url && description.indexOf(url) < 0) description += (description ? "\n" : "") + url;
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Bounce Back//Reminders//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      "UID:" + uid(event),
      "DTSTAMP:" + utcStamp(new Date()),
      "DTSTART;VALUE=DATE:" + basicDate(day),
      "DTEND;VALUE=DATE:" + basicDate(new Date(day.getTime() + DAY_MS)), // the day after: Outlook wants an end
      "SUMMARY:" + text(event.summary),
      "DESCRIPTION:" + text(description),
    ];
    if (/^https?:\/\//i.test(url)) lines.push("URL:" + uri(url));
    lines.push(
      "TRANSP:TRANSPARENT", // a reminder, not a busy day
      "BEGIN:VALARM", // at 9:00 that day, where the calendar keeps alarms from a file
      "ACTION:DISPLAY",
      "DESCRIPTION:" + text(event.summary),
      "TRIGGER:PT9H",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR"
    );
    return lines.map(fold).join(CRLF) + CRLF;
  }

  function add(event) {
    var ics = file(event);
    if (!ics) return false;
    window.bb.download("bounce-back-reminder-" + event.date + ".ics", ics, "text/calendar");
    return true;
  }

  /* Today + `days` in the reader's own calendar, as a local date at noon: the day is right
     across month and year ends, and a clock change at midnight cannot move it. */
  function inDays(days) {
    var now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12);
  }

  function isoDay(when) { // YYYY-MM-DD of a local date
    return pad(when.getFullYear(), 4) + "-" + pad(when.getMonth() + 1) + "-" + pad(when.getDate());
  }

  function start() {
    var bb = window.bb;
    bb.calendar = { file: file, add: add };

    function days(item) {
      var n = Number(item.getAttribute("data-remind"));
      return n >= 1 && n <= 365 && n === Math.floor(n) ? n : 0;
    }

    function itemText(item) {
      var words = item.querySelector(".bb-item__text");
      return words ? words.textContent.trim() : "";
    }

    function addButton(item) {
      item.setAttribute("data-bb-ready", "");
      if (!days(item)) return;
      var bar = bb.make("div", "bb-remind");
      var button = bb.button(bb.say("calendar.button"), "remind");
      button.appendChild(bb.make("span", "bb-sr", " " + bb.count("calendar.what", days(item), { item: itemText(item) })));
      bar.appendChild(button);
      bar.appendChild(bb.statusRegion("bb-remind__status"));
      item.appendChild(bar);
    }

    bb.actions.remind = function (button) {
      var item = button.closest(".bb-item");
      var box = item.querySelector("input[data-item]");
      var due = inDays(days(item));
      var title = bb.article().querySelector("h1");
      var added = add({
        uid: (box ? box.getAttribute("data-topic") + "-" + box.getAttribute("data-item") : "reminder") + "-" + isoDay(due),
        date: isoDay(due),
        summary: itemText(item),
        description: bb.say("calendar.description", { title: title ? title.textContent.trim() : document.title }),
        url: location.href.split("#")[0],
      });
      // Written even when unchanged: a second download is announced again.
      item.querySelector(".bb-remind__status").textContent = added ? bb.say("calendar.saved", { date: bb.date(due) }) : "";
    };

    bb.onPage(function () {
      bb.all("article .bb-checklist .bb-item[data-remind]:not([data-bb-ready])").forEach(addButton);
    });
  }

  if (window.bb) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
