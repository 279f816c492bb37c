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
    label: { fr: 'ZIBaC : zone lauréate connue', en: 'ZIBaC: known laureate zone' },
    definition: {
      fr: 'EPCI accueillant un site d’une zone industrielle bas carbone lauréate (10 zones connues ; une source en cite 11). Sauf Loire Estuaire, le périmètre officiel n’est pas publié : ce sont les EPCI qui accueillent les sites nommés.',
      en: 'EPCI hosting a site of a low-carbon industrial zone laureate (10 known zones; one source mentions 11). Except Loire Estuaire, no official perimeter is published: these are the EPCI hosting the named sites.',
    },
    sources: ['zibac'],
    year: fixed('2023–2025'),
    aggregation: { rule: 'any' },
    categories: [
      { value: 'yes', label: { fr: 'Accueille une ZIBaC lauréate', en: 'Hosts a ZIBaC laureate' }, color: '#009E73' },
      { value: 'no', label: { fr: 'Aucune zone connue', en: 'No known zone' }, color: '#e6e1d6' },
    ],
    classify: (ctx) => fieldsOf(ctx).values.zibac_zones.map((v) => (v === null ? null : v > 0 ? 'yes' : 'no')),
  },
  {
    id: 'sprint',
    type: 'categorical',
    theme: 'programmes',
    levels: ['epci', 'ti'],
    label: { fr: 'Sprint Innovation : éligibilité', en: 'Sprint Innovation: eligibility' },
    definition: {
      fr: 'Éligibilité des TI 2023–2027 selon la règle des départements exclus (lecture littérale de la liste publiée, voir Sources), appliquée à la part de la population vivant dans chaque département (seuil 5 %). Un EPCI d’un TI est évalué sur sa propre population.',
      en: 'Eligibility of 2023–2027 TI under the rule of excluded départements (literal reading of the published list, see Sources), applied to the share of the population living in each département (5 % threshold). An EPCI of a TI is assessed on its own population.',
    },
    sources: ['cog', 'ti_2023'],
    year: fixed('2025'),
    aggregation: {
      rule: 'rule',
      text: {
        fr: 'Règle appliquée à la population du TI par département',
        en: 'Rule applied to the TI’s population by département',
      },
    },
    categories: [
      { value: 'eligible', label: { fr: 'Éligible', en: 'Eligible' }, color: '#0072B2' },
      {
        value: 'partial',
        label: { fr: 'En partie dans un département exclu', en: 'Partly in an excluded département' },
        color: '#E69F00',
      },
      { value: 'not-eligible', label: { fr: 'Non éligible', en: 'Not eligible' }, color: '#CC79A7' },
      {
        value: 'outside-ti',
        label: { fr: 'Hors TI 2023–2027', en: 'Outside 2023–2027 TI' },
        color: '#e6e1d6',
        onlyWhenPresent: true,
      },
      {
        value: 'not-applicable',
        label: { fr: 'Non applicable (programme 2023–2027)', en: 'Not applicable (2023–2027 programme)' },
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
