/*! Interview Practice start-up: loads the app once the first screen (public/shell.js, inline
 * in the page) is painted. The page loads this script `async`, after that inline script, so
 * neither the first paint nor DOMContentLoaded waits for it. */
(function () {
  'use strict';
  var me = document.currentScript;
  var html = document.documentElement;
  if (!document.getElementById('app') || html.getAttribute('data-app') === 'ready') return;

  // The app (wasm-bindgen's module and its wasm, named on this script by the build) starts
  // after the first screen is painted, so its download and compiling never hold that screen
  // back. A hidden page paints nothing: start at once.
  var glue = me && me.getAttribute('data-glue');
  var wasm = me && me.getAttribute('data-wasm');
  function start() {
    // An absolute URL: in a frame sandboxed without allow-same-origin this script counts as
    // cross-origin, and import() would resolve a path against about:blank.
    import(new URL(glue, location.href).href)
      .then(function (module) {
        return module.default({ module_or_path: new URL(wasm, location.href).href });
      })
      .then(function (exports) {
        // The event Trunk's own loader sends (the benchmark reads the wasm memory from it).
        dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: exports } }));
        registerWorker();
      })
      .catch(function (error) {
        console.error('Interview Practice could not start its WebAssembly: ' + error);
        gone().then(function (reloading) {
          if (!reloading) failed(error);
        });
      });
  }

  // The first screen's buttons wait for the app: if it cannot start, say why, before the page,
  // and offer to try again (a reload: a module that failed to load is not asked for twice).
  function failed(error) {
    var main = document.querySelector('#app main');
    if (!main) return;
    var box = document.createElement('div');
    box.className = 'notice';
    box.setAttribute('role', 'alert');
    var text = document.createElement('p');
    text.textContent = /Content Security Policy|unsafe-eval/.test(String(error))
      ? 'Interview Practice could not start: this site’s security settings block it in this browser.'
      : 'Interview Practice could not start: its files could not be downloaded. Check the connection, then try again.';
    var again = document.createElement('button');
    again.type = 'button';
    again.textContent = 'Try again';
    again.addEventListener('click', function () {
      location.reload();
    });
    box.append(text, again);
    main.parentNode.insertBefore(box, main);
    // A host page sized the frame to the first screen: it is taller now.
    var origin = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : null;
    try {
      origin = origin || new URL(document.referrer).origin;
    } catch (e) {}
    if (window.parent !== window && origin && origin !== 'null') {
      var height = Math.ceil(document.body.getBoundingClientRect().height);
      window.parent.postMessage({ source: 'interview-practice', version: 1, type: 'resize', height: height }, origin);
    }
  }

  // A file of this build could not be had (the loader and the app say so for a piece of the
  // wasm and the content file): if the host now serves another build, a deploy removed this
  // one, and the page starts again in the new one, at the same address, with everything saved
  // as it was (a page, framed or not, without a worker holding its build has no other way on).
  var asked = null;
  function gone() {
    if (!asked) {
      asked = fetch(new URL('./', location.href).href, { cache: 'no-store' })
        .then(function (response) {
          return response.ok ? response.text() : '';
        })
        .then(function (page) {
          var build = /<html[^>]* data-build="([0-9a-f]+)"/.exec(page);
          if (!build || build[1] === html.getAttribute('data-build')) return false;
          location.reload();
          return true;
        })
        .catch(function () {
          return false;
        })
        .then(function (reloading) {
          if (!reloading) asked = null;
          return reloading;
        });
    }
    return asked;
  }
  addEventListener('interview-practice:download-failed', gone);
  // The service worker's registration (public/sw-register.js) waits for the app anyway; its
  // script is fetched only now, so it never competes with the first screen. A frame never
  // registers one.
  function registerWorker() {
    var src = me && me.getAttribute('data-sw');
    if (!src || window.parent !== window) return;
    var script = document.createElement('script');
    script.src = src;
    script.async = true;
    document.head.appendChild(script);
  }
  // A first screen already painted (this script came after the paint, as it may where the
  // page asked for the app's files first: public/shell.js) holds nothing back either.
  function painted() {
    try {
      return performance.getEntriesByType('paint').length > 0;
    } catch (e) {
      return false;
    }
  }
  if (glue && wasm) {
    if (document.visibilityState === 'hidden' || painted()) start();
    else requestAnimationFrame(function () { setTimeout(start, 0); });
  }
})();
