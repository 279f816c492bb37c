// Building a stored table from an import: column choices, values per territory, aggregation.
import { GENERATIONS, type Generation } from '../../data/types.ts';
import {
  type AggregateCell,
  type AggregateRule,
  aggregateCommuneTable,
  aggregateEpciToTi,
  type ColumnProfile,
  type ImportTable,
  type JoinReference,
  type JoinReport,
  type TerritoryLevel,
  toNumberOrNull,
  valuesByCode,
} from '../import/index.ts';
import { guessYear } from '../import/year.ts';
import type { Direction } from '../indicators.ts';
import { parseTiKey } from '../ti-key.ts';
import { columnIds } from './ids.ts';
import type { EpciRule, TiRule, UserColumn, UserTable } from './types.ts';

/** TI aggregation chosen in the import dialog: 'same' = the EPCI rule recomputed from communes. */
export type TiChoice = 'same' | 'sum' | 'none';

export interface ColumnSpec {
  /** Column index in the imported table. */
  column: number;
  label: string;
  unit: string;
  year: string;
  direction: Direction;
  kind: 'stock' | 'change';
  /** Commune key only: rule from communes to EPCI (and to TI with tiRule 'same'). */
  epciRule: AggregateRule;
  /** Commune key + 'weighted-mean' only. */
  weightColumn?: number;
  tiRule: TiChoice;
  /** Leave territories only partly covered empty instead of showing a partial value. */
  dropPartial: boolean;
  /** Default: guessed from the values. */
  decimals?: number;
}

export interface BuildInput {
  table: ImportTable;
  join: JoinReport;
  /** Reference of the import (its `generation` is the one of TI keys and names). */
  ref: JoinReference;
  id: string;
  name: string;
  fileName: string;
  sheet?: string;
  importedAt: string;
  columns: ColumnSpec[];
}

export type BuildResult =
  | { ok: true; table: UserTable }
  | { ok: false; column: string; error: { key: string; params: Record<string, string | number> } };

/** Non-negative integers only (and no % sign): a count, which may honestly be summed. */
export function isCountLike(table: ImportTable, profile: ColumnProfile): boolean {
  if (profile.percent) return false;
  let any = false;
  for (const row of table.rows) {
    const v = toNumberOrNull(row[profile.index] ?? null);
    if (v === null) continue;
    if (!Number.isInteger(v) || v < 0) return false;
    any = true;
  }
  return any;
}

/** Guessed column defaults: counts are summed, other values averaged (weighted by population when there is one). */
export function defaultSpecFrom(
  profile: ColumnProfile,
  countLike: boolean,
  level: TerritoryLevel,
  weightColumn: number | undefined,
): ColumnSpec {
  const { year } = guessYear(profile.name);
  const epciRule: AggregateRule = countLike
    ? 'sum'
    : weightColumn !== undefined && weightColumn !== profile.index
      ? 'weighted-mean'
      : 'mean';
  return {
    column: profile.index,
    label: profile.name,
    unit: profile.percent ? '%' : '',
    year,
    direction: 'neutral',
    kind: 'stock',
    epciRule,
    weightColumn: epciRule === 'weighted-mean' ? weightColumn : undefined,
    tiRule: level === 'commune' ? 'same' : level === 'epci' ? (countLike ? 'sum' : 'none') : 'none',
    dropPartial: level === 'commune' && epciRule === 'sum',
  };
}

export function defaultSpec(
  table: ImportTable,
  profile: ColumnProfile,
  level: TerritoryLevel,
  weightColumn: number | undefined,
): ColumnSpec {
  return defaultSpecFrom(profile, isCountLike(table, profile), level, weightColumn);
}

/** A count-like population column, used as the default weight of weighted means. */
export function guessWeightColumn(profiles: readonly ColumnProfile[]): number | undefined {
  return profiles.find(
    (p) => p.isNumeric && /\b(pop|population|pmun|ptot|habitants?)\b/i.test(p.name.replace(/[_\d]+/g, ' ')),
  )?.index;
}

