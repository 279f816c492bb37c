// Values of the TI members that are not whole EPCI (EPT of the Métropole du Grand Paris, single
// communes) and the TI aggregates built from them. An EPT member takes the EPT's own values
// (the source's EPT row, or the sum of its communes), never the Métropole's.
import type { Generation, TiRecord } from '../../src/data/types.ts';
import { type PartMissing, RAW_FIELDS, type RawField, type ZibacZone } from '../../src/domain/fields.ts';
import { COMMUNE_LEVEL, round, SUMMABLE, type Values } from './raw-fields.ts';
import type { buildEpciBase } from './territories.ts';

interface Args {
  base: ReturnType<typeof buildEpciBase>;
  tis: TiRecord[];
  epciValues: Map<string, Values>;
  /** Values read from the sources' EPT rows. */
  eptValues: Map<string, Values>;
  communeValues: Map<string, Values>;
  zones: ZibacZone[];
  sumCommunes: (codes: string[], field: RawField) => number | null;
}

/** Fields given per EPT row by a source (else summed from communes, else not available). */
const EPT_ROW_FIELDS: Partial<Record<RawField, string>> = { indus_pct_2022: 'eco_epci' };
/** Fields whose source has EPCI rows only: not available for an EPT or a single commune. */
const EPCI_ONLY: Partial<Record<RawField, string>> = {
  indus_pct_2022: 'eco_epci',
  logaut_2024: 'logement',
  vac2ans_pct_2024: 'logement',
  pxm2_mai_2024: 'logement',
  area_km2: 'geo_epci',
};

export function buildPartsAndTi({ base, tis, epciValues, eptValues, communeValues, zones, sumCommunes }: Args) {
  const partCodes: string[] = [];
  const partRows: Values[] = [];
  const missing: PartMissing = { ept: {}, commune: {} };
  for (const [f, id] of Object.entries(EPCI_ONLY) as [RawField, string][]) {
    if (!EPT_ROW_FIELDS[f]) missing.ept[f] = id;
    missing.commune[f] = id;
  }
  const partCommunes = (m: { code: string; kind: string }) =>
    m.kind === 'ept' ? base.ept.get(m.code)!.membres.map((c) => c.code) : [m.code];
  const zibacOf = (communes: string[]) => zones.filter((z) => z.communes.some((c) => communes.includes(c))).length;
  const partValues = new Map<string, Values>();
  for (const [code, t] of base.ept) {
    const communes = t.membres.map((m) => m.code);
    const v: Values = {};
    for (const f of RAW_FIELDS) v[f] = COMMUNE_LEVEL.has(f) ? sumCommunes(communes, f) : null;
    Object.assign(v, eptValues.get(code) ?? {});
    v.zibac_zones = zibacOf(communes);
    partValues.set(code, v);
  }
  for (const ti of tis)
    for (const m of ti.members)
      if (m.kind === 'commune' && !partValues.has(m.code)) {
        const v: Values = {};
        for (const f of RAW_FIELDS) v[f] = COMMUNE_LEVEL.has(f) ? (communeValues.get(m.code)?.[f] ?? null) : null;
        v.zibac_zones = zibacOf([m.code]);
        partValues.set(m.code, v);
      }
  for (const [code, v] of [...partValues].sort(([a], [b]) => a.localeCompare(b))) {
    partCodes.push(code);
    partRows.push(v);
  }

  // TI raw fields: whole EPCI members plus the parts' own values.
  const tiValues: Record<Generation, Values[]> = { '2023': [], '2018': [] };
  for (const ti of tis) {
    const units: Values[] = [];
    for (const code of ti.epcis) if (!ti.partialEpcis.includes(code)) units.push(epciValues.get(code)!);
    for (const m of ti.members) if (m.kind !== 'epci') units.push(partValues.get(m.code)!);
    const agg: Values = {};
    for (const f of RAW_FIELDS) {
      if (!SUMMABLE.has(f)) {
        agg[f] = null;
        continue;
      }
      let s = 0;
      for (const u of units) {
        const x = u[f];
        if (x === null || x === undefined) {
          s = Number.NaN;
          break;
        }
        s += x;
      }
      agg[f] = Number.isNaN(s) ? null : round(s);
    }
    // ZIBaC at TI level: zones hosted by a whole member EPCI, or inside a partial member.
    agg.zibac_zones = zones.filter((z) =>
      ti.members.some((m) =>
        m.kind === 'epci' ? z.epcis.includes(m.code) : partCommunes(m).some((c) => z.communes.includes(c)),
      ),
    ).length;
    tiValues[ti.generation].push(agg);
  }
  const column = (f: RawField) => partRows.map((v) => (v[f] === undefined || v[f] === null ? null : round(v[f]!)));
  return {
    parts: {
      codes: partCodes,
      values: Object.fromEntries(RAW_FIELDS.map((f) => [f, column(f)])) as Record<RawField, (number | null)[]>,
      missing,
    },
    tiValues,
  };
}
