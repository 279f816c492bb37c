// Side-by-side comparison of up to 12 territories (EPCI, TI of either generation, custom groups):
// one row per territory, one column per numeric indicator, each at the territory's own level.

import type { Generation } from '../data/types.ts';
import type { ExportCell, ExportColumn, ExportTable } from './export/table.ts';
import { columnLabel, roundValue } from './export/table.ts';
import type { RawField } from './fields.ts';
import { aggregateGroup, type CustomGroup } from './groups.ts';
import { type IndicatorContext, indicatorsOf, isAvailable, type NumericIndicator, valueFor } from './indicators.ts';
import type { Translate } from './text.ts';
import { MAIN_ZONE_KEY, MAIN_ZONE_SOURCES, mainZoneText } from './zones-emploi.ts';

/** Main zone d'emploi of a compared EPCI or TI ("Saint-Nazaire (5219)"); none for a custom group. */
function mainZoneOf(item: CompareItem, ctx: IndicatorContext): string | null {
  if (item.kind === 'group') return null;
  const table = item.kind === 'epci' ? ctx.indicators.epci : ctx.indicators.ti[item.generation];
  const ze = ctx.indicators.ze;
  const main = item.kind === 'epci' ? ze?.epci : ze?.ti[item.generation];
  return mainZoneText(ze?.names, main?.[table.codes.indexOf(item.code)]);
}

export type CompareItem =
  | { kind: 'epci'; code: string; name: string }
  | { kind: 'ti'; code: string; name: string; generation: Generation }
  | { kind: 'group'; code: string; name: string; group: CustomGroup };

const COMPARED_INDICATORS = (ctx: IndicatorContext): NumericIndicator[] =>
  indicatorsOf(ctx).filter((i): i is NumericIndicator => i.type === 'numeric');

/** Value of an indicator for one compared item (null = no data or not available at its level). */
function compareValue(ind: NumericIndicator, item: CompareItem, ctx: IndicatorContext): number | null {
  let get: (f: RawField) => number | null;
  if (item.kind === 'group') {
    if (!isAvailable(ind, 'ti')) return null; // same rule as a TI: not aggregable stays per member
    const agg = aggregateGroup(item.group.epcis, ctx.indicators.epci);
    get = (f) => agg[f];
  } else {
    const table = item.kind === 'epci' ? ctx.indicators.epci : ctx.indicators.ti[item.generation];
    if (!isAvailable(ind, item.kind)) return null;
    // User indicators carry their own values, aligned with the level's codes.
    if (ind.values)
      return valueFor(
        ind,
        { ...ctx, level: item.kind, generation: item.kind === 'ti' ? item.generation : ctx.generation },
        item.code,
      );
    const i = table.codes.indexOf(item.code);
    if (i < 0) return null;
    get = (f) => table.values[f]?.[i] ?? null;
  }
  const v = ind.compute(get, ctx);
  return v === null || !Number.isFinite(v) ? null : v;
}

export function comparisonTable(
  items: CompareItem[],
  ctx: IndicatorContext,
  t: Translate,
  labels: { code: string; name: string; kind: string; kinds: Record<CompareItem['kind'], string>; zone?: string },
): ExportTable {
  const inds = COMPARED_INDICATORS(ctx);
  const zoneLabel = labels.zone;
  const columns: ExportColumn[] = [
    { key: 'code', label: labels.code, type: 'text', sources: [] },
    { key: 'name', label: labels.name, type: 'text', sources: [] },
    { key: 'kind', label: labels.kind, type: 'text', sources: [] },
    ...(zoneLabel ? [{ key: MAIN_ZONE_KEY, label: zoneLabel, type: 'text' as const, sources: MAIN_ZONE_SOURCES }] : []),
    ...inds.map((i) => ({
      key: i.id,
      label: columnLabel(i, ctx, t),
      type: 'number' as const,
      decimals: i.decimals,
      sources: i.sources,
    })),
  ];
  const rows: ExportCell[][] = items.map((item) => [
    item.kind === 'group' ? item.group.epcis.join(' ') : item.code,
    item.name,
    item.kind === 'ti'
      ? `${labels.kinds.ti} ${item.generation === '2023' ? '2023–2027' : '2018–2022'}`
      : labels.kinds[item.kind],
    ...(zoneLabel ? [mainZoneOf(item, ctx)] : []),
    ...inds.map((i) => {
      const v = compareValue(i, item, ctx);
      return v === null ? null : roundValue(v, i.decimals);
    }),
  ]);
  return { columns, rows };
}
