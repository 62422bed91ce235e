// Answering surveys online (docs/domain.md §5 anonymity): the KPI survey of the current year and the open
// HR-defined surveys, once per person. An answer keeps the person's attributes only, generalised until at least 5
// people of the roster share them; it is held apart from the participation record (another transaction, no shared
// key) and joins the figures in a batch of at least 5 in random order, or when the survey closes. It leaves no audit
// entry, since an entry with the person and the time would link them to the response.
import {
  AlreadyAnsweredError,
  answeredSurveyIds,
  getCustomSurvey,
  hasAnswered,
  holdAnswer,
  kpiSurveyId,
  listCustomSurveys,
  listUnits,
  pendingCounts,
  recordParticipation,
  responseAttributesOf,
  responseSources,
  rosterAttributes,
  takePending,
  writeOnlineCustomBatch,
  writeOnlineKpiBatch,
  type CustomResponse,
  type Database,
} from '@jinzai/db';
import {
  KPI_CODES,
  ONLINE_ANSWER_BATCH,
  ageBandOf,
  customAnswerValues,
  fiscalYearOf,
  generaliseAttributes,
  type AgreementValue,
  type KpiCode,
  type KpiResponse,
  type ResponseAttributes,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { ApiError, errors } from '../errors.js';
import { refuseMixedSources } from './survey.service.js';

const notOnRoster = () => new ApiError(403, 'forbidden', '職員名簿に登録された職員だけが回答できます');

/**
 * The attributes an answer is stored with: those of the person on the roster (403 for anyone not on it),
 * generalised until at least 5 people of the roster share them.
 */
async function attributesOf(
  db: Kysely<Database>,
  staffNo: string | null,
  fiscalYear: number,
): Promise<{ staffNo: string; attributes: ResponseAttributes }> {
  if (!staffNo) throw notOnRoster();
  const own = await responseAttributesOf(db, staffNo, fiscalYear, ageBandOf);
  if (!own) throw notOnRoster();
  const [roster, units] = await Promise.all([rosterAttributes(db), listUnits(db)]);
  return { staffNo, attributes: generaliseAttributes(own, roster, units, fiscalYear) };
}

/** Runs a write of an answer, turning a second answer into a 409. */
async function once(write: () => Promise<void>, message: string): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (e instanceof AlreadyAnsweredError) throw errors.conflict(message);
    throw e;
  }
}

/** Whether a year's KPI survey is open (the current fiscal year) and whether the person has answered it. */
export async function kpiSurveyStatus(
  db: Kysely<Database>,
  staffNo: string | null,
  now: Date,
  fiscalYear: number,
) {
  // A year whose answers were imported from another tool is not answered online (one source a survey).
  const sources = (await responseSources(db, [kpiSurveyId(fiscalYear)])).get(kpiSurveyId(fiscalYear));
  const open = fiscalYear === fiscalYearOf(now) && !sources?.has('import');
  const answered = staffNo ? await hasAnswered(db, kpiSurveyId(fiscalYear), staffNo) : false;
  return { fiscalYear, open, canAnswer: open && !!staffNo && !answered, answered };
}

/** Records a person's online answer to the current year's KPI survey (409 when closed or already answered). */
export async function answerKpiSurvey(
  db: Kysely<Database>,
  staffNo: string | null,
  now: Date,
  fiscalYear: number,
  answers: Partial<Record<KpiCode, AgreementValue | null>>,
): Promise<void> {
  if (fiscalYear !== fiscalYearOf(now)) throw errors.conflict('この年度の職員アンケートは受け付けていません');
  await refuseMixedSources(db, kpiSurveyId(fiscalYear), 'online');
  const who = await attributesOf(db, staffNo, fiscalYear);
  const response: KpiResponse = {
    ...who.attributes,
    answers: Object.fromEntries(KPI_CODES.map((k) => [k, answers[k] ?? null])) as KpiResponse['answers'],
  };
  const surveyId = kpiSurveyId(fiscalYear);
  await once(() => recordParticipation(db, surveyId, who.staffNo), 'この職員アンケートには回答済みです');
  await db.transaction().execute(async (trx) => {
    const batch = await holdAnswer(trx, surveyId, response, ONLINE_ANSWER_BATCH);
    await writeOnlineKpiBatch(trx, fiscalYear, batch);
  });
}

