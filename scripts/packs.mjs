// Packs: pieces of the wasm and the chunks they load, a few files instead of many, for
// scripts/split-wasm.mjs. wasm-split-cli's loader fetches a piece's files one by one; from the
// browser's cache each took about 2 ms, and the readers of stored progress, which every return
// visit's start waits for, are 14 files. The loader is taught to take them from packs instead
// (`withPacks`), cut apart by the list of parts each pack begins with, each part compiled as if
// fetched alone and each chunk still loaded only once. A chunk that several packed pieces load
// goes in one pack they share (`packs`), so that a page loading two of them (a framed widget's
// frame and interview) downloads it once.

/// The files a piece loads, as the loader names them once hashed: the piece's own, then the
/// chunks it shares with other pieces; and the text of its load (`export const
/// __wasm_split_load_<piece> = wrapAsyncCb(makeLoad(() => { … source(new URL("./split_<piece>-….wasm"
/// … }, [__chunk_N, …]));`).
function pieceFiles(loader, piece) {
  const file = (name) => `(${name}-[0-9a-f]{16}\\.wasm)`;
  const load = loader.match(
    new RegExp(`export const __wasm_split_load_${piece} = [^\\n]*\\n\\s*const src = source\\(new URL\\("\\./${file(`split_${piece}`)}"[\\s\\S]*?\\n, \\[([\\w, ]*)\\]\\)\\);`),
  );
  if (!load) throw new Error(`split-wasm: the loader wasm-split-cli wrote has no piece "${piece}" as expected`);
  const chunks = load[2].split(',').map((name) => name.trim()).filter(Boolean).map((name) => {
    const chunk = loader.match(new RegExp(`const ${name} = makeLoad\\(\\(\\) => \\{\\s*const src = source\\(new URL\\("\\./${file('chunk_\\d+')}"`));
    if (!chunk) throw new Error(`split-wasm: the loader's ${name} names no chunk file`);
    return chunk[1];
  });
  return { files: [load[1], ...chunks], load: load[0] };
}

/// The loader able to take a piece and its chunks from packs: files, each fetched once, which
/// name their parts (`packed`), cut apart, each part compiled as if fetched alone. The loader
/// names only a piece's packs, so it holds no list of parts. A pack is fetched again on the next
/// load after a failure; a chunk already loaded (for another piece) is not loaded again, its
/// part of the pack is left unused.
export function withPacks(loader) {
  const MAKE_LOAD = 'function makeLoad(fetcher, deps) {\n    const loader = async () => {\n';
  const FETCH = 'const src = fetch(new URL(';
  if (!loader.includes(MAKE_LOAD) || !loader.includes(FETCH)) {
    throw new Error('split-wasm: the loader wasm-split-cli wrote has changed: check how it fetches');
  }
  const helpers = `
// Packs fetched or being fetched, and the parts of those fetched, by URL (scripts/packs.mjs).
const packs = new Map();
const packed = new Map();
function source(url) {
    const part = packed.get(url.href);
    if (part === undefined) return fetch(url);
    return Promise.resolve(new Response(part, { headers: { "Content-Type": "application/wasm" } }));
}
function unpack(file) {
    const url = new URL(file, import.meta.url).href;
    if (!packs.has(url)) {
        const whole = fetch(url).then(async (response) => {
            if (!response.ok) throw new Error(\`\${response.status} \${url}\`);
            const bytes = await response.arrayBuffer();
            const length = new DataView(bytes).getUint32(0, true);
            let offset = 4 + length;
            const parts = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, length)))
                .map(([name, size]) => [new URL(name, url).href, bytes.slice(offset, offset += size)]);
            if (offset !== bytes.byteLength) throw new Error(\`\${url}: \${bytes.byteLength} bytes, not \${offset}\`);
            for (const [part, bytes] of parts) packed.set(part, bytes);
        });
        packs.set(url, whole);
        whole.catch(() => packs.delete(url));
    }
    return packs.get(url);
}
`;
  return loader
    .replace(MAKE_LOAD, `${helpers}function makeLoad(fetcher, deps, packs) {\n    const loader = async () => {\n        if (packs) await Promise.all(packs.map(unpack));\n`)
    .replaceAll(FETCH, 'const src = source(new URL(');
}

/// A pack's bytes: the length of its list of parts (4 bytes, little-endian), the list (JSON,
/// `[[file name, size], …]`), then each part's bytes in the list's order.
export function packed(parts) {
  const list = Buffer.from(JSON.stringify(parts.map(([name, bytes]) => [name, bytes.length])));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(list.length);
  return Buffer.concat([length, list, ...parts.map(([, bytes]) => bytes)]);
}

/// A pack's parts, `[[file name, bytes], …]` (`packed`'s inverse).
export function unpacked(bytes) {
  const length = bytes.readUInt32LE(0);
  let offset = 4 + length;
  return JSON.parse(bytes.subarray(4, offset).toString('utf8')).map(([name, size]) => [name, bytes.subarray(offset, (offset += size))]);
}

/// The packs of `pieces` (`read` gives a file's bytes by name): each piece's own (its file and
/// the chunks no other of `pieces` loads) and, if they share chunks, `pack_shared` with those,
/// so that each byte is downloaded once however many of them a page loads. Returns the packs'
/// bytes by stem (`pack_<piece>`, `pack_shared`) and `loader(names)`, the loader fetching the
/// packs holding a piece's files once each pack is named (`names`, by stem).
///
/// `later`: pieces loaded after some of `pieces` (the marking, after an interview's piece). Each
/// is packed with only what no pack of `pieces` holds, so that none of their chunks joins
/// `pack_shared`, which pages that never load them download; a chunk held by another pack comes
/// from it when that pack is here, or alone.
export function packs(loader, pieces, read, later = []) {
  const files = new Map(pieces.map((piece) => [piece, pieceFiles(loader, piece)]));
  const loads = new Map();
  for (const { files: [, ...chunks] } of files.values()) for (const chunk of chunks) loads.set(chunk, (loads.get(chunk) ?? 0) + 1);
  const number = (chunk) => Number(chunk.match(/^chunk_(\d+)-/)[1]);
  const shared = [...loads].filter(([, count]) => count > 1).map(([chunk]) => chunk).sort((a, b) => number(a) - number(b));
  const parts = (names) => packed(names.map((name) => [name, read(name)]));
  const bytes = {};
  for (const [piece, { files: own }] of files) bytes[`pack_${piece}`] = parts(own.filter((file) => !shared.includes(file)));
  if (shared.length) bytes.pack_shared = parts(shared);
  const afterwards = new Map(later.map((piece) => [piece, pieceFiles(loader, piece)]));
  for (const [piece, { files: own }] of afterwards) bytes[`pack_${piece}`] = parts(own.filter((file) => !loads.has(file)));
  return {
    bytes,
    loader: (names) => {
      let code = loader;
      for (const [piece, { load }] of afterwards) {
        const list = JSON.stringify([`./${names[`pack_${piece}`]}`]);
        code = code.replace(load, () => load.replace(/\]\)\);$/, `], ${list}));`));
      }
      for (const [piece, { files: own, load }] of files) {
        const stems = [`pack_${piece}`, ...(own.some((file) => shared.includes(file)) ? ['pack_shared'] : [])];
        const list = JSON.stringify(stems.map((stem) => `./${names[stem]}`));
        code = code.replace(load, () => load.replace(/\]\)\);$/, `], ${list}));`));
      }
      return code;
    },
  };
}
