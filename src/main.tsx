import { createRoot } from 'react-dom/client';
import { loadLanguage } from './i18n/index.ts';
import { holdAtlasData, loadAtlasData, loadFirstView, loadTopology, startsFromFirstView } from './state/load.ts';
import { App } from './ui/App.tsx';
import './ui/app.css';

// The data download starts now, not in an effect after the first render (where it would wait for
// the map's creation, a long task): App and the map pick up the same promises. A bare address
// draws its first map from the topology and first-view.json; the rest follows that map.
if (startsFromFirstView(window.location.search)) {
  holdAtlasData();
  loadFirstView().catch(() => undefined);
}
loadTopology().catch(() => undefined);
loadAtlasData().catch(() => undefined);

const render = () => createRoot(document.getElementById('root')!).render(<App />);
// A page opened in English waits for its dictionary (a small chunk) rather than flashing French.
if (new URLSearchParams(window.location.search).get('lang') === 'en') loadLanguage('en').then(render, render);
else render();
