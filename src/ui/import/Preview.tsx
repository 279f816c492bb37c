// The first rows of the file, as read (text only, never HTML).

import type { ParseReport } from '../../domain/import/index.ts';
import { useLang, useT } from '../useT.ts';
import { cellText } from './format.ts';
import type { Parsed } from './useImportFlow.ts';

const PREVIEW_COLS = 30;

export function Preview({ report, preview }: { report: ParseReport; preview: Parsed['preview'] }) {
  const t = useT();
  const lang = useLang();
  const cols = report.columns.slice(0, PREVIEW_COLS);
  return (
    <details className="import-preview" open>
      <summary>{t('userData.preview')}</summary>
      <div className="preview-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('userData.row')}</th>
              {cols.map((c) => (
                <th scope="col" key={c.index}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => (
              <tr key={i}>
                <td className="muted">{preview.rowNumbers[i]}</td>
                {cols.map((c) => (
                  <td key={c.index}>{cellText(r[c.index], lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
