// Answering surveys online (docs/domain.md §5 anonymity): the KPI survey of the current year and the open
// HR-defined surveys, once per person. An answer is stored with the person's attributes only, and leaves no
// audit entry, since an entry with the person and the time would link them to the response.
import {
  AlreadyAnsweredError,
  answeredSurveyIds,
  getCustomSurvey,
  hasAnswered,
  kpiSurveyId,
  listCustomSurveys,
  recordOnlineCustomAnswer,
  recordOnlineKpiAnswer,
  responseAttributesOf,
  responseSources,
  type Database,
} from '@jinzai/db';
import {
  KPI_CODES,
  ageBandOf,
  customAnswerValues,
  fiscalYearOf,
  type AgreementValue,
  type KpiCode,
  type KpiResponse,
  type ResponseAttributes,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { ApiError, errors } from '../errors.js';
import { refuseMixedSources } from './survey.service.js';

const notOnRoster = () => new ApiError(403, 'forbidden', '職員名簿に登録された職員だけが回答できます');

/** The attributes an answer is stored with: those of the person on the roster (403 for anyone not on it). */
async function attributesOf(
  db: Kysely<Database>,
  staffNo: string | null,
  fiscalYear: number,
): Promise<{ staffNo: string; attributes: ResponseAttributes }> {
  if (!staffNo) throw notOnRoster();
  const attributes = await responseAttributesOf(db, staffNo, fiscalYear, ageBandOf);
  if (!attributes) throw notOnRoster();
  return { staffNo, attributes };
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
  await once(
    () => recordOnlineKpiAnswer(db, fiscalYear, who.staffNo, response),
    'この職員アンケートには回答済みです',
  );
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
  await once(
    () => recordOnlineCustomAnswer(db, survey, who.staffNo, { ...who.attributes, values: v.values }),
    'このアンケートには回答済みです',
  );
}
