import { useMemo } from 'react';
import type { Generation } from '../data/types.ts';
import { formatNumber } from '../domain/format.ts';
import { THEMES } from '../domain/indicators.ts';
import { epciMissing } from '../domain/parts.ts';
import { type ProfileRow, profileRows } from '../domain/profile.ts';
import type { Rank } from '../domain/rank.ts';
import { textOf } from '../domain/text.ts';
import type { Level } from '../domain/view.ts';
import { indicatorContext } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { MissingValue } from './MissingValue.tsx';
import { ThemeSources } from './ThemeSources.tsx';
import { useLang, useT } from './useT.ts';

/** Every numeric indicator of a territory with value, unit, year, source and ranks. */
export function IndicatorTable({ code, level, generation }: { code: string; level: Level; generation: Generation }) {
  const t = useT();
  const lang = useLang();
  const base = useAtlas(indicatorContext)!;
  // The profile's own level (an EPCI profile stays at EPCI level whatever the map shows).
  const ctx = useMemo(() => ({ ...base, level, generation }), [base, level, generation]);
  const manifest = useAtlas((s) => s.data!.manifest);
  const sources = manifest.sources;
  const setView = useAtlas((s) => s.setView);
  const rows = profileRows(ctx, code);
  const rankText = (r: Rank | null) =>
    r ? (r.rank === 1 ? t('profile.rankFirst', { of: r.of }) : t('profile.rankAll', { rank: r.rank, of: r.of })) : '—';
  // Indicators that must not rank territories say so instead of a rank.
  const rank = (row: ProfileRow, r: Rank | null) =>
    row.indicator.notRanked ? (
      <span title={textOf(t, row.indicator.notRanked)}>{t('profile.notRanked')}</span>
    ) : (
      rankText(r)
    );
  const byTheme = THEMES.map((th) => ({ th, rows: rows.filter((r) => r.indicator.theme === th) })).filter(
    (g) => g.rows.length > 0,
  );
  return (
    <div className="indicator-table" data-testid="indicator-table">
      <h3>{t('profile.indicators')}</h3>
      {byTheme.map(({ th, rows }) => (
        <section key={th}>
          <h4>{t(`indicator.themes.${th}`)}</h4>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('indicator.title')}</th>
                <th scope="col">{t('profile.value')}</th>
                <th scope="col">
                  {t('profile.rank')} {t('profile.inFrance')}
                </th>
                {ctx.level === 'epci' && <th scope="col">{t('profile.inRegion')}</th>}
                {ctx.level === 'epci' && <th scope="col">{t('profile.inTi')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r: ProfileRow) => {
                const src = r.indicator.sources
                  .map((id) => sources.find((s) => s.id === id)?.producer)
                  .filter(Boolean)
                  .join(' ; ');
                return (
                  <tr key={r.indicator.id}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        title={`${textOf(t, r.indicator.definition)} — ${src}`}
                        onClick={() => setView({ indicator: r.indicator.id })}
                      >
                        {textOf(t, r.indicator.short ?? r.indicator.label)}
                      </button>
                      <span className="muted small"> {r.indicator.year(ctx)}</span>
                      {r.all && (
                        <span className="muted small rank-dir">
                          {' '}
                          · {t(r.indicator.direction === 'lower-better' ? 'profile.rankLow' : 'profile.rankHigh')}
                        </span>
                      )}
                    </th>
                    <td className="num">
                      {r.value === null && ctx.level === 'epci' ? (
                        <MissingValue missing={epciMissing(ctx, manifest, r.indicator, code)} />
                      ) : (
                        <>
                          {formatNumber(r.value, { lang, decimals: r.indicator.decimals })}{' '}
                          <span className="muted small">{r.value === null ? '' : textOf(t, r.indicator.unit)}</span>
                        </>
                      )}
                    </td>
                    <td className="num">{rank(r, r.all)}</td>
                    {ctx.level === 'epci' && <td className="num">{rank(r, r.region)}</td>}
                    {ctx.level === 'epci' && <td className="num">{rank(r, r.ti)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.some((r) => r.indicator.notRanked) && (
            <p className="muted small" data-testid="not-ranked-note">
              {textOf(t, rows.find((r) => r.indicator.notRanked)!.indicator.notRanked!)}
            </p>
          )}
          <ThemeSources indicators={rows.map((r) => r.indicator)} ctx={ctx} />
        </section>
      ))}
    </div>
  );
}
