import { useAtlas } from '../state/store.ts';
import { EpciProfile } from './EpciProfile.tsx';
import { EptProfile } from './EptProfile.tsx';
import { TiProfile } from './TiProfile.tsx';
import { useT } from './useT.ts';
import { useTouch } from './useTouch.ts';
import { ZoneNationalView } from './ZoneNationalView.tsx';

export function Panel() {
  const t = useT();
  const selection = useAtlas((s) => s.view.selection);
  const catalog = useAtlas((s) => s.catalog)!;
  const select = useAtlas((s) => s.select);
  const empty = <p className="panel-empty">{t(useTouch() ? 'panel.emptyTouch' : 'panel.empty')}</p>;
  if (!selection)
    return (
      <>
        {empty}
        <ZoneNationalView />
      </>
    );
  const body =
    selection.kind === 'epci' && catalog.epci.has(selection.code) ? (
      <EpciProfile code={selection.code} />
    ) : selection.kind === 'epci' && catalog.ept.has(selection.code) ? (
      <EptProfile code={selection.code} />
    ) : selection.kind === 'ti' && catalog.ti.has(selection.code) ? (
      <TiProfile tiKey={selection.code} />
    ) : null;
  return (
    <div className="profile" data-testid="profile">
      <button
        type="button"
        className="close"
        aria-label={t('panel.close')}
        title={t('panel.close')}
        onClick={() => select(null)}
      >
        ×
      </button>
      {body ?? empty}
    </div>
  );
}
