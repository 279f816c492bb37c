// Ranking: score tiers, the per-query best score of each entry, the top-N selection and
// the results handed to the UI.
import type { CommuneRecord, EpciRecord, TiRecord } from '../../data/types.ts';
import { type IndexData, K_COMMUNE, K_EPCI, type MatchKind, type SearchResult } from './search-index.ts';

// Scores: tiers are far apart so population only breaks ties within a tier.
export const S_CODE = 100; // INSEE code or SIREN, exact
export const S_POSTCODE = 95;
export const S_EXACT = 90;
export const S_ALIAS_EXACT = 88; // "lyon" → Métropole de Lyon, just after the commune Lyon
export const S_PREFIX = 70;
export const S_ALIAS_PREFIX = 68;
export const S_CODE_PREFIX = 55;
export const S_WORD = 50; // a later word of the name starts with the query
export const S_WORD_ANY_ORDER = 45; // every query word starts some word of the name
export const S_FUZZY = 20; // minus 5 per typo, minus small penalties

export const M_EXACT = 0;
export const M_PREFIX = 1;
export const M_WORD = 2;
export const M_FUZZY = 3;
export const M_CODE = 4;
const MATCH_NAMES: readonly MatchKind[] = ['exact', 'prefix', 'word', 'fuzzy', 'code'];

export function offer(d: IndexData, id: number, score: number, match: number, postcode?: string): void {
  if (d.stamp[id] !== d.cur) {
    d.stamp[id] = d.cur;
    d.touched[d.touchedCount++] = id;
    d.score[id] = score;
    d.match[id] = match;
    d.hitPostcode[id] = postcode;
  } else if (score > d.score[id]) {
    d.score[id] = score;
    d.match[id] = match;
    d.hitPostcode[id] = postcode;
  }
}

function better(d: IndexData, a: number, b: number): boolean {
  if (d.score[a] !== d.score[b]) return d.score[a] > d.score[b];
  if (d.pop[a] !== d.pop[b]) return d.pop[a] > d.pop[b];
  return a < b;
}

/** Best `limit` matches; a kind that matched (not just fuzzily) keeps at least one slot. */
export function selectTop(d: IndexData, limit: number): number[] {
  const top: number[] = [];
  const bestOfKind = [-1, -1, -1];
  for (let t = 0; t < d.touchedCount; t++) {
    const id = d.touched[t];
    const k = d.kind[id];
    if (d.match[id] !== M_FUZZY && (bestOfKind[k] < 0 || better(d, id, bestOfKind[k]))) bestOfKind[k] = id;
    if (top.length === limit && !better(d, id, top[limit - 1])) continue;
    let pos = top.length;
    while (pos > 0 && better(d, id, top[pos - 1])) pos--;
    top.splice(pos, 0, id);
    if (top.length > limit) top.pop();
  }
  if (limit < 3) return top;
  // Ten "Sainte-Colombe" communes must not hide the EPCI or TI that matched too.
  for (const cand of bestOfKind) {
    if (cand < 0 || top.includes(cand)) continue;
    const count = [0, 0, 0];
    for (const id of top) count[d.kind[id]]++;
    for (let i = top.length - 1; i >= 0; i--) {
      if (count[d.kind[top[i]]] > 1) {
        top.splice(i, 1);
        let pos = top.length;
        while (pos > 0 && better(d, cand, top[pos - 1])) pos--;
        top.splice(pos, 0, cand);
        break;
      }
    }
  }
  return top;
}

function communeDetail(c: CommuneRecord, first?: string): string {
  const all = c.postcodes ?? [];
  const pcs = first ? [first, ...all.filter((p) => p !== first)] : all;
  if (pcs.length === 0) return c.departement;
  return `${pcs[0]}${pcs.length > 1 ? ` +${pcs.length - 1}` : ''} · ${c.departement}`;
}

export function toResult(d: IndexData, id: number): SearchResult {
  const score = d.score[id];
  const match = MATCH_NAMES[d.match[id]];
  const kind = d.kind[id];
  if (kind === K_COMMUNE) {
    const c = d.recs[id] as CommuneRecord;
    return {
      kind: 'commune',
      code: c.code,
      name: c.name,
      detail: communeDetail(c, d.hitPostcode[id]),
      population: c.population || 0,
      postcodes: c.postcodes ?? [],
      departement: c.departement,
      epci: c.epci,
      score,
      match,
    };
  }
  if (kind === K_EPCI) {
    const e = d.recs[id] as EpciRecord;
    return {
      kind: 'epci',
      code: e.code,
      name: e.name,
      detail: e.depSiege ? `${e.nature} · ${e.depSiege}` : e.nature,
      population: e.population || 0,
      nature: e.nature,
      score,
      match,
    };
  }
  const t = d.recs[id] as TiRecord;
  return {
    kind: 'ti',
    code: t.key,
    name: t.name,
    detail: t.generation,
    population: t.population || 0,
    generation: t.generation,
    score,
    match,
  };
}
