import { useState } from 'react';
import { useAtlas } from '../state/store.ts';
import { ExportDialog, TableDialog } from './ExportDialog.tsx';
import { ImportButton } from './ImportDialog.tsx';
import { SearchBox } from './SearchBox.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { SourcesDialog } from './SourcesDialog.tsx';
import { useT } from './useT.ts';

export function Header() {
  const t = useT();
  const lang = useAtlas((s) => s.view.lang);
  const setView = useAtlas((s) => s.setView);
  const [sourcesOpen, setSourcesOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState<'share' | 'export' | 'table' | null>(null);
  return (
    <header className="header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{t('app.subtitle')}</p>
      </div>
      <SearchBox />
      <div className="header-tools">
        <span className="export-buttons">
          <button type="button" className="link-button" onClick={() => setExportOpen('table')} data-testid="open-table">
            {t('export.table')}
          </button>
          <button type="button" className="link-button" onClick={() => setExportOpen('share')} data-testid="open-share">
            {t('share.open')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => setExportOpen('export')}
            data-testid="open-export"
          >
            {t('export.open')}
          </button>
        </span>
        <ImportButton />
        <button type="button" className="link-button" onClick={() => setSourcesOpen(true)}>
          {t('sources.open')}
        </button>
        <fieldset className="lang-switch">
          <legend className="sr-only">{t('app.language')}</legend>
          {(['fr', 'en'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => setView({ lang: l })}>
              {l.toUpperCase()}
            </button>
          ))}
        </fieldset>
      </div>
      {sourcesOpen && <SourcesDialog onClose={() => setSourcesOpen(false)} />}
      {exportOpen === 'share' && <ShareDialog onClose={() => setExportOpen(null)} />}
      {exportOpen === 'export' && <ExportDialog onClose={() => setExportOpen(null)} />}
      {exportOpen === 'table' && <TableDialog onClose={() => setExportOpen(null)} />}
    </header>
  );
}