/** The HR-defined surveys of the current fiscal year, with whether the person has answered each. */
export async function openCustomSurveys(db: Kysely<Database>, staffNo: string | null, now: Date) {
  const year = fiscalYearOf(now);
  const [all, answered] = await Promise.all([
    listCustomSurveys(db),
    staffNo ? answeredSurveyIds(db, staffNo) : Promise.resolve(new Set<string>()),
  ]);
  const ofYear = all.filter((s) => s.fiscalYear === year);
  const sources = await responseSources(
    db,
    ofYear.map((s) => s.id),
  );
  // A survey whose answers were imported from another tool is not answered online (one source a survey).
  return ofYear
    .filter((s) => !sources.get(s.id)?.has('import'))
    .map((s) => ({
      id: s.id,
      fiscalYear: s.fiscalYear,
      titleJa: s.titleJa,
      items: s.items,
      answered: answered.has(s.id),
      canAnswer: !!staffNo && !answered.has(s.id),
    }));
}

/**
 * Records a person's online answer to an open HR-defined survey: 404 for an unknown survey, 409 when it is not open
 * or already answered, 400 for answers that do not fit its items.
 */
export async function answerCustomSurvey(
  db: Kysely<Database>,
  staffNo: string | null,
  now: Date,
  surveyId: string,
  answers: Parameters<typeof customAnswerValues>[1],
): Promise<void> {
  const survey = await getCustomSurvey(db, surveyId);
  if (!survey) throw errors.notFound('アンケート');
  const year = fiscalYearOf(now);
  if (survey.fiscalYear !== year) throw errors.conflict('このアンケートは受け付けていません');
  await refuseMixedSources(db, survey.id, 'online');
  const v = customAnswerValues(survey.items, answers);
  if ('errors' in v) throw errors.badRequest('回答に誤りがあります', v.errors);
  const who = await attributesOf(db, staffNo, year);
  const response: CustomResponse = { ...who.attributes, values: v.values };
  await once(() => recordParticipation(db, survey.id, who.staffNo), 'このアンケートには回答済みです');
  await db.transaction().execute(async (trx) => {
    const batch = await holdAnswer(trx, survey.id, response, ONLINE_ANSWER_BATCH);
    await writeOnlineCustomBatch(trx, survey, batch);
  });
}

/**
 * Lets the answers still waiting join the figures of surveys that have closed (docs/domain.md §5): a KPI survey or
 * an HR-defined survey of an earlier fiscal year than now's. Returns how many answers were written. The scheduler
 * runs it; several processes may run it at once (each survey's answers are taken by one transaction).
 */
export async function flushClosedSurveys(db: Kysely<Database>, now: Date): Promise<number> {
  const year = fiscalYearOf(now);
  let written = 0;
  for (const surveyId of (await pendingCounts(db)).keys()) {
    written += await db.transaction().execute(async (trx) => {
      const kpiYear = /^kpi-(\d{4})$/.exec(surveyId)?.[1];
      if (kpiYear !== undefined) {
        if (Number(kpiYear) >= year) return 0;
        const batch = await takePending<KpiResponse>(trx, surveyId, 1);
        await writeOnlineKpiBatch(trx, Number(kpiYear), batch);
        return batch.length;
      }
      const survey = await getCustomSurvey(trx, surveyId);
      if (!survey || survey.fiscalYear >= year) return 0;
      const batch = await takePending<CustomResponse>(trx, surveyId, 1);
      await writeOnlineCustomBatch(trx, survey, batch);
      return batch.length;
    });
  }
  return written;
}
