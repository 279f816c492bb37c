// What shows the data (panels, legend, profiles, comparison, print sheet, embed) is a chunk of its
// own: it loads with the data, which a bare address holds back until its first map is drawn
// (src/data/load.ts), so that the first map downloads only what it draws.
import { useUserDataSync } from '../state/user-data-sync.ts';

export { BasketBar } from './ComparePanel.tsx';
export { EmbedView, MapSummary } from './EmbedView.tsx';
export { FilterPanel } from './FilterPanel.tsx';
export { IndicatorPanel } from './IndicatorPanel.tsx';
export { LayerControls } from './LayerControls.tsx';
export { Legend } from './Legend.tsx';
export { Panel } from './Panel.tsx';
export { PrintSheet } from './PrintSheet.tsx';

/** The user's imported tables (« vos données »): read from storage once the data is there. */
export function UserDataSync() {
  useUserDataSync();
  return null;
}
