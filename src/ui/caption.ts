// The caption of the current map (title, legend, sources), shared by the export dialog and the
// embed view: its own module so that the embed view does not pull the export code in.
import { buildCaption, type Caption } from '../domain/export/caption.ts';
import { translator } from '../i18n/index.ts';
import { COLORS } from '../map/style.ts';
import { choropleth, filterResult, indicatorContext } from '../state/derived.ts';
import type { AtlasStore } from '../state/store.ts';

export function captionFor(s: AtlasStore, date = new Date()): Caption | null {
  const ctx = indicatorContext(s);
  if (!ctx || !s.data) return null;
  const fr = filterResult(s);
  const active = s.view.filters.length > 0 && fr !== null;
  return buildCaption({
    choropleth: choropleth(s),
    ctx,
    lang: s.view.lang,
    sources: s.data.manifest.sources,
    showTi: s.view.showTi,
    filtered: active ? { count: fr.count, total: fr.match.length } : null,
    filters: s.view.filters,
    tiTint: COLORS.tiTint,
    date,
    t: translator(s.view.lang) as never,
  });
}
