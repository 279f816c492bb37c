// First: the downloads and the main map start before React's modules evaluate (map-boot.ts).
import './ui/map-boot.ts';
import { createRoot } from 'react-dom/client';
import { loadLanguage } from './i18n/index.ts';
import { App } from './ui/App.tsx';
import './ui/app.css';

const render = () => createRoot(document.getElementById('root')!).render(<App />);
// A page opened in English waits for its dictionary (a small chunk) rather than flashing French.
if (new URLSearchParams(window.location.search).get('lang') === 'en') loadLanguage('en').then(render, render);
else render();
