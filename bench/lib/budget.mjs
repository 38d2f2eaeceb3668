// The start page's transfer budget: `make test` fails over it (bench/budget.mjs), `make bench`
// reports the same figure against it (run.mjs).
import { kb } from './stats.mjs';

/// Bytes on the wire (bodies and headers, gzip) that loading `/` may take until the app is
/// ready and the network is idle.
export const START_PAGE_BUDGET = 160_000;

const onWire = (f) => (f.body ?? 0) + (f.headers ?? 0);
const bytes = (n) => `${n.toLocaleString('en')} bytes`;

/// Judges one encoding's transfer (`measureTransfer(...).gzip`): `ok`, and a line that names
/// the figure and the budget (and, over it, the largest files).
export function judge(transfer, budget = START_PAGE_BUDGET) {
  const { total } = transfer;
  if (total <= budget) {
    return {
      ok: true,
      message: `start-page transfer: ${kb(total)} gzip (${bytes(total)}), within its budget of ${kb(budget)} (${kb(budget - total)} to spare)`,
    };
  }
  const largest = [...transfer.files]
    .sort((a, b) => onWire(b) - onWire(a))
    .slice(0, 3)
    .map((f) => `${f.file} ${kb(onWire(f))}`)
    .join(', ');
  return {
    ok: false,
    message:
      `start-page transfer: ${kb(total)} gzip (${bytes(total)}) is over its budget of ${kb(budget)} by ${kb(total - budget)} ` +
      `(largest: ${largest}). \`make size\` shows where the start page's wasm goes.`,
  };
}
