// HR-defined surveys (docs/domain.md §5): defining them, importing their answers, and their results and
// cross-tabs with suppression enforced here.
import {
  createCustomSurvey,
  customItemMoments,
  getCustomSurvey,
  listCustomSurveys,
  pendingCounts,
  replaceImportedCustomResponses,
  type CustomResponse,
  type CustomSurvey,
  type Database,
} from '@jinzai/db';
import {
  breakdownKeys,
  choiceCrossTab,
  itemColumn,
  kpiFigures,
  normalizeText,
  parseAgeBand,
  parseAgreementCell,
  parseChoiceCell,
  parseEmploymentType,
  resolveGradeCode,
  type CrossTabColumn,
  type CustomSurveyDefinition,
  type KpiFigures,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { errors } from '../errors.js';
import { throwIfAny, type ImportDetail } from '../import/errors.js';
import { readUploadTable } from '../import/table.js';
import { recordImport } from '../audit.js';
import type { Upload } from '../import/table.js';
import type { Actor } from './actor.js';
import { choiceDisclosure } from './survey-disclosure.service.js';
import { labelled, refuseMixedSources, unknownUnitRows, type BreakdownBy } from './survey.service.js';

const ATTRIBUTE_COLUMNS = ['unit_code', 'grade_code', 'age_band', 'employment_type'] as const;

/**
 * The columns of a custom survey's import: the attributes, then q01… one per item (docs/interfaces.md
 * "Survey and KPIs" style).
 */
export const customImportColumns = (s: Pick<CustomSurvey, 'items'>) => ({
  required: [...ATTRIBUTE_COLUMNS, ...s.items.map((_, i) => itemColumn(i))],
  optional: [] as string[],
});

const ATTRIBUTE_READERS: Record<
  (typeof ATTRIBUTE_COLUMNS)[number],
  [(s: string) => string | undefined, string]
> = {
  unit_code: [(s) => (/^[0-9A-Za-z_-]{1,32}$/.test(s) ? s : undefined), '所属コードの形式が正しくありません'],
  grade_code: [resolveGradeCode, '職層コードまたは職層名を指定してください'],
  age_band: [parseAgeBand, '年齢区分は -29、30-39、40-49、50- のいずれかにしてください'],
  employment_type: [
    parseEmploymentType,
    'regular / reappointed / temporary / fiscal-year（または常勤職員などの名称）を指定してください',
  ],
};

/** The HR-defined surveys, newest first, with their respondent counts. */
export async function customSurveys(db: Kysely<Database>) {
  return listCustomSurveys(db);
}

/** One HR-defined survey (404 for an unknown id). */
export async function customSurvey(db: Kysely<Database>, id: string): Promise<CustomSurvey> {
  const s = await getCustomSurvey(db, id);
  if (!s) throw errors.notFound('アンケート');
  return s;
}

/** Defines a new HR-defined survey. */
export async function defineCustomSurvey(db: Kysely<Database>, now: Date, def: CustomSurveyDefinition) {
  return createCustomSurvey(db, def, now.toISOString());
}

/**
 * Imports the responses of an HR-defined survey (docs/domain.md §5): all or nothing, every problem named by
 * row and column; a multiple-choice cell holds option numbers or labels separated by ';' or '、', within the
 * item's limit. Replaces the survey's previous import; online answers stay.
 */
export async function importCustomResponses(
  db: Kysely<Database>,
  survey: CustomSurvey,
  file: Upload,
  actor: Actor,
  now: Date,
): Promise<{ rows: number; replaced: number }> {
  const table = await readUploadTable(file, customImportColumns(survey));
  const details: ImportDetail[] = [];
  const parsed: { row: number; value: CustomResponse }[] = [];
  for (const { row, values } of table.rows) {
    const attrs: Record<string, string> = {};
    let bad = false;
    for (const col of ATTRIBUTE_COLUMNS) {
      const s = normalizeText(values[col] ?? '');
      const [read, message] = ATTRIBUTE_READERS[col];
      const v = s === '' ? undefined : read(s);
      if (v === undefined) {
        details.push({
          row,
          column: col,
          message: s === '' ? '値が入っていません（必須の項目です）' : message,
        });
        bad = true;
      } else attrs[col] = v;
    }
    const cells = survey.items.map((item, i) => {
      const raw = values[itemColumn(i)] ?? '';
      const r = item.kind === 'choice' ? parseChoiceCell(item, raw) : parseAgreementCell(raw);
      if ('error' in r) {
        details.push({ row, column: itemColumn(i), message: r.error });
        bad = true;
        return null;
      }
      return r.value;
    });
    if (!bad)
      parsed.push({
        row,
        value: {
          unitCode: attrs['unit_code']!,
          gradeCode: attrs['grade_code']!,
          ageBand: attrs['age_band'] as CustomResponse['ageBand'],
          employmentType: attrs['employment_type'] as CustomResponse['employmentType'],
          values: cells,
        },
      });
  }
  return db.transaction().execute(async (trx) => {
    await refuseMixedSources(trx, survey.id, 'import');
    details.push(...(await unknownUnitRows(trx, parsed)));
    throwIfAny('invalid_rows', details);
    const { replaced } = await replaceImportedCustomResponses(
      trx,
      survey,
      parsed.map((p) => p.value),
    );
    await recordImport(trx, actor, now, { entity: 'survey_responses', entityId: survey.id }, file, {
      rows: parsed.length,
      replaced,
    });
    return { rows: parsed.length, replaced };
  });
}

/**
 * The results of a custom survey (HR only): per 4-point item the KPI survey's figures; under 5 answers withheld.
 * `waiting` counts the online answers held apart until a batch of 5 joins the figures (docs/domain.md §5).
 */
export async function customResults(
  db: Kysely<Database>,
  survey: CustomSurvey,
): Promise<{
  respondents: number;
  waiting: number;
  items: ({ index: number; column: string; textJa: string; kind: string } & Partial<KpiFigures>)[];
}> {
  const agreement = survey.items.flatMap((it, i) => (it.kind === 'agreement' ? [i] : []));
  const [m, waiting] = await Promise.all([
    customItemMoments(db, survey.id, agreement),
    pendingCounts(db, [survey.id]),
  ]);
  return {
    respondents: m.respondents,
    waiting: waiting.get(survey.id) ?? 0,
    items: survey.items.map((it, i) => {
      const base = { index: i, column: itemColumn(i), textJa: it.textJa, kind: it.kind };
      const mm = m.items.get(i);
      return it.kind === 'agreement' && mm ? { ...base, ...kpiFigures(mm) } : base;
    }),
  };
}

export interface LabelledColumn extends CrossTabColumn {
  labelJa: string;
  labelEn: string;
}

/**
 * A cross-tab of a multiple-choice item by an attribute (policy III-2-(2), reasons by age band): counts per option
 * × group with the total, under the item's disclosure plan (docs/domain.md §5). Units count under their 課.
 */
export async function customCrossTab(
  db: Kysely<Database>,
  survey: CustomSurvey,
  itemIndex: number,
  by: BreakdownBy,
): Promise<{ options: string[]; total: CrossTabColumn; groups: LabelledColumn[] }> {
  const item = survey.items[itemIndex];
  if (!item || item.kind !== 'choice') throw new Error('not a choice item');
  const { cells, units, disclosure } = await choiceDisclosure(db, survey.id, itemIndex, item.options.length);
  const t = choiceCrossTab(disclosure, breakdownKeys(by, cells, units), item.options.length);
  return { options: item.options, total: t.total, groups: labelled(t.groups, by, units) };
}
