// Percentiles and small summaries.

/**
 * Nearest-rank percentile of `sorted` (ascending); NaN when empty.
 * @param {number[]} sorted @param {number} p 0..100
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** @param {number[]} samples latencies in ms */
export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
  };
}

/** @param {number[]} values */
export function median(values) {
  return summarise(values).p50;
}

/** Rounds for the report: one decimal below 100, whole numbers above. */
export function round(value) {
  if (!Number.isFinite(value)) {
    return null;
  }
  return Math.abs(value) < 100 ? Math.round(value * 10) / 10 : Math.round(value);
}
