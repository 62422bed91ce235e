import type { Generated } from 'kysely';

type Timestamp = string;

export interface ReviewPeriodTable {
  id: Generated<number>;
  fiscal_year: number;
  /** 'fiscal' (年度, April–March) or 'calendar' (January–December). */
  kind: string;
  name: string;
  /** ISO dates (YYYY-MM-DD). */
  starts_on: string;
  ends_on: string;
  goals_due: string | null;
  self_due: string | null;
  first_due: string | null;
  second_due: string | null;
  adjust_due: string | null;
  disclose_due: string | null;
  /** The version of EVALUATION_SCALE the period is rated on. */
  scale_version: string;
  created_at: Timestamp;
}

export interface ReviewResultTable {
  period_id: number;
  staff_no: string;
  /** The staff member's unit and grade as they were in the period (a snapshot). */
  unit_code: string;
  grade_code: string;
  overall: string;
  /** `{ "<competency code>": "S".."D" }` */
  items_json: string;
  /** 'import' (from an earlier system) or 'sheet' (confirmed in the workflow). */
  source: string;
  confirmed_at: Timestamp;
}

/** The tables of personnel evaluation (DOMAIN §4). */
export interface EvaluationTables {
  review_periods: ReviewPeriodTable;
  review_results: ReviewResultTable;
}
