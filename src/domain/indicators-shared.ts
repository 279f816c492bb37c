// Helpers shared by the indicator entries of every theme (indicators-*.ts) and the registry.
import type { FieldTable } from './fields.ts';
import type { IndicatorContext, Tr } from './indicators.ts';

export const NOT_AGG_SHARE: Tr = {
  fr: 'Part sans effectifs dans la source : pas de moyenne pondérable honnête. Valeurs affichées par membre.',
  en: 'Share without counts in the source: no honest weighted mean. Values shown per member.',
};

export const ratio = (num: number | null, den: number | null, scale = 1) =>
  num === null || den === null || den === 0 ? null : (num / den) * scale;
export const fixed = (y: string) => () => y;

export function fieldsOf(ctx: Pick<IndicatorContext, 'level' | 'generation' | 'indicators'>): FieldTable {
  return ctx.level === 'ti' ? ctx.indicators.ti[ctx.generation] : ctx.indicators.epci;
}
