// Cartofriches sites as a clustered point layer, drawn under the TI labels.
import type { FeatureCollection } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { FRICHE_TYPES_INDUSTRIAL, type FrichePoints } from '../domain/fields.ts';
import type { FricheLayer } from '../domain/view.ts';
import { FONT } from './style.ts';

/** A Cartofriches site under the pointer (properties of the point). */
export interface SiteUnderPointer {
  name: string;
  status: number;
  type: number;
  surface: number | null;
  id: string;
  x: number;
  y: number;
}

/** The site drawn at a screen point, if the layer exists and one is there. */
export function siteAt(m: maplibregl.Map, point: maplibregl.Point): SiteUnderPointer | null {
  const site = m.getLayer('friches-points')
    ? m.queryRenderedFeatures(point, { layers: ['friches-points'] })[0]
    : undefined;
  if (!site) return null;
  return {
    name: String(site.properties.n),
    status: Number(site.properties.s),
    type: Number(site.properties.t),
    surface: site.properties.a === null || site.properties.a === undefined ? null : Number(site.properties.a),
    id: String(site.properties.id),
    x: point.x,
    y: point.y,
  };
}

/**
 * Adds the layer on first use and applies the status/type selection. Clusters carry one count per
 * status × type group, so a change of the selection is a change of expressions, not of data.
 */
export function setFrichesLayer(m: maplibregl.Map, points: FrichePoints | null, layer: FricheLayer | null): void {
  if (points && !m.getSource('friches')) {
    const group = points.types.map((t) => (FRICHE_TYPES_INDUSTRIAL.includes(t) ? 0 : t === 'inconnu' ? 2 : 1));
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: points.rows.map((r) => ({
        type: 'Feature',
        properties: { s: r[2], g: group[r[3]], t: r[3], a: r[4], n: r[5], id: r[6], c: r[7] },
        geometry: { type: 'Point', coordinates: [r[0], r[1]] },
      })),
    };
    const clusterProperties: Record<string, maplibregl.ExpressionSpecification> = {};
    for (let st = 0; st < 4; st++)
      for (let g = 0; g < 3; g++)
        clusterProperties[`c${st}${g}`] = [
          '+',
          ['case', ['all', ['==', ['get', 's'], st], ['==', ['get', 'g'], g]], 1, 0],
        ] as unknown as maplibregl.ExpressionSpecification;
    m.addSource('friches', {
      type: 'geojson',
      data,
      cluster: true,
      clusterRadius: 40,
      clusterMaxZoom: 11,
      clusterProperties,
    });
    m.addLayer(
      {
        id: 'friches-clusters',
        type: 'circle',
        source: 'friches',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#8c510a',
          'circle-opacity': 0.8,
          'circle-stroke-color': '#fff',
          'circle-stroke-width': 1,
        },
      },
      'ti-labels',
    );
    m.addLayer(
      {
        id: 'friches-count',
        type: 'symbol',
        source: 'friches',
        filter: ['has', 'point_count'],
        layout: { 'text-font': FONT, 'text-size': 10, 'text-allow-overlap': true },
        paint: { 'text-color': '#fff' },
      },
      'ti-labels',
    );
    m.addLayer(
      {
        id: 'friches-points',
        type: 'circle',
        source: 'friches',
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-radius': 4,
          'circle-stroke-color': '#fff',
          'circle-stroke-width': 0.8,
          'circle-color': ['match', ['get', 's'], 0, '#bf812d', 1, '#d73027', 2, '#1a9850', 3, '#4575b4', '#999'],
        },
      },
      'ti-labels',
    );
  }
  if (!m.getSource('friches')) return;
  const vis = layer ? 'visible' : 'none';
  for (const id of ['friches-clusters', 'friches-count', 'friches-points']) m.setLayoutProperty(id, 'visibility', vis);
  if (!layer) return;
  const combos = layer.statuses.flatMap((st) => layer.groups.map((g) => ['get', `c${st}${g}`]));
  const selected = (combos.length ? ['+', 0, ...combos] : 0) as unknown as maplibregl.ExpressionSpecification;
  m.setFilter('friches-clusters', ['all', ['has', 'point_count'], ['>', selected, 0]]);
  m.setFilter('friches-count', ['all', ['has', 'point_count'], ['>', selected, 0]]);
  m.setPaintProperty('friches-clusters', 'circle-radius', [
    'interpolate',
    ['linear'],
    selected,
    1,
    9,
    50,
    14,
    500,
    22,
    3000,
    30,
  ]);
  m.setLayoutProperty('friches-count', 'text-field', ['to-string', selected]);
  m.setFilter('friches-points', [
    'all',
    ['!', ['has', 'point_count']],
    ['in', ['get', 's'], ['literal', layer.statuses]],
    ['in', ['get', 'g'], ['literal', layer.groups]],
  ]);
}
