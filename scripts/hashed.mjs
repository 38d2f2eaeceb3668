// Files named by a hash of their content, Trunk's and the build's own: 16 hex digits before the
// extension (`_bg` for the wasm). They never change in place, so hosts cache them for a year
// (scripts/dist-extras.mjs writes that into `_headers`; scripts/serve.mjs sends it). public/sw.js
// keeps its own copy: the worker loads no module.
export const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
