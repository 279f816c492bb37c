// Helpers shared by the indicator entries of every theme (indicators-*.ts) and the registry.
import type { FieldTable } from './fields.ts';
import type { IndicatorContext } from './indicators.ts';
import type { Text } from './text.ts';

export const NOT_AGG_SHARE: Text = { key: 'ind.shared.notAggShare' };

export const ratio = (num: number | null, den: number | null, scale = 1) =>
  num === null || den === null || den === 0 ? null : (num / den) * scale;
export const fixed = (y: string) => () => y;

export function fieldsOf(ctx: Pick<IndicatorContext, 'level' | 'generation' | 'indicators'>): FieldTable {
  return ctx.level === 'ti' ? ctx.indicators.ti[ctx.generation] : ctx.indicators.epci;
}
