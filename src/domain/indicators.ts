// The indicator registry: every indicator is declared once here (labels, unit, years, source,
// licence via source ids, level, type, direction, TI aggregation rule) and computed from the raw
// fields joined by the pipeline. TI values are computed from TI-level sums, so a ratio is
// recomputed from summed numerator and denominator, never averaged over members.
import type { Generation, TerritoriesFile } from '../data/types.ts';
import type { Level } from '../state/view.ts';
import { EMP_YEARS, type FieldTable, type IndicatorsFile, type RawField } from './fields.ts';
import { ZONE_INDICATORS } from './indicators-ze.ts';
import { epciSprintState, type SprintRule, sprintState } from './sprint.ts';

export type Theme = 'foncier' | 'emploi' | 'programmes' | 'contexte' | 'user';
export type Direction = 'higher-better' | 'lower-better' | 'neutral';
export type Tr = { fr: string; en: string };

export type Aggregation =
  | { rule: 'sum' }
  | { rule: 'ratio'; numerator: string; denominator: string }
  | { rule: 'any' }
  | { rule: 'rule'; text: Tr }
  | { rule: 'none'; why: Tr };

export interface IndicatorContext {
  level: Level;
  generation: Generation;
  period: [number, number];
  indicators: IndicatorsFile;
  territories: TerritoriesFile;
  sprint: SprintRule;
  /** Indicators made from the user's own tables ("vos données"), next to the built-in ones. */
  extra?: Indicator[];
}

interface Base {
  id: string;
  theme: Theme;
  label: Tr;
  short?: Tr;
  definition: Tr;
  /** Source ids of geo/sources.json (producer, licence, url come from there). */
  sources: string[];
  year: (ctx: Pick<IndicatorContext, 'period'>) => string;
  levels: Level[];
  aggregation: Aggregation;
  caveat?: Tr;
  /** Set when territories must not be ranked on this indicator (no rank, percentile or « 1er »). */
  notRanked?: Tr;
}
export interface NumericIndicator extends Base {
  type: 'numeric';
  unit: Tr;
  decimals: number;
  direction: Direction;
  /** stock → sequential scheme; change → diverging scheme centred on 0. */
  kind: 'stock' | 'change';
  usesPeriod?: boolean;
  compute: (get: (f: RawField) => number | null, ctx: Pick<IndicatorContext, 'period'>) => number | null;
  /** Values aligned with codesOf(ctx), for indicators not computed from raw fields (user data). */
  values?: (ctx: IndicatorContext) => (number | null)[];
  /** Marks user-imported indicators ("vos données"). */
  user?: boolean;
  /** User indicators: « Vos données : fichier.csv, importé le … », shown where `sources` would be. */
  userSource?: Tr;
}
export interface CategoricalIndicator extends Base {
  type: 'categorical';
  /** `onlyWhenPresent`: listed in the legend only when some territory has it. */
  categories: { value: string; label: Tr; color: string; onlyWhenPresent?: boolean }[];
  classify: (ctx: IndicatorContext) => (string | null)[];
}
export type Indicator = NumericIndicator | CategoricalIndicator;

const CEREMA: Tr = {
  fr: 'Cerema : base non exhaustive, à ne pas utiliser pour classer les territoires. 12 910 sites BASIAS/BASOL « non vérifiés » ; type « inconnu » pour 18 958 sites ; surfaces très dispersées.',
  en: 'Cerema: not exhaustive, do not use it to rank territories. 12,910 BASIAS/BASOL sites "not verified"; type "unknown" for 18,958 sites; very skewed surfaces.',
};
const CEREMA_NO_RANK: Tr = {
  fr: 'Non classé : le nombre de sites dépend des contributions locales et n’est pas comparable d’un territoire à l’autre (avertissement du Cerema).',
  en: 'Not ranked: site counts depend on local contributions and are not comparable between territories (Cerema’s warning).',
};
const URSSAF_INTERIM: Tr = {
  fr: 'Série provisoire (compilation tierce des données Urssaf, secteur privé, régime général) ; Mayotte non couverte.',
  en: 'Interim series (third-party compilation of Urssaf data, private sector); Mayotte not covered.',
};
const NOT_AGG_SHARE: Tr = {
  fr: 'Part sans effectifs dans la source : pas de moyenne pondérable honnête. Valeurs affichées par membre.',
  en: 'Share without counts in the source: no honest weighted mean. Values shown per member.',
};
const NOT_AGG_MEDIAN: Tr = {
  fr: 'Médiane : non agrégeable. Valeurs affichées par membre.',
  en: 'Median: not aggregable. Values shown per member.',
};

