import { PNG } from 'pngjs';

export interface PixelStats {
  width: number;
  height: number;
  distinct: number;
  share: (rgb: [number, number, number], tolerance?: number) => number;
  diff: (other: Buffer) => number;
}

/** Decodes a screenshot (PNG) and offers simple pixel statistics. */
export function pixelStats(png: Buffer): PixelStats {
  const img = PNG.sync.read(png);
  const colors = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4)
    colors.add((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2]);
  return {
    width: img.width,
    height: img.height,
    distinct: colors.size,
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

export const hex = (h: string): [number, number, number] => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
];
