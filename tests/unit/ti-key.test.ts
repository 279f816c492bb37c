import { describe, expect, it } from 'vitest';
import { formatTiKey, parseTiKey } from '../../src/domain/ti-key.ts';

describe('parseTiKey', () => {
  it('reads the generation and the ANCT id', () => {
    expect(parseTiKey('2023:ti-4401')).toEqual({ generation: '2023', id: 'ti-4401' });
    expect(parseTiKey('2018:ti-0101')).toEqual({ generation: '2018', id: 'ti-0101' });
  });
  it('rejects anything else', () => {
    for (const bad of ['', '2023', '2023:ti-44', '2020:ti-4401', '200054781', ' 2023:ti-4401', '2023:TI-4401']) {
      expect(parseTiKey(bad)).toBeNull();
    }
  });
  it('round-trips with formatTiKey', () => {
    expect(formatTiKey('2023', 'ti-4401')).toBe('2023:ti-4401');
    const k = parseTiKey(formatTiKey('2018', 'ti-1234'));
    expect(k).toEqual({ generation: '2018', id: 'ti-1234' });
  });
});
