// English texts of the indicators (see indicators.fr.ts); loaded with en.ts.
import type { IndicatorsDict } from './indicators.fr.ts';

export const indicatorsEn: IndicatorsDict = {
  shared: {
    cerema:
      'Cerema: not exhaustive, do not use it to rank territories. 12,910 BASIAS/BASOL sites "not verified"; type "unknown" for 18,958 sites; very skewed surfaces.',
    ceremaNoRank:
      'Not ranked: site counts depend on local contributions and are not comparable between territories (Cerema’s warning).',
    urssafInterim: 'Interim series (third-party compilation of Urssaf data, private sector); Mayotte not covered.',
    notAggMedian: 'Median: not aggregable. Values shown per member.',
    notAggShare: 'Share without counts in the source: no honest weighted mean. Values shown per member.',
    zeCaveat:
      'Figures of the main zone d’emploi (where most of the population lives), not of the EPCI or TI: each territory is coloured by its zone. Private salaried jobs (Urssaf, interim compilation), industry = sections B to E; years available: 2019, 2022, 2023, 2024; Mayotte not covered.',
    zeNoRank: 'Not ranked: the value is the zone d’emploi’s, shared by every territory of the zone.',
    zeAggregation: 'The TI’s main zone d’emploi (by population of its communes), never a sum of zones',
  },
  friches: {
    label: 'Recorded brownfield sites (all statuses)',
    short: 'Brownfields',
    definition: 'Number of sites listed in Cartofriches, all sources and statuses.',
    unit: 'sites',
  },
  friches_sans_projet: {
    label: 'Brownfields without a project',
    definition: 'Sites with status "friche sans projet" (a priori available).',
    unit: 'sites',
  },
  friches_industrielles: {
    label: 'Industrial brownfields',
    definition: 'Sites of type "industrial" or "agro-industrial" (type unknown for 79 % of sites).',
    unit: 'sites',
  },
  friches_10k: {
    label: 'Brownfields per 10,000 inhabitants',
    definition: 'Cartofriches sites per population (2022).',
    unit: 'per 10,000 inhab.',
  },
  friches_surface: {
    label: 'Area of recorded brownfields',
    definition: 'Sum of the sites’ stated areas (very skewed: the largest is 7,400 ha).',
    unit: 'ha',
  },
  emploi: {
    label: 'Private salaried jobs',
    definition: 'Private-sector salaried jobs (Urssaf) at the end of the chosen period.',
    unit: 'jobs',
  },
  emploi_evol_pct: {
    label: 'Change in private salaried jobs (%)',
    short: 'Job change (%)',
    definition:
      'Change in private salaried jobs between the two chosen years, in %. For a TI: change of the members’ sum.',
    unit: '%',
  },
  emploi_evol: {
    label: 'Change in private salaried jobs (jobs)',
    short: 'Job change',
    definition: 'Jobs gained or lost between the two chosen years.',
    unit: 'jobs',
  },
  part_industrie: {
    label: 'Share of jobs in industry',
    definition: 'Jobs at place of work in industry / all jobs × 100 (census 2022).',
    unit: '%',
    caveat:
      'The source gives a value for the Métropole du Grand Paris and one for each of its EPT: an EPT member of a TI has its own value (EPT profile), never the Métropole’s.',
  },
  ze_emploi_industriel: {
    label: 'Industrial jobs of the zone d’emploi',
    short: 'Industrial jobs (zone)',
    definition:
      'Private salaried industrial jobs (A38, sections B to E) of the territory’s main zone d’emploi, at the end of the period (nearest available year).',
    unit: 'jobs',
  },
  ze_emploi_industriel_evol_pct: {
    label: 'Change in industrial jobs of the zone d’emploi (%)',
    short: 'Industrial job change (zone, %)',
    definition:
      'Change in % of private salaried industrial jobs of the main zone d’emploi between the chosen years (snapped to the available years: 2019, 2022, 2023, 2024).',
    unit: '%',
  },
  ze_emploi_industriel_evol: {
    label: 'Change in industrial jobs of the zone d’emploi (jobs)',
    short: 'Industrial job change (zone)',
    definition:
      'Industrial jobs gained or lost in the main zone d’emploi between the chosen years (snapped to the available years).',
    unit: 'jobs',
  },
  zibac: {
    label: 'ZIBaC: known laureate zone',
    definition:
      'EPCI hosting a site of a low-carbon industrial zone laureate (10 known zones; one source mentions 11). Except Loire Estuaire, no official perimeter is published: these are the EPCI hosting the named sites.',
    cat: {
      yes: 'Hosts a ZIBaC laureate',
      no: 'No known zone',
    },
  },
  sprint: {
    label: 'Sprint Innovation: eligibility',
    definition:
      'Eligibility of 2023–2027 TI under the rule of excluded départements (literal reading of the published list, see Sources), applied to the share of the population living in each département (5 % threshold). An EPCI of a TI is assessed on its own population.',
    aggregation: 'Rule applied to the TI’s population by département',
    cat: {
      eligible: 'Eligible',
      partial: 'Partly in an excluded département',
      'not-eligible': 'Not eligible',
      'outside-ti': 'Outside 2023–2027 TI',
      'not-applicable': 'Not applicable (2023–2027 programme)',
    },
  },
  population: {
    label: 'Population',
    definition: 'Legal municipal population (2022 vintage).',
    unit: 'inhab.',
  },
  densite: {
    label: 'Population density',
    definition: 'Population 2022 / IGN area.',
    unit: 'inhab./km²',
  },
  frr: {
    label: 'Communes in FRR zoning (%)',
    definition: 'Share of communes in the France Ruralités Revitalisation zoning (all classes) at 10 July 2025.',
    unit: '% of communes',
  },
  logements_autorises: {
    label: 'Dwellings authorised',
    definition: 'Dwellings authorised in the year (Sitadel).',
    unit: 'dwellings',
  },
  vacance: {
    label: 'Dwellings vacant for 2+ years',
    definition: 'Share of private dwellings vacant for at least 2 years (LOVAC).',
    unit: '%',
  },
  prix_maisons: {
    label: 'Median house price',
    definition: 'Median price per m² of house sales (DVF).',
    unit: '€/m²',
  },
  user: {
    label: '{{label}} (your data)',
    source: 'Your data: {{file}}, imported on {{date, longDate}}',
    sheet: '{{file}} ({{sheet}})',
    kind: {
      'commune-insee': 'commune INSEE code',
      'epci-siren': 'EPCI SIREN',
      'ti-id': 'TI identifier',
      'commune-name': 'commune name',
      'epci-name': 'EPCI name',
      'ti-name': 'TI name',
    },
    rule: {
      sum: 'sum',
      mean: 'mean',
      'weighted-mean': 'weighted mean',
      min: 'minimum',
      max: 'maximum',
      count: 'count of values',
    },
    aggregation: {
      none: 'Not aggregable to TI (chosen at import).',
      direct: 'values from the file (TI key)',
      fromCommunes: '{{rule}} of communes',
      fromEpci: '{{rule}} of EPCI',
    },
    definition: 'Column “{{header}}” of the file “{{file}}”, joined on the column “{{keyColumn}}” ({{kind}}){{epci}}.',
    definitionEpci: '; EPCI: {{rule}} of communes{{weight}}',
    definitionWeight: ' (weight: “{{weight}}”)',
    caveat: {
      partialDropped: 'Territories only partly covered by the file left empty: {{parts}}.',
      partial: 'Partial values (only some members): {{parts}}.',
      unmatched_one: '{{count}} row of the file not joined.',
      unmatched_other: '{{count}} rows of the file not joined.',
      byName_one: '{{count}} row joined by name.',
      byName_other: '{{count}} rows joined by name.',
    },
  },
};
