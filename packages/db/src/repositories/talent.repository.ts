// Talent data (docs/domain.md §10): training, 自己申告 and its windows, 面談, 公募, and what a profile gathers.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import { bulkWrite } from './bulk.js';

type Db = Kysely<Database>;

/** A training completion or self-development as the profile shows it. */
export interface TrainingRecord {
  id: number;
  staffNo: string;
  course: string;
  layer: string;
  completedOn: string;
  hours: number;
  source: string;
  kind: string | null;
  subsidyYen: number | null;
  status: string;
}

/** One completion of a training file, ready to write. */
export interface TrainingCompletion {
  staffNo: string;
  course: string;
  layer: string;
  completedOn: string;
  hours: number;
}

/** How many completions HR's files have put in (what an import counts its new rows by). */
export async function countImportedTraining(db: Db): Promise<number> {
  const r = await db
    .selectFrom('talent_training')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source', '=', 'import')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Writes completions set-based in the caller's transaction: a completion already imported (same person, course
 * and day) gets the file's layer and hours. Approved as they come.
 */
export async function upsertTrainingCompletions(
  db: Db,
  rows: readonly TrainingCompletion[],
  now: string,
): Promise<void> {
  await bulkWrite(
    db,
    {
      table: 'talent_training',
      columns: [
        { name: 'staff_no', type: 'text' },
        { name: 'course', type: 'text' },
        { name: 'layer', type: 'text' },
        { name: 'completed_on', type: 'text' },
        { name: 'hours', type: 'real' },
        { name: 'source', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'created_at', type: 'text' },
      ],
      conflict: ['staff_no', 'course', 'completed_on', 'source'],
      update: ['layer', 'hours'],
    },
    rows.map((r) => [r.staffNo, r.course, r.layer, r.completedOn, r.hours, 'import', 'approved', now]),
  );
}

const toTraining = (r: {
  id: number;
  staff_no: string;
  course: string;
  layer: string;
  completed_on: string;
  hours: number;
  source: string;
  kind: string | null;
  subsidy_yen: number | null;
  status: string;
}): TrainingRecord => ({
  id: r.id,
  staffNo: r.staff_no,
  course: r.course,
  layer: r.layer,
  completedOn: r.completed_on,
  hours: Number(r.hours),
  source: r.source,
  kind: r.kind,
  subsidyYen: r.subsidy_yen === null ? null : Number(r.subsidy_yen),
  status: r.status,
});

const TRAINING_FIELDS = [
  'id',
  'staff_no',
  'course',
  'layer',
  'completed_on',
  'hours',
  'source',
  'kind',
  'subsidy_yen',
  'status',
] as const;

/** A person's training and self-development, newest first. */
export async function trainingOf(db: Db, staffNo: string): Promise<TrainingRecord[]> {
  const rows = await db
    .selectFrom('talent_training')
    .select(TRAINING_FIELDS)
    .where('staff_no', '=', staffNo)
    .orderBy('completed_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toTraining);
}

/** A self-development (自己啓発) the person adds; it waits for HR's approval. */
export async function insertSelfDevelopment(
  db: Db,
  r: TrainingCompletion & { kind: string; subsidyYen: number | null },
  now: string,
): Promise<TrainingRecord> {
  const row = await db
    .insertInto('talent_training')
    .values({
      staff_no: r.staffNo,
      course: r.course,
      layer: r.layer,
      completed_on: r.completedOn,
      hours: r.hours,
      source: 'self',
      kind: r.kind,
      subsidy_yen: r.subsidyYen,
      status: 'pending',
      created_at: now,
    })
    .returning(TRAINING_FIELDS)
    .executeTakeFirstOrThrow();
  return toTraining(row);
}

/** Self-developments waiting for HR, oldest first, with the person's name. */
export async function pendingSelfDevelopment(db: Db): Promise<(TrainingRecord & { name: string })[]> {
  const rows = await db
    .selectFrom('talent_training as t')
    .innerJoin('staff as s', 's.staff_no', 't.staff_no')
    .select(TRAINING_FIELDS.map((f) => `t.${f}` as const))
    .select('s.name')
    .where('t.status', '=', 'pending')
    .orderBy('t.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...toTraining(r), name: r.name }));
}

/** HR's decision on a pending self-development; undefined when there is no such pending record. */
export async function decideSelfDevelopment(
  db: Db,
  id: number,
  status: 'approved' | 'rejected',
  by: string,
  now: string,
): Promise<TrainingRecord | undefined> {
  const row = await db
    .updateTable('talent_training')
    .set({ status, decided_at: now, decided_by: by })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning(TRAINING_FIELDS)
    .executeTakeFirst();
  return row ? toTraining(row) : undefined;
}

/** A course of the catalogue. */
export interface Course {
  code: string;
  name: string;
  nameEn: string | null;
  layer: string;
  outcome: string;
  active: boolean;
}

export async function listCourses(db: Db): Promise<Course[]> {
  const rows = await db.selectFrom('talent_courses').selectAll().orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    layer: r.layer,
    outcome: r.outcome,
    active: Number(r.active) === 1,
  }));
}