const ratio = (num: number | null, den: number | null, scale = 1) =>
  num === null || den === null || den === 0 ? null : (num / den) * scale;
const emp = (y: number) => `emp_${y}` as RawField;
const fixed = (y: string) => () => y;

export const INDICATORS: Indicator[] = [
  // --- Foncier -------------------------------------------------------------------------------
  {
    id: 'friches',
    type: 'numeric',
    theme: 'foncier',
    kind: 'stock',
    direction: 'neutral',
    decimals: 0,
    levels: ['epci', 'ti'],
    label: { fr: 'Friches recensées (tous statuts)', en: 'Recorded brownfield sites (all statuses)' },
    short: { fr: 'Friches', en: 'Brownfields' },
    definition: {
      fr: 'Nombre de sites référencés dans Cartofriches, toutes sources et tous statuts.',
      en: 'Number of sites listed in Cartofriches, all sources and statuses.',
    },
    unit: { fr: 'sites', en: 'sites' },
    sources: ['friches'],
    year: fixed('2024'),
    aggregation: { rule: 'sum' },
    caveat: CEREMA,
    notRanked: CEREMA_NO_RANK,
    compute: (g) => g('fr_total'),
  },
  {
    id: 'friches_sans_projet',
    type: 'numeric',
    theme: 'foncier',
    kind: 'stock',
    direction: 'neutral',
    decimals: 0,
    levels: ['epci', 'ti'],
    label: { fr: 'Friches sans projet', en: 'Brownfields without a project' },
    definition: {
      fr: 'Sites au statut « friche sans projet » (mobilisables a priori).',
      en: 'Sites with status "friche sans projet" (a priori available).',
    },
    unit: { fr: 'sites', en: 'sites' },
    sources: ['friches'],
    year: fixed('2024'),
    aggregation: { rule: 'sum' },
    caveat: CEREMA,
    notRanked: CEREMA_NO_RANK,
    compute: (g) => g('fr_sans_projet'),
  },
  {
    id: 'friches_industrielles',
    type: 'numeric',
    theme: 'foncier',
    kind: 'stock',
    direction: 'neutral',
    decimals: 0,
    levels: ['epci', 'ti'],
    label: { fr: 'Friches industrielles', en: 'Industrial brownfields' },
    definition: {
      fr: 'Sites de type « friche industrielle » ou « agro-industrielle » (le type est inconnu pour 79 % des sites).',
      en: 'Sites of type "industrial" or "agro-industrial" (type unknown for 79 % of sites).',
    },
    unit: { fr: 'sites', en: 'sites' },
    sources: ['friches'],
    year: fixed('2024'),
    aggregation: { rule: 'sum' },
    caveat: CEREMA,
    notRanked: CEREMA_NO_RANK,
    compute: (g) => g('fr_industrielle'),
  },
  {
    id: 'friches_10k',
    type: 'numeric',
    theme: 'foncier',
    kind: 'stock',
    direction: 'neutral',
    decimals: 1,
    levels: ['epci', 'ti'],
    label: { fr: 'Friches pour 10 000 habitants', en: 'Brownfields per 10,000 inhabitants' },
    definition: {
      fr: 'Nombre de sites Cartofriches rapporté à la population municipale 2022.',
      en: 'Cartofriches sites per population (2022).',
    },
    unit: { fr: 'pour 10 000 hab.', en: 'per 10,000 inhab.' },
    sources: ['friches', 'cog'],
    year: fixed('2024 / 2022'),
    aggregation: { rule: 'ratio', numerator: 'fr_total', denominator: 'pop' },
    caveat: CEREMA,
    notRanked: CEREMA_NO_RANK,
    compute: (g) => ratio(g('fr_total'), g('pop'), 1e4),
  },
  {
    id: 'friches_surface',
    type: 'numeric',
    theme: 'foncier',
    kind: 'stock',
    direction: 'neutral',
    decimals: 0,
    levels: ['epci', 'ti'],
    label: { fr: 'Surface des friches recensées', en: 'Area of recorded brownfields' },
    definition: {
      fr: 'Somme des surfaces déclarées des sites (très dispersées : le plus grand site fait 7 400 ha).',
      en: 'Sum of the sites’ stated areas (very skewed: the largest is 7,400 ha).',
    },
    unit: { fr: 'ha', en: 'ha' },
    sources: ['friches'],
    year: fixed('2024'),
    aggregation: { rule: 'sum' },
    caveat: CEREMA,
    notRanked: CEREMA_NO_RANK,
    compute: (g) => g('fr_surface_ha'),
  },
  // --- Emploi --------------------------------------------------------------------------------
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
  ...ZONE_INDICATORS,
  // --- Programmes ----------------------------------------------------------------------------
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
  // --- Contexte ------------------------------------------------------------------------------
  {
    id: 'population',
    type: 'numeric',
    theme: 'contexte',
    kind: 'stock',
    direction: 'neutral',
    decimals: 0,
    levels: ['epci', 'ti'],
    label: { fr: 'Population municipale', en: 'Population' },
    definition: {
      fr: 'Population municipale légale (millésime 2022, en vigueur en 2025).',
      en: 'Legal municipal population (2022 vintage).',
    },
    unit: { fr: 'hab.', en: 'inhab.' },
    sources: ['cog'],
    year: fixed('2022'),
    aggregation: { rule: 'sum' },
    compute: (g) => g('pop'),
  },
  {
    id: 'densite',
    type: 'numeric',
    theme: 'contexte',
    kind: 'stock',
    direction: 'neutral',
    decimals: 0,
    levels: ['epci', 'ti'],
    label: { fr: 'Densité de population', en: 'Population density' },
    definition: { fr: 'Population municipale 2022 / superficie IGN.', en: 'Population 2022 / IGN area.' },
    unit: { fr: 'hab./km²', en: 'inhab./km²' },
    sources: ['cog', 'geo_epci'],
    year: fixed('2022'),
    aggregation: { rule: 'ratio', numerator: 'pop', denominator: 'area_km2' },
    compute: (g) => ratio(g('pop'), g('area_km2')),
  },
  {
    id: 'frr',
    type: 'numeric',
    theme: 'contexte',
    kind: 'stock',
    direction: 'neutral',
    decimals: 0,
    levels: ['epci', 'ti'],
    label: { fr: 'Communes classées FRR (%)', en: 'Communes in FRR zoning (%)' },
    definition: {
      fr: 'Part des communes classées France Ruralités Revitalisation (FRR, FRR+, bénéficiaires, y compris partiellement) au 10 juillet 2025.',
      en: 'Share of communes in the France Ruralités Revitalisation zoning (all classes) at 10 July 2025.',
    },
    unit: { fr: '% des communes', en: '% of communes' },
    sources: ['frr'],
    year: fixed('2025'),
    aggregation: { rule: 'ratio', numerator: 'frr_communes', denominator: 'communes_n' },
    compute: (g) => ratio(g('frr_communes'), g('communes_n'), 100),
  },
  {
    id: 'logements_autorises',
    type: 'numeric',
    theme: 'contexte',
    kind: 'stock',
    direction: 'neutral',
    decimals: 0,
    levels: ['epci', 'ti'],
    label: { fr: 'Logements autorisés', en: 'Dwellings authorised' },
    definition: {
      fr: 'Logements autorisés dans l’année (Sitadel).',
      en: 'Dwellings authorised in the year (Sitadel).',
    },
    unit: { fr: 'logements', en: 'dwellings' },
    sources: ['logement'],
    year: fixed('2024'),
    aggregation: { rule: 'sum' },
    compute: (g) => g('logaut_2024'),
  },
  {
    id: 'vacance',
    type: 'numeric',
    theme: 'contexte',
    kind: 'stock',
    direction: 'lower-better',
    decimals: 1,
    levels: ['epci'],
    label: { fr: 'Logements vacants depuis 2 ans ou plus', en: 'Dwellings vacant for 2+ years' },
    definition: {
      fr: 'Part des logements du parc privé vacants depuis au moins 2 ans (LOVAC).',
      en: 'Share of private dwellings vacant for at least 2 years (LOVAC).',
    },
    unit: { fr: '%', en: '%' },
    sources: ['logement'],
    year: fixed('2024'),
    aggregation: { rule: 'none', why: NOT_AGG_SHARE },
    compute: (g) => g('vac2ans_pct_2024'),
  },
  {
    id: 'prix_maisons',
    type: 'numeric',
    theme: 'contexte',
    kind: 'stock',
    direction: 'neutral',
    decimals: 0,
    levels: ['epci'],
    label: { fr: 'Prix médian des maisons', en: 'Median house price' },
    definition: {
      fr: 'Prix médian au m² des ventes de maisons (DVF).',
      en: 'Median price per m² of house sales (DVF).',
    },
    unit: { fr: '€/m²', en: '€/m²' },
    sources: ['logement'],
    year: fixed('2024'),
    aggregation: { rule: 'none', why: NOT_AGG_MEDIAN },
    compute: (g) => g('pxm2_mai_2024'),
  },
];

