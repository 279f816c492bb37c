import { citeSource } from '../domain/sources.ts';
import { textOf } from '../domain/text.ts';
import { useAtlas } from '../state/store.ts';
import { useT } from './useT.ts';

/** "Source : producer, year, licence" for the given source ids of geo/sources.json. */
export function SourceLine({ ids }: { ids: string[] }) {
  const t = useT();
  const sources = useAtlas((s) => s.data?.manifest.sources ?? []);
  const list = ids.map((id) => sources.find((s) => s.id === id)).filter((s) => s !== undefined);
  // Imported tables shown in the profile: « Vos données : fichier.csv, importé le … ».
  const userIndicators = useAtlas((s) => s.userIndicators);
  const user = [
    ...new Set(
      userIndicators
        .map((i) => (i.type === 'numeric' ? i.userSource && textOf(t, i.userSource) : undefined))
        .filter((x) => x !== undefined),
    ),
  ];
  if (list.length === 0 && user.length === 0) return null;
  return (
    <p className="source-line">
      {list.length > 0 && (
        <>
          {t('panel.sources')} :{' '}
          {list.map((s, i) => (
            <span key={s.id}>
              {i > 0 && ' ; '}
              {citeSource(s, t)}
            </span>
          ))}
        </>
      )}
      {user.map((u) => (
        <span key={u} className="user-source">
          <br />
          {u}
        </span>
      ))}
    </p>
  );
}
