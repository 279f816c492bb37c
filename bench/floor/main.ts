// Floor for `npm run bench`: MapLibre alone drawing one rectangle (inline GeoJSON), nothing else.
// What MapLibre itself costs before a first frame; the app can only add to it.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);
const rectangle: GeoJSON.Feature = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-4, 43],
        [8, 43],
        [8, 50],
        [-4, 50],
        [-4, 43],
      ],
    ],
  },
};
const map = new maplibregl.Map({
  container: 'map',
  style: {
    version: 8,
    sources: { r: { type: 'geojson', data: rectangle } },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#dfe8ee' } },
      { id: 'fill', type: 'fill', source: 'r', paint: { 'fill-color': '#f4f1ea' } },
    ],
  },
  bounds: [-10.8, 41.2, 10.0, 51.2],
});
map.once('idle', () => performance.mark('atlas:first-map'));
