import { GENERATION_LABEL, GENERATIONS } from '../data/types.ts';
import { formatNumber } from '../domain/format.ts';
import { useAtlas } from '../state/store.ts';
import { BasketButtons } from './ComparePanel.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { ProgrammesSection } from './ProgrammesSection.tsx';
import { SourceLine } from './SourceLine.tsx';
import { ThemeSentences } from './ThemeSentences.tsx';
import { useLang, useT } from './useT.ts';
import { ZoneEmploiSection } from './ZoneEmploiSection.tsx';

export function EpciProfile({ code }: { code: string }) {
  const t = useT();
  const lang = useLang();
  const catalog = useAtlas((s) => s.catalog)!;
  const popYear = useAtlas((s) => s.data!.territories.populationYear);
  const select = useAtlas((s) => s.select);
  const generation = useAtlas((s) => s.view.generation);
  const e = catalog.epci.get(code)!;
  const inset = e.inset ? catalog.departements.get(e.inset)?.name : null;
  return (
    <article className="profile-body" aria-labelledby="profile-title">
      <p className="kind">
        {t('kind.epci')} · {t(`nature.${e.nature}`)}
      </p>
      <h2 id="profile-title">{e.name}</h2>
      {inset && <p className="hint">{t('panel.inset', { name: inset })}</p>}
      <dl className="facts">
        <dt>
          {t('panel.population')} ({popYear})
        </dt>
        <dd data-testid="population">
          {formatNumber(e.population, { lang })} {t('units.inhabitants')}
        </dd>
        <dt>{t('panel.communes')}</dt>
        <dd data-testid="communes">{formatNumber(e.communes, { lang })}</dd>
        <dt>{t('panel.area')}</dt>
        <dd>
          {formatNumber(e.areaKm2, { lang, decimals: 0 })} {t('units.km2')}
        </dd>
        <dt>{t('panel.departements')}</dt>
        <dd>{e.departements.map((d) => `${catalog.departements.get(d)?.name ?? d} (${d})`).join(', ')}</dd>
        <dt>{t('panel.regions')}</dt>
        <dd>{e.regions.map((r) => catalog.regions.get(r)?.name ?? r).join(', ')}</dd>
        <dt>{t('panel.siren')}</dt>
        <dd>
          <code>{e.code}</code>
        </dd>
      </dl>
      {e.ept && (
        <details>
          <summary>
            {t('panel.ept')} ({e.ept.length})
          </summary>
          <ul className="plain">
            {e.ept.map((x) => (
              <li key={x.code}>
                <button type="button" className="link-button" onClick={() => select({ kind: 'epci', code: x.code })}>
                  {catalog.ept.get(x.code)?.name ?? x.name}
                </button>{' '}
                <code>{x.code}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      <h3>{t('panel.tiMembership')}</h3>
      <ul className="ti-membership" data-testid="ti-membership">
        {GENERATIONS.map((g) => {
          const tis = e.ti[g].map((id) => catalog.ti.get(`${g}:${id}`)!).filter(Boolean);
          return (
            <li key={g}>
              <span className="gen">{GENERATION_LABEL[g]}</span>{' '}
              {tis.length === 0 ? (
                <em>{t('panel.tiNone')}</em>
              ) : (
                tis.map((ti, i) => (
                  <span key={ti.key}>
                    {i > 0 && ', '}
                    <button type="button" className="link-button" onClick={() => select({ kind: 'ti', code: ti.key })}>
                      {ti.name}
                    </button>
                    {ti.partialEpcis.includes(e.code) && <> ({t('panel.tiPartial')})</>}
                  </span>
                ))
              )}
            </li>
          );
        })}
      </ul>
      <BasketButtons code={e.code} neighbours={e.neighbours} />
      <ThemeSentences code={e.code} level="epci" generation={generation} />
      <ProgrammesSection epcis={[e.code]} />
      <IndicatorTable code={e.code} level="epci" generation={generation} />
      <ZoneEmploiSection kind="epci" code={e.code} />
      <button type="button" className="print no-print" onClick={() => window.print()}>
        {t('profile.print')}
      </button>
      <SourceLine ids={['cog', 'geo_epci', 'ti_2023', 'ti_2018']} />
    </article>
  );
}
