/*! Interview Practice start-up: loads the app once the first screen (public/shell.js, inline
 * in the page) is painted. The page loads this script `async`, after that inline script, so
 * neither the first paint nor DOMContentLoaded waits for it. */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!document.getElementById('app') || document.documentElement.getAttribute('data-app') === 'ready') return;

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
      });
  }
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
  if (glue && wasm) {
    if (document.visibilityState === 'hidden') start();
    else requestAnimationFrame(function () { setTimeout(start, 0); });
  }
})();
