// Reads the 2026 COG from @etalab/decoupage-administratif (communes, EPCI, EPT, populations).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface CogMember {
  code: string;
  siren?: string;
  nom: string;
  populationMunicipale?: number;
}
export interface CogEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale: number;
  membres: CogMember[];
}
export interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  siren?: string;
  codesPostaux?: string[];
  population?: number;
  chefLieu?: string;
  commune?: string;
  anciensCodes?: string[];
}
export interface CogNamed {
  code: string;
  nom: string;
  region?: string;
  zone?: string;
}

export interface Cog {
  version: string;
  epci: CogEpci[];
  ept: CogEpci[];
  communes: CogCommune[];
  departements: CogNamed[];
  regions: CogNamed[];
}

export function loadCog(): Cog {
  const pkg = '@etalab/decoupage-administratif';
  return {
    version: require(`${pkg}/package.json`).version,
    epci: require(`${pkg}/data/epci.json`),
    ept: require(`${pkg}/data/ept.json`),
    communes: require(`${pkg}/data/communes.json`),
    departements: require(`${pkg}/data/departements.json`),
    regions: require(`${pkg}/data/regions.json`),
  };
}

/** Current communes plus a resolver for old / delegated codes (communes déléguées, arrondissements). */
export function communeIndex(cog: Cog) {
  const current = new Map<string, CogCommune>();
  const alias = new Map<string, string>();
  const bySiren = new Map<string, string>();
  for (const c of cog.communes) {
    if (c.type === 'commune-actuelle') {
      current.set(c.code, c);
      if (c.siren) bySiren.set(c.siren, c.code);
    }
  }
  for (const c of cog.communes) {
    if (c.type !== 'commune-actuelle' && c.chefLieu && current.has(c.chefLieu) && !current.has(c.code))
      alias.set(c.code, c.chefLieu);
  }
  // Paris, Lyon, Marseille municipal arrondissements point to their commune.
  for (const c of cog.communes) if (c.type === 'arrondissement-municipal' && c.commune) alias.set(c.code, c.commune);
  // Codes of communes merged away since earlier COGs.
  for (const c of current.values())
    for (const old of c.anciensCodes ?? []) if (!current.has(old)) alias.set(old, c.code);
  // Municipal population of the 2022 vintage (the one of EPCI and EPT totals); communes.json
  // carries the newer 2023 vintage, which must not be mixed with EPCI totals.
  const pop2022 = new Map<string, number>();
  for (const e of cog.epci) for (const m of e.membres) pop2022.set(m.code, m.populationMunicipale ?? 0);
  return {
    current,
    bySiren,
    pop2022,
    /** INSEE code → current commune code, or null when unknown. */
    resolve(code: string): string | null {
      if (current.has(code)) return code;
      return alias.get(code) ?? null;
    },
  };
}
