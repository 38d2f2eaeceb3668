/*! Interview Practice offline support: registers the service worker (public/sw.js) once the
 * app has started, and tells the reader when a new version is ready. A framed widget never
 * registers one (the host page's visit is not an install), and where the browser refuses
 * one the app works online as before. */
(function () {
  'use strict';
  if (window.parent !== window) return;
  var sw = null;
  try {
    sw = window.isSecureContext ? navigator.serviceWorker : null;
  } catch (e) {}
  if (!sw) return;
  // The worker sits beside this script, the page and the rest of the build, wherever the host
  // put them; its scope is that folder.
  var me = document.currentScript;
  var WORKER = new URL('sw.js', me && me.src ? me.src : location.href).href;
  var html = document.documentElement;
  // The build this page is (scripts/dist-extras.mjs writes its id into the page and the worker).
  var BUILD = html.getAttribute('data-build');
  var updating = false;

  // The app's start comes first: the worker's downloads wait until it is running.
  function whenStarted(then) {
    function check() {
      if (document.readyState !== 'complete' || html.getAttribute('data-app') !== 'ready') return false;
      then();
      return true;
    }
    if (check()) return;
    var observer = new MutationObserver(function () {
      if (check()) observer.disconnect();
    });
    observer.observe(html, { attributes: true, attributeFilter: ['data-app'] });
    window.addEventListener('load', function () {
      if (check()) observer.disconnect();
    });
  }

  // Tells `worker` which build this page runs (it keeps that build's files while the page is
  // open); resolves to the build the worker holds (no answer in time: none).
  function tell(worker) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        resolve(event.data && event.data.build);
      };
      setTimeout(function () { resolve(null); }, 3000);
      worker.postMessage({ type: 'build', build: BUILD }, [channel.port2]);
    });
  }

  function apply(worker) {
    updating = true;
    worker.postMessage({ type: 'skip-waiting' });
  }

  function offer(registration) {
    var worker = registration.waiting;
    if (!worker) return;
    tell(worker).then(function (build) {
      // Online, the page already came from the new build: only its offline copy was old.
      if (BUILD && build === BUILD) worker.postMessage({ type: 'skip-waiting' });
      else notify(worker);
    });
  }

  // Outside #app, which the app replaces when it starts.
  function notify(worker) {
    var box = document.getElementById('update-notice');
    if (!box) {
      box = document.createElement('div');
      box.id = 'update-notice';
      box.className = 'update-notice';
      box.setAttribute('role', 'status');
      document.body.appendChild(box);
    }
    var text = document.createElement('p');
    text.textContent = 'A new version of Interview Practice is ready. It starts the next time you open the app.';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Update now';
    button.addEventListener('click', function () {
      button.disabled = true;
      apply(worker);
    });
    box.replaceChildren(text, button);
  }

  // The reader asked for the new version: this tab reloads into it once it is in charge.
  // Otherwise the new worker hears which build this page runs.
  sw.addEventListener('controllerchange', function () {
    if (updating) location.reload();
    else if (sw.controller) tell(sw.controller);
  });

  // Then the network is the page's own for a moment: the worker downloads every file of the
  // build, and a reader who starts an interview at once should not share the connection with
  // it. It registers once no download of the page has finished for QUIET ms.
  var QUIET = 2000;
  function whenQuiet(then) {
    var timer = null;
    var observer = null;
    function done() {
      if (observer) observer.disconnect();
      then();
    }
    function wait() {
      clearTimeout(timer);
      timer = setTimeout(done, QUIET);
    }
    try {
      observer = new PerformanceObserver(wait);
      observer.observe({ type: 'resource' });
    } catch (e) {}
    wait();
  }

  whenStarted(function () {
    whenQuiet(register);
  });

  function register() {
    sw.register(WORKER)
      .then(function (registration) {
        if (sw.controller) tell(sw.controller);
        offer(registration);
        registration.addEventListener('updatefound', function () {
          var installing = registration.installing;
          if (!installing) return;
          installing.addEventListener('statechange', function () {
            if (installing.state === 'installed' && sw.controller) offer(registration);
          });
        });
        // Look for a new version now (registering again does not), and in a tab left open when
        // the reader comes back or the network does.
        function check() {
          registration.update().catch(function () {});
        }
        check();
        document.addEventListener('visibilitychange', function () {
          if (document.visibilityState === 'visible') check();
        });
        window.addEventListener('online', check);
      })
      .catch(function () {});
  }
})();
