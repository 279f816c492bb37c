import { useState } from 'react';
import { useAtlas } from '../state/store.ts';
import { SourcesDialog } from './SourcesDialog.tsx';
import { useT } from './useT.ts';

export function Header() {
  const t = useT();
  const lang = useAtlas((s) => s.view.lang);
  const setView = useAtlas((s) => s.setView);
  const [sourcesOpen, setSourcesOpen] = useState(false);
  return (
    <header className="header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{t('app.subtitle')}</p>
      </div>
      <div className="header-tools">
        <button type="button" className="link-button" onClick={() => setSourcesOpen(true)}>{t('sources.open')}</button>
        <div className="lang-switch" role="group" aria-label={t('app.language')}>
          {(['fr', 'en'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => setView({ lang: l })}>{l.toUpperCase()}</button>
          ))}
        </div>
      </div>
      {sourcesOpen && <SourcesDialog onClose={() => setSourcesOpen(false)} />}
    </header>
  );
}
