// The classification code (derived.ts, with d3 and simple-statistics) is not part of the first
// view's code: it loads with the data, and the map reads it from here once it is there.
type Derived = typeof import('./derived.ts');

let loaded: Derived | null = null;
export function loadDerived(): Promise<Derived> {
  return import('./derived.ts').then((m) => (loaded = m));
}
/** derived.ts once loaded (always before the data reaches the store: App waits for both). */
export const derivedModule = (): Derived | null => loaded;
