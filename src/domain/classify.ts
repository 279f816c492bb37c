// Classification of a numeric indicator into k classes for a choropleth,
// plus the colour schemes used to paint those classes.

import {
  interpolateBlues,
  interpolateBrBG,
  interpolateCividis,
  interpolateGreens,
  interpolatePuOr,
  interpolatePurples,
  interpolateRdBu,
  interpolateViridis,
  interpolateYlOrRd,
  schemeBlues,
  schemeBrBG,
  schemeDark2,
  schemeGreens,
  schemePuOr,
  schemePurples,
  schemeRdBu,
  schemeSet2,
  schemeYlOrRd,
} from 'd3-scale-chromatic';
import { ckmeans } from 'simple-statistics';
import { type ClassMethod, MAX_CLASSES, MIN_CLASSES } from './view.ts';

export interface Classification {
  /**
   * k+1 bounds, strictly ascending; first = data min, last = data max.
   * Exception: a single class over all-equal values has breaks [v, v].
   * Empty when there is no data (k = 0).
   */
  breaks: number[];
  /**
   * Class index 0..k-1, or null for no data. Classes are left-closed:
   * class i is [breaks[i], breaks[i+1]), so a value equal to an inner break
   * goes to the UPPER class; the last class is closed [breaks[k-1], max].
   * Values below min / above max (not in the classified set) are clamped
   * into the first / last class.
   */
  classOf: (v: number | null) => number | null;
  /** Territories per class. */
  counts: number[];
  /**
   * Actual [min, max] of the data in each class (null for an empty class), for
   * legends that show observed ranges rather than the cut points.
   */
  extents: ([number, number] | null)[];
  /** Number of values without data (null or non-finite). */
  noData: number;
  /** Method actually applied ('manual' without thresholds falls back to 'quantile'). */
  method: ClassMethod;
  /** Actual number of classes, may be less than requested (ties, few distinct values). */
  k: number;
}

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Clamp the requested class count to MIN_CLASSES..MAX_CLASSES (integer). */
function clampClasses(k: number): number {
  if (!Number.isFinite(k)) return MIN_CLASSES;
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(k)));
}

/** a*(1-t) + b*t never overflows for finite a, b (unlike a + (b-a)*t). */
function lerp(a: number, b: number, t: number): number {
  return a * (1 - t) + b * t;
}

/**
 * Keep inner breaks strictly inside (min, max), finite, sorted and unique:
 * a break at min would make class 0 empty, a break at max would duplicate the
 * upper bound. This is where tied quantiles collapse and k is reduced.
 */
function cleanInner(inner: number[], min: number, max: number): number[] {
  const sorted = inner.filter((b) => Number.isFinite(b) && b > min && b < max).sort((a, b) => a - b);
  const out: number[] = [];
  for (const b of sorted) if (out.length === 0 || b > out[out.length - 1]) out.push(b);
  return out;
}

