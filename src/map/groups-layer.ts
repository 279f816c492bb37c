// Custom groups on the map: one outline per group, merged from its member EPCI in the topology
// (so group and EPCI borders coincide), and its name placed inside it by MapLibre.
import type { FeatureCollection } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { merge } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { EpciRecord } from '../data/types.ts';
import { FONT } from './style.ts';

const GROUP_COLOR = '#00695c';

/** Outlines and one label point per group (in its largest member, so it is never repeated). */
export function groupsGeoJSON(
  topology: Topology,
  epciRecords: readonly EpciRecord[],
  groups: readonly { name: string; epcis: string[] }[],
) {
  const byCode = new Map(epciRecords.map((e) => [e.code, e]));
  const epci = (topology.objects.epci as GeometryCollection).geometries as (Polygon | MultiPolygon)[];
  const fc: FeatureCollection = { type: 'FeatureCollection', features: [] };
  groups.forEach((g, i) => {
    const members = new Set(g.epcis);
    const parts = epci.filter((x) => members.has(String((x.properties as { code?: string } | undefined)?.code)));
    if (parts.length === 0) return;
    fc.features.push({ type: 'Feature', id: i, properties: { name: g.name }, geometry: merge(topology, parts) });
    const main = g.epcis
      .map((c) => byCode.get(c))
      .filter((e): e is EpciRecord => !!e)
      .sort((a, b) => b.areaKm2 - a.areaKm2)[0];
    if (main) {
      const [w, s, e, n] = main.bbox;
      fc.features.push({
        type: 'Feature',
        properties: { name: g.name },
        geometry: { type: 'Point', coordinates: [(w + e) / 2, (s + n) / 2] },
      });
    }
  });
  return fc;
}

export function addGroupLayers(m: maplibregl.Map, before: string): void {
  m.addSource('groups', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  m.addLayer(
    {
      id: 'groups-line',
      type: 'line',
      source: 'groups',
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': GROUP_COLOR, 'line-width': 2.4, 'line-dasharray': [3, 1.5] },
    },
    before,
  );
  m.addLayer({
    id: 'groups-label',
    type: 'symbol',
    source: 'groups',
    filter: ['==', ['geometry-type'], 'Point'],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': 12,
      'text-max-width': 9,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': GROUP_COLOR, 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 1.8 },
  });
}
