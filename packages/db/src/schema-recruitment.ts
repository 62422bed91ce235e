import type { ColumnType, Generated } from 'kysely';

type Timestamp = string;
type AutoId = Generated<number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface RecruitRoundTable {
  id: AutoId;
  name: string;
  track: string;
  fiscal_year: number;
  /** The weight-set version the round opened with (docs/domain.md §2). */
  weight_version: string;
  status: string;
  closed_at: Timestamp | null;
  retention_months: number;
  /** Bumped in the transaction of every score write: the key of the results cache. */
  scores_version: Defaulted<number>;
  created_at: Timestamp;
  created_by: number | null;
  /** Optimistic lock of the round's own fields: every change names the version it read. */
  version: Defaulted<number>;
}

export interface RecruitStageTable {
  id: AutoId;
  round_id: number;
  position: number;
  name: string;
}

export interface RecruitPanelTable {
  stage_id: number;
  user_id: number;
}

export interface RecruitCriterionTable {
  id: AutoId;
  round_id: number;
  code: string;
  layer: string;
  position: number;
  name_ja: string;
  name_en: string;
  anchors_json: string;
  questions_json: string;
  holistic: Defaulted<number>;
}

export interface RecruitApplicantTable {
  id: AutoId;
  round_id: number;
  applicant_no: string;
  /** Null once anonymised (docs/domain.md §9). */
  name: string | null;
  name_kana: string | null;
  email: string | null;
  consent: Defaulted<number>;
  anonymised_at: Timestamp | null;
  created_at: Timestamp;
}

export interface RecruitDecisionTable {
  stage_id: number;
  applicant_id: number;
  decision: string;
  reason: string;
  decided_at: Timestamp;
  decided_by: number | null;
}

export interface RecruitSheetTable {
  id: AutoId;
  stage_id: number;
  applicant_id: number;
  rater_id: number;
  status: string;
  /** Optimistic lock: every save must name the version it read. */
  version: number;
  submitted_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface RecruitScoreTable {
  sheet_id: number;
  criterion_id: number;
  layer: string;
  score: number | null;
  note: Defaulted<string>;
}

/** Recruitment (issue 3): rounds, stages and panels, criteria, applicants, decisions, sheets and scores. */
export interface RecruitmentTables {
  recruit_rounds: RecruitRoundTable;
  recruit_stages: RecruitStageTable;
  recruit_panel: RecruitPanelTable;
  recruit_criteria: RecruitCriterionTable;
  recruit_applicants: RecruitApplicantTable;
  recruit_decisions: RecruitDecisionTable;
  recruit_sheets: RecruitSheetTable;
  recruit_scores: RecruitScoreTable;
}
