import type { ColumnType, Generated } from 'kysely';

type Timestamp = string;

/** A notice to one person, and the log of its mail (docs/domain.md §12). */
export interface NoticeTable {
  id: Generated<number>;
  recipient_staff_no: string | null;
  recipient_user_id: number | null;
  kind: string;
  subject: string;
  title: string;
  params_json: string;
  href: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  dedupe_key: string | null;
  mail_status: ColumnType<string, string | undefined, string>;
  mail_to: string | null;
  mail_sent_at: Timestamp | null;
  mail_error: string | null;
  mail_attempts: ColumnType<number, number | undefined, number>;
  mail_claimed_until: Timestamp | null;
  mail_claimed_by: string | null;
}

/** A job of the scheduler, due again at next_run_at; claimed by moving that time on. */
export interface ScheduledJobTable {
  name: string;
  next_run_at: Timestamp;
  holder: string | null;
  claimed_at: Timestamp | null;
}

export interface NoticeTables {
  notices: NoticeTable;
  scheduled_jobs: ScheduledJobTable;
}
