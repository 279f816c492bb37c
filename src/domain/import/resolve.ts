// Resolving one key cell to a reference territory (codes, TI ids, names), with suggestions.
import type { Generation } from '../../data/types.ts';
import { boundedLevenshtein, looseName, normalizeName, suggestionBudget } from '../names.ts';
import { formatTiKey } from '../ti-key.ts';
import { entryOf, type JoinReference, type KeyKind, levelOfKind, type TerritoryLevel } from './reference.ts';
import type { CellValue, ImportTable } from './types.ts';

export type { KeyKind, TerritoryLevel } from './reference.ts';

export interface NameCandidate {
  code: string;
  name: string;
  departements: string[];
}

export interface Suggestion extends NameCandidate {
  distance: number;
}

export type Resolution =
  | { status: 'matched'; code: string; name: string; needsConfirmation: boolean; repairedFrom?: string }
  | { status: 'empty' }
  | { status: 'unknown' }
  | { status: 'ambiguous'; candidates: NameCandidate[] };

/** Key cell as text: integers without decimals ("1001" for 1001 read from XLSX), trimmed strings. */
export function cellToKeyText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return '';
  return v.trim();
}

/** "1" → "01", "2a" → "2A", "971", "01 - Ain" → "01"; null when not a département code. */
export function normalizeDepartement(v: CellValue): string | null {
  const s = cellToKeyText(v).toUpperCase();
  const m = /^(97\d|2[AB]|\d{1,2})(?:\b|$)/.exec(s);
  if (!m) return null;
  const code = m[1];
  return /^\d$/.test(code) ? `0${code}` : code;
}

const DEP_HEADER = /^(?:code |num |numero |no |n )?(?:dep|dept|dpt|departement|departements|cod dep|code departement)$/;

/** Column holding département codes (header such as "dep", "Département", "CODE_DEPT"), or null. */
export function findDepartementColumn(table: ImportTable, ref: JoinReference): number | null {
  for (let c = 0; c < table.columns.length; c++) {
    const h = normalizeName(table.columns[c]);
    if (!DEP_HEADER.test(h)) continue;
    let ok = 0;
    let total = 0;
    for (let r = 0; r < table.rows.length && total < 500; r++) {
      const v = table.rows[r][c];
      if (v === null) continue;
      total++;
      const d = normalizeDepartement(v);
      if (d && ref.departements.has(d)) ok++;
    }
    if (total > 0 && ok / total >= 0.8) return c;
  }
  return null;
}

const INSEE = /^(?:\d{5}|2[AB]\d{3})$/;

function stripNumberNoise(s: string): string {
  let t = s.replace(/[\s\u00A0\u202F]/g, '');
  if (/^\d+[.,]0+$/.test(t)) t = t.replace(/[.,]0+$/, '');
  return t;
}

function resolveInsee(s: string, ref: JoinReference, depHint: string | null): Resolution {
  const t = stripNumberNoise(s).toUpperCase();
  if (INSEE.test(t)) {
    const c = ref.communes.get(t);
    return c ? { status: 'matched', code: c.code, name: c.name, needsConfirmation: false } : { status: 'unknown' };
  }
  // A code that lost its leading zero (read as a number by a spreadsheet): only départements 01–09,
  // and only when consistent with the row's département when the table has one.
  if (/^\d{4}$/.test(t)) {
    const padded = `0${t}`;
    const dep = padded.slice(0, 2);
    if (!ref.departements.has(dep) || (depHint !== null && depHint !== dep)) return { status: 'unknown' };
    const c = ref.communes.get(padded);
    return c
      ? { status: 'matched', code: c.code, name: c.name, needsConfirmation: false, repairedFrom: s }
      : { status: 'unknown' };
  }
  return { status: 'unknown' };
}

function resolveSiren(s: string, ref: JoinReference): Resolution {
  const t = stripNumberNoise(s);
  if (!/^\d{9}$/.test(t)) return { status: 'unknown' };
  const e = ref.epci.get(t);
  return e ? { status: 'matched', code: e.code, name: e.name, needsConfirmation: false } : { status: 'unknown' };
}

