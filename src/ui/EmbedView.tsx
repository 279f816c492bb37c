// Embed mode (?embed=1): title, map, legend, source line and a link to the full app; nothing else.
// Height: the layout first fills the iframe (so an iframe without the host script looks right at
// its `height`), then, when framed, the map height is frozen in pixels and the content height is
// posted to the parent ({ type: 'atlas-ti:height', height }) whenever it changes (ResizeObserver),
// for src/embed/host-snippet.js to resize the iframe. No storage, no top navigation, no request
// outside the app's origin.

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { valueText } from '../domain/choropleth.ts';
import { mapSummary } from '../domain/export/caption.ts';
import { fullAppUrl, HEIGHT_MESSAGE } from '../domain/export/embed.ts';
import { encodeView } from '../domain/url.ts';
import { choropleth, filterResult, indicatorContext } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { appBase } from './app-base.ts';
import { captionFor } from './caption.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Legend } from './Legend.tsx';
import { MapView } from './MapView.tsx';
import { useLang, useT } from './useT.ts';
import { useViewMemo } from './useViewMemo.ts';
import './export.css';
import { textOf } from '../domain/text.ts';

/** The iframe's height when the app started (its `height` attribute). */
const INITIAL_HEIGHT = typeof window !== 'undefined' ? window.innerHeight : 600;
const MIN_MAP = 260;
const framed = (() => {
  try {
    return window.parent !== window;
  } catch {
    return true;
  }
})();

/** Visually hidden sentence describing the map for screen-reader users. */
export function MapSummary() {
  const t = useT();
  const lang = useLang();
  const ch = useAtlas(choropleth);
  const ctx = useAtlas(indicatorContext);
  const fr = useAtlas(filterResult);
  const active = useAtlas((s) => s.view.filters.length > 0);
  if (!ctx) return null;
  const total = fr?.match.length ?? 0;
  const text = mapSummary({
    choropleth: ch,
    ctx,
    lang,
    total,
    filtered: active && fr ? { count: fr.count } : null,
    t: t as never,
  });
  return (
    <p className="visually-hidden" data-testid="map-summary">
      {text}
    </p>
  );
}

function SelectionLine() {
  const lang = useLang();
  const t = useT();
  const sel = useAtlas((s) => s.view.selection);
  const catalog = useAtlas((s) => s.catalog);
  const ch = useAtlas(choropleth);
  const ctx = useAtlas(indicatorContext);
  if (!sel || !catalog) return null;
  const entry = sel.kind === 'epci' ? catalog.epci.get(sel.code) : catalog.ti.get(sel.code);
  if (!entry) return null;
  // The same value text as the hover tooltip (null when the selection is not on the map's level).
  const value = ch && ctx && (sel.kind === 'ti') === (ctx.level === 'ti') ? valueText(ch, sel.code, t, lang) : null;
  return (
    <p className="embed-selection" data-testid="embed-selection" aria-live="polite">
      <strong>{entry.name}</strong>
      {value && <> : {value}</>}
    </p>
  );
}

export function EmbedView({ interactive }: { interactive: boolean }) {
  const t = useT();
  const data = useAtlas((s) => s.data);
  const view = useAtlas((s) => s.view);
  const loadError = useAtlas((s) => s.loadError);
  const ch = useAtlas(choropleth);
  const root = useRef<HTMLElement>(null);
  const mapBox = useRef<HTMLDivElement>(null);
  const [mapHeight, setMapHeight] = useState<number | null>(null);
  const caption = useViewMemo(captionFor);
  const title = ch ? textOf(t, ch.indicator.label) : t('app.title');

  useEffect(() => void (document.title = `${title} — ${t('app.title')}`), [title, t]);

  // Freeze the map height once the data (hence the legend) is on screen.
  useLayoutEffect(() => {
    if (!framed || !data || mapHeight !== null || !root.current || !mapBox.current) return;
    const chrome = root.current.getBoundingClientRect().height - mapBox.current.getBoundingClientRect().height;
    setMapHeight(Math.max(MIN_MAP, Math.round((INITIAL_HEIGHT > 0 ? INITIAL_HEIGHT : 600) - chrome)));
  }, [data, mapHeight]);

  // Report the content height to the host page.
  useEffect(() => {
    const el = root.current;
    if (!framed || mapHeight === null || !el) return;
    let last = -1;
    const post = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      try {
        window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
      } catch {
        /* no parent to tell */
      }
    };
    const ro = new ResizeObserver(post);
    ro.observe(el);
    post();
    return () => ro.disconnect();
  }, [mapHeight]);

  const full = fullAppUrl(appBase(), encodeView(view));
  const frozen = mapHeight !== null;
  return (
    // The embed's one landmark: it lives inside other people's pages (axe best practices).
    <main
      ref={root}
      className={`embed${interactive ? '' : ' embed-static'}${frozen ? ' embed-frozen' : ''}`}
      data-testid="embed"
    >
      <header className="embed-head">
        <h1>{title}</h1>
        {caption && (!ch || view.filters.length > 0) && <p className="embed-sub">{caption.subtitle}</p>}
        <SelectionLine />
      </header>
      {loadError ? (
        <div className="fatal" role="alert">
          {t('app.loadError')}
        </div>
      ) : !data ? (
        <div className="loading" role="status">
          {t('app.loading')}
        </div>
      ) : (
        <>
          <div ref={mapBox} className="embed-map" style={frozen ? { height: mapHeight } : undefined}>
            <ErrorBoundary>
              <MapView interactive={interactive} />
            </ErrorBoundary>
          </div>
          <MapSummary />
          <ErrorBoundary>
            <Legend />
          </ErrorBoundary>
        </>
      )}
      <footer className="embed-foot">
        {caption && (!ch ? <span>{caption.source}. </span> : null)}
        {caption && <span>{caption.note}. </span>}
        {caption?.context.map((l) => (
          <span key={l} className="embed-context">
            {l}{' '}
          </span>
        ))}
        <a href={full} target="_blank" rel="noopener noreferrer" data-testid="embed-open-full">
          {t('share.openFull')} ↗
        </a>
      </footer>
    </main>
  );
}
