import { describe, expect, it } from 'vitest';
import { buildTree } from './tree';

describe('buildTree', () => {
  it('nests 部 → 課 → 係 and sums headcounts up the tree', () => {
    const tree = buildTree([
      { code: '10', name: '総務部', parentCode: null, level: '部', staff: 1 },
      { code: '1010', name: '人事課', parentCode: '10', level: '課', staff: 2 },
      { code: '101010', name: '人事係', parentCode: '1010', level: '係', staff: 5 },
      { code: '101020', name: '研修係', parentCode: '1010', level: '係', staff: 3 },
      { code: '20', name: '区民部', parentCode: null, level: '部', staff: 0 },
    ]);
    expect(tree.map((n) => [n.code, n.total])).toEqual([
      ['10', 11],
      ['20', 0],
    ]);
    expect(tree[0]?.children[0]?.children.map((c) => c.code)).toEqual(['101010', '101020']);
    expect(tree[0]?.children[0]?.total).toBe(10);
  });
  it('puts a unit whose parent is unknown at the top', () => {
    const tree = buildTree([
      { code: '10', name: '総務部', parentCode: null, level: '部', staff: 1 },
      { code: '1010', name: '人事課', parentCode: '99', level: '課', staff: 2 },
    ]);
    expect(tree.map((n) => [n.code, n.total])).toEqual([
      ['10', 1],
      ['1010', 2],
    ]);
  });
});
