// Histogram for the brushable range filter.

export interface Bin {
  x0: number;
  x1: number;
  count: number;
}

/**
 * Equal-width bins over `domain` (default: [min, max] of the finite values).
 * Bins are left-closed [x0, x1) except the last, which includes its upper bound
 * (same convention as classify). Nulls / non-finite values and values outside
 * the domain are not counted. All-equal values (or a zero-width domain) give a
 * single bin [v, v]; no values and no domain give [].
 */
export function histogram(values: (number | null)[], bins: number, domain?: [number, number]): Bin[] {
  const nums: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) nums.push(v);

  let lo: number;
  let hi: number;
  if (domain && Number.isFinite(domain[0]) && Number.isFinite(domain[1])) {
    lo = Math.min(domain[0], domain[1]);
    hi = Math.max(domain[0], domain[1]);
  } else {
    if (nums.length === 0) return [];
    lo = Infinity;
    hi = -Infinity;
    for (const v of nums) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }

  if (lo === hi) {
    return [{ x0: lo, x1: hi, count: nums.filter((v) => v === lo).length }];
  }

  const nb = Number.isFinite(bins) ? Math.max(1, Math.floor(bins)) : 1;
  // lo + span*t is monotone in t; when the span overflows, a*(1-t)+b*t stays finite.
  // The running max guards against rounding making edges go backwards (subnormals).
  const span = hi - lo;
  const edges: number[] = [lo];
  for (let i = 1; i < nb; i++) {
    const t = i / nb;
    const e = Number.isFinite(span) ? lo + span * t : lo * (1 - t) + hi * t;
    edges.push(Math.min(hi, Math.max(edges[i - 1], e)));
  }
  edges.push(hi);
  const out: Bin[] = [];
  for (let i = 0; i < nb; i++) out.push({ x0: edges[i], x1: edges[i + 1], count: 0 });

  for (const v of nums) {
    if (v < lo || v > hi) continue;
    // Binary search on the edges so counts agree exactly with the reported x0/x1.
    let a = 0;
    let b = nb;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (edges[mid + 1] <= v) a = mid + 1;
      else b = mid;
    }
    out[Math.min(a, nb - 1)].count++;
  }
  return out;
}
