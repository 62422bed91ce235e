import type { ColumnType, Generated } from 'kysely';
import type { EvaluationTables } from './schema-evaluation.js';
import type { NoticeTables } from './schema-notices.js';
import type { RecruitmentTables } from './schema-recruitment.js';
import type { SurveyTables } from './schema-survey.js';
import type { TalentTables } from './schema-talent.js';

// Timestamps are ISO-8601 UTC strings in both dialects so that they sort and compare the same way everywhere.
type Timestamp = string;
type AutoId = Generated<number>;

export interface UnitTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: string;
  updated_at: Timestamp;
}

export interface StaffTable {
  staff_no: string;
  name: string;
  name_kana: string;
  unit_code: string;
  grade_code: string;
  job_family: string;
  employment_type: string;
  birth_year: number;
  updated_at: Timestamp;
  /** The date the person left the roster; null while on it. */
  left_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Name and kana in search form (model's staffSearchKey), kept by every write. */
  search_key: ColumnType<string, string | undefined, string>;
}

export interface UserTable {
  id: AutoId;
  login_id: string;
  display_name: string;
  password_hash: string;
  staff_no: string | null;
  active: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  /** Goes up when every session of the user must end (disabled, password reset). */
  credential_generation: ColumnType<number, number | undefined, number>;
  email: string | null;
  /** 'local' (a hashed password here) or 'directory' (LDAP checks it; nothing is stored). */
  auth_source: ColumnType<string, string | undefined, string>;
  must_change_password: ColumnType<number, number | undefined, number>;
  password_expires_at: string | null;
  last_sign_in_at: string | null;
  disabled_reason: string | null;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  /** sha-256 of the cookie token: a leaked table does not leak live sessions. */
  id: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** The user's credential generation when the session was opened; live only while it is still the user's. */
  credential_generation: ColumnType<number, number | undefined, number>;
}

/** A counter of failed sign-ins (per login id and address, per login id, per address). */
export interface LoginAttemptTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  /** The next attempt under this key must wait until then. */
  not_before: Timestamp | null;
}

export interface AuditLogTable {
  id: AutoId;
  at: Timestamp;
  user_id: number | null;
  login_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  detail_json: string | null;
}

export interface WeightSetTable {
  version: string;
  effective_from: string;
  weights_json: string;
  note: string | null;
  created_at: Timestamp;
  created_by: number | null;
}

/** The foundation's tables: organisation, people, access, audit, rule versions. */
export interface FoundationTables {
  units: UnitTable;
  staff: StaffTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  weight_sets: WeightSetTable;
  data_versions: DataVersionTable;
}

/** A counter per area of data, moved on by every write to the area (migration 0018, data-versions.repository.ts). */
export interface DataVersionTable {
  area: string;
  version: number;
}

export type * from './schema-evaluation.js';

/** The one Database type of Jinzai: every table, snake_case as in SQL. Each area adds its tables' interface here. */
export type Database = FoundationTables &
  RecruitmentTables &
  EvaluationTables &
  SurveyTables &
  NoticeTables &
  TalentTables;