/** Adds a course or changes it (by code); returns the course as it was before, if any. */
export async function upsertCourse(db: Db, c: Course, now: string): Promise<Course | undefined> {
  const before = (await listCourses(db)).find((x) => x.code === c.code);
  await db
    .insertInto('talent_courses')
    .values({
      code: c.code,
      name: c.name,
      name_en: c.nameEn,
      layer: c.layer,
      outcome: c.outcome,
      active: c.active ? 1 : 0,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: c.name,
        name_en: c.nameEn,
        layer: c.layer,
        outcome: c.outcome,
        active: c.active ? 1 : 0,
        updated_at: now,
      }),
    )
    .execute();
  return before;
}

/** The 自己申告 window of a fiscal year. */
export interface DeclarationWindowRecord {
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
}

export async function getDeclarationWindow(
  db: Db,
  fiscalYear: number,
): Promise<DeclarationWindowRecord | undefined> {
  const r = await db
    .selectFrom('talent_declaration_windows')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return r ? { fiscalYear: r.fiscal_year, opensOn: r.opens_on, closesOn: r.closes_on } : undefined;
}

export async function listDeclarationWindows(db: Db): Promise<DeclarationWindowRecord[]> {
  const rows = await db
    .selectFrom('talent_declaration_windows')
    .selectAll()
    .orderBy('fiscal_year', 'desc')
    .execute();
  return rows.map((r) => ({ fiscalYear: r.fiscal_year, opensOn: r.opens_on, closesOn: r.closes_on }));
}

/** Opens (or moves) a year's window. */
export async function setDeclarationWindow(db: Db, w: DeclarationWindowRecord, now: string): Promise<void> {
  await db
    .insertInto('talent_declaration_windows')
    .values({ fiscal_year: w.fiscalYear, opens_on: w.opensOn, closes_on: w.closesOn, updated_at: now })
    .onConflict((oc) =>
      oc.column('fiscal_year').doUpdateSet({ opens_on: w.opensOn, closes_on: w.closesOn, updated_at: now }),
    )
    .execute();
}

/** A 自己申告 as stored. */
export interface DeclarationRecord {
  staffNo: string;
  fiscalYear: number;
  unitCode: string;
  gradeCode: string;
  transferWish: string;
  wishedUnits: string[];
  reason: string;
  careerGoal: string;
  growthLayer: string | null;
  circumstances: string;
  managerExamInterest: boolean;
  submittedAt: string;
  updatedAt: string;
}

type DeclarationRow = Database['talent_declarations'];
const toDeclaration = (r: DeclarationRow): DeclarationRecord => ({
  staffNo: r.staff_no,
  fiscalYear: r.fiscal_year,
  unitCode: r.unit_code,
  gradeCode: r.grade_code,
  transferWish: r.transfer_wish,
  wishedUnits: JSON.parse(r.wished_units_json) as string[],
  reason: r.reason,
  careerGoal: r.career_goal,
  growthLayer: r.growth_layer,
  circumstances: r.circumstances,
  managerExamInterest: Number(r.manager_exam_interest) === 1,
  submittedAt: r.submitted_at,
  updatedAt: r.updated_at,
});

export async function getDeclaration(
  db: Db,
  staffNo: string,
  fiscalYear: number,
): Promise<DeclarationRecord | undefined> {
  const r = await db
    .selectFrom('talent_declarations')
    .selectAll()
    .where('staff_no', '=', staffNo)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return r ? toDeclaration(r) : undefined;
}