function resolveTiId(s: string, ref: JoinReference): Resolution {
  const t = s.toLowerCase().replace(/\s+/g, '');
  let key: string | undefined;
  const full = /^(2018|2023):ti[-_]?(\d{4})$/.exec(t);
  if (full) key = formatTiKey(full[1] as Generation, `ti-${full[2]}`);
  else {
    const id = /^ti[-_]?(\d{4})$/.exec(t);
    if (id) key = ref.tiIdToKey.get(`ti-${id[1]}`);
  }
  const e = key ? ref.ti.get(key) : undefined;
  return e ? { status: 'matched', code: e.code, name: e.name, needsConfirmation: false } : { status: 'unknown' };
}

const DEP_SUFFIX = /^(.*?)\s*\(\s*(\d{2,3}|2[AB])\s*\)\s*$/i;

function resolveName(s: string, level: TerritoryLevel, ref: JoinReference, depHint: string | null): Resolution {
  let text = s;
  let hint = depHint;
  const m = DEP_SUFFIX.exec(text);
  if (m) {
    const d = normalizeDepartement(m[2]);
    if (d && ref.departements.has(d)) {
      text = m[1];
      hint = hint ?? d;
    }
  }
  const n = normalizeName(text);
  if (n === '') return { status: 'unknown' };
  const index = ref.names[level];
  let codes = index.exact.get(n) ?? index.loose.get(looseName(n));
  if (!codes || codes.length === 0) return { status: 'unknown' };
  if (codes.length > 1 && hint !== null) {
    const h = hint;
    const narrowed = codes.filter((c) => entryOf(ref, level, c)?.departements.includes(h));
    if (narrowed.length > 0) codes = narrowed;
  }
  if (codes.length === 1) {
    const e = entryOf(ref, level, codes[0])!;
    return { status: 'matched', code: e.code, name: e.name, needsConfirmation: true };
  }
  return {
    status: 'ambiguous',
    candidates: codes.map((c) => {
      const e = entryOf(ref, level, c)!;
      return { code: e.code, name: e.name, departements: e.departements };
    }),
  };
}

/** Resolves one key cell. `depHint` (normalised département) narrows homonyms and repaired codes. */
export function resolveKey(
  value: CellValue,
  kind: KeyKind,
  ref: JoinReference,
  depHint: string | null = null,
): Resolution {
  const s = cellToKeyText(value);
  if (s === '') return { status: 'empty' };
  switch (kind) {
    case 'commune-insee':
      return resolveInsee(s, ref, depHint);
    case 'epci-siren':
      return resolveSiren(s, ref);
    case 'ti-id':
      return resolveTiId(s, ref);
    default:
      return resolveName(s, levelOfKind(kind), ref, depHint);
  }
}

/** Closest names within a length-dependent edit budget, then (EPCI/TI) names containing every word. */
export function suggestNames(input: string, level: TerritoryLevel, ref: JoinReference, limit = 3): Suggestion[] {
  const n = normalizeName(input.replace(DEP_SUFFIX, '$1'));
  if (n === '') return [];
  const index = ref.names[level];
  const k = suggestionBudget(n.length);
  const found: Suggestion[] = [];
  const seen = new Set<string>();
  for (let len = n.length - k; len <= n.length + k; len++) {
    for (const key of index.byLength.get(len) ?? []) {
      const d = boundedLevenshtein(n, key, k);
      if (d > k) continue;
      for (const code of index.exact.get(key) ?? []) {
        if (seen.has(code)) continue;
        seen.add(code);
        const e = entryOf(ref, level, code)!;
        found.push({ code, name: e.name, departements: e.departements, distance: d });
      }
    }
  }
  if (level !== 'commune') {
    const words = looseName(n).split(' ');
    for (const [key, codes] of index.exact) {
      const tokens = new Set(key.split(' '));
      if (!words.every((w) => tokens.has(w))) continue;
      for (const code of codes) {
        if (seen.has(code)) continue;
        seen.add(code);
        const e = entryOf(ref, level, code)!;
        found.push({ code, name: e.name, departements: e.departements, distance: k + 1 });
      }
    }
  }
  found.sort(
    (a, b) =>
      a.distance - b.distance ||
      (entryOf(ref, level, b.code)?.population ?? 0) - (entryOf(ref, level, a.code)?.population ?? 0),
  );
  return found.slice(0, limit);
}
