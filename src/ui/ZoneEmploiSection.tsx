// Profile section « Emploi industriel de la zone d'emploi »: the territory's main zone and every
// zone holding ≥ 10 % of its population, with France alongside. Zone figures, labelled as such.
import { formatNumber } from '../domain/format.ts';
import { shownZones, topSectors, ZE_YEARS, type ZoneFigures, type ZonesEmploiFile } from '../domain/zones-emploi.ts';
import { SourceLine } from './SourceLine.tsx';
import { useLang, useT } from './useT.ts';
import { useZonesEmploi } from './useZonesEmploi.ts';
import { BarChart, TrendChart } from './ZoneCharts.tsx';
import './zones-emploi.css';

const FIRST = ZE_YEARS[0],
  LAST = ZE_YEARS[ZE_YEARS.length - 1];

export function ZoneEmploiSection({ kind, code }: { kind: 'epci' | 'ti'; code: string }) {
  const t = useT();
  const state = useZonesEmploi();
  let body: React.ReactNode;
  if (state === null) body = <p className="hint">{t('ze.loading')}</p>;
  else if ('error' in state)
    body = (
      <p className="hint warn" role="alert">
        {t('ze.loadError', { detail: state.error })}
      </p>
    );
  else {
    const zones = shownZones(state.file, state.file[kind][code]);
    body =
      zones.length === 0 ? (
        <p className="hint">{t('ze.none')}</p>
      ) : (
        zones.map((z) => <ZoneBlock key={z.zone.code} file={state.file} z={z} />)
      );
  }
  return (
    <section className="ze-section" aria-labelledby="ze-title" data-testid="zone-emploi">
      <h3 id="ze-title">{t('ze.title')}</h3>
      <p className="hint">{t('ze.caveat')}</p>
      {body}
      <p className="hint">{t('ze.notPublished')}</p>
      <SourceLine ids={['emploi_a38_ze', 'ze_communes', 'cog']} />
    </section>
  );
}

function ZoneBlock({ file, z }: { file: ZonesEmploiFile; z: ZoneFigures }) {
  const t = useT();
  const lang = useLang();
  const n = (v: number | null, o: { decimals?: number; signed?: boolean; unit?: string } = {}) =>
    formatNumber(v, { lang, decimals: 0, ...o });
  const fr = file.france;
  const last = ZE_YEARS.length - 1;
  const sectors = topSectors(file, z.zone);
  const period = { from: FIRST, to: LAST };
  return (
    <div className="ze-zone" data-testid={`ze-zone-${z.zone.code}`}>
      <h4>
        {t('ze.zone', { name: z.zone.name, code: z.zone.code })}
        <span className="muted">
          {' '}
          · {z.main ? `${t('ze.main')} · ` : ''}
          {t('ze.share', { share: n(z.share * 100, { decimals: 0, unit: '%' }) })}
        </span>
      </h4>
      <table className="ze-table">
        <caption>{t('ze.figuresCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ze.year')}</th>
            <th scope="col">{t('ze.zoneCol')}</th>
            <th scope="col">{t('ze.france')}</th>
          </tr>
        </thead>
        <tbody>
          {ZE_YEARS.map((y, i) => (
            <tr key={y}>
              <th scope="row">{t('ze.jobs', { year: y })}</th>
              <td className="num">{n(z.industry[i])}</td>
              <td className="num">{n(fr.industry[i])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('ze.change', period)}</th>
            <td className="num" data-testid="ze-change">
              {n(z.change, { signed: true })}
            </td>
            <td className="num">{n(fr.industry[last] - fr.industry[0], { signed: true })}</td>
          </tr>
          <tr>
            <th scope="row">{t('ze.changePct', period)}</th>
            <td className="num" data-testid="ze-change-pct">
              {n(z.changePct, { decimals: 1, signed: true, unit: '%' })}
            </td>
            <td className="num">{n(z.franceChangePct, { decimals: 1, signed: true, unit: '%' })}</td>
          </tr>
          <tr>
            <th scope="row">{t('ze.industryShare', { year: LAST })}</th>
            <td className="num">{n(z.industryShare, { decimals: 1, unit: '%' })}</td>
            <td className="num">{n(z.franceIndustryShare, { decimals: 1, unit: '%' })}</td>
          </tr>
        </tbody>
      </table>
      <TrendChart
        zone={z.industry}
        france={fr.industry}
        labels={{ zone: z.zone.name, france: t('ze.france'), title: t('ze.trendTitle') }}
      />
      <p className="sr-only">{t('ze.trendLabel')}</p>
      {sectors.length > 0 && (
        <>
          <BarChart
            title={t('ze.sectorsTitle', { year: LAST })}
            items={sectors.map((s) => ({ label: s.sector.label, value: s.jobs }))}
          />
          <table className="ze-table">
            <caption>{t('ze.sectorsTitle', { year: LAST })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ze.sector')}</th>
                <th scope="col">{t('ze.sectorJobs', { year: LAST })}</th>
                <th scope="col">{t('ze.changePct', period)}</th>
                <th scope="col" title={t('ze.quotientHelp')}>
                  {t('ze.quotient')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sectors.map((s) => (
                <tr key={s.sector.code}>
                  <th scope="row">
                    {s.sector.label} <span className="muted">{s.sector.code}</span>
                  </th>
                  <td className="num">{n(s.jobs)}</td>
                  <td className="num">
                    {n(s.change, { signed: true })}
                    <br />
                    <span className="muted">{n(s.changePct, { decimals: 1, signed: true, unit: '%' })}</span>
                  </td>
                  <td className="num">{n(s.quotient, { decimals: 2 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('ze.quotientHelp')}</p>
        </>
      )}
    </div>
  );
}
