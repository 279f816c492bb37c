// Aggregation of a numeric column of a commune-keyed table to EPCI and TI (or of an EPCI-keyed
// table to TI), with an explicit rule and an explicit account of missing values.
//
// Missing values. A group's members come from the reference (all communes of an EPCI, all EPCI of a
// TI); a member "has a value" when it is joined in the table with a non-null value (and, for the
// weighted mean, a non-null weight). The result is computed over members with a value only:
//   - sum / mean / min / max of a group where no member has a value → null (never 0);
//   - with some members missing, the result covers the others only (a sum is then a lower bound):
//     `missing` tells how many members had no value so the UI can show the coverage;
//   - count → number of members with a value (0 when none: a count is always defined);
//   - weighted-mean → Σ(v·w) / Σw over members with both; null when Σw = 0.
import type { CommuneRecord, TiRecord } from '../../data/types.ts';
import type { JoinReport } from './join.ts';
import { MAX_LISTED_MESSAGES } from './limits.ts';
import { msg } from './messages.ts';
import { toNumberOrNull } from './numbers.ts';
import type { JoinReference } from './reference.ts';
import type { ImportMessage, ImportTable } from './types.ts';

export type AggregateRule = 'sum' | 'mean' | 'min' | 'max' | 'count' | 'weighted-mean';

export interface AggregateCell {
  /** Group code (EPCI SIREN or TI key). */
  code: string;
  value: number | null;
  /** Members of the group in the reference. */
  members: number;
  /** Members with a usable value (see the module comment). */
  withValue: number;
  /** members − withValue. */
  missing: number;
  /** weighted-mean only: members with a value but no usable weight. */
  missingWeight?: number;
}

/** Group code → member codes. */
export type Membership = Map<string, readonly string[]>;

/** EPCI SIREN → INSEE codes of its communes (communes without EPCI are left out). */
function communesByEpci(communes: readonly CommuneRecord[]): Membership {
  const m = new Map<string, string[]>();
  for (const c of communes) {
    if (!c.epci) continue;
    const list = m.get(c.epci);
    if (list) list.push(c.code);
    else m.set(c.epci, [c.code]);
  }
  return m;
}

/** TI key → EPCI SIREN of every EPCI touching it (wholly or partly, see TiRecord.partialEpcis). */
function epcisByTi(tis: readonly TiRecord[]): Membership {
  const m = new Map<string, string[]>();
  for (const t of tis) m.set(t.key, [...t.epcis]);
  return m;
}

/**
 * TI key → INSEE codes of the communes inside the TI: every commune of 'epci' members, and
 * 'commune' members themselves. 'ept' members (Grand Paris) cannot be resolved to communes with the
 * reference data and are listed in `unresolved`.
 */
function communesByTi(
  tis: readonly TiRecord[],
  communes: readonly CommuneRecord[],
): { membership: Membership; unresolved: { ti: string; member: string }[] } {
  const byEpci = communesByEpci(communes);
  const membership = new Map<string, string[]>();
  const unresolved: { ti: string; member: string }[] = [];
  for (const t of tis) {
    const set = new Set<string>();
    for (const m of t.members) {
      if (m.kind === 'epci') for (const c of byEpci.get(m.code) ?? []) set.add(c);
      else if (m.kind === 'commune') set.add(m.code);
      else unresolved.push({ ti: t.key, member: m.code });
    }
    membership.set(t.key, [...set]);
  }
  return { membership, unresolved };
}

