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

/** The tables of personnel evaluation (docs/domain.md §4). */
export interface EvaluationTables {
  review_periods: ReviewPeriodTable;
  review_results: ReviewResultTable;
  review_sheets: ReviewSheetTable;
  review_goals: ReviewGoalTable;
  review_ratings: ReviewRatingTable;
  review_history: ReviewHistoryTable;
  review_revisions: ReviewRevisionTable;
  i_messages: IMessageTable;
}

export interface ReviewSheetTable {
  id: Generated<number>;
  period_id: number;
  staff_no: string;
  unit_code: string;
  grade_code: string;
  first_staff_no: string | null;
  second_staff_no: string | null;
  state: string;
  goals_submitted: number;
  appeal_open: number;
  appeal_reason: string | null;
  disclosed_at: string | null;
  revision: number;
  /** Optimistic locking: every write checks and bumps it. */
  version: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ReviewGoalTable {
  sheet_id: number;
  position: number;
  content: string;
  outcome: string;
  difficulty: string;
  measure: string;
}

export interface ReviewRatingTable {
  sheet_id: number;
  part: string;
  item: string;
  rating: string | null;
  comment: string | null;
}

export interface ReviewHistoryTable {
  id: Generated<number>;
  sheet_id: number;
  at: Timestamp;
  user_id: number | null;
  login_id: string | null;
  action: string;
  from_state: string;
  to_state: string;
  reason: string | null;
  revision: number;
}

export interface ReviewRevisionTable {
  sheet_id: number;
  revision: number;
  snapshot_json: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface IMessageTable {
  id: Generated<number>;
  sender_user_id: number;
  sender_name: string;
  recipient_staff_no: string;
  recipient_unit_code: string;
  strength: string;
  body: string;
  created_at: Timestamp;
}
