// « Exporter »: PNG of the current view (title, legend, sources, date) at a chosen size and pixel
// ratio, SVG of the choropleth for print, and the data behind the view as CSV / XLSX.
import { useId, useState } from 'react';
import type { BBox } from '../data/types.ts';
import { fullAppUrl } from '../domain/export/embed.ts';
import { type DrawItem, layoutPng } from '../domain/export/png-layout.ts';
import { encodeView } from '../domain/url.ts';
import type { translator } from '../i18n/index.ts';
import { AtlasMap } from '../map/adapter.ts';
import { FRANCE_BOUNDS } from '../map/create.ts';
import { mapPaint } from '../state/derived.ts';
import { loadDetailTopology } from '../state/load.ts';
import { useAtlas } from '../state/store.ts';
import { appBase } from './app-base.ts';
import { captionFor } from './caption.ts';
import { downloadBlob } from './download.ts';
import { baseName, csvFor, useExportTable, xlsxFor } from './export-files.ts';
import { svgFor } from './export-svg.ts';
import { useMainMap } from './main-map.ts';
import { useModal } from './useModal.ts';
import { useLang, useT } from './useT.ts';
import './export.css';

type T = ReturnType<typeof translator>;

// --- PNG ------------------------------------------------------------------------------------

const MAX_SIDE = 4096;

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
async function renderPng(width: number, height: number, ratio: number, onScreen: BBox | null): Promise<Blob> {
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
