import { useMemo } from 'react';
import type { Generation } from '../data/types.ts';
import { formatNumber } from '../domain/format.ts';
import { INDICATOR_BY_ID, type NumericIndicator, valueFor } from '../domain/indicators.ts';
import type { Level } from '../domain/view.ts';
import { indicatorContext } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { useLang, useT } from './useT.ts';

/** One sentence per theme that a non-specialist can read aloud. */
export function ThemeSentences({ code, level, generation }: { code: string; level: Level; generation: Generation }) {
  const t = useT();
  const lang = useLang();
  const base = useAtlas(indicatorContext)!;
  // The profile's own level (an EPCI profile stays at EPCI level whatever the map shows).
  const ctx = useMemo(() => ({ ...base, level, generation }), [base, level, generation]);
  const v = (id: string) => valueFor(INDICATOR_BY_ID.get(id) as NumericIndicator, ctx, code);
  const n = (x: number | null, decimals = 0, signed = false, unit?: string) =>
    formatNumber(x, { lang, decimals, signed, unit });
  const total = v('friches');
  const sentences: string[] = [];
  if (total !== null)
    sentences.push(
      total === 0
        ? t('profile.sentences.foncierNone')
        : t('profile.sentences.foncier', {
            total: n(total),
            industrial: n(v('friches_industrielles')),
            noProject: n(v('friches_sans_projet')),
          }),
    );
  const jobs = v('emploi');
  if (jobs !== null)
    sentences.push(
      t('profile.sentences.emploi', {
        jobs: n(jobs),
        to: ctx.period[1],
        from: ctx.period[0],
        change: n(v('emploi_evol_pct'), 1, true, '%'),
      }),
    );
  const indus = ctx.level === 'epci' ? v('part_industrie') : null;
  if (indus !== null) sentences.push(t('profile.sentences.industrie', { share: n(indus, 1, false, '%') }));
  sentences.push(
    t('profile.sentences.contexte', {
      pop: n(v('population')),
      density: n(v('densite')),
      frr: n(v('frr'), 0, false, '%'),
    }),
  );
  return (
    <ul className="sentences" data-testid="sentences">
      {sentences.map((s, i) => (
        <li key={i}>{s}</li>
      ))}
    </ul>
  );
}
