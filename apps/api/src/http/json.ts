// Answers built around a value that a versioned cache keeps (services/versioned-cache.ts): the same value object is
// served to every request until its data changes, so its JSON text is made once per value, not once per request.
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { AppEnv } from '../deps.js';

const texts = new WeakMap<object, Uint8Array<ArrayBuffer>>();
const utf8 = new TextEncoder();

/**
 * `c.json(body(value), 200)`, with the body's UTF-8 text kept per value object: `body` must depend on nothing but
 * the value (and what the value's cache key says, which the value stands for).
 */
export function cachedJson<V extends object, B>(
  c: Context<AppEnv>,
  value: V,
  body: (value: V) => B,
): Response & TypedResponse<JSONParsed<B>, 200, 'json'> {
  let text = texts.get(value);
  if (text === undefined) {
    text = utf8.encode(JSON.stringify(body(value))) as Uint8Array<ArrayBuffer>;
    texts.set(value, text);
  }
  return c.body(text, 200, { 'content-type': 'application/json' }) as unknown as Response &
    TypedResponse<JSONParsed<B>, 200, 'json'>;
}
