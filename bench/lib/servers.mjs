// Starts scripts/serve.mjs (the strict-CSP static server) on 127.0.0.1 and stops it again.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const children = new Set();

/// Serves `dir` on `host`:`port` (127.0.0.1 unless given), with `encoding` (br, gzip, identity)
/// forced when given, without the app's policy header if `csp` is false (a host page of another
/// site), and resolves with its base URL once it answers (it has compressed every file by then).
export async function serve(dir, port, { encoding, host = '127.0.0.1', csp = true } = {}) {
  const args = [resolve(ROOT, 'scripts/serve.mjs'), resolve(ROOT, dir), String(port), '--host', host];
  if (encoding) args.push('--encoding', encoding);
  if (!csp) args.push('--no-csp');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const url = `http://${host}:${port}/`;
  const deadline = Date.now() + 30_000; // Brotli 11 of the wasm first
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      stop(child);
      throw new Error(`the server for ${dir} did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, encoding: encoding ?? 'negotiated', stop: () => stop(child) };
}

function stop(child) {
  if (child.exitCode === null) child.kill();
  children.delete(child);
}

export function stopAll() {
  for (const child of children) stop(child);
}
process.on('exit', stopAll);
