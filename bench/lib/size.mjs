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
  // Files that come in many small pieces get one row each kind: the code the page groups share
  // (chunk_N.wasm), and the data files of each question and each article.
  for (const [pattern, name] of [
    [/^chunk_\d+\.wasm$/, 'chunk_*.wasm'],
    [/^content-question-.*\.json$/, 'content-question-*.json'],
    [/^content-article-.*\.json$/, 'content-article-*.json'],
  ]) {
    const group = rows.filter((r) => pattern.test(r.file));
    if (!group.length) continue;
    const sum = (key) => group.reduce((s, r) => s + r[key], 0);
    const row = { file: `${name} (${group.length} files)`, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
    rows.splice(rows.indexOf(group[0]), 0, row);
    rows.splice(0, rows.length, ...rows.filter((r) => !group.includes(r)));
  }
  const total = rows.reduce(
    (sum, r) => ({ file: 'total', raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files: rows, total };
}
