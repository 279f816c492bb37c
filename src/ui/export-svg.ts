// The SVG of the whole map (mainland and insets) with its caption: the « SVG » export and the
// printed page. Kept apart from the export dialog so that printing does not load the dialog.
import type { Topology } from 'topojson-specification';
import { fullAppUrl } from '../domain/export/embed.ts';
import { buildSvg } from '../domain/export/svg.ts';
import { encodeView } from '../domain/url.ts';
import { FRANCE_BOUNDS } from '../map/create.ts';
import { COLORS } from '../map/style.ts';
import { choropleth, indicatorContext, mapPaint } from '../state/derived.ts';
import type { AtlasStore } from '../state/store.ts';
import { appBase } from './app-base.ts';
import { captionFor } from './caption.ts';

/** `detail`: the full-detail topology (loadDetailTopology), else the national view's. */
export function svgFor(s: AtlasStore, detail?: Topology): string | null {
  const data = s.data;
  const caption = captionFor(s);
  const ctx = indicatorContext(s);
  if (!data || !caption || !ctx) return null;
  const v = s.view;
  const ch = choropleth(s);
  const paint = mapPaint({ ...s, legendHover: null });
  const ti = `ti${v.generation}`;
  const isTi = v.level === 'ti';
  const whole = (p: Record<string, unknown>) => p.partial !== 1;
  const partial = (p: Record<string, unknown>) => p.partial === 1;
  const showTi = v.showTi || isTi;
  return buildSvg({
    topology: detail ?? data.topology,
    object: isTi ? ti : 'epci',
    idProperty: isTi ? 'key' : 'code',
    colors: ch?.colors ?? null,
    dim: paint?.dim ?? null,
    landColor: isTi && !ch ? COLORS.tiTint : COLORS.land,
    seaColor: COLORS.background,
    base: isTi ? { object: 'epci', color: COLORS.land } : undefined,
    overlay: !isTi && !ch && v.showTi ? { object: ti, color: COLORS.tiTint, opacity: 0.55 } : undefined,
    meshes: [
      { object: 'epci', color: COLORS.epciLine, width: 0.3 },
      ...(v.showDepartements ? [{ object: 'dep', color: COLORS.depLine, width: 0.5, interior: true }] : []),
      ...(v.showRegions ? [{ object: 'reg', color: COLORS.regLine, width: 0.9, interior: true }] : []),
      ...(showTi
        ? [
            { object: ti, color: COLORS.ti, width: 1.1, where: whole },
            { object: ti, color: COLORS.ti, width: 0.9, dash: '3 2', where: partial },
          ]
        : []),
    ],
    insets: data.territories.insets.map((i) => ({ name: i.name, box: i.box })),
    extent: FRANCE_BOUNDS,
    width: 1200,
    title: caption.title,
    subtitle: caption.subtitle,
    legendTitle: caption.legendTitle,
    legend: caption.legend,
    footer: [
      ...caption.context,
      caption.source,
      `${caption.note}. ${caption.date}`,
      fullAppUrl(appBase(), encodeView(s.view)),
    ],
    lang: v.lang,
  });
}
