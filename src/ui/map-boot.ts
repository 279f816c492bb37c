// The downloads and the main map start before React: main.tsx imports this module first, so the
// map, its worker and its shaders start while React and the interface evaluate and render. MapView
// then moves the map's element into its place in the layout (the same size on a desktop screen).
import { readEmbedFlags } from '../domain/export/embed.ts';
import { firstViewSource } from '../domain/first-view.ts';
import { holdForFirstView, loadAtlasData } from '../state/load.ts';
import { MapSession } from './map-session.ts';

const STARTED_WAIT = 1000;

let booted: MapSession | null = null;
let started: () => void = () => undefined;
/**
 * Resolves once the booted map has its layers and its worker loads the first tiles (at most
 * STARTED_WAIT ms): React renders after that, so that its work does not delay the map's first
 * frame, where the style loads and the tiles are requested.
 */
export const mapStarted = new Promise<void>((resolve) => {
  started = resolve;
  setTimeout(resolve, STARTED_WAIT);
});

/**
 * The interactive main view on a desktop-sized screen: an embed, or a phone's layout (the map
 * below the controls), start their map in MapView as before.
 */
function bootsEarly(): boolean {
  const flags = readEmbedFlags(window.location.search);
  return !flags.embed && window.matchMedia('(min-width: 721px)').matches;
}

// App and the map pick up the same promises. A bare address, or a link that names only its
// indicator, draws its first map from the tiles and its first-view file, and holds the data
// (the topology included) until that map is drawn.
const first = firstViewSource(window.location.search);
if (first) holdForFirstView(first);
loadAtlasData().catch(() => undefined);

if (bootsEarly()) {
  // Where the layout puts the map (app.css `.map-boot`), until MapView adopts it.
  const holder = document.createElement('div');
  holder.className = 'map-boot';
  document.body.append(holder);
  try {
    booted = new MapSession(holder, true);
    booted.ready.then(() => started());
  } catch {
    holder.remove(); // MapView tries again and shows the error
    started();
  }
} else started();

/** The map started before React, once: MapView adopts it (null when none was started). */
export function takeBootedMap(): MapSession | null {
  const session = booted;
  booted = null;
  document.querySelector('.map-boot')?.remove();
  return session;
}
