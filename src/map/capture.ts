// Reading the map's pixels for exports, and telling when the map is drawn. The read happens inside the
// 'render' event, while the WebGL drawing buffer is still valid, so it works without preserveDrawingBuffer.
import type * as maplibregl from 'maplibre-gl';

/** Runs `read` on the canvas of the next rendered frame. */
export function nextFrame<T>(m: maplibregl.Map, read: (canvas: HTMLCanvasElement) => T): Promise<T> {
  return new Promise((resolve) => {
    m.once('render', () => resolve(read(m.getCanvas())));
    m.triggerRepaint();
  });
}

/**
 * `data-map-state` on the container, readable by tests and assistive tech alike: 'idle' once every
 * tile and colour is drawn, the layers left out of the first frame included (`complete`).
 */
export function bindMapState(m: maplibregl.Map, container: HTMLElement, complete: () => boolean): void {
  container.setAttribute('data-map-state', 'busy');
  m.on('render', () => container.setAttribute('data-map-state', 'busy'));
  m.on('idle', () => complete() && container.setAttribute('data-map-state', 'idle'));
}
