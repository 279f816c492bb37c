// Shapes of the artefacts written by `npm run data` (scripts/) and read by the app.
// Codes are always strings: SIREN for EPCI, INSEE for communes, "2A"/"2B" for Corsica.

export type Generation = '2023' | '2018';
export const GENERATIONS: readonly Generation[] = ['2023', '2018'];
export const GENERATION_LABEL: Record<Generation, string> = { '2023': '2023–2027', '2018': '2018–2022' };

/** [west, south, east, north] in the map's (inset-shifted) WGS84 coordinates. */
export type BBox = [number, number, number, number];

export type EpciNature = 'CC' | 'CA' | 'CU' | 'METRO' | 'MET69' | 'EPT';

/** Population share (0–1) of each département, from the 2022 municipal populations of the communes. */
export type DepartementShares = Record<string, number>;

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
  depShares: DepartementShares;
}

/**
 * Établissement public territorial of the Métropole du Grand Paris: a territory of the Métropole
 * (not an EPCI of its own), with its own profile and values where a source gives an EPT row.
 * Not ranked among EPCI (the Métropole is, and would be counted twice).
 */
export interface EptRecord {
  code: string;
  name: string;
  nature: 'EPT';
  /** SIREN of the Métropole du Grand Paris. */
  metropole: string;
  population: number;
  communes: number;
  departements: string[];
  regions: string[];
  depSiege: string;
  ti: Record<Generation, string[]>;
  /** The Métropole's box: the map draws no separate EPT outline. */
  bbox: BBox;
  depShares: DepartementShares;
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
  depShares: DepartementShares;
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
  /** The EPT of the Métropole du Grand Paris (searchable, with a profile; not on the EPCI map). */
  ept: EptRecord[];
  ti: Record<Generation, TiRecord[]>;
  departements: DepartementRecord[];
  regions: NamedCode[];
  insets: InsetFrame[];
  populationYear: string;
  /** Year of the commune populations shown in search (not the same vintage as EPCI and TI). */
  communePopulationYear: string;
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
  /** What the pipeline does with it. */
  note?: string;
  /** A compilation that states no licence: shown as « licence à confirmer ». */
  licenceToConfirm?: boolean;
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
  /** Values set aside as not available by the series-break rule (scripts/lib/series-breaks.ts). */
  breaks: SeriesBreak[];
  /** `files`: a folder's file count (the map's tiles); its sha256 covers every file's path and bytes. */
  outputs: Record<string, { bytes: number; sha256: string; files?: number }>;
}

/** A value that falls to exactly 0 from a non-zero series: a break in the source, not a true zero. */
export interface SeriesBreak {
  source: string;
  field: string;
  /** The app's raw field set aside (e.g. "vac2ans_pct_2024"). */
  rawField: string;
  code: string;
  year: number;
  /** The previous years' values the rule compared with. */
  previous: (number | null)[];
}
