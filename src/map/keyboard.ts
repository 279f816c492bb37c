// Keyboard use of the map canvas, on top of MapLibre's own keys (arrows pan, + and - zoom):
// « N » / « Maj+N » step through the territories in view, Enter opens the one reached, Escape
// leaves stepping. The adapter announces each step through its onStep callback.
interface Steppable {
  step(direction: 1 | -1): void;
  openStepped(): boolean;
  endStepping(): void;
  markUserFramed(): void;
}

const PAN_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', '+', '-', '=', '_']);

export function bindStepKeys(map: Steppable, container: HTMLElement): void {
  container.addEventListener('keydown', (e) => {
    if (!(e.target instanceof HTMLCanvasElement) || e.altKey || e.ctrlKey || e.metaKey) return;
    if (PAN_KEYS.has(e.key)) map.markUserFramed();
    else if (e.key === 'n' || e.key === 'N') {
      e.preventDefault();
      map.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (map.openStepped()) e.preventDefault();
    } else if (e.key === 'Escape') map.endStepping();
  });
  container.addEventListener('focusout', () => map.endStepping());
}
