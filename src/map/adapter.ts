// The only module that talks to MapLibre. Geometry is added once; colours, filters, hover and
// selection then go through feature-state and layout properties, never by re-sending GeoJSON.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { type AtlasData, loadDetailTopology } from '../data/load.ts';
import type { BBox, Generation } from '../data/types.ts';
import { FRICHE_TYPES_INDUSTRIAL, type FrichePoints } from '../domain/fields.ts';
import { parseTiKey } from '../domain/ti-key.ts';
import type { FricheLayer, Level } from '../domain/view.ts';
import { addGroupLayers, groupsGeoJSON } from './groups-layer.ts';
import { bindStepKeys } from './keyboard.ts';
import { baseStyle, COLORS, FONT } from './style.ts';

maplibregl.setWorkerUrl(workerUrl);
// Start the worker now, while the data files download, rather than when the map is created.
if (typeof window !== 'undefined') maplibregl.prewarm();

/**
 * Mainland France and Corsica, which the first view fills; the DROM insets lie inside this box,
 * south-west of the mainland, where no land is drawn (geo/drom-insets.json).
 */
export const FRANCE_BOUNDS: BBox = [-5.4, 41.3, 9.7, 51.15];
/** Margin around France: the attribution (top left) and zoom buttons (top right) sit over sea. */
const FRANCE_PADDING = { top: 10, bottom: 8, left: 8, right: 8 };

export interface MapCallbacks {
  onHover(target: { kind: 'epci' | 'ti'; code: string; x: number; y: number } | null): void;
  /** A Cartofriches site under the pointer (properties of the point), or null. */
  onSite?(
    site: {
      name: string;
      status: number;
      type: number;
      surface: number | null;
      id: string;
      x: number;
      y: number;
    } | null,
  ): void;
  onClick(target: { kind: 'epci' | 'ti'; code: string } | null): void;
  onMove(view: { lon: number; lat: number; zoom: number }): void;
  onReady(): void;
  /** Keyboard stepping (« N ») reached a territory: its place in the list of those in view. */
  onStep?(step: { kind: 'epci' | 'ti'; code: string; index: number; total: number } | null): void;
}

type Target = { kind: 'epci' | 'ti'; code: string };
const SOURCE: Record<'epci' | Generation, string> = { epci: 'epci', '2023': 'ti2023', '2018': 'ti2018' };
/** Beyond this zoom the national view's simplified geometry shows: the full detail is loaded. */
const DETAIL_ZOOM = 6;

export class AtlasMap {
  readonly map: maplibregl.Map;
  private level: Level = 'epci';
  private generation: Generation = '2023';
  private showTi = true;
  private hovered: Target | null = null;
  private selected: Target | null = null;
  private colored = { epci: false, ti: false };
  private lastStates = new Map<string, Map<string, Record<string, unknown>>>();
  private styleLoaded = false;
  private initialised = false;
  /** Set once the layers left out of the first frame (labels, insets, régions) are in. */
  private complete = false;
  private detail: AtlasData['topology'] | null = null;
  private detailLoading: Promise<void> | null = null;
  /** Who framed the map: France (refit on resize), the user, or the link's viewport (kept). */
  private framing: 'france' | 'user' | 'link' = 'france';
  private quietMove = false;
  private stepped: Target | null = null;

