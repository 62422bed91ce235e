// Every field of GET /api/review/sheets/{id} per relation and stage: before disclosure the evaluatee reads no
// evaluator-to-evaluator history (reason or author) and no evaluator's name as the last writer (docs/domain.md §4).
import { testDialects } from '@jinzai/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRatings, type SheetBody } from '../testing/evaluation-fixture.js';
import { createHarness, expectError, type Harness } from '../testing/harness.js';
import { sheetWorld } from '../testing/sheet-steps.js';

type Role = 'staff1' | 'eval1' | 'eval2' | 'hr';
type View = SheetBody & Record<string, unknown>;

const R2 = '一次評価の根拠が足りません（二次評価者から一次評価者へ）';
const R3 = '二次評価を見直してください（調整者から二次評価者へ）';

const NONE = { self: false, first: false, second: false, final: false };
const ALL = { self: true, first: true, second: true, final: true };

/** What one relation should see at one stage, beyond what every relation sees alike. */
interface Expected {
  visible: Record<string, boolean>;
  /** Indices of history entries shown without reason and author. */
  hidden: number[];
  updatedBy: string | null;
  editable: string | null;
  actions: string[];
}

/**
 * The stages, cumulative, with what each relation sees there. History by index: 0 submit-goals, 1 agree-goals,
 * 2 self-evaluate, 3 first-rate, 4 send-back by the second (R2), 5 first-rate, 6 second-rate, 7 send-back by HR
 * (R3), 8 second-rate, 9 confirm, 10 disclose.
 */
const STAGES: { stage: string; state: string; roles: Record<Role, Expected> }[] = [
  {
    stage: 'first-rate done and sent back by the second',
    state: 'first',
    roles: {
      staff1: {
        visible: { ...NONE, self: true },
        hidden: [3, 4],
        updatedBy: null,
        editable: null,
        actions: [],
      },
      eval1: {
        visible: { ...NONE, self: true, first: true },
        hidden: [],
        updatedBy: 'eval2',
        editable: 'first',
        actions: ['first-rate', 'send-back'],
      },
      eval2: {
        visible: { ...NONE, self: true, second: true },
        hidden: [1],
        updatedBy: 'eval2',
        editable: null,
        actions: [],
      },
      hr: { visible: ALL, hidden: [], updatedBy: 'eval2', editable: null, actions: [] },
    },
  },
  {
    stage: 'second, with the second evaluator’s draft',
    state: 'second',
    roles: {
      staff1: {
        visible: { ...NONE, self: true },
        hidden: [3, 4, 5],
        updatedBy: null,
        editable: null,
        actions: [],
      },
      eval1: {
        visible: { ...NONE, self: true, first: true },
        hidden: [],
        updatedBy: null,
        editable: null,
        actions: [],
      },
      eval2: {
        visible: { ...ALL, final: false },
        hidden: [],
        updatedBy: 'eval2',
        editable: 'second',
        actions: ['second-rate', 'send-back'],
      },
      hr: { visible: ALL, hidden: [], updatedBy: 'eval2', editable: null, actions: [] },
    },
  },
  {
    stage: 'adjust, after HR sent it back once, with HR’s draft',
    state: 'adjust',
    roles: {
      staff1: {
        visible: { ...NONE, self: true },
        hidden: [3, 4, 5, 6, 7, 8],
        updatedBy: null,
        editable: null,
        actions: [],
      },
      eval1: {
        visible: { ...NONE, self: true, first: true },
        hidden: [6, 7, 8],
        updatedBy: null,
        editable: null,
        actions: [],
      },
      eval2: { visible: { ...ALL, final: false }, hidden: [], updatedBy: null, editable: null, actions: [] },
      hr: { visible: ALL, hidden: [], updatedBy: 'hr', editable: 'final', actions: ['confirm', 'send-back'] },
    },
  },
  {
    stage: 'disclosed',
    state: 'disclosed',
    roles: {
      staff1: {
        visible: ALL,
        hidden: [],
        updatedBy: 'hr',
        editable: null,
        actions: ['acknowledge', 'appeal'],
      },
      eval1: { visible: ALL, hidden: [], updatedBy: 'hr', editable: null, actions: [] },
      eval2: { visible: ALL, hidden: [], updatedBy: 'hr', editable: null, actions: [] },
      hr: { visible: ALL, hidden: [], updatedBy: 'hr', editable: null, actions: [] },
    },
  },
];

