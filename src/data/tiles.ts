// The map's vector tiles: written by the pipeline (scripts/lib/tiles.ts), read by the map
// (src/map/layers.ts). One folder per polygon source, holding one layer of the same name.
import type { BBox } from './types.ts';

export const TILED_SOURCES = ['epci', 'ti2023', 'ti2018', 'dep', 'reg'] as const;
export type TiledSource = (typeof TILED_SOURCES)[number];

/** Tiles cover this box (mainland, Corsica and the DROM insets): the map requests none outside it. */
export const TILE_BOUNDS: BBox = [-5.4, 41.3, 9.7, 51.15];
/** Zooms 0–6 draw the national view's simplified geometry, as the first map's. */
export const TILE_NATIONAL_MAX_ZOOM = 6;
/** Zooms 7–8 draw the full detail, whose grid (≈ 40 m) a zoom-8 tile holds; overzoomed beyond. */
export const TILE_MAX_ZOOM = 8;

/** A tile's path under the generated folder: `{z}/{x}/{y}` as MapLibre's URL template has them. */
export const tilePath = (source: TiledSource, z: number | '{z}', x: number | '{x}', y: number | '{y}'): string =>
  `tiles/${source}/${z}/${x}/${y}.pbf`;
