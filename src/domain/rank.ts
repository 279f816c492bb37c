// Rank of a territory among others, for profiles ("3e sur 1 255").

export type RankDirection = 'higher-better' | 'lower-better' | 'neutral';

export interface Rank {
  /** 1 = best (or highest for 'neutral'); ties share the best rank (1, 2, 2, 4). */
  rank: number;
  /** Territories with data (nulls excluded). */
  of: number;
  /**
   * Share (0–100) of the OTHER ranked territories placed strictly below this one;
   * tied territories are not counted as below. 100 when it is alone.
   */
  percentile: number;
}

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function rankImpl(
  values: (number | null)[],
  index: number,
  direction: RankDirection,
  include: (i: number) => boolean,
): Rank | null {
  const own = values[index];
  if (!isNum(own)) return null;
  // 'neutral' ranks by value descending: 1 = highest.
  const lowerBetter = direction === 'lower-better';
  let better = 0;
  let worse = 0;
  let of = 0;
  for (let i = 0; i < values.length; i++) {
    if (i !== index && !include(i)) continue;
    const v = values[i];
    if (!isNum(v)) continue;
    of++;
    if (v === own) continue;
    if (lowerBetter ? v < own : v > own) better++;
    else worse++;
  }
  const percentile = of <= 1 ? 100 : (100 * worse) / (of - 1);
  return { rank: better + 1, of, percentile };
}

/** Rank of values[index] among all territories with data; null if its own value is missing. */
export function rankOf(values: (number | null)[], index: number, direction: RankDirection): Rank | null {
  return rankImpl(values, index, direction, () => true);
}

/**
 * Rank within a group (région, TI): only territories with groupMask[i] true are
 * compared. The territory itself is always counted, even if outside the mask,
 * so a profile never shows "1 sur 0".
 */
export function rankWithin(
  values: (number | null)[],
  index: number,
  groupMask: boolean[],
  direction: RankDirection,
): Rank | null {
  return rankImpl(values, index, direction, (i) => groupMask[i] === true);
}
