// The start page's loader of the wasm's pieces, for scripts/split-wasm.mjs. wasm-split-cli's
// loader names every piece and chunk and holds the code that fetches them; the start page's
// glue imports it, yet a first visit to the start page loads no piece. The glue imports this
// stand-in instead: it has the same exports and imports the full loader (`pieces`) when a
// piece is first asked for, or at once on any other page (a hash route or URL parameters),
// which asks for a piece as soon as it starts.

/// The stand-in for the loader named `pieces` (relative to it, as it will be written), which
/// exports the functions `exports` (`__wasm_split_load_<piece>`).
export function lazyLoader(pieces, exports) {
  if (exports.length === 0 || !exports.every((name) => /^__wasm_split_load_\w+$/.test(name))) {
    throw new Error('split-wasm: the loader wasm-split-cli wrote has changed: check what it exports');
  }
  return `let glue, pieces, tries = 0;
export function __wasm_split_glue(g) {
    glue = g;
    if (location.search || location.hash.length > 1) load().catch(() => {});
}
// A module that failed to download is not fetched again under the same URL: a retry asks anew.
function load() {
    if (pieces === undefined) {
        const url = new URL(${JSON.stringify(`./${pieces}`)}, import.meta.url);
        if (tries++) url.search = String(tries);
        const loading = import(url.href).then((module) => (module.__wasm_split_glue(glue), module));
        loading.catch(() => { if (pieces === loading) pieces = undefined; });
        pieces = loading;
    }
    return pieces;
}
// As the loader answers a piece that failed: the page is told (public/boot.js), the app is
// called back with the failure.
const piece = (name) => (callback, data) => load().then((module) => module[name](callback, data), () => {
    globalThis.dispatchEvent?.(new Event("interview-practice:download-failed"));
    glue.initSync(undefined, undefined).__indirect_function_table.get(callback)(data, false);
});
${exports.map((name) => `export const ${name} = piece(${JSON.stringify(name)});`).join('\n')}
`;
}

/// The functions a loader as wasm-split-cli writes it exports for the pieces.
export function pieceExports(loader) {
  return [...loader.matchAll(/^export const (__wasm_split_load_\w+) = /gm)].map((m) => m[1]);
}
