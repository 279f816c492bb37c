// A self-contained MapLibre style: no remote tiles, sprites or glyphs. Without a `glyphs` URL,
// MapLibre draws label text locally (TinySDF), so labels work offline and inside firewalls.
import type { StyleSpecification } from 'maplibre-gl';

export const COLORS = {
  background: '#dfe8ee',
  land: '#f4f1ea',
  /** Land outside any TI when TI are coloured: grey, distinct from every class colour. */
  outsideTi: '#d4d4d4',
  epciLine: '#b9b2a5',
  depLine: '#7c7468',
  regLine: '#4a443b',
  ti: '#6a3d9a',
  tiTint: '#cab2d6',
  hover: '#111111',
  selected: '#d7301f',
  insetFrame: '#8a8f96',
  basket: '#1f78b4',
};

export const FONT = ['Noto Sans Regular'];

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'atlas-offline',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLORS.background } }],
  };
}
