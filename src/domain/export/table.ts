// The rows behind the current view, as a plain table (shared by the CSV and XLSX exports and the
// accessible data table): territories of the current level that pass the filters, with code,
// name, the current indicator (population when there is none) and the values the filters use.
// Pure: no DOM, no store.
import type { SourceInfo } from '../../data/types.ts';
import { categoryColumn } from '../choropleth.ts';
import {
  codesOf,
  type Indicator,
  type IndicatorContext,
  indicatorById,
  isAvailable,
  numericValues,
} from '../indicators.ts';
import { type Translate, textOf } from '../text.ts';
import type { Filter } from '../view.ts';
import { MAIN_ZONE_KEY, MAIN_ZONE_SOURCES, mainZoneText } from '../zones-emploi.ts';

export type ExportCell = string | number | null;

export interface ExportColumn {
  /** Stable id: 'code', 'name', an indicator id or 'dim:<dimension>'. */
  key: string;
  /** Header text: "label (unit, year)". */
  label: string;
  type: 'text' | 'number';
  /** Decimals used for display (numbers only). */
  decimals?: number;
  /** Source ids (geo/sources.json) the column comes from. */
  sources: string[];
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: ExportCell[][];
}

export interface TableLabels {
  code: string;
  name: string;
  /** Labels of category dimensions ("Région", "Membre d’un TI 2023–2027"…). */
  dims: Record<string, string>;
  yes: string;
  no: string;
  /** Header of the main zone d'emploi column, added next to zone indicators. */
  zone?: string;
}

export interface TableInput {
  ctx: IndicatorContext;
  indicator: string | null;
  filters: Filter[];
  /** Filter result aligned with the level's codes; null = every territory. */
  match: boolean[] | null;
  /** Translates the indicators' texts (headers, categories). */
  t: Translate;
  labels: TableLabels;
}

