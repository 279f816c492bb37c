// The rows behind the view and their files (CSV, XLSX), with the view described in words and the
// permalink; file names for every export.
import { toCsv } from '../domain/export/csv.ts';
import { fullAppUrl } from '../domain/export/embed.ts';
import { buildExportTable, type ExportTable, sourceRows } from '../domain/export/table.ts';
import { buildXlsxSheets, xlsxBlob } from '../domain/export/xlsx.ts';
import { encodeView } from '../domain/url.ts';
import { translator } from '../i18n/index.ts';
import { filterResult, indicatorContext } from '../state/derived.ts';
import type { AtlasStore } from '../state/store.ts';
import { appBase } from './app-base.ts';
import { captionFor } from './caption.ts';
import { useViewMemo } from './useViewMemo.ts';

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
    t,
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

function isoDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function baseName(s: AtlasStore): string {
  const v = s.view;
  const gen = v.level === 'ti' ? `-ti${v.generation}` : '-epci';
  return `atlas-ti${gen}-${v.indicator ?? 'carte'}-${isoDate()}`;
}

/** What the exported rows are, in words: the same text as the map's caption, plus the permalink. */
function viewLines(s: AtlasStore): string[] {
  const c = captionFor(s);
  if (!c) return [];
  const t = translator(s.view.lang);
  return [
    `${c.title} · ${c.subtitle}`,
    ...c.context,
    c.source,
    c.date,
    `${t('export.permalink')} : ${fullAppUrl(appBase(), encodeView(s.view))}`,
  ];
}

export function csvFor(s: AtlasStore, decimalComma: boolean): string | null {
  const table = tableFor(s);
  return table ? toCsv(table, { decimalComma, preamble: viewLines(s) }) : null;
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
    sources: sourceRows(table.columns, s.data.manifest.sources, t('sources.toConfirm')),
    notes: [
      ...viewLines(s).map((l, i): [string, string] => [i === 0 ? t('context.state') : '', l]),
      [t('export.exportDate'), new Date().toISOString().slice(0, 19).replace('T', ' ')],
      [t('export.permalink'), fullAppUrl(appBase(), encodeView(s.view))],
      [t('export.rows'), String(table.rows.length)],
    ],
  });
  return xlsxBlob(sheets);
}
