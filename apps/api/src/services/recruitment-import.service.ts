// Recruitment imports (docs/interfaces.md "Recruitment"): applicants and keyed-in scores, from CSV or .xlsx,
// all or nothing.
import {
  activeUsersByLogin,
  bumpScoresVersion,
  importScores,
  insertApplicants,
  joinPanel,
  listApplicants,
  listCriteria,
  listStages,
  roundWeights,
  saveCriterion,
  type Round,
} from '@jinzai/db';
import {
  applicantRowSpec,
  INTERVIEW_SCALE,
  LAYER_CODES,
  layerByCode,
  scoreRowSpec,
  type ApplicantRow,
  type LayerCode,
  type User,
} from '@jinzai/model';
import { recordImport } from '../audit.js';
import { throwIfAny, type ImportDetail } from '../import/errors.js';
import { readRows, type Upload } from '../import/table.js';
import type { Actor } from './actor.js';
import { actorOfUser, roundFor, type Db } from './recruitment-access.service.js';

const nameEmail = (name: string | null, email: string | null) =>
  name && email ? `${name.replace(/\s+/g, '')}|${email.toLowerCase()}` : null;

/** Checks new applicants against each other and the round: the same number, or the same name and e-mail address. */
export async function applicantDuplicates(
  db: Db,
  roundId: number,
  rows: readonly (ApplicantRow & { row: number })[],
): Promise<ImportDetail[]> {
  const stored = await listApplicants(db, roundId);
  const numbers = new Map<string, string>(stored.map((a) => [a.applicantNo, '登録済み']));
  const people = new Map<string, string>();
  for (const a of stored) {
    const k = nameEmail(a.name, a.email);
    if (k) people.set(k, `登録済みの${a.applicantNo}`);
  }
  const details: ImportDetail[] = [];
  for (const r of rows) {
    const seen = numbers.get(r.applicant_no);
    if (seen) {
      details.push({
        row: r.row,
        column: 'applicant_no',
        message: `受験番号「${r.applicant_no}」が重複しています（${seen}）`,
      });
    } else numbers.set(r.applicant_no, `${r.row}行目`);
    const k = nameEmail(r.name, r.email);
    if (!k) continue;
    const person = people.get(k);
    if (person) {
      details.push({
        row: r.row,
        column: 'email',
        message: `同じ氏名とメールアドレスの応募者がいます（${person}）`,
      });
    } else people.set(k, `${r.row}行目の${r.applicant_no}`);
  }
  return details;
}

/**
 * Imports applicants (docs/interfaces.md "Recruitment" `applicant_no,name,name_kana,email`): all or nothing,
 * duplicates refused.
 */
export async function importApplicantsFile(
  db: Db,
  round: Round,
  file: Upload,
  actor: Actor,
  now: Date,
): Promise<{ rows: number; created: number }> {
  const { rows, details } = await readRows(file, applicantRowSpec);
  return db.transaction().execute(async (trx) => {
    details.push(...(await applicantDuplicates(trx, round.id, rows)));
    throwIfAny('invalid_rows', details);
    await insertApplicants(trx, round.id, rows, now.toISOString());
    await bumpScoresVersion(trx, round.id);
    await recordImport(trx, actor, now, roundEntity('recruit_applicants', round), file, {
      rows: rows.length,
    });
    return { rows: rows.length, created: rows.length };
  });
}

/** What a round's import is audited against. */
const roundEntity = (entity: string, round: Round) => ({ entity, entityId: String(round.id) });

/**
 * Imports keyed-in scores (docs/interfaces.md "Recruitment" scores CSV): all or nothing; the applicant, rater
 * login, criterion (a layer code or a criterion code) and stage must exist, a criterion of a layer with
 * weight 0 is refused, a row may not repeat; a rater joins the stage's panel; a score that exists is
 * replaced.
 */
