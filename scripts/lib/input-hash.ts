// The input hash: everything the generated files depend on. Every file declared in geo/sources.json
// takes part (by its sha256, or "absent"), with the pipeline code, the hand-kept tables and the COG
// version, so that changing any input rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function listCode(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listCode(join(dir, d.name)) : /\.(ts|json)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

export function inputHash(
  root: string,
  dataDir: string,
  sources: Record<string, { path: string }>,
  cogVersion: string,
): string {
  const h = createHash('sha256');
  for (const [id, s] of Object.entries(sources).sort(([a], [b]) => a.localeCompare(b))) {
    if (s.path.startsWith('npm:')) continue;
    const file = join(dataDir, s.path);
    h.update(id);
    h.update(existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent');
  }
  for (const f of [
    ...listCode(join(root, 'scripts')),
    ...listCode(join(root, 'geo')),
    join(root, 'src', 'data', 'types.ts'),
    join(root, 'src', 'data', 'tiles.ts'),
    ...listCode(join(root, 'src', 'domain')),
  ].sort()) {
    h.update(relative(root, f));
    h.update(readFileSync(f));
  }
  h.update(cogVersion);
  return h.digest('hex');
}
