// Sprint Innovation eligibility of a Territoire d'industrie from the rule of excluded départements
// (geo/sprint-innovation.json). Pure: the table is passed in.
export type SprintState = 'eligible' | 'not-eligible' | 'partial';
export type EpciSprintState = SprintState | 'outside-ti';

export interface SprintRule {
  citation: string;
  statedCount: number;
  interpretation: { fr: string; en: string };
  excluded: { dep: string; as: string }[];
}

export function sprintState(departements: readonly string[], rule: SprintRule): SprintState {
  const excluded = new Set(rule.excluded.map((e) => e.dep));
  const hit = departements.filter((d) => excluded.has(d)).length;
  if (hit === 0) return 'eligible';
  return hit === departements.length ? 'not-eligible' : 'partial';
}

/** An EPCI takes the state of its TI; with several TI, the most favourable one is shown first. */
export function epciSprintState(tiStates: readonly SprintState[]): EpciSprintState {
  if (tiStates.length === 0) return 'outside-ti';
  for (const s of ['eligible', 'partial', 'not-eligible'] as const) if (tiStates.includes(s)) return s;
  return 'outside-ti';
}

/** Excluded départements a TI touches (for the "why" shown in profiles). */
export function excludedIn(departements: readonly string[], rule: SprintRule): string[] {
  const excluded = new Set(rule.excluded.map((e) => e.dep));
  return departements.filter((d) => excluded.has(d));
}
