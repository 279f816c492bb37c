// Raw fields joined per territory by the pipeline; indicators (registry) are computed from them.
import type { Generation } from '../data/types.ts';
import { ZE_YEARS } from './zones-emploi.ts';

export const EMP_YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024] as const;
export type EmpYear = (typeof EMP_YEARS)[number];

export const RAW_FIELDS = [
  'pop',
  'area_km2',
  'fr_total',
  'fr_potentielle',
  'fr_sans_projet',
  'fr_avec_projet',
  'fr_reconvertie',
  'fr_industrielle',
  'fr_surface_ha',
  ...EMP_YEARS.map((y) => `emp_${y}` as const),
  'indus_pct_2022',
  'logaut_2024',
  'vac2ans_pct_2024',
  'pxm2_mai_2024',
  'frr_communes',
  'frr_plus',
  'communes_n',
  'zibac_zones',
  // Industrial jobs of the territory's main zone d'emploi (zone figures, not the territory's own).
  ...ZE_YEARS.map((y) => `ze_ind_${y}` as const),
] as const;
export type RawField = (typeof RAW_FIELDS)[number];

export const FRICHE_STATUSES = [
  'friche potentielle',
  'friche sans projet',
  'friche avec projet',
  'friche reconvertie',
] as const;
/** Cartofriches site types counted as industrial. */
export const FRICHE_TYPES_INDUSTRIAL = ['friche industrielle', 'agro-industrielle', 'friche agro-industrielle'];

/** A text of the source in both languages (the source's English notes, translated in geo/zibac-i18n.json). */
export interface Bilingual {
  fr: string;
  en: string;
}

export interface ZibacZone {
  id: string;
  name: string;
  project: string;
  porteur: string;
  date: Bilingual;
  epcis: string[];
  communes: string[];
  perimeterQuality: Bilingual;
  confidence: Bilingual;
  sources: string[];
  notes: Bilingual;
}

export interface FieldTable {
  codes: string[];
  values: Record<RawField, (number | null)[]>;
}

/** Why a TI member that is not a whole EPCI (EPT, commune) has no value: field → source id lacking a row. */
export type PartMissing = Record<'ept' | 'commune', Partial<Record<RawField, string>>>;

export interface IndicatorsFile {
  fields: RawField[];
  epci: FieldTable;
  /** EPT of the Métropole du Grand Paris and commune members of TI, each with its own values. */
  parts: FieldTable & { missing: PartMissing };
  ti: Record<Generation, FieldTable>;
  zibac: ZibacZone[];
  /** Main zone d'emploi of each territory (aligned with the codes) and the zone names. */
  ze?: { epci: (string | null)[]; ti: Record<Generation, (string | null)[]>; names: Record<string, string> };
  coverage: Record<string, { matched: number; total: number; note?: string }>;
}

export interface FrichePoints {
  columns: string[];
  statuses: string[];
  types: string[];
  /** [lon, lat, statusIndex, typeIndex, surface m² | null, name, site id, commune INSEE] */
  rows: [number, number, number, number, number | null, string, string, string][];
}
