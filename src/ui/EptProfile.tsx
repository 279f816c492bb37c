import { useMemo } from 'react';
import { GENERATION_LABEL, GENERATIONS } from '../data/types.ts';
import { formatNumber } from '../domain/format.ts';
import { indicatorsOf, isAvailable, type NumericIndicator, THEMES } from '../domain/indicators.ts';
import { partValue } from '../domain/parts.ts';
import { textOf } from '../domain/text.ts';
import { indicatorContext } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { MissingValue } from './MissingValue.tsx';
import { ProgrammesSection } from './ProgrammesSection.tsx';
import { SourceLine } from './SourceLine.tsx';
import { ThemeSources } from './ThemeSources.tsx';
import { useLang, useT } from './useT.ts';

/** Profile of an EPT of the Métropole du Grand Paris: its own values, no rank among EPCI. */
export function EptProfile({ code }: { code: string }) {
  const t = useT();
  const lang = useLang();
  const catalog = useAtlas((s) => s.catalog)!;
  const popYear = useAtlas((s) => s.data!.territories.populationYear);
  const select = useAtlas((s) => s.select);
  const base = useAtlas(indicatorContext)!;
  const ctx = useMemo(() => ({ ...base, level: 'epci' as const }), [base]);
  const e = catalog.ept.get(code)!;
  const metropole = catalog.epci.get(e.metropole);
  const inds = indicatorsOf(ctx).filter(
    (i): i is NumericIndicator => i.type === 'numeric' && !i.user && isAvailable(i, 'epci'),
  );
  return (
    <article className="profile-body" aria-labelledby="profile-title">
      <p className="kind">{t('nature.EPT')}</p>
      <h2 id="profile-title">{e.name}</h2>
      <p className="hint" data-testid="ept-note">
        {t('ept.note')}{' '}
        {metropole && (
          <button type="button" className="link-button" onClick={() => select({ kind: 'epci', code: metropole.code })}>
            {metropole.name}
          </button>
        )}
        . {t('ept.notRanked')}
      </p>
      <dl className="facts">
        <dt>
          {t('panel.population')} ({popYear})
        </dt>
        <dd data-testid="population">
          {formatNumber(e.population, { lang })} {t('units.inhabitants')}
        </dd>
        <dt>{t('panel.communes')}</dt>
        <dd>{formatNumber(e.communes, { lang })}</dd>
        <dt>{t('panel.departements')}</dt>
        <dd>{e.departements.map((d) => `${catalog.departements.get(d)?.name ?? d} (${d})`).join(', ')}</dd>
        <dt>{t('panel.siren')}</dt>
        <dd>
          <code>{e.code}</code>
        </dd>
      </dl>
      <h3>{t('panel.tiMembership')}</h3>
      <ul className="ti-membership">
        {GENERATIONS.map((g) => (
          <li key={g}>
            <span className="gen">{GENERATION_LABEL[g]}</span>{' '}
            {e.ti[g].length === 0 ? (
              <em>{t('panel.tiNone')}</em>
            ) : (
              e.ti[g].map((id) => catalog.ti.get(`${g}:${id}`)!.name).join(', ')
            )}
          </li>
        ))}
      </ul>
      <ProgrammesSection epcis={[e.code]} />
      <div className="indicator-table" data-testid="indicator-table">
        <h3>{t('profile.indicators')}</h3>
        {THEMES.map((th) => ({ th, rows: inds.filter((i) => i.theme === th) }))
          .filter((g) => g.rows.length > 0)
          .map(({ th, rows }) => (
            <section key={th}>
              <h4>{t(`indicator.themes.${th}`)}</h4>
              <table>
                <tbody>
                  {rows.map((ind) => {
                    const v = partValue(ctx, ind, e.code, 'ept');
                    return (
                      <tr key={ind.id} data-indicator={ind.id}>
                        <th scope="row">
                          {textOf(t, ind.short ?? ind.label)} <span className="muted small">{ind.year(ctx)}</span>
                        </th>
                        <td className="num">
                          {v.value === null ? (
                            <MissingValue missing={v.missing} />
                          ) : (
                            <>
                              {formatNumber(v.value, { lang, decimals: ind.decimals })}{' '}
                              <span className="muted small">{textOf(t, ind.unit)}</span>
                            </>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <ThemeSources indicators={rows} ctx={ctx} />
            </section>
          ))}
      </div>
      <SourceLine ids={['cog', 'ti_2023', 'ti_2018']} />
    </article>
  );
}
