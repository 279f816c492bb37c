// Programme indicators (ZIBaC laureate zones, Sprint Innovation eligibility).
import type { CategoricalIndicator } from './indicators.ts';
import { fieldsOf, fixed } from './indicators-shared.ts';
import { epciSprintState, sprintState } from './sprint.ts';

export const PROGRAMME_INDICATORS: CategoricalIndicator[] = [
  {
    id: 'zibac',
    type: 'categorical',
    theme: 'programmes',
    levels: ['epci', 'ti'],
    label: { key: 'ind.zibac.label' },
    definition: { key: 'ind.zibac.definition' },
    sources: ['zibac'],
    year: fixed('2023–2025'),
    aggregation: { rule: 'any' },
    categories: [
      { value: 'yes', label: { key: 'ind.zibac.cat.yes' }, color: '#009E73' },
      { value: 'no', label: { key: 'ind.zibac.cat.no' }, color: '#e6e1d6' },
    ],
    classify: (ctx) => fieldsOf(ctx).values.zibac_zones.map((v) => (v === null ? null : v > 0 ? 'yes' : 'no')),
  },
  {
    id: 'sprint',
    type: 'categorical',
    theme: 'programmes',
    levels: ['epci', 'ti'],
    label: { key: 'ind.sprint.label' },
    definition: { key: 'ind.sprint.definition' },
    sources: ['cog', 'ti_2023'],
    year: fixed('2025'),
    aggregation: {
      rule: 'rule',
      text: { key: 'ind.sprint.aggregation' },
    },
    categories: [
      { value: 'eligible', label: { key: 'ind.sprint.cat.eligible' }, color: '#0072B2' },
      {
        value: 'partial',
        label: { key: 'ind.sprint.cat.partial' },
        color: '#E69F00',
      },
      { value: 'not-eligible', label: { key: 'ind.sprint.cat.not-eligible' }, color: '#CC79A7' },
      {
        value: 'outside-ti',
        label: { key: 'ind.sprint.cat.outside-ti' },
        color: '#e6e1d6',
        onlyWhenPresent: true,
      },
      {
        value: 'not-applicable',
        label: { key: 'ind.sprint.cat.not-applicable' },
        color: '#d9d9d9',
        onlyWhenPresent: true,
      },
    ],
    classify: (ctx) => {
      if (ctx.level === 'ti')
        // Sprint concerns the 2023–2027 generation only: the 2018–2022 TI are not "missing data".
        return ctx.territories.ti[ctx.generation].map((t) =>
          ctx.generation === '2023' ? sprintState(t.depShares, ctx.sprint) : 'not-applicable',
        );
      return ctx.territories.epci.map((e) => epciSprintState(e.depShares, e.ti['2023'].length > 0, ctx.sprint));
    },
  },
];
