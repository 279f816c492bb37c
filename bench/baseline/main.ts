// Baseline for `npm run bench`: the naive approach — MapLibre drawing the source EPCI GeoJSON
// (served as-is) with the same look, no topology, no simplification.
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
  const data = await (await fetch('./source/epci.geojson')).json();
  map.addSource('epci', { type: 'geojson', data, promoteId: 'code' });
  map.addLayer({
    id: 'fill',
    type: 'fill',
    source: 'epci',
    paint: { 'fill-color': ['coalesce', ['feature-state', 'color'], '#f4f1ea'] },
  });
  map.addLayer({ id: 'line', type: 'line', source: 'epci', paint: { 'line-color': '#b9b2a5', 'line-width': 0.4 } });
  map.once('idle', () => performance.mark('atlas:first-map'));
  (window as unknown as { __baseline: unknown }).__baseline = { map, data };
});
