/* Keeps the guide on this device: registers the service worker the build wrote (sw.js,
 * beside manifest.webmanifest at the site's root, see scripts/bounceback/offline.py) and
 * says, quietly, when a newer build of the guide has taken over. What a reader saved is
 * in localStorage, which the worker never touches, so an update keeps all of it.
 *
 * Only a built site loads this script, once per page load (overrides/main.html, when the
 * build set config.extra.offline): not `mkdocs serve`, and not the downloaded copy, which
 * opens from disk, where no service worker can run.
 */
(function () {
  "use strict";

  var manifest = document.querySelector('link[rel="manifest"]');
  var workers = navigator.serviceWorker; // none on plain http to another host, nor in some private windows
  if (!manifest || !workers) return;
  var root = new URL(".", manifest.href).href;
  var hadWorker = !!workers.controller;

  // A newer build took over (the very first worker of all takes over quietly): an
  // announced line at the top of the page, never in the way.
  workers.addEventListener("controllerchange", function () {
    if (hadWorker) {
      var article = bb.article();
      var note = article.insertBefore(bb.statusRegion("bb-note"), article.firstChild);
      bb.readWords();
      setTimeout(function () { bb.setText(note, bb.say("offline.updated")); }, 100);
    }
    hadWorker = true;
  });

  // After the page has loaded, so keeping the guide never slows the first visit. Without
  // a worker (storage off, a browser that refuses it) the guide works online as before.
  addEventListener("load", function () {
    workers.register(root + "sw.js", { scope: root }).catch(function () {});
  });
})();
