// A person's to-do list (docs/domain.md §13 "Daily work"): what each of them must do now, across both apps.

/** What a task is about: one's own sheet, sheets to evaluate, HR's steps, scoring applicants, a survey. */
export const TASK_KINDS = [
  'sheet',
  'evaluations',
  'adjust',
  'disclose',
  'appeals',
  'scoring',
  'survey',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** One line of the to-do list. `due` is a date (YYYY-MM-DD) or null; `count` how many items it stands for. */
export interface Task {
  kind: TaskKind;
  title: string;
  titleEn: string;
  href: string;
  due: string | null;
  overdue: boolean;
  count: number;
}

/**
 * The list in the order a person works through it: overdue items first (the longest overdue first), then those
 * with a due date (the nearest first), then the rest in the order given.
 */
export function orderTasks(tasks: readonly Omit<Task, 'overdue'>[], today: string): Task[] {
  const rank = (t: Omit<Task, 'overdue'>) => (t.due === null ? 2 : t.due < today ? 0 : 1);
  return tasks
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || (a.t.due ?? '').localeCompare(b.t.due ?? '') || a.i - b.i)
    .map(({ t }) => ({ ...t, overdue: t.due !== null && t.due < today }));
}
