// What shows the data (panels, legend, profiles, comparison, print sheet, embed) and the URL mirror
// (a link is checked against the data) are a chunk of their own: it loads with the data, which a
// bare address holds back until its first map is drawn (src/state/load.ts), so that the first map
// downloads only what it draws.
import { useUrlSync } from '../state/url-sync.ts';
import { useUserDataSync } from '../state/user-data-sync.ts';

export { readLink } from '../state/url-sync.ts';

export { BasketBar } from './ComparePanel.tsx';
export { EmbedView, MapSummary } from './EmbedView.tsx';
export { FilterPanel } from './FilterPanel.tsx';
export { IndicatorPanel } from './IndicatorPanel.tsx';
export { LayerControls } from './LayerControls.tsx';
export { Legend } from './Legend.tsx';
export { Panel } from './Panel.tsx';
export { PrintSheet } from './PrintSheet.tsx';

/** The URL mirrors the view (the link is read once the data is there, as before). */
export function UrlSync() {
  useUrlSync();
  return null;
}

/** The user's imported tables (« vos données »): read from storage once the data is there. */
export function UserDataSync() {
  useUserDataSync();
  return null;
}
