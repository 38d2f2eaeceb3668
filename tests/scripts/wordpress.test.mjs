// The WordPress plugin's parts that need no WordPress: its PHP parses on this machine's PHP
// (Debian's 8.2), its checks answer as the widget's parser does, the block, embed.js and the
// table name the same settings (the block also their aliases), and scripts/wordpress-zip.mjs
// packs what a site needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

const repo = join(import.meta.dirname, '..', '..');
const plugin = join(repo, 'wordpress');
const table = JSON.parse(readFileSync(join(plugin, 'parameters.json'), 'utf8'));
const names = table.parameters.map((p) => p.name);
const aliases = JSON.parse(readFileSync(join(plugin, 'aliases.json'), 'utf8')).aliases;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

test('every PHP file of the plugin and its tests passes php -l', () => {
  const php = [...files(plugin), ...files(join(repo, 'tests', 'wordpress'))].filter((f) => f.endsWith('.php'));
  assert.ok(php.length >= 8, php.join(', '));
  for (const file of php) {
    const result = spawnSync('php', ['-l', file], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${file}: ${result.stdout}${result.stderr}`);
  }
});

test("the plugin's checks answer as the widget's parser does", () => {
  const result = spawnSync('php', [join(repo, 'tests', 'wordpress', 'parameters-test.php')], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.equal(result.stdout.trim(), 'ok');
});

test('the block takes the settings of the table, their aliases and a label; embed.js the settings and a label', () => {
  const block = JSON.parse(readFileSync(join(plugin, 'block', 'block.json'), 'utf8'));
  assert.equal(block.apiVersion, 3);
  assert.deepEqual(Object.keys(block.attributes), [...names, ...aliases.map((a) => a.name), 'label']);
  assert.deepEqual(
    aliases.map((a) => [a.name, a.setting]),
    [['guides', 'parts'], ['question', 'q'], ['speaking', 'answer'], ['speak', 'answer']],
  );
  for (const attribute of Object.values(block.attributes)) assert.deepEqual(attribute, { type: 'string' });

  // embed.js, run with just enough of a browser to define its element.
  let element;
  class HTMLElement {}
  const window = {
    HTMLElement,
    customElements: { get: () => undefined, define: (name, definition) => (element = { name, definition }) },
    addEventListener: () => {},
  };
  const document = { currentScript: null, readyState: 'complete', querySelectorAll: () => [], addEventListener: () => {} };
  runInNewContext(readFileSync(join(repo, 'public', 'embed.js'), 'utf8'), {
    window,
    document,
    HTMLElement,
    customElements: window.customElements,
    location: { href: 'https://blog.example/' },
    addEventListener: () => {},
    URL,
    URLSearchParams,
  });
  assert.equal(element.name, 'interview-practice');
  assert.deepEqual([...element.definition.observedAttributes].sort(), [...names, 'label'].sort());
});

test('the zip holds the plugin with its version and the app without what only static hosts use', () => {
  const dist = mkdtempSync(join(tmpdir(), 'wordpress-zip-'));
  for (const [name, text] of Object.entries({
    'index.html': '<!doctype html>',
    'embed.js': '/* embed */',
    'app-0123456789abcdef.wasm': 'wasm',
    'app-0123456789abcdef.wasm.br': 'br',
    'app-0123456789abcdef.wasm.gz': 'gz',
    _headers: '/*',
    'interview-practice-wordpress.zip': 'an earlier build',
  })) {
    writeFileSync(join(dist, name), text);
  }
  mkdirSync(join(dist, 'nested'));
  writeFileSync(join(dist, 'nested', 'file.json'), '{}');
  execFileSync('node', [join(repo, 'scripts', 'wordpress-zip.mjs'), dist], { encoding: 'utf8' });
  const zip = join(dist, 'interview-practice-wordpress.zip');
  const listed = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter((l) => l && !l.endsWith('/'));
  const version = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'], { cwd: repo, encoding: 'utf8' }))
    .packages.find((p) => p.name === 'interview-practice').version;

  for (const file of files(plugin)) {
    assert.ok(listed.includes(`interview-practice/${file.slice(plugin.length + 1)}`), `${file} is in the zip`);
  }
  for (const file of ['index.html', 'embed.js', 'app-0123456789abcdef.wasm', 'nested/file.json', '.htaccess']) {
    assert.ok(listed.includes(`interview-practice/app/${file}`), `app/${file} is in the zip`);
  }
  assert.deepEqual(listed.filter((l) => /\.(br|gz|zip)$|_headers$/.test(l)), []);

  const read = (name) => execFileSync('unzip', ['-p', zip, `interview-practice/${name}`], { encoding: 'utf8' });
  assert.match(read('interview-practice.php'), new RegExp(`^ \\* Version: +${version.replaceAll('.', '\\.')}$`, 'm'));
  assert.match(read('interview-practice.php'), new RegExp(`const VERSION = '${version.replaceAll('.', '\\.')}';`));
  assert.match(read('readme.txt'), new RegExp(`^Stable tag: ${version.replaceAll('.', '\\.')}$`, 'm'));
  assert.equal(JSON.parse(read('block/block.json')).version, version);
  assert.match(read('interview-practice.php'), /^ \* Requires at least: +6\.1$/m);
  assert.match(read('interview-practice.php'), /^ \* Requires PHP: +7\.4$/m);
  assert.match(read('interview-practice.php'), /^ \* License: +MIT$/m);
  for (const name of listed) assert.ok(!read(name.slice('interview-practice/'.length)).includes('@VERSION@'), `${name} has no @VERSION@ left`);
});
