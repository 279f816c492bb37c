import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CommunesFile, unpackCommunes } from '../../src/data/communes.ts';
import type { TerritoriesFile } from '../../src/data/types.ts';
import { normalize } from '../../src/domain/names.ts';
import { explainNoResult, search } from '../../src/domain/search/query.ts';
import { buildSearchIndex, type SearchResult } from '../../src/domain/search/search-index.ts';

const readJson = <T>(file: string): T =>
  JSON.parse(readFileSync(new URL(`../../public/generated/${file}`, import.meta.url), 'utf8')) as T;

const communes = unpackCommunes(readJson<CommunesFile>('communes.json'));
const territories = readJson<TerritoriesFile>('territories.json');
const index = buildSearchIndex({ communes, epci: territories.epci, ti: territories.ti });

const codes = (rs: SearchResult[]): string[] => rs.map((r) => r.code);
const first = (rs: SearchResult[], kind: SearchResult['kind']): SearchResult | undefined =>
  rs.find((r) => r.kind === kind);
const MATCH_RANK: Record<SearchResult['match'], number> = { code: 0, exact: 1, prefix: 2, word: 3, fuzzy: 4 };

/** Results must be sorted by score, then population. */
function expectWellOrdered(rs: SearchResult[]): void {
  for (let i = 1; i < rs.length; i++) {
    const a = rs[i - 1];
    const b = rs[i];
    expect(a.score).toBeGreaterThanOrEqual(b.score);
    if (a.score === b.score) expect(a.population).toBeGreaterThanOrEqual(b.population);
  }
}

describe('search: names', () => {
  it('"st nazaire" puts the commune Saint-Nazaire (44184) first and finds both TI generations', () => {
    const rs = search(index, 'st nazaire');
    expect(rs[0]).toMatchObject({ kind: 'commune', code: '44184', name: 'Saint-Nazaire', match: 'exact' });
    expect(first(rs, 'commune')?.code).toBe('44184');
    const ti = rs.filter((r) => r.kind === 'ti');
    expect(ti.map((t) => t.code).sort()).toEqual(['2018:ti-5209', '2023:ti-5214']);
    expect(ti.map((t) => t.generation).sort()).toEqual(['2018', '2023']);
    // The CARENE's name does not say "Saint-Nazaire"; the commune links to it.
    expect(rs[0].epci).toBe('244400644');
  });

  it('is case-, accent- and hyphen-insensitive', () => {
    for (const q of ['Saint-Nazaire', 'SAINT NAZAIRE', 'saint—nazaire', 'St. Nazaire']) {
      expect(search(index, q)[0].code).toBe('44184');
    }
    const chateauroux = search(index, 'chateauroux');
    expect(first(chateauroux, 'commune')).toMatchObject({ code: '36044', name: 'Châteauroux', match: 'exact' });
    expect(codes(search(index, 'evry'))).toContain('91228'); // Évry-Courcouronnes
    expect(search(index, 'evry courcouronnes')[0]).toMatchObject({ code: '91228', match: 'exact' });
    expect(search(index, 'aix en provence')[0]).toMatchObject({ code: '13001', name: 'Aix-en-Provence' });
    expect(search(index, "l'hay les roses")[0].name).toBe("L'Haÿ-les-Roses");
  });

  it('finds a word inside a name', () => {
    const rs = search(index, 'nazaire', 50);
    const ablain = rs.find((r) => r.code === '62001'); // Ablain-Saint-Nazaire
    expect(ablain?.match).toBe('word');
    expect(rs.find((r) => r.code === '2023:ti-5214')?.match).toBe('word');
    expect(search(index, 'courcouronnes')[0]).toMatchObject({ code: '91228', match: 'word' });
  });

  it('finds words in any order', () => {
    const rs = search(index, 'gildas pontchateau');
    expect(rs[0]).toMatchObject({ kind: 'epci', code: '200000438', match: 'word' });
  });

  it('returns every kind sharing a name, exact matches first', () => {
    // "Alès": a TI (2023), the commune, and the CA Alès Agglomération; the 2018 TI is "Bassin d'Alès".
    const ales = search(index, 'Alès');
    expect(new Set(ales.map((r) => r.kind))).toEqual(new Set(['commune', 'epci', 'ti']));
    const exact = ales.filter((r) => r.match === 'exact').map((r) => r.code);
    expect(exact).toEqual(expect.arrayContaining(['2023:ti-7601', '30007', '200066918']));
    expect(ales.slice(0, exact.length).every((r) => r.match === 'exact')).toBe(true);
    expect(ales.findIndex((r) => r.code === '2018:ti-7602')).toBeGreaterThan(exact.length - 1);

    // "Châteauroux": commune, CA Châteauroux Métropole, TI 2023 (prefix), TI 2018 "Issoudun-Châteauroux" (word).
    const chx = search(index, 'Châteauroux');
    const pos = (code: string): number => chx.findIndex((r) => r.code === code);
    expect(chx[0]).toMatchObject({ code: '36044', match: 'exact' });
    expect(chx[1]).toMatchObject({ code: '243600327', kind: 'epci', match: 'exact' });
    expect(chx[pos('2023:ti-2403')].match).toBe('prefix');
    expect(chx[pos('2018:ti-2403')].match).toBe('word');
    expect(pos('243600327')).toBeLessThan(pos('2023:ti-2403'));
    expect(pos('2023:ti-2403')).toBeLessThan(pos('2018:ti-2403'));

    // Same TI name in both generations, plus the EPCI "CA Le Grand Chalon".
    expect(codes(search(index, 'grand chalon'))).toEqual(
      expect.arrayContaining(['2023:ti-2704', '2018:ti-2702', '247100589']),
    );
  });

  it('matches EPCI names without their legal form, and acronyms', () => {
    expect(search(index, 'carene')[0]).toMatchObject({ kind: 'epci', code: '244400644' });
    const lyon = search(index, 'lyon');
    expect(lyon[0]).toMatchObject({ kind: 'commune', code: '69123', match: 'exact' });
    expect(lyon[1]).toMatchObject({ kind: 'epci', name: 'Métropole de Lyon', match: 'exact' });
    expect(search(index, 'havre')[0]).toMatchObject({ code: '76351', name: 'Le Havre' });
  });

  it('never lets a flood of same-named communes hide another kind', () => {
    const limit = 3;
    const rs = search(index, 'saint', limit);
    expect(rs).toHaveLength(limit);
    expect(new Set(rs.map((r) => r.kind)).size).toBe(3);
  });
});

