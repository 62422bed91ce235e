// Reading one applicant typed in on the screen (a JSON body), with the same checks as a row of an applicants file.
import { applicantRowSchema, newApplicantSchema, type ApplicantRow } from '@jinzai/model';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.js';
import { errors } from '../errors.js';

/** The applicant of a JSON body as a file row with consent; 400 with the issues when it is not valid. */
export async function applicantFromJson(c: Context<AppEnv>): Promise<ApplicantRow & { consent: boolean }> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw errors.badRequest('JSONの形式が正しくありません');
  }
  const input = newApplicantSchema.safeParse(body);
  if (!input.success) throw errors.badRequest('入力内容に誤りがあります', input.error.issues);
  const row = applicantRowSchema.safeParse({
    applicant_no: input.data.applicantNo,
    name: input.data.name,
    name_kana: input.data.nameKana,
    email: input.data.email,
  });
  if (!row.success) {
    throw errors.badRequest(
      '入力内容に誤りがあります',
      row.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return { ...row.data, consent: input.data.consent };
}
