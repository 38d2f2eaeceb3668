// The app's Content-Security-Policy, in one place: scripts/serve.mjs sends it as a header and
// scripts/dist-extras.mjs writes it into dist/index.html and dist/_headers.
import { createHash } from 'node:crypto';

/// The policy for a page: only its own scripts, its WebAssembly, and the hash of each inline
/// script it still has (the app's page has none). Data blocks (`type="application/json"`) are
/// never run, so they need no hash.
export function policy(html = '') {
  const hashes = [...html.matchAll(/<script((?: [^>]*)?)>([\s\S]*?)<\/script>/g)]
    .filter((m) => m[2].trim() && !/type="?application\/json/.test(m[1]))
    .map((m) => `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "img-src 'self' data:",
    // Recordings of spoken answers play from object URLs of the blobs kept on the device.
    'media-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}
