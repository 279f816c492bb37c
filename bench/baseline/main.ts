// Baseline for `npm run bench`: the naive approach — MapLibre drawing the source EPCI and TI
// 2023–2027 GeoJSON (served as-is) with the same look, no topology, no simplification. A recolour
// re-sends the GeoJSON with a `color` property on every feature.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);
const map = new maplibregl.Map({
  container: 'map',
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#dfe8ee' } }],
  },
  bounds: [-10.8, 41.2, 10.0, 51.2],
});
map.on('load', async () => {
  const [data, ti] = await Promise.all([
    fetch('./source/epci.geojson').then((r) => r.json()),
    fetch('./source/ti.geojson').then((r) => r.json()),
  ]);
  map.addSource('epci', { type: 'geojson', data, promoteId: 'code' });
  map.addSource('ti', { type: 'geojson', data: ti });
  map.addLayer({
    id: 'fill',
    type: 'fill',
    source: 'epci',
    paint: { 'fill-color': ['coalesce', ['get', 'color'], '#f4f1ea'] },
  });
  map.addLayer({ id: 'line', type: 'line', source: 'epci', paint: { 'line-color': '#b9b2a5', 'line-width': 0.4 } });
  map.addLayer({ id: 'ti', type: 'line', source: 'ti', paint: { 'line-color': '#6a3d9a', 'line-width': 1.1 } });
  map.once('idle', () => performance.mark('atlas:first-map'));
  (window as unknown as { __baseline: unknown }).__baseline = { map, data };
});
