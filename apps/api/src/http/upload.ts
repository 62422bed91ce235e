// Reading an uploaded file (CSV or .xlsx as the raw request body) for any import route.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../deps.js';
import { errors, tooLarge } from '../errors.js';

/** Uploads are CSV or .xlsx; 100,000 staff rows are about 8 MB. */
export const uploadLimit = bodyLimit({
  maxSize: 64 * 1024 * 1024,
  onError: (c) => tooLarge(c, 'ファイルが大きすぎます（上限 64 MB）'),
});

/** The uploaded file's bytes; a JSON or form body is refused before parsing. */
export async function uploadedFile(
  c: Context<AppEnv>,
): Promise<{ bytes: Uint8Array; contentType: string | undefined }> {
  const contentType = c.req.header('content-type');
  if (
    contentType &&
    /^(application\/json|multipart\/form-data|application\/x-www-form-urlencoded)/i.test(contentType)
  ) {
    throw errors.badRequest('CSV（text/csv）または .xlsx ファイルを送信してください');
  }
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), contentType };
}
