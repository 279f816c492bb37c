// Keyboard use of the map canvas, on top of MapLibre's own keys (arrows pan, + and - zoom):
// « N » / « Maj+N » step through the territories in view, Enter opens the one reached, Escape
// leaves stepping. The adapter announces each step through its onStep callback.
import type * as maplibregl from 'maplibre-gl';
import type { Generation, TerritoriesFile } from '../data/types.ts';
import { sameTarget, type Target, targetOf } from './layers.ts';

interface Steppable {
  step(direction: 1 | -1): void;
  openStepped(): boolean;
  endStepping(): void;
  markUserFramed(): void;
}

const PAN_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', '+', '-', '=', '_']);

export function bindStepKeys(map: Steppable, container: HTMLElement): void {
  container.addEventListener('keydown', (e) => {
    if (!(e.target instanceof HTMLCanvasElement) || e.altKey || e.ctrlKey || e.metaKey) return;
    if (PAN_KEYS.has(e.key)) map.markUserFramed();
    else if (e.key === 'n' || e.key === 'N') {
      e.preventDefault();
      map.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (map.openStepped()) e.preventDefault();
    } else if (e.key === 'Escape') map.endStepping();
  });
  container.addEventListener('focusout', () => map.endStepping());
}

/** Territories drawn in the current view on `layer`, sorted by name, for keyboard stepping. */
export function territoriesInView(m: maplibregl.Map, layer: string, territories: TerritoriesFile): Target[] {
  const seen = new Map<string, Target>();
  for (const f of m.queryRenderedFeatures({ layers: [layer] })) {
    const t = targetOf(f);
    seen.set(t.code, t);
  }
  const name = (t: Target) =>
    (t.kind === 'epci'
      ? territories.epci.find((e) => e.code === t.code)?.name
      : territories.ti[t.code.slice(0, 4) as Generation]?.find((x) => x.key === t.code)?.name) ?? t.code;
  const named = [...seen.values()].map((t) => ({ t, n: name(t) }));
  named.sort((a, b) => a.n.localeCompare(b.n, 'fr'));
  return named.map((x) => x.t);
}

/** The next territory's index in `list` from the one reached (`stepped`), wrapping around. */
export function stepIndex(list: Target[], stepped: Target | null, direction: 1 | -1): number {
  const at = stepped ? list.findIndex((t) => sameTarget(t, stepped)) : -1;
  return at < 0 ? (direction === 1 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
}
