// Size: every file of dist/ raw, gzip -9 and brotli (quality 11), and the total.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    // The precompressed copies are the same files again, and `_headers` is for the host.
    else if (!/\.(br|gz)$/.test(entry.name) && entry.name !== '_headers') out.push(path);
  }
  return out.sort();
}

export async function measureSize(dist) {
  const rows = [];
  for (const path of await files(dist)) {
    const body = await readFile(path);
    rows.push({
      // Trunk's content hashes change with every build: name files without them.
      file: relative(dist, path).replace(/-[0-9a-f]{16}(?=[._])/, ''),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    });
  }
  // The code the page groups share comes in many small pieces (chunk_N.wasm): one row for them.
  const shared = rows.filter((r) => /^chunk_\d+\.wasm$/.test(r.file));
  if (shared.length) {
    const sum = (key) => shared.reduce((s, r) => s + r[key], 0);
    const row = { file: `chunk_*.wasm (${shared.length} files)`, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
    rows.splice(rows.indexOf(shared[0]), 0, row);
    rows.splice(0, rows.length, ...rows.filter((r) => !shared.includes(r)));
  }
  const total = rows.reduce(
    (sum, r) => ({ file: 'total', raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files: rows, total };
}