describe('search: codes', () => {
  it('finds a commune by INSEE code, including Corsica', () => {
    expect(search(index, '44184')[0]).toMatchObject({ kind: 'commune', name: 'Saint-Nazaire', match: 'code' });
    expect(search(index, '2A004')[0]).toMatchObject({ code: '2A004', name: 'Ajaccio' });
    expect(search(index, '2a004')[0].code).toBe('2A004');
    expect(search(index, ' 44 184 ')[0].code).toBe('44184');
  });

  it('finds an EPCI by SIREN', () => {
    const rs = search(index, '244400644');
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ kind: 'epci', code: '244400644', nature: 'CA', match: 'code' });
    expect(rs[0].name).toContain('CARENE');
  });

  it('returns all communes sharing a postcode, bigger population first', () => {
    const rs = search(index, '06500');
    expect(rs.map((r) => r.name)).toEqual(['Menton', 'Gorbio', 'Sainte-Agnès', 'Castellar', 'Castillon']);
    expect(rs.every((r) => r.match === 'code' && r.detail.startsWith('06500'))).toBe(true);
  });

  it('puts the matched postcode first in the detail', () => {
    // (Marseille's postcodes 13001–13016 are also INSEE codes of other communes.)
    const rs = search(index, '75015');
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ code: '75056', name: 'Paris' });
    expect(rs[0].detail).toBe('75015 +20 · 75');
  });

  it('ranks an INSEE code before communes that have it as postcode', () => {
    // 01100 is the INSEE code of Cheignieu-la-Balme and the postcode of Oyonnax and others.
    const rs = search(index, '01100');
    expect(rs[0]).toMatchObject({ code: '01100', name: 'Cheignieu-la-Balme' });
    expect(rs[1].name).toBe('Oyonnax');
  });

  it('lists code prefixes after exact codes', () => {
    expect(codes(search(index, '4460'))).toContain('44184');
    const corse = search(index, '2A');
    expect(corse[0].name).toBe('Ajaccio');
    expect(corse.every((r) => r.code.startsWith('2A'))).toBe(true);
  });
});

describe('search: typos', () => {
  it('tolerates small typos', () => {
    expect(search(index, 'saint nazare')[0]).toMatchObject({ code: '44184', match: 'fuzzy' });
    expect(search(index, 'marsielle')[0]).toMatchObject({ code: '13055', name: 'Marseille', match: 'fuzzy' });
    expect(codes(search(index, 'bordaux'))).toEqual(expect.arrayContaining(['33063', '243300316']));
    expect(first(search(index, 'chateaurou'), 'commune')?.code).toBe('36044'); // still typing: prefix
  });

  it('matches a typo in the part typed so far', () => {
    expect(codes(search(index, 'marsiel'))).toContain('13055');
  });

  it('does not look for typos when enough better matches exist', () => {
    expect(search(index, 'saint').some((r) => r.match === 'fuzzy')).toBe(false);
  });

  it('needs at least 4 characters to tolerate a typo', () => {
    expect(search(index, 'lyo').some((r) => r.match === 'fuzzy')).toBe(false);
  });
});

