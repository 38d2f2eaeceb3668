// Shrinks the JavaScript a release build ships (terser): whitespace, comments, and the local
// names of a script's or module's own bindings. Property, import and export names stay, so the
// wasm's imports and the page's element ids are untouched.
import { minify } from 'terser';

/// `code` minified; `module`: an ES module (its top-level names are its own), else a classic
/// script (wrap it in a function to keep its names local, as ours are).
export async function minified(code, { module = false } = {}) {
  const { code: out } = await minify(code, {
    module,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  return out;
}
