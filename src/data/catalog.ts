// Lookup tables built once from the loaded data.

import type {
  DepartementRecord,
  EpciRecord,
  EptRecord,
  Generation,
  NamedCode,
  TerritoriesFile,
  TiRecord,
} from './types.ts';

export interface Catalog {
  epci: Map<string, EpciRecord>;
  /** EPT of the Métropole du Grand Paris: selected like an EPCI (kind 'epci'), with their own profile. */
  ept: Map<string, EptRecord>;
  ti: Map<string, TiRecord>; // by key "2023:ti-0101"
  tiByGen: Record<Generation, TiRecord[]>;
  departements: Map<string, DepartementRecord>;
  regions: Map<string, NamedCode>;
}

/** Built from the loaded data (only its territories are read). */
export function buildCatalog(data: { territories: TerritoriesFile }): Catalog {
  const t = data.territories;
  return {
    epci: new Map(t.epci.map((e) => [e.code, e])),
    ept: new Map(t.ept.map((e) => [e.code, e])),
    ti: new Map([...t.ti['2023'], ...t.ti['2018']].map((x) => [x.key, x])),
    tiByGen: t.ti,
    departements: new Map(t.departements.map((d) => [d.code, d])),
    regions: new Map(t.regions.map((r) => [r.code, r])),
  };
}

export const tiKey = (generation: Generation, id: string) => `${generation}:${id}`;

/** EPCI plus the EPT of the Métropole du Grand Paris, as the search index reads them. */
export function searchableEpci(t: TerritoriesFile): EpciRecord[] {
  return [
    ...t.epci,
    // Search reads code, name, nature, seat département and population; an EPT has no area of its own.
    ...t.ept.map((e) => ({ ...e, areaKm2: Number.NaN, neighbours: [] })),
  ];
}
