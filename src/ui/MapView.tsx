import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { derivedModule } from '../state/derived-lazy.ts';
import { releaseAtlasData } from '../state/load.ts';
import { useAtlas } from '../state/store.ts';
import { lazyComponent } from './lazy.tsx';
import { useMainMap } from './main-map.ts';
import { takeBootedMap } from './map-boot.ts';
import { MapSession, type MapStep } from './map-session.ts';
import { useT } from './useT.ts';

// The tooltip reads the classification (derived.ts): it loads with the data, not with the first map.
const Tooltip = lazyComponent(
  () => import('./Tooltip.tsx'),
  (m) => m.Tooltip,
  null,
);

export function MapView({ interactive = true }: { interactive?: boolean } = {}) {
  const t = useT();
  const wrap = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [step, setStep] = useState<MapStep>(null);
  const catalog = useAtlas((s) => s.catalog);
  const noMatch = useAtlas((s) => s.view.filters.length > 0 && derivedModule()?.filterResult(s)?.count === 0);
  const data = useAtlas((s) => s.data);
  const mainMap = useMainMap();
  const sessionRef = useRef<MapSession | null>(null);

  // A layout effect: the map started before React (map-boot.ts) is in its place before the first
  // paint; a map started here starts in the same commit.
  useLayoutEffect(() => {
    if (!wrap.current) return;
    let session = interactive ? takeBootedMap() : null;
    try {
      session ??= new MapSession(wrap.current, interactive);
    } catch {
      setFailed(true);
      releaseAtlasData(); // no map to wait for: the panels still need the data
      return;
    }
    wrap.current.prepend(session.container); // before the keyboard help and messages
    const s = session;
    sessionRef.current = s;
    s.onStep = setStep;
    // The session follows the store itself (its data included); the export gets its adapter.
    s.ready.then((atlas) => {
      if (mainMap && sessionRef.current === s) mainMap.current = atlas;
    });
    return () => {
      s.dispose();
      sessionRef.current = null;
      if (mainMap?.current === s.atlas) mainMap.current = null;
    };
  }, [mainMap, interactive]);
  // The map's element is the session's: its name and keyboard help are set here.
  useEffect(() => {
    const el = sessionRef.current?.container;
    if (!el) return;
    el.setAttribute('aria-label', t('app.title'));
    if (interactive) el.setAttribute('aria-describedby', 'map-keys');
  }, [t, interactive]);

  if (failed)
    return (
      <div className="fatal" role="alert">
        {t('app.mapError')}
      </div>
    );
  const stepName = step ? (step.kind === 'epci' ? catalog?.epci.get(step.code) : catalog?.ti.get(step.code))?.name : '';
  return (
    <div className="map-wrap" ref={wrap}>
      {/* A still map (embed with interactive=0) takes no keys: no keyboard help over it. */}
      {interactive && (
        <p id="map-keys" className="map-keys">
          {t('map.keys')}
        </p>
      )}
      <p className={step ? 'map-step' : 'sr-only'} aria-live="polite" data-testid="map-step">
        {step ? t('map.step', { name: stepName ?? step.code, index: step.index + 1, total: step.total }) : ''}
      </p>
      {noMatch && (
        <p className="map-message" role="status" data-testid="map-no-match">
          {t('map.noMatch')}
          <button type="button" onClick={() => useAtlas.getState().setView({ filters: [] })}>
            {t('filters.reset')}
          </button>
        </p>
      )}
      {data && <Tooltip />}
    </div>
  );
}
