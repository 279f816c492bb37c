// Indicators of the territory's main zone d'emploi (URSSAF industrial jobs). Each EPCI (or TI) is
// coloured by the figures of the zone where most of its population lives: zone figures, never the
// territory's own count, and never spread over EPCI.
import type { RawField } from './fields.ts';
import type { NumericIndicator } from './indicators.ts';
import type { Text } from './text.ts';
import { ZE_YEARS, zePeriod } from './zones-emploi.ts';

const SOURCES = ['emploi_a38_ze', 'ze_communes', 'ze_zones', 'cog'];
const field = (y: number) => `ze_ind_${y}` as RawField;
const CAVEAT: Text = { key: 'ind.shared.zeCaveat' };
// Every EPCI of a zone shares the zone's figure: a rank among EPCI would rank zones, weighted by
// how many EPCI each holds.
const NO_RANK: Text = { key: 'ind.shared.zeNoRank' };
const AGGREGATION = {
  rule: 'rule' as const,
  text: { key: 'ind.shared.zeAggregation' },
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
    label: { key: 'ind.ze_emploi_industriel.label' },
    short: { key: 'ind.ze_emploi_industriel.short' },
    definition: { key: 'ind.ze_emploi_industriel.definition' },
    unit: { key: 'ind.ze_emploi_industriel.unit' },
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
    label: { key: 'ind.ze_emploi_industriel_evol_pct.label' },
    short: { key: 'ind.ze_emploi_industriel_evol_pct.short' },
    definition: { key: 'ind.ze_emploi_industriel_evol_pct.definition' },
    unit: { key: 'ind.ze_emploi_industriel_evol_pct.unit' },
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
    label: { key: 'ind.ze_emploi_industriel_evol.label' },
    short: { key: 'ind.ze_emploi_industriel_evol.short' },
    definition: { key: 'ind.ze_emploi_industriel_evol.definition' },
    unit: { key: 'ind.ze_emploi_industriel_evol.unit' },
    sources: SOURCES,
    year: periodLabel,
    aggregation: AGGREGATION,
    caveat: CAVEAT,
    notRanked: NO_RANK,
    compute: (g, c) => change(g, c.period, false),
  },
];
