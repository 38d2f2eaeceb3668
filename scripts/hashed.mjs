// Files named by a hash of their bytes, as shipped: 16 hex digits before the extension (`_bg` for
// the wasm). They never change in place, so hosts cache them for a year (scripts/dist-extras.mjs
// writes that into `_headers`; scripts/serve.mjs sends it). public/sw.js keeps its own copy of
// the pattern: the worker loads no module.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
// What looks named by a hash, the 16 digits or not (Trunk writes its hash without leading zeros).
const LOOKS_HASHED = /-([0-9a-f]{8,16})(_bg)?\.[a-z]+$/;
// The content data file carries the checksum the wasm checks it against (FNV-1a 64,
// interview_text::checksum), not a SHA-256.
const CHECKSUMMED = /^content-[0-9a-f]{16}\.json$/;

/// The hash a file named `name` with these final bytes carries.
export function hashOf(name, bytes) {
  if (CHECKSUMMED.test(name)) {
    let hash = 0xcbf29ce484222325n;
    for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
    return hash.toString(16).padStart(16, '0');
  }
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/// `name` (`<stem>.<ext>` or `<stem>_bg.wasm`) named by these bytes: `<stem>-<hash>.<ext>`.
export function named(name, bytes) {
  return name.replace(/(_bg)?\.[a-z]+$/, (ext) => `-${hashOf(name, bytes)}${ext}`);
}

/// The files of `dir` that look named by a hash but are not named by the hash of their bytes:
/// a host would cache other bytes under that name for a year.
export function misnamed(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && LOOKS_HASHED.test(entry.name))
    .map((entry) => entry.name)
    .filter((name) => {
      const [, hash] = name.match(LOOKS_HASHED);
      return !HASHED.test(name) || hash !== hashOf(name, readFileSync(join(dir, name)));
    });
}
