import { useAtlas } from '../state/store.ts';
import { useT } from './useT.ts';

/** "Source : producer, year, licence" for the given source ids of geo/sources.json. */
export function SourceLine({ ids }: { ids: string[] }) {
  const t = useT();
  const sources = useAtlas((s) => s.data?.manifest.sources ?? []);
  const list = ids.map((id) => sources.find((s) => s.id === id)).filter((s) => s !== undefined);
  if (list.length === 0) return null;
  return (
    <p className="source-line">
      {t('panel.sources')} : {list.map((s, i) => (
        <span key={s.id}>{i > 0 && ' ; '}{s.producer} ({s.year}, {s.licence})</span>
      ))}
    </p>
  );
}
