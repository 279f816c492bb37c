// What the export dialogs download: the rows and the caption behind the view, the SVG, CSV and
// XLSX files, and the download itself.
import { buildCaption, type Caption } from '../domain/export/caption.ts';
import { toCsv } from '../domain/export/csv.ts';
import { fullAppUrl } from '../domain/export/embed.ts';
import { buildSvg } from '../domain/export/svg.ts';
import { buildExportTable, type ExportTable, sourceRows } from '../domain/export/table.ts';
import { buildXlsxSheets, xlsxBlob } from '../domain/export/xlsx.ts';
import { encodeView } from '../domain/url-encode.ts';
import { translator } from '../i18n/index.ts';
import { FRANCE_BOUNDS } from '../map/adapter.ts';
import { COLORS } from '../map/style.ts';
import { choropleth, filterResult, indicatorContext, mapPaint } from '../state/derived.ts';
import type { AtlasStore } from '../state/store.ts';
import { appBase } from './ShareDialog.tsx';
import { useViewMemo } from './useViewMemo.ts';

export type T = ReturnType<typeof translator>;

// --- Shared helpers -------------------------------------------------------------------------

function tableFor(s: AtlasStore): ExportTable | null {
  const ctx = indicatorContext(s);
  if (!ctx) return null;
  const t = translator(s.view.lang);
  const fr = filterResult(s);
  const dims: Record<string, string> = {};
  for (const d of ['region', 'departement', 'nature', 'ti2023', 'ti2018', 'zibac', 'sprint'])
    dims[d] = t(`filters.dims.${d}`);
  return buildExportTable({
    ctx,
    indicator: s.view.indicator,
    filters: s.view.filters,
    match: fr?.match ?? null,
    lang: s.view.lang,
    labels: {
      code: s.view.level === 'ti' ? t('export.codeTi') : t('export.codeEpci'),
      name: t('export.name'),
      dims,
      yes: t('filters.inOut.in'),
      no: t('filters.inOut.out'),
      zone: t('ze.mainZone'),
    },
  });
}

/** The rows behind the current view (recomputed when the view or the data change). */
export function useExportTable(): ExportTable | null {
  return useViewMemo(tableFor);
}

export function captionFor(s: AtlasStore, date = new Date()): Caption | null {
  const ctx = indicatorContext(s);
  if (!ctx || !s.data) return null;
  const fr = filterResult(s);
  const active = s.view.filters.length > 0 && fr !== null;
  return buildCaption({
    choropleth: choropleth(s),
    ctx,
    lang: s.view.lang,
    sources: s.data.manifest.sources,
    showTi: s.view.showTi,
    filtered: active ? { count: fr.count, total: fr.match.length } : null,
    tiTint: COLORS.tiTint,
    date,
    t: translator(s.view.lang) as never,
  });
}

function isoDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function baseName(s: AtlasStore): string {
  const v = s.view;
  const gen = v.level === 'ti' ? `-ti${v.generation}` : '-epci';
  return `atlas-ti${gen}-${v.indicator ?? 'carte'}-${isoDate()}`;
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

// --- SVG ------------------------------------------------------------------------------------

export function svgFor(s: AtlasStore): string | null {
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
    topology: data.topology,
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
    footer: [caption.source, `${caption.note}. ${caption.date}`],
    lang: v.lang,
  });
}

// --- Data -----------------------------------------------------------------------------------

export function csvFor(s: AtlasStore, decimalComma: boolean): string | null {
  const table = tableFor(s);
  return table ? toCsv(table, { decimalComma }) : null;
}

export async function xlsxFor(s: AtlasStore): Promise<Blob | null> {
  const table = tableFor(s);
  if (!table || !s.data) return null;
  const t = translator(s.view.lang);
  const sheets = buildXlsxSheets(table, {
    sheetNames: { data: t('export.sheetData'), sources: t('export.sheetSources') },
    sourceHeader: [
      t('export.colColumn'),
      t('export.colTitle'),
      t('export.colProducer'),
      t('export.colYear'),
      t('export.colLicence'),
      t('export.colUrl'),
    ],
    sources: sourceRows(table.columns, s.data.manifest.sources),
    notes: [
      [t('export.exportDate'), new Date().toISOString().slice(0, 19).replace('T', ' ')],
      [t('export.permalink'), fullAppUrl(appBase(), encodeView(s.view))],
      [t('export.rows'), String(table.rows.length)],
    ],
  });
  return xlsxBlob(sheets);
}
