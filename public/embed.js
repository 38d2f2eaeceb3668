/*! Interview Practice embed script, protocol version 1. Add it to a page with
 *  <script src="https://YOUR-WIDGET-HOST/embed.js" defer></script>
 * and mark each widget frame with data-interview-practice. It keeps every marked frame exactly
 * as tall as its content, and re-dispatches the widget's events on the frame element as
 * `interview-practice:<type>` CustomEvents (detail = the message). No dependencies. */
(function () {
  'use strict';
  var SOURCE = 'interview-practice';
  var VERSION = 1;

  function frames() {
    return document.querySelectorAll('iframe[data-interview-practice]');
  }

  // The origin messages from this frame come from: its URL's, or "null" when sandboxed
  // without allow-same-origin.
  function originOf(frame) {
    var sandbox = frame.getAttribute('sandbox');
    if (sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox)) return 'null';
    try {
      return new URL(frame.src, location.href).origin;
    } catch (e) {
      return '';
    }
  }

  function frameFor(event) {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === event.source && event.origin === originOf(list[i])) return list[i];
    }
    return null;
  }

  // Speak mode records and transcribes on the reader's device: the frame needs these.
  var ALLOW = ['microphone', 'on-device-speech-recognition'];

  // Block layout without a border; set through the CSSOM, which a host's CSP allows. A frame
  // without the permissions gets them (they apply from its next navigation, so a frame not
  // yet loaded, like a lazy one, has them at once; the snippet carries them anyway).
  function prepare() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      list[i].style.display = 'block';
      list[i].style.border = '0';
      var allow = list[i].getAttribute('allow') || '';
      var missing = ALLOW.filter(function (feature) {
        return !new RegExp('(^|;)\\s*' + feature + '(\\s|;|$)').test(allow);
      });
      if (missing.length) list[i].setAttribute('allow', (allow ? allow.replace(/;?\s*$/, '; ') : '') + missing.join('; '));
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', prepare);
  else prepare();

  window.addEventListener('message', function (event) {
    var frame = frameFor(event);
    var data = event.data;
    if (!frame || !data || typeof data !== 'object') return;
    if (data.source !== SOURCE || data.version !== VERSION || typeof data.type !== 'string') return;
    if (data.type === 'resize') {
      var height = Number(data.height);
      if (!isFinite(height) || height < 0 || height > 100000) return;
      frame.style.height = Math.ceil(height) + 'px';
      frame.setAttribute('scrolling', 'no');
    }
    if (!/^[a-z-]{1,40}$/.test(data.type)) return;
    frame.dispatchEvent(new CustomEvent('interview-practice:' + data.type, { detail: data }));
  });

  // For the host page: InterviewPractice.setTheme(frame, 'dark' | 'light' | 'auto').
  window.InterviewPractice = {
    version: VERSION,
    setTheme: function (frame, theme) {
      if (!frame || !frame.contentWindow) return;
      var origin = originOf(frame);
      frame.contentWindow.postMessage(
        { source: SOURCE, version: VERSION, type: 'set-theme', theme: String(theme) },
        // A sandboxed frame's origin is opaque and can only be reached with '*'.
        origin === 'null' ? '*' : origin
      );
    },
  };
})();
