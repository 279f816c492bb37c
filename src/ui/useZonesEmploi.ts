import { useEffect, useState } from 'react';
import type { ZonesEmploiFile } from '../domain/zones-emploi.ts';
import { LoadError, loadZonesEmploi } from '../state/load.ts';

export type ZonesState = { file: ZonesEmploiFile } | { error: string } | null;

/** The zones d'emploi file, fetched on first use (never on the first map). null while loading. */
export function useZonesEmploi(enabled = true): ZonesState {
  const [state, setState] = useState<ZonesState>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadZonesEmploi()
      .then((file) => live && setState({ file }))
      .catch((e: unknown) => live && setState({ error: e instanceof LoadError ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [enabled]);
  return state;
}
