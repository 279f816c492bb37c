// Combine filters (AND) over territories.
import type { Filter } from './view.ts';

export interface FilterContext {
  /** Number of territories. */
  n: number;
  /** Values of a numeric indicator, or undefined if the indicator is unknown. */
  numeric: (indicatorId: string) => (number | null)[] | undefined;
  /** Values of a categorical dimension (a territory may have several), or undefined if unknown. */
  category: (dimension: string) => (string | string[] | null)[] | undefined;
}

export interface FilterResult {
  match: boolean[];
  count: number;
  /** Indicator ids / dimension names of filters that could not be resolved; those filters are ignored. */
  unknown: string[];
}

/** True when the filter constrains nothing (empty category list, range with both bounds open). */
function isInactive(f: Filter): boolean {
  if (f.kind === 'category') return f.values.length === 0;
  return !Number.isFinite(f.min ?? NaN) && !Number.isFinite(f.max ?? NaN);
}

/**
 * Apply all filters with AND.
 * - Range: min ≤ value ≤ max, null (or non-finite) bound = open; bounds given in
 *   the wrong order are swapped. A territory with NO DATA for the indicator does
 *   NOT match an active range filter (we cannot claim it is in range).
 *   A range with both bounds open is no constraint, so no-data territories stay.
 * - Category: matches if any of the territory's values is selected; null does not
 *   match. Empty `values` = no constraint.
 * - Filters on unknown indicators/dimensions are ignored and reported in `unknown`.
 */
export function applyFilters(filters: Filter[], ctx: FilterContext): FilterResult {
  const n = Math.max(0, Math.floor(ctx.n));
  const match = new Array<boolean>(n).fill(true);
  const unknown: string[] = [];
  const report = (id: string) => {
    if (!unknown.includes(id)) unknown.push(id);
  };

  for (const f of filters) {
    if (f.kind === 'range') {
      const vals = ctx.numeric(f.indicator);
      if (!vals) {
        report(f.indicator);
        continue;
      }
      if (isInactive(f)) continue;
      let lo = Number.isFinite(f.min ?? NaN) ? (f.min as number) : -Infinity;
      let hi = Number.isFinite(f.max ?? NaN) ? (f.max as number) : Infinity;
      if (lo > hi) [lo, hi] = [hi, lo];
      for (let i = 0; i < n; i++) {
        if (!match[i]) continue;
        const v = vals[i];
        match[i] = typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
      }
    } else {
      const vals = ctx.category(f.dimension);
      if (!vals) {
        report(f.dimension);
        continue;
      }
      if (isInactive(f)) continue;
      const selected = new Set(f.values);
      for (let i = 0; i < n; i++) {
        if (!match[i]) continue;
        const v = vals[i];
        if (v === null || v === undefined) match[i] = false;
        else if (Array.isArray(v)) match[i] = v.some((x) => selected.has(x));
        else match[i] = selected.has(v);
      }
    }
  }

  let count = 0;
  for (const m of match) if (m) count++;
  return { match, count, unknown };
}
