// Custom groups of EPCI (planners' own perimeters): aggregated like a TI from the EPCI raw
// fields (sums; ratios recomputed from sums), and stored locally in a versioned format.
import { type FieldTable, RAW_FIELDS, type RawField } from './fields.ts';

export interface CustomGroup {
  id: string;
  name: string;
  epcis: string[];
}

export const GROUPS_STORAGE_KEY = 'atlas-ti:groups';
export const GROUPS_VERSION = 1;
/** Fields that may be summed over EPCI (shares, medians and rates may not). */
const SUMMABLE: ReadonlySet<RawField> = new Set(
  RAW_FIELDS.filter((f) => !['indus_pct_2022', 'vac2ans_pct_2024', 'pxm2_mai_2024'].includes(f)),
);

/** Raw fields of a group: sums over members; null when a member lacks the field, or not summable. */
export function aggregateGroup(epcis: readonly string[], table: FieldTable): Record<RawField, number | null> {
  const pos = new Map(table.codes.map((c, i) => [c, i]));
  const out = {} as Record<RawField, number | null>;
  for (const f of RAW_FIELDS) {
    if (!SUMMABLE.has(f) || epcis.length === 0) {
      out[f] = null;
      continue;
    }
    let s = 0;
    for (const c of epcis) {
      const i = pos.get(c);
      const v = i === undefined ? null : table.values[f][i];
      if (v === null || v === undefined) {
        s = NaN;
        break;
      }
      s += v;
    }
    out[f] = Number.isNaN(s) ? null : s;
  }
  return out;
}

export function serializeGroups(groups: CustomGroup[]): string {
  return JSON.stringify({ version: GROUPS_VERSION, groups });
}

/** Reads stored groups; anything malformed is dropped, codes unknown to `knownEpci` are removed. */
export function parseGroups(
  text: string | null,
  knownEpci: ReadonlySet<string>,
): { groups: CustomGroup[]; problems: string[] } {
  const problems: string[] = [];
  if (!text) return { groups: [], problems };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { groups: [], problems: ['unreadable'] };
  }
  const r = raw as { version?: unknown; groups?: unknown };
  if (!r || typeof r !== 'object' || r.version !== GROUPS_VERSION || !Array.isArray(r.groups))
    return { groups: [], problems: ['unknown-version'] };
  const groups: CustomGroup[] = [];
  for (const g of r.groups as unknown[]) {
    const x = g as Partial<CustomGroup>;
    if (!x || typeof x.id !== 'string' || typeof x.name !== 'string' || !Array.isArray(x.epcis)) {
      problems.push('malformed-group');
      continue;
    }
    const epcis = [...new Set(x.epcis.filter((c): c is string => typeof c === 'string'))];
    const known = epcis.filter((c) => knownEpci.has(c));
    if (known.length < epcis.length) problems.push(`unknown-codes:${x.name}`);
    groups.push({ id: x.id, name: x.name.slice(0, 120), epcis: known });
  }
  return { groups, problems };
}

/** Same name and same members (in any order): the same group, whichever id it has. */
export function sameGroup(
  a: { name: string; epcis: readonly string[] },
  b: { name: string; epcis: readonly string[] },
) {
  if (a.name !== b.name || a.epcis.length !== b.epcis.length) return false;
  const set = new Set(a.epcis);
  return b.epcis.every((c) => set.has(c));
}