const RELATION: Record<Role, string> = {
  staff1: 'evaluatee',
  eval1: 'first',
  eval2: 'second',
  hr: 'adjuster',
};

describe.each(testDialects())('what each relation sees of a sheet on %s', (dialect) => {
  let h: Harness;
  let w: Awaited<ReturnType<typeof sheetWorld>>;
  beforeEach(async () => {
    h = await createHarness(dialect);
    w = await sheetWorld(h);
  });
  afterEach(async () => h.dispose());

  const draft = async (who: Role, overall = true) => {
    const s = await w.get(who);
    const res = await w.save(who, { version: s.version, ratings: allRatings(s, 'C', overall).slice(0, 2) });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  /** Walks the sheet to each stage of STAGES in turn. */
  const reach = [
    async () => {
      await w.toStage('second');
      await w.step('eval2', 'send-back', () => ({ reason: R2 }));
    },
    async () => {
      await w.step('eval1', 'first-rate', (s) => ({ ratings: allRatings(s, 'B') }));
      await draft('eval2');
    },
    async () => {
      await w.step('eval2', 'second-rate', (s) => ({ ratings: allRatings(s, 'A') }));
      await w.step('hr', 'send-back', () => ({ reason: R3 }));
      await w.step('eval2', 'second-rate', (s) => ({ ratings: allRatings(s, 'A') }));
      await draft('hr');
    },
    async () => {
      await w.step('hr', 'confirm', (s) => ({ ratings: allRatings(s, 'A') }));
      await w.step('hr', 'disclose');
    },
  ];

  it('shows every field of the sheet as each relation may see it, stage by stage', async () => {
    for (const [i, { stage, state, roles }] of STAGES.entries()) {
      await reach[i]?.();
      const hr = await w.get('hr');
      const stored = await w.stored();
      expect(hr.state, stage).toBe(state);
      expect(hr.version, stage).toBe(stored.header?.version);
      expect(hr.updatedBy, stage).toBe(stored.header?.updatedBy);
      expect(hr.history, stage).toEqual(stored.history);
      expect(hr.ratings, stage).toEqual(stored.ratings);
      for (const [who, e] of Object.entries(roles) as [Role, Expected][]) {
        const seen = await w.get(who);
        const expected = {
          ...hr,
          appealReason: null,
          updatedBy: e.updatedBy,
          visible: e.visible,
          ratings: hr.ratings.filter((r) => e.visible[r.part]),
          relations: [RELATION[who]],
          editable: e.editable,
          actions: e.actions,
          history: hr.history.map((x, n) =>
            e.hidden.includes(n) ? { ...x, loginId: null, name: null, reason: null } : x,
          ),
          revisions: who === 'hr' ? hr.revisions : [],
        };
        expect(seen, `${who} at ${stage}`).toEqual(expected);
        expect(Object.keys(seen).sort(), `${who} at ${stage}`).toEqual(Object.keys(hr).sort());
      }
    }
  });

  it('does not show the evaluatee the send-back reasons between evaluators before disclosure', async () => {
    for (const [i, { stage }] of STAGES.entries()) {
      await reach[i]?.();
      const text = JSON.stringify(await w.get('staff1'));
      const open = stage === 'disclosed';
      expect(text.includes(R2), stage).toBe(open);
      expect(text.includes(R3), stage).toBe(open && i >= 2);
      expect(text.includes('"eval2"'), stage).toBe(open);
    }
  });

  it('names no evaluator to the evaluatee in a 409 either', async () => {
    const old = await w.get('staff1');
    await reach[0]?.();
    const err = await expectError(await w.save('staff1', { version: old.version, goals: [] }), 409);
    expect(err.message).not.toContain('eval');
    const current = (err.details as { current: View }).current;
    expect(current.updatedBy).toBeNull();
    expect(JSON.stringify(current)).not.toContain(R2);
  });
});
