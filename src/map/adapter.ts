// The atlas map as the UI sees it; src/map alone talks to MapLibre (creation, layers, paint, friches,
// keys: next to this file). Geometry is added once; colours, filters, hover and selection then go
// through feature-state and layout properties.
import type * as maplibregl from 'maplibre-gl';
import { TILED_SOURCES } from '../data/tiles.ts';
import type { BBox, Generation } from '../data/types.ts';
import type { FrichePoints } from '../domain/fields.ts';
import { parseTiKey } from '../domain/ti-key.ts';
import type { FricheLayer, Level } from '../domain/view.ts';
import type { AtlasData } from '../state/load.ts';
import { bindMapState, nextFrame } from './capture.ts';
import { createMap, FRANCE_BOUNDS, FRANCE_PADDING, showsViewport } from './create.ts';
import { type SiteUnderPointer, setFrichesLayer, siteAt } from './friches-layer.ts';
import { groupsGeoJSON } from './groups-layer.ts';
import { bindStepKeys, stepIndex, territoriesInView } from './keyboard.ts';
import {
  addBaseLayers,
  insetFrames,
  SOURCE,
  sameTarget,
  setLayerVisibility,
  type Target,
  targetOf,
  targetOfCode,
} from './layers.ts';
import { type PaintedStates, paintLand, paintStates } from './paint.ts';

export interface MapCallbacks {
  onHover(target: { kind: 'epci' | 'ti'; code: string; x: number; y: number } | null): void;
  /** A Cartofriches site under the pointer (properties of the point), or null. */
  onSite?(site: SiteUnderPointer | null): void;
  onClick(target: { kind: 'epci' | 'ti'; code: string } | null): void;
  onMove(view: { lon: number; lat: number; zoom: number }): void;
  onReady(): void;
  /** A tiled source's tiles could not be loaded (`tiles/<source>`): the map misses those outlines. */
  onTilesError?(file: string): void;
  /** Keyboard stepping (« N ») reached a territory: its place in the list of those in view. */
  onStep?(step: { kind: 'epci' | 'ti'; code: string; index: number; total: number } | null): void;
}

export class AtlasMap {
  readonly map: maplibregl.Map;
  private level: Level = 'epci';
  private generation: Generation = '2023';
  private showTi = true;
  private outlines = { departements: false, regions: false };
  private hovered: Target | null = null;
  private selected: Target | null = null;
  private colored = { epci: false, ti: false };
  private lastStates = new Map<string, PaintedStates>();
  private styleLoaded = false;
  private initialised = false;
  /** Set once the layers left out of the first frame (labels, insets, régions) are in. */
  private complete = false;
  private firstFrameDrawn = false;
  /** Who framed the map: France (refit on resize), the user, or the link's viewport (kept). */
  private framing: 'france' | 'user' | 'link' = 'france';
  private quietMove = false;
  private stepped: Target | null = null;

  /** `data` may come later (setData): the map, its style and its tiles load meanwhile. */
  constructor(
    private container: HTMLElement,
    private data: AtlasData | null,
    private cb: MapCallbacks,
    opts: { interactive?: boolean; preserveDrawingBuffer?: boolean } = {},
  ) {
    this.map = createMap(container, opts);
    this.bindFraming(); // from the start: the map may change size before its style loads
    this.map.on('error', (e) => {
      const source = (e as { sourceId?: string }).sourceId;
      if (source && (TILED_SOURCES as readonly string[]).includes(source)) this.tilesFailed(source);
    });
    this.map.on('load', () => {
      // The attribution starts folded (the "i" button opens it); the sources are under the map.
      container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
      this.styleLoaded = true;
      this.init();
    });
  }

  /** The data, when it arrives after the map was created. */
  setData(data: AtlasData): void {
    if (this.data) return;
    this.data = data;
    if (this.firstFrameDrawn) this.addRest();
  }

  private init(): void {
    if (!this.styleLoaded || this.initialised) return;
    this.initialised = true;
    const container = this.container;
    this.addLayers();
    this.bindEvents();
    bindStepKeys(this, container);
    bindMapState(this.map, container, () => this.complete);
    // The first frame draws the EPCI and the TI outlines; the rest follows, once, with the data.
    this.map.once('idle', () => {
      // MapLibre draws a missing tile (404) as an empty one: France without a single EPCI means
      // that the tiles are not there.
      const france = this.framing === 'france';
      if (france && this.map.querySourceFeatures('epci', { sourceLayer: 'epci' }).length === 0)
        this.tilesFailed('epci');
      this.firstFrameDrawn = true;
      if (this.data) this.addRest();
    });
    this.cb.onReady();
  }

