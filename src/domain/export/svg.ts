// SVG of the current choropleth, for print: every territory of the level as one <path> filled
// with its class colour, borders as meshes, DROM inset frames, then title, legend, source and
// date as SVG text. Web Mercator on the whole extent (the DROM insets are already placed west of
// mainland France in the data). Pure: geometry + colours + texts in, a string out.
import type { Feature, FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

export type Box = [number, number, number, number];

export interface SvgLegendEntry {
  label: string;
  color: string;
  hatch?: boolean;
}

export interface SvgMesh {
  object: string;
  color: string;
  width: number;
  /** Only arcs shared by two different geometries (no coastline). */
  interior?: boolean;
  dash?: string;
  /** Keep only geometries whose properties pass (e.g. TI drawn whole, not partial ones). */
  where?: (properties: Record<string, unknown>) => boolean;
}

export interface SvgInput {
  topology: Topology;
  /** Object whose geometries are filled: 'epci', 'ti2023', 'ti2018'. */
  object: string;
  /** Property holding the code used as key of `colors`: 'code' (EPCI) or 'key' (TI). */
  idProperty: string;
  /** Fill per code; codes without a colour get `landColor`. */
  colors: Map<string, string> | null;
  /** Codes drawn faded (filtered out). */
  dim?: Set<string> | null;
  landColor: string;
  seaColor: string;
  /** Drawn first as one path in one colour (e.g. every EPCI as land under the TI). */
  base?: { object: string; color: string };
  /** Translucent overlay polygons (e.g. TI tint on the reference map). */
  overlay?: {
    object: string;
    color: string;
    opacity: number;
    where?: (properties: Record<string, unknown>) => boolean;
  };
  meshes?: SvgMesh[];
  insets?: { name: string; box: Box }[];
  insetColor?: string;
  /** Lon/lat extent to fit; default: the topology's bbox. */
  extent?: Box;
  /** Total width in px (user units); the height follows from the map's aspect. */
  width?: number;
  title: string;
  subtitle?: string;
  legendTitle?: string;
  legend: SvgLegendEntry[];
  /** Footer lines (source, note, date): wrapped to the width. */
  footer: string[];
  lang?: string;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const RAD = Math.PI / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * RAD) / 2));

