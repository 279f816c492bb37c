import { describe, expect, it } from 'vitest';
import type { SourceInfo } from '../../src/data/types.ts';
import { citeSource, citeSources } from '../../src/domain/sources.ts';
import { translator } from '../../src/i18n/index.ts';

const src = (o: Partial<SourceInfo>): SourceInfo => ({
  id: 'x',
  title: 'T',
  year: '2022',
  producer: 'INSEE – recensement',
  licence: 'Licence Ouverte',
  url: '',
  path: '',
  present: true,
  ...o,
});

describe('citing a source', () => {
  const t = translator('fr');
  it('gives producer, year and licence, and says when the licence is to be confirmed', () => {
    expect(citeSource(src({}), t)).toBe('INSEE – recensement (2022, Licence Ouverte)');
    expect(citeSource(src({ licenceToConfirm: true }), t)).toBe(
      'INSEE – recensement (2022, Licence Ouverte, licence à confirmer)',
    );
  });
  it('leaves the year out when the producer already says it', () => {
    const s = src({
      producer: 'Cerema – Cartofriches (état au 10/03/2024)',
      year: 'état au 10/03/2024',
      licence: 'MIT',
    });
    expect(citeSource(s, t)).toBe('Cerema – Cartofriches (état au 10/03/2024) (MIT)');
  });
  it('cites each known source once, in order', () => {
    const list = [src({ id: 'a', producer: 'A' }), src({ id: 'b', producer: 'B' })];
    expect(citeSources(['b', 'a', 'b', 'zz'], list, t)).toBe('B (2022, Licence Ouverte) ; A (2022, Licence Ouverte)');
  });
});
