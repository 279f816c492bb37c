// Series breaks: a value that falls to exactly 0 from a non-zero series is a break in the source
// (a missing file, a change of method), not a true zero. Such values become "not available" and
// are listed in the manifest, so they are never coloured, ranked or summed as zeros.
//
// Rule (stated in the README and the Sources dialog):
// - share: a share that is 0 while one of the (up to) three earlier values is above 0 is a break
//   (so a zero that follows a broken zero is one too);
// - count: a count that is 0 while the mean of the (up to) three earlier values is at least
//   MIN_MEAN_COUNT is a break (a Poisson count of that mean is 0 with a probability below 0.1 %).
// An all-zero series (a territory that never had any) stays a true zero.
import type { SeriesBreak } from '../../src/data/types.ts';

const MIN_MEAN_COUNT = 7;
export type SeriesKind = 'share' | 'count';

/** Is `value` at `years[i]` a break of its series? `series` is ordered by year. */
export function isBreak(series: readonly (number | null)[], i: number, kind: SeriesKind): boolean {
  if (series[i] !== 0) return false;
  const earlier = series
    .slice(0, i)
    .filter((v): v is number => v !== null)
    .slice(-3);
  if (earlier.length === 0) return false;
  if (kind === 'share') return earlier.some((v) => v > 0);
  return earlier.reduce((s, v) => s + v, 0) / earlier.length >= MIN_MEAN_COUNT;
}

/**
 * Applies the rule to the value of `year` of every territory's series; returns the breaks found.
 * `series` maps a territory code to its values by year.
 */
export function findBreaks(
  source: string,
  field: string,
  kind: SeriesKind,
  series: Map<string, Map<number, number | null>>,
  year: number,
  rawField: string,
): SeriesBreak[] {
  const out: SeriesBreak[] = [];
  for (const [code, byYear] of series) {
    const years = [...byYear.keys()].filter((y) => y <= year).sort((a, b) => a - b);
    const values = years.map((y) => byYear.get(y) ?? null);
    const i = years.indexOf(year);
    if (i >= 0 && isBreak(values, i, kind))
      out.push({ source, field, rawField, code, year, previous: values.slice(Math.max(0, i - 3), i) });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}
