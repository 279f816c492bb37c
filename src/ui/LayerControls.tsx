import type { Generation } from '../data/types.ts';
import { useAtlas } from '../state/store.ts';
import { FricheControls } from './FricheControls.tsx';
import { useT } from './useT.ts';

export function LayerControls() {
  const t = useT();
  const view = useAtlas((s) => s.view);
  const setView = useAtlas((s) => s.setView);
  const tiValue = view.showTi ? view.generation : 'none';
  const setTi = (v: Generation | 'none') =>
    v === 'none' ? setView({ showTi: false, level: 'epci' }) : setView({ showTi: true, generation: v });
  return (
    <div className="layer-controls">
      <fieldset>
        <legend>{t('layers.tiGeneration')}</legend>
        {(
          [
            ['2023', t('layers.gen2023')],
            ['2018', t('layers.gen2018')],
            ['none', t('layers.hidden')],
          ] as const
        ).map(([v, label]) => (
          <label key={v} className="radio">
            <input type="radio" name="ti-generation" value={v} checked={tiValue === v} onChange={() => setTi(v)} />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('layers.title')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={view.showDepartements}
            onChange={(e) => setView({ showDepartements: e.target.checked })}
          />
          {t('layers.departements')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={view.showRegions}
            onChange={(e) => setView({ showRegions: e.target.checked })}
          />
          {t('layers.regions')}
        </label>
      </fieldset>
      <FricheControls />
      <p className="hint">{t('layers.insetNote')}</p>
    </div>
  );
}
