import { useEffect, useRef, useState } from 'react';
import { LoadError, loadAtlasData } from '../data/load.ts';
import { readEmbedFlags } from '../domain/export/embed.ts';
import type { AtlasMap } from '../map/adapter.ts';
import { useGroupsSync } from '../state/groups-sync.ts';
import { useAtlas } from '../state/store.ts';
import { useUrlSync } from '../state/url-sync.ts';
import { useUserDataSync } from '../state/user-data-sync.ts';
import { BasketBar } from './ComparePanel.tsx';
import { EmbedView, MapSummary } from './EmbedView.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { Header } from './Header.tsx';
import { IndicatorPanel } from './IndicatorPanel.tsx';
import { LayerControls } from './LayerControls.tsx';
import { Legend } from './Legend.tsx';
import { lazyComponent, useAfterFirstMap } from './lazy.tsx';
import { MapView } from './MapView.tsx';
import { MainMapContext } from './main-map.ts';
import { Notices } from './Notices.tsx';
import { Panel } from './Panel.tsx';
import { PrintSheet } from './PrintSheet.tsx';
import { useT } from './useT.ts';

// The drop zone (and the import code behind it) loads once the first map is drawn.
const ImportDropZone = lazyComponent(() => import('./import/ImportDropZone.tsx').then((m) => m.ImportDropZone), null);

/** Presentation flags, read once at start (the URL mirror rewrites the query afterwards). */
const EMBED = readEmbedFlags(window.location.search);

export function App() {
  const t = useT();
  const data = useAtlas((s) => s.data);
  const loadError = useAtlas((s) => s.loadError);
  useEffect(() => {
    loadAtlasData()
      .then((d) => useAtlas.getState().setData(d))
      .catch((e: unknown) => useAtlas.getState().setLoadError(e instanceof LoadError ? e.message : String(e)));
  }, []);
  const [controlsOpen, setControlsOpen] = useState(false);
  const mainMap = useRef<AtlasMap | null>(null);
  const later = useAfterFirstMap();
  useUrlSync();
  useGroupsSync();
  useUserDataSync();
  const lang = useAtlas((s) => s.view.lang);
  useEffect(() => void (document.documentElement.lang = lang), [lang]);
  if (EMBED.embed) return <EmbedView interactive={EMBED.interactive} />;

  return (
    <MainMapContext value={mainMap}>
      <div className="app">
        <a className="skip-link" href="#panel">
          {t('app.skipToPanel')}
        </a>
        <Header />
        <Notices />
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
