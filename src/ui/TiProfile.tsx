import { GENERATION_LABEL } from '../data/types.ts';
import { formatNumber } from '../domain/format.ts';
import { useAtlas } from '../state/store.ts';
import { BasketButtons } from './ComparePanel.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { ProgrammesSection } from './ProgrammesSection.tsx';
import { SourceLine } from './SourceLine.tsx';
import { ThemeSentences } from './ThemeSentences.tsx';
import { MemberValues, PerimeterChanges } from './TiExtras.tsx';
import { useLang, useT } from './useT.ts';
import { ZoneEmploiSection } from './ZoneEmploiSection.tsx';

export function TiProfile({ tiKey }: { tiKey: string }) {
  const t = useT();
  const lang = useLang();
  const catalog = useAtlas((s) => s.catalog)!;
  const select = useAtlas((s) => s.select);
  const popYear = useAtlas((s) => s.data!.territories.populationYear);
  const ti = catalog.ti.get(tiKey)!;
  const kindLabel = { epci: t('panel.memberEpci'), ept: t('panel.memberEpt'), commune: t('panel.memberCommune') };
  return (
    <article className="profile-body" aria-labelledby="profile-title">
      <p className="kind">
        {t('kind.ti')} · {GENERATION_LABEL[ti.generation]}
      </p>
      <h2 id="profile-title">{ti.name}</h2>
      <dl className="facts">
        <dt>
          {t('panel.population')} ({popYear})
        </dt>
        <dd data-testid="population">
          {formatNumber(ti.population, { lang })} {t('units.inhabitants')}
        </dd>
        <dt>{t('panel.departements')}</dt>
        <dd>{ti.departements.map((d) => `${catalog.departements.get(d)?.name ?? d} (${d})`).join(', ')}</dd>
        <dt>{t('panel.regions')}</dt>
        <dd>{ti.regions.map((r) => catalog.regions.get(r)?.name ?? r).join(', ')}</dd>
      </dl>
      {ti.partialEpcis.length > 0 && <p className="hint">{t('panel.partialNote')}</p>}
      <h3>
        {t('panel.members')} ({ti.members.length})
      </h3>
      <ul className="plain members" data-testid="ti-members">
        {ti.members.map((m) => (
          <li key={m.code}>
            {m.kind === 'epci' ? (
              <button type="button" className="link-button" onClick={() => select({ kind: 'epci', code: m.code })}>
                {m.name}
              </button>
            ) : m.kind === 'ept' ? (
              <>
                <button type="button" className="link-button" onClick={() => select({ kind: 'epci', code: m.code })}>
                  {catalog.ept.get(m.code)?.name ?? m.name}
                </button>{' '}
                <span className="muted">
                  ({kindLabel[m.kind]}, {catalog.epci.get(m.epci)?.name})
                </span>
              </>
            ) : (
              <>
                {m.name}{' '}
                <span className="muted">
                  ({kindLabel[m.kind]}, {catalog.epci.get(m.epci)?.name})
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      <BasketButtons code={ti.key} />
      <ThemeSentences code={ti.key} level="ti" generation={ti.generation} />
      <ProgrammesSection epcis={ti.epcis} ti={ti} />
      <IndicatorTable code={ti.key} level="ti" generation={ti.generation} />
      <MemberValues ti={ti} />
      <ZoneEmploiSection kind="ti" code={ti.key} />
      <PerimeterChanges ti={ti} />
      <button type="button" className="print no-print" onClick={() => window.print()}>
        {t('profile.print')}
      </button>
      <SourceLine ids={[ti.generation === '2023' ? 'ti_2023' : 'ti_2018', 'cog']} />
    </article>
  );
}
