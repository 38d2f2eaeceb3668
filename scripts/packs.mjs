// Packs: a piece of the wasm and the chunks it loads in one file, for scripts/split-wasm.mjs.
// wasm-split-cli's loader fetches a piece's files one by one; from the browser's cache each took
// about 2 ms, and the readers of stored progress, which every return visit's start waits for,
// are 14 files. The loader is taught to take them from one file instead (`withPacks`), cut apart
// by their sizes, each part compiled as if fetched alone and each chunk still loaded only once.

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

/// The loader able to take a piece and its chunks from a pack: one file, theirs one after
/// another, fetched once, cut apart, each part compiled as if fetched alone. A pack is fetched
/// again on the next load after a failure; a chunk already loaded (for another piece) is not
/// loaded again, its part of the pack is left unused.
export function withPacks(loader) {
  const MAKE_LOAD = 'function makeLoad(fetcher, deps) {\n    const loader = async () => {\n';
  const FETCH = 'const src = fetch(new URL(';
  if (!loader.includes(MAKE_LOAD) || !loader.includes(FETCH)) {
    throw new Error('split-wasm: the loader wasm-split-cli wrote has changed: check how it fetches');
  }
  const helpers = `
// Parts of packs being fetched or fetched, by URL: their bytes (scripts/packs.mjs).
const packed = new Map();
function source(url) {
    const part = packed.get(url.href);
    if (part === undefined) return fetch(url);
    return part.then((bytes) => new Response(bytes, { headers: { "Content-Type": "application/wasm" } }));
}
function unpack({ file, parts }) {
    const urls = parts.map(([name]) => new URL(name, import.meta.url).href);
    if (urls.every((url) => packed.has(url))) return;
    const total = parts.reduce((sum, [, size]) => sum + size, 0);
    const whole = fetch(new URL(file, import.meta.url)).then(async (response) => {
        if (!response.ok) throw new Error(\`\${response.status} \${response.url}\`);
        const bytes = await response.arrayBuffer();
        if (bytes.byteLength !== total) throw new Error(\`\${response.url}: \${bytes.byteLength} bytes, not \${total}\`);
        return bytes;
    });
    let offset = 0;
    parts.forEach(([, size], i) => {
        const start = offset;
        offset += size;
        const part = whole.then((bytes) => bytes.slice(start, start + size));
        packed.set(urls[i], part);
        part.catch(() => { if (packed.get(urls[i]) === part) packed.delete(urls[i]); });
    });
}
`;
  return loader
    .replace(MAKE_LOAD, `${helpers}function makeLoad(fetcher, deps, pack) {\n    const loader = async () => {\n        if (pack) unpack(pack);\n`)
    .replaceAll(FETCH, 'const src = source(new URL(');
}

/// One file holding `piece`'s files (its own, then its chunks; `read` gives a file's bytes by
/// name), and the loader that takes them from it once the file is named: `loader(name)`.
export function pack(loader, piece, read) {
  const { files, load } = pieceFiles(loader, piece);
  const parts = files.map(read);
  const list = files.map((file, i) => `["./${file}", ${parts[i].length}]`).join(', ');
  return {
    bytes: Buffer.concat(parts),
    loader: (name) => loader.replace(load, load.replace(/\]\)\);$/, `], { file: "./${name}", parts: [${list}] }));`)),
  };
}
