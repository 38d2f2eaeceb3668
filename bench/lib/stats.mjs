// Small statistics and formatting helpers for the benchmark.

/// The p-th percentile (0..100) by linear interpolation between closest ranks.
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export const median = (values) => percentile(values, 50);

export const round = (x, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

/// Bytes in decimal units (1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes): the stricter reading of the budgets.
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

export function mb(bytes) {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

export const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

/// "OK" when `ok`, else the word for a missed goal.
export const verdict = (ok, missed = 'OVER') => (ok ? 'OK' : missed);
