// Session tokens: the browser keeps a random token, the database only its SHA-256 (a stolen table opens nothing).
import { createHash, randomBytes } from 'node:crypto';

/** A new random session token and the id it is stored under. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

/** The stored id of a session token: its SHA-256, hex. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
