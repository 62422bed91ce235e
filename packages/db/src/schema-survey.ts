// Timestamps are ISO-8601 UTC strings, as in the rest of the schema.
type Timestamp = string;
type Item = number | null;

export interface SurveyTable {
  id: string;
  /** 'kpi' (the policy's survey, one per fiscal year) or 'custom' (defined by HR). */
  kind: string;
  fiscal_year: number;
  title_ja: string;
  questions_json: string;
  created_at: Timestamp;
}

/**
 * One anonymous response (docs/domain.md §5): attributes only, never a staff number; a random id, no time.
 * Items q01…q20 hold 1–4 on the agreement scale, or for a multiple-choice item the chosen options as a bit
 * mask.
 */
export interface SurveyResponseTable {
  survey_id: string;
  id: string;
  /** 'online' or 'import'. */
  source: string;
  unit_code: string;
  grade_code: string;
  age_band: string;
  employment_type: string;
  q01: Item;
  q02: Item;
  q03: Item;
  q04: Item;
  q05: Item;
  q06: Item;
  q07: Item;
  q08: Item;
  q09: Item;
  q10: Item;
  q11: Item;
  q12: Item;
  q13: Item;
  q14: Item;
  q15: Item;
  q16: Item;
  q17: Item;
  q18: Item;
  q19: Item;
  q20: Item;
}

/** That a person has answered a survey online: nothing that links to their response. */
export interface SurveyParticipantTable {
  survey_id: string;
  staff_no: string;
}

/**
 * An online answer waiting to join its survey's figures in a batch of at least 5 (docs/domain.md §5): the response
 * as JSON under a random key, nothing else.
 */
export interface SurveyPendingTable {
  survey_id: string;
  id: string;
  payload: string;
}

/** The yearly use count of a programme (policy IV-3 ※6), entered by HR. */
export interface ProgrammeCountTable {
  fiscal_year: number;
  programme_code: string;
  count: number;
  updated_at: Timestamp;
}

type Sums = Record<
  `${'q01' | 'q02' | 'q03' | 'q04' | 'q05' | 'q06' | 'q07' | 'q08' | 'q09' | 'q10' | 'q11' | 'q12' | 'q13' | 'q14' | 'q15' | 'q16' | 'q17' | 'q18' | 'q19' | 'q20'}_${'n' | 's' | 'ss' | 'f'}`,
  number
>;

/** Running sums of a survey's responses per attribute cell, kept with the responses (same transaction). */
export type SurveyCellTable = Sums & {
  survey_id: string;
  unit_code: string;
  grade_code: string;
  age_band: string;
  employment_type: string;
  respondents: number;
};

/** The disclosure plan last chosen for a survey or one of its items, and the fingerprint of its cells. */
export interface SurveyPlanTable {
  plan_key: string;
  fingerprint: string;
  plan_json: string;
}

/** The survey area's tables. */
export interface SurveyTables {
  surveys: SurveyTable;
  survey_responses: SurveyResponseTable;
  survey_participants: SurveyParticipantTable;
  survey_pending: SurveyPendingTable;
  survey_cells: SurveyCellTable;
  programme_counts: ProgrammeCountTable;
  survey_plans: SurveyPlanTable;
}
