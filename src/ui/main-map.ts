// Gives UI components (the PNG export) access to the map adapter of the main view, without a global.
import { createContext, type RefObject, useContext } from 'react';
import type { AtlasMap } from '../map/adapter.ts';

/** Holds the main view's map adapter once it is ready (null before, and in the embed). */
export const MainMapContext = createContext<RefObject<AtlasMap | null> | null>(null);

export const useMainMap = (): RefObject<AtlasMap | null> | null => useContext(MainMapContext);
