// The map's vector tiles: written by the pipeline (scripts/lib/tiles.ts), read by the map
// (src/map/layers.ts). One folder per polygon source, holding one layer of the same name.
import type { BBox } from './types.ts';

export const TILED_SOURCES = ['epci', 'ti2023', 'ti2018', 'dep', 'reg'] as const;
export type TiledSource = (typeof TILED_SOURCES)[number];

/** Tiles cover this box (mainland, Corsica and the DROM insets): the map requests none outside it. */
export const TILE_BOUNDS: BBox = [-5.4, 41.3, 9.7, 51.15];
/**
 * Zooms 0–5 draw the national view's simplified geometry (France fills the first map at zoom ≈
 * 5.3; a 512-px tile source draws zoom 5.x from zoom-5 tiles); from zoom 6 on, the full detail.
 */
export const TILE_NATIONAL_MAX_ZOOM = 5;
/** Zooms 6–8 draw the full detail, whose grid (≈ 40 m) a zoom-8 tile holds; overzoomed beyond. */
export const TILE_MAX_ZOOM = 8;

/** A tile's path under the generated folder: `{z}/{x}/{y}` as MapLibre's URL template has them. */
export const tilePath = (source: TiledSource, z: number | '{z}', x: number | '{x}', y: number | '{y}'): string =>
  `tiles/${source}/${z}/${x}/${y}.pbf`;
