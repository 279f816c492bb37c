import { useMemo } from 'react';
import { type AtlasStore, useAtlas } from '../state/store.ts';

/**
 * A value computed from the store, recomputed only when the data or the view change (not on
 * hover or other transient state). `compute` must be stable (a module-level function).
 */
export function useViewMemo<T>(compute: (s: AtlasStore) => T): T {
  const data = useAtlas((s) => s.data);
  const view = useAtlas((s) => s.view);
  return useMemo(() => compute({ ...useAtlas.getState(), data, view }), [compute, data, view]);
}
