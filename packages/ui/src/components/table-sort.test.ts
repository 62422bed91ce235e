import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './table-sort.js';
import type { Column } from './types.js';

interface Row {
  name: string;
  score: number;
}

const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', value: (r) => r.name },
  { key: 'score', label: 'Score', numeric: true, value: (r) => `${r.score} pts`, sortValue: (r) => r.score },
];
const rows: Row[] = [
  { name: 'B-10', score: 2 },
  { name: 'B-9', score: 10 },
  { name: 'A-1', score: 2 },
];

describe('sortRows', () => {
  it('keeps the original order when nothing is sorted', () => {
    expect(sortRows(rows, columns, null)).toEqual(rows);
  });

  it('compares text with numbers inside in their natural order', () => {
    expect(sortRows(rows, columns, { key: 'name', direction: 'ascending' }).map((r) => r.name)).toEqual([
      'A-1',
      'B-9',
      'B-10',
    ]);
  });

  it('sorts numbers by sortValue, not by the shown text, and keeps ties in their original order', () => {
    expect(sortRows(rows, columns, { key: 'score', direction: 'descending' }).map((r) => r.name)).toEqual([
      'B-9',
      'B-10',
      'A-1',
    ]);
  });

  it('ignores an unknown column', () => {
    expect(sortRows(rows, columns, { key: 'nope', direction: 'ascending' })).toEqual(rows);
  });
});

describe('nextSort', () => {
  it('goes ascending, then descending, and starts over on another column', () => {
    const first = nextSort(null, 'name');
    expect(first).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort(first, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'name').direction).toBe('ascending');
    expect(nextSort(first, 'score')).toEqual({ key: 'score', direction: 'ascending' });
  });
});
