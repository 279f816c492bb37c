// « Exporter »: PNG of the current view (title, legend, sources, date) at a chosen size and pixel
// ratio, SVG of the choropleth for print, and the data behind the view as CSV / XLSX.
// Also the « Tableau » dialog: the same rows as a sortable table (accessible alternative to the map).
import { useId, useMemo, useState } from 'react';
import type { Topology } from 'topojson-specification';
import { loadDetailTopology } from '../data/load.ts';
import type { BBox } from '../data/types.ts';
import { buildCaption, type Caption } from '../domain/export/caption.ts';
import { toCsv } from '../domain/export/csv.ts';
import { fullAppUrl } from '../domain/export/embed.ts';
import { type DrawItem, layoutPng } from '../domain/export/png-layout.ts';
import { buildSvg } from '../domain/export/svg.ts';
import { buildExportTable, type ExportCell, type ExportTable, sourceRows } from '../domain/export/table.ts';
import { buildXlsxSheets, xlsxBlob } from '../domain/export/xlsx.ts';
import { formatNumber } from '../domain/format.ts';
import { encodeView } from '../domain/url.ts';
import type { Lang } from '../domain/view.ts';
import { translator } from '../i18n/index.ts';
import { AtlasMap, FRANCE_BOUNDS } from '../map/adapter.ts';
import { COLORS } from '../map/style.ts';
import { choropleth, filterResult, indicatorContext, mapPaint } from '../state/derived.ts';
import { type AtlasStore, useAtlas } from '../state/store.ts';
import { captionFor } from './caption.ts';
import { downloadBlob } from './download.ts';
import { useMainMap } from './main-map.ts';
import { appBase } from './ShareDialog.tsx';
import { useModal } from './useModal.ts';
import { useLang, useT } from './useT.ts';
import './export.css';

type T = ReturnType<typeof translator>;

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
  const data = useAtlas((s) => s.data);
  const view = useAtlas((s) => s.view);
  return useMemo(() => tableFor(useAtlas.getState()), [data, view]);
}

function isoDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function baseName(s: AtlasStore): string {
  const v = s.view;
  const gen = v.level === 'ti' ? `-ti${v.generation}` : '-epci';
  return `atlas-ti${gen}-${v.indicator ?? 'carte'}-${isoDate()}`;
}

// --- PNG ------------------------------------------------------------------------------------

export const MAX_SIDE = 4096;

/** West edge of the DROM insets (geo/drom-insets.json: boxes from −10.6° to −7°). */
const INSETS_EAST = -7;

function insetsVisible(frame: BBox | null): boolean {
  return !frame || frame[0] < INSETS_EAST;
}

function paintItems(g: CanvasRenderingContext2D, items: DrawItem[]): void {
  g.textBaseline = 'top';
  for (const it of items) {
    if (it.kind === 'text') {
      g.font = it.font;
      g.fillStyle = it.color;
      g.fillText(it.text, it.x, it.y);
      continue;
    }
    if (it.fill) {
      g.fillStyle = it.fill;
      g.fillRect(it.x, it.y, it.w, it.h);
    }
    if (it.hatch) {
      g.save();
      g.beginPath();
      g.rect(it.x, it.y, it.w, it.h);
      g.clip();
      g.strokeStyle = '#bbbbbb';
      g.lineWidth = 1;
      g.beginPath();
      for (let d = -it.h; d < it.w; d += 4) {
        g.moveTo(it.x + d, it.y + it.h);
        g.lineTo(it.x + d + it.h, it.y);
      }
      g.stroke();
      g.restore();
    }
    if (it.stroke) {
      g.strokeStyle = it.stroke;
      g.lineWidth = 1;
      g.strokeRect(it.x + 0.5, it.y + 0.5, it.w - 1, it.h - 1);
    }
  }
}

/**
 * Renders the current view into a PNG of width × height CSS px at `ratio`. The map is drawn by
 * a second, hidden MapLibre map sized to the map area of the layout (same layers, colours,
 * filters, selection and framing), so the visible map is never disturbed and the output has
 * exactly the requested pixels; title, legend and footer are drawn with canvas text.
 */