/** A person's declarations, newest year first. */
export async function declarationsOf(db: Db, staffNo: string): Promise<DeclarationRecord[]> {
  const rows = await db
    .selectFrom('talent_declarations')
    .selectAll()
    .where('staff_no', '=', staffNo)
    .orderBy('fiscal_year', 'desc')
    .execute();
  return rows.map(toDeclaration);
}

const declarationValues = (d: Omit<DeclarationRecord, 'submittedAt' | 'updatedAt'>) => ({
  unit_code: d.unitCode,
  grade_code: d.gradeCode,
  transfer_wish: d.transferWish,
  wished_units_json: JSON.stringify(d.wishedUnits),
  reason: d.reason,
  career_goal: d.careerGoal,
  growth_layer: d.growthLayer,
  circumstances: d.circumstances,
  manager_exam_interest: d.managerExamInterest ? 1 : 0,
});

/** Stores a first declaration; false when that person already declared that year (the key holds). */
export async function insertDeclaration(
  db: Db,
  d: Omit<DeclarationRecord, 'submittedAt' | 'updatedAt'>,
  now: string,
): Promise<boolean> {
  const r = await db
    .insertInto('talent_declarations')
    .values({
      staff_no: d.staffNo,
      fiscal_year: d.fiscalYear,
      ...declarationValues(d),
      submitted_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['staff_no', 'fiscal_year']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Replaces a declaration with its correction; false when there is none to correct. */
export async function updateDeclaration(
  db: Db,
  d: Omit<DeclarationRecord, 'submittedAt' | 'updatedAt'>,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('talent_declarations')
    .set({ ...declarationValues(d), updated_at: now })
    .where('staff_no', '=', d.staffNo)
    .where('fiscal_year', '=', d.fiscalYear)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** HR's list of a year's declarations: filters by wish, by the units (the declarant's), by interest in 管理職選考. */
export async function listDeclarations(
  db: Db,
  f: { fiscalYear: number; transferWish?: string; units?: readonly string[]; managerExam?: boolean },
): Promise<(DeclarationRecord & { name: string })[]> {
  let q = db
    .selectFrom('talent_declarations as d')
    .innerJoin('staff as s', 's.staff_no', 'd.staff_no')
    .selectAll('d')
    .select('s.name')
    .where('d.fiscal_year', '=', f.fiscalYear);
  if (f.transferWish) q = q.where('d.transfer_wish', '=', f.transferWish);
  if (f.units) q = q.where('d.unit_code', 'in', f.units.length ? [...f.units] : ['']);
  if (f.managerExam !== undefined) q = q.where('d.manager_exam_interest', '=', f.managerExam ? 1 : 0);
  const rows = await q.orderBy('d.unit_code').orderBy('d.staff_no').limit(5000).execute();
  return rows.map((r) => ({ ...toDeclaration(r), name: r.name }));
}

/** A 面談 record as stored. */
export interface InterviewRecord {
  id: number;
  staffNo: string;
  kind: string;
  heldOn: string;
  topics: string;
  actions: string;
  privateNotes: string;
  recordedByUserId: number | null;
  recordedByName: string;
  acknowledgedAt: string | null;
}

type InterviewRow = Database['talent_interviews'];
const toInterview = (r: Selectable<InterviewRow>): InterviewRecord => ({
  id: r.id,
  staffNo: r.staff_no,
  kind: r.kind,
  heldOn: r.held_on,
  topics: r.topics,
  actions: r.actions,
  privateNotes: r.private_notes,
  recordedByUserId: r.recorded_by_user_id,
  recordedByName: r.recorded_by_name,
  acknowledgedAt: r.acknowledged_at,
});

export async function insertInterview(
  db: Db,
  i: Omit<InterviewRecord, 'id' | 'acknowledgedAt'>,
  now: string,
): Promise<InterviewRecord> {
  const r = await db
    .insertInto('talent_interviews')
    .values({
      staff_no: i.staffNo,
      kind: i.kind,
      held_on: i.heldOn,
      topics: i.topics,
      actions: i.actions,
      private_notes: i.privateNotes,
      recorded_by_user_id: i.recordedByUserId,
      recorded_by_name: i.recordedByName,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInterview(r);
}

/** A person's 面談, newest first. */
export async function interviewsOf(db: Db, staffNo: string): Promise<InterviewRecord[]> {
  const rows = await db
    .selectFrom('talent_interviews')
    .selectAll()
    .where('staff_no', '=', staffNo)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toInterview);
}

/** The person acknowledges their 面談 (the first time counts); undefined when it is not theirs. */
export async function acknowledgeInterview(
  db: Db,
  id: number,
  staffNo: string,
  now: string,
): Promise<InterviewRecord | undefined> {
  await db
    .updateTable('talent_interviews')
    .set({ acknowledged_at: now })
    .where('id', '=', id)
    .where('staff_no', '=', staffNo)
    .where('acknowledged_at', 'is', null)
    .execute();
  const r = await db
    .selectFrom('talent_interviews')
    .selectAll()
    .where('id', '=', id)
    .where('staff_no', '=', staffNo)
    .executeTakeFirst();
  return r ? toInterview(r) : undefined;
}

/** A person's 公募 applications with their postings, newest first. */
export async function applicationsOf(
  db: Db,
  staffNo: string,
): Promise<{ postingId: number; title: string; unitCode: string; appliedAt: string; outcome: string }[]> {
  const rows = await db
    .selectFrom('talent_applications as a')
    .innerJoin('talent_postings as p', 'p.id', 'a.posting_id')
    .select(['a.posting_id', 'p.title', 'p.unit_code', 'a.applied_at', 'a.outcome'])
    .where('a.staff_no', '=', staffNo)
    .orderBy('a.applied_at', 'desc')
    .execute();
  return rows.map((r) => ({
    postingId: r.posting_id,
    title: r.title,
    unitCode: r.unit_code,
    appliedAt: r.applied_at,
    outcome: r.outcome,
  }));
}

/** The evaluators named on the person's sheets of periods open on `today` (YYYY-MM-DD). */
export async function currentEvaluatorsOf(
  db: Db,
  staffNo: string,
  today: string,
): Promise<{ firstStaffNo: string | null; secondStaffNo: string | null }[]> {
  const rows = await db
    .selectFrom('review_sheets as s')
    .innerJoin('review_periods as p', 'p.id', 's.period_id')
    .select(['s.first_staff_no', 's.second_staff_no'])
    .where('s.staff_no', '=', staffNo)
    .where('p.starts_on', '<=', today)
    .where('p.ends_on', '>=', today)
    .execute();
  return rows.map((r) => ({ firstStaffNo: r.first_staff_no, secondStaffNo: r.second_staff_no }));
}

/** How many I・メッセージ a person received and sent (by the accounts of their staff record); never the text. */
export async function iMessageCountsOf(db: Db, staffNo: string): Promise<{ received: number; sent: number }> {
  const r = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('i_messages')
        .select(eb.fn.countAll<number>().as('n'))
        .where('recipient_staff_no', '=', staffNo)
        .as('received'),
      eb
        .selectFrom('i_messages as m')
        .innerJoin('users as u', 'u.id', 'm.sender_user_id')
        .select(eb.fn.countAll<number>().as('n'))
        .where('u.staff_no', '=', staffNo)
        .as('sent'),
    ])
    .executeTakeFirstOrThrow();
  return { received: Number(r.received ?? 0), sent: Number(r.sent ?? 0) };
}

/** Many declarations at once (the demo's), set-based; a person and year already declared is left as it is. */
export async function insertDeclarations(
  db: Db,
  rows: readonly Omit<DeclarationRecord, 'submittedAt' | 'updatedAt'>[],
  now: string,
): Promise<void> {
  const text = (name: keyof Database['talent_declarations']) => ({ name, type: 'text' as const });
  const int = (name: keyof Database['talent_declarations']) => ({ name, type: 'integer' as const });
  await bulkWrite(
    db,
    {
      table: 'talent_declarations',
      columns: [
        text('staff_no'),
        int('fiscal_year'),
        text('unit_code'),
        text('grade_code'),
        text('transfer_wish'),
        text('wished_units_json'),
        text('reason'),
        text('career_goal'),
        text('growth_layer'),
        text('circumstances'),
        int('manager_exam_interest'),
        text('submitted_at'),
        text('updated_at'),
      ],
      conflict: ['staff_no', 'fiscal_year'],
      update: ['updated_at'],
    },
    rows.map((d) => {
      const v = declarationValues(d);
      return [
        d.staffNo,
        d.fiscalYear,
        v.unit_code,
        v.grade_code,
        v.transfer_wish,
        v.wished_units_json,
        v.reason,
        v.career_goal,
        v.growth_layer,
        v.circumstances,
        v.manager_exam_interest,
        now,
        now,
      ];
    }),
  );
}

/** A 公募 posting: a position in a unit for a range of grades, what it needs by layer, and its deadline. */
export interface Posting {
  id: number;
  title: string;
  unitCode: string;
  gradeMin: string;
  gradeMax: string;
  needs: Record<string, string>;
  description: string;
  deadline: string;
}

export async function createPosting(db: Db, p: Omit<Posting, 'id'>, now: string): Promise<Posting> {
  const r = await db
    .insertInto('talent_postings')
    .values({
      title: p.title,
      unit_code: p.unitCode,
      grade_min: p.gradeMin,
      grade_max: p.gradeMax,
      needs_json: JSON.stringify(p.needs),
      description: p.description,
      deadline: p.deadline,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, ...p };
}

/** A person applies to a posting with a statement; false when they already applied. */
export async function applyToPosting(
  db: Db,
  a: { postingId: number; staffNo: string; statement: string; outcome?: string },
  now: string,
): Promise<boolean> {
  const r = await db
    .insertInto('talent_applications')
    .values({
      posting_id: a.postingId,
      staff_no: a.staffNo,
      statement: a.statement,
      applied_at: now,
      outcome: a.outcome ?? 'pending',
    })
    .onConflict((oc) => oc.columns(['posting_id', 'staff_no']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

const toPosting = (r: Selectable<Database['talent_postings']>): Posting => ({
  id: r.id,
  title: r.title,
  unitCode: r.unit_code,
  gradeMin: r.grade_min,
  gradeMax: r.grade_max,
  needs: JSON.parse(r.needs_json) as Record<string, string>,
  description: r.description,
  deadline: r.deadline,
});

/** Every posting, latest deadline first, with its number of applicants. */
export async function listPostings(db: Db): Promise<(Posting & { applicants: number })[]> {
  const rows = await db
    .selectFrom('talent_postings as p')
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('talent_applications as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.posting_id', '=', 'p.id')
        .as('applicants'),
    )
    .orderBy('p.deadline', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...toPosting(r), applicants: Number(r.applicants ?? 0) }));
}

export async function getPosting(db: Db, id: number): Promise<Posting | undefined> {
  const r = await db.selectFrom('talent_postings').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPosting(r) : undefined;
}

/** A posting's applicants, in the order they applied, with their name, unit and grade. */
export async function applicantsOf(
  db: Db,
  postingId: number,
): Promise<
  {
    staffNo: string;
    name: string;
    unitCode: string;
    gradeCode: string;
    statement: string;
    appliedAt: string;
    outcome: string;
  }[]
> {
  const rows = await db
    .selectFrom('talent_applications as a')
    .innerJoin('staff as s', 's.staff_no', 'a.staff_no')
    .select([
      'a.staff_no',
      's.name',
      's.unit_code',
      's.grade_code',
      'a.statement',
      'a.applied_at',
      'a.outcome',
    ])
    .where('a.posting_id', '=', postingId)
    .orderBy('a.applied_at')
    .orderBy('a.staff_no')
    .execute();
  return rows.map((r) => ({
    staffNo: r.staff_no,
    name: r.name,
    unitCode: r.unit_code,
    gradeCode: r.grade_code,
    statement: r.statement,
    appliedAt: r.applied_at,
    outcome: r.outcome,
  }));
}

/** HR's outcome of an application; false when there is no such application. */
export async function setApplicationOutcome(
  db: Db,
  postingId: number,
  staffNo: string,
  outcome: string,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('talent_applications')
    .set({ outcome, decided_at: now })
    .where('posting_id', '=', postingId)
    .where('staff_no', '=', staffNo)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Hours of approved training by layer for each of the people. */
export async function trainingHoursByLayer(
  db: Db,
  staffNos: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>(staffNos.map((s) => [s, {}]));
  if (staffNos.length === 0) return out;
  const rows = await db
    .selectFrom('talent_training')
    .select(['staff_no', 'layer', (eb) => eb.fn.sum<number>('hours').as('hours')])
    .where('status', '=', 'approved')
    .where('staff_no', 'in', [...staffNos])
    .groupBy(['staff_no', 'layer'])
    .execute();
  for (const r of rows) {
    const m = out.get(r.staff_no);
    if (m) m[r.layer] = Number(r.hours);
  }
  return out;
}
