import { SPRINT_RULE } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { useModal } from './useModal.ts';
import { useT } from './useT.ts';

export function SourcesDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const manifest = useAtlas((s) => s.data?.manifest);
  const zones = useAtlas((s) => s.data?.indicators.zibac.length ?? 0);
  const lang = useAtlas((s) => s.view.lang);
  const ref = useModal();
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="sources-title" onClose={onClose} onCancel={onClose}>
      <h2 id="sources-title">{t('sources.title')}</h2>
      {manifest ? (
        <>
          <ul className="sources-list" data-testid="sources-inputs">
            {manifest.sources.map((s) => (
              <li key={s.id} data-source={s.id}>
                <strong>{s.title}</strong> — {s.producer}. {t('sources.year')} : {s.year}. {t('sources.licence')} :{' '}
                {s.licence}
                {s.licenceToConfirm && <strong className="to-confirm"> ({t('sources.toConfirm')})</strong>}.{' '}
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.url}
                </a>
                {manifest.coverage[s.id] && (
                  <span className="muted">
                    {' '}
                    ({manifest.coverage[s.id].matched}/{manifest.coverage[s.id].total})
                  </span>
                )}
                <br />
                <span className="muted small">
                  {t('sources.file')} : <code>{s.path}</code>
                  {s.present ? (
                    s.sha256 && (
                      <>
                        {' '}
                        · {t('sources.sha256')} : <code className="sha">{s.sha256}</code>
                      </>
                    )
                  ) : (
                    <> · {t('sources.absent')}</>
                  )}
                </span>
              </li>
            ))}
          </ul>
          <p data-testid="ti-counts">
            {t('sources.tiCounts', { ti2018: manifest.counts.ti2018, ti2023: manifest.counts.ti2023 })}
          </p>
          <h3>{t('sources.rules')}</h3>
          <ul className="sources-list">
            <li>
              <strong>{t('sprint.title')}</strong> — {SPRINT_RULE.thresholdText[lang]}{' '}
              {SPRINT_RULE.interpretation[lang]} <span className="muted">{SPRINT_RULE.citation}</span>
            </li>
            <li>
              <strong>ZIBaC</strong> — {t('zibac.known', { count: zones })}. {t('sources.zibacNote')}
            </li>
            <li>
              <strong>Cartofriches</strong> — {t('friches.caveat')}
            </li>
            <li>
              <strong>{t('kind.ept')}</strong> — {t('ept.note')} {t('ept.notRanked')}
            </li>
            <li data-testid="breaks-rule">
              <strong>{t('sources.breaks', { count: manifest.breaks.length })}</strong> — {t('sources.breaksRule')}
            </li>
            <li>
              <strong>Urssaf</strong> — {t('sources.urssafNote')}
            </li>
            <li>
              <strong>{t('sources.insets')}</strong> — {t('layers.insetNote')}
            </li>
          </ul>
          <h3>{t('sources.gaps')}</h3>
          <ul className="sources-list">
            {manifest.gaps.map((g) => (
              <li key={g.id}>
                <strong>{g.title}</strong> — {g.officialSource}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form method="dialog">
        <button type="submit">{t('panel.close')}</button>
      </form>
    </dialog>
  );
}
