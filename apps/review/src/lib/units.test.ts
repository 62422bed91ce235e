import { describe, expect, it } from 'vitest';
import { unitChoices } from './units';

describe('the unit filter’s choices', () => {
  it('walks the tree depth first, children after their parent', () => {
    const units = [
      { code: '1020', name: '経理課', parentCode: '10' },
      { code: '10', name: '総務部', parentCode: null },
      { code: '101010', name: '人事係', parentCode: '1010' },
      { code: '1010', name: '人事課', parentCode: '10' },
      { code: '20', name: '区民部', parentCode: null },
    ];
    expect(unitChoices(units).map((u) => [u.code, u.depth])).toEqual([
      ['10', 0],
      ['1010', 1],
      ['101010', 2],
      ['1020', 1],
      ['20', 0],
    ]);
  });
});
