import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type FirstViewFile, firstViewColors, topologyCodes } from '../domain/first-view.ts';
import { translator } from '../i18n/index.ts';
import { AtlasMap } from '../map/adapter.ts';
import type { MapPaint } from '../state/derived.ts';
import { derivedModule } from '../state/derived-lazy.ts';
import { atlasDataHeld, loadFirstView, loadFriches, loadTopology, releaseAtlasData } from '../state/load.ts';
import { useAtlas } from '../state/store.ts';
import { lazyComponent } from './lazy.tsx';
import { useMainMap } from './main-map.ts';
import { useT } from './useT.ts';

// The tooltip reads the classification (derived.ts): it loads with the data, not with the first map.
const Tooltip = lazyComponent(() => import('./Tooltip.tsx').then((m) => m.Tooltip), null);

export function MapView({ interactive = true }: { interactive?: boolean } = {}) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [step, setStep] = useState<{ kind: 'epci' | 'ti'; code: string; index: number; total: number } | null>(null);
  const catalog = useAtlas((s) => s.catalog);
  const noMatch = useAtlas((s) => s.view.filters.length > 0 && derivedModule()?.filterResult(s)?.count === 0);
  const data = useAtlas((s) => s.data);
  const mainMap = useMainMap();
  const atlasRef = useRef<AtlasMap | null>(null);

  // The map and its style start at once, while the data downloads (setData below).
  useLayoutEffect(() => {
    if (!container.current) return;
    let atlas: AtlasMap;
    const store = useAtlas;
    try {
      atlas = new AtlasMap(
        container.current,
        store.getState().data,
        {
          onHover: (h) => store.getState().setHover(h),
          onSite: (site) => store.getState().site !== site && store.getState().setSite(site),
          onClick: (target) => store.getState().select(target),
          onStep: setStep,
          onMove: (v) => {
            const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
            const viewport = { lon: round(v.lon, 4), lat: round(v.lat, 4), zoom: round(v.zoom, 2) };
            const cur = store.getState().view.viewport;
            if (!cur || cur.lon !== viewport.lon || cur.lat !== viewport.lat || cur.zoom !== viewport.zoom)
              store.getState().setView({ viewport });
          },
          onReady: () => {
            ready = true;
            painted = null; // anything "painted" before the style was ready was not applied
            sync();
            syncFriches();
            const vp = store.getState().view.viewport;
            if (vp) atlas.jumpTo(vp);
            atlas.setGroups(store.getState().view.groups);
            if (mainMap) mainMap.current = atlas;
            container.current?.setAttribute('data-ready', 'true');
          },
        },
        { interactive },
      );
    } catch {
      setFailed(true);
      releaseAtlasData(); // no map to wait for: the panels still need the data
      return;
    }
    atlasRef.current = atlas;
    // A bare address: the first map draws from the topology and first-view.json, before the data.
    let firstView: { file: FirstViewFile; codes: string[]; paint: MapPaint | null } | null = null;
    if (!store.getState().data && atlasDataHeld())
      Promise.all([loadTopology(), loadFirstView()]).then(
        ([topology, file]) => {
          firstView = { file, codes: topologyCodes(topology), paint: null };
          atlas.setTopology(topology);
        },
        releaseAtlasData, // the data's own load reports the error, or draws the map without this file
      );
    const firstViewPaint = (s: ReturnType<typeof store.getState>): MapPaint | null => {
      if (!firstView || s.data) return null;
      const colors = firstViewColors(firstView.file, s.view, firstView.codes);
      if (!colors) releaseAtlasData(); // a view the file was not made for: its colours need the data
      firstView.paint ??= colors && { kind: 'epci', colors, dim: null };
      return colors && firstView.paint;
    };
    let painted: MapPaint | null = null;
    let ready = false,
      marked = false;
    const sync = () => {
      const s = store.getState();
      atlas.setLayers(s.view);
      atlas.setSelected(s.view.selection);
      atlas.setBasket(s.view.basket);
      const paint = derivedModule()?.mapPaint(s) ?? firstViewPaint(s);
      if (paint !== painted) {
        // Clear the previous level's colours when the level or generation changes.
        if (painted && painted.kind !== paint?.kind) atlas.setChoropleth(painted.kind, null, null);
        if (paint) atlas.setChoropleth(paint.kind, paint.colors, paint.dim);
        painted = paint;
      }
      if (ready && !marked && (s.data || paint)) {
        marked = true;
        // Measured by `npm run bench`: navigation → first map drawn with its colours. The data
        // held back for it (a bare address) loads from then on.
        atlas.map.once('idle', () => {
          // The canvas shows from this frame on (app.css): the empty frames before it are never
          // composited, which spares each of them a read-back of the canvas.
          container.current?.setAttribute('data-drawn', '');
          performance.mark('atlas:first-map');
          releaseAtlasData();
        });
      }
    };
    let frichesRequested = false;
    const syncFriches = () => {
      const layer = store.getState().view.friches;
      if (layer && !frichesRequested) {
        frichesRequested = true;
        loadFriches()
          .then((points) => atlas.setFriches(points, store.getState().view.friches))
          .catch(() =>
            store.getState().notify(`${translator(store.getState().view.lang)('app.loadError')} (friches.json)`),
          );
      } else atlas.setFriches(null, layer);
    };
    const unsub = store.subscribe((s, prev) => {
      // The map gets its data before React renders the panels: the worker tiles meanwhile.
      if (s.data && !prev.data) {
        atlas.setData(s.data);
        if (ready) sync();
      }
      if (s.view === prev.view && s.legendHover === prev.legendHover && s.userIndicators === prev.userIndicators)
        return;
      sync();
      // A viewport that did not come from the map itself (a link read after the map started, back/forward).
      const vp = s.view.viewport;
      if (vp && vp !== prev.view.viewport && !atlas.shows(vp)) atlas.jumpTo(vp);
      if (s.view.friches !== prev.view.friches) syncFriches();
      if (s.view.groups !== prev.view.groups) atlas.setGroups(s.view.groups);
      const sel = s.view.selection;
      if (sel && (sel.kind !== prev.view.selection?.kind || sel.code !== prev.view.selection?.code)) {
        const cat = s.catalog!;
        const box =
          sel.kind === 'epci' ? (cat.epci.get(sel.code) ?? cat.ept.get(sel.code))?.bbox : cat.ti.get(sel.code)?.bbox;
        if (box && s.view.viewport === prev.view.viewport) atlas.fitTo(box);
      }
    });
    return () => {
      unsub();
      atlas.destroy();
      atlasRef.current = null;
      if (mainMap?.current === atlas) mainMap.current = null;
    };
  }, [mainMap, interactive]);
  useEffect(() => {
    if (data) atlasRef.current?.setData(data);
  }, [data]);

  if (failed)
    return (
      <div className="fatal" role="alert">
        {t('app.mapError')}
      </div>
    );
  const stepName = step ? (step.kind === 'epci' ? catalog?.epci.get(step.code) : catalog?.ti.get(step.code))?.name : '';
  return (
    <div className="map-wrap">
      <div
        ref={container}
        className="map"
        data-testid="map"
        role="application"
        aria-label={t('app.title')}
        aria-describedby={interactive ? 'map-keys' : undefined}
      />
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