export const INDICATOR_BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));
export const THEMES: Theme[] = ['foncier', 'emploi', 'programmes', 'contexte', 'user'];

/** Built-in indicators plus the user's own. */
export function indicatorsOf(ctx: Pick<IndicatorContext, 'extra'> | null): Indicator[] {
  return ctx?.extra?.length ? [...INDICATORS, ...ctx.extra] : INDICATORS;
}

export function indicatorById(ctx: Pick<IndicatorContext, 'extra'> | null, id: string): Indicator | undefined {
  return INDICATOR_BY_ID.get(id) ?? ctx?.extra?.find((i) => i.id === id);
}
export { EMP_YEARS };

export function fieldsOf(ctx: Pick<IndicatorContext, 'level' | 'generation' | 'indicators'>): FieldTable {
  return ctx.level === 'ti' ? ctx.indicators.ti[ctx.generation] : ctx.indicators.epci;
}

/** Territory codes of the current level, aligned with every value array. */
export function codesOf(ctx: Pick<IndicatorContext, 'level' | 'generation' | 'indicators'>): string[] {
  return fieldsOf(ctx).codes;
}

export function isAvailable(ind: Indicator, level: Level): boolean {
  return ind.levels.includes(level);
}

/** Numeric values of an indicator for every territory of the level (null = no data). */
export function numericValues(ind: NumericIndicator, ctx: IndicatorContext): (number | null)[] {
  if (!isAvailable(ind, ctx.level)) return codesOf(ctx).map(() => null);
  if (ind.values) return ind.values(ctx);
  const t = fieldsOf(ctx);
  return t.codes.map((_, i) => {
    const v = ind.compute((f) => t.values[f]?.[i] ?? null, ctx);
    return v === null || !Number.isFinite(v) ? null : v;
  });
}

/** Value of one territory (EPCI code or TI key) at its own level. */
export function valueFor(ind: NumericIndicator, ctx: IndicatorContext, code: string): number | null {
  const t = fieldsOf(ctx);
  const i = t.codes.indexOf(code);
  if (i < 0 || !isAvailable(ind, ctx.level)) return null;
  if (ind.values) return ind.values(ctx)[i] ?? null;
  const v = ind.compute((f) => t.values[f]?.[i] ?? null, ctx);
  return v === null || !Number.isFinite(v) ? null : v;
}