  private addRest(): void {
    const data = this.data!;
    if (this.complete) return;
    (this.map.getSource('insets') as maplibregl.GeoJSONSource).setData(insetFrames(data));
    (this.map.getSource('ti-labels') as maplibregl.GeoJSONSource).setData(data.tiLabels);
    this.complete = true;
    this.applyVisibility(); // layers asked for before their geometry came with the data
    this.map.triggerRepaint();
  }

  private addLayers(): void {
    addBaseLayers(this.map, this.generation);
    this.applyVisibility();
    if (this.selected) this.map.setFeatureState(this.featureOf(this.selected), { selected: true });
  }

  private fillLayer(): string {
    return this.level === 'ti' ? `${SOURCE[this.generation]}-fill` : 'epci-fill';
  }

  private bindEvents(): void {
    const m = this.map;
    m.on('mousemove', (e) => {
      this.cb.onSite?.(siteAt(m, e.point));
      const f = m.queryRenderedFeatures(e.point, { layers: [this.fillLayer()] })[0];
      const target = f ? targetOf(f) : null;
      this.setHover(target);
      this.cb.onHover(target ? { ...target, x: e.point.x, y: e.point.y } : null);
    });
    m.on('mouseout', () => {
      this.setHover(null);
      this.cb.onHover(null);
    });
    m.on('click', (e) => {
      const label = m.queryRenderedFeatures(e.point, { layers: ['ti-labels'] })[0];
      if (label) return this.cb.onClick({ kind: 'ti', code: String(label.properties.key) });
      const f = m.queryRenderedFeatures(e.point, { layers: [this.fillLayer()] })[0];
      this.cb.onClick(f ? targetOf(f) : null);
    });
    m.on('mouseenter', 'ti-labels', () => (m.getCanvas().style.cursor = 'pointer'));
    m.on('mouseleave', 'ti-labels', () => (m.getCanvas().style.cursor = ''));
    m.on('moveend', () => {
      if (this.quietMove) return;
      const c = m.getCenter();
      this.cb.onMove({ lon: c.lng, lat: c.lat, zoom: m.getZoom() });
    });
  }

  private failedTiles = new Set<string>();
  private tilesFailed(source: string): void {
    if (this.failedTiles.has(source)) return;
    this.failedTiles.add(source);
    this.cb.onTilesError?.(`tiles/${source}`);
  }

  /** France is refitted when the map changes size, until the user or a link frames the map. */
  private bindFraming(): void {
    const m = this.map;
    m.on('movestart', (e) => {
      if ((e as { originalEvent?: Event }).originalEvent) this.framing = 'user';
    });
    // resize() fires movestart … resize … moveend: that move is not the user's, keep it out of the URL.
    m.on('resize', () => {
      if (this.framing === 'france') this.fitFrance();
      this.quietMove = true;
      setTimeout(() => (this.quietMove = false));
    });
  }

  /** Territories drawn in the current view, sorted by name, for keyboard stepping. */
  territoriesInView(): Target[] {
    return this.data ? territoriesInView(this.map, this.fillLayer(), this.data.territories) : [];
  }

  /** Moves the keyboard highlight to the next (or previous) territory in view. */
  step(direction: 1 | -1): void {
    const list = this.territoriesInView();
    if (list.length === 0) {
      this.cb.onStep?.(null);
      return;
    }
    const index = stepIndex(list, this.stepped, direction);
    this.stepped = list[index];
    this.setHover(this.stepped);
    this.cb.onStep?.({ ...this.stepped, index, total: list.length });
  }

  /** Opens the territory reached by keyboard stepping; false when there is none. */
  openStepped(): boolean {
    if (!this.stepped) return false;
    this.cb.onClick(this.stepped);
    return true;
  }

  endStepping(): void {
    if (!this.stepped) return;
    this.stepped = null;
    this.setHover(null);
    this.cb.onStep?.(null);
  }

  /** Keyboard panning and zooming count as the user framing the map. */
  markUserFramed(): void {
    this.framing = 'user';
  }

  /** A territory's feature for feature-state: its tiled source, the layer of the same name. */
  private featureOf(t: Target): maplibregl.FeatureIdentifier {
    const source = t.kind === 'epci' ? 'epci' : SOURCE[parseTiKey(t.code)?.generation ?? this.generation];
    return { source, sourceLayer: source, id: t.code };
  }

  private setHover(t: Target | null): void {
    if (sameTarget(t, this.hovered)) return;
    if (this.hovered) this.map.setFeatureState(this.featureOf(this.hovered), { hover: false });
    this.hovered = t;
    if (t) this.map.setFeatureState(this.featureOf(t), { hover: true });
    this.map.getCanvas().style.cursor = t ? 'pointer' : '';
  }

