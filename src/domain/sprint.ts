// Sprint Innovation eligibility from the rule of excluded départements (geo/sprint-innovation.json),
// applied to the population share of each département in a territory (2022 commune populations).
// Pure: the table is passed in.
import type { DepartementShares } from '../data/types.ts';

export type SprintState = 'eligible' | 'not-eligible' | 'partial';
export type EpciSprintState = SprintState | 'outside-ti';

export interface SprintRule {
  citation: string;
  statedCount: number;
  /** A territory with at most this share of its population in excluded départements is eligible;
   * with at least 1 − threshold it is not eligible; in between, partly. */
  threshold: number;
  thresholdText: { fr: string; en: string };
  interpretation: { fr: string; en: string };
  excluded: { dep: string; as: string }[];
}

/** Share (0–1) of the population living in excluded départements. */
export function excludedShare(shares: DepartementShares, rule: SprintRule): number {
  const excluded = new Set(rule.excluded.map((e) => e.dep));
  const s = Object.entries(shares).reduce((sum, [d, x]) => sum + (excluded.has(d) ? x : 0), 0);
  return Math.round(s * 1e4) / 1e4;
}

export function sprintState(shares: DepartementShares, rule: SprintRule): SprintState {
  const s = excludedShare(shares, rule);
  if (s <= rule.threshold) return 'eligible';
  return s >= 1 - rule.threshold ? 'not-eligible' : 'partial';
}

/** An EPCI in a 2023–2027 TI gets the state of its own population; outside any TI it is 'outside-ti'. */
export function epciSprintState(shares: DepartementShares, inTi: boolean, rule: SprintRule): EpciSprintState {
  return inTi ? sprintState(shares, rule) : 'outside-ti';
}
