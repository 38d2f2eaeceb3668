// Other builds of dist/ for the deploy tests, made as `make dist` would make them after a code
// change, without compiling: a piece of the wasm or the stylesheet changes, every file that
// names it is named again by its bytes, and the build steps after Trunk's run again.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { named } from '../../scripts/hashed.mjs';
import { packed, unpacked } from '../../scripts/packs.mjs';
import { DIST, ROOT } from './servers.mjs';

// Builds made in this test worker, by what they were made from: making one takes the build
// steps after Trunk's (seconds), and several tests deploy the same one. Removed on exit.
const made = new Map();
process.on('exit', () => {
  for (const build of made.values()) rmSync(build.dir, { recursive: true, force: true });
});
function once(key, make) {
  if (!made.has(key)) made.set(key, make());
  return made.get(key);
}

/// A copy of the build in `from` (default dist/) to change.
function copy(from = DIST) {
  const dir = mkdtempSync(join(tmpdir(), 'build-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

const find = (dir, pattern) => readdirSync(dir).find((name) => pattern.test(name));
const stem = (name) => name.replace(/-[0-9a-f]{16}(?=(_bg)?\.[a-z]+$)/, '');

/// Replaces `old` in `dir` by `bytes`, named by them; returns the new name.
function replace(dir, old, bytes) {
  const name = named(stem(old), Buffer.from(bytes));
  rmSync(join(dir, old));
  writeFileSync(join(dir, name), bytes);
  return name;
}

/// The page, the worker and the rest written again over `dir`, as `make dist` ends.
function finish(dir) {
  execFileSync(process.execPath, [join(ROOT, 'scripts/dist-extras.mjs'), dir], { stdio: 'ignore' });
  return { dir, glue: glueOf(dir), files: filesOf(dir) };
}

/// A build whose only change is in the wasm: the piece `piece` (`history`, `reading`, …) has
/// other bytes (`label` in a custom section), so it, its pack if it has one, the loader naming
/// them, the loader's stand-in and the glue naming that have new names, and the page names the
/// new glue. Nothing else changes.
export const wasmChanged = (piece, label, from = DIST) => once(`${from} ${piece} ${label}`, () => wasmChangedNow(piece, label, from));

function wasmChangedNow(piece, label, from) {
  const dir = copy(from);
  const section = Buffer.from(`build ${label}`);
  const old = find(dir, new RegExp(`^split_${piece}-[0-9a-f]{16}\\.wasm$`));
  const bytes = readFileSync(join(dir, old));
  const changed = Buffer.concat([bytes, Buffer.from([0, section.length + 1, section.length]), section]);
  const piece2 = replace(dir, old, changed);
  const pieces = find(dir, /^__wasm_split_pieces-[0-9a-f]{16}\.js$/);
  let text = readFileSync(join(dir, pieces), 'utf8').replaceAll(old, piece2);
  // A packed piece (scripts/packs.mjs) is fetched as the pack, which names and holds it: the
  // pack changes with it.
  const pack = find(dir, new RegExp(`^pack_${piece}-[0-9a-f]{16}\\.wasm$`));
  if (pack) {
    const parts = unpacked(readFileSync(join(dir, pack))).map(([name, part]) => (name === old ? [piece2, changed] : [name, part]));
    if (!parts.some(([name]) => name === piece2)) throw new Error(`builds: the pack ${pack} holds no part ${old}`);
    text = text.replaceAll(pack, replace(dir, pack, packed(parts)));
  }
  const pieces2 = replace(dir, pieces, text);
  // The stand-in the glue imports names the loader of the pieces (scripts/lazy-loader.mjs).
  const loader = find(dir, /^__wasm_split-[0-9a-f]{16}\.js$/);
  const loader2 = replace(dir, loader, readFileSync(join(dir, loader), 'utf8').replaceAll(pieces, pieces2));
  const glue = find(dir, /^interview-practice-[0-9a-f]{16}\.js$/);
  const glue2 = replace(dir, glue, readFileSync(join(dir, glue), 'utf8').replaceAll(loader, loader2));
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replaceAll(glue, glue2));
  return { ...finish(dir), piece: { old, new: piece2 } };
}

/// A build whose stylesheet changed (so its name did).
export const stylesheetChanged = (from = DIST) => once(`${from} stylesheet`, () => stylesheetChangedNow(from));

function stylesheetChangedNow(from) {
  const dir = copy(from);
  const css = find(dir, /^app-[0-9a-f]{16}\.css$/);
  const renamed = replace(dir, css, readFileSync(join(dir, css), 'utf8') + '\n/* build B */\n');
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replaceAll(css, renamed));
  return { ...finish(dir), oldCss: `/${css}`, newCss: `/${renamed}` };
}

/// The files the build in `dir` precaches, as paths on the site (the worker names them
/// relative to itself).
export const filesOf = (dir) =>
  JSON.parse(readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const FILES = (.*);$/m)[1]).map((f) => `/${f}`);

/// The glue the page of the build in `dir` starts (it names the main wasm and the loader, so it
/// tells one build's code from another's).
export const glueOf = (dir) => readFileSync(join(dir, 'index.html'), 'utf8').match(/ data-glue="(?:\.\/)?([^"]+)"/)[1];

/// The id of the build in `dir`, as its worker names its cache.
export const buildOf = (dir) => readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const BUILD = '([^']+)';$/m)[1];
