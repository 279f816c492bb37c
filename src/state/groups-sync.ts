// Custom groups survive a reload: stored in localStorage (versioned), read once the EPCI list is
// known. Storage may be unavailable (sandboxed iframe, private mode): then groups live in memory.
import { useEffect } from 'react';
import { GROUPS_STORAGE_KEY, parseGroups, serializeGroups } from '../domain/groups.ts';
import { useAtlas } from './store.ts';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function useGroupsSync(): void {
  const ready = useAtlas((s) => s.catalog !== null);
  useEffect(() => {
    if (!ready) return;
    const known = new Set(useAtlas.getState().catalog!.epci.keys());
    let text: string | null = null;
    try {
      text = storage()?.getItem(GROUPS_STORAGE_KEY) ?? null;
    } catch {
      text = null;
    }
    const { groups } = parseGroups(text, known);
    useAtlas.getState().setGroups(groups);
    return useAtlas.subscribe((s, prev) => {
      if (s.groups === prev.groups) return;
      try {
        storage()?.setItem(GROUPS_STORAGE_KEY, serializeGroups(s.groups));
      } catch {
        // Quota or sandbox: keep the groups in memory for this session.
      }
    });
  }, [ready]);
}
