// Join key detection (with a preview of match rates) and the join report of an imported table
// against the reference territories.
import type { Generation } from '../../data/types.ts';
import { boundedLevenshtein, looseName, normalizeName, suggestionBudget } from '../names.ts';
import { formatTiKey } from '../ti-key.ts';
import { MAX_LISTED_MESSAGES } from './limits.ts';
import { msg } from './messages.ts';
import {
  entryOf,
  isNameKind,
  type JoinReference,
  KEY_KINDS,
  type KeyKind,
  levelOfKind,
  type TerritoryLevel,
} from './reference.ts';
import type { CellValue, ImportMessage, ImportTable } from './types.ts';

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
function cellToKeyText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return '';
  return v.trim();
}

/** "1" → "01", "2a" → "2A", "971", "01 - Ain" → "01"; null when not a département code. */
function normalizeDepartement(v: CellValue): string | null {
  const s = cellToKeyText(v).toUpperCase();
  const m = /^(97\d|2[AB]|\d{1,2})(?:\b|$)/.exec(s);
  if (!m) return null;
  const code = m[1];
  return /^\d$/.test(code) ? `0${code}` : code;
}

const DEP_HEADER = /^(?:code |num |numero |no |n )?(?:dep|dept|dpt|departement|departements|cod dep|code departement)$/;

