// The main map starts before React (src/ui/map-boot.ts): ES modules evaluate in import order, so
// map-boot must stay main.tsx's first import, or React's evaluation and first render would run
// before the map, its worker and its shaders start (`npm run bench` measures the difference).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

it('main.tsx imports the map boot before anything else', () => {
  const main = readFileSync(join(resolve(import.meta.dirname, '..', '..'), 'src', 'main.tsx'), 'utf8');
  const imports = [...main.matchAll(/^import\s+(?:[^'"]*from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  expect(imports[0]).toBe('./ui/map-boot.ts');
});
