import { z } from 'zod';
import { rowSpec, type CellCheck, type RowOf } from '../import-rows.js';
import { GRADES } from '../grades.js';
import { KPI_CODES, type KpiCode } from '../kpis.js';
import {
  AGE_BANDS,
  normalizeText,
  parseEmploymentType,
  type AgeBand,
  type EmploymentType,
  type Unit,
  unitPathUp,
} from '../org.js';
import { parseAgreement, type AgreementValue } from '../scales.js';
import type { Generalised } from './generalise.js';

/** The columns of a KPI survey import (docs/interfaces.md "Survey and KPIs"). */
export const SURVEY_RESPONSE_COLUMNS = {
  required: ['unit_code', 'grade_code', 'age_band', 'employment_type', ...KPI_CODES],
  optional: [],
} as const;

/**
 * The attributes an anonymous response keeps (docs/domain.md §5): unit, grade, age band and employment type
 * only.
 */
export interface ResponseAttributes {
  unitCode: string;
  /** A grade code, or GENERALISED ('*') on an online answer that does not keep it (generalise.ts). */
  gradeCode: string;
  ageBand: AgeBand | Generalised;
  employmentType: EmploymentType | Generalised;
}

/** One anonymous response to the KPI survey: attributes and an answer 1–4 (or null) per KPI question. */
export interface KpiResponse extends ResponseAttributes {
  answers: Record<KpiCode, AgreementValue | null>;
}

/**
 * A grade given as its code or its Japanese name, with or without 級 (docs/domain.md §8: rosters are keyed by
 * name).
 */
export function resolveGradeCode(value: string): string | undefined {
  const v = normalizeText(value);
  const bare = (s: string) => s.replace(/級$/, '');
  return GRADES.find((g) => g.code === v.toLowerCase() || g.nameJa === v || bare(g.nameJa) === bare(v))?.code;
}

/**
 * An age band given as its code (-29, 30-39, 40-49, 50-) or its printed name (29歳以下 …) (docs/domain.md §5).
 */
export function parseAgeBand(value: string): AgeBand | undefined {
  const v = normalizeText(value).replace(/[〜~]/g, '～');
  return AGE_BANDS.find((b) => b.code === normalizeText(value) || b.nameJa === v)?.code;
}

const UNIT_CODE = /^[0-9A-Za-z_-]{1,32}$/;
const unitCodeOf = (s: string) => (UNIT_CODE.test(s) ? s : undefined);

const required =
  <T>(check: (s: string) => T | undefined, message: string): CellCheck<T> =>
  (v, issue) => {
    const s = normalizeText(v);
    if (s === '') {
      issue('値が入っていません（必須の項目です）');
      return undefined as T;
    }
    const out = check(s);
    if (out === undefined) issue(message);
    return out as T;
  };

const answer: CellCheck<AgreementValue | null> = (v, issue) => {
  const a = parseAgreement(v);
  if (a === undefined) {
    issue(
      `「${v.trim()}」は回答として読めません。1〜4、そう思う・まあそう思う・あまりそう思わない・そう思わない、または空欄（無回答）にしてください`,
    );
    return null;
  }
  return a;
};

const answerColumns = Object.fromEntries(KPI_CODES.map((c) => [c, answer])) as Record<KpiCode, typeof answer>;

/**
 * One row of the KPI survey CSV (docs/interfaces.md "Survey and KPIs"):
 * unit_code,grade_code,age_band,employment_type,q01…q15.
 */
export const surveyResponseRowSpec = rowSpec('surveyResponseRowSpec', SURVEY_RESPONSE_COLUMNS, {
  unit_code: required(unitCodeOf, '所属コードの形式が正しくありません'),
  grade_code: required(
    resolveGradeCode,
    '職層コード（/api/standards/grades の code）または職層名を指定してください',
  ),
  age_band: required(parseAgeBand, '年齢区分は -29、30-39、40-49、50- のいずれかにしてください'),
  employment_type: required(
    parseEmploymentType,
    'regular / reappointed / temporary / fiscal-year（または常勤職員などの名称）を指定してください',
  ),
  ...answerColumns,
});

/** A checked row of the KPI survey CSV as the response it records. */
export function kpiResponseOf(r: RowOf<typeof surveyResponseRowSpec.checks>): KpiResponse {
  const answers = {} as Record<KpiCode, AgreementValue | null>;
  for (const c of KPI_CODES) answers[c] = r[c];
  return {
    unitCode: r.unit_code,
    gradeCode: r.grade_code,
    ageBand: r.age_band,
    employmentType: r.employment_type,
    answers,
  };
}

export const surveyResponseRowSchema = surveyResponseRowSpec.schema.transform(kpiResponseOf);

const agreementValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]);

/** What a member of staff sends when answering the KPI survey online: 1–4 or null (no answer) per question. */
export const onlineAnswersSchema = z.object({
  answers: z
    .object(
      Object.fromEntries(KPI_CODES.map((c) => [c, agreementValue.optional()])) as Record<
        KpiCode,
        z.ZodOptional<typeof agreementValue>
      >,
    )
    .strict(),
});

/**
 * The unit a response is counted under in breakdowns and response rates (docs/domain.md §5: compare by 課 or
 * 係): the 課 that the unit is or is under; a 部 stays itself. Units unknown to the tree stay themselves.
 */
export function reportingUnitOf(
  code: string,
  units: ReadonlyMap<string, Pick<Unit, 'parentCode' | 'level'>>,
): string {
  const path = unitPathUp(code, units);
  return path.find((c) => units.get(c)?.level !== '係') ?? (path.at(-1) as string);
}

/** The 年度 of an instant (docs/domain.md §8: the fiscal year starts on 1 April), in Japan time. */
export function fiscalYearOf(at: Date): number {
  const jst = new Date(at.getTime() + 9 * 3_600_000);
  return jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
}
