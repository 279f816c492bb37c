import { useEffect, useState } from 'react';
import { ALL_FRICHES, type FricheLayer } from '../domain/view.ts';
import { loadFriches } from '../state/load.ts';
import { useAtlas } from '../state/store.ts';
import { useT } from './useT.ts';

let typeNames: string[] = [];
/** Cartofriches type labels (from the data), once the point file is loaded. */
export function useFricheTypes(): string[] {
  const [types, setTypes] = useState(typeNames);
  const on = useAtlas((s) => s.view.friches !== null);
  useEffect(() => {
    if (on && typeNames.length === 0) void loadFriches().then((p) => setTypes((typeNames = p.types)));
  }, [on]);
  return types;
}

const toggle = (xs: number[], x: number, onOff: boolean) =>
  onOff ? [...new Set([...xs, x])].sort() : xs.filter((y) => y !== x);

/** The brownfield point layer: on/off, statuses and type groups, with Cerema's warning. */
export function FricheControls() {
  const t = useT();
  const layer = useAtlas((s) => s.view.friches);
  const setView = useAtlas((s) => s.setView);
  const set = (f: FricheLayer | null) => setView({ friches: f });
  return (
    <fieldset className="friche-controls">
      <legend>{t('friches.title')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={layer !== null}
          onChange={(e) => set(e.target.checked ? ALL_FRICHES : null)}
          data-testid="friches-toggle"
        />
        {t('friches.layer')}
      </label>
      {layer && (
        <div className="friche-options">
          <p className="small strong">{t('friches.status')}</p>
          {[0, 1, 2, 3].map((s) => (
            <label key={s} className="check small">
              <input
                type="checkbox"
                checked={layer.statuses.includes(s)}
                onChange={(e) => set({ ...layer, statuses: toggle(layer.statuses, s, e.target.checked) })}
              />
              <span className={`dot status-${s}`} /> {t(`friches.statuses.${s}`)}
            </label>
          ))}
          <p className="small strong">{t('friches.type')}</p>
          {[0, 1, 2].map((g) => (
            <label key={g} className="check small">
              <input
                type="checkbox"
                checked={layer.groups.includes(g)}
                onChange={(e) => set({ ...layer, groups: toggle(layer.groups, g, e.target.checked) })}
              />
              {t(`friches.groups.${g}`)}
            </label>
          ))}
          <p className="hint">{t('friches.caveat')}</p>
        </div>
      )}
    </fieldset>
  );
}
