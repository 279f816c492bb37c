import { useState } from 'react';
import { useAtlas } from '../state/store.ts';
import { lazyComponent, useAfterFirstMap } from './lazy.tsx';
import { useT } from './useT.ts';

// Loaded on first use (dialogs) or once the first map is drawn (search, import button).
const ExportDialog = lazyComponent(
  () => import('./ExportDialog.tsx'),
  (m) => m.ExportDialog,
);
const TableDialog = lazyComponent(
  () => import('./TableDialog.tsx'),
  (m) => m.TableDialog,
);
const ShareDialog = lazyComponent(
  () => import('./ShareDialog.tsx'),
  (m) => m.ShareDialog,
);
const SourcesDialog = lazyComponent(
  () => import('./SourcesDialog.tsx'),
  (m) => m.SourcesDialog,
);
const SearchBox = lazyComponent(
  () => import('./SearchBox.tsx'),
  (m) => m.SearchBox,
  <SearchPlaceholder />,
);
const ImportButton = lazyComponent(
  () => import('./import/ImportDropZone.tsx'),
  (m) => m.ImportButton,
  <ImportPlaceholder />,
);

export function Header() {
  const t = useT();
  const lang = useAtlas((s) => s.view.lang);
  const setView = useAtlas((s) => s.setView);
  const [sourcesOpen, setSourcesOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState<'share' | 'export' | 'table' | null>(null);
  const later = useAfterFirstMap();
  return (
    <header className="header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{t('app.subtitle')}</p>
      </div>
      {later ? <SearchBox /> : <SearchPlaceholder />}
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
        {later ? <ImportButton /> : <ImportPlaceholder />}
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

/** Holds the search box's place (same size) until its code is loaded. */
function SearchPlaceholder() {
  const t = useT();
  return (
    <div className="search">
      <input type="text" disabled aria-label={t('search.label')} placeholder={t('search.placeholder')} />
    </div>
  );
}

function ImportPlaceholder() {
  const t = useT();
  return (
    <button type="button" className="link-button" disabled>
      {t('userData.open')}
    </button>
  );
}