/** Numbers are kept with two more decimals than shown on the map, without float noise. */
export function roundValue(v: number, decimals: number): number {
  const d = Math.min(10, Math.max(0, decimals + 2));
  const f = 10 ** d;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function columnLabel(ind: Indicator, ctx: Pick<IndicatorContext, 'period'>, t: Translate): string {
  const year = ind.year(ctx);
  let unit = ind.type === 'numeric' ? textOf(t, ind.unit) : '';
  // "Évolution … (%)" already names its unit.
  if (unit && textOf(t, ind.label).endsWith(`(${unit})`)) unit = '';
  return `${textOf(t, ind.label)} (${unit ? `${unit}, ` : ''}${year})`;
}

function indicatorColumn(
  ind: Indicator,
  ctx: IndicatorContext,
  t: Translate,
): { column: ExportColumn; values: ExportCell[] } {
  const column: ExportColumn = {
    key: ind.id,
    label: columnLabel(ind, ctx, t),
    type: ind.type === 'numeric' ? 'number' : 'text',
    decimals: ind.type === 'numeric' ? ind.decimals : undefined,
    sources: ind.sources,
  };
  if (ind.type === 'numeric') {
    return { column, values: numericValues(ind, ctx).map((v) => (v === null ? null : roundValue(v, ind.decimals))) };
  }
  const labels = new Map(ind.categories.map((c) => [c.value, textOf(t, c.label)]));
  return { column, values: ind.classify(ctx).map((c) => (c === null ? null : (labels.get(c) ?? c))) };
}

/** Human-readable text of one category value of a filter dimension. */
export function categoryText(
  dim: string,
  value: string,
  ctx: IndicatorContext,
  t: Translate,
  labels: TableLabels,
  names: { reg: Map<string, string>; dep: Map<string, string> },
): string {
  switch (dim) {
    case 'region':
      return names.reg.get(value) ?? value;
    case 'departement': {
      const n = names.dep.get(value);
      return n ? `${n} (${value})` : value;
    }
    case 'ti2023':
    case 'ti2018':
      return value === 'in' ? labels.yes : value === 'out' ? labels.no : value;
    default: {
      const ind = indicatorById(ctx, dim);
      if (ind?.type === 'categorical') {
        const c = ind.categories.find((x) => x.value === value);
        return c ? textOf(t, c.label) : value;
      }
      return value;
    }
  }
}

const DIM_SOURCES: Record<string, string[]> = {
  region: ['cog'],
  departement: ['cog'],
  nature: ['cog'],
  ti2023: ['ti_2023'],
  ti2018: ['ti_2018'],
};

export function buildExportTable(input: TableInput): ExportTable {
  const { ctx, t, labels } = input;
  const codes = codesOf(ctx);
  const isTi = ctx.level === 'ti';
  const nameOf = new Map<string, string>(
    isTi
      ? ctx.territories.ti[ctx.generation].map((t) => [t.key, t.name])
      : ctx.territories.epci.map((e) => [e.code, e.name]),
  );
  const columns: ExportColumn[] = [
    { key: 'code', label: labels.code, type: 'text', sources: [isTi ? `ti_${ctx.generation}` : 'cog'] },
    { key: 'name', label: labels.name, type: 'text', sources: [] },
  ];
  const valueColumns: ExportCell[][] = [codes, codes.map((c) => nameOf.get(c) ?? null)];
  const seen = new Set<string>();
  const addIndicator = (id: string) => {
    const ind = indicatorById(ctx, id);
    if (!ind || seen.has(id) || !isAvailable(ind, ctx.level)) return false;
    seen.add(id);
    const c = indicatorColumn(ind, ctx, input.t);
    columns.push(c.column);
    valueColumns.push(c.values);
    return true;
  };
  if (!input.indicator || !addIndicator(input.indicator)) addIndicator('population');

  const names = {
    reg: new Map(ctx.territories.regions.map((r) => [r.code, r.name])),
    dep: new Map(ctx.territories.departements.map((d) => [d.code, d.name])),
  };
  for (const f of input.filters) {
    if (f.kind === 'range') {
      addIndicator(f.indicator);
      continue;
    }
    const key = `dim:${f.dimension}`;
    // A categorical indicator used as a filter dimension: one column, labelled like the indicator.
    if (seen.has(f.dimension) || seen.has(key)) continue;
    const ind = indicatorById(ctx, f.dimension);
    if (ind?.type === 'categorical') {
      addIndicator(f.dimension);
      continue;
    }
    const col = categoryColumn(f.dimension, ctx);
    if (!col) continue;
    seen.add(key);
    columns.push({
      key,
      label: labels.dims[f.dimension] ?? f.dimension,
      type: 'text',
      sources: DIM_SOURCES[f.dimension] ?? [],
    });
    valueColumns.push(
      col.map((v) => {
        if (v === null || v === undefined) return null;
        const list = Array.isArray(v) ? v : [v];
        return list.map((x) => categoryText(f.dimension, x, ctx, t, labels, names)).join(' ; ');
      }),
    );
  }

  // Zone d'emploi indicators describe the territory's main zone: name it, with its source.
  const ze = ctx.indicators.ze;
  if (ze && labels.zone && columns.some((c) => c.key.startsWith('ze_'))) {
    const main = isTi ? ze.ti[ctx.generation] : ze.epci;
    columns.push({ key: MAIN_ZONE_KEY, label: labels.zone, type: 'text', sources: MAIN_ZONE_SOURCES });
    valueColumns.push(main.map((z) => mainZoneText(ze.names, z)));
  }

  const rows: ExportCell[][] = [];
  codes.forEach((_, i) => {
    if (input.match && !input.match[i]) return;
    rows.push(valueColumns.map((col) => col[i] ?? null));
  });
  return { columns, rows };
}

export interface SourceRow {
  column: string;
  title: string;
  producer: string;
  year: string;
  licence: string;
  url: string;
}

/** One row per (column, source) pair, in column order; unknown source ids are skipped. */
export function sourceRows(columns: ExportColumn[], sources: SourceInfo[], toConfirm = ''): SourceRow[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const out: SourceRow[] = [];
  for (const c of columns) {
    for (const id of c.sources) {
      const s = byId.get(id);
      if (s)
        out.push({
          column: c.label,
          title: s.title,
          producer: s.producer,
          year: s.year,
          // Compilations that state no licence say so next to it (« licence à confirmer »).
          licence: s.licenceToConfirm && toConfirm ? `${s.licence} — ${toConfirm}` : s.licence,
          url: s.url,
        });
    }
  }
  return out;
}
