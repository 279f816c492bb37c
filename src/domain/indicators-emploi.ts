// Employment indicators of the territory itself (Urssaf private jobs, census industry share).
import type { RawField } from './fields.ts';
import type { NumericIndicator, Tr } from './indicators.ts';
import { fixed, NOT_AGG_SHARE, ratio } from './indicators-shared.ts';

const URSSAF_INTERIM: Tr = {
  fr: 'Série provisoire (compilation tierce des données Urssaf, secteur privé, régime général) ; Mayotte non couverte.',
  en: 'Interim series (third-party compilation of Urssaf data, private sector); Mayotte not covered.',
};

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
    label: { fr: 'Emplois salariés privés', en: 'Private salaried jobs' },
    definition: {
      fr: 'Effectifs salariés du secteur privé (Urssaf) en fin de période choisie.',
      en: 'Private-sector salaried jobs (Urssaf) at the end of the chosen period.',
    },
    unit: { fr: 'emplois', en: 'jobs' },
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
    label: { fr: 'Évolution de l’emploi salarié privé (%)', en: 'Change in private salaried jobs (%)' },
    short: { fr: 'Évolution emploi (%)', en: 'Job change (%)' },
    definition: {
      fr: 'Variation des effectifs salariés privés entre les deux années choisies, en %. Pour un TI : variation de la somme des membres.',
      en: 'Change in private salaried jobs between the two chosen years, in %. For a TI: change of the members’ sum.',
    },
    unit: { fr: '%', en: '%' },
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
    label: { fr: 'Évolution de l’emploi salarié privé (emplois)', en: 'Change in private salaried jobs (jobs)' },
    short: { fr: 'Évolution emploi', en: 'Job change' },
    definition: {
      fr: 'Emplois gagnés ou perdus entre les deux années choisies.',
      en: 'Jobs gained or lost between the two chosen years.',
    },
    unit: { fr: 'emplois', en: 'jobs' },
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
    label: { fr: 'Part de l’emploi dans l’industrie', en: 'Share of jobs in industry' },
    definition: {
      fr: 'Emplois au lieu de travail dans l’industrie / emplois au lieu de travail × 100 (recensement 2022).',
      en: 'Jobs at place of work in industry / all jobs × 100 (census 2022).',
    },
    unit: { fr: '%', en: '%' },
    sources: ['eco_epci'],
    year: fixed('2022'),
    aggregation: { rule: 'none', why: NOT_AGG_SHARE },
    caveat: {
      fr: 'La source donne une valeur pour la Métropole du Grand Paris et une pour chacun de ses EPT : un EPT membre d’un TI a sa propre valeur (profil de l’EPT), jamais celle de la Métropole.',
      en: 'The source gives a value for the Métropole du Grand Paris and one for each of its EPT: an EPT member of a TI has its own value (EPT profile), never the Métropole’s.',
    },
    compute: (g) => g('indus_pct_2022'),
  },
];
