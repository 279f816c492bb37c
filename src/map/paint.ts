// Choropleth painting through feature-state: colours and dimming by feature id, only the states
// that changed are sent to MapLibre. Each tiled source holds one layer of its own name (layers.ts).
import type * as maplibregl from 'maplibre-gl';
import { COLORS } from './style.ts';

/** The colour and dimming last sent, by feature id (only the non-default ones). */
export type PaintedStates = Map<string, { color: string | null; dim: boolean }>;

/** Sends the states that differ from `prev`; returns the new set of painted states. */
export function paintStates(
  m: maplibregl.Map,
  source: string,
  colors: Map<string, string> | null,
  dim: Set<string> | null,
  prev: PaintedStates,
): PaintedStates {
  const next: PaintedStates = new Map();
  const ids = new Set<string>([...(colors?.keys() ?? []), ...(dim ?? []), ...prev.keys()]);
  for (const id of ids) {
    const state = { color: colors?.get(id) ?? null, dim: dim?.has(id) ?? false };
    const before = prev.get(id);
    if (!before || before.color !== state.color || before.dim !== state.dim)
      m.setFeatureState({ source, sourceLayer: source, id }, state);
    if (state.color !== null || state.dim) next.set(id, state);
  }
  // Readable by tests and assistive tech: how many territories the filters dim.
  if (colors || dim) m.getContainer().setAttribute('data-dimmed', String(dim?.size ?? 0));
  return next;
}

const landGrey = new WeakMap<maplibregl.Map, boolean>();
/**
 * TI coloured: the land outside any TI turns grey so that it never reads as a class colour. Set
 * only when it changes: a paint property change re-evaluates every feature's colour.
 */
export function paintLand(m: maplibregl.Map, outsideTiGrey: boolean): void {
  if (landGrey.get(m) === outsideTiGrey) return;
  landGrey.set(m, outsideTiGrey);
  m.setPaintProperty('epci-fill', 'fill-color', [
    'coalesce',
    ['feature-state', 'color'],
    outsideTiGrey ? COLORS.outsideTi : COLORS.land,
  ]);
}
