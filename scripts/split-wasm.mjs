// Splits the app's wasm into the start page's piece and one piece per group of pages, loaded when
// such a page is first needed (a Trunk post_build hook; see Trunk.toml). Trunk builds the crate
// with the `split` feature, which makes each group's entry points split points (`piece!` in
// src/views/pieces.rs), and links it with relocations kept
// (`--emit-relocs`, .cargo/config.toml). This script then does what cargo-leptos does with
// `--split`: wasm-split-cli cuts cargo's wasm at those functions, wasm-bindgen makes the glue for
// the main piece, wasm-opt shrinks every piece, and in release the main piece's imports from the
// glue get short names (scripts/short-imports.mjs). Trunk's own glue and wasm are replaced, and
// every file is named by a hash of its final bytes (scripts/hashed.mjs), so a host can cache
// them forever.
//
//   node scripts/split-wasm.mjs   (env: TRUNK_STAGING_DIR, TRUNK_PROFILE, as Trunk sets them)
import { execFileSync, execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { named } from './hashed.mjs';
import { minified } from './minify.mjs';
import { lazyLoader, pieceExports } from './lazy-loader.mjs';
import { packs, withPacks } from './packs.mjs';
import { shortImports } from './short-imports.mjs';
import { withoutStreamClasses, withoutStreamExports } from './unused-streams.mjs';

const run = promisify(execFile);
const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
if (!staging) throw new Error('split-wasm: run by Trunk (TRUNK_STAGING_DIR is not set)');

const NAME = 'interview-practice';
// Pieces fetched as packs with the chunks they load (scripts/packs.mjs): the readers of stored
// progress, which every return visit's start waits for (src/progress/readers.rs); the interview,
// whose first question waits for it; the framed widget's talk with its host page, which an
// embedded widget fetches as it starts; and the reading pages, an embedded question's (on a
// phone-like connection their files one by one were one to two seconds of the embedded
// interview's and question's first screens: make bench, docs/decisions.md).
const PACKED = ['readers', 'interview', 'frame', 'reading'];
// Packed too, with only the chunks no pack above holds: the matcher and the reveal, fetched
// while the reader answers, after the interview's pack.
const PACKED_LATER = ['marking'];
const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline']));
const input = join(metadata.target_directory, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${NAME}.wasm`);

const staged = readdirSync(staging);
const oldGlue = staged.find((f) => f.startsWith(`${NAME}-`) && f.endsWith('.js'));
const oldWasm = staged.find((f) => f.startsWith(`${NAME}-`) && f.endsWith('_bg.wasm'));
if (!oldGlue || !oldWasm) throw new Error(`split-wasm: no ${NAME} glue and wasm in ${staging}`);

// wasm-bindgen's glue is written to be read (75 KB, 12 KB gzip): release builds ship it minified.
const shipped = (code) => (release ? minified(code, { module: true }) : code);

const work = mkdtempSync(join(tmpdir(), 'split-wasm-'));
try {
  const pieces = join(work, 'pieces');
  const bound = join(work, 'bound');
  execFileSync('wasm-split-cli', [input, pieces, '--out-name', NAME], { stdio: 'inherit' });
  execFileSync(
    'wasm-bindgen',
    ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--no-demangle', '--out-dir', bound, '--out-name', NAME, join(pieces, `${NAME}.wasm`)],
    { stdio: 'inherit' },
  );

  // Every wasm piece, shrunk like Trunk shrinks the whole (wasm-opt -Oz), two at a time; each
  // piece would otherwise carry its own toolchain custom sections (about 200 bytes gzip). The
  // main piece first loses the exports of a stream library Leptos always links, so that
  // wasm-opt drops their code (scripts/unused-streams.mjs).
  const wasm = [join(bound, `${NAME}_bg.wasm`), ...readdirSync(pieces).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`).map((f) => join(pieces, f))];
  if (release) {
    writeFileSync(wasm[0], withoutStreamExports(readFileSync(wasm[0])));
    const queue = [...wasm];
    const worker = async () => {
      for (let file; (file = queue.shift()); ) await run('wasm-opt', ['-Oz', '--strip-producers', '--strip-target-features', file, '-o', file]);
    };
    await Promise.all([worker(), worker()]);
  }

  // Writes a file under `name` named by these, its final, bytes.
  const write = (name, bytes) => {
    const file = named(name, Buffer.from(bytes));
    writeFileSync(join(staging, file), bytes);
    return file;
  };

  // Each file is named once everything it names is: the pieces and the pack first, then the
  // loader, which names them, then its stand-in, which names the loader, then the glue, which
  // names the stand-in and the main wasm, then the page, which names the glue.
  // A piece that fails to load is the app's to report (the page says so, with "Try again"); the
  // loader's own console error would also fire for a download cut short by leaving the page.
  // Instead the loader tells the page, which looks whether a deploy removed its build
  // (public/boot.js).
  const FAILED = 'console.error(e);';
  let loader = readFileSync(join(pieces, '__wasm_split.js'), 'utf8');
  if (!loader.includes(FAILED)) throw new Error('split-wasm: the loader wasm-split-cli wrote has changed: check how it reports a failed load');
  loader = loader.replace(FAILED, "globalThis.dispatchEvent?.(new Event('interview-practice:download-failed'));");
  // Each file compiles as it downloads: the loader as generated instantiates a piece only once
  // the pieces it imports from are instantiated, so the largest file's compilation waited for
  // every other download. Compiling needs no imports; only instantiating does.
  const INSTANTIATE = 'return async (imports) => (WebAssembly.instantiateStreaming(src, imports));';
  if (!loader.includes(INSTANTIATE)) throw new Error('split-wasm: the loader wasm-split-cli wrote has changed: check how it instantiates');
  loader = loader.replaceAll(
    INSTANTIATE,
    'const compiled = WebAssembly.compileStreaming(src); compiled.catch(() => {}); ' +
      'return async (imports) => WebAssembly.instantiate(await compiled, imports);',
  );
  for (const file of wasm.slice(1)) {
    const piece = file.slice(pieces.length + 1);
    const bytes = readFileSync(file);
    const name = write(piece, bytes);
    loader = loader.replaceAll(`"./${piece}"`, `"./${name}"`);
  }
  // Pieces that come in packs with the chunks they load (`withPacks`).
  loader = withPacks(loader);
  const packed = packs(loader, PACKED, (file) => readFileSync(join(staging, file)), PACKED_LATER);
  loader = packed.loader(Object.fromEntries(Object.entries(packed.bytes).map(([stem, bytes]) => [stem, write(`${stem}.wasm`, bytes)])));
  // The loader as written imports the glue, which imports it: no two names made of their files'
  // final bytes can name each other. So the glue hands the loader what it needs of it (its
  // `initSync`, called once a page's piece loads) instead.
  const GLUE_IMPORT = `import { initSync } from "./${NAME}.js";`;
  if (!loader.includes(GLUE_IMPORT)) throw new Error('split-wasm: the loader wasm-split-cli wrote has changed: check how it imports the glue');
  loader = loader.replace(GLUE_IMPORT, 'let initSync;\nexport function __wasm_split_glue(glue) {\n    initSync = glue.initSync;\n}');
  // The start page's glue imports a stand-in, which imports this loader only when a piece is
  // needed (scripts/lazy-loader.mjs).
  const piecesLoader = write('__wasm_split_pieces.js', await shipped(loader));
  const loaderName = write('__wasm_split.js', await shipped(lazyLoader(piecesLoader, pieceExports(loader))));
  let bgBytes = readFileSync(wasm[0]);
  let glue = readFileSync(join(bound, `${NAME}.js`), 'utf8');
  if (release) ({ wasm: bgBytes, glue } = shortImports(bgBytes, withoutStreamClasses(glue), `./${NAME}_bg.js`));
  const bg = write(`${NAME}_bg.wasm`, bgBytes);
  const glueName = write(
    `${NAME}.js`,
    await shipped(
      glue.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`).replaceAll(`${NAME}_bg.wasm`, bg) +
        `\nimport { __wasm_split_glue } from "./${loaderName}";\n__wasm_split_glue({ initSync });\n`,
    ),
  );

  // The page: Trunk's names for its glue and wasm become the split ones. Trunk's integrity
  // attributes were for its files, so they go.
  const html = join(staging, 'index.html');
  let page = readFileSync(html, 'utf8')
    .replace(new RegExp(`<link [^>]*(${oldGlue}|${oldWasm})[^>]*>`, 'g'), (tag) => tag.replace(/ integrity=("[^"]*"|[^\s>]+)/, ''))
    .replaceAll(oldGlue, glueName)
    .replaceAll(oldWasm, bg);
  unlinkSync(join(staging, oldGlue));
  unlinkSync(join(staging, oldWasm));
  // Trunk's own content-named files (the stylesheet, boot.js) carry its hash of their bytes,
  // written without leading zeros: they are named like every other file. Trunk leaves boot.js
  // as written (its minifier gives up on `import()`): terser shrinks it.
  for (const old of staged.filter((f) => f !== oldGlue && /-[0-9a-f]{1,16}\.(css|js)$/.test(f))) {
    let bytes = readFileSync(join(staging, old));
    if (release && old.endsWith('.js')) bytes = Buffer.from(await minified(bytes.toString('utf8')));
    const name = named(old.replace(/-[0-9a-f]{1,16}(?=\.(css|js)$)/, ''), bytes);
    unlinkSync(join(staging, old));
    writeFileSync(join(staging, name), bytes);
    page = page.replaceAll(old, name);
  }
  writeFileSync(html, page);
  console.log(`split-wasm: ${wasm.length} wasm files, main ${bg} (${bgBytes.length} bytes)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
