// Custom groups survive a reload: stored in localStorage (versioned), read once the EPCI list is
// known. Storage may be unavailable (sandboxed iframe, private mode): then groups live in memory.
// The store's `groups` is the user's collection; `view.groups` the groups drawn on the map and
// carried by links. A group opened from a link joins the collection; a group created or deleted
// in the collection appears on or leaves the map. A bare address shows every stored group.
import { useEffect } from 'react';
import { type CustomGroup, GROUPS_STORAGE_KEY, parseGroups, sameGroup, serializeGroups } from '../domain/groups.ts';
import { useAtlas } from './store.ts';
import type { GroupRef } from './view.ts';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const toRef = (g: CustomGroup): GroupRef => ({ name: g.name, epcis: g.epcis });
const has = (list: readonly GroupRef[], g: GroupRef) => list.some((x) => sameGroup(x, g));

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
    const bare = window.location.search.replace(/^\?/, '') === '';
    const linked = useAtlas.getState().view.groups;
    const fromLink = linked
      .filter((g) => !has(groups, g))
      .map((g, i): CustomGroup => ({ id: `g${Date.now().toString(36)}-${i}`, ...g }));
    useAtlas.getState().setGroups([...groups, ...fromLink]);
    if (bare && groups.length > 0) useAtlas.getState().setView({ groups: groups.map(toRef) });
    return useAtlas.subscribe((s, prev) => {
      if (s.groups !== prev.groups) {
        try {
          storage()?.setItem(GROUPS_STORAGE_KEY, serializeGroups(s.groups));
        } catch {
          // Quota or sandbox: keep the groups in memory for this session.
        }
        const removed = prev.groups.filter((g) => !has(s.groups, g));
        const added = s.groups.filter((g) => !has(prev.groups, g) && !has(s.view.groups, g)).map(toRef);
        const shown = s.view.groups.filter((g) => !has(removed, g));
        if (removed.length > 0 || added.length > 0) s.setView({ groups: [...shown, ...added] });
      } else if (s.view.groups !== prev.view.groups) {
        const missing = s.view.groups.filter((g) => !has(s.groups, g));
        if (missing.length > 0)
          s.setGroups([
            ...s.groups,
            ...missing.map((g, i): CustomGroup => ({ id: `g${Date.now().toString(36)}-${i}`, ...g })),
          ]);
      }
    });
  }, [ready]);
}
