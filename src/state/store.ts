// The one store. The URL mirrors `view` (see src/state/url-sync.ts); everything else is transient.
import { create } from 'zustand';
import { buildCatalog, type Catalog } from '../data/catalog.ts';
import type { CustomGroup } from '../domain/groups.ts';
import type { Indicator } from '../domain/indicators.ts';
import type { UserTable } from '../domain/user-data/types.ts';
import { HOME_VIEW, MAX_BASKET, type Selection, type ViewState } from '../domain/view.ts';
import type { AtlasData } from './load.ts';

export interface Hover {
  kind: 'epci' | 'ti';
  code: string;
  x: number;
  y: number;
}
export interface SiteHover {
  name: string;
  status: number;
  type: number;
  surface: number | null;
  id: string;
  x: number;
  y: number;
}

export type Backend = 'indexeddb' | 'localstorage' | 'memory';
export type UserDialog = { kind: 'import'; file: File | null; nonce: number } | { kind: 'panel' } | null;

/** Imported tables ("vos données"); persisted by src/state/user-data-sync.ts. */
export interface UserDataState {
  tables: UserTable[];
  loaded: boolean;
  backend: Backend;
  /** Last storage failure (shown in the panel), null when the last save worked. */
  saveError: string | null;
  dialog: UserDialog;
  openImport(file?: File | null): void;
  openPanel(): void;
  closeDialog(): void;
}

export interface AtlasStore {
  data: AtlasData | null;
  catalog: Catalog | null;
  loadError: string | null;
  view: ViewState;
  hover: Hover | null;
  site: SiteHover | null;
  setSite(site: SiteHover | null): void;
  /** Messages for the user (e.g. link parameters that were dropped). */
  notices: string[];
  /** Legend class under the pointer: its territories are highlighted. */
  legendHover: string | null;
  setLegendHover(key: string | null): void;
  /** Custom groups of EPCI, stored locally (src/state/groups-sync.ts). */
  groups: CustomGroup[];
  setGroups(groups: CustomGroup[]): void;
  /** Indicators built from the user's imported tables ("vos données"). */
  userIndicators: Indicator[];
  setUserIndicators(list: Indicator[]): void;
  userData: UserDataState;
  /** Adds codes to the comparison basket; returns how many did not fit (limit 12). */
  addToBasket(codes: string[]): number;
  removeFromBasket(code: string): void;
  setData(data: AtlasData): void;
  setLoadError(message: string): void;
  setView(patch: Partial<ViewState>): void;
  replaceView(view: ViewState): void;
  select(selection: Selection | null): void;
  setHover(hover: Hover | null): void;
  notify(message: string): void;
  dismissNotice(index: number): void;
}

export const useAtlas = create<AtlasStore>((set) => ({
  data: null,
  catalog: null,
  loadError: null,
  view: HOME_VIEW,
  hover: null,
  site: null,
  setSite: (site) => set({ site }),
  notices: [],
  legendHover: null,
  setLegendHover: (legendHover) => set({ legendHover }),
  groups: [],
  setGroups: (groups) => set({ groups }),
  userIndicators: [],
  setUserIndicators: (userIndicators) => set({ userIndicators }),
  userData: {
    tables: [],
    loaded: false,
    backend: 'memory',
    saveError: null,
    dialog: null,
    openImport: (file = null) =>
      set((s) => ({
        userData: { ...s.userData, dialog: { kind: 'import', file, nonce: Date.now() + Math.random() } },
      })),
    openPanel: () => set((s) => ({ userData: { ...s.userData, dialog: { kind: 'panel' } } })),
    closeDialog: () => set((s) => ({ userData: { ...s.userData, dialog: null } })),
  },
  addToBasket: (codes) => {
    let refused = 0;
    set((s) => {
      const basket = [...s.view.basket];
      for (const c of codes) {
        if (basket.includes(c)) continue;
        if (basket.length >= MAX_BASKET) refused++;
        else basket.push(c);
      }
      return { view: { ...s.view, basket } };
    });
    return refused;
  },
  removeFromBasket: (code) => set((s) => ({ view: { ...s.view, basket: s.view.basket.filter((c) => c !== code) } })),
  setData: (data) => set({ data, catalog: buildCatalog(data), loadError: null }),
  setLoadError: (loadError) => set({ loadError }),
  setView: (patch) => set((s) => ({ view: { ...s.view, ...patch } })),
  replaceView: (view) => set({ view }),
  select: (selection) => set((s) => ({ view: { ...s.view, selection } })),
  setHover: (hover) => set({ hover }),
  notify: (message) => set((s) => ({ notices: [...s.notices, message] })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
}));
