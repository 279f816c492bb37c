// National view of the Cour des comptes' question: industrial jobs in zones d'emploi mostly
// covered by a TI against the other zones, for each TI generation, with its method stated.
import { useState } from 'react';
import { GENERATION_LABEL, GENERATIONS } from '../data/types.ts';
import { formatNumber } from '../domain/format.ts';
import { tiZoneComparison } from '../domain/zones-emploi.ts';
import { SourceLine } from './SourceLine.tsx';
import { useLang, useT } from './useT.ts';
import { useZonesEmploi } from './useZonesEmploi.ts';
import { BarChart } from './ZoneCharts.tsx';
import './zones-emploi.css';

export function ZoneNationalView() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="ze-national"
      data-testid="ze-national"
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('ze.national.title')}</summary>
      {open && <NationalBody />}
    </details>
  );
}

function NationalBody() {
  const t = useT();
  const lang = useLang();
  const state = useZonesEmploi();
  if (state === null) return <p className="hint">{t('ze.loading')}</p>;
  if ('error' in state)
    return (
      <p className="hint warn" role="alert">
        {t('ze.loadError', { detail: state.error })}
      </p>
    );
  const pct = (v: number) => formatNumber(v, { lang, decimals: 1, signed: true, unit: '%' });
  return (
    <div>
      <p>{t('ze.national.intro')}</p>
      {GENERATIONS.map((g) => {
        const rows = tiZoneComparison(state.file, g);
        const label = t('ze.national.generation', { label: GENERATION_LABEL[g] });
        return (
          <div key={g} className="ze-zone">
            <h4>{label}</h4>
            <BarChart
              title={`${label} · ${t('ze.national.change2022')} / ${t('ze.national.change2024')}`}
              decimals={1}
              unit=" %"
              items={rows.flatMap((r) => [
                { label: `${t(`ze.national.${r.group}Short`)} ${t('ze.national.change2022')}`, value: r.change2022 },
                { label: `${t(`ze.national.${r.group}Short`)} ${t('ze.national.change2024')}`, value: r.change2024 },
              ])}
            />
            <p className="sr-only">{t('ze.national.chartLabel')}</p>
            <table className="ze-table" data-testid={`ze-national-${g}`}>
              <caption>{label}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ze.national.group')}</th>
                  <th scope="col">{t('ze.national.zones')}</th>
                  <th scope="col">{t('ze.national.jobs2019')}</th>
                  <th scope="col">{t('ze.national.change2022')}</th>
                  <th scope="col">{t('ze.national.change2024')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.group}>
                    <th scope="row">{t(`ze.national.${r.group}`)}</th>
                    <td className="num">{formatNumber(r.zones, { lang, decimals: 0 })}</td>
                    <td className="num">{formatNumber(r.jobs2019, { lang, decimals: 0 })}</td>
                    <td className="num">{pct(r.change2022)}</td>
                    <td className="num">{pct(r.change2024)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <p className="hint">{t('ze.national.method')}</p>
      <SourceLine ids={['emploi_a38_ze', 'ze_communes', 'ti_2023', 'ti_2018', 'cog']} />
    </div>
  );
}
