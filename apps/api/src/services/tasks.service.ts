// A person's to-do list (docs/domain.md §13 "Daily work"): sheets waiting for them, applicants waiting for their
// scores, surveys to answer, HR's steps and appeals; overdue items first. It names no evaluation content.
import {
  evaluatorQueue,
  listPeriods,
  sheetsOfStaff,
  sheetStatusCounts,
  type Database,
  type Period,
} from '@jinzai/db';
import {
  dueDateOf,
  fiscalYearJa,
  fiscalYearOf,
  nextStep,
  orderTasks,
  STEP_LABELS,
  type Task,
  type User,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit.js';
import { actorOfUser } from './recruitment-access.service.js';
import { panelWork } from './recruitment-sheets.service.js';
import { kpiSurveyStatus, openCustomSurveys } from './survey-online.service.js';

type Db = Kysely<Database>;
type Draft = Omit<Task, 'overdue'>;

/** The HR steps the list groups, by the step's action: where HR does them. */
const HR_KIND = { confirm: 'adjust', disclose: 'disclose', reopen: 'appeals' } as const;

/** What the signed-in person must do now, in the order to do it (orderTasks). The read is audited. */
export async function myTasks(db: Db, user: User, now: Date): Promise<Task[]> {
  const today = now.toISOString().slice(0, 10);
  const open = (await listPeriods(db)).filter((p) => p.startsOn <= today && today <= p.endsOn);
  const tasks: Draft[] = [
    ...(user.staffNo ? await ownSheets(db, user.staffNo, open) : []),
    ...(user.staffNo ? await toEvaluate(db, user.staffNo, open) : []),
    ...(user.roles.includes('hr') ? await adjusterSteps(db, open) : []),
    ...(await scoring(db, user)),
    ...(await surveys(db, user.staffNo, now)),
  ];
  const ordered = orderTasks(tasks, today);
  await recordAudit(db, actorOfUser(user), now, {
    action: 'read',
    entity: 'tasks',
    detail: { n: ordered.length },
  });
  return ordered;
}

/** One's own sheets in open periods whose next step is the evaluatee's: goals, self-evaluation, the result. */
async function ownSheets(db: Db, staffNo: string, open: readonly Period[]): Promise<Draft[]> {
  const out: Draft[] = [];
  for (const s of await sheetsOfStaff(db, staffNo)) {
    const period = open.find((p) => p.id === s.periodId);
    const step = nextStep(s);
    if (!period || step?.as !== 'evaluatee') continue;
    const label = STEP_LABELS[step.action as keyof typeof STEP_LABELS];
    out.push({
      kind: 'sheet',
      title: `${period.name}：${label.ja}`,
      titleEn: `${period.name}: ${label.en}`,
      href: `/review/evaluation/sheets/${s.id}`,
      due: dueDateOf(period, s.state),
      count: 1,
    });
  }
  return out;
}

/** The sheets waiting for this person as first or second evaluator, a line per period and step with the count. */
async function toEvaluate(db: Db, staffNo: string, open: readonly Period[]): Promise<Draft[]> {
  const out: Draft[] = [];
  for (const period of open) {
    const waiting = new Map<string, { n: number; due: string | null; label: { ja: string; en: string } }>();
    for (const r of await evaluatorQueue(db, period.id, staffNo)) {
      const step = nextStep({ state: r.state, goalsSubmitted: r.goalsSubmitted, appealOpen: false });
      const mine =
        (step?.as === 'first' && r.firstStaffNo === staffNo) ||
        (step?.as === 'second' && r.secondStaffNo === staffNo);
      if (!step || !mine) continue;
      const label = STEP_LABELS[step.action as keyof typeof STEP_LABELS];
      const w = waiting.get(step.action) ?? { n: 0, due: dueDateOf(period, r.state), label };
      w.n += 1;
      waiting.set(step.action, w);
    }
    for (const w of waiting.values()) {
      out.push({
        kind: 'evaluations',
        title: `${period.name}：${w.label.ja} ${w.n.toLocaleString('ja-JP')}件`,
        titleEn: `${period.name}: ${w.label.en} (${w.n.toLocaleString('en-GB')})`,
        href: '/review/evaluation/queue?mine=1',
        due: w.due,
        count: w.n,
      });
    }
  }
  return out;
}

/** HR's steps in open periods (調整・確定, 開示, 苦情相談), a line per period and step with the count. */
async function adjusterSteps(db: Db, open: readonly Period[]): Promise<Draft[]> {
  const counts = await sheetStatusCounts(
    db,
    open.map((p) => p.id),
  );
  const out: Draft[] = [];
  for (const period of open) {
    for (const action of Object.keys(HR_KIND) as (keyof typeof HR_KIND)[]) {
      const rows = counts.filter((c) => c.periodId === period.id && nextStep(c)?.action === action);
      const n = rows.reduce((sum, c) => sum + c.n, 0);
      const first = rows[0];
      if (n === 0 || !first) continue;
      const label = STEP_LABELS[action];
      out.push({
        kind: HR_KIND[action],
        title: `${period.name}：${label.ja} ${n.toLocaleString('ja-JP')}件`,
        titleEn: `${period.name}: ${label.en} (${n.toLocaleString('en-GB')})`,
        href: `/review/evaluation/periods/${period.id}/sheets?state=${first.state}`,
        due: action === 'reopen' ? null : dueDateOf(period, first.state),
        count: n,
      });
    }
  }
  return out;
}

/** Applicants in open rounds still waiting for this person's submitted scores, a line per stage. */
async function scoring(db: Db, user: User): Promise<Draft[]> {
  const out: Draft[] = [];
  for (const { round, stage, applicants } of await panelWork(db, user)) {
    const n = applicants.filter((a) => a.status !== 'submitted').length;
    if (n === 0) continue;
    out.push({
      kind: 'scoring',
      title: `${round.name}（${stage.name}）：評価票の提出 ${n.toLocaleString('ja-JP')}名`,
      titleEn: `${round.name} (${stage.name}): score sheets to submit (${n.toLocaleString('en-GB')})`,
      href: '/recruit/queue',
      due: null,
      count: n,
    });
  }
  return out;
}

/** The current year's staff survey and HR's surveys the person has not answered yet. */
async function surveys(db: Db, staffNo: string | null, now: Date): Promise<Draft[]> {
  if (!staffNo) return [];
  const year = fiscalYearOf(now);
  const out: Draft[] = [];
  if ((await kpiSurveyStatus(db, staffNo, now, year)).canAnswer) {
    out.push({
      kind: 'survey',
      title: `${fiscalYearJa(year)} 職員アンケートへの回答`,
      titleEn: `FY${year} staff survey: your answers`,
      href: '/review/survey',
      due: null,
      count: 1,
    });
  }
  for (const s of await openCustomSurveys(db, staffNo, now)) {
    if (!s.canAnswer) continue;
    out.push({
      kind: 'survey',
      title: `${s.titleJa}への回答`,
      titleEn: `Survey: ${s.titleJa}`,
      href: `/review/survey/custom/${encodeURIComponent(s.id)}`,
      due: null,
      count: 1,
    });
  }
  return out;
}
