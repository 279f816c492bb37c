// Layout of the exported image: title and subtitle on top, the map, the legend (a column on the
// right for landscape images, a band under the map otherwise) and the footer (source, date).
// Pure: text widths come from the `measure` function (canvas measureText in the app, a stub in
// tests); the result is a list of things to draw and the rectangle where the map goes.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type DrawItem =
  /** Text drawn with textBaseline 'top' at (x, y). */
  | { kind: 'text'; text: string; x: number; y: number; font: string; color: string }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string | null; stroke?: string; hatch?: boolean };

export interface PngLegendEntry {
  label: string;
  color: string;
  hatch?: boolean;
}

export interface PngLayoutInput {
  /** Size in CSS pixels (the pixel ratio is applied by the painter). */
  width: number;
  height: number;
  title: string;
  subtitle?: string;
  legendTitle?: string;
  legend: PngLegendEntry[];
  footer: string[];
  measure: (text: string, font: string) => number;
  fontFamily?: string;
}

export interface PngLayout {
  map: Rect;
  items: DrawItem[];
  legendPlacement: 'right' | 'bottom' | 'none';
}

const INK = '#1d2327';
const MUTED = '#5d666e';
const FRAME = '#c9ced3';
const DEFAULT_FAMILY = "system-ui, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Word wrap with measured widths; a word wider than the line is cut by characters. */
function wrapMeasured(text: string, maxWidth: number, font: string, measure: PngLayoutInput['measure']): string[] {
  const out: string[] = [];
  let line = '';
  const pushWord = (word: string) => {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, font) <= maxWidth) {
      line = candidate;
      return;
    }
    if (line) out.push(line);
    line = '';
    if (measure(word, font) <= maxWidth) {
      line = word;
      return;
    }
    let chunk = '';
    for (const ch of word) {
      if (chunk && measure(chunk + ch, font) > maxWidth) {
        out.push(chunk);
        chunk = '';
      }
      chunk += ch;
    }
    line = chunk;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) pushWord(word);
  if (line) out.push(line);
  return out;
}

/** At most `max` lines; the last one ends with "…" when text was cut. */
function limitLines(
  lines: string[],
  max: number,
  maxWidth: number,
  font: string,
  measure: PngLayoutInput['measure'],
): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1];
  while (last.length > 1 && measure(`${last}…`, font) > maxWidth) last = last.slice(0, -1);
  kept[max - 1] = `${last.trimEnd()}…`;
  return kept;
}