function countDistinctSorted(sorted: number[]): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/** Index of the class of v given strictly ascending inner breaks (left-closed classes). */
function classIndex(inner: number[], v: number): number {
  // Number of inner breaks <= v = class index (upper class on equality).
  let lo = 0;
  let hi = inner.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inner[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Remove cuts that open an empty class, merging it into the class below.
 * Data-driven classes should never be empty; float rounding in ckmeans (which
 * can split a tie block) or in midpoints could otherwise leave one.
 */
function dropEmpty(sorted: number[], inner: number[]): number[] {
  const used = new Array<boolean>(inner.length + 1).fill(false);
  for (const v of sorted) used[classIndex(inner, v)] = true;
  return inner.filter((_, i) => used[i + 1]);
}

/**
 * Cut between two adjacent distinct values a < b: their midpoint (overflow-safe),
 * never equal to a, so data-driven cuts never coincide with min or with a
 * data value and the upper/lower-class convention never matters for them.
 */
function between(a: number, b: number): number {
  const m = a / 2 + b / 2;
  return m > a && m <= b ? m : b;
}

/**
 * Tie-aware quantile breaks: a tie block is never split, so each cut is placed
 * at the block boundary nearest to the ideal position i·n/k, halfway between
 * the two distinct values around it. Without ties this is the usual
 * "average at discontinuity" quantile (1..10 in 5 classes → 2.5, 4.5, 6.5, 8.5).
 * With ties, cuts collapse onto the same boundary and are deduplicated, which
 * reduces k, while a large block (e.g. many zeros) still gets its own class
 * instead of being merged with its neighbours as raw quantiles would do.
 */
function quantileBreaks(sorted: number[], k: number): number[] {
  const n = sorted.length;
  // Indices where a new distinct value starts (0 and n excluded: cuts there make empty classes).
  const bounds: number[] = [];
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) bounds.push(i);
  if (bounds.length === 0) return [];
  const picked: number[] = [];
  for (let i = 1; i < k; i++) {
    const p = (i * n) / k;
    // First boundary >= p, then compare with the one before (ties go to the lower).
    let lo = 0;
    let hi = bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bounds[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    let j = lo;
    if (j === bounds.length || (j > 0 && p - bounds[j - 1] <= bounds[j] - p)) j--;
    const b = bounds[j];
    if (picked[picked.length - 1] !== b) picked.push(b);
  }
  return picked.map((b) => between(sorted[b - 1], sorted[b]));
}

export function classify(
  values: (number | null)[],
  method: ClassMethod,
  k: number,
  manualBreaks?: number[],
): Classification {
  const sorted = values.filter(isNum).sort((a, b) => a - b);
  const noData = values.length - sorted.length;

  if (sorted.length === 0) {
    return { breaks: [], classOf: () => null, counts: [], extents: [], noData, method, k: 0 };
  }

  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const distinct = countDistinctSorted(sorted);
  let used: ClassMethod = method;
  let inner: number[];

  if (distinct === 1) {
    inner = [];
  } else {
    const manual = (manualBreaks ?? []).filter((b) => Number.isFinite(b));
    if (method === 'manual' && manual.length === 0) used = 'quantile';
    const target = Math.min(clampClasses(k), distinct);

    switch (used) {
      case 'manual':
        // User thresholds are kept as given; those outside the data range are dropped.
        inner = cleanInner(manual, min, max).slice(0, MAX_CLASSES - 1);
        break;
      case 'equal': {
        const raw: number[] = [];
        for (let i = 1; i < target; i++) raw.push(lerp(min, max, i / target));
        inner = cleanInner(raw, min, max);
        break;
      }
      case 'jenks': {
        // ckmeans requires k <= number of distinct values, guaranteed by `target`.
        // Cut halfway between clusters: a cut on the first value of the top
        // cluster would coincide with max when that cluster is a lone outlier.
        const clusters = ckmeans(sorted, target).filter((c) => c.length > 0);
        const cuts: number[] = [];
        for (let i = 1; i < clusters.length; i++) {
          const prev = clusters[i - 1];
          cuts.push(between(prev[prev.length - 1], clusters[i][0]));
        }
        inner = dropEmpty(sorted, cleanInner(cuts, min, max));
        break;
      }
      default:
        inner = dropEmpty(sorted, cleanInner(quantileBreaks(sorted, target), min, max));
        break;
    }
  }

  const nClasses = inner.length + 1;
  const breaks = [min, ...inner, max];
  const classOf = (v: number | null): number | null => (isNum(v) ? classIndex(inner, v) : null);
  const counts = new Array<number>(nClasses).fill(0);
  const extents: ([number, number] | null)[] = new Array(nClasses).fill(null);
  for (const v of sorted) {
    const c = classIndex(inner, v);
    counts[c]++;
    // `sorted` is ascending: first hit is the class min, last hit the class max.
    const e = extents[c];
    if (e) e[1] = v;
    else extents[c] = [v, v];
  }

  return { breaks, classOf, counts, extents, noData, method: used, k: nClasses };
}

// ---------------------------------------------------------------------------
// Colour schemes

export type SchemeKind = 'sequential' | 'diverging' | 'categorical';

export interface SchemeDef {
  kind: SchemeKind;
  /** Human label (proper names, not translated). */
  label: string;
  /** Continuous ramp, t in [0, 1]; absent for fixed categorical palettes. */
  interpolator?: (t: number) => string;
  /** ColorBrewer discrete arrays indexed by size (3..9+), preferred when available. */
  discrete?: ReadonlyArray<readonly string[]>;
  /** Fixed palette for categorical schemes. */
  palette?: readonly string[];
}

/** Okabe & Ito (2008) palette, black moved last because it is heavy on a map. */
export const OKABE_ITO = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#000000',
] as const;

/** Colour-blind-safe schemes only (ColorBrewer sequential/diverging, viridis family, Okabe-Ito). */
export const SCHEMES: Record<string, SchemeDef> = {
  blues: { kind: 'sequential', label: 'Blues', interpolator: interpolateBlues, discrete: schemeBlues },
  greens: { kind: 'sequential', label: 'Greens', interpolator: interpolateGreens, discrete: schemeGreens },
  purples: { kind: 'sequential', label: 'Purples', interpolator: interpolatePurples, discrete: schemePurples },
  ylorrd: { kind: 'sequential', label: 'YlOrRd', interpolator: interpolateYlOrRd, discrete: schemeYlOrRd },
  viridis: { kind: 'sequential', label: 'Viridis', interpolator: interpolateViridis },
  cividis: { kind: 'sequential', label: 'Cividis', interpolator: interpolateCividis },
  rdbu: { kind: 'diverging', label: 'RdBu', interpolator: interpolateRdBu, discrete: schemeRdBu },
  puor: { kind: 'diverging', label: 'PuOr', interpolator: interpolatePuOr, discrete: schemePuOr },
  brbg: { kind: 'diverging', label: 'BrBG', interpolator: interpolateBrBG, discrete: schemeBrBG },
  'okabe-ito': { kind: 'categorical', label: 'Okabe-Ito', palette: OKABE_ITO },
  set2: { kind: 'categorical', label: 'Set2', palette: schemeSet2 },
  dark2: { kind: 'categorical', label: 'Dark2', palette: schemeDark2 },
};

export function defaultScheme(kind: 'stock' | 'change' | 'categorical'): string {
  switch (kind) {
    case 'stock':
      return 'blues';
    case 'change':
      return 'rdbu';
    case 'categorical':
      return 'okabe-ito';
  }
}

export function isScheme(id: string): boolean {
  return Object.hasOwn(SCHEMES, id);
}

/**
 * Resolve a scheme id ('auto' or unknown ids fall back to the default for the kind
 * implied by the call: diverging when centring is requested, else sequential).
 */
function resolveScheme(id: string, diverging: boolean): SchemeDef {
  if (isScheme(id)) return SCHEMES[id];
  return SCHEMES[defaultScheme(diverging ? 'change' : 'stock')];
}

function sample(interp: (t: number) => string, k: number): string[] {
  if (k === 1) return [interp(0.5)];
  return Array.from({ length: k }, (_, i) => interp(i / (k - 1)));
}

function sequentialColors(def: SchemeDef, k: number): string[] {
  const d = def.discrete;
  if (d) {
    if (d[k] && d[k].length === k) return [...d[k]];
    // ColorBrewer arrays start at 3: take the 3-class ramp for 1 or 2 classes so
    // the lightest colour stays visible against the basemap.
    const three = d[3];
    if (k === 1) return [three[1]];
    if (k === 2) return [three[0], three[2]];
  }
  if (def.interpolator) return sample(def.interpolator, k);
  return [];
}

/**
 * Diverging colours centred on `center`: classes entirely below take the
 * negative half of the ramp, entirely above the positive half, a class
 * straddling the centre takes the neutral middle. Both sides use the same
 * step so equal distance from the centre means equal intensity.
 */
function centredColors(interp: (t: number) => string, breaks: number[], center: number): string[] {
  const k = breaks.length - 1;
  const side: (-1 | 0 | 1)[] = [];
  for (let i = 0; i < k; i++) {
    const lo = breaks[i];
    const hi = breaks[i + 1];
    if (hi <= center && lo < center) side.push(-1);
    else if (lo >= center && hi > center) side.push(1);
    else side.push(0);
  }
  const nNeg = side.filter((s) => s === -1).length;
  const nPos = side.filter((s) => s === 1).length;
  const straddle = side.includes(0);
  const m = Math.max(nNeg, nPos);
  // Without a neutral class the nearest classes sit half a step off the centre.
  const offset = straddle ? 0 : 0.5;
  const dist = (j: number) => (m === 0 ? 0 : (0.5 * (j - offset)) / (m - offset));
  let negSeen = 0;
  let posSeen = 0;
  return side.map((s) => {
    if (s === 0) return interp(0.5);
    if (s === -1) {
      // Negative classes are listed farthest first: distance rank nNeg..1.
      const j = nNeg - negSeen++;
      return interp(0.5 - dist(j));
    }
    const j = ++posSeen;
    return interp(0.5 + dist(j));
  });
}

export function colorsFor(schemeId: string, k: number, diverging?: { center?: number; breaks: number[] }): string[] {
  const n = Number.isFinite(k) ? Math.max(0, Math.floor(k)) : 0;
  if (n === 0) return [];
  const def = resolveScheme(schemeId, diverging !== undefined);

  if (def.kind === 'categorical') {
    const p = def.palette ?? [];
    // Cycle rather than fail: more categories than colours is a UI choice.
    return Array.from({ length: n }, (_, i) => p[i % p.length]);
  }

  if (def.kind === 'diverging' && def.interpolator) {
    const breaks = diverging?.breaks;
    if (breaks && breaks.length === n + 1 && breaks.every(Number.isFinite)) {
      return centredColors(def.interpolator, breaks, diverging?.center ?? 0);
    }
    // No breaks to centre on: symmetric ramp.
    return sequentialColors(def, n);
  }

  return sequentialColors(def, n);
}