export async function importScoresFile(
  db: Db,
  round: Round,
  file: Upload,
  actor: Actor,
  now: Date,
): Promise<{ rows: number; sheets: number }> {
  const { rows: parsed, details } = await readRows(file, scoreRowSpec);
  return db.transaction().execute(async (trx) => {
    const [applicants, stages, criteria, weights] = await Promise.all([
      listApplicants(trx, round.id),
      listStages(trx, round.id),
      listCriteria(trx, round.id),
      roundWeights(trx, round),
    ]);
    const users = await activeUsersByLogin(trx, [...new Set(parsed.map((p) => p.rater))]);
    const applicantIds = new Map(applicants.map((a) => [a.applicantNo, a.id]));
    const criterionByCode = new Map(criteria.map((c) => [c.code, c]));
    const first = stages[0];
    const stageByRef = new Map<string, number>();
    for (const s of stages) {
      stageByRef.set(s.name.normalize('NFKC'), s.id);
      stageByRef.set(String(s.id), s.id);
    }
    const holistic = new Set<LayerCode>();
    const seen = new Map<string, number>();
    const out: Parameters<typeof importScores>[1][number][] = [];
    const panel = new Map<number, Set<number>>();
    const pending: { row: number; index: number; layer: LayerCode }[] = [];
    for (const v of parsed) {
      const { row } = v;
      const applicantId = applicantIds.get(v.applicant_no);
      if (applicantId === undefined)
        details.push({
          row,
          column: 'applicant_no',
          message: `受験番号「${v.applicant_no}」の応募者はこの選考にいません`,
        });
      const user = users.get(v.rater);
      if (!user)
        details.push({ row, column: 'rater', message: `ログインID「${v.rater}」の利用者がいません` });
      else if (!user.roles.some((r) => r === 'interviewer' || r === 'recruiter' || r === 'hr'))
        details.push({ row, column: 'rater', message: `「${v.rater}」は面接官ではありません` });
      const stageId = v.stage ? stageByRef.get(v.stage) : first?.id;
      if (stageId === undefined)
        details.push({ row, column: 'stage', message: `選考段階「${v.stage}」がありません` });
      let layer: LayerCode | undefined;
      let criterionId: number | undefined;
      if ((LAYER_CODES as readonly string[]).includes(v.criterion)) {
        layer = v.criterion as LayerCode;
        criterionId = criterionByCode.get(layer)?.id;
      } else {
        const c = criterionByCode.get(v.criterion);
        if (c && !c.holistic) {
          layer = c.layer;
          criterionId = c.id;
        } else
          details.push({
            row,
            column: 'criterion',
            message: `評価項目「${v.criterion}」がこの選考にありません`,
          });
      }
      if (layer && !(weights[layer] > 0)) {
        details.push({
          row,
          column: 'criterion',
          message: `「${layerByCode(layer).nameJa}」はこの採用区分では配点が0のため評価しません`,
        });
        layer = undefined;
      }
      if (applicantId === undefined || !user || stageId === undefined || !layer) continue;
      const key = `${stageId}|${applicantId}|${user.id}|${v.criterion}`;
      const dup = seen.get(key);
      if (dup !== undefined) {
        details.push({
          row,
          column: 'criterion',
          message: `${dup}行目と同じ応募者・評価者・評価項目の行です`,
        });
        continue;
      }
      seen.set(key, row);
      if (criterionId === undefined) {
        holistic.add(layer);
        pending.push({ row, index: out.length, layer });
      }
      out.push({
        stageId,
        applicantId,
        raterId: user.id,
        criterionId: criterionId ?? 0,
        layer,
        score: v.score,
      });
      (panel.get(stageId) ?? panel.set(stageId, new Set()).get(stageId))?.add(user.id);
    }
    throwIfAny('invalid_rows', details);

    // A layer scored as a whole gets a criterion of its own, kept out of the interview form.
    for (const layer of holistic) {
      const l = layerByCode(layer);
      const c = await saveCriterion(trx, round.id, {
        code: layer,
        layer,
        nameJa: `${l.nameJa}（総合）`,
        nameEn: `${l.nameEn} (overall)`,
        anchorsJa: Object.values(INTERVIEW_SCALE.defaultAnchors).map((a) => a.ja),
        questionsJa: [],
        holistic: true,
      });
      criterionByCode.set(layer, c);
    }
    for (const p of pending) {
      const target = out[p.index];
      if (target) target.criterionId = criterionByCode.get(p.layer)?.id ?? 0;
    }
    for (const [stageId, ids] of panel) await joinPanel(trx, stageId, [...ids]);
    const sheets = await importScores(trx, out, now.toISOString());
    await bumpScoresVersion(trx, round.id);
    await recordImport(trx, actor, now, roundEntity('recruit_scores', round), file, {
      rows: out.length,
      sheets,
    });
    return { rows: out.length, sheets };
  });
}

/** An import of a round's file as a route calls it: into a round the user may manage (the CLI passes the round). */
const intoRound =
  <R>(importer: (db: Db, round: Round, file: Upload, actor: Actor, now: Date) => Promise<R>) =>
  async (db: Db, user: User, now: Date, roundId: number, file: Upload): Promise<R> =>
    importer(db, await roundFor(db, user, roundId), file, actorOfUser(user), now);

/** Imports an applicants file into a round the user may manage. */
export const importApplicantsForRound = intoRound(importApplicantsFile);

/** Imports a keyed-in scores file into a round the user may manage. */
export const importScoresForRound = intoRound(importScoresFile);
