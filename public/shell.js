/*! Interview Practice first screen, inlined at the end of the page by scripts/prerender.mjs
 * (its hash goes into the policy). The page carries the start page, rendered at build time,
 * and a shell for each embed mode. Before the first paint this picks the screen the address
 * asks for, applies the look the URL sets, and tells a host page how tall the frame is, so
 * nothing flashes blank or jumps when the app takes over. Inline, because a script the parser
 * had to fetch first would hold that paint back. */
(function () {
  'use strict';
  var app = document.getElementById('app');
  if (!app || document.documentElement.getAttribute('data-app') === 'ready') return;
  var params = new URLSearchParams(location.search);
  var html = document.documentElement;

  var theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') html.setAttribute('data-theme', theme);
  var compact = params.get('compact');
  if (compact !== null && /^(|1|true|yes)$/.test(compact.trim())) html.classList.add('compact');
  var framed = window.parent !== window;
  if (framed) html.classList.add('framed');

  // The screen to show: any page but the start page gets the bare shell (header, empty main).
  var hash = location.hash;
  var mode = params.get('mode');
  var ids = (params.get('q') || '').split(',').filter(Boolean);
  var ask = null;
  var shell = null;
  if (hash && hash !== '#' && hash !== '#/') shell = 'page';
  else if (mode === 'interview') shell = 'interview';
  else if (mode === 'browse' || (mode === 'question' && !ids.length)) shell = 'browse';
  else if (mode === 'question') {
    // The question titles are read only here, where the shell needs one.
    try {
      var asks = JSON.parse(document.getElementById('asks').textContent);
      if (Object.prototype.hasOwnProperty.call(asks, ids[0])) ask = asks[ids[0]];
    } catch (e) {}
    shell = ask === null ? 'page' : 'question';
  }
  if (shell) {
    var template = document.getElementById('shell-' + shell);
    if (template) {
      app.replaceChildren(template.content.cloneNode(true));
      var heading = app.querySelector('h1');
      if (ask !== null && heading) heading.textContent = ask;
    }
  }

  // Any page but the bare start page asks for a piece of the wasm as soon as the app starts
  // (scripts/lazy-loader.mjs): its files are asked for now, side by side, while this screen
  // paints, rather than one after another once boot.js has run. Not earlier: the stylesheet
  // this script waited for has come first. The bare start page may never need the loader of
  // the pieces, and its files come as boot.js asks for them.
  if (location.search || hash.length > 1) {
    try {
      var files = JSON.parse(document.getElementById('files').textContent);
      files.modules.forEach(function (href) {
        preload('modulepreload', href);
      });
      var wasm = preload('preload', files.wasm, 'fetch');
      // A framed widget asks for its mode's pieces as it starts: their packs (the ones the
      // build saw it download) come next, once the start piece, which its first screen
      // needs before them, is here (on a slow connection they would share its bandwidth).
      var packs = (framed && files.packs[shell]) || [];
      wasm.addEventListener('load', function () {
        packs.forEach(function (href) {
          preload('preload', href, 'fetch');
        });
      });
    } catch (e) {}
  }
  // As the app asks for it: a module, or a fetch in CORS mode (wasm-bindgen's, the pieces'
  // loader's), so the request is the one the browser matches to it.
  function preload(rel, href, as) {
    var link = document.createElement('link');
    link.rel = rel;
    if (as) link.as = as;
    link.crossOrigin = 'anonymous';
    link.href = new URL(href, location.href).href;
    document.head.appendChild(link);
    return link;
  }

  // "Skip to content" moves focus; following its `#main` would be read as a route. (The app
  // replaces this element, and this listener with it.)
  app.addEventListener('click', function (event) {
    var skip = event.target.closest && event.target.closest('a.skip');
    var main = document.getElementById('main');
    if (skip && main) {
      event.preventDefault();
      main.focus();
    }
  });

  // The host page sizes the frame from this until the app reports its own height.
  if (framed) {
    var origin = null;
    if (location.ancestorOrigins && location.ancestorOrigins.length) origin = location.ancestorOrigins[0];
    else {
      try {
        origin = new URL(document.referrer).origin;
      } catch (e) {}
    }
    if (origin && origin !== 'null') {
      var height = Math.ceil(document.body.getBoundingClientRect().height);
      window.parent.postMessage(
        { source: 'interview-practice', version: 1, type: 'resize', height: height },
        origin
      );
    }
  }
})();
