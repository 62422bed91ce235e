import type { ColumnType, Generated } from 'kysely';

type Timestamp = string;

/** A course of HR's training catalogue, with the logic-model outcome it serves (docs/domain.md §10). */
export interface TalentCourseTable {
  code: string;
  name: string;
  name_en: string | null;
  layer: string;
  outcome: string;
  active: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

/** A training completion or a self-development (自己啓発), each naming the pyramid layer it serves. */
export interface TalentTrainingTable {
  id: Generated<number>;
  staff_no: string;
  course: string;
  layer: string;
  completed_on: string;
  hours: number;
  /** 'import' or 'self'. */
  source: string;
  kind: string | null;
  subsidy_yen: number | null;
  /** 'approved', 'pending' or 'rejected'. */
  status: string;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export interface TalentDeclarationWindowTable {
  fiscal_year: number;
  opens_on: string;
  closes_on: string;
  updated_at: Timestamp;
}

/** One person's 自己申告 of a fiscal year. */
export interface TalentDeclarationTable {
  staff_no: string;
  fiscal_year: number;
  unit_code: string;
  grade_code: string;
  transfer_wish: string;
  wished_units_json: string;
  reason: string;
  career_goal: string;
  growth_layer: string | null;
  circumstances: string;
  manager_exam_interest: number;
  submitted_at: Timestamp;
  updated_at: Timestamp;
}

/** A 面談 record; private_notes never reach the person or their evaluators' profile view. */
export interface TalentInterviewTable {
  id: Generated<number>;
  staff_no: string;
  kind: string;
  held_on: string;
  topics: string;
  actions: string;
  private_notes: string;
  recorded_by_user_id: number | null;
  recorded_by_name: string;
  created_at: Timestamp;
  acknowledged_at: Timestamp | null;
}

/** A 公募 posting. */
export interface TalentPostingTable {
  id: Generated<number>;
  title: string;
  unit_code: string;
  grade_min: string;
  grade_max: string;
  needs_json: string;
  description: string;
  deadline: string;
  created_at: Timestamp;
}

export interface TalentApplicationTable {
  posting_id: number;
  staff_no: string;
  statement: string;
  applied_at: Timestamp;
  outcome: string;
  decided_at: Timestamp | null;
}

/** The tables of talent data (docs/domain.md §10). */
export interface TalentTables {
  talent_courses: TalentCourseTable;
  talent_training: TalentTrainingTable;
  talent_declaration_windows: TalentDeclarationWindowTable;
  talent_declarations: TalentDeclarationTable;
  talent_interviews: TalentInterviewTable;
  talent_postings: TalentPostingTable;
  talent_applications: TalentApplicationTable;
}
