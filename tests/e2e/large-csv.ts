// A ~20 MB French-style CSV (";" and decimal commas) keyed by real commune INSEE codes, deterministic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CommunesFile, unpackCommunes } from '../../src/data/communes.ts';

export function largeCommuneCsv(targetBytes = 20 * 1024 * 1024): Buffer {
  const file = join(import.meta.dirname, '..', '..', 'public', 'generated', 'communes.json');
  const communes = unpackCommunes(JSON.parse(readFileSync(file, 'utf8')) as CommunesFile);
  // One value ("123,45;") ≈ 7 bytes.
  const perRow = Math.max(4, Math.round(targetBytes / communes.length / 7.1));
  const header = ['code_insee', 'libelle', 'population'];
  for (let i = 1; i < perRow; i++) header.push(`mesure_${String(i).padStart(2, '0')}`);
  const lines = [header.join(';')];
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const c of communes) {
    const cells = [c.code, c.name.replace(/;/g, ' '), String(c.population)];
    for (let i = 1; i < perRow; i++) cells.push((rnd() * 1000).toFixed(2).replace('.', ','));
    lines.push(cells.join(';'));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