/** Web Mercator fitted into a box: [lon, lat] → [x, y] in px. */
export function mercatorFit(
  extent: Box,
  width: number,
  height: number,
  x0 = 0,
  y0 = 0,
): { project: (p: Position) => [number, number]; width: number; height: number } {
  const [w, s, e, n] = extent;
  const dx = (e - w) * RAD,
    dy = mercY(n) - mercY(s);
  const k = Math.min(width / dx, height / dy);
  const ox = x0 + (width - dx * k) / 2,
    oy = y0 + (height - dy * k) / 2;
  const yn = mercY(n);
  return { project: (p) => [ox + (p[0] - w) * RAD * k, oy + (yn - mercY(p[1])) * k], width: dx * k, height: dy * k };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Path data of rings / lines; consecutive points that round to the same place are dropped. */
function pathOf(lines: Position[][], project: (p: Position) => [number, number], close: boolean): string {
  let d = '';
  for (const line of lines) {
    let last = '';
    let n = 0;
    let part = '';
    for (const p of line) {
      const [x, y] = project(p);
      const xy = `${r1(x)} ${r1(y)}`;
      if (xy === last) continue;
      part += (n === 0 ? 'M' : 'L') + xy;
      last = xy;
      n++;
    }
    if (n >= (close ? 3 : 2)) d += part + (close ? 'Z' : '');
  }
  return d;
}

function ringsOf(g: Geometry | null): Position[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

function collection(
  topology: Topology,
  name: string,
  where?: (p: Record<string, unknown>) => boolean,
): GeometryCollection | null {
  const obj = topology.objects[name] as GeometryCollection | undefined;
  if (obj?.type !== 'GeometryCollection') return null;
  if (!where) return obj;
  return {
    ...obj,
    geometries: obj.geometries.filter((g: GeometryObject) => where((g.properties ?? {}) as Record<string, unknown>)),
  };
}

function features(topology: Topology, name: string, where?: (p: Record<string, unknown>) => boolean): Feature[] {
  const obj = collection(topology, name, where);
  return obj ? (feature(topology, obj) as FeatureCollection).features : [];
}

/** Greedy word wrap on an estimated text width (average glyph ≈ 0.55 em). */
function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const maxChars = Math.max(10, Math.floor(maxWidth / (fontSize * 0.55)));
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

export function buildSvg(input: SvgInput): string {
  const W = input.width ?? 1200;
  const pad = 24;
  const titleSize = 24,
    subSize = 14,
    legendSize = 13,
    footSize = 11;
  const legendW = Math.round(W * 0.24);
  const mapW = W - 2 * pad - legendW - pad;
  const extent = input.extent ?? (input.topology.bbox?.slice(0, 4) as Box | undefined) ?? [-180, -85, 180, 85];
  // Height of the map from the extent's aspect at the available width.
  const probe = mercatorFit(extent, mapW, 1e6);
  const mapH = Math.round(probe.height);

  const titleLines = wrapText(input.title, W - 2 * pad, titleSize).slice(0, 3);
  let y = pad;
  const head: string[] = [];
  for (const l of titleLines) {
    y += titleSize * 1.15;
    head.push(
      `<text x="${pad}" y="${r1(y)}" font-size="${titleSize}" font-weight="700" fill="#1d2327">${escapeXml(l)}</text>`,
    );
  }
  if (input.subtitle) {
    y += subSize * 1.5;
    head.push(
      `<text x="${pad}" y="${r1(y)}" font-size="${subSize}" fill="#5d666e">${escapeXml(input.subtitle)}</text>`,
    );
  }
  const mapY = y + 12;
  const fit = mercatorFit(extent, mapW, mapH, pad, mapY);
  const P = fit.project;

  // Territories: one path each, in data order.
  const fills: string[] = [];
  for (const f of features(input.topology, input.object)) {
    const code = String(f.properties?.[input.idProperty] ?? '');
    const d = pathOf(ringsOf(f.geometry), P, true);
    if (!d) continue;
    const fill = input.colors?.get(code) ?? input.landColor;
    const dim = input.dim?.has(code) ? ' fill-opacity="0.22"' : '';
    fills.push(`<path data-code="${escapeXml(code)}" fill="${escapeXml(fill)}"${dim} d="${d}"/>`);
  }
  let base = '';
  if (input.base) {
    const d = features(input.topology, input.base.object)
      .map((f) => pathOf(ringsOf(f.geometry), P, true))
      .join('');
    if (d) base = `<path class="base" fill="${escapeXml(input.base.color)}" fill-rule="evenodd" d="${d}"/>`;
  }
  let overlay = '';
  if (input.overlay) {
    const o = input.overlay;
    const d = features(input.topology, o.object, o.where)
      .map((f) => pathOf(ringsOf(f.geometry), P, true))
      .join('');
    if (d)
      overlay = `<path class="overlay" fill-rule="evenodd" fill="${escapeXml(o.color)}" fill-opacity="${o.opacity}" d="${d}"/>`;
  }
  const meshes = (input.meshes ?? []).map((m) => {
    const obj = collection(input.topology, m.object, m.where);
    if (!obj) return '';
    const g = mesh(
      input.topology,
      obj,
      m.interior ? (a: GeometryObject, b: GeometryObject) => a !== b : undefined,
    ) as MultiLineString;
    const d = pathOf(g.coordinates, P, false);
    return d
      ? `<path class="mesh-${escapeXml(m.object)}" fill="none" stroke="${escapeXml(m.color)}" stroke-width="${m.width}" stroke-linejoin="round"${m.dash ? ` stroke-dasharray="${m.dash}"` : ''} d="${d}"/>`
      : '';
  });
  const insets: string[] = [],
    insetLabels: string[] = [];
  for (const i of input.insets ?? []) {
    const [a, b] = [P([i.box[0], i.box[3]]), P([i.box[2], i.box[1]])];
    insets.push(
      `<rect x="${r1(a[0])}" y="${r1(a[1])}" width="${r1(b[0] - a[0])}" height="${r1(b[1] - a[1])}" fill="${escapeXml(input.insetColor ?? '#e8eef2')}" stroke="#8a8f96" stroke-width="0.8"/>`,
    );
    insetLabels.push(
      `<text x="${r1(a[0] + 4)}" y="${r1(a[1] + 13)}" font-size="11" fill="#4a4f55">${escapeXml(i.name)}</text>`,
    );
  }

  // Legend, right of the map.
  const lx = pad + mapW + pad;
  let ly = mapY + 4;
  const legend: string[] = [];
  if (input.legendTitle) {
    for (const l of wrapText(input.legendTitle, legendW, legendSize + 1)) {
      ly += (legendSize + 1) * 1.3;
      legend.push(
        `<text x="${lx}" y="${r1(ly)}" font-size="${legendSize + 1}" font-weight="700" fill="#1d2327">${escapeXml(l)}</text>`,
      );
    }
    ly += 8;
  }
  for (const e of input.legend) {
    const lines = wrapText(e.label, legendW - 30, legendSize);
    legend.push(
      `<rect x="${lx}" y="${r1(ly + 2)}" width="20" height="13" fill="${escapeXml(e.color)}" stroke="rgba(0,0,0,0.25)" stroke-width="0.6"${e.hatch ? ' stroke-dasharray="2 1"' : ''}/>`,
    );
    lines.forEach((l, i) =>
      legend.push(
        `<text x="${lx + 28}" y="${r1(ly + 13 + i * legendSize * 1.25)}" font-size="${legendSize}" fill="#1d2327">${escapeXml(l)}</text>`,
      ),
    );
    ly += Math.max(20, lines.length * legendSize * 1.25 + 6);
  }

  let fy = Math.max(mapY + mapH, ly) + 10;
  const foot: string[] = [];
  for (const line of input.footer) {
    for (const l of wrapText(line, W - 2 * pad, footSize)) {
      fy += footSize * 1.4;
      foot.push(`<text x="${pad}" y="${r1(fy)}" font-size="${footSize}" fill="#5d666e">${escapeXml(l)}</text>`);
    }
  }
  const H = Math.ceil(fy + pad);
  const clip = `<clipPath id="map-clip"><rect x="${pad}" y="${r1(mapY)}" width="${mapW}" height="${mapH}"/></clipPath>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"${input.lang ? ` xml:lang="${escapeXml(input.lang)}"` : ''} font-family="'Noto Sans', 'DejaVu Sans', Arial, sans-serif">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<defs>${clip}</defs>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    ...head,
    `<g clip-path="url(#map-clip)">`,
    `<rect x="${pad}" y="${r1(mapY)}" width="${mapW}" height="${mapH}" fill="${escapeXml(input.seaColor)}"/>`,
    `<g class="insets">${insets.join('')}</g>`,
    base,
    `<g class="territories" stroke="none" fill-rule="evenodd">`,
    ...fills,
    `</g>`,
    overlay,
    ...meshes,
    `<g class="inset-labels">${insetLabels.join('')}</g>`,
    `</g>`,
    `<g class="legend">`,
    ...legend,
    `</g>`,
    `<g class="footer">`,
    ...foot,
    `</g>`,
    `</svg>`,
    '',
  ].join('\n');
}