describe('search: typo bound', () => {
  // Reference: optimal-string-alignment distance from q to the closest prefix of s.
  function prefixDistance(q: string, s: string): number {
    const m = q.length;
    const rows: number[][] = [[...Array(m + 1).keys()]];
    let best = rows[0][m];
    for (let j = 1; j <= s.length; j++) {
      const col = [j];
      for (let i = 1; i <= m; i++) {
        let v = Math.min(rows[j - 1][i - 1] + (q[i - 1] === s[j - 1] ? 0 : 1), rows[j - 1][i] + 1, col[i - 1] + 1);
        if (i > 1 && j > 1 && q[i - 1] === s[j - 2] && q[i - 2] === s[j - 1]) v = Math.min(v, rows[j - 2][i - 2] + 1);
        col.push(v);
      }
      rows.push(col);
      best = Math.min(best, col[m]);
    }
    return best;
  }
  const wordSuffixes = (n: string): string[] => n.split(' ').map((_, i, w) => w.slice(i).join(' '));

  it('finds exactly the names within 1 typo (4–7 chars) or 2 typos (8+ chars)', () => {
    const sample = communes.filter((_, i) => i % 97 === 0);
    const small = buildSearchIndex({ communes: sample, epci: [], ti: { '2023': [], '2018': [] } });
    let seed = 7;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const letters = 'abcdefghijklmnopqrstuvwxyz ';
    let checked = 0;
    let several = 0;
    for (let n = 0; n < 80; n++) {
      const words = wordSuffixes(normalize(sample[Math.floor(rnd() * sample.length)].name));
      const w = words[Math.floor(rnd() * words.length)];
      let q = w.slice(0, 4 + Math.floor(rnd() * 10));
      for (let e = Math.floor(rnd() * 3); e > 0; e--) {
        const at = Math.floor(rnd() * q.length);
        const c = letters[Math.floor(rnd() * letters.length)];
        const op = Math.floor(rnd() * 4);
        if (op === 0) q = q.slice(0, at) + c + q.slice(at + 1);
        else if (op === 1) q = q.slice(0, at) + c + q.slice(at);
        else if (op === 2) q = q.slice(0, at) + q.slice(at + 1);
        else q = q.slice(0, at) + q.charAt(at + 1) + q.charAt(at) + q.slice(at + 2);
      }
      q = normalize(q);
      if (q.length < 4 || q.includes(' ')) continue; // any-order word matching would add names
      const k = q.length >= 8 ? 2 : 1;
      const expected = sample
        .filter((c) => wordSuffixes(normalize(c.name)).some((suf) => prefixDistance(q, suf) <= k))
        .map((c) => c.code)
        .sort();
      const got = search(small, q, sample.length)
        .map((r) => r.code)
        .sort();
      expect(got, q).toEqual(expected);
      checked++;
      if (expected.length > 1) several++;
    }
    expect(checked).toBeGreaterThan(40);
    expect(several).toBeGreaterThan(5);
  });
});

describe('search: ranking', () => {
  it('ranks exact > prefix > fuzzy, then population', () => {
    const rs = search(index, 'evry');
    // The tiny Évry (89, 402 inhabitants) is the exact match.
    expect(rs[0]).toMatchObject({ code: '89162', match: 'exact' });
    const prefix = rs.filter((r) => r.match === 'prefix');
    expect(prefix.map((r) => r.code)).toEqual(['2018:ti-1103', '91228', '77175']);
    const tiers = rs.map((r) => MATCH_RANK[r.match]);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(rs[rs.length - 1].match).toBe('fuzzy');
    expectWellOrdered(rs);
  });

  it('keeps results ordered for many queries', () => {
    for (const q of ['saint', 'st', 'paris', 'lyon', 'ales', 'marsielle', '06500', '2A', 'grand', 'val de']) {
      const rs = search(index, q, 20);
      expectWellOrdered(rs);
      expect(new Set(rs.map((r) => `${r.kind}:${r.code}`)).size).toBe(rs.length);
    }
  });

  it('respects the limit', () => {
    expect(search(index, 'saint', 1)).toHaveLength(1);
    expect(search(index, 'saint', 25)).toHaveLength(25);
    expect(search(index, 'saint', 0)).toEqual([]);
    expect(search(index, 'saint', -3)).toEqual([]);
  });

  it('gives the same answer whatever was searched before', () => {
    const a = search(index, 'marsielle');
    search(index, 'saint');
    search(index, '13008');
    expect(search(index, 'marsielle')).toEqual(a);
  });
});

