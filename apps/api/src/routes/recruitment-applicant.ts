import { bumpScoresVersion, getApplicant, insertApplicants } from '@jinzai/db';
import { applicantRowSchema, newApplicantSchema } from '@jinzai/model';
import type { Context } from 'hono';
import { audit } from '../audit.js';
import type { AppEnv } from '../deps.js';
import { errors } from '../errors.js';
import { throwIfAny } from '../import/errors.js';
import { applicantDuplicates } from '../services/recruitment-import.service.js';

const now = (c: Context<AppEnv>) => c.var.deps.now().toISOString();

/** Adds one applicant from the screen, with the same checks as a file row. */
export async function addOneApplicant(c: Context<AppEnv>, roundId: number) {
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
  const db = c.var.deps.db;
  return db.transaction().execute(async (trx) => {
    throwIfAny('invalid_input', await applicantDuplicates(trx, roundId, [{ ...row.data, row: 1 }]));
    await insertApplicants(trx, roundId, [{ ...row.data, consent: input.data.consent }], now(c));
    await bumpScoresVersion(trx, roundId);
    const applicant = await getApplicant(trx, roundId, row.data.applicant_no);
    await audit(
      c,
      {
        action: 'create',
        entity: 'recruit_applicant',
        entityId: `${roundId}/${row.data.applicant_no}`,
        after: applicant,
      },
      trx,
    );
    return applicant;
  });
}
