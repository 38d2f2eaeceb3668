/* The "Interview Practice" block in the editor: its settings in the sidebar and the widget
 * itself as the preview, rendered by the server as the published post will be (so a refused
 * setting shows the same notice). Plain script on WordPress's globals: no build step.
 * The allowed values come from ../parameters.json, the table the server checks against, and
 * the settings' other names from ../aliases.json. */
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var Fragment = wp.element.Fragment;
  var useState = wp.element.useState;
  var useEffect = wp.element.useEffect;
  var __ = wp.i18n.__;
  var sprintf = wp.i18n.sprintf;
  var blockEditor = wp.blockEditor;
  var c = wp.components;

  var NAME = 'interview-practice/widget';
  var source = document.currentScript && document.currentScript.src;
  var table = null;
  var aliases = null;
  function load(file) {
    return fetch(new URL(file, source || location.href), { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error(file + ': ' + response.status + ' ' + response.statusText);
      return response.json();
    });
  }
  var loading = Promise.all([load('../parameters.json'), load('../aliases.json')]).then(function (json) {
    table = json[0];
    aliases = json[1].aliases;
  });

  function parameter(name) {
    return table.parameters.filter(function (p) {
      return p.name === name;
    })[0];
  }

  function aliasesOf(name) {
    return aliases.filter(function (alias) {
      return alias.setting === name;
    });
  }

  // A setting's value as the server reads it: its own, or else the first of its aliases in the
  // block's attributes (a flag alias's true or false as the value it stands for), so the sidebar shows what the
  // block does even when its settings were written by hand.
  function current(attributes, name) {
    function written(value) {
      return typeof value === 'string' && value.trim() !== '';
    }
    if (written(attributes[name])) return attributes[name];
    var found = Object.keys(attributes)
      .map(function (key) {
        return aliasesOf(name).filter(function (alias) {
          return alias.name === key && written(attributes[key]);
        })[0];
      })
      .filter(Boolean)[0];
    if (!found) return typeof attributes[name] === 'string' ? attributes[name] : '';
    var value = attributes[found.name].trim();
    if (!found.flag) return value;
    var flag = table.parameters.filter(function (p) {
      return p.kind === 'flag';
    })[0];
    if (flag['true'].indexOf(value) !== -1) return found.flag['true'];
    if (flag['false'].indexOf(value) !== -1) return found.flag['false'];
    return value;
  }

  function list(value) {
    return value
      ? value.split(',').map(function (item) {
          return item.trim();
        }).filter(Boolean)
      : [];
  }

  // "Site default" first in every choice: an empty choice leaves the setting to the site.
  function choices(values) {
    return [{ label: __('Site default', 'interview-practice'), value: '' }].concat(values);
  }

  function Settings(props) {
    var attributes = props.attributes;
    function value(name) {
      return current(attributes, name);
    }
    // A setting set here is written under its own name, and replaces its aliases.
    function set(name) {
      return function (next) {
        var change = {};
        change[name] = next === undefined || next === null || next === '' ? undefined : String(next);
        aliasesOf(name).forEach(function (alias) {
          change[alias.name] = undefined;
        });
        props.setAttributes(change);
      };
    }
    function number(name, label, step) {
      var p = parameter(name);
      var number = parseInt(value(name), 10);
      return el(c.RangeControl, {
        label: label,
        help: sprintf(__('%1$d to %2$d; site default when reset (the widget’s own is %3$d).', 'interview-practice'), p.min, p.max, p['default']),
        min: p.min,
        max: p.max,
        step: step,
        value: isNaN(number) ? undefined : number,
        allowReset: true,
        onChange: set(name),
      });
    }
    function tokens(name, label, suggestions) {
      return el(c.FormTokenField, {
        label: label,
        value: list(value(name)),
        suggestions: suggestions,
        __experimentalExpandOnFocus: true,
        __experimentalShowHowTo: false,
        onChange: function (items) {
          set(name)(items.join(','));
        },
      });
    }
    var parts = list(value('parts'));
    var sections = [];
    table.guides.forEach(function (guide) {
      guide.sections.forEach(function (section) {
        sections.push(guide.part + '/' + section.slug);
      });
    });
    return el(
      Fragment,
      null,
      el(c.SelectControl, {
        label: __('Opens on', 'interview-practice'),
        value: value('mode'),
        options: choices([
          { label: __('An interview, ready to start', 'interview-practice'), value: 'interview' },
          { label: __('The question browser', 'interview-practice'), value: 'browse' },
          { label: __('One question (the first listed below)', 'interview-practice'), value: 'question' },
        ]),
        onChange: set('mode'),
      }),
      el(
        c.BaseControl,
        { id: 'interview-practice-parts', label: __('Guides (none: all)', 'interview-practice') },
        table.guides.map(function (guide) {
          var key = String(guide.part);
          return el(c.CheckboxControl, {
            key: key,
            label: sprintf(__('Part %1$d: %2$s', 'interview-practice'), guide.part, guide.short),
            checked: parts.indexOf(key) !== -1,
            onChange: function (checked) {
              var next = parts.filter(function (p) {
                return p !== key;
              });
              if (checked) next.push(key);
              set('parts')(next.sort().join(','));
            },
          });
        })
      ),
      tokens('sections', __('Sections (none: all of the guides)', 'interview-practice'), sections),
      tokens('q', __('Questions (a fixed set, or the one question shown)', 'interview-practice'), table.questions),
      number('count', __('Questions in an interview', 'interview-practice'), 1),
      number('time', __('Seconds per question', 'interview-practice'), 10),
      el(c.SelectControl, {
        label: __('Order', 'interview-practice'),
        value: value('order'),
        options: choices([
          { label: __('Random', 'interview-practice'), value: 'random' },
          { label: __('As in the guide', 'interview-practice'), value: 'guide' },
        ]),
        onChange: set('order'),
      }),
      el(c.SelectControl, {
        label: __('Answers', 'interview-practice'),
        value: value('answer'),
        options: choices([
          { label: __('Typed', 'interview-practice'), value: 'type' },
          { label: __('Spoken (speaking mode)', 'interview-practice'), value: 'speak' },
        ]),
        onChange: set('answer'),
      }),
      el(c.SelectControl, {
        label: __('Theme', 'interview-practice'),
        value: value('theme'),
        options: choices([
          { label: __('The reader’s system setting', 'interview-practice'), value: 'auto' },
          { label: __('Light', 'interview-practice'), value: 'light' },
          { label: __('Dark', 'interview-practice'), value: 'dark' },
        ]),
        onChange: set('theme'),
      }),
      el(c.TextControl, {
        label: __('Accent colour', 'interview-practice'),
        help: __('A hex colour such as #0b5cad.', 'interview-practice'),
        value: value('accent'),
        onChange: set('accent'),
      }),
      el(c.SelectControl, {
        label: __('Header and footer', 'interview-practice'),
        value: value('compact'),
        options: choices([
          { label: __('Shown', 'interview-practice'), value: 'false' },
          { label: __('Hidden (compact)', 'interview-practice'), value: 'true' },
        ]),
        onChange: set('compact'),
      }),
      el(c.TextControl, {
        label: __('Name for screen readers', 'interview-practice'),
        help: __('The frame’s title; “Interview Practice” if empty.', 'interview-practice'),
        value: value('label'),
        onChange: set('label'),
      })
    );
  }

  function Edit(props) {
    var loaded = useState(!!table);
    var failed = useState(null);
    useEffect(function () {
      if (!loaded[0]) {
        loading.then(
          function () {
            loaded[1](true);
          },
          function (error) {
            failed[1](String(error));
          }
        );
      }
    }, []);
    var sidebar;
    if (failed[0]) {
      sidebar = el(c.Notice, { status: 'error', isDismissible: false }, sprintf(__('The settings could not be loaded: %s', 'interview-practice'), failed[0]));
    } else if (!loaded[0]) {
      sidebar = el(c.Spinner);
    } else {
      sidebar = el(Settings, props);
    }
    return el(
      Fragment,
      null,
      el(blockEditor.InspectorControls, null, el(c.PanelBody, { title: __('Widget', 'interview-practice') }, sidebar)),
      el(
        'div',
        blockEditor.useBlockProps(),
        // The widget as readers will see it; inert here, so a click selects the block.
        el(c.Disabled, null, el(wp.serverSideRender, { block: NAME, attributes: props.attributes }))
      )
    );
  }

  wp.blocks.registerBlockType(NAME, {
    edit: Edit,
    // Rendered on the server: the post keeps only the settings.
    save: function () {
      return null;
    },
  });
})(window.wp);
