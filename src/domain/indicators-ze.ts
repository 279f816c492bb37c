// Indicators of the territory's main zone d'emploi (URSSAF industrial jobs). Each EPCI (or TI) is
// coloured by the figures of the zone where most of its population lives: zone figures, never the
// territory's own count, and never spread over EPCI.
import type { RawField } from './fields.ts';
import type { NumericIndicator, Tr } from './indicators.ts';
import { ZE_YEARS, zePeriod } from './zones-emploi.ts';

const SOURCES = ['emploi_a38_ze', 'ze_communes', 'ze_zones', 'cog'];
const field = (y: number) => `ze_ind_${y}` as RawField;
const CAVEAT: Tr = {
  fr: 'Chiffres de la zone d’emploi principale (où vit la plus grande part de la population), pas de l’EPCI ni du TI : chaque territoire est coloré selon sa zone. Emplois salariés privés (Urssaf, compilation provisoire), industrie = sections B à E ; années disponibles : 2019, 2022, 2023, 2024 ; Mayotte non couverte.',
  en: 'Figures of the main zone d’emploi (where most of the population lives), not of the EPCI or TI: each territory is coloured by its zone. Private salaried jobs (Urssaf, interim compilation), industry = sections B to E; years available: 2019, 2022, 2023, 2024; Mayotte not covered.',
};
// Every EPCI of a zone shares the zone's figure: a rank among EPCI would rank zones, weighted by
// how many EPCI each holds.
const NO_RANK: Tr = {
  fr: 'Pas de rang : la valeur est celle de la zone d’emploi, partagée par tous les territoires de la zone.',
  en: 'Not ranked: the value is the zone d’emploi’s, shared by every territory of the zone.',
};
const AGGREGATION = {
  rule: 'rule' as const,
  text: {
    fr: 'Zone d’emploi principale du TI (par population de ses communes), jamais une somme de zones',
    en: 'The TI’s main zone d’emploi (by population of its communes), never a sum of zones',
  },
};
const periodLabel = (c: { period: [number, number] }) => {
  const p = zePeriod(c.period);
  return p ? `${p[0]}–${p[1]}` : `${ZE_YEARS[0]}–${ZE_YEARS[ZE_YEARS.length - 1]}`;
};
const change = (get: (f: RawField) => number | null, period: [number, number], percent: boolean) => {
  const p = zePeriod(period);
  if (!p) return null;
  const a = get(field(p[0])),
    b = get(field(p[1]));
  if (a === null || b === null) return null;
  return percent ? (a === 0 ? null : ((b - a) / a) * 100) : b - a;
};

export const ZONE_INDICATORS: NumericIndicator[] = [
  {
    id: 'ze_emploi_industriel',
    type: 'numeric',
    theme: 'emploi',
    kind: 'stock',
    direction: 'neutral',
    decimals: 0,
    levels: ['epci', 'ti'],
    usesPeriod: true,
    label: {
      fr: 'Emploi industriel de la zone d’emploi',
      en: 'Industrial jobs of the zone d’emploi',
    },
    short: { fr: 'Emploi industriel (zone)', en: 'Industrial jobs (zone)' },
    definition: {
      fr: 'Effectifs salariés privés de l’industrie (A38, sections B à E) de la zone d’emploi principale du territoire, en fin de période (année disponible la plus proche).',
      en: 'Private salaried industrial jobs (A38, sections B to E) of the territory’s main zone d’emploi, at the end of the period (nearest available year).',
    },
    unit: { fr: 'emplois', en: 'jobs' },
    sources: SOURCES,
    year: (c) => String(zePeriod(c.period)?.[1] ?? ZE_YEARS[ZE_YEARS.length - 1]),
    aggregation: AGGREGATION,
    caveat: CAVEAT,
    notRanked: NO_RANK,
    compute: (g, c) => g(field(zePeriod(c.period)?.[1] ?? ZE_YEARS[ZE_YEARS.length - 1])),
  },
  {
    id: 'ze_emploi_industriel_evol_pct',
    type: 'numeric',
    theme: 'emploi',
    kind: 'change',
    direction: 'higher-better',
    decimals: 1,
    levels: ['epci', 'ti'],
    usesPeriod: true,
    label: {
      fr: 'Évolution de l’emploi industriel de la zone d’emploi (%)',
      en: 'Change in industrial jobs of the zone d’emploi (%)',
    },
    short: { fr: 'Évolution emploi industriel (zone, %)', en: 'Industrial job change (zone, %)' },
    definition: {
      fr: 'Variation en % des effectifs salariés privés de l’industrie de la zone d’emploi principale entre les années choisies (ramenées aux années disponibles : 2019, 2022, 2023, 2024).',
      en: 'Change in % of private salaried industrial jobs of the main zone d’emploi between the chosen years (snapped to the available years: 2019, 2022, 2023, 2024).',
    },
    unit: { fr: '%', en: '%' },
    sources: SOURCES,
    year: periodLabel,
    aggregation: AGGREGATION,
    caveat: CAVEAT,
    notRanked: NO_RANK,
    compute: (g, c) => change(g, c.period, true),
  },
  {
    id: 'ze_emploi_industriel_evol',
    type: 'numeric',
    theme: 'emploi',
    kind: 'change',
    direction: 'higher-better',
    decimals: 0,
    levels: ['epci', 'ti'],
    usesPeriod: true,
    label: {
      fr: 'Évolution de l’emploi industriel de la zone d’emploi (emplois)',
      en: 'Change in industrial jobs of the zone d’emploi (jobs)',
    },
    short: { fr: 'Évolution emploi industriel (zone)', en: 'Industrial job change (zone)' },
    definition: {
      fr: 'Emplois industriels gagnés ou perdus dans la zone d’emploi principale entre les années choisies (ramenées aux années disponibles).',
      en: 'Industrial jobs gained or lost in the main zone d’emploi between the chosen years (snapped to the available years).',
    },
    unit: { fr: 'emplois', en: 'jobs' },
    sources: SOURCES,
    year: periodLabel,
    aggregation: AGGREGATION,
    caveat: CAVEAT,
    notRanked: NO_RANK,
    compute: (g, c) => change(g, c.period, false),
  },
];
