// Values of territories that are not in the EPCI table: the EPT of the Métropole du Grand Paris
// and the single communes that are TI members. Each has its own values (the source's EPT row, or
// the sum of its communes); where a source has no row for it, the value is not available and the
// reason names that source — never the Métropole's or the host EPCI's value.
import type { Manifest, TiMemberKind, TiRecord } from '../data/types.ts';
import type { RawField } from './fields.ts';
import { type IndicatorContext, isAvailable, type NumericIndicator, numericValues } from './indicators.ts';

/** Why a value is not available: a source without a row for this territory, or a series break. */
export type Missing = { kind: 'no-row'; source: string } | { kind: 'break'; year: number } | null;

/** Raw fields an indicator reads (found by running it on a recording getter). */
function fieldsRead(ind: NumericIndicator, ctx: Pick<IndicatorContext, 'period'>): RawField[] {
  const used: RawField[] = [];
  ind.compute((f) => {
    used.push(f);
    return 1;
  }, ctx);
  return used;
}

export interface PartValue {
  value: number | null;
  missing: Missing;
}

/** Value of an EPT or commune member for an indicator read at EPCI level. */
export function partValue(
  ctx: IndicatorContext,
  ind: NumericIndicator,
  code: string,
  kind: 'ept' | 'commune',
): PartValue {
  const t = ctx.indicators.parts;
  const i = t.codes.indexOf(code);
  if (i < 0 || ind.values || !isAvailable(ind, 'epci')) return { value: null, missing: null };
  const v = ind.compute((f) => t.values[f]?.[i] ?? null, ctx);
  if (v !== null && Number.isFinite(v)) return { value: v, missing: null };
  const source = fieldsRead(ind, ctx)
    .filter((f) => t.values[f]?.[i] === null)
    .map((f) => t.missing[kind][f])
    .find(Boolean);
  return { value: null, missing: source ? { kind: 'no-row', source } : null };
}

/** Why an EPCI has no value: a series break set aside by the pipeline (listed in the manifest). */
export function epciMissing(ctx: IndicatorContext, manifest: Manifest, ind: NumericIndicator, code: string): Missing {
  if (ind.values) return null;
  const fields = new Set<string>(fieldsRead(ind, ctx));
  const b = manifest.breaks.find((x) => x.code === code && fields.has(x.rawField));
  return b ? { kind: 'break', year: b.year } : null;
}

export interface MemberValue {
  code: string;
  name: string;
  kind: TiMemberKind;
  value: number | null;
  missing: Missing;
}

/** Per-member values of a TI: whole EPCI from the EPCI table, EPT and communes from their own. */
export function memberValues(ctx: IndicatorContext, ti: TiRecord, ind: NumericIndicator): MemberValue[] {
  const epciCtx = { ...ctx, level: 'epci' as const };
  const values = numericValues(ind, epciCtx);
  const pos = new Map(ctx.indicators.epci.codes.map((c, i) => [c, i]));
  return ti.members.map((m) =>
    m.kind === 'epci'
      ? { code: m.code, name: m.name, kind: m.kind, value: values[pos.get(m.code)!] ?? null, missing: null }
      : { code: m.code, name: m.name, kind: m.kind, ...partValue(epciCtx, ind, m.code, m.kind) },
  );
}
