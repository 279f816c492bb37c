// The indicator registry: every indicator is declared once, by theme in indicators-*.ts (keys of
// its texts in the i18next catalogues src/i18n/indicators.*.ts, years, source, licence via source
// ids, level, type, direction, TI aggregation rule), and computed from the raw fields joined by the pipeline. TI values are computed from TI-level sums, so a ratio is
// recomputed from summed numerator and denominator, never averaged over members.
import type { Generation, TerritoriesFile } from '../data/types.ts';
import { EMP_YEARS, type IndicatorsFile, type RawField } from './fields.ts';
import { CONTEXTE_INDICATORS } from './indicators-contexte.ts';
import { EMPLOI_INDICATORS } from './indicators-emploi.ts';
import { FONCIER_INDICATORS } from './indicators-foncier.ts';
import { PROGRAMME_INDICATORS } from './indicators-programmes.ts';
import { fieldsOf } from './indicators-shared.ts';
import { ZONE_INDICATORS } from './indicators-ze.ts';
import type { SprintRule } from './sprint.ts';
import type { Text } from './text.ts';
import type { Level } from './view.ts';

export type Theme = 'foncier' | 'emploi' | 'programmes' | 'contexte' | 'user';
export type Direction = 'higher-better' | 'lower-better' | 'neutral';

export type Aggregation =
  | { rule: 'sum' }
  | { rule: 'ratio'; numerator: string; denominator: string }
  | { rule: 'any' }
  | { rule: 'rule'; text: Text }
  | { rule: 'none'; why: Text };

export interface IndicatorContext {
  level: Level;
  generation: Generation;
  period: [number, number];
  indicators: IndicatorsFile;
  territories: TerritoriesFile;
  sprint: SprintRule;
  /** Indicators made from the user's own tables ("vos données"), next to the built-in ones. */
  extra?: Indicator[];
}

interface Base {
  id: string;
  theme: Theme;
  label: Text;
  short?: Text;
  definition: Text;
  /** Source ids of geo/sources.json (producer, licence, url come from there). */
  sources: string[];
  year: (ctx: Pick<IndicatorContext, 'period'>) => string;
  levels: Level[];
  aggregation: Aggregation;
  caveat?: Text;
  /** Set when territories must not be ranked on this indicator (no rank, percentile or « 1er »). */
  notRanked?: Text;
}
export interface NumericIndicator extends Base {
  type: 'numeric';
  unit: Text;
  decimals: number;
  direction: Direction;
  /** stock → sequential scheme; change → diverging scheme centred on 0. */
  kind: 'stock' | 'change';
  usesPeriod?: boolean;
  compute: (get: (f: RawField) => number | null, ctx: Pick<IndicatorContext, 'period'>) => number | null;
  /** Values aligned with codesOf(ctx), for indicators not computed from raw fields (user data). */
  values?: (ctx: IndicatorContext) => (number | null)[];
  /** Marks user-imported indicators ("vos données"). */
  user?: boolean;
  /** User indicators: « Vos données : fichier.csv, importé le … », shown where `sources` would be. */
  userSource?: Text;
}
export interface CategoricalIndicator extends Base {
  type: 'categorical';
  /** `onlyWhenPresent`: listed in the legend only when some territory has it. */
  categories: { value: string; label: Text; color: string; onlyWhenPresent?: boolean }[];
  classify: (ctx: IndicatorContext) => (string | null)[];
}
export type Indicator = NumericIndicator | CategoricalIndicator;

export const INDICATORS: Indicator[] = [
  ...FONCIER_INDICATORS,
  ...EMPLOI_INDICATORS,
  ...ZONE_INDICATORS,
  ...PROGRAMME_INDICATORS,
  ...CONTEXTE_INDICATORS,
];

export const INDICATOR_BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));
export const THEMES: Theme[] = ['foncier', 'emploi', 'programmes', 'contexte', 'user'];

/** Built-in indicators plus the user's own. */
export function indicatorsOf(ctx: Pick<IndicatorContext, 'extra'> | null): Indicator[] {
  return ctx?.extra?.length ? [...INDICATORS, ...ctx.extra] : INDICATORS;
}

export function indicatorById(ctx: Pick<IndicatorContext, 'extra'> | null, id: string): Indicator | undefined {
  return INDICATOR_BY_ID.get(id) ?? ctx?.extra?.find((i) => i.id === id);
}
export { EMP_YEARS };

/** Territory codes of the current level, aligned with every value array. */
export function codesOf(ctx: Pick<IndicatorContext, 'level' | 'generation' | 'indicators'>): string[] {
  return fieldsOf(ctx).codes;
}

export function isAvailable(ind: Indicator, level: Level): boolean {
  return ind.levels.includes(level);
}

/** Numeric values of an indicator for every territory of the level (null = no data). */
export function numericValues(ind: NumericIndicator, ctx: IndicatorContext): (number | null)[] {
  if (!isAvailable(ind, ctx.level)) return codesOf(ctx).map(() => null);
  if (ind.values) return ind.values(ctx);
  const t = fieldsOf(ctx);
  return t.codes.map((_, i) => {
    const v = ind.compute((f) => t.values[f]?.[i] ?? null, ctx);
    return v === null || !Number.isFinite(v) ? null : v;
  });
}

/** Value of one territory (EPCI code or TI key) at its own level. */
export function valueFor(ind: NumericIndicator, ctx: IndicatorContext, code: string): number | null {
  const t = fieldsOf(ctx);
  const i = t.codes.indexOf(code);
  if (i < 0 || !isAvailable(ind, ctx.level)) return null;
  if (ind.values) return ind.values(ctx)[i] ?? null;
  const v = ind.compute((f) => t.values[f]?.[i] ?? null, ctx);
  return v === null || !Number.isFinite(v) ? null : v;
}
