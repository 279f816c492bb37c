// The map bound to the store: the map adapter, its container, and the subscription that keeps it
// in step with the view. Outside React, so that the main map can start before React (map-boot.ts);
// MapView adopts a session or starts its own (phone layout, embed).
import { type FirstViewFile, firstViewColors } from '../domain/first-view.ts';
import { translator } from '../i18n/index.ts';
import { AtlasMap } from '../map/adapter.ts';
import type { MapPaint } from '../state/derived.ts';
import { derivedModule } from '../state/derived-lazy.ts';
import { heldFirstView, loadFriches, releaseAtlasData } from '../state/load.ts';
import { useAtlas } from '../state/store.ts';

export type MapStep = { kind: 'epci' | 'ti'; code: string; index: number; total: number } | null;

export class MapSession {
  readonly atlas: AtlasMap;
  /** The map's own element (`data-testid="map"`): MapView places it in the page. */
  readonly container: HTMLDivElement;
  /**
   * Resolves once the style and the layers are in (the worker loads the first tiles): map-boot.ts
   * lets React render, MapView hands the adapter to the PNG export.
   */
  readonly ready: Promise<AtlasMap>;
  /** Keyboard stepping (MapView shows it). */
  onStep: (step: MapStep) => void = () => undefined;
  private unsubscribe: () => void = () => undefined;

  /**
   * Starts the map in a new element at the end of `parent` (the map takes its first size from it).
   * Throws when MapLibre cannot start (no WebGL): the caller shows the error.
   */
  constructor(parent: HTMLElement, interactive: boolean) {
    const container = document.createElement('div');
    container.className = 'map';
    container.dataset.testid = 'map';
    container.setAttribute('role', 'application');
    parent.append(container);
    this.container = container;
    let resolveReady: (atlas: AtlasMap) => void = () => undefined;
    this.ready = new Promise((resolve) => (resolveReady = resolve));
    const store = useAtlas;
    let painted: MapPaint | null = null;
    let ready = false,
      marked = false;
    // A bare address, or a link that names only its indicator: the first map draws from the tiles
    // and its first-view file, before the data (and before the link is read with it; map-boot.ts).
    const held = store.getState().data ? null : heldFirstView();
    let firstView: { file: FirstViewFile; paint: MapPaint | null } | null = null;
    const firstViewPaint = (s: ReturnType<typeof store.getState>): MapPaint | null => {
      if (!firstView || !held || s.data) return null;
      const colors = firstViewColors(firstView.file, held.view);
      if (!colors) releaseAtlasData(); // a view the file was not made for: its colours need the data
      firstView.paint ??= colors && { kind: 'epci', colors, dim: null };
      return colors && firstView.paint;
    };
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
          container.setAttribute('data-drawn', '');
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
    let atlas: AtlasMap;
    try {
      atlas = new AtlasMap(
        container,
        store.getState().data,
        {
          onHover: (h) => store.getState().setHover(h),
          onSite: (site) => store.getState().site !== site && store.getState().setSite(site),
          onClick: (target) => store.getState().select(target),
          onStep: (step) => this.onStep(step),
          onTilesError: (files) =>
            store.getState().notify(translator(store.getState().view.lang)('map.tilesError', { files })),
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
            resolveReady(atlas);
            container.setAttribute('data-ready', 'true');
          },
        },
        { interactive },
      );
    } catch (e) {
      container.remove();
      throw e;
    }
    this.atlas = atlas;
    held?.file.then(
      (file) => {
        firstView = { file, paint: null };
        if (ready) sync();
      },
      releaseAtlasData, // the data's own load reports the error, or draws the map without this file
    );
    this.unsubscribe = store.subscribe((s, prev) => {
      // The map gets its data (labels, insets) before React renders the panels.
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
  }

  dispose(): void {
    this.unsubscribe();
    this.atlas.destroy();
    this.container.remove();
  }
}
