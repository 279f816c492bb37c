// Sources and layers of the base map: EPCI, TI of both generations, départements, régions (vector
// tiles), TI labels and DROM inset frames. Geometry goes in once; what changes later is visibility
// and feature-state (paint.ts).
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { TILE_BOUNDS, TILE_MAX_ZOOM, TILED_SOURCES, type TiledSource, tilePath } from '../data/tiles.ts';
import { GENERATIONS, type Generation } from '../data/types.ts';
import type { Level } from '../domain/view.ts';
import type { AtlasData } from '../state/load.ts';
import { addGroupLayers } from './groups-layer.ts';
import { COLORS, FONT } from './style.ts';

export const SOURCE: Record<'epci' | Generation, TiledSource> = { epci: 'epci', '2023': 'ti2023', '2018': 'ti2018' };

/** A territory drawn on the map: an EPCI (SIREN) or a TI (key). */
export type Target = { kind: 'epci' | 'ti'; code: string };

export const sameTarget = (a: Target | null, b: Target | null) => a?.kind === b?.kind && a?.code === b?.code;

/** EPCI codes are SIREN, TI keys read « generation:id ». */
export const targetOfCode = (code: string): Target =>
  code.includes(':') ? { kind: 'ti', code } : { kind: 'epci', code };

export function targetOf(f: maplibregl.MapGeoJSONFeature): Target {
  return f.source === 'epci'
    ? { kind: 'epci', code: String(f.properties.code) }
    : { kind: 'ti', code: String(f.properties.key) };
}

/** From this zoom on, the EPCI borders are lines whose width follows the zoom. */
const EPCI_LINE_ZOOM = 6;

/** The URL template of a tiled source, absolute: MapLibre's worker fetches it. */
const tileUrl = (source: TiledSource): string =>
  new URL(`${import.meta.env.BASE_URL}generated/`, document.baseURI).href + tilePath(source, '{z}', '{x}', '{y}');

/** Adds every source and layer; the labels and insets get their data later (AtlasMap.addRest). */
export function addBaseLayers(m: maplibregl.Map, generation: Generation): void {
  // The polygons come as vector tiles built by the pipeline (scripts/lib/tiles.ts): the worker
  // decodes them, with no tiling of its own. A hidden layer's tiles are neither fetched nor built.
  for (const source of TILED_SOURCES)
    m.addSource(source, {
      type: 'vector',
      tiles: [tileUrl(source)],
      bounds: TILE_BOUNDS,
      maxzoom: TILE_MAX_ZOOM,
      promoteId: source.startsWith('ti') ? 'key' : 'code',
    });
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  m.addSource('ti-labels', { type: 'geojson', data: empty });
  m.addSource('insets', { type: 'geojson', data: empty });

  m.addLayer({
    id: 'inset-frame-fill',
    type: 'fill',
    source: 'insets',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': '#e8eef2' },
  });
  m.addLayer({
    id: 'inset-frame-line',
    type: 'line',
    source: 'insets',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': COLORS.insetFrame, 'line-width': 0.8 },
  });

  const fillColor = (fallback: string): maplibregl.ExpressionSpecification => [
    'coalesce',
    ['feature-state', 'color'],
    fallback,
  ];
  const dimmed: maplibregl.ExpressionSpecification = ['case', ['boolean', ['feature-state', 'dim'], false], 0.22, 1];
  m.addLayer({
    id: 'epci-fill',
    type: 'fill',
    source: 'epci',
    'source-layer': 'epci',
    // Below EPCI_LINE_ZOOM the fill's own 1-px antialiasing outline draws the EPCI borders: no
    // line geometry for the worker to build before the national view's first frame.
    paint: { 'fill-color': fillColor(COLORS.land), 'fill-opacity': dimmed, 'fill-outline-color': COLORS.epciLine },
  });
  for (const g of ['2023', '2018'] as Generation[]) {
    const src = SOURCE[g];
    // Level TI: the TI polygons carry the colours (opaque, to match the legend); level EPCI: a
    // light tint shows TI membership.
    m.addLayer({
      id: `${src}-fill`,
      type: 'fill',
      source: src,
      'source-layer': src,
      layout: { visibility: 'none' },
      paint: {
        'fill-color': fillColor(COLORS.tiTint),
        'fill-opacity': [
          'case',
          ['boolean', ['feature-state', 'dim'], false],
          0.22,
          ['==', ['get', 'partial'], 1],
          0.45,
          ['!=', ['feature-state', 'color'], null],
          1,
          0.55,
        ],
      },
    });
  }
  m.addLayer({
    id: 'epci-line',
    type: 'line',
    source: 'epci',
    'source-layer': 'epci',
    minzoom: EPCI_LINE_ZOOM,
    paint: { 'line-color': COLORS.epciLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.25, 8, 0.8] },
  });
  m.addLayer({
    id: 'dep-line',
    type: 'line',
    source: 'dep',
    'source-layer': 'dep',
    layout: { visibility: 'none' },
    paint: { 'line-color': COLORS.depLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 8, 1.2] },
  });
  m.addLayer({
    id: 'reg-line',
    type: 'line',
    source: 'reg',
    'source-layer': 'reg',
    paint: { 'line-color': COLORS.regLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.9, 8, 2] },
  });
  for (const g of ['2023', '2018'] as Generation[]) {
    const src = SOURCE[g];
    m.addLayer({
      id: `${src}-line`,
      type: 'line',
      source: src,
      'source-layer': src,
      filter: ['==', ['get', 'partial'], 0],
      // Round joins from zoom 6: at the national view they only add vertices to build.
      layout: { visibility: 'none', 'line-join': ['step', ['zoom'], 'miter', 6, 'round'] },
      paint: { 'line-color': COLORS.ti, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.1, 8, 2.5] },
    });
    m.addLayer({
      id: `${src}-line-partial`,
      type: 'line',
      source: src,
      'source-layer': src,
      filter: ['==', ['get', 'partial'], 1],
      layout: { visibility: 'none' },
      paint: { 'line-color': COLORS.ti, 'line-width': 1.4, 'line-dasharray': [2, 2] },
    });
    m.addLayer({
      id: `${src}-highlight`,
      type: 'line',
      source: src,
      'source-layer': src,
      layout: { visibility: 'none' },
      paint: highlightPaint(),
    });
  }
  m.addLayer({ id: 'epci-highlight', type: 'line', source: 'epci', 'source-layer': 'epci', paint: highlightPaint() });
  m.addLayer({
    id: 'ti-labels',
    type: 'symbol',
    source: 'ti-labels',
    filter: ['==', ['get', 'generation'], generation],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 13],
      'text-max-width': 8,
      'text-padding': 3,
      'text-optional': true,
    },
    paint: { 'text-color': '#3f1d63', 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.6 },
  });
  addGroupLayers(m, 'ti-labels');
  m.addLayer({
    id: 'inset-labels',
    type: 'symbol',
    source: 'insets',
    filter: ['==', ['geometry-type'], 'Point'],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': 11,
      'text-anchor': 'top-left',
      'text-allow-overlap': true,
    },
    paint: { 'text-color': '#4a4f55', 'text-halo-color': '#e8eef2', 'text-halo-width': 1 },
  });
}

