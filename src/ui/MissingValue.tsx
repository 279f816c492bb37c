import { formatNumber } from '../domain/format.ts';
import type { Missing } from '../domain/parts.ts';
import { useAtlas } from '../state/store.ts';
import { useLang, useT } from './useT.ts';

/** « n.d. » with its reason in words (a source without a row for this territory, a series break). */
export function MissingValue({ missing }: { missing: Missing }) {
  const t = useT();
  const lang = useLang();
  const sources = useAtlas((s) => s.data?.manifest.sources ?? []);
  const nd = formatNumber(null, { lang });
  if (!missing) return <>{nd}</>;
  const reason =
    missing.kind === 'break'
      ? t('missing.break', { year: missing.year })
      : t('missing.noRow', { source: sources.find((s) => s.id === missing.source)?.title ?? missing.source });
  return (
    <span className="missing" data-testid="missing">
      {nd} <span className="muted small">({reason})</span>
    </span>
  );
}