  setSelected(t: Target | null): void {
    if (sameTarget(t, this.selected)) return;
    // Before the style is loaded, only remember the target: addLayers() applies it.
    const ready = !!this.map.getSource('epci');
    if (this.selected && ready) this.map.setFeatureState(this.featureOf(this.selected), { selected: false });
    this.selected = t;
    if (t && ready) this.map.setFeatureState(this.featureOf(t), { selected: true });
    if (t?.kind === 'ti' && parseTiKey(t.code)?.generation !== this.generation) this.applyVisibility();
  }

  setLayers(opts: {
    level: Level;
    generation: Generation;
    showTi: boolean;
    showDepartements: boolean;
    showRegions: boolean;
  }): void {
    this.level = opts.level;
    this.generation = opts.generation;
    this.showTi = opts.showTi;
    this.outlines = { departements: opts.showDepartements, regions: opts.showRegions };
    this.applyVisibility();
  }

  private applyVisibility(): void {
    if (!this.map.getLayer('epci-fill')) return;
    const selGen = this.selected?.kind === 'ti' ? (parseTiKey(this.selected.code)?.generation ?? null) : null;
    const highlighted = (g: Generation) =>
      g === selGen || [...this.basket].some((c) => parseTiKey(c)?.generation === g);
    setLayerVisibility(this.map, {
      complete: this.complete,
      ...this.outlines,
      level: this.level,
      generation: this.generation,
      showTi: this.showTi,
      coloredEpci: this.colored.epci,
      highlighted,
    });
  }

  /** Colours and dimming through feature-state: `colors` by code (EPCI SIREN or TI key). */
  setChoropleth(kind: 'epci' | Generation, colors: Map<string, string> | null, dim: Set<string> | null): void {
    const source = SOURCE[kind];
    if (!this.map.getSource(source)) return;
    this.lastStates.set(source, paintStates(this.map, source, colors, dim, this.lastStates.get(source) ?? new Map()));
    if (kind === 'epci') this.colored.epci = !!colors && colors.size > 0;
    else this.colored.ti = !!colors && colors.size > 0;
    paintLand(this.map, this.colored.ti && this.level === 'ti');
    this.applyVisibility();
  }

  /** Cartofriches sites (friches-layer.ts); null hides them. */
  setFriches(points: FrichePoints | null, layer: FricheLayer | null): void {
    if (this.map.getLayer('epci-fill')) setFrichesLayer(this.map, points, layer);
  }

  private basket = new Set<string>();
  /** Territories of the comparison basket, outlined in blue (EPCI codes and TI keys). */
  setBasket(codes: readonly string[]): void {
    if (!this.map.getSource('epci')) return;
    const next = new Set(codes);
    for (const c of this.basket)
      if (!next.has(c)) this.map.setFeatureState(this.featureOf(targetOfCode(c)), { basket: false });
    for (const c of next)
      if (!this.basket.has(c)) this.map.setFeatureState(this.featureOf(targetOfCode(c)), { basket: true });
    this.basket = next;
    this.applyVisibility();
  }

  /** Custom groups: outline and name (geometry merged from the member EPCI). */
  setGroups(groups: readonly { name: string; epcis: string[] }[]): void {
    const source = this.map.getSource('groups') as maplibregl.GeoJSONSource | undefined;
    if (source && this.data) source.setData(groupsGeoJSON(this.data.topology, this.data.territories.epci, groups));
  }

  fitTo(bbox: BBox, maxZoom = 9): void {
    this.framing = 'user';
    this.map.fitBounds(bbox, { padding: 40, maxZoom, duration: 400 });
  }

  /** Frames mainland France and Corsica (the insets included); refitted on resize from then on. */
  fitFrance(): void {
    this.framing = 'france';
    this.quietMove = true;
    this.map.fitBounds(FRANCE_BOUNDS, { padding: FRANCE_PADDING, duration: 0 });
    this.quietMove = false;
  }

  /** The geographic extent on screen, [west, south, east, north]. */
  visibleBounds(): BBox {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  /** True when the map shows this viewport, to the precision the URL keeps. */
  shows(v: { lon: number; lat: number; zoom: number }): boolean {
    return showsViewport(this.map, v);
  }

  /** The link's viewport: kept as is when the window changes size. */
  jumpTo(v: { lon: number; lat: number; zoom: number }): void {
    this.framing = 'link';
    this.map.jumpTo({ center: [v.lon, v.lat], zoom: v.zoom });
  }

  destroy(): void {
    this.map.remove();
  }

  /** Resolves after the next frame drawn with everything loaded (sources, feature-state). */
  async whenIdle(): Promise<void> {
    if (!this.complete) await new Promise((resolve) => this.map.once('idle', resolve));
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /**
   * Copies the next rendered frame onto a 2D canvas. The copy happens inside the 'render'
   * event, while the WebGL drawing buffer is still valid, so it works without preserveDrawingBuffer.
   */
  drawTo(target: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): Promise<void> {
    return nextFrame(this.map, (canvas) => target.drawImage(canvas, x, y, w, h));
  }
}
