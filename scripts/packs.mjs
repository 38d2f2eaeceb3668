// Packs: a piece of the wasm and the chunks it loads in one file, for scripts/split-wasm.mjs.
// wasm-split-cli's loader fetches a piece's files one by one; from the browser's cache each took
// about 2 ms, and the readers of stored progress, which every return visit's start waits for,
// are 14 files. The loader is taught to take them from one file instead (`withPacks`), cut apart
// by the list of parts the file begins with, each part compiled as if fetched alone and each
// chunk still loaded only once.

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

/// The loader able to take a piece and its chunks from a pack: one file, fetched once, which
/// names its parts (`packed`), cut apart, each part compiled as if fetched alone. The loader
/// names only the pack, so the start page's script holds no list of parts. A pack is fetched
/// again on the next load after a failure; a chunk already loaded (for another piece) is not
/// loaded again, its part of the pack is left unused.
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
    .replace(MAKE_LOAD, `${helpers}function makeLoad(fetcher, deps, pack) {\n    const loader = async () => {\n        if (pack) await unpack(pack);\n`)
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

/// One file holding `piece`'s files (its own, then its chunks; `read` gives a file's bytes by
/// name), and the loader that takes them from it once the file is named: `loader(name)`.
export function pack(loader, piece, read) {
  const { files, load } = pieceFiles(loader, piece);
  return {
    bytes: packed(files.map((file) => [file, read(file)])),
    loader: (name) => loader.replace(load, load.replace(/\]\)\);$/, `], "./${name}"));`)),
  };
}
