import { MAX_LISTED_MESSAGES } from './limits.ts';
import { msg } from './messages.ts';
import { isNameKind, type JoinReference, type KeyKind, levelOfKind, type TerritoryLevel } from './reference.ts';
import {
  cellToKeyText,
  findDepartementColumn,
  type NameCandidate,
  normalizeDepartement,
  type Resolution,
  resolveKey,
  type Suggestion,
  suggestNames,
} from './resolve.ts';
import type { ImportMessage, ImportTable } from './types.ts';

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
