/*
 * Atlas des Territoires d'industrie: automatic height for embedded maps.
 *
 * Include this script once in the host page, inline in a script element or from a file you
 * host, after (or before) the iframe(s), which look like:
 *
 *   <iframe src="https://…/atlas/?ind=friches&embed=1" title="…" width="100%" height="600"
 *     style="border:0" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>
 *
 * (The « Partager » dialog of the atlas generates both, the script inlined.)
 *
 * The embedded map posts { type: 'atlas-ti:height', height } to its parent window whenever
 * its content height changes (the message carries no data, hence targetOrigin '*').
 * This script listens for that message and sets the height of the iframe that sent it
 * (matched by event.source === iframe.contentWindow), so several maps can share a page.
 * Without this script the iframe keeps its `height` attribute and the map fills it.
 *
 * Plain ES2015, no dependency, no request, safe to include several times.
 */
(() => {
  if (window.__atlasTiHeight) return;
  window.__atlasTiHeight = true;
  const MAX = 10000;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'atlas-ti:height') return;
    const height = Math.ceil(Number(data.height));
    if (!(height > 0)) return;
    const frames = document.getElementsByTagName('iframe');
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      const h = `${Math.min(height, MAX)}px`;
      if (frame.style.height !== h) frame.style.height = h;
      return;
    }
  });
})();
