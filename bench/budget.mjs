// `make test`'s byte budget: serves DIR (dist/ by default) gzip and loads `/` in Chromium, as
// `make bench` measures its "start-page transfer" (lib/transfer.mjs), then exits 1 with the figure
// and the budget when the bytes on the wire exceed the budget (lib/budget.mjs).
//
//   node bench/budget.mjs [DIR] [--port N] [--budget BYTES]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { judge, START_PAGE_BUDGET } from './lib/budget.mjs';
import { serve, stopAll } from './lib/servers.mjs';
import { measureTransfer } from './lib/transfer.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const [dir = 'dist'] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const port = Number(option('--port', 4184));
const budget = Number(option('--budget', START_PAGE_BUDGET));

async function main() {
  if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: run \`make dist\``);
  const server = await serve(dir, port, { encoding: 'gzip' });
  try {
    const { gzip } = await measureTransfer({ gzip: server.url });
    const verdict = judge(gzip, budget);
    console.log(verdict.message);
    return verdict.ok ? 0 : 1;
  } finally {
    server.stop();
  }
}

main()
  .then((code) => {
    stopAll();
    process.exit(code);
  })
  .catch((error) => {
    console.error(`start-page transfer: not measured: ${error.message ?? error}`);
    stopAll();
    process.exit(2);
  });