export function layoutPng(input: PngLayoutInput): PngLayout {
  const { width: W, height: H, measure } = input;
  const family = input.fontFamily ?? DEFAULT_FAMILY;
  const small = Math.min(W, H);
  const P = Math.round(clamp(small * 0.03, 12, 40));
  const titleSize = Math.round(clamp(W / 42, 16, 40));
  const subSize = Math.round(Math.max(12, titleSize * 0.6));
  const legendSize = Math.round(clamp(small / 55, 11, 22));
  const footSize = Math.round(clamp(small / 72, 10, 18));
  const font = (size: number, weight = 400) => `${weight} ${size}px ${family}`;
  const items: DrawItem[] = [];
  const text = (t: string, x: number, y: number, f: string, color = INK) =>
    items.push({ kind: 'text', text: t, x, y, font: f, color });

  // Header.
  let y = P;
  const titleFont = font(titleSize, 700);
  for (const l of limitLines(
    wrapMeasured(input.title, W - 2 * P, titleFont, measure),
    2,
    W - 2 * P,
    titleFont,
    measure,
  )) {
    text(l, P, y, titleFont);
    y += Math.round(titleSize * 1.2);
  }
  if (input.subtitle) {
    const f = font(subSize);
    for (const l of limitLines(wrapMeasured(input.subtitle, W - 2 * P, f, measure), 2, W - 2 * P, f, measure)) {
      text(l, P, y, f, MUTED);
      y += Math.round(subSize * 1.3);
    }
  }
  const top = y + Math.round(P / 2);

  // Footer, from the bottom up.
  const footFont = font(footSize);
  const footLines = input.footer.flatMap((l) => wrapMeasured(l, W - 2 * P, footFont, measure));
  const footLh = Math.round(footSize * 1.35);
  const footTop = H - P - footLines.length * footLh;
  footLines.forEach((l, i) => text(l, P, footTop + i * footLh, footFont, MUTED));
  const bottom = footTop - Math.round(P / 2);

  const legendFont = font(legendSize);
  const legendTitleFont = font(legendSize, 700);
  const sw = Math.round(legendSize * 1.6),
    sh = Math.round(legendSize * 1.05);
  const lh = Math.round(legendSize * 1.3);
  const hasLegend = input.legend.length > 0;

  /** Legend as a column at (x, y0) of width w; returns the items and the height used. */
  const column = (x: number, y0: number, w: number): { items: DrawItem[]; h: number } => {
    const out: DrawItem[] = [];
    let cy = y0;
    if (input.legendTitle) {
      for (const l of wrapMeasured(input.legendTitle, w, legendTitleFont, measure)) {
        out.push({ kind: 'text', text: l, x, y: cy, font: legendTitleFont, color: INK });
        cy += lh;
      }
      cy += Math.round(lh * 0.4);
    }
    for (const e of input.legend) {
      const lines = wrapMeasured(e.label, w - sw - 8, legendFont, measure);
      out.push({
        kind: 'rect',
        x,
        y: cy + Math.round((lh - sh) / 2),
        w: sw,
        h: sh,
        fill: e.color,
        stroke: 'rgba(0,0,0,0.3)',
        hatch: e.hatch,
      });
      lines.forEach((l, i) =>
        out.push({
          kind: 'text',
          text: l,
          x: x + sw + 8,
          y: cy + i * lh + Math.round((lh - legendSize) / 2),
          font: legendFont,
          color: INK,
        }),
      );
      cy += Math.max(1, lines.length) * lh + Math.round(lh * 0.35);
    }
    return { items: out, h: cy - y0 };
  };

  /** Legend as wrapped rows under the map, full width; returns items positioned from y0 = 0. */
  const band = (w: number): { items: DrawItem[]; h: number } => {
    const out: DrawItem[] = [];
    let cy = 0;
    if (input.legendTitle) {
      for (const l of wrapMeasured(input.legendTitle, w, legendTitleFont, measure)) {
        out.push({ kind: 'text', text: l, x: P, y: cy, font: legendTitleFont, color: INK });
        cy += lh;
      }
      cy += Math.round(lh * 0.3);
    }
    let cx = 0;
    const gap = Math.round(legendSize * 1.4);
    for (const e of input.legend) {
      const labelW = Math.min(measure(e.label, legendFont), w - sw - 8);
      const itemW = sw + 8 + labelW;
      if (cx > 0 && cx + itemW > w) {
        cx = 0;
        cy += Math.round(lh * 1.35);
      }
      out.push({
        kind: 'rect',
        x: P + cx,
        y: cy + Math.round((lh - sh) / 2),
        w: sw,
        h: sh,
        fill: e.color,
        stroke: 'rgba(0,0,0,0.3)',
        hatch: e.hatch,
      });
      const label = wrapMeasured(e.label, w - sw - 8, legendFont, measure)[0] ?? '';
      out.push({
        kind: 'text',
        text: label,
        x: P + cx + sw + 8,
        y: cy + Math.round((lh - legendSize) / 2),
        font: legendFont,
        color: INK,
      });
      cx += itemW + gap;
    }
    return { items: out, h: cy + lh };
  };

  let map: Rect;
  let placement: PngLayout['legendPlacement'] = hasLegend ? 'bottom' : 'none';
  const availH = Math.max(40, bottom - top);
  if (hasLegend && W / H >= 1.1 && W >= 600) {
    const legendW = Math.round(clamp(W * 0.25, 180, 420));
    const mapW = W - 3 * P - legendW;
    const col = column(P + mapW + P, top, legendW);
    if (col.h <= availH) {
      placement = 'right';
      map = { x: P, y: top, w: mapW, h: availH };
      items.push(...col.items);
    }
  }
  if (placement === 'bottom') {
    const b = band(W - 2 * P);
    const legendTop = bottom - b.h;
    map = { x: P, y: top, w: W - 2 * P, h: Math.max(40, legendTop - Math.round(P / 2) - top) };
    for (const it of b.items) items.push({ ...it, y: it.y + legendTop });
  } else if (placement === 'none') {
    map = { x: P, y: top, w: W - 2 * P, h: availH };
  }
  map = { x: Math.round(map!.x), y: Math.round(map!.y), w: Math.round(map!.w), h: Math.round(map!.h) };
  items.push({ kind: 'rect', ...map, fill: null, stroke: FRAME });
  return { map, items, legendPlacement: placement };
}
