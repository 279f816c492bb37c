// Shapes of the artefacts written by `npm run data` (scripts/) and read by the app.
// Codes are always strings: SIREN for EPCI, INSEE for communes, "2A"/"2B" for Corsica.

export type Generation = '2023' | '2018';
export const GENERATIONS: readonly Generation[] = ['2023', '2018'];
export const GENERATION_LABEL: Record<Generation, string> = { '2023': '2023–2027', '2018': '2018–2022' };

/** [west, south, east, north] in the map's (inset-shifted) WGS84 coordinates. */
export type BBox = [number, number, number, number];

export type EpciNature = 'CC' | 'CA' | 'CU' | 'METRO' | 'MET69';

export interface EpciRecord {
  code: string;
  name: string;
  nature: EpciNature;
  population: number;
  communes: number;
  departements: string[];
  regions: string[];
  /** Seat département, from IGN. */
  depSiege: string;
  areaKm2: number;
  ti: Record<Generation, string[]>;
  /** Établissements publics territoriaux inside the Métropole du Grand Paris. */
  ept?: { code: string; name: string }[];
  bbox: BBox;
  /** EPCI sharing a border (from the topology's shared arcs, not bounding boxes). */
  neighbours: string[];
  /** Set when the EPCI is drawn in a DROM inset (not at its real position). */
  inset?: string;
}

export type TiMemberKind = 'epci' | 'ept' | 'commune';

export interface TiMember {
  code: string;
  name: string;
  kind: TiMemberKind;
  /** EPCI that holds this member (itself for kind 'epci'). */
  epci: string;
}

export interface TiRecord {
  generation: Generation;
  id: string;
  /** Unique across generations: `${generation}:${id}` (ids are reused between generations). */
  key: string;
  name: string;
  members: TiMember[];
  /** EPCI touched by the TI, wholly or partly. */
  epcis: string[];
  /** EPCI only partly inside the TI (commune or EPT members). */
  partialEpcis: string[];
  departements: string[];
  regions: string[];
  population: number;
  bbox: BBox;
}

export interface NamedCode {
  code: string;
  name: string;
}
export interface DepartementRecord extends NamedCode {
  region: string;
}

export interface InsetFrame {
  dep: string;
  region: string;
  name: string;
  box: BBox;
}

export interface TerritoriesFile {
  epci: EpciRecord[];
  ti: Record<Generation, TiRecord[]>;
  departements: DepartementRecord[];
  regions: NamedCode[];
  insets: InsetFrame[];
  populationYear: string;
}

export interface CommuneRecord {
  code: string;
  name: string;
  postcodes: string[];
  epci: string | null;
  population: number;
  departement: string;
}

export interface SourceInfo {
  id: string;
  title: string;
  year: string;
  producer: string;
  licence: string;
  url: string;
  path: string;
  present: boolean;
  sha256?: string;
  bytes?: number;
}

export interface Manifest {
  generatedAt: string;
  inputHash: string;
  sources: SourceInfo[];
  counts: Record<string, number>;
  coverage: Record<string, { matched: number; total: number; note?: string }>;
  gaps: { id: string; title: string; officialSource: string }[];
  outputs: Record<string, { bytes: number; sha256: string }>;
}