describe('search: entries', () => {
  it('describes each kind with language-neutral details', () => {
    const commune = search(index, '44184')[0];
    expect(commune).toMatchObject({ detail: '44600 · 44', departement: '44', postcodes: ['44600'] });
    const epci = search(index, '244400644')[0];
    expect(epci.detail).toBe('CA · 44');
    const ti = search(index, 'st nazaire').find((r) => r.code === '2023:ti-5214');
    expect(ti).toMatchObject({ detail: '2023', generation: '2023', population: 172413 });
    for (const q of ['saint', 'lyon', 'ales', '2A', 'grand chalon']) {
      for (const r of search(index, q, 30)) expect(r.detail).toMatch(/^[0-9A-Z +·]+$/);
    }
  });
});

describe('search: no result', () => {
  it('explains why nothing was found', () => {
    expect(search(index, '')).toEqual([]);
    expect(explainNoResult('')).toBe('empty');
    expect(search(index, '   ')).toEqual([]);
    expect(explainNoResult('   ')).toBe('empty');
    expect(search(index, 'a')).toEqual([]);
    expect(explainNoResult('a')).toBe('too-short');
    expect(explainNoResult('é-')).toBe('too-short');
    expect(search(index, 'xqzwvkj')).toEqual([]);
    expect(explainNoResult('xqzwvkj')).toBe('no-match');
    expect(search(index, '99999')).toEqual([]);
    expect(explainNoResult('99999')).toBe('unknown-code');
    expect(search(index, '🙂🙂')).toEqual([]);
    expect(explainNoResult('🙂🙂')).toBe('no-match');
  });

  it('works on an empty index', () => {
    const empty = buildSearchIndex({ communes: [], epci: [], ti: { '2023': [], '2018': [] } });
    expect(search(empty, 'saint nazaire')).toEqual([]);
    expect(search(empty, '44184')).toEqual([]);
  });

  it('finds codes even when every name is shorter than the query', () => {
    const afa = communes.filter((c) => c.code === '2A001');
    const tiny = buildSearchIndex({ communes: afa, epci: [], ti: { '2023': [], '2018': [] } });
    expect(search(tiny, '2A001').map((r) => r.name)).toEqual(['Afa']);
    expect(search(tiny, 'afa')[0].match).toBe('exact');
  });
});

describe('search: robustness', () => {
  // Deterministic PRNG so a failure is reproducible.
  function mulberry32(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const ranges: [number, number][] = [
    [0x20, 0x7e], // ASCII, regex metacharacters included
    [0x00, 0x1f], // control characters
    [0xc0, 0x17f], // accented Latin
    [0x300, 0x36f], // lone combining marks
    [0x2000, 0x206f], // punctuation, odd spaces
    [0xd800, 0xdfff], // lone surrogates
    [0x1f300, 0x1faff], // emoji
    [0x4e00, 0x4fff], // CJK
    [0x30, 0x39], // digits
  ];

  it('never throws on random strings', () => {
    const rnd = mulberry32(42);
    for (let n = 0; n < 400; n++) {
      const len = Math.floor(rnd() * 40);
      let s = '';
      for (let i = 0; i < len; i++) {
        const [lo, hi] = ranges[Math.floor(rnd() * ranges.length)];
        s += String.fromCodePoint(lo + Math.floor(rnd() * (hi - lo + 1)));
      }
      const rs = search(index, s);
      expect(Array.isArray(rs)).toBe(true);
      expect(rs.length).toBeLessThanOrEqual(10);
      if (rs.length === 0) expect(['empty', 'too-short', 'unknown-code', 'no-match']).toContain(explainNoResult(s));
    }
  });

  it('never throws on hostile strings', () => {
    const nasty = [
      'a'.repeat(10_000),
      'saint '.repeat(500),
      '9'.repeat(500),
      '((([[[{{{',
      '.*',
      '\\',
      '$&$1',
      '[a-z]+',
      '__proto__',
      'constructor',
      'toString',
      '\u0000\u0000',
      '\ud800\udc00\ud800',
      'e\u0301'.repeat(50),
      'st ste st',
      'st-',
    ];
    for (const s of nasty) {
      expect(() => search(index, s)).not.toThrow();
      expect(() => explainNoResult(s)).not.toThrow();
      expect(() => normalize(s)).not.toThrow();
    }
    expect(search(index, undefined as unknown as string)).toEqual([]);
    expect(normalize(null as unknown as string)).toBe('');
    expect(explainNoResult(undefined as unknown as string)).toBe('empty');
  });
});
