// The serialisable view: everything a user sees and that a link must reproduce.
// The URL codec (src/domain/url.ts) reads and writes exactly this shape.
import type { Generation } from '../data/types.ts';

export type Level = 'epci' | 'ti';
export type Lang = 'fr' | 'en';
export type ClassMethod = 'quantile' | 'equal' | 'jenks' | 'manual';

export type Filter =
  /** Numeric range on an indicator: keep territories with min ≤ value ≤ max (null bound = open). */
  | { kind: 'range'; indicator: string; min: number | null; max: number | null }
  /** Categorical choice: keep territories whose value for `dimension` is one of `values`. */
  | { kind: 'category'; dimension: string; values: string[] };

export interface Selection {
  kind: 'epci' | 'ti';
  code: string;
}

export interface Viewport {
  lon: number;
  lat: number;
  zoom: number;
}

/** Cartofriches point layer: shown statuses (0..3) and type groups (0 industrial, 1 other known, 2 unknown). */
export interface FricheLayer {
  statuses: number[];
  groups: number[];
}
export const ALL_FRICHES: FricheLayer = { statuses: [0, 1, 2, 3], groups: [0, 1, 2] };

export interface ViewState {
  lang: Lang;
  level: Level;
  generation: Generation;
  /** Draw the TI outlines of `generation`. */
  showTi: boolean;
  showDepartements: boolean;
  showRegions: boolean;
  indicator: string | null;
  /** Period for change indicators, e.g. [2019, 2024]. */
  period: [number, number];
  method: ClassMethod;
  classes: number;
  /** Manual class breaks (inner thresholds), used when method = 'manual'. */
  breaks: number[];
  scheme: string;
  filters: Filter[];
  selection: Selection | null;
  /** Comparison basket: EPCI SIREN codes and TI keys ("2023:ti-4401"), at most 12. */
  basket: string[];
  viewport: Viewport | null;
  /** Brownfield point layer, null = hidden. */
  friches: FricheLayer | null;
  /** Custom groups of EPCI drawn on the map (outline and label) and carried by links. */
  groups: GroupRef[];
}

/** A custom group as a link carries it: its name and member EPCI SIREN codes. */
export interface GroupRef {
  name: string;
  epcis: string[];
}
export const MAX_GROUPS = 12;
export const MAX_GROUP_MEMBERS = 400;

/**
 * The colouring of a first visit (an address without any parameter): where the TI are (their
 * outlines are shown) and how industrial jobs changed in their zone d'emploi. Switch it here, and only
 * here. Links always carry `ind`,
 * so changing it never changes the meaning of a link already shared.
 */
export const DEFAULT_INDICATOR = 'ze_emploi_industriel_evol_pct';

export const MAX_BASKET = 12;
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

/**
 * The base every link is decoded from. A link without `ind` was made before links carried it,
 * when it meant « no colouring »: hence `indicator: null` here (see src/domain/url.ts).
 */
export const DEFAULT_VIEW: ViewState = {
  lang: 'fr',
  level: 'epci',
  generation: '2023',
  showTi: true,
  showDepartements: false,
  showRegions: true,
  indicator: null,
  period: [2019, 2024],
  method: 'quantile',
  classes: 5,
  breaks: [],
  scheme: 'auto',
  filters: [],
  selection: null,
  basket: [],
  viewport: null,
  friches: null,
  groups: [],
};

/** What a bare address (no parameter at all) shows: the default view with the default colouring. */
export const HOME_VIEW: ViewState = { ...DEFAULT_VIEW, indicator: DEFAULT_INDICATOR };
