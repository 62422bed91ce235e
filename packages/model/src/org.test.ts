import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  childUnits,
  normalizeName,
  searchForm,
  staffSearchKey,
  divisionAndDepartment,
  leadsIntoCycle,
  unitAndDescendants,
  unitPathUp,
  type Unit,
} from './org.js';

const u = (code: string, parentCode: string | null, level: Unit['level']): Unit => ({
  code,
  name: code,
  parentCode,
  level,
});
const units = [
  u('01', null, '部'),
  u('0101', '01', '課'),
  u('010101', '0101', '係'),
  u('010102', '0101', '係'),
  u('0102', '01', '課'),
  u('02', null, '部'),
  u('0201', '02', '課'),
  u('orphan', 'missing', '係'),
];
const byCode = new Map(units.map((x) => [x.code, x]));

describe('childUnits', () => {
  it('groups units under their parents in input order; unknown parents make roots', () => {
    const children = childUnits(units);
    expect(children.get(null)?.map((x) => x.code)).toEqual(['01', '02', 'orphan']);
    expect(children.get('0101')?.map((x) => x.code)).toEqual(['010101', '010102']);
    expect(children.get('010101')).toBeUndefined();
  });
});

describe('unitAndDescendants', () => {
  it('holds the unit and every unit under it', () => {
    expect([...unitAndDescendants('01', units)].sort()).toEqual(['01', '0101', '010101', '010102', '0102']);
    expect([...unitAndDescendants('0102', units)]).toEqual(['0102']);
    expect([...unitAndDescendants('zz', units)]).toEqual(['zz']);
  });
  it('ends on a cycle', () => {
    const cyclic = [u('a', 'b', '課'), u('b', 'a', '課')];
    expect([...unitAndDescendants('a', cyclic)].sort()).toEqual(['a', 'b']);
  });
});

describe('unitPathUp', () => {
  it('walks from the unit to its root, keeping an unknown parent', () => {
    expect(unitPathUp('010102', byCode)).toEqual(['010102', '0101', '01']);
    expect(unitPathUp('orphan', byCode)).toEqual(['orphan', 'missing']);
    expect(unitPathUp('zz', byCode)).toEqual(['zz']);
  });
  it('ends before a code repeats', () => {
    const cyclic = new Map([
      ['a', { parentCode: 'b' }],
      ['b', { parentCode: 'a' }],
    ]);
    expect(unitPathUp('a', cyclic)).toEqual(['a', 'b']);
  });
});

describe('leadsIntoCycle', () => {
  const units = new Map<string, { parentCode: string | null }>([
    ['a', { parentCode: 'b' }],
    ['b', { parentCode: 'a' }],
    ['c', { parentCode: 'a' }],
    ['self', { parentCode: 'self' }],
  ]);
  it('finds a loop on the unit, above it, or of one unit', () => {
    expect(leadsIntoCycle('a', units)).toBe(true);
    expect(leadsIntoCycle('c', units)).toBe(true);
    expect(leadsIntoCycle('self', units)).toBe(true);
  });
  it('is false for a tree, an unknown parent and an unknown unit', () => {
    expect(leadsIntoCycle('010102', byCode)).toBe(false);
    expect(leadsIntoCycle('orphan', byCode)).toBe(false);
    expect(leadsIntoCycle('zz', byCode)).toBe(false);
  });
});

describe('divisionAndDepartment', () => {
  it('finds the 課 and 部 above a unit', () => {
    expect(divisionAndDepartment('010101', byCode)).toEqual({ ka: '0101', bu: '01' });
    expect(divisionAndDepartment('0201', byCode)).toEqual({ ka: '0201', bu: '02' });
    expect(divisionAndDepartment('02', byCode)).toEqual({ ka: null, bu: '02' });
    expect(divisionAndDepartment('zz', byCode)).toEqual({ ka: null, bu: null });
  });
});

// A random forest: unit i's parent is one of the units before it, or none.
const forest = fc
  .array(fc.option(fc.nat(), { nil: null }), { maxLength: 40 })
  .map((parents) => parents.map((p, i) => u(`u${i}`, p === null || i === 0 ? null : `u${p % i}`, '係')));

describe('tree walks agree (property)', () => {
  it('a unit is among the descendants of exactly the units on its path up', () => {
    fc.assert(
      fc.property(forest, (list) => {
        const map = new Map(list.map((x) => [x.code, x]));
        for (const a of list) {
          const path = new Set(unitPathUp(a.code, map));
          for (const b of list) expect(unitAndDescendants(b.code, list).has(a.code)).toBe(path.has(b.code));
        }
      }),
    );
  });
  it('every unit is a child of exactly one key', () => {
    fc.assert(
      fc.property(forest, (list) => {
        const all = [...childUnits(list).values()].flat().map((x) => x.code);
        expect(all.sort()).toEqual(list.map((x) => x.code).sort());
      }),
    );
  });
});

describe('searchForm', () => {
  it('ignores width, hiragana/katakana, case and spaces', () => {
    const key = staffSearchKey('品川 太郎', 'シナガワ タロウ');
    for (const q of ['ｼﾅｶﾞﾜ', 'しながわ', 'ナガワタ', '品川　太', 'しながわたろう']) {
      expect(key.includes(searchForm(q))).toBe(true);
    }
    expect(searchForm('ＡＢＣ１２３')).toBe('abc123');
    expect(key.includes(searchForm('たなか'))).toBe(false);
  });
});

describe('normalizeName', () => {
  it('makes letters and digits half-width and kana full-width, but keeps Japanese punctuation as typed', () => {
    expect(normalizeName(' 令和９年度　経験者採用（春） ')).toBe('令和9年度 経験者採用（春）');
    expect(normalizeName('ＩＣＴ推進課「ｶﾞｲﾄﾞ」')).toBe('ICT推進課「ガイド」');
    expect(normalizeName('品川　太郎')).toBe('品川 太郎');
  });
});
