import { describe, expect, it } from 'vitest';
import { fieldChanges } from './changes.js';

describe('fieldChanges', () => {
  it('keeps only the fields that changed, before and after', () => {
    expect(fieldChanges({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: 2 })).toEqual({
      before: { b: 'x', c: null },
      after: { b: 'y', c: 2 },
    });
  });
  it('compares nested values by content', () => {
    expect(fieldChanges({ items: { a: 'A' } }, { items: { a: 'A' } })).toBeNull();
    expect(fieldChanges({ items: { a: 'A' } }, { items: { a: 'B' } })).toEqual({
      before: { items: { a: 'A' } },
      after: { items: { a: 'B' } },
    });
  });
  it('is null when nothing changed', () => {
    expect(fieldChanges({ a: 1, b: 'x' }, { a: 1, b: 'x' })).toBeNull();
  });
  it('has every field as changed for a new record', () => {
    expect(fieldChanges(null, { a: 1, b: 'x' })).toEqual({ after: { a: 1, b: 'x' } });
  });
});
