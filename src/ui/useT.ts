import { useEffect, useMemo, useState } from 'react';
import { hasLanguage, loadLanguage, translator } from '../i18n/index.ts';
import { useAtlas } from '../state/store.ts';

export function useT() {
  const lang = useAtlas((s) => s.view.lang);
  // The English dictionary is a chunk of its own: render again once it is there.
  const [loaded, setLoaded] = useState(() => hasLanguage(lang));
  useEffect(() => {
    if (hasLanguage(lang)) return setLoaded(true);
    let live = true;
    setLoaded(false);
    loadLanguage(lang).then(
      () => live && setLoaded(true),
      () => undefined, // stays in French; the next switch retries
    );
    return () => {
      live = false;
    };
  }, [lang]);
  // A new `t` once the dictionary is there, so that texts memoised on `t` are made again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `loaded` is the point
  return useMemo(() => translator(lang), [lang, loaded]);
}

export function useLang() {
  return useAtlas((s) => s.view.lang);
}
