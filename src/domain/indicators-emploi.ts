// Employment indicators of the territory itself (Urssaf private jobs, census industry share).
import type { RawField } from './fields.ts';
import type { NumericIndicator } from './indicators.ts';
import { fixed, NOT_AGG_SHARE, ratio } from './indicators-shared.ts';
import type { Text } from './text.ts';

const URSSAF_INTERIM: Text = { key: 'ind.shared.urssafInterim' };

const emp = (y: number) => `emp_${y}` as RawField;

export const EMPLOI_INDICATORS: NumericIndicator[] = [
  {
    id: 'emploi',
    type: 'numeric',
    theme: 'emploi',
    kind: 'stock',
    direction: 'higher-better',
    decimals: 0,
    levels: ['epci', 'ti'],
    usesPeriod: true,
    label: { key: 'ind.emploi.label' },
    definition: { key: 'ind.emploi.definition' },
    unit: { key: 'ind.emploi.unit' },
    sources: ['emploi_epci'],
    year: (c) => String(c.period[1]),
    aggregation: { rule: 'sum' },
    caveat: URSSAF_INTERIM,
    compute: (g, c) => g(emp(c.period[1])),
  },
  {
    id: 'emploi_evol_pct',
    type: 'numeric',
    theme: 'emploi',
    kind: 'change',
    direction: 'higher-better',
    decimals: 1,
    levels: ['epci', 'ti'],
    usesPeriod: true,
    label: { key: 'ind.emploi_evol_pct.label' },
    short: { key: 'ind.emploi_evol_pct.short' },
    definition: { key: 'ind.emploi_evol_pct.definition' },
    unit: { key: 'ind.emploi_evol_pct.unit' },
    sources: ['emploi_epci'],
    year: (c) => `${c.period[0]}–${c.period[1]}`,
    aggregation: { rule: 'ratio', numerator: 'emp_fin − emp_début', denominator: 'emp_début' },
    caveat: URSSAF_INTERIM,
    compute: (g, c) => {
      const a = g(emp(c.period[0])),
        b = g(emp(c.period[1]));
      return a === null || b === null ? null : ratio(b - a, a, 100);
    },
  },
  {
    id: 'emploi_evol',
    type: 'numeric',
    theme: 'emploi',
    kind: 'change',
    direction: 'higher-better',
    decimals: 0,
    levels: ['epci', 'ti'],
    usesPeriod: true,
    label: { key: 'ind.emploi_evol.label' },
    short: { key: 'ind.emploi_evol.short' },
    definition: { key: 'ind.emploi_evol.definition' },
    unit: { key: 'ind.emploi_evol.unit' },
    sources: ['emploi_epci'],
    year: (c) => `${c.period[0]}–${c.period[1]}`,
    aggregation: { rule: 'sum' },
    caveat: URSSAF_INTERIM,
    compute: (g, c) => {
      const a = g(emp(c.period[0])),
        b = g(emp(c.period[1]));
      return a === null || b === null ? null : b - a;
    },
  },
  {
    id: 'part_industrie',
    type: 'numeric',
    theme: 'emploi',
    kind: 'stock',
    direction: 'neutral',
    decimals: 1,
    levels: ['epci'],
    label: { key: 'ind.part_industrie.label' },
    definition: { key: 'ind.part_industrie.definition' },
    unit: { key: 'ind.part_industrie.unit' },
    sources: ['eco_epci'],
    year: fixed('2022'),
    aggregation: { rule: 'none', why: NOT_AGG_SHARE },
    caveat: { key: 'ind.part_industrie.caveat' },
    compute: (g) => g('indus_pct_2022'),
  },
];
