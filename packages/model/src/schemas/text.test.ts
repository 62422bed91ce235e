import { describe, expect, it } from 'vitest';
import { hasUnsafeText, safeJson, unsafeStringsIn, unsafeTextProblem } from './text.js';

describe('unsafe text', () => {
  it('lets Japanese names, emoji pairs, tabs and line breaks through', () => {
    for (const s of ['品川 花子', 'ｼﾅｶﾞﾜ', '𠮷野家', '👩‍💼', 'a\tb\r\nc', ''])
      expect(hasUnsafeText(s), s).toBe(false);
  });
  it('refuses NUL and other controls, lone surrogates and bidi overrides, naming the character', () => {
    expect(unsafeTextProblem('品川\u0000花子')).toContain('U+0000');
    expect(unsafeTextProblem('abc\u202Efdp.exe')).toContain('U+202E');
    expect(unsafeTextProblem('\u2066x\u2069')).toContain('U+2066');
    expect(unsafeTextProblem('x\uD800')).toContain('U+D800');
    expect(unsafeTextProblem('\uDC00x')).toContain('U+DC00');
    expect(unsafeTextProblem('\u007F')).toContain('U+007F');
    expect(unsafeTextProblem('ok')).toBeNull();
  });
  it('finds every bad string of a JSON value with its path, keys included', () => {
    const value = { name: 'a\u0000', list: ['ok', 'b\u202E'], nested: { ['k\u0001']: 1 } };
    expect(unsafeStringsIn(value).map((p) => p.path.join('.'))).toEqual(['name', 'list.1', 'nested.k\u0001']);
    const r = safeJson.safeParse(value);
    expect(r.success).toBe(false);
    expect(safeJson.safeParse({ name: '品川' }).success).toBe(true);
  });
});
