import { describe, expect, it } from 'vitest';
import { unitChoices, unitLabels } from './units';

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

describe('the units as a list names them', () => {
  it('names a 係 with its 課, so that two 庶務係 differ', () => {
    const labels = unitLabels([
      { code: '10', name: '総務部', parentCode: null, level: '部' },
      { code: '1010', name: '総務課', parentCode: '10', level: '課' },
      { code: '101010', name: '庶務係', parentCode: '1010', level: '係' },
      { code: '1020', name: '経理課', parentCode: '10', level: '課' },
      { code: '102010', name: '庶務係', parentCode: '1020', level: '係' },
    ]);
    expect(labels.get('101010')).toBe('庶務係（総務課）');
    expect(labels.get('102010')).toBe('庶務係（経理課）');
    expect(labels.get('1010')).toBe('総務課');
  });
});
