import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useAtlas } from '../state/store.ts';
import { afterFirstMap } from './lazy.tsx';

// Loaded after the first map (not part of the first view's code), ready long before anyone prints.
let exportSvg: typeof import('./export-svg.ts') | null = null;

/**
 * The printed page (A4) starts with the map as drawn for the SVG export: title, legend, the view's
 * filters and key, caveat, sources, date and permalink. Built only when the user prints.
 */
export function PrintSheet() {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    void afterFirstMap()
      .then(() => import('./export-svg.ts'))
      .then((m) => {
        exportSvg = m;
      })
      .catch(() => {}); // then the printout has the page without the map sheet
    const before = () => {
      const m = exportSvg;
      if (m) flushSync(() => setSvg(m.svgFor(useAtlas.getState())));
    };
    const after = () => setSvg(null);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  if (!svg) return null;
  // The SVG is built by our own pure code from our own data (text escaped there), not user HTML.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted SVG from src/domain/export/svg.ts
  return <div className="print-sheet" data-testid="print-sheet" dangerouslySetInnerHTML={{ __html: svg }} />;
}
