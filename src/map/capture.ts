// Reading the map's pixels for exports. The read happens inside the 'render' event, while the
// WebGL drawing buffer is still valid, so it works without preserveDrawingBuffer.
import type * as maplibregl from 'maplibre-gl';

/** Runs `read` on the canvas of the next rendered frame. */
export function nextFrame<T>(m: maplibregl.Map, read: (canvas: HTMLCanvasElement) => T): Promise<T> {
  return new Promise((resolve) => {
    m.once('render', () => resolve(read(m.getCanvas())));
    m.triggerRepaint();
  });
}
