// The text encoding of uploaded files and downloads: UTF-8 (with or without BOM) or CP932, detected on reading.
import iconv from 'iconv-lite';
import { ImportError } from './errors.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'cp932';

const BAD_ENCODING =
  '文字コードを判別できません。UTF-8（BOM付き可）またはShift_JIS（CP932）で保存してください';

// NUL means UTF-16 or a binary file; the other controls are what CP932-decoded binary turns into.
// Tab, LF and CR are legitimate in CSV.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Decodes an uploaded text file (docs/domain.md §8: Excel writes CP932 unless the file carries a UTF-8 BOM).
 * Valid UTF-8 is taken as UTF-8: CP932 text with any non-ASCII character is almost never valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text === undefined || text.includes('\u0000')) throw badEncoding();
    return { text, encoding: 'utf-8-bom' };
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) {
    if (utf8.includes('\u0000')) throw badEncoding();
    return { text: utf8, encoding: 'utf-8' };
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  const mixed = firstUtf8Line(bytes);
  if (mixed !== undefined) {
    const message = `${mixed}行目がUTF-8、ほかの行がShift_JIS（CP932）です。1つのファイルは1つの文字コードで保存してください`;
    throw new ImportError('bad_encoding', message, [{ row: mixed, message }]);
  }
  if (text.includes('\uFFFD') || CONTROL.test(text)) throw badEncoding();
  return { text, encoding: 'cp932' };
}

/**
 * The first line (1-based) of a file that is not UTF-8 as a whole but whose own bytes are UTF-8 with non-ASCII
 * characters: a file pasted together from a UTF-8 and a CP932 one. Read as CP932 such a line turns into mojibake
 * (縺昴≧…) that is valid CP932, so only its bytes tell.
 */
function firstUtf8Line(bytes: Uint8Array): number | undefined {
  let line = 1;
  let start = 0;
  let high = false;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? (bytes[i] ?? 0) : 0x0a;
    if (b === 0x0a) {
      if (high && tryUtf8(bytes.subarray(start, i)) !== undefined) return line;
      line++;
      start = i + 1;
      high = false;
    } else if (b >= 0x80) high = true;
  }
  return undefined;
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM keeps a second BOM visible instead of silently eating it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function badEncoding(): ImportError {
  return new ImportError('bad_encoding', BAD_ENCODING, [{ message: BAD_ENCODING }]);
}

// Characters that JIS-minded software produces but CP932 spells with another code point; without this
// map iconv-lite would write '?' for them.
const CP932_VARIANTS: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～
  '\u2016': '\u2225', // ‖ → ∥
  '\u2212': '\uFF0D', // − MINUS SIGN → －
  '\u00A2': '\uFFE0', // ¢
  '\u00A3': '\uFFE1', // £
  '\u00AC': '\uFFE2', // ¬
  '\u2014': '\u2015', // — EM DASH → ―
};
const VARIANT_RE = new RegExp(`[${Object.keys(CP932_VARIANTS).join('')}]`, 'g');

/**
 * Encodes an export for Excel: CP932 (what Excel opens by double-click on a Japanese PC) or UTF-8 with BOM.
 * CP932 cannot hold every character (e.g. 𠮷); those become '?', so offer UTF-8 where names may carry them.
 */
export function encodeCsv(text: string, encoding: 'cp932' | 'utf-8-bom'): Uint8Array<ArrayBuffer> {
  if (encoding === 'utf-8-bom') {
    const body = new TextEncoder().encode(text);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const buf = iconv.encode(
    text.replace(VARIANT_RE, (c) => CP932_VARIANTS[c] ?? c),
    'cp932',
  );
  // A Buffer from iconv is never shared memory; typed as such it is a valid body for a Response under the DOM lib.
  return new Uint8Array(buf.buffer as ArrayBuffer, buf.byteOffset, buf.byteLength);
}
