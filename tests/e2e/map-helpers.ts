// Helpers for specs that look at the drawn map: pixel statistics of screenshots, and screen
// positions of places computed from the viewport in the URL (Web Mercator, 512 px tiles).
import { expect, type Locator, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

export type Rgb = [number, number, number];

export interface PixelStats {
  width: number;
  height: number;
  distinct: number;
  /** Share of pixels within `tolerance` of a colour (per channel). */
  share: (rgb: Rgb, tolerance?: number) => number;
  /** Share of pixels that differ (sum of channel differences over 30) from another screenshot. */
  diff: (other: Buffer) => number;
  /** Share of pixels for which `test(r, g, b)` holds. */
  count: (test: (r: number, g: number, b: number) => boolean) => number;
  /** Colour at a pixel. */
  at: (x: number, y: number) => Rgb;
}

/** Decodes a screenshot (PNG) and offers simple pixel statistics. */
export function pixelStats(png: Buffer): PixelStats {
  const img = PNG.sync.read(png);
  const colors = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4)
    colors.add((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2]);
  const at = (x: number, y: number): Rgb => {
    const i = (y * img.width + x) * 4;
    return [img.data[i], img.data[i + 1], img.data[i + 2]];
  };
  return {
    width: img.width,
    height: img.height,
    distinct: colors.size,
    at,
    count(test) {
      let n = 0;
      for (let i = 0; i < img.data.length; i += 4) if (test(img.data[i], img.data[i + 1], img.data[i + 2])) n++;
      return n / (img.width * img.height);
    },
    share([r, g, b], tolerance = 6) {
      let n = 0;
      for (let i = 0; i < img.data.length; i += 4)
        if (
          Math.abs(img.data[i] - r) <= tolerance &&
          Math.abs(img.data[i + 1] - g) <= tolerance &&
          Math.abs(img.data[i + 2] - b) <= tolerance
        )
          n++;
      return n / (img.width * img.height);
    },
    diff(other) {
      const o = PNG.sync.read(other);
      if (o.width !== img.width || o.height !== img.height) return 1;
      let n = 0;
      for (let i = 0; i < img.data.length; i += 4)
        if (
          Math.abs(img.data[i] - o.data[i]) +
            Math.abs(img.data[i + 1] - o.data[i + 1]) +
            Math.abs(img.data[i + 2] - o.data[i + 2]) >
          30
        )
          n++;
      return n / (img.width * img.height);
    },
  };
}

export const hex = (h: string): Rgb => [
  Number.parseInt(h.slice(1, 3), 16),
  Number.parseInt(h.slice(3, 5), 16),
  Number.parseInt(h.slice(5, 7), 16),
];

export const near = (a: Rgb, b: Rgb, tolerance = 6) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

/** Screenshot of the map area (what the user sees of the map). */
export const mapShot = (page: Page): Promise<Buffer> => page.getByTestId('map').screenshot();

export interface Viewport {
  lon: number;
  lat: number;
  zoom: number;
}

const mercator = (lon: number, lat: number, zoom: number) => {
  const world = 512 * 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  return {
    x: ((lon + 180) / 360) * world,
    y: ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * world,
  };
};

/**
 * Page position of a lon/lat on a map whose view is `view` (as written in the URL). `map` is the map
 * container (in an iframe too: Playwright boxes are in page coordinates).
 */
export async function screenPoint(map: Locator, view: Viewport, lon: number, lat: number) {
  const box = await map.boundingBox();
  if (!box) throw new Error('map not visible');
  const c = mercator(view.lon, view.lat, view.zoom);
  const p = mercator(lon, lat, view.zoom);
  return { x: box.x + box.width / 2 + (p.x - c.x), y: box.y + box.height / 2 + (p.y - c.y) };
}

/** Opens the map at `query` framed on a viewport, and waits until it has drawn. */
export async function openAt(page: Page, view: Viewport, query = ''): Promise<void> {
  await page.goto(`./?${query}${query ? '&' : ''}v=${view.lon},${view.lat},${view.zoom}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle', { timeout: 60_000 });
}

/** The first number of a text ("1 255 EPCI" → 1255), spaces of any kind allowed. */
export const firstNumber = (text: string): number =>
  Number(/\d[\d\s\u202f\u00a0]*/.exec(text)?.[0].replace(/\D/g, '') ?? Number.NaN);
