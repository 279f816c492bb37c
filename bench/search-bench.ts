// Per-keystroke latency of the search box: each query is typed one character at a time
// ("s", "sa", "sai", …) and every prefix is searched, as the UI does on input.
import { search } from '../src/domain/search/query.ts';
import type { SearchIndex } from '../src/domain/search/search-index.ts';

export interface SearchBenchResult {
  /** Milliseconds per keystroke. */
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function benchSearch(index: SearchIndex, queries: string[], limit = 10): SearchBenchResult {
  const times: number[] = [];
  for (const q of queries) {
    const chars = Array.from(q); // whole code points, so emoji are not split
    for (let n = 1; n <= chars.length; n++) {
      const typed = chars.slice(0, n).join('');
      const t0 = performance.now();
      search(index, typed, limit);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.length ? times[times.length - 1] : 0 };
}