/**
 * Layers left out of the first frame: insets and labels have no data until the data comes, and
 * every visible layer costs the first frame a worker round trip per tile and, for some, a shader.
 */
const AFTER_FIRST_FRAME = [
  'inset-frame-fill',
  'inset-frame-line',
  'inset-labels',
  'epci-highlight',
  'groups-line',
  'groups-label',
];

/** Shows the layers of the current level and generation (and those of highlighted TI). */
export function setLayerVisibility(
  m: maplibregl.Map,
  v: {
    /** The first frame is drawn and the data is in: the layers left out of the first frame show. */
    complete: boolean;
    departements: boolean;
    /** Régions show from the second frame on: the first map does not wait for their tiles. */
    regions: boolean;
    level: Level;
    generation: Generation;
    showTi: boolean;
    /** EPCI coloured: the light TI tint would hide the colours. */
    coloredEpci: boolean;
    /** A generation with a selected or basket TI keeps its highlight layer. */
    highlighted: (g: Generation) => boolean;
  },
): void {
  const vis = (on: boolean) => (on ? 'visible' : 'none');
  for (const id of AFTER_FIRST_FRAME) m.setLayoutProperty(id, 'visibility', vis(v.complete));
  m.setLayoutProperty('dep-line', 'visibility', vis(v.departements));
  m.setLayoutProperty('reg-line', 'visibility', vis(v.complete && v.regions));
  for (const g of GENERATIONS) {
    const src = SOURCE[g];
    const current = g === v.generation;
    const outlines = (v.showTi || v.level === 'ti') && current;
    m.setLayoutProperty(
      `${src}-fill`,
      'visibility',
      vis(current && (v.level === 'ti' || (v.showTi && !v.coloredEpci))),
    );
    m.setLayoutProperty(`${src}-line`, 'visibility', vis(outlines));
    m.setLayoutProperty(`${src}-line-partial`, 'visibility', vis(outlines));
    m.setLayoutProperty(`${src}-highlight`, 'visibility', vis(v.complete && (current || v.highlighted(g))));
  }
  m.setFilter('ti-labels', ['==', ['get', 'generation'], v.generation]);
  m.setLayoutProperty('ti-labels', 'visibility', vis(v.complete && (v.showTi || v.level === 'ti')));
}

function highlightPaint(): maplibregl.LineLayerSpecification['paint'] {
  const is = (k: string): maplibregl.ExpressionSpecification => ['boolean', ['feature-state', k], false];
  return {
    'line-color': ['case', is('selected'), COLORS.selected, is('hover'), COLORS.hover, COLORS.basket],
    'line-width': ['case', is('selected'), 3, is('hover'), 2, is('basket'), 2.5, 0],
  };
}

/** DROM inset frames and their names, placed in the sea south-west of the mainland. */
export function insetFrames(data: AtlasData): FeatureCollection {
  const features: Feature<Polygon | Point>[] = [];
  for (const f of data.territories.insets) {
    const [w, s, e, n] = f.box;
    features.push({
      type: 'Feature',
      properties: { dep: f.dep },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    });
    features.push({
      type: 'Feature',
      properties: { name: f.name },
      geometry: { type: 'Point', coordinates: [w + 0.08, n - 0.06] },
    });
  }
  return { type: 'FeatureCollection', features };
}
