// Mirrors the store's view in the URL (history.pushState) and back (popstate), through the
// pure codec of src/domain/url.ts. Unknown or malformed parameters are reported to the user.
import { useEffect } from 'react';
import { DIMENSIONS } from '../domain/choropleth.ts';
import { SCHEMES } from '../domain/classify.ts';
import { PRESENTATION_PARAMS, stripPresentationParams } from '../domain/export/embed.ts';
import { knownCategories } from '../domain/link-known.ts';
import { encodeView, type KnownCodes, viewEquals } from '../domain/url.ts';
import { decodeView } from '../domain/url-decode.ts';
import type { ViewState } from '../domain/view.ts';
import { translator } from '../i18n/index.ts';
import { indicatorContext } from './derived.ts';
import { useAtlas } from './store.ts';
import { describeDropped } from './url-report.ts';

let known: KnownCodes | undefined;
/** Catalogues a link is checked against (indicators are checked once imported tables are read). */
function knownSets(): KnownCodes | undefined {
  const s = useAtlas.getState();
  const ctx = indicatorContext(s);
  if (!s.catalog || !ctx) return undefined;
  known ??= {
    epci: new Set([...s.catalog.epci.keys(), ...s.catalog.ept.keys()]),
    ti: new Set(s.catalog.ti.keys()),
    schemes: new Set(Object.keys(SCHEMES)),
    dimensions: new Set(DIMENSIONS),
    categories: knownCategories(ctx),
  };
  return known;
}

/** Reads the link into the view at once, once the data is in the store (useUrlSync reports what it drops). */
export const readLink = () => readUrl(false);

function readUrl(report: boolean): void {
  // Presentation flags (embed=1, interactive=0…) are not part of the view: not reported as unknown.
  const search = window.location.search;
  const bare = search.replace(/^\?/, '') === '';
  const { view, dropped } = decodeView(stripPresentationParams(search), knownSets(), { bare });
  const store = useAtlas.getState();
  if (!viewEquals(view, store.view)) store.replaceView(view);
  if (report && dropped.length > 0) store.notify(describeDropped(dropped, view, translator(view.lang)));
}

export function useUrlSync(): void {
  const ready = useAtlas((s) => s.catalog !== null);
  useEffect(() => {
    if (!ready) return;
    readUrl(true);
    let last: ViewState = useAtlas.getState().view;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsub = useAtlas.subscribe((s) => {
      if (s.view === last) return;
      // Panning and custom groups (restored from this browser) do not make a history step.
      const onlyViewport = viewEquals({ ...s.view, viewport: last.viewport, groups: last.groups }, last);
      last = s.view;
      // Presentation flags (embed=1…) stay in the address; they are not part of the view.
      const current = new URLSearchParams(window.location.search);
      const kept = PRESENTATION_PARAMS.filter((p) => current.has(p)).map(
        (p) => `${p}=${encodeURIComponent(current.get(p)!)}`,
      );
      const query = [encodeView(s.view), ...kept].filter(Boolean).join('&');
      const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
      if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
      // Panning replaces the entry (debounced); any other change is a new history step, except
      // inside an embed, where the host page's back button must not collect our clicks.
      clearTimeout(timer);
      if (onlyViewport || kept.length > 0)
        timer = setTimeout(() => history.replaceState(null, '', url), onlyViewport ? 300 : 0);
      // A task of its own: pushState is slow (a few ms) and the change must not wait for it.
      else setTimeout(() => history.pushState(null, '', url));
    });
    const onPop = () => {
      readUrl(false);
      last = useAtlas.getState().view;
    };
    window.addEventListener('popstate', onPop);
    return () => {
      unsub();
      window.removeEventListener('popstate', onPop);
    };
  }, [ready]);
}
