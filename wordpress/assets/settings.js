/* Settings → Interview Practice: the preview follows the form. Each change sets the preview
 * element's attributes (embed.js reloads its frame), so what the widget would do with the new
 * defaults shows before they are saved; an empty field means the widget's own default. */
(function () {
  'use strict';
  var form = document.getElementById('interview-practice-settings');
  var preview = document.getElementById('interview-practice-preview');
  if (!form || !preview) return;

  function value(field) {
    if (field.tagName === 'FIELDSET') {
      return Array.prototype.map
        .call(field.querySelectorAll('input:checked'), function (box) {
          return box.value;
        })
        .join(',');
    }
    return field.value.trim();
  }

  form.addEventListener('change', function () {
    var fields = form.querySelectorAll('[data-setting]');
    for (var i = 0; i < fields.length; i++) {
      var name = fields[i].getAttribute('data-setting');
      var next = value(fields[i]);
      if (next === '') {
        if (preview.hasAttribute(name)) preview.removeAttribute(name);
      } else if (preview.getAttribute(name) !== next) {
        preview.setAttribute(name, next);
      }
    }
  });
})();