/** Decimals to show: 0 for integers, else 1 (or 2 for small values). */
function guessDecimals(values: Iterable<number>): number {
  let allInt = true,
    maxAbs = 0,
    any = false;
  for (const v of values) {
    any = true;
    if (!Number.isInteger(v)) allInt = false;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  if (!any || allInt) return 0;
  return maxAbs < 10 ? 2 : 1;
}

/** TI keys whose EPCI→TI sum is not exact: TI taking only part of an EPCI (commune or EPT members). */
function partialTis(ref: JoinReference, generation: Generation): Set<string> {
  return new Set(
    ref.source.ti.filter((t) => t.generation === generation && t.partialEpcis.length > 0).map((t) => t.key),
  );
}

export interface Collected {
  values: Record<string, number>;
  partial: number;
}

function collect(
  cells: readonly AggregateCell[],
  dropPartial: boolean,
  alsoPartial: ReadonlySet<string> = new Set(),
): Collected {
  const values: Record<string, number> = {};
  let partial = 0;
  for (const c of cells) {
    if (c.value === null || !Number.isFinite(c.value) || c.withValue === 0) continue;
    const isPartial = c.missing > 0 || (c.missingWeight ?? 0) > 0 || alsoPartial.has(c.code);
    if (isPartial) {
      partial++;
      if (dropPartial) continue;
    }
    values[c.code] = c.value;
  }
  return { values, partial };
}

/** Per-territory values of one column (the preview of the import dialog uses it too). */
export function columnValues(
  input: Pick<BuildInput, 'table' | 'join' | 'ref'>,
  spec: ColumnSpec,
):
  | { ok: true; epci: Collected | null; ti: Record<Generation, Collected>; epciRule: EpciRule | null; tiRule: TiRule }
  | { ok: false; error: { key: string; params: Record<string, string | number> } } {
  const { table, join, ref } = input;
  const refOf = (g: Generation): JoinReference => (ref.generation === g ? ref : { ...ref, generation: g });
  const emptyTi = (): Record<Generation, Collected> => ({
    '2023': { values: {}, partial: 0 },
    '2018': { values: {}, partial: 0 },
  });

  if (join.level === 'commune') {
    const weightColumn = spec.epciRule === 'weighted-mean' ? spec.weightColumn : undefined;
    const e = aggregateCommuneTable(table, join, ref, {
      valueColumn: spec.column,
      rule: spec.epciRule,
      weightColumn,
      to: 'epci',
    });
    if (!e.ok) return { ok: false, error: e.error };
    const ti = emptyTi();
    if (spec.tiRule !== 'none') {
      for (const g of GENERATIONS) {
        const r = aggregateCommuneTable(table, join, refOf(g), {
          valueColumn: spec.column,
          rule: spec.epciRule,
          weightColumn,
          to: 'ti',
        });
        if (!r.ok) return { ok: false, error: r.error };
        // Grand Paris EPT members cannot be resolved to communes: those TI are incomplete.
        ti[g] = collect(r.cells, spec.dropPartial, new Set(r.unresolved.map((u) => u.ti)));
      }
    }
    return {
      ok: true,
      epci: collect(e.cells, spec.dropPartial),
      ti,
      epciRule: spec.epciRule,
      tiRule: spec.tiRule === 'none' ? 'none' : spec.epciRule,
    };
  }

  const byCode = valuesByCode(table, join, spec.column);
  if ([...byCode.values()].every((v) => v === null)) {
    return {
      ok: false,
      error: {
        key: 'import.aggregate.notNumeric',
        params: { column: table.columns[spec.column] ?? String(spec.column) },
      },
    };
  }
  if (join.level === 'epci') {
    const epci: Record<string, number> = {};
    for (const [code, v] of byCode) if (v !== null && Number.isFinite(v)) epci[code] = v;
    const ti = emptyTi();
    if (spec.tiRule === 'sum') {
      for (const g of GENERATIONS) {
        const r = aggregateEpciToTi(byCode, refOf(g), 'sum');
        ti[g] = collect(r.cells, spec.dropPartial, partialTis(ref, g));
      }
    }
    return {
      ok: true,
      epci: { values: epci, partial: 0 },
      ti,
      epciRule: 'direct',
      tiRule: spec.tiRule === 'sum' ? 'sum' : 'none',
    };
  }

  // TI key: values of the matched TI, by generation (keys carry it: "2023:ti-4401").
  const ti = emptyTi();
  for (const [key, v] of byCode) {
    if (v === null || !Number.isFinite(v)) continue;
    const g = parseTiKey(key)?.generation;
    if (g) ti[g].values[key] = v;
  }
  return { ok: true, epci: null, ti, epciRule: null, tiRule: 'direct' };
}

/** The stored table: per-territory values of the chosen columns and the join's figures. */
export function buildUserTable(input: BuildInput): BuildResult {
  const { table, join } = input;
  const ids = columnIds(input.columns.map((c) => table.columns[c.column] ?? `col${c.column + 1}`));
  const columns: UserColumn[] = [];
  for (let i = 0; i < input.columns.length; i++) {
    const spec = input.columns[i];
    const header = table.columns[spec.column] ?? String(spec.column);
    const r = columnValues(input, spec);
    if (!r.ok) return { ok: false, column: header, error: r.error };
    const all = [
      ...Object.values(r.epci?.values ?? {}),
      ...Object.values(r.ti['2023'].values),
      ...Object.values(r.ti['2018'].values),
    ];
    const col: UserColumn = {
      id: ids[i],
      header,
      label: spec.label.trim() || header,
      unit: spec.unit.trim(),
      year: spec.year.trim(),
      decimals: spec.decimals ?? guessDecimals(all),
      direction: spec.direction,
      kind: spec.kind,
      epciRule: r.epciRule,
      tiRule: r.tiRule,
      epci: r.epci?.values ?? {},
      ti: { '2023': r.ti['2023'].values, '2018': r.ti['2018'].values },
      partial: { epci: r.epci?.partial ?? 0, ti2023: r.ti['2023'].partial, ti2018: r.ti['2018'].partial },
      dropPartial: spec.dropPartial,
    };
    if (r.epciRule === 'weighted-mean' && spec.weightColumn !== undefined)
      col.weight = table.columns[spec.weightColumn];
    columns.push(col);
  }
  const out: UserTable = {
    id: input.id,
    name: input.name.trim() || input.fileName,
    fileName: input.fileName,
    importedAt: input.importedAt,
    keyColumn: join.keyColumnName,
    keyKind: join.keyKind,
    level: join.level,
    rows: join.stats.rows,
    matched: join.stats.matched,
    unmatched: join.stats.unmatched,
    repaired: join.stats.repaired,
    byName: join.stats.needsConfirmation,
    byReason: Object.fromEntries(Object.entries(join.stats.byReason).filter(([, n]) => n > 0)),
    columns,
  };
  if (input.sheet) out.sheet = input.sheet;
  if (join.level === 'ti') out.generation = input.ref.generation;
  return { ok: true, table: out };
}