/** Column holding département codes (header such as "dep", "Département", "CODE_DEPT"), or null. */
function findDepartementColumn(table: ImportTable, ref: JoinReference): number | null {
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
function suggestNames(input: string, level: TerritoryLevel, ref: JoinReference, limit = 3): Suggestion[] {
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

// ---------------------------------------------------------------------------------------------
// Detection

export interface KeyCandidate {
  column: number;
  columnName: string;
  kind: KeyKind;
  /** Recognised share of the sampled non-empty values (ambiguous names count as recognised). */
  matchRate: number;
  matched: number;
  ambiguous: number;
  /** Codes repaired by adding a leading zero. */
  repaired: number;
  /** Sampled non-empty values. */
  total: number;
  /** matchRate, plus a bonus when the header names the kind; used for ranking. */
  score: number;
}

export interface KeyDetection {
  best: KeyCandidate | null;
  /** Every (column, kind) pair with at least one recognised value, best first. */
  candidates: KeyCandidate[];
  /** Detected département column, used to narrow homonyms. */
  departementColumn: number | null;
  messages: ImportMessage[];
}

const MIN_KEY_MATCH_RATE = 0.5;
const DETECTION_SAMPLE = 1000;

const HEADER_HINTS: Record<KeyKind, RegExp> = {
  'commune-insee': /\b(insee|codgeo|code geo|depcom|com|code commune|codecommune|cog|code insee)\b/,
  'epci-siren': /\b(siren|epci|code epci|siren epci)\b/,
  'ti-id': /\b(ti|id ti|code ti|territoire|territoires)\b/,
  'commune-name': /\b(commune|communes|libgeo|libelle|nom|ville)\b/,
  'epci-name': /\b(epci|intercommunalite|interco|nom epci)\b/,
  'ti-name': /\b(ti|territoire|territoires)\b/,
};

const HAS_LETTER = /[A-Za-zÀ-ÿ]/;

/**
 * Scores each column as each key kind on up to 1,000 non-empty values and returns the best
 * (match rate >= 50 %) with every candidate's match rate, for a preview before the join.
 */
export function detectJoinKey(table: ImportTable, ref: JoinReference): KeyDetection {
  const depColumn = findDepartementColumn(table, ref);
  const candidates: KeyCandidate[] = [];
  for (let c = 0; c < table.columns.length; c++) {
    if (c === depColumn) continue;
    const sample: CellValue[] = [];
    const hints: (string | null)[] = [];
    for (let r = 0; r < table.rows.length && sample.length < DETECTION_SAMPLE; r++) {
      const v = table.rows[r][c];
      if (v === null || cellToKeyText(v) === '') continue;
      sample.push(v);
      hints.push(depColumn === null ? null : normalizeDepartement(table.rows[r][depColumn]));
    }
    if (sample.length === 0) continue;
    const withLetters = sample.some((v) => typeof v === 'string' && HAS_LETTER.test(v));
    const header = normalizeName(table.columns[c]);
    for (const kind of KEY_KINDS) {
      if (isNameKind(kind) && !withLetters) continue;
      let matched = 0;
      let ambiguous = 0;
      let repaired = 0;
      for (let i = 0; i < sample.length; i++) {
        const res = resolveKey(sample[i], kind, ref, hints[i]);
        if (res.status === 'matched') {
          matched++;
          if (res.repairedFrom !== undefined) repaired++;
        } else if (res.status === 'ambiguous') ambiguous++;
      }
      const recognised = matched + ambiguous;
      if (recognised === 0) continue;
      const matchRate = recognised / sample.length;
      const hinted = HEADER_HINTS[kind].test(header);
      let score = matchRate + (hinted ? 0.1 : 0) + (isNameKind(kind) ? 0 : 0.01);
      // A column made only of repaired 4-digit codes may be a count (population…): require a header hint.
      if (kind === 'commune-insee' && repaired === matched && !hinted) score *= 0.5;
      candidates.push({
        column: c,
        columnName: table.columns[c],
        kind,
        matchRate,
        matched,
        ambiguous,
        repaired,
        total: sample.length,
        score,
      });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const best = candidates.find((k) => k.matchRate >= MIN_KEY_MATCH_RATE && k.score >= MIN_KEY_MATCH_RATE) ?? null;
  const messages: ImportMessage[] = best
    ? [
        msg('import.join.keyDetected', {
          column: best.columnName,
          kind: best.kind,
          percent: Math.round(best.matchRate * 100),
        }),
      ]
    : [msg('import.join.noKeyColumn')];
  return { best, candidates, departementColumn: depColumn, messages };
}

// ---------------------------------------------------------------------------------------------
// Join

export type UnmatchedReason = 'unknown-code' | 'unknown-name' | 'duplicate' | 'ambiguous-name' | 'empty-key';

export interface MatchedRow {
  /** Index into table.rows. */
  rowIndex: number;
  /** File row number (1-based, header counted). */
  row: number;
  input: string;
  code: string;
  name: string;
  /** Matched by name: the user must confirm. */
  needsConfirmation: boolean;
  /** Original text when a lost leading zero was restored ("1001" → "01001"). */
  repairedFrom?: string;
}

export interface UnmatchedRow {
  rowIndex: number;
  row: number;
  input: string;
  reason: UnmatchedReason;
  /** 'duplicate': the territory, and every file row holding it (this one included). */
  code?: string;
  duplicateRows?: number[];
  /** 'ambiguous-name': territories sharing the name. */
  candidates?: NameCandidate[];
  /** 'unknown-name': closest names. */
  suggestions?: Suggestion[];
}

export interface DuplicateGroup {
  code: string;
  name: string;
  rows: number[];
  rowIndexes: number[];
}

export interface JoinReport {
  keyColumn: number;
  keyColumnName: string;
  keyKind: KeyKind;
  level: TerritoryLevel;
  departementColumn: number | null;
  matched: MatchedRow[];
  unmatched: UnmatchedRow[];
  duplicates: DuplicateGroup[];
  /** Territory code per table row (null when unmatched), aligned with table.rows. */
  codeByRow: (string | null)[];
  stats: {
    rows: number;
    matched: number;
    unmatched: number;
    needsConfirmation: number;
    repaired: number;
    byReason: Record<UnmatchedReason, number>;
  };
  /** Summary then per-row messages (at most 10 per reason). */
  messages: ImportMessage[];
}

export interface JoinOptions {
  /** Département column used to narrow homonyms; default detected, null to disable. */
  departementColumn?: number | null;
  /** Distinct unknown names that get suggestions (the search scans every name). Default 200. */
  maxSuggestionQueries?: number;
}

/**
 * Joins every row of `table` on `keyColumn` read as `keyKind`. A territory present on several rows
 * is not joined at all (reason 'duplicate', every row listed) so that no value is silently dropped.
 */
export function joinTable(
  table: ImportTable,
  keyColumn: number,
  keyKind: KeyKind,
  ref: JoinReference,
  options: JoinOptions = {},
): JoinReport {
  const level = levelOfKind(keyKind);
  const depColumn =
    options.departementColumn === undefined ? findDepartementColumn(table, ref) : options.departementColumn;
  const maxSuggest = options.maxSuggestionQueries ?? 200;
  const cache = new Map<string, Resolution>();
  const suggestionCache = new Map<string, Suggestion[]>();
  const keyColumnName = table.columns[keyColumn] ?? String(keyColumn);

  const provisional: MatchedRow[] = [];
  const unmatched: UnmatchedRow[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const value = table.rows[i][keyColumn] ?? null;
    const hint = depColumn === null ? null : normalizeDepartement(table.rows[i][depColumn] ?? null);
    const input = cellToKeyText(value);
    const cacheKey = `${hint ?? ''}\u0000${typeof value}\u0000${input}`;
    let res = cache.get(cacheKey);
    if (!res) {
      res = resolveKey(value, keyKind, ref, hint);
      cache.set(cacheKey, res);
    }
    const row = table.rowNumbers[i];
    if (res.status === 'matched') {
      const m: MatchedRow = {
        rowIndex: i,
        row,
        input,
        code: res.code,
        name: res.name,
        needsConfirmation: res.needsConfirmation,
      };
      if (res.repairedFrom !== undefined) m.repairedFrom = res.repairedFrom;
      provisional.push(m);
    } else if (res.status === 'empty') {
      unmatched.push({ rowIndex: i, row, input, reason: 'empty-key' });
    } else if (res.status === 'ambiguous') {
      unmatched.push({ rowIndex: i, row, input, reason: 'ambiguous-name', candidates: res.candidates });
    } else if (isNameKind(keyKind)) {
      let suggestions = suggestionCache.get(input);
      if (!suggestions && suggestionCache.size < maxSuggest) {
        suggestions = suggestNames(input, level, ref);
        suggestionCache.set(input, suggestions);
      }
      unmatched.push({ rowIndex: i, row, input, reason: 'unknown-name', suggestions: suggestions ?? [] });
    } else {
      unmatched.push({ rowIndex: i, row, input, reason: 'unknown-code' });
    }
  }

  const byCode = new Map<string, MatchedRow[]>();
  for (const m of provisional) {
    const list = byCode.get(m.code);
    if (list) list.push(m);
    else byCode.set(m.code, [m]);
  }
  const matched: MatchedRow[] = [];
  const duplicates: DuplicateGroup[] = [];
  for (const m of provisional) {
    const group = byCode.get(m.code)!;
    if (group.length === 1) {
      matched.push(m);
      continue;
    }
    if (group[0] === m) {
      duplicates.push({
        code: m.code,
        name: m.name,
        rows: group.map((g) => g.row),
        rowIndexes: group.map((g) => g.rowIndex),
      });
    }
    unmatched.push({
      rowIndex: m.rowIndex,
      row: m.row,
      input: m.input,
      reason: 'duplicate',
      code: m.code,
      duplicateRows: group.map((g) => g.row),
    });
  }
  unmatched.sort((a, b) => a.rowIndex - b.rowIndex);

  const codeByRow: (string | null)[] = new Array(table.rows.length).fill(null);
  for (const m of matched) codeByRow[m.rowIndex] = m.code;

  const byReason: Record<UnmatchedReason, number> = {
    'unknown-code': 0,
    'unknown-name': 0,
    duplicate: 0,
    'ambiguous-name': 0,
    'empty-key': 0,
  };
  for (const u of unmatched) byReason[u.reason]++;
  const repairedRows = matched.filter((m) => m.repairedFrom !== undefined);
  const needsConfirmation = matched.filter((m) => m.needsConfirmation).length;

  const messages: ImportMessage[] = [
    msg('import.join.summary', { matched: matched.length, total: table.rows.length, unmatched: unmatched.length }),
  ];
  if (repairedRows.length > 0) {
    messages.push(
      msg('import.join.leadingZeroRepaired', {
        count: repairedRows.length,
        example: repairedRows[0].repairedFrom!,
        repaired: repairedRows[0].code,
      }),
    );
  }
  if (needsConfirmation > 0) messages.push(msg('import.join.needsConfirmation', { count: needsConfirmation }));
  const listed: Record<UnmatchedReason, number> = {
    'unknown-code': 0,
    'unknown-name': 0,
    duplicate: 0,
    'ambiguous-name': 0,
    'empty-key': 0,
  };
  for (const g of duplicates) {
    if (listed.duplicate++ < MAX_LISTED_MESSAGES)
      messages.push(msg('import.join.duplicate', { code: g.code, name: g.name, rows: g.rows.join(', ') }));
  }
  for (const u of unmatched) {
    if (u.reason === 'duplicate' || listed[u.reason]++ >= MAX_LISTED_MESSAGES) continue;
    if (u.reason === 'empty-key') messages.push(msg('import.join.emptyKey', { row: u.row, column: keyColumnName }));
    else if (u.reason === 'unknown-code') messages.push(msg('import.join.unknownCode', { row: u.row, value: u.input }));
    else if (u.reason === 'ambiguous-name')
      messages.push(msg('import.join.ambiguousName', { row: u.row, value: u.input, count: u.candidates?.length ?? 0 }));
    else if (u.suggestions && u.suggestions.length > 0) {
      messages.push(
        msg('import.join.unknownNameSuggest', {
          row: u.row,
          value: u.input,
          suggestions: u.suggestions.map((s) => s.name).join(' / '),
        }),
      );
    } else messages.push(msg('import.join.unknownName', { row: u.row, value: u.input }));
  }

  return {
    keyColumn,
    keyColumnName,
    keyKind,
    level,
    departementColumn: depColumn,
    matched,
    unmatched,
    duplicates,
    codeByRow,
    stats: {
      rows: table.rows.length,
      matched: matched.length,
      unmatched: unmatched.length,
      needsConfirmation,
      repaired: repairedRows.length,
      byReason,
    },
    messages,
  };
}
