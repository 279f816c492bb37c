// Profile of a territory: every indicator with value, ranks (all, région, TI), and what changed
// between the two TI generations. Pure; the UI only formats.
import type { Generation, TerritoriesFile, TiRecord } from '../data/types.ts';
import {
  type IndicatorContext,
  indicatorsOf,
  isAvailable,
  type NumericIndicator,
  numericValues,
} from './indicators.ts';
import { type Rank, rankOf, rankWithin } from './rank.ts';

export interface ProfileRow {
  indicator: NumericIndicator;
  value: number | null;
  /** Among all territories of the level. */
  all: Rank | null;
  /** EPCI only: within its (first) région and within its TI of the shown generation. */
  region: Rank | null;
  ti: Rank | null;
}

export function profileRows(ctx: IndicatorContext, code: string): ProfileRow[] {
  const t = ctx.territories;
  const codes = ctx.level === 'ti' ? ctx.indicators.ti[ctx.generation].codes : ctx.indicators.epci.codes;
  const index = codes.indexOf(code);
  if (index < 0) return [];
  let regionMask: boolean[] | null = null,
    tiMask: boolean[] | null = null;
  if (ctx.level === 'epci') {
    const e = t.epci[index];
    regionMask = t.epci.map((x) => x.regions.some((r) => e.regions.includes(r)));
    const tiIds = e.ti[ctx.generation];
    tiMask = tiIds.length ? t.epci.map((x) => x.ti[ctx.generation].some((id) => tiIds.includes(id))) : null;
  } else {
    const ti = t.ti[ctx.generation][index];
    regionMask = t.ti[ctx.generation].map((x) => x.regions.some((r) => ti.regions.includes(r)));
  }
  return indicatorsOf(ctx)
    .filter((i): i is NumericIndicator => i.type === 'numeric' && isAvailable(i, ctx.level))
    .map((indicator) => {
      const values = numericValues(indicator, ctx);
      return {
        indicator,
        value: values[index],
        // Indicators that must not rank territories (Cartofriches) get no rank anywhere.
        all: indicator.notRanked ? null : rankOf(values, index, indicator.direction),
        region: regionMask && !indicator.notRanked ? rankWithin(values, index, regionMask, indicator.direction) : null,
        ti: tiMask && !indicator.notRanked ? rankWithin(values, index, tiMask, indicator.direction) : null,
      };
    });
}

export interface PerimeterChange {
  /** EPCI of this TI that were in no TI of the other generation. */
  joined: string[];
  /** EPCI of this TI that came from another TI of the other generation (not a predecessor's main body). */
  movedIn: { epci: string; from: string[] }[];
  /** EPCI of the TI(s) of the other generation that share members with this one, and are not in it now. */
  left: { epci: string; to: string[] }[];
  /** TI of the other generation that share at least one EPCI with this one. */
  related: string[];
}

/** What changed between the 2018–2022 and 2023–2027 perimeters, seen from one TI. */
export function perimeterChange(t: TerritoriesFile, ti: TiRecord): PerimeterChange {
  const other: Generation = ti.generation === '2023' ? '2018' : '2023';
  const byCode = new Map(t.epci.map((e) => [e.code, e]));
  const otherTis = (code: string) => byCode.get(code)?.ti[other] ?? [];
  const related = [...new Set(ti.epcis.flatMap(otherTis))].sort();
  const joined = ti.epcis.filter((c) => otherTis(c).length === 0);
  // The main predecessor: the related TI sharing the most EPCI.
  const shared = (id: string) => ti.epcis.filter((c) => otherTis(c).includes(id)).length;
  const main = [...related].sort((a, b) => shared(b) - shared(a))[0];
  const movedIn = ti.epcis
    .filter((c) => otherTis(c).length > 0 && main && !otherTis(c).includes(main))
    .map((epci) => ({ epci, from: otherTis(epci).map((id) => `${other}:${id}`) }));
  const otherList = t.ti[other];
  const left: PerimeterChange['left'] = [];
  for (const id of related) {
    const rec = otherList.find((x) => x.id === id);
    for (const c of rec?.epcis ?? []) {
      if (ti.epcis.includes(c) || left.some((l) => l.epci === c)) continue;
      left.push({ epci: c, to: (byCode.get(c)?.ti[ti.generation] ?? []).map((x) => `${ti.generation}:${x}`) });
    }
  }
  return { joined, movedIn, left, related: related.map((id) => `${other}:${id}`) };
}
