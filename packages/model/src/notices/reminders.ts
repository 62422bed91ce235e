// 督促: which sheets call for a reminder today, to whom, and the key that keeps it to one a day (docs/domain.md
// §12). Pure: the caller passes the day.
import { dueDateOf, type PhaseDueKey } from '../evaluation/periods.js';
import type { SheetRelation, SheetState } from '../evaluation/workflow.js';
import { whoActsNow, type SheetAt } from './rules.js';

/** A deadline this many days away or fewer (or passed) calls for a reminder (docs/domain.md §12). */
export const REMINDER_LEAD_DAYS = 3;

/** Japan's offset from UTC; Japan keeps no summer time. */
const TOKYO_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) of an instant in Japan, the day that reminders count (docs/domain.md §12). */
export function tokyoDay(at: Date): string {
  return new Date(at.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** How a reminder stands: its deadline is near, has passed, or HR asked for it whatever the deadline. */
export type ReminderStage = 'soon' | 'overdue' | 'requested';

/**
 * Whether a deadline calls for a reminder on `today` (docs/domain.md §12): 'soon' when it is today or up to 3 days
 * away, 'overdue' once it has passed, else null.
 */
export function deadlineStage(due: string, today: string): Exclude<ReminderStage, 'requested'> | null {
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  return left <= REMINDER_LEAD_DAYS ? 'soon' : null;
}

/** The steps whose deadline reminds someone: HR's own (調整, 開示) remind nobody (docs/domain.md §12). */
export const REMINDED_STATES: readonly SheetState[] = ['goal-setting', 'self', 'first', 'second'];

/** A period as reminders need it: its span and its phase due dates. */
export type PeriodDeadlines = { startsOn: string; endsOn: string } & Partial<
  Record<PhaseDueKey, string | null>
>;

/** The reminder a sheet calls for: to whom (staff number and relation), the deadline, and how it stands. */
export interface SheetReminder {
  staffNo: string;
  relation: SheetRelation;
  due: string | null;
  stage: ReminderStage;
}

/**
 * The reminder a sheet calls for on `today` (docs/domain.md §12): to whoever must act, when the deadline of the
 * step it is at is 3 days away or fewer or has passed, while its period is open; with `requested` (HR's 督促) whatever
 * the deadline. Null when no one on the roster must act, or nothing is due.
 */
export function sheetReminder(
  sheet: SheetAt,
  period: PeriodDeadlines,
  today: string,
  requested = false,
): SheetReminder | null {
  const next = whoActsNow(sheet);
  if (!next || next.relation === 'adjuster' || next.staffNo === null) return null;
  if (!REMINDED_STATES.includes(sheet.state)) return null;
  const due = dueDateOf(period, sheet.state);
  if (requested) return { staffNo: next.staffNo, relation: next.relation, due, stage: 'requested' };
  if (due === null || today < period.startsOn || today > period.endsOn) return null;
  const stage = deadlineStage(due, today);
  return stage ? { staffNo: next.staffNo, relation: next.relation, due, stage } : null;
}

/**
 * The key that allows one reminder a day per person and sheet, whoever asks for it (docs/domain.md §12): kind,
 * item, recipient and the Japanese calendar day.
 */
export function reminderKey(sheetId: number, staffNo: string, day: string): string {
  return `reminder:review_sheet:${sheetId}:${staffNo}:${day}`;
}
