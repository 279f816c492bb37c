// Lookup tables built once from the loaded data.

import type { AtlasData } from './load.ts';
import type { DepartementRecord, EpciRecord, Generation, NamedCode, TiRecord } from './types.ts';

export interface Catalog {
  epci: Map<string, EpciRecord>;
  ti: Map<string, TiRecord>; // by key "2023:ti-0101"
  tiByGen: Record<Generation, TiRecord[]>;
  departements: Map<string, DepartementRecord>;
  regions: Map<string, NamedCode>;
}

export function buildCatalog(data: AtlasData): Catalog {
  const t = data.territories;
  return {
    epci: new Map(t.epci.map((e) => [e.code, e])),
    ti: new Map([...t.ti['2023'], ...t.ti['2018']].map((x) => [x.key, x])),
    tiByGen: t.ti,
    departements: new Map(t.departements.map((d) => [d.code, d])),
    regions: new Map(t.regions.map((r) => [r.code, r])),
  };
}

export const tiKey = (generation: Generation, id: string) => `${generation}:${id}`;
