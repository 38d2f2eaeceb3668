/*! Interview Practice embed script, protocol version 1. Add it to a page with
 *  <script src="https://YOUR-WIDGET-HOST/embed.js" defer></script>
 * and either mark each widget frame with data-interview-practice, or write the element
 *  <interview-practice mode="interview" count="5" time="120"></interview-practice>
 * It keeps every widget frame exactly as tall as its content, and re-dispatches the widget's
 * events on the frame element as `interview-practice:<type>` CustomEvents (detail = the
 * message), and on an <interview-practice> element as `<type>` (detail = the message's
 * fields). No dependencies. */
(function () {
  'use strict';
  // Pasted twice (two snippets on one page), it runs once: one listener, one event per message.
  if (window.InterviewPractice) return;
  var SOURCE = 'interview-practice';
  var VERSION = 1;
  // The widget is served beside this script, wherever the host put it. (A script run as a
  // module, or by a loader, has no currentScript: the page's own embed.js tag then names it.)
  var script = document.currentScript && document.currentScript.src ? document.currentScript : null;
  if (!script) {
    var tags = document.querySelectorAll('script[src]');
    for (var i = tags.length - 1; i >= 0 && !script; i--) {
      if (/\/embed\.js(\?|#|$)/.test(tags[i].src)) script = tags[i];
    }
  }
  var BASE = new URL('./', script ? script.src : location.href).href;

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

  // Whether the frame holds its widget yet, not the blank document it starts with (a message
  // for the widget would be refused there, with an error in the host's console). A widget from
  // another origin, or a sandboxed one, hides its document.
  function arrived(frame) {
    try {
      var doc = frame.contentDocument;
      return !doc || doc.URL !== 'about:blank';
    } catch (e) {
      return true;
    }
  }

  // Sends `type` (with `fields`) to the widget in `frame`, at its origin, once it is there.
  function send(frame, type, fields) {
    var origin = frame && frame.contentWindow && arrived(frame) && originOf(frame);
    if (!origin) return;
    var message = { source: SOURCE, version: VERSION, type: type };
    for (var key in fields) message[key] = fields[key];
    // A sandboxed frame's origin is opaque and can only be reached with '*'.
    frame.contentWindow.postMessage(message, origin === 'null' ? '*' : origin);
  }

  // A widget that cannot tell this page's origin (no `ancestorOrigins`, as in Firefox, and no
  // referrer, as under `Referrer-Policy: no-referrer`) says hello to its parent; the answer
  // tells it the origin (the browser writes a message's origin, no page can forge it). Widgets
  // that asked before this script ran are greeted now.
  function greet() {
    var list = frames();
    for (var i = 0; i < list.length; i++) send(list[i], 'hello');
  }
  greet();

  window.addEventListener('message', function (event) {
    var frame = frameFor(event);
    var data = event.data;
    if (!frame || !data || typeof data !== 'object') return;
    if (data.source !== SOURCE || data.version !== VERSION || typeof data.type !== 'string') return;
    if (data.type === 'hello') return send(frame, 'hello');
    if (data.type === 'resize') {
      var height = Number(data.height);
      if (!isFinite(height) || height < 0 || height > 100000) return;
      frame.style.height = Math.ceil(height) + 'px';
    }
    if (data.type === 'ready') {
      // The widget now reports every change of its height: the frame need not scroll. Until
      // then it may have to (its messages could not be downloaded), and a theme the host set
      // before is sent again, now that someone listens.
      frame.setAttribute('scrolling', 'no');
      if (frame.widgetTheme) send(frame, 'set-theme', { theme: frame.widgetTheme });
    }
    if (!/^[a-z-]{1,40}$/.test(data.type)) return;
    frame.dispatchEvent(new CustomEvent('interview-practice:' + data.type, { detail: data }));
    var element = frame.parentNode;
    if (element && element.widgetFrame === frame) {
      var fields = {};
      for (var key in data) {
        if (Object.prototype.hasOwnProperty.call(data, key) && key !== 'source' && key !== 'version' && key !== 'type') {
          fields[key] = data[key];
        }
      }
      // `resize` does not bubble: a host's window would take it for its own resize.
      element.dispatchEvent(new CustomEvent(data.type, { detail: fields, bubbles: data.type !== 'resize' }));
    }
  });

  // A frame's new document may not be able to report its height: it scrolls until it says it is ready.
  document.addEventListener(
    'load',
    function (event) {
      var frame = event.target;
      if (frame.localName === 'iframe' && frame.hasAttribute('data-interview-practice')) frame.removeAttribute('scrolling');
    },
    true
  );

  // <interview-practice …>: its attributes are the widget's URL parameters (the README's
  // table). Only those names are passed, values as written: the widget's own parser checks
  // them and names any it ignores.
  var PARAMETERS = ['mode', 'parts', 'sections', 'q', 'count', 'time', 'order', 'answer', 'theme', 'accent', 'compact'];
  if (window.customElements && window.HTMLElement && !customElements.get('interview-practice')) {
    customElements.define(
      'interview-practice',
      class extends HTMLElement {
        static get observedAttributes() {
          return PARAMETERS.concat(['label']);
        }
        connectedCallback() {
          this.style.display = 'block';
          var frame = this.widgetFrame || this.frame();
          if (frame.parentNode !== this) this.appendChild(frame);
        }
        attributeChangedCallback(name, before, after) {
          var frame = this.widgetFrame;
          if (!frame || before === after) return;
          // A new theme needs no reload.
          if (name === 'theme') window.InterviewPractice.setTheme(frame, after || 'auto');
          else if (name === 'label') frame.setAttribute('title', after || 'Interview Practice');
          // A new frame, not a new src: that would add to the host page's history, and a lazy
          // frame may still load the src it had.
          else frame.replaceWith(this.frame());
        }
        // The widget's frame for the element's current attributes.
        frame() {
          var frame = document.createElement('iframe');
          frame.setAttribute('data-interview-practice', '');
          // `label`, not `title`: a title on the element would show as a tooltip over the whole widget.
          frame.setAttribute('title', this.getAttribute('label') || 'Interview Practice');
          frame.setAttribute('loading', 'lazy');
          frame.setAttribute('allow', ALLOW.join('; '));
          frame.setAttribute('width', '100%');
          frame.style.display = 'block';
          frame.style.border = '0';
          frame.style.width = '100%';
          // Reserved until the widget reports its height, so the page does not jump.
          frame.style.height = '640px';
          var query = new URLSearchParams();
          for (var i = 0; i < PARAMETERS.length; i++) {
            var value = this.getAttribute(PARAMETERS[i]);
            if (value !== null) query.append(PARAMETERS[i], value);
          }
          frame.setAttribute('src', BASE + (String(query) ? '?' + query : ''));
          // A theme set by setTheme() outlives the frame it was sent to.
          if (this.widgetFrame) frame.widgetTheme = this.widgetFrame.widgetTheme;
          this.widgetFrame = frame;
          return frame;
        }
        setTheme(theme) {
          window.InterviewPractice.setTheme(this.widgetFrame || this.frame(), theme);
        }
      }
    );
  }

  // For the host page: InterviewPractice.setTheme(frame, 'dark' | 'light' | 'auto'). The frame
  // keeps it: a widget not ready yet, or loaded again (its element moved), gets it once ready.
  window.InterviewPractice = {
    version: VERSION,
    setTheme: function (frame, theme) {
      if (!frame) return;
      frame.widgetTheme = String(theme);
      send(frame, 'set-theme', { theme: frame.widgetTheme });
    },
  };
})();
