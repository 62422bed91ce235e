// Test helpers that walk staff1's evaluation sheet through its workflow (docs/domain.md §4) as the ward's people.
import { getSheetHeader, listAudit, listGoals, listHistory, listRatings } from '@jinzai/db';
import { SHEET_STATES, type SheetState } from '@jinzai/model';
import { expect } from 'vitest';
import { allRatings, GOALS, openPeriodWithSheets, seedWard, type SheetBody } from './evaluation-fixture.js';
import { json, type Harness } from './harness.js';

export type Who = 'hr' | 'eval1' | 'eval2' | 'eval3' | 'staff1' | 'staff2';

/** The workflow's states in order, up to disclosure. */
export type Stage = Exclude<SheetState, 'done'>;
export const STAGES = SHEET_STATES.filter((s): s is Stage => s !== 'done');

type Extra = (s: SheetBody) => Record<string, unknown>;

/** The step that moves the sheet out of each state, by whom and with what content. */
export const FORWARD_STEPS: [Who, string, Extra?][] = [
  ['staff1', 'submit-goals', () => ({ goals: GOALS })],
  ['eval1', 'agree-goals'],
  ['staff1', 'self-evaluate', (s) => ({ ratings: allRatings(s, 'A', false) })],
  ['eval1', 'first-rate', (s) => ({ ratings: allRatings(s, 'B') })],
  ['eval2', 'second-rate', (s) => ({ ratings: allRatings(s, 'A') })],
  ['hr', 'confirm'],
  ['hr', 'disclose'],
];

/** A seeded ward with an open period, everyone signed in, and staff1's sheet with helpers to read and act on it. */
export async function sheetWorld(h: Harness) {
  await seedWard(h);
  const c: Record<Who, string> = {
    hr: await h.login('hr'),
    eval1: await h.login('eval1'),
    eval2: await h.login('eval2'),
    eval3: await h.login('eval3'),
    staff1: await h.login('staff1'),
    staff2: await h.login('staff2'),
  };
  const { periodId, sheetId } = await openPeriodWithSheets(h, c.hr);
  const url = `/api/review/sheets/${sheetId}`;
  const get = async (who: Who) => {
    const res = await h.request(url, { cookie: c[who] });
    expect(res.status, who).toBe(200);
    return (await res.json()) as SheetBody & Record<string, unknown>;
  };
  const act = (who: Who, body: Record<string, unknown>) =>
    h.request(`${url}/actions`, json(body, 'POST', c[who]));
  const save = (who: Who, body: Record<string, unknown>) => h.request(url, json(body, 'PUT', c[who]));
  const step = async (who: Who, action: string, extra: Extra = () => ({})) => {
    const s = await get(who);
    const res = await act(who, { action, version: s.version, ...extra(s) });
    if (res.status !== 200) throw new Error(`${who} ${action}: ${res.status} ${await res.text()}`);
    return (await res.json()) as SheetBody;
  };
  /** Moves the sheet from goal-setting forward until it stands at `stage`. */
  const toStage = async (stage: Stage) => {
    // Goal setting takes two steps (submit, agree); every later state one.
    const n = stage === 'goal-setting' ? 0 : STAGES.indexOf(stage) + 1;
    for (const [who, action, extra] of FORWARD_STEPS.slice(0, n)) await step(who, action, extra);
  };
  /** What the database holds for the sheet, read directly: header, goals, ratings, history and audit rows. */
  const stored = async () => {
    const db = h.db.db;
    const header = await getSheetHeader(db, sheetId);
    return {
      header,
      goals: await listGoals(db, sheetId),
      ratings: await listRatings(db, sheetId),
      history: await listHistory(db, sheetId),
      audit: (await listAudit(db, { limit: 100_000 })).length,
    };
  };
  return { c, periodId, sheetId, get, act, save, step, toStage, stored };
}
