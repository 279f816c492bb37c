// Mirrors the store's view in the URL (history.pushState) and back (popstate), through the
// pure codec of src/domain/url.ts. Unknown or malformed parameters are reported to the user.
import { useEffect } from 'react';
import { PRESENTATION_PARAMS, stripPresentationParams } from '../domain/export/embed.ts';
import { decodeView } from '../domain/url.ts';
import { encodeView, viewEquals } from '../domain/url-encode.ts';
import type { ViewState } from '../domain/view.ts';
import { translator } from '../i18n/index.ts';
import { useAtlas } from './store.ts';

function knownSets() {
  const { catalog } = useAtlas.getState();
  if (!catalog) return undefined;
  return { epci: new Set(catalog.epci.keys()), ti: new Set(catalog.ti.keys()) };
}

function readUrl(report: boolean): void {
  // Presentation flags (embed=1, interactive=0…) are not part of the view: not reported as unknown.
  const { view, dropped } = decodeView(stripPresentationParams(window.location.search), knownSets());
  const store = useAtlas.getState();
  if (!viewEquals(view, store.view)) store.replaceView(view);
  if (report && dropped.length > 0) {
    const t = translator(view.lang);
    store.notify(t('url.dropped', { list: dropped.map((d) => `${d.param}=${d.value}`).join(', ') }));
  }
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
      const onlyViewport = viewEquals({ ...s.view, viewport: last.viewport }, last);
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
      else history.pushState(null, '', url);
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
