import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, encodeCsv } from './decode.js';
import { thrown } from '../testing/import-errors.js';

const SAMPLE = 'staff_no,name\r\n000123,佐藤 花子（ｻﾄｳ）\r\n';

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and strips the BOM', () => {
    const bytes = encodeCsv(SAMPLE, 'utf-8-bom');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('reads CP932 (Shift_JIS as Excel writes it), NEC and IBM extensions included', () => {
    const text = 'name,note\r\n髙橋 﨑子,①～Ⅲ\r\n渡邊 一郎,ｶﾀｶﾅ\r\n';
    const bytes = new Uint8Array(iconv.encode(text, 'cp932'));
    expect(decodeText(bytes)).toEqual({ text, encoding: 'cp932' });
  });

  it('takes plain ASCII as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('a,b\n1,2\n')).encoding).toBe('utf-8');
  });

  it('refuses bytes that are neither UTF-8 nor CP932', () => {
    const garbage = new Uint8Array([0x61, 0x2c, 0xff, 0xfe, 0xfd, 0x81, 0x20, 0xa0, 0x0a]);
    const error = thrown(() => decodeText(garbage));
    expect(error.code).toBe('bad_encoding');
    expect(error.message).toContain('文字コードを判別できません');
  });

  it('refuses UTF-16 and binary files', () => {
    const utf16 = new Uint8Array(Buffer.from('\uFEFFa,b\r\n', 'utf16le'));
    expect(thrown(() => decodeText(utf16)).code).toBe('bad_encoding');
    const utf16NoBom = new Uint8Array(Buffer.from('a,b\r\n', 'utf16le'));
    expect(thrown(() => decodeText(utf16NoBom)).code).toBe('bad_encoding');
    const binary = new Uint8Array([0x80, 0x81, 0x41, 0x01, 0x02, 0x03]);
    expect(thrown(() => decodeText(binary)).code).toBe('bad_encoding');
  });
});

describe('encodeCsv', () => {
  it('writes CP932 that reads back, mapping JIS-style dashes to their CP932 forms', () => {
    const bytes = encodeCsv('氏名,備考\r\n髙橋,10〜20−5\r\n', 'cp932');
    expect(iconv.decode(Buffer.from(bytes), 'cp932')).toBe('氏名,備考\r\n髙橋,10～20－5\r\n');
    expect(decodeText(bytes).encoding).toBe('cp932');
  });
});