export async function renderPng(width: number, height: number, ratio: number, onScreen: BBox | null): Promise<Blob> {
  const s = useAtlas.getState();
  // Same framing as on screen when the user moved the map, else France.
  const frame = s.view.viewport ? onScreen : null;
  const data = s.data;
  const caption = captionFor(s);
  if (!data || !caption) throw new Error('no data');
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('canvas 2D unavailable');
  const measure = (text: string, font: string) => {
    g.font = font;
    return g.measureText(text).width;
  };
  const layout = layoutPng({
    width,
    height,
    measure,
    title: caption.title,
    subtitle: caption.subtitle,
    legendTitle: caption.legendTitle,
    legend: caption.legend,
    // The inset note only when the insets are in the frame (France view or a view reaching them).
    footer: [
      ...caption.context,
      caption.source,
      insetsVisible(frame) ? `${caption.note}. ${caption.date}` : caption.date,
      fullAppUrl(appBase(), encodeView(s.view)),
    ],
  });
  const { map: rect } = layout;

  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${rect.w}px;height:${rect.h}px;pointer-events:none;`;
  document.body.appendChild(host);
  let atlas: AtlasMap | null = null;
  try {
    atlas = await new Promise<AtlasMap>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('map timeout')), 45_000);
      const m: AtlasMap = new AtlasMap(
        host,
        data,
        {
          onHover: () => {},
          onClick: () => {},
          onMove: () => {},
          onReady: () => {
            clearTimeout(timer);
            resolve(m);
          },
        },
        { interactive: false, preserveDrawingBuffer: true },
      );
      m.map.setPixelRatio(ratio);
    });
    const v = s.view;
    atlas.setLayers(v);
    atlas.setSelected(v.selection);
    const paint = mapPaint({ ...s, legendHover: null });
    if (paint) atlas.setChoropleth(paint.kind, paint.colors, paint.dim);
    if (frame) {
      atlas.map.fitBounds(
        [
          [frame[0], frame[1]],
          [frame[2], frame[3]],
        ],
        { padding: 0, duration: 0 },
      );
    } else {
      atlas.map.fitBounds(
        [
          [FRANCE_BOUNDS[0], FRANCE_BOUNDS[1]],
          [FRANCE_BOUNDS[2], FRANCE_BOUNDS[3]],
        ],
        { padding: 16, duration: 0 },
      );
    }
    await atlas.whenIdle();
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.scale(ratio, ratio);
    await atlas.drawTo(g, rect.x, rect.y, rect.w, rect.h);
    paintItems(g, layout.items);
  } finally {
    atlas?.destroy();
    host.remove();
  }
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
  );
}

// --- SVG ------------------------------------------------------------------------------------

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

// --- Data -----------------------------------------------------------------------------------

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

// --- Accessible table -----------------------------------------------------------------------

type Sort = { col: number; dir: 'ascending' | 'descending' } | null;

function compareCells(a: ExportCell, b: ExportCell, lang: Lang): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), lang, { numeric: true, sensitivity: 'base' });
}

export function DataTable({
  table,
  caption,
  onOpen,
}: {
  table: ExportTable;
  caption: string;
  /** Opens a row's profile (Enter or a click on the row); rows are then focusable. */
  onOpen?: (code: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const [sort, setSort] = useState<Sort>(null);
  const rows = useMemo(() => {
    if (!sort) return table.rows;
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return [...table.rows].sort((x, y) => {
      const a = x[sort.col],
        b = y[sort.col];
      // Missing values stay at the bottom whatever the direction.
      if (a === null || b === null) return compareCells(a, b, lang);
      return sign * compareCells(a, b, lang);
    });
  }, [table, sort, lang]);
  const toggle = (col: number) =>
    setSort((s) =>
      s?.col === col
        ? { col, dir: s.dir === 'ascending' ? 'descending' : 'ascending' }
        : { col, dir: table.columns[col].type === 'number' ? 'descending' : 'ascending' },
    );
  const cell = (v: ExportCell, i: number) => {
    const c = table.columns[i];
    if (v === null) return t('noData');
    return typeof v === 'number' ? formatNumber(v, { lang, decimals: c.decimals }) : v;
  };
  return (
    <div className="data-table-wrap">
      <table className="data-table" data-testid="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort?.col === i ? sort.dir : 'none'}
                className={c.type === 'number' ? 'num' : undefined}
              >
                <button type="button" onClick={() => toggle(i)} title={t('export.sortBy', { column: c.label })}>
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort?.col === i ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={String(r[0])}
              tabIndex={onOpen ? 0 : undefined}
              onClick={onOpen ? () => onOpen(String(r[0])) : undefined}
              onKeyDown={
                onOpen
                  ? (e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onOpen(String(r[0]));
                      }
                    }
                  : undefined
              }
            >
              {r.map((v, i) =>
                i === 1 ? (
                  <th key={i} scope="row">
                    {cell(v, i)}
                  </th>
                ) : (
                  <td key={i} className={table.columns[i].type === 'number' ? 'num' : undefined}>
                    {cell(v, i)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TableDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const ref = useModal();
  const id = useId();
  const table = useExportTable();
  const data = useAtlas((s) => s.data);
  const view = useAtlas((s) => s.view);
  const caption = useMemo(() => captionFor(useAtlas.getState()), [data, view]);
  return (
    <dialog
      ref={ref}
      className="dialog table-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={onClose}
      data-testid="table-dialog"
    >
      <h2 id={`${id}-title`}>{t('export.tableTitle')}</h2>
      {caption && (
        <p className="hint">
          {caption.title} · {caption.subtitle}
        </p>
      )}
      {table && (
        <DataTable
          table={table}
          caption={t('export.tableCaption', { count: table.rows.length })}
          onOpen={(code) => {
            useAtlas.getState().select({ kind: code.includes(':') ? 'ti' : 'epci', code });
            onClose();
          }}
        />
      )}
      <form method="dialog" className="dialog-actions">
        <button type="submit">{t('panel.close')}</button>
      </form>
    </dialog>
  );
}

// --- Dialog ---------------------------------------------------------------------------------

const PRESETS = [
  { id: '1200x800', w: 1200, h: 800 },
  { id: '1600x1000', w: 1600, h: 1000 },
  { id: '1080x1080', w: 1080, h: 1080 },
  { id: '1000x1250', w: 1000, h: 1250 },
];

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const t: T = useT();
  const lang = useLang();
  const ref = useModal();
  const id = useId();
  const mainMap = useMainMap();
  const table = useExportTable();
  const level = useAtlas((s) => s.view.level);
  const [preset, setPreset] = useState('1200x800');
  const [custom, setCustom] = useState({ w: 1400, h: 900 });
  const [ratio, setRatio] = useState(1);
  const [decimalComma, setDecimalComma] = useState(lang === 'fr');
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'error'; text: string } | null>(null);
  const size = preset === 'custom' ? custom : PRESETS.find((p) => p.id === preset)!;
  const tooBig = size.w * ratio > MAX_SIDE || size.h * ratio > MAX_SIDE || size.w < 300 || size.h < 300;
  const unit = level === 'ti' ? t('filters.unitTi') : t('filters.unitEpci');

  const run = async (task: () => Promise<void>, busy?: string) => {
    setStatus(busy ? { kind: 'busy', text: busy } : null);
    try {
      await task();
      setStatus({ kind: 'done', text: t('export.done') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('export.failed', { reason: (e as Error).message }) });
    }
  };
  const png = () =>
    run(async () => {
      const blob = await renderPng(size.w, size.h, ratio, mainMap?.current?.visibleBounds() ?? null);
      downloadBlob(blob, `${baseName(useAtlas.getState())}-${size.w}x${size.h}@${ratio}x.png`);
    }, t('export.preparing'));
  const svg = () =>
    run(async () => {
      const s = svgFor(useAtlas.getState(), await loadDetailTopology());
      if (s)
        downloadBlob(new Blob([s], { type: 'image/svg+xml;charset=utf-8' }), `${baseName(useAtlas.getState())}.svg`);
    });
  const csv = () =>
    run(async () => {
      const s = csvFor(useAtlas.getState(), decimalComma);
      if (s) downloadBlob(new Blob([s], { type: 'text/csv;charset=utf-8' }), `${baseName(useAtlas.getState())}.csv`);
    });
  const xlsx = () =>
    run(async () => {
      const b = await xlsxFor(useAtlas.getState());
      if (b) downloadBlob(b, `${baseName(useAtlas.getState())}.xlsx`);
    });
  const busy = status?.kind === 'busy';

  return (
    <dialog
      ref={ref}
      className="dialog export-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={onClose}
      data-testid="export-dialog"
    >
      <h2 id={`${id}-title`}>{t('export.title')}</h2>
      <section className="export-section">
        <h3>{t('export.image')}</h3>
        <p className="hint">{t('export.imageHint')}</p>
        <div className="form-grid">
          <label className="field">
            <span>{t('export.size')}</span>
            <select value={preset} onChange={(e) => setPreset(e.target.value)} data-testid="png-size">
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.w} × {p.h}
                </option>
              ))}
              <option value="custom">{t('export.custom')}</option>
            </select>
          </label>
          {preset === 'custom' && (
            <>
              <label className="field">
                <span>{t('export.width')}</span>
                <input
                  type="number"
                  min={300}
                  max={MAX_SIDE}
                  step={10}
                  value={custom.w}
                  onChange={(e) => setCustom({ ...custom, w: Number(e.target.value) })}
                  data-testid="png-width"
                />
              </label>
              <label className="field">
                <span>{t('export.height')}</span>
                <input
                  type="number"
                  min={300}
                  max={MAX_SIDE}
                  step={10}
                  value={custom.h}
                  onChange={(e) => setCustom({ ...custom, h: Number(e.target.value) })}
                  data-testid="png-height"
                />
              </label>
            </>
          )}
          <fieldset className="field">
            <legend>{t('export.ratio')}</legend>
            <div className="field-row">
              {[1, 2].map((r) => (
                <label key={r} className="radio">
                  <input
                    type="radio"
                    name={`${id}-ratio`}
                    checked={ratio === r}
                    onChange={() => setRatio(r)}
                    data-testid={`png-ratio-${r}`}
                  />{' '}
                  {r}×
                </label>
              ))}
            </div>
            <span className="hint">{t('export.ratioHint')}</span>
          </fieldset>
        </div>
        {tooBig && <p className="error">{t('export.tooBig', { max: MAX_SIDE })}</p>}
        <p className="hint">{t('export.output', { w: Math.round(size.w * ratio), h: Math.round(size.h * ratio) })}</p>
        <button type="button" className="primary" disabled={busy || tooBig} onClick={png} data-testid="png-download">
          {t('export.png')}
        </button>
      </section>
      <section className="export-section">
        <h3>{t('export.svg')}</h3>
        <p className="hint">{t('export.svgHint')}</p>
        <button type="button" disabled={busy} onClick={svg} data-testid="svg-download">
          {t('export.svgButton')}
        </button>
      </section>
      <section className="export-section">
        <h3>{t('export.data')}</h3>
        <p className="hint">{t('export.dataHint', { count: table?.rows.length ?? 0, unit })}</p>
        <label className="check">
          <input
            type="checkbox"
            checked={decimalComma}
            onChange={(e) => setDecimalComma(e.target.checked)}
            data-testid="csv-decimal-comma"
          />{' '}
          {t('export.decimalComma')}
        </label>
        <div className="copy-row">
          <button type="button" disabled={busy || !table} onClick={csv} data-testid="csv-download">
            {t('export.csv')}
          </button>
          <button type="button" disabled={busy || !table} onClick={xlsx} data-testid="xlsx-download">
            {t('export.xlsx')}
          </button>
        </div>
      </section>
      <p
        className={`export-status${status?.kind === 'error' ? ' error' : ''}`}
        role="status"
        aria-live="polite"
        data-testid="export-status"
      >
        {status?.text ?? ''}
      </p>
      <form method="dialog" className="dialog-actions">
        <button type="submit">{t('panel.close')}</button>
      </form>
    </dialog>
  );
}