/** Aggregates member values into groups. `weights` is required for 'weighted-mean'. */
export function aggregateValues(
  values: ReadonlyMap<string, number | null>,
  groups: Membership,
  rule: AggregateRule,
  weights?: ReadonlyMap<string, number | null>,
): AggregateCell[] {
  const out: AggregateCell[] = [];
  for (const [code, members] of groups) {
    let n = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let wsum = 0;
    let missingWeight = 0;
    for (const m of members) {
      const v = values.get(m);
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      if (rule === 'weighted-mean') {
        const w = weights?.get(m);
        if (w === null || w === undefined || !Number.isFinite(w)) {
          missingWeight++;
          continue;
        }
        wsum += w;
        sum += v * w;
        n++;
        continue;
      }
      n++;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    let value: number | null;
    if (rule === 'count') value = n;
    else if (n === 0) value = null;
    else if (rule === 'sum') value = sum;
    else if (rule === 'mean') value = sum / n;
    else if (rule === 'min') value = min;
    else if (rule === 'max') value = max;
    else value = wsum === 0 ? null : sum / wsum;
    const cell: AggregateCell = { code, value, members: members.length, withValue: n, missing: members.length - n };
    if (rule === 'weighted-mean') cell.missingWeight = missingWeight;
    out.push(cell);
  }
  return out;
}

/** Numeric values of a column keyed by joined territory code (unmatched and duplicate rows excluded). */
export function valuesByCode(table: ImportTable, join: JoinReport, column: number): Map<string, number | null> {
  const m = new Map<string, number | null>();
  for (const r of join.matched) m.set(r.code, toNumberOrNull(table.rows[r.rowIndex][column] ?? null));
  return m;
}

export interface AggregateOptions {
  valueColumn: number;
  rule: AggregateRule;
  /** Required for 'weighted-mean' (e.g. a population column). */
  weightColumn?: number;
  to: 'epci' | 'ti';
  /** Only groups with at least one member joined in the table are returned (default true). */
  onlyTouched?: boolean;
}

export type AggregateResult =
  | { ok: true; cells: AggregateCell[]; messages: ImportMessage[]; unresolved: { ti: string; member: string }[] }
  | { ok: false; error: ImportMessage };

/**
 * Aggregates a commune-keyed table to EPCI (communes of each EPCI) or TI (communes of each TI,
 * computed from communes so that means and weighted means are exact).
 */
export function aggregateCommuneTable(
  table: ImportTable,
  join: JoinReport,
  ref: JoinReference,
  options: AggregateOptions,
): AggregateResult {
  if (join.level !== 'commune') return { ok: false, error: msg('import.aggregate.needsCommuneKey') };
  const column = table.columns[options.valueColumn];
  if (column === undefined)
    return { ok: false, error: msg('import.aggregate.notNumeric', { column: String(options.valueColumn) }) };
  if (
    options.rule === 'weighted-mean' &&
    (options.weightColumn === undefined || table.columns[options.weightColumn] === undefined)
  ) {
    return { ok: false, error: msg('import.aggregate.weightMissing') };
  }
  const values = valuesByCode(table, join, options.valueColumn);
  if (options.rule !== 'count' && [...values.values()].every((v) => v === null)) {
    return { ok: false, error: msg('import.aggregate.notNumeric', { column }) };
  }
  const weights = options.weightColumn === undefined ? undefined : valuesByCode(table, join, options.weightColumn);
  let groups: Membership;
  let unresolved: { ti: string; member: string }[] = [];
  if (options.to === 'epci') groups = communesByEpci(ref.source.communes);
  else {
    const tis = ref.source.ti.filter((t) => t.generation === ref.generation);
    const r = communesByTi(tis, ref.source.communes);
    groups = r.membership;
    unresolved = r.unresolved;
  }
  if (options.onlyTouched !== false) {
    const touched = new Map<string, readonly string[]>();
    for (const [g, members] of groups) if (members.some((m) => values.has(m))) touched.set(g, members);
    groups = touched;
  }
  const cells = aggregateValues(values, groups, options.rule, weights);
  return { ok: true, cells, messages: aggregateMessages(cells, ref, options.to), unresolved };
}

/** Aggregates EPCI values (an EPCI-keyed table, or EPCI results) to TI of the reference generation. */
export function aggregateEpciToTi(
  epciValues: ReadonlyMap<string, number | null>,
  ref: JoinReference,
  rule: AggregateRule,
  weights?: ReadonlyMap<string, number | null>,
): { cells: AggregateCell[]; messages: ImportMessage[] } {
  const groups = epcisByTi(ref.source.ti.filter((t) => t.generation === ref.generation));
  const cells = aggregateValues(epciValues, groups, rule, weights);
  return { cells, messages: aggregateMessages(cells, ref, 'ti') };
}

function aggregateMessages(cells: AggregateCell[], ref: JoinReference, level: 'epci' | 'ti'): ImportMessage[] {
  const out: ImportMessage[] = [];
  let listed = 0;
  for (const c of cells) {
    if (c.missing === 0 || listed >= MAX_LISTED_MESSAGES) continue;
    listed++;
    const group = (level === 'epci' ? ref.epci.get(c.code)?.name : ref.ti.get(c.code)?.name) ?? c.code;
    out.push(
      c.withValue === 0
        ? msg('import.aggregate.allMissing', { group, code: c.code })
        : msg('import.aggregate.partial', {
            group,
            code: c.code,
            missing: c.missing,
            members: c.members,
            withValue: c.withValue,
          }),
    );
  }
  return out;
}