  /** `data` may come later (setData): the map and its style start while the data downloads. */
  constructor(
    private container: HTMLElement,
    private data: AtlasData | null,
    private cb: MapCallbacks,
    opts: { interactive?: boolean; preserveDrawingBuffer?: boolean } = {},
  ) {
    this.map = new maplibregl.Map({
      container,
      style: baseStyle(),
      bounds: FRANCE_BOUNDS,
      fitBoundsOptions: { padding: FRANCE_PADDING },
      attributionControl: false,
      interactive: opts.interactive ?? true,
      canvasContextAttributes: { preserveDrawingBuffer: opts.preserveDrawingBuffer ?? false },
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 12,
      fadeDuration: 150,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(
      new maplibregl.AttributionControl({
        compact: true,
        customAttribution: 'IGN – ADMIN EXPRESS COG CARTO 2025 ; ANCT – Territoires d’industrie',
      }),
      // Top left is sea (the Channel and the Atlantic): the box never hides land, e.g. Corsica.
      'top-left',
    );
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
    this.init();
  }

  private init(): void {
    if (!this.styleLoaded || !this.data || this.initialised) return;
    this.initialised = true;
    const container = this.container;
    this.addLayers();
    this.bindEvents();
    this.bindFraming();
    bindStepKeys(this, container);
    // Readable by tests and assistive tech alike: 'idle' once every tile and colour is drawn,
    // the layers left out of the first frame included.
    container.setAttribute('data-map-state', 'busy');
    this.map.on('render', () => container.setAttribute('data-map-state', 'busy'));
    this.map.on('idle', () => this.complete && container.setAttribute('data-map-state', 'idle'));
    this.map.once('idle', () => this.afterFirstFrame());
    this.cb.onReady();
  }

  /** The first frame draws the EPCI and the TI outlines; the rest follows, once. */
  private afterFirstFrame(): void {
    const data = this.data!;
    (this.map.getSource('reg') as maplibregl.GeoJSONSource).setData(this.geo('reg'));
    (this.map.getSource('insets') as maplibregl.GeoJSONSource).setData(insetFrames(data));
    (this.map.getSource('ti-labels') as maplibregl.GeoJSONSource).setData(data.tiLabels);
    this.complete = true;
    this.map.on('moveend', () => this.ensureDetail());
    this.ensureDetail();
    this.map.triggerRepaint();
  }

  /** Zoomed in beyond the national view: the full geometry replaces the simplified one, once. */
  private ensureDetail(): void {
    if (this.detailLoading || this.map.getZoom() <= DETAIL_ZOOM) return;
    this.detailLoading = loadDetailTopology()
      .then((topology) => {
        this.detail = topology;
        for (const source of ['epci', 'reg', ...this.filled]) {
          const src = this.map.getSource(source) as maplibregl.GeoJSONSource | undefined;
          src?.setData(this.geo(source));
        }
      })
      .catch(() => {
        this.detailLoading = null; // keeps the simplified outlines; the next move retries
      });
  }

  private geo(name: string): FeatureCollection {
    const topology = this.detail ?? this.data!.topology;
    return feature(topology, topology.objects[name] as GeometryCollection) as FeatureCollection;
  }

  private addLayers(): void {
    const m = this.map;
    // The data is already generalised: a coarser tiling tolerance and a small buffer keep the
    // worker's tiling work low; maxzoom 10 is enough for EPCI outlines (overzoomed beyond).
    const polygons = { tolerance: 0.5, buffer: 16, maxzoom: 10 } as const;
    // Hidden layers (départements, the other TI generation) get their geometry the first time
    // they are shown: once, never re-sent. It keeps the first drawn map quick.
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    m.addSource('epci', { type: 'geojson', data: this.geo('epci'), promoteId: 'code', ...polygons });
    // Régions, labels and insets: after the first frame (afterFirstFrame).
    m.addSource('reg', { type: 'geojson', data: empty, promoteId: 'code', ...polygons });
    m.addSource('dep', { type: 'geojson', data: empty, promoteId: 'code', ...polygons });
    m.addSource('ti2023', { type: 'geojson', data: empty, promoteId: 'key', ...polygons });
    m.addSource('ti2018', { type: 'geojson', data: empty, promoteId: 'key', ...polygons });
    m.addSource('ti-labels', { type: 'geojson', data: empty });
    m.addSource('insets', { type: 'geojson', data: empty });

    m.addLayer({
      id: 'inset-frame-fill',
      type: 'fill',
      source: 'insets',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': '#e8eef2' },
    });
    m.addLayer({
      id: 'inset-frame-line',
      type: 'line',
      source: 'insets',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'line-color': COLORS.insetFrame, 'line-width': 0.8 },
    });

    const fillColor = (fallback: string): maplibregl.ExpressionSpecification => [
      'coalesce',
      ['feature-state', 'color'],
      fallback,
    ];
    const dimmed: maplibregl.ExpressionSpecification = ['case', ['boolean', ['feature-state', 'dim'], false], 0.22, 1];
    m.addLayer({
      id: 'epci-fill',
      type: 'fill',
      source: 'epci',
      paint: { 'fill-color': fillColor(COLORS.land), 'fill-opacity': dimmed },
    });
    for (const g of ['2023', '2018'] as Generation[]) {
      const src = SOURCE[g];
      // Level TI: the TI polygons carry the colours (opaque, to match the legend); level EPCI: a
      // light tint shows TI membership.
      m.addLayer({
        id: `${src}-fill`,
        type: 'fill',
        source: src,
        layout: { visibility: 'none' },
        paint: {
          'fill-color': fillColor(COLORS.tiTint),
          'fill-opacity': [
            'case',
            ['boolean', ['feature-state', 'dim'], false],
            0.22,
            ['==', ['get', 'partial'], 1],
            0.45,
            ['!=', ['feature-state', 'color'], null],
            1,
            0.55,
          ],
        },
      });
    }
    m.addLayer({
      id: 'epci-line',
      type: 'line',
      source: 'epci',
      paint: { 'line-color': COLORS.epciLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.25, 8, 0.8] },
    });
    m.addLayer({
      id: 'dep-line',
      type: 'line',
      source: 'dep',
      layout: { visibility: 'none' },
      paint: { 'line-color': COLORS.depLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 8, 1.2] },
    });
    m.addLayer({
      id: 'reg-line',
      type: 'line',
      source: 'reg',
      paint: { 'line-color': COLORS.regLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.9, 8, 2] },
    });
    for (const g of ['2023', '2018'] as Generation[]) {
      const src = SOURCE[g];
      m.addLayer({
        id: `${src}-line`,
        type: 'line',
        source: src,
        filter: ['==', ['get', 'partial'], 0],
        layout: { visibility: 'none', 'line-join': 'round' },
        paint: { 'line-color': COLORS.ti, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.1, 8, 2.5] },
      });
      m.addLayer({
        id: `${src}-line-partial`,
        type: 'line',
        source: src,
        filter: ['==', ['get', 'partial'], 1],
        layout: { visibility: 'none' },
        paint: { 'line-color': COLORS.ti, 'line-width': 1.4, 'line-dasharray': [2, 2] },
      });
      m.addLayer({
        id: `${src}-highlight`,
        type: 'line',
        source: src,
        layout: { visibility: 'none' },
        paint: highlightPaint(),
      });
    }
    m.addLayer({ id: 'epci-highlight', type: 'line', source: 'epci', paint: highlightPaint() });
    m.addLayer({
      id: 'ti-labels',
      type: 'symbol',
      source: 'ti-labels',
      filter: ['==', ['get', 'generation'], this.generation],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 13],
        'text-max-width': 8,
        'text-padding': 3,
        'text-optional': true,
      },
      paint: { 'text-color': '#3f1d63', 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.6 },
    });
    addGroupLayers(m, 'ti-labels');
    m.addLayer({
      id: 'inset-labels',
      type: 'symbol',
      source: 'insets',
      filter: ['==', ['geometry-type'], 'Point'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': 11,
        'text-anchor': 'top-left',
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#4a4f55', 'text-halo-color': '#e8eef2', 'text-halo-width': 1 },
    });
    this.applyVisibility();
    if (this.selected)
      m.setFeatureState({ source: this.sourceOf(this.selected), id: this.selected.code }, { selected: true });
  }

  private fillLayer(): string {
    return this.level === 'ti' ? `${SOURCE[this.generation]}-fill` : 'epci-fill';
  }

  private bindEvents(): void {
    const m = this.map;
    m.on('mousemove', (e) => {
      const site = m.getLayer('friches-points')
        ? m.queryRenderedFeatures(e.point, { layers: ['friches-points'] })[0]
        : undefined;
      this.cb.onSite?.(
        site
          ? {
              name: String(site.properties.n),
              status: Number(site.properties.s),
              type: Number(site.properties.t),
              surface: site.properties.a === null || site.properties.a === undefined ? null : Number(site.properties.a),
              id: String(site.properties.id),
              x: e.point.x,
              y: e.point.y,
            }
          : null,
      );
      const f = m.queryRenderedFeatures(e.point, { layers: [this.fillLayer()] })[0];
      const target = f ? this.targetOf(f) : null;
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
      this.cb.onClick(f ? this.targetOf(f) : null);
    });
    m.on('mouseenter', 'ti-labels', () => (m.getCanvas().style.cursor = 'pointer'));
    m.on('mouseleave', 'ti-labels', () => (m.getCanvas().style.cursor = ''));
    m.on('moveend', () => {
      if (this.quietMove) return;
      const c = m.getCenter();
      this.cb.onMove({ lon: c.lng, lat: c.lat, zoom: m.getZoom() });
    });
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
    const data = this.data;
    if (!data) return [];
    const seen = new Map<string, Target>();
    for (const f of this.map.queryRenderedFeatures({ layers: [this.fillLayer()] })) {
      const t = this.targetOf(f);
      seen.set(t.code, t);
    }
    const name = (t: Target) =>
      (t.kind === 'epci'
        ? data.territories.epci.find((e) => e.code === t.code)?.name
        : data.territories.ti[t.code.slice(0, 4) as Generation]?.find((x) => x.key === t.code)?.name) ?? t.code;
    const named = [...seen.values()].map((t) => ({ t, n: name(t) }));
    named.sort((a, b) => a.n.localeCompare(b.n, 'fr'));
    return named.map((x) => x.t);
  }

  /** Moves the keyboard highlight to the next (or previous) territory in view. */
  step(direction: 1 | -1): void {
    const list = this.territoriesInView();
    if (list.length === 0) {
      this.cb.onStep?.(null);
      return;
    }
    const at = this.stepped ? list.findIndex((t) => sameTarget(t, this.stepped)) : -1;
    const index = at < 0 ? (direction === 1 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
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

  private targetOf(f: maplibregl.MapGeoJSONFeature): Target {
    return f.source === 'epci'
      ? { kind: 'epci', code: String(f.properties.code) }
      : { kind: 'ti', code: String(f.properties.key) };
  }

  private sourceOf(t: Target): string {
    return t.kind === 'epci' ? 'epci' : SOURCE[parseTiKey(t.code)?.generation ?? this.generation];
  }

  private setHover(t: Target | null): void {
    if (sameTarget(t, this.hovered)) return;
    if (this.hovered)
      this.map.setFeatureState({ source: this.sourceOf(this.hovered), id: this.hovered.code }, { hover: false });
    this.hovered = t;
    if (t) this.map.setFeatureState({ source: this.sourceOf(t), id: t.code }, { hover: true });
    this.map.getCanvas().style.cursor = t ? 'pointer' : '';
  }

  setSelected(t: Target | null): void {
    if (sameTarget(t, this.selected)) return;
    // Before the style is loaded, only remember the target: addLayers() applies it.
    const ready = !!this.map.getSource('epci');
    if (this.selected && ready)
      this.map.setFeatureState({ source: this.sourceOf(this.selected), id: this.selected.code }, { selected: false });
    this.selected = t;
    if (t && ready) this.map.setFeatureState({ source: this.sourceOf(t), id: t.code }, { selected: true });
    if (t?.kind === 'ti' && parseTiKey(t.code)?.generation !== this.generation) this.applyVisibility();
  }

  private filled = new Set<string>();
  /** Adds a lazily loaded source's geometry (once). */
  private ensureGeometry(source: 'dep' | 'ti2023' | 'ti2018'): void {
    if (this.filled.has(source) || !this.map.getSource(source)) return;
    this.filled.add(source);
    (this.map.getSource(source) as maplibregl.GeoJSONSource).setData(this.geo(source));
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
    const vis = (on: boolean) => (on ? 'visible' : 'none');
    if (!this.map.getLayer('dep-line')) return;
    if (opts.showDepartements) this.ensureGeometry('dep');
    this.map.setLayoutProperty('dep-line', 'visibility', vis(opts.showDepartements));
    this.map.setLayoutProperty('reg-line', 'visibility', vis(opts.showRegions));
    this.applyVisibility();
  }

  private applyVisibility(): void {
    const m = this.map;
    if (!m.getLayer('epci-fill')) return;
    const vis = (on: boolean) => (on ? 'visible' : 'none');
    const selGen = this.selected?.kind === 'ti' ? (parseTiKey(this.selected.code)?.generation ?? null) : null;
    for (const g of ['2023', '2018'] as Generation[]) {
      const src = SOURCE[g];
      const inBasket = [...this.basket].some((c) => parseTiKey(c)?.generation === g);
      if (g === this.generation || g === selGen || inBasket) this.ensureGeometry(src as 'ti2023' | 'ti2018');
      const current = g === this.generation;
      const outlines = (this.showTi || this.level === 'ti') && current;
      m.setLayoutProperty(
        `${src}-fill`,
        'visibility',
        vis(current && (this.level === 'ti' || (this.showTi && !this.colored.epci))),
      );
      m.setLayoutProperty(`${src}-line`, 'visibility', vis(outlines));
      m.setLayoutProperty(`${src}-line-partial`, 'visibility', vis(outlines));
      m.setLayoutProperty(`${src}-highlight`, 'visibility', vis(current || selGen === g || inBasket));
    }
    m.setFilter('ti-labels', ['==', ['get', 'generation'], this.generation]);
    m.setLayoutProperty('ti-labels', 'visibility', vis(this.showTi || this.level === 'ti'));
  }

  /** Colours and dimming through feature-state: `colors` by code (EPCI SIREN or TI key). */
  setChoropleth(kind: 'epci' | Generation, colors: Map<string, string> | null, dim: Set<string> | null): void {
    const source = SOURCE[kind];
    if (!this.map.getSource(source)) return;
    const prev = this.lastStates.get(source) ?? new Map<string, Record<string, unknown>>();
    const next = new Map<string, Record<string, unknown>>();
    const ids = new Set<string>([...(colors?.keys() ?? []), ...(dim ?? []), ...prev.keys()]);
    for (const id of ids) {
      const state = { color: colors?.get(id) ?? null, dim: dim?.has(id) ?? false };
      const before = prev.get(id);
      if (!before || before.color !== state.color || before.dim !== state.dim)
        this.map.setFeatureState({ source, id }, state);
      if (state.color !== null || state.dim) next.set(id, state);
    }
    this.lastStates.set(source, next);
    // Readable by tests and assistive tech: how many territories the filters dim.
    if (colors || dim) this.map.getContainer().setAttribute('data-dimmed', String(dim?.size ?? 0));
    if (kind === 'epci') this.colored.epci = !!colors && colors.size > 0;
    else this.colored.ti = !!colors && colors.size > 0;
    // TI coloured: the land outside any TI turns grey so that it never reads as a class colour.
    this.map.setPaintProperty('epci-fill', 'fill-color', [
      'coalesce',
      ['feature-state', 'color'],
      this.colored.ti && this.level === 'ti' ? COLORS.outsideTi : COLORS.land,
    ]);
    this.applyVisibility();
  }

  /**
   * Cartofriches sites as a clustered point layer. Clusters carry one count per status × type
   * group, so a change of the status/type selection is a change of expressions, not of data.
   */
  setFriches(points: FrichePoints | null, layer: FricheLayer | null): void {
    const m = this.map;
    if (!m.getLayer('epci-fill')) return;
    if (points && !m.getSource('friches')) {
      const group = points.types.map((t) => (FRICHE_TYPES_INDUSTRIAL.includes(t) ? 0 : t === 'inconnu' ? 2 : 1));
      const data: FeatureCollection = {
        type: 'FeatureCollection',
        features: points.rows.map((r) => ({
          type: 'Feature',
          properties: { s: r[2], g: group[r[3]], t: r[3], a: r[4], n: r[5], id: r[6], c: r[7] },
          geometry: { type: 'Point', coordinates: [r[0], r[1]] },
        })),
      };
      const clusterProperties: Record<string, maplibregl.ExpressionSpecification> = {};
      for (let st = 0; st < 4; st++)
        for (let g = 0; g < 3; g++)
          clusterProperties[`c${st}${g}`] = [
            '+',
            ['case', ['all', ['==', ['get', 's'], st], ['==', ['get', 'g'], g]], 1, 0],
          ] as unknown as maplibregl.ExpressionSpecification;
      m.addSource('friches', {
        type: 'geojson',
        data,
        cluster: true,
        clusterRadius: 40,
        clusterMaxZoom: 11,
        clusterProperties,
      });
      m.addLayer(
        {
          id: 'friches-clusters',
          type: 'circle',
          source: 'friches',
          filter: ['has', 'point_count'],
          paint: {
            'circle-color': '#8c510a',
            'circle-opacity': 0.8,
            'circle-stroke-color': '#fff',
            'circle-stroke-width': 1,
          },
        },
        'ti-labels',
      );
      m.addLayer(
        {
          id: 'friches-count',
          type: 'symbol',
          source: 'friches',
          filter: ['has', 'point_count'],
          layout: { 'text-font': FONT, 'text-size': 10, 'text-allow-overlap': true },
          paint: { 'text-color': '#fff' },
        },
        'ti-labels',
      );
      m.addLayer(
        {
          id: 'friches-points',
          type: 'circle',
          source: 'friches',
          filter: ['!', ['has', 'point_count']],
          paint: {
            'circle-radius': 4,
            'circle-stroke-color': '#fff',
            'circle-stroke-width': 0.8,
            'circle-color': ['match', ['get', 's'], 0, '#bf812d', 1, '#d73027', 2, '#1a9850', 3, '#4575b4', '#999'],
          },
        },
        'ti-labels',
      );
    }
    if (!m.getSource('friches')) return;
    const vis = layer ? 'visible' : 'none';
    for (const id of ['friches-clusters', 'friches-count', 'friches-points'])
      m.setLayoutProperty(id, 'visibility', vis);
    if (!layer) return;
    const combos = layer.statuses.flatMap((st) => layer.groups.map((g) => ['get', `c${st}${g}`]));
    const selected = (combos.length ? ['+', 0, ...combos] : 0) as unknown as maplibregl.ExpressionSpecification;
    m.setFilter('friches-clusters', ['all', ['has', 'point_count'], ['>', selected, 0]]);
    m.setFilter('friches-count', ['all', ['has', 'point_count'], ['>', selected, 0]]);
    m.setPaintProperty('friches-clusters', 'circle-radius', [
      'interpolate',
      ['linear'],
      selected,
      1,
      9,
      50,
      14,
      500,
      22,
      3000,
      30,
    ]);
    m.setLayoutProperty('friches-count', 'text-field', ['to-string', selected]);
    m.setFilter('friches-points', [
      'all',
      ['!', ['has', 'point_count']],
      ['in', ['get', 's'], ['literal', layer.statuses]],
      ['in', ['get', 'g'], ['literal', layer.groups]],
    ]);
  }

  private basket = new Set<string>();
  /** Territories of the comparison basket, outlined in blue (EPCI codes and TI keys). */
  setBasket(codes: readonly string[]): void {
    if (!this.map.getSource('epci')) return;
    const next = new Set(codes);
    for (const c of this.basket)
      if (!next.has(c)) this.map.setFeatureState({ source: this.sourceOf(this.kindOf(c)), id: c }, { basket: false });
    for (const c of next)
      if (!this.basket.has(c))
        this.map.setFeatureState({ source: this.sourceOf(this.kindOf(c)), id: c }, { basket: true });
    this.basket = next;
    this.applyVisibility();
  }

  private kindOf(code: string): Target {
    return code.includes(':') ? { kind: 'ti', code } : { kind: 'epci', code };
  }

  /** Custom groups: outline and name (geometry merged from the member EPCI). */
  setGroups(groups: readonly { name: string; epcis: string[] }[]): void {
    const source = this.map.getSource('groups') as maplibregl.GeoJSONSource | undefined;
    if (source && this.data) source.setData(groupsGeoJSON(this.data.topology, this.data.territories.epci, groups));
  }

  fitTo(bbox: BBox, maxZoom = 9): void {
    this.framing = 'user';
    this.map.fitBounds(
      [
        [bbox[0], bbox[1]],
        [bbox[2], bbox[3]],
      ],
      { padding: 40, maxZoom, duration: 400 },
    );
  }

  /** Frames mainland France and Corsica (the insets included); refitted on resize from then on. */
  fitFrance(): void {
    this.framing = 'france';
    this.quietMove = true;
    this.map.fitBounds(
      [
        [FRANCE_BOUNDS[0], FRANCE_BOUNDS[1]],
        [FRANCE_BOUNDS[2], FRANCE_BOUNDS[3]],
      ],
      { padding: FRANCE_PADDING, duration: 0 },
    );
    this.quietMove = false;
  }

  /** The geographic extent on screen, [west, south, east, north]. */
  visibleBounds(): BBox {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
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
    await this.detailLoading;
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
    return new Promise((resolve) => {
      this.map.once('render', () => {
        target.drawImage(this.map.getCanvas(), x, y, w, h);
        resolve();
      });
      this.map.triggerRepaint();
    });
  }

  /** The next rendered frame as a PNG data URL. */
  snapshot(): Promise<string> {
    return new Promise((resolve) => {
      this.map.once('render', () => resolve(this.map.getCanvas().toDataURL('image/png')));
      this.map.triggerRepaint();
    });
  }
}

function highlightPaint(): maplibregl.LineLayerSpecification['paint'] {
  const is = (k: string): maplibregl.ExpressionSpecification => ['boolean', ['feature-state', k], false];
  return {
    'line-color': ['case', is('selected'), COLORS.selected, is('hover'), COLORS.hover, COLORS.basket],
    'line-width': ['case', is('selected'), 3, is('hover'), 2, is('basket'), 2.5, 0],
  };
}

const sameTarget = (a: Target | null, b: Target | null) => a?.kind === b?.kind && a?.code === b?.code;

function insetFrames(data: AtlasData): FeatureCollection {
  const features: Feature<Polygon | Point>[] = [];
  for (const f of data.territories.insets) {
    const [w, s, e, n] = f.box;
    features.push({
      type: 'Feature',
      properties: { dep: f.dep },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    });
    features.push({
      type: 'Feature',
      properties: { name: f.name },
      geometry: { type: 'Point', coordinates: [w + 0.08, n - 0.06] },
    });
  }
  return { type: 'FeatureCollection', features };
}
