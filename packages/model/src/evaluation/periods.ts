// Evaluation periods (docs/domain.md §4): the fiscal year or the calendar-year preset, and their phase dates.
import { z } from 'zod';
import { EVALUATION_GRADES, type EvaluationGrade } from '../scales.js';
import type { SheetState } from './workflow.js';

/**
 * Kinds of evaluation period (docs/domain.md §4): the fiscal year (年度, April–March), or the calendar-year
 * preset.
 */
export const PERIOD_KINDS = ['fiscal', 'calendar'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The phases of a period that carry a due date, in order (docs/domain.md §4 states). */
export const PHASE_DUE_KEYS = [
  'goalsDue',
  'selfDue',
  'firstDue',
  'secondDue',
  'adjustDue',
  'discloseDue',
] as const;
export type PhaseDueKey = (typeof PHASE_DUE_KEYS)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'YYYY-MM-DD で指定してください' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: '存在しない日付です',
    },
  );

/**
 * POST /api/review/periods (docs/interfaces.md "Evaluation"): fiscalYear and kind, with optional phase dates.
 */
/** Which due date a sheet waits on at each step (a confirmed sheet waits for disclosure; later steps for none). */
const DUE_OF_STATE: Partial<Record<SheetState, PhaseDueKey>> = {
  'goal-setting': 'goalsDue',
  self: 'selfDue',
  first: 'firstDue',
  second: 'secondDue',
  adjust: 'adjustDue',
  confirmed: 'discloseDue',
};

/** The due date of the step a sheet is at, in its period; null when the step has none. */
export function dueDateOf(
  period: Partial<Record<PhaseDueKey, string | null>>,
  state: SheetState,
): string | null {
  const key = DUE_OF_STATE[state];
  return key ? (period[key] ?? null) : null;
}

export const newPeriodSchema = z
  .object({
    fiscalYear: z.number().int().min(2000).max(2100),
    kind: z.enum(PERIOD_KINDS),
    name: z.string().trim().min(1).max(100).optional(),
    goalsDue: isoDate.optional(),
    selfDue: isoDate.optional(),
    firstDue: isoDate.optional(),
    secondDue: isoDate.optional(),
    adjustDue: isoDate.optional(),
    discloseDue: isoDate.optional(),
  })
  .strict();
export type NewPeriod = z.output<typeof newPeriodSchema>;

export interface PeriodDates {
  startsOn: string;
  endsOn: string;
  goalsDue: string;
  selfDue: string;
  firstDue: string;
  secondDue: string;
  adjustDue: string;
  discloseDue: string;
}

/**
 * The span of a period: 年度 Y is 1 April Y – 31 March Y+1; the calendar preset is 1 January – 31 December
 * (docs/domain.md §4).
 */
export function periodSpan(fiscalYear: number, kind: PeriodKind): { startsOn: string; endsOn: string } {
  return kind === 'fiscal'
    ? { startsOn: `${fiscalYear}-04-01`, endsOn: `${fiscalYear + 1}-03-31` }
    : { startsOn: `${fiscalYear}-01-01`, endsOn: `${fiscalYear}-12-31` };
}

/**
 * Default phase due dates of a period (docs/domain.md §4, configurable by HR): goals a month in,
 * self-evaluation, first and second ratings, adjustment and disclosure in the last quarter of the period.
 */
export function defaultPhaseDates(fiscalYear: number, kind: PeriodKind): PeriodDates {
  const { startsOn, endsOn } = periodSpan(fiscalYear, kind);
  const y = fiscalYear;
  if (kind === 'fiscal') {
    return {
      startsOn,
      endsOn,
      goalsDue: `${y}-05-31`,
      selfDue: `${y + 1}-01-15`,
      firstDue: `${y + 1}-01-31`,
      secondDue: `${y + 1}-02-15`,
      adjustDue: `${y + 1}-02-28`,
      discloseDue: `${y + 1}-03-15`,
    };
  }
  return {
    startsOn,
    endsOn,
    goalsDue: `${y}-02-28`,
    selfDue: `${y}-10-15`,
    firstDue: `${y}-10-31`,
    secondDue: `${y}-11-15`,
    adjustDue: `${y}-11-30`,
    discloseDue: `${y}-12-15`,
  };
}

/** Japanese name of a period: 令和8年度 人事評価, or 2026年 人事評価 for the calendar preset (docs/domain.md §8). */
export function periodName(fiscalYear: number, kind: PeriodKind): string {
  return kind === 'calendar' ? `${fiscalYear}年 人事評価` : `${fiscalYearJa(fiscalYear)} 人事評価`;
}

/** A 年度 in 和暦 (docs/domain.md §8): 令和8年度, 令和元年度; before 令和, the western year (2018年度). */
export function fiscalYearJa(fiscalYear: number): string {
  const reiwa = fiscalYear - 2018;
  return reiwa >= 1 ? `令和${reiwa === 1 ? '元' : reiwa}年度` : `${fiscalYear}年度`;
}

/**
 * Reads an S–D grade as keyed in (full-width or lower case allowed); undefined when it is none
 * (docs/domain.md §4).
 */
export function parseEvaluationGrade(value: string): EvaluationGrade | undefined {
  const v = value.normalize('NFKC').trim().toUpperCase();
  return (EVALUATION_GRADES as readonly string[]).includes(v) ? (v as EvaluationGrade) : undefined;
}
