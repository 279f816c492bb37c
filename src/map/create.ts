// Creating the MapLibre map: its worker, base style, first view (France) and controls.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { BBox } from '../data/types.ts';
import { baseStyle } from './style.ts';

maplibregl.setWorkerUrl(workerUrl);
// Start the worker now, while the data files download, rather than when the map is created.
if (typeof window !== 'undefined') maplibregl.prewarm();

/**
 * Mainland France and Corsica, which the first view fills; the DROM insets lie inside this box,
 * south-west of the mainland, where no land is drawn (geo/drom-insets.json).
 */
export const FRANCE_BOUNDS: BBox = [-5.4, 41.3, 9.7, 51.15];
/** Margin around France: the attribution (top left) and zoom buttons (top right) sit over sea. */
export const FRANCE_PADDING = { top: 10, bottom: 8, left: 8, right: 8 };

export function createMap(
  container: HTMLElement,
  opts: { interactive?: boolean; preserveDrawingBuffer?: boolean },
): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style: baseStyle(),
    bounds: FRANCE_BOUNDS,
    fitBoundsOptions: { padding: FRANCE_PADDING },
    attributionControl: false,
    interactive: opts.interactive ?? true,
    canvasContextAttributes: { preserveDrawingBuffer: opts.preserveDrawingBuffer ?? false },
    dragRotate: false,
    pitchWithRotate: false,
    maxZoom: 12,
    fadeDuration: 150,
    // The style is this app's own (style.ts, layers.ts): validated by the dev server (`npm start`);
    // in production, validating every layer again would cost the first frame about 0.1 s.
    validateStyle: import.meta.env.DEV,
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(
    new maplibregl.AttributionControl({
      compact: true,
      customAttribution: 'IGN – ADMIN EXPRESS COG CARTO 2025 ; ANCT – Territoires d’industrie',
    }),
    // Top left is sea (the Channel and the Atlantic): the box never hides land, e.g. Corsica.
    'top-left',
  );
  return map;
}

/** True when the map shows this viewport, to the precision the URL keeps. */
export function showsViewport(m: maplibregl.Map, v: { lon: number; lat: number; zoom: number }): boolean {
  const { lng, lat } = m.getCenter();
  const near = (a: number, b: number, eps: number) => Math.abs(a - b) < eps;
  return near(lng, v.lon, 1e-4) && near(lat, v.lat, 1e-4) && near(m.getZoom(), v.zoom, 0.01);
}
