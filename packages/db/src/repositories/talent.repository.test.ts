import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.js';
import { upsertStaff, upsertUnits } from './org.repository.js';
import {
  acknowledgeInterview,
  countImportedTraining,
  currentEvaluatorsOf,
  getDeclaration,
  iMessageCountsOf,
  insertDeclaration,
  insertInterview,
  listDeclarations,
  trainingOf,
  updateDeclaration,
  upsertTrainingCompletions,
} from './talent.repository.js';

const T = '2026-10-05T00:00:00.000Z';
const declaration = (
  staffNo: string,
  unitCode: string,
  over: Partial<Parameters<typeof insertDeclaration>[1]> = {},
) => ({
  staffNo,
  fiscalYear: 2026,
  unitCode,
  gradeCode: 'shuji',
  transferWish: 'move',
  wishedUnits: ['20'],
  reason: '',
  careerGoal: '福祉の専門性',
  growthLayer: 'technical',
  circumstances: '',
  managerExamInterest: false,
  ...over,
});

describe.each(testDialects())('talent repository on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(dialect);
    await upsertUnits(
      t.db,
      [
        { code: '10', name: '総務部', parent_code: null, level: '部' },
        { code: '20', name: '福祉部', parent_code: null, level: '部' },
      ],
      T,
    );
    const person = (staff_no: string, unit_code: string) => ({
      staff_no,
      name: '職員',
      name_kana: 'ショクイン',
      unit_code,
      grade_code: 'shuji',
      employment_type: 'regular' as const,
      birth_year: 1990,
    });
    await upsertStaff(t.db, [person('1', '10'), person('2', '10'), person('3', '20')], T);
  });
  afterEach(() => t.dispose());

  it('upserts completions by person, course and day, set-based', async () => {
    const row = { staffNo: '1', course: 'DX研修', layer: 'ict', completedOn: '2026-05-01', hours: 3 };
    await upsertTrainingCompletions(t.db, [row, { ...row, staffNo: '2' }], T);
    await upsertTrainingCompletions(t.db, [{ ...row, hours: 4.5, layer: 'problem' }], T);
    expect(await countImportedTraining(t.db)).toBe(2);
    expect(await trainingOf(t.db, '1')).toMatchObject([
      { hours: 4.5, layer: 'problem', status: 'approved', source: 'import' },
    ]);
  });

  it('stores one declaration a person and year, corrects it, and lists by wish and unit', async () => {
    expect(await insertDeclaration(t.db, declaration('1', '10'), T)).toBe(true);
    expect(await insertDeclaration(t.db, declaration('1', '10'), T)).toBe(false);
    expect(await updateDeclaration(t.db, declaration('3', '20'), T)).toBe(false);
    await insertDeclaration(
      t.db,
      declaration('2', '10', { transferWish: 'stay', wishedUnits: [], managerExamInterest: true }),
      T,
    );
    await insertDeclaration(t.db, declaration('3', '20', { transferWish: 'either' }), T);
    expect(await updateDeclaration(t.db, declaration('1', '10', { wishedUnits: ['20', '10'] }), T)).toBe(
      true,
    );
    expect((await getDeclaration(t.db, '1', 2026))?.wishedUnits).toEqual(['20', '10']);
    const all = await listDeclarations(t.db, { fiscalYear: 2026 });
    expect(all.map((d) => d.staffNo)).toEqual(['1', '2', '3']);
    expect(
      (await listDeclarations(t.db, { fiscalYear: 2026, transferWish: 'stay' })).map((d) => d.staffNo),
    ).toEqual(['2']);
    expect((await listDeclarations(t.db, { fiscalYear: 2026, units: ['20'] })).map((d) => d.staffNo)).toEqual(
      ['3'],
    );
    expect(
      (await listDeclarations(t.db, { fiscalYear: 2026, managerExam: true })).map((d) => d.staffNo),
    ).toEqual(['2']);
    expect(await listDeclarations(t.db, { fiscalYear: 2026, units: [] })).toEqual([]);
  });

  it('acknowledges only one’s own 面談, once', async () => {
    const i = await insertInterview(
      t.db,
      {
        staffNo: '1',
        kind: 'start',
        heldOn: '2026-05-01',
        topics: '目標',
        actions: '',
        privateNotes: '内密',
        recordedByUserId: null,
        recordedByName: '課長',
      },
      T,
    );
    expect(await acknowledgeInterview(t.db, i.id, '2', T)).toBeUndefined();
    expect((await acknowledgeInterview(t.db, i.id, '1', T))?.acknowledgedAt).toBe(T);
    expect((await acknowledgeInterview(t.db, i.id, '1', '2027-01-01T00:00:00.000Z'))?.acknowledgedAt).toBe(T);
  });

  it('finds the evaluators of periods open today and counts I・メッセージ without their text', async () => {
    const period = await t.db
      .insertInto('review_periods')
      .values({
        fiscal_year: 2026,
        kind: 'fiscal',
        name: '令和8年度',
        starts_on: '2026-04-01',
        ends_on: '2027-03-31',
        goals_due: null,
        self_due: null,
        first_due: null,
        second_due: null,
        adjust_due: null,
        disclose_due: null,
        scale_version: '2024.1',
        created_at: T,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('review_sheets')
      .values({
        period_id: period.id,
        staff_no: '1',
        unit_code: '10',
        grade_code: 'shuji',
        first_staff_no: '2',
        second_staff_no: '3',
        state: 'self',
        goals_submitted: 1,
        appeal_open: 0,
        appeal_reason: null,
        disclosed_at: null,
        revision: 0,
        version: 1,
        updated_at: T,
        updated_by: null,
      })
      .execute();
    expect(await currentEvaluatorsOf(t.db, '1', '2026-10-05')).toEqual([
      { firstStaffNo: '2', secondStaffNo: '3' },
    ]);
    expect(await currentEvaluatorsOf(t.db, '1', '2027-04-01')).toEqual([]);
    expect(await iMessageCountsOf(t.db, '1')).toEqual({ received: 0, sent: 0 });
  });
});
