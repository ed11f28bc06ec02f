/** Summaries, the printed table and the JSON of the real-browser bench. */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

export function summarize(values: number[]): Summary {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Deterministic randomness (mulberry32), so a pass's intervals can be recomputed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 95 % bootstrap interval of median(a) / median(b): how finely 20 runs can tell two
 * browsers apart. A goal inside the interval's width cannot be shown met or missed.
 */
export function ratioInterval(a: number[], b: number[], rounds = 2000): [number, number] {
  const xs = a.filter(Number.isFinite);
  const ys = b.filter(Number.isFinite);
  if (xs.length === 0 || ys.length === 0) return [Number.NaN, Number.NaN];
  const random = seeded(xs.length * 7919 + ys.length);
  const resample = (values: number[]) =>
    summarize(values.map(() => values[Math.floor(random() * values.length)] as number)).median;
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) ratios.push(resample(xs) / resample(ys));
  ratios.sort((x, y) => x - y);
  const at = (p: number) => ratios[Math.min(rounds - 1, Math.floor(p * rounds))] as number;
  return [at(0.025), at(0.975)];
}

export interface Row {
  browser: string;
  measure: string;
  unit: string;
  /** A distribution over runs, or one figure (a byte count, a ratio, a count). */
  summary?: Summary;
  value?: number;
  /** What the figure should be, in words ("median ≤ 50 ms"). */
  goal?: string;
  /** Whether the goal holds; undefined when there is none or it was not measured. */
  met?: boolean;
  note?: string;
}

const fmt = (value: number | undefined, unit: string) => {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'ratio') return value.toFixed(3);
  if (unit === 'B') return `${(value / 1024).toFixed(1)} KB`;
  if (Math.abs(value) >= 100 || unit === 'count') return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
};

export function table(rows: Row[]): string {
  const header = ['browser', 'measure', 'unit', 'n', 'median', 'p95', 'min', 'max', 'goal'];
  const lines = rows.map((row) => {
    const s = row.summary;
    const verdict = row.met === undefined ? '' : row.met ? ' ✓' : ' ✗';
    return [
      row.browser,
      row.measure,
      row.unit === 'B' ? 'gzip' : row.unit,
      s ? String(s.n) : '1',
      fmt(s ? s.median : row.value, row.unit),
      fmt(s?.p95, row.unit),
      fmt(s?.min, row.unit),
      fmt(s?.max, row.unit),
      [row.goal ? `${row.goal}${verdict}` : '', row.note ?? ''].filter(Boolean).join('; '),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const numeric = new Set([3, 4, 5, 6, 7]);
  const render = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [
    render(header),
    `|${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
    ...lines.map(render),
  ].join('\n');
}
