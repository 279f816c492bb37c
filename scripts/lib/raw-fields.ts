// Which raw fields exist per commune (summed to EPCI, EPT and TI) and which are summable.
import type { RawField } from '../../src/domain/fields.ts';

export type Values = Partial<Record<RawField, number | null>>;
export const YEARS = Array.from({ length: 11 }, (_, i) => 2014 + i);

export const FRICHE_FIELDS: RawField[] = [
  'fr_total',
  'fr_potentielle',
  'fr_sans_projet',
  'fr_avec_projet',
  'fr_reconvertie',
  'fr_industrielle',
  'fr_surface_ha',
];
export const COMMUNE_LEVEL = new Set<RawField>([
  'pop',
  ...FRICHE_FIELDS,
  ...YEARS.map((y) => `emp_${y}` as RawField),
  'frr_communes',
  'frr_plus',
  'communes_n',
]);
export const SUMMABLE = new Set<RawField>([...COMMUNE_LEVEL, 'area_km2', 'logaut_2024']);
export const round = (x: number) => Math.round(x * 100) / 100;
