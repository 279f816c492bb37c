import { useEffect, useRef, useState } from 'react';
import { readEmbedFlags } from '../domain/export/embed.ts';
import type { AtlasMap } from '../map/adapter.ts';
import { loadDerived } from '../state/derived-lazy.ts';
import { useGroupsSync } from '../state/groups-sync.ts';
import { atlasDataReleased, LoadError, loadAtlasData } from '../state/load.ts';
import { useAtlas } from '../state/store.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Header } from './Header.tsx';
import { lazyComponent, useAfterFirstMap } from './lazy.tsx';
import { MapView } from './MapView.tsx';
import { MainMapContext } from './main-map.ts';
import { Notices } from './Notices.tsx';
import { useT } from './useT.ts';

// The drop zone (and the import code behind it) loads once the first map is drawn.
const ImportDropZone = lazyComponent(
  () => import('./import/ImportDropZone.tsx'),
  (m) => m.ImportDropZone,
  null,
);
// Everything that shows the data: one chunk, requested with the data (DataPanels.tsx).
const panels = () => import('./DataPanels.tsx');
const EmbedView = lazyComponent(panels, (m) => m.EmbedView);
const IndicatorPanel = lazyComponent(panels, (m) => m.IndicatorPanel);
const FilterPanel = lazyComponent(panels, (m) => m.FilterPanel, null);
const LayerControls = lazyComponent(panels, (m) => m.LayerControls, null);
const Legend = lazyComponent(panels, (m) => m.Legend, null);
const MapSummary = lazyComponent(panels, (m) => m.MapSummary, null);
const PrintSheet = lazyComponent(panels, (m) => m.PrintSheet, null);
const BasketBar = lazyComponent(panels, (m) => m.BasketBar, null);
const Panel = lazyComponent(panels, (m) => m.Panel);
/**
 * The chunk once loaded (before the data reaches the store): the URL mirror mounts in the very
 * render that shows the data, before any panel can change the view (no Suspense tick).
 */
let dataCode: Awaited<ReturnType<typeof panels>> | null = null;

/** Presentation flags, read once at start (the URL mirror rewrites the query afterwards). */
const EMBED = readEmbedFlags(window.location.search);

export function App() {
  const t = useT();
  const data = useAtlas((s) => s.data);
  const loadError = useAtlas((s) => s.loadError);
  useEffect(() => {
    // The data reaches the store with the code that reads it (both requested together, for a bare
    // address after its first map): the map colours it at once, and a link is read (UrlSync) in
    // the same render as before.
    atlasDataReleased()
      .then(() => Promise.all([loadAtlasData(), panels(), loadDerived()]))
      .then(([d, code]) => {
        dataCode = code;
        useAtlas.getState().setData(d);
        code.readLink(); // in the same task: a link's first frame has its own colours
      })
      .catch((e: unknown) => useAtlas.getState().setLoadError(e instanceof LoadError ? e.message : String(e)));
  }, []);
  const [controlsOpen, setControlsOpen] = useState(false);
  const mainMap = useRef<AtlasMap | null>(null);
  const later = useAfterFirstMap();
  useGroupsSync();
  const lang = useAtlas((s) => s.view.lang);
  useEffect(() => void (document.documentElement.lang = lang), [lang]);
  const Sync = data && dataCode;
  const sync = Sync && (
    <>
      <Sync.UrlSync />
      <Sync.UserDataSync />
    </>
  );
  if (EMBED.embed)
    return (
      <>
        {sync}
        <EmbedView interactive={EMBED.interactive} />
      </>
    );

  return (
    <MainMapContext value={mainMap}>
      <div className="app">
        <a className="skip-link" href="#panel">
          {t('app.skipToPanel')}
        </a>
        <Header />
        <Notices />
        {sync}
        {data && later && <ImportDropZone />}
        {loadError ? (
          <div className="fatal" role="alert">
            <h2>{t('app.loadError')}</h2>
            <p>
              <code>{loadError}</code>
            </p>
            <p>{t('app.loadErrorHint')}</p>
          </div>
        ) : (
          <>
            {data && (
              <>
                <button
                  type="button"
                  className="controls-toggle"
                  aria-expanded={controlsOpen}
                  aria-controls="controls"
                  onClick={() => setControlsOpen(!controlsOpen)}
                >
                  {controlsOpen ? t('app.hideControls') : t('app.showControls')}
                </button>
                <aside
                  className={`controls${controlsOpen ? ' open' : ''}`}
                  id="controls"
                  aria-label={t('layers.title')}
                >
                  <ErrorBoundary>
                    <IndicatorPanel />
                  </ErrorBoundary>
                  <ErrorBoundary>
                    <FilterPanel />
                  </ErrorBoundary>
                  <ErrorBoundary>
                    <LayerControls />
                  </ErrorBoundary>
                </aside>
              </>
            )}
            {/* The map starts while the data downloads: its style, worker and shaders overlap the fetch. */}
            <main className="map-area">
              <ErrorBoundary>
                <MapView />
              </ErrorBoundary>
              {data ? (
                <>
                  <ErrorBoundary>
                    <Legend />
                  </ErrorBoundary>
                  <MapSummary />
                </>
              ) : (
                <div className="loading map-loading" role="status">
                  {t('app.loading')}
                </div>
              )}
            </main>
            {data && (
              <>
                <PrintSheet />
                <section className="panel" id="panel" tabIndex={-1} aria-live="polite">
                  <ErrorBoundary>
                    <BasketBar />
                  </ErrorBoundary>
                  <ErrorBoundary>
                    <Panel />
                  </ErrorBoundary>
                </section>
              </>
            )}
          </>
        )}
      </div>
    </MainMapContext>
  );
}
