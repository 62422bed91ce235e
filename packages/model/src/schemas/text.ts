// Characters no keyed-in text may hold (docs/domain.md §8): control characters, lone UTF-16 surrogates (they
// cannot be stored as UTF-8) and the bidirectional overrides that make a name display as something else.
import { z } from 'zod';

// C0 controls except tab, LF and CR; DEL and C1; lone surrogates; bidi embeddings, overrides and isolates.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Whether a text holds any character that must not be stored (cheap: one regular-expression test). */
export function hasUnsafeText(value: string): boolean {
  return UNSAFE.test(value);
}

/** The Japanese message for a text that holds an unsafe character, naming the first one; null when clean. */
export function unsafeTextProblem(value: string): string | null {
  if (!hasUnsafeText(value)) return null;
  for (const ch of value) {
    if (UNSAFE.test(ch)) {
      const code = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      return `使えない文字（制御文字・不正な文字・文字の向きを変える記号 U+${code}）が含まれています`;
    }
  }
  return '使えない文字が含まれています';
}

/** Every string anywhere in a parsed JSON value that holds an unsafe character, with its path. */
export function unsafeStringsIn(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; message: string }[] {
  if (typeof value === 'string') {
    const message = unsafeTextProblem(value);
    return message ? [{ path, message }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unsafeStringsIn(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...unsafeStringsIn(k, [...path, k]),
      ...unsafeStringsIn(v, [...path, k]),
    ]);
  }
  return [];
}

/** A zod check for any JSON body: refuses unsafe characters in every string, naming the field. */
export const safeJson = z.unknown().superRefine((value, ctx) => {
  for (const p of unsafeStringsIn(value)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});
