/* Bounce Back fill-in templates: the [placeholders] of a template become fields.
 *
 * The build wraps each placeholder of a template body in <span data-field="<name>">
 * (scripts/bounceback/placeholders.py), so nothing here parses text. Above each body this
 * adds labelled inputs, one per placeholder in order of first use; what the reader types
 * replaces the placeholder as they type, in every template of every page that uses the
 * same name (an empty field shows the placeholder again). Values stay in this browser,
 * under "bounceback:<site path>:field:<name>" (the reader store contract, so export and
 * import carry them). Every storage call is guarded: blocked or full, the values last for
 * the visit and the fields say so. Values reach the page only as text (textContent,
 * .value, an encoded URL), never as markup. A body whose first line is its subject
 * (data-mail) also gets "Open in email app", a mailto: link (RFC 6068).
 *
 * Only topic pages with templates load this file (with its words and style), so no other
 * page grows. checklist.js copies the body's text, so Copy gives the filled text.
 */
(function () {
  "use strict";

  if (window.bbFillIn) return; // instant navigation runs a page's scripts again: set up once
  window.bbFillIn = true;

  var bb, say, make, all;
  var unsaved = false; // a value this browser refused: it lasts for the visit (in bb's memory)
  var original = new WeakMap(); // each placeholder's own text, shown while its field is empty

  function read(name) {
    return bb.read(bb.PREFIX + "field:" + name) || "";
  }

  function write(name, value) {
    if (!bb.store(bb.PREFIX + "field:" + name, value || null)) unsaved = true;
  }

  // ---- building the fields, once per template -----------------------------------------

  function setUp() {
    all(".bb-template:not([data-fill-ready])").forEach(function (box) {
      box.setAttribute("data-fill-ready", "");
      var part = make("div", "bb-fill");
      var spans = all(".bb-template__body [data-field]", box);
      if (spans.length) part.appendChild(fieldsFor(spans));
      if (box.hasAttribute("data-mail")) part.appendChild(mailLink(box));
      var title = box.querySelector(".bb-template__title");
      if (part.firstChild) box.insertBefore(part, title ? title.nextSibling : box.firstChild);
    });
    // Beside Copy once checklist.js has made it (it may set up this page before or after us).
    all(".bb-fill > .bb-fill__mail").forEach(function (link) {
      var copy = link.closest(".bb-template").querySelector(".bb-copy > button");
      if (copy) copy.parentNode.insertBefore(link, copy.nextSibling);
    });
    fill();
  }

  function fieldsFor(spans) {
    var set = make("fieldset", "bb-fill__fields");
    set.appendChild(make("legend", "", say("fill.legend")));
    var list = make("div", "bb-fill__list");
    var seen = {};
    spans.forEach(function (span) {
      var name = span.getAttribute("data-field");
      if (seen[name]) return;
      seen[name] = true;
      var label = make("label", "bb-fill__field", span.textContent.slice(1, -1).trim());
      var input = make("input", "bb-input");
      input.type = "text";
      input.setAttribute("data-fill", name);
      label.appendChild(input);
      list.appendChild(label);
    });
    set.appendChild(list);
    set.appendChild(make("p", "bb-fill__kept", say("fill.kept")));
    var status = make("p", "bb-fill__status");
    status.setAttribute("role", "status");
    set.appendChild(status);
    return set;
  }

  function mailLink(box) {
    var title = box.querySelector(".bb-template__title");
    var link = make("a", "bb-button bb-fill__mail", say("fill.mail"));
    link.appendChild(make("span", "bb-sr", " " + say("copy.what", { title: title ? title.textContent : "" })));
    return link;
  }

  // ---- showing the values; runs again whenever one changes --------------------------

  /* Every placeholder, field and email link of the page, or only those of `name`; `typing`
     is the field the reader is typing in, left as it is. */
  function fill(name, typing) {
    all(".bb-template__body [data-field]").forEach(function (span) {
      var key = span.getAttribute("data-field");
      if (name && key !== name) return;
      if (!original.has(span)) original.set(span, span.textContent);
      var value = read(key);
      var text = value.trim() ? value : original.get(span);
      if (span.textContent !== text) span.textContent = text;
      span.toggleAttribute("data-filled", text !== original.get(span));
    });
    all("input[data-fill]").forEach(function (input) {
      var key = input.getAttribute("data-fill");
      if ((!name || key === name) && input !== typing && input.value !== read(key)) input.value = read(key);
    });
    all(".bb-template[data-mail] .bb-fill__mail").forEach(function (link) {
      var code = link.closest(".bb-template").querySelector(".bb-template__body code");
      if (code) link.href = mailto(code);
    });
    all(".bb-fill__status").forEach(function (status) {
      var text = unsaved || bb.problem === "unsaved" ? say("fill.unsaved") : "";
      if (status.textContent !== text) status.textContent = text;
    });
  }

  /* mailto:?subject=...&body=... (RFC 6068): the first line of the text (after its
     "Subject:") and the rest, blank lines at its start dropped, line breaks as CRLF. The
     first line ends at the body's own first line break, never inside a filled-in value. */
  function mailto(code) {
    var subject = "";
    var rest = null;
    Array.prototype.forEach.call(code.childNodes, function (node) {
      var text = node.textContent;
      var at = node.nodeType === 3 ? text.indexOf("\n") : -1;
      if (rest !== null) rest += text;
      else if (at < 0) subject += text;
      else {
        subject += text.slice(0, at);
        rest = text.slice(at + 1);
      }
    });
    subject = subject.replace(/^[^:]*:\s*/, "").replace(/\s*[\r\n]+\s*/g, " ").trim();
    rest = (rest || "").replace(/^(?:[ \t]*\r?\n)+/, "").replace(/\r\n|\r|\n/g, "\r\n");
    return "mailto:?subject=" + encode(subject) + "&body=" + encode(rest);
  }

  /* encodeURIComponent, which throws on half an emoji (a lone surrogate): that becomes
     U+FFFD (in a browser without toWellFormed, every emoji of that text does). */
  function encode(text) {
    try {
      return encodeURIComponent(text);
    } catch (e) {
      return encodeURIComponent(text.toWellFormed ? text.toWellFormed() : text.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
    }
  }

  // ---- events -----------------------------------------------------------------------

  function start() {
    bb = window.bb;
    say = bb.say;
    make = bb.make;
    all = bb.all;
    document.addEventListener("input", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches("input[data-fill]")) return;
      var name = input.getAttribute("data-fill");
      write(name, input.value);
      fill(name, input);
    });
    // Another tab filled something in: show it here too.
    window.addEventListener("storage", function (event) {
      if (event.key === null || event.key.indexOf(bb.PREFIX + "field:") === 0) fill();
    });
    bb.onPage(setUp);
  }

  // On a first load this file runs before store.js (it sits earlier in the page): wait for it.
  if (window.bb) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
