// First: the downloads and the main map start before React's modules evaluate (map-boot.ts). A
// side-effect import: the import sorter keeps it first.
import './ui/map-boot.ts';
import { createRoot } from 'react-dom/client';
import { loadLanguage } from './i18n/index.ts';
import { App } from './ui/App.tsx';
import { mapStarted } from './ui/map-boot.ts';
import './ui/app.css';

const render = () => createRoot(document.getElementById('root')!).render(<App />);
// React renders once the map has started (map-boot.ts). A page opened in English also waits for
// its dictionary (a small chunk, requested now) rather than flashing French.
const english = new URLSearchParams(window.location.search).get('lang') === 'en';
const dictionary = english ? loadLanguage('en').catch(() => undefined) : null;
Promise.all([mapStarted, dictionary]).then(render);
