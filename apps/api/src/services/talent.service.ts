// Talent data (docs/domain.md §10): the profile, 自己申告 and its window, 面談 records, self-development and the
// training catalogue. Every read of a person's data is audited, every write with its before and after.
import {
  acknowledgeInterview,
  applicationsOf,
  currentEvaluatorsOf,
  declarationsOf,
  decideSelfDevelopment,
  getDeclaration,
  getDeclarationWindow,
  getStaff,
  iMessageCountsOf,
  insertDeclaration,
  insertInterview,
  insertSelfDevelopment,
  interviewsOf,
  listCourses,
  listDeclarations,
  listDeclarationWindows,
  listUnits,
  pendingSelfDevelopment,
  resultsOfStaff,
  setDeclarationWindow,
  trainingOf,
  updateDeclaration,
  upsertCourse,
  type Course,
  type Database,
  type DeclarationRecord,
} from '@jinzai/db';
import {
  gradeByCode,
  layerMeans,
  profileRelation,
  profileVisibility,
  tokyoDay,
  unitAndDescendants,
  windowIsOpen,
  type Declaration,
  type DeclarationWindow,
  type InterviewInput,
  type User,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { audited, recordAudit } from '../audit.js';
import { ApiError, errors } from '../errors.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

const actorOf = (u: User): Actor => ({ userId: u.id, loginId: u.loginId });

/**
 * A person's profile (docs/domain.md §10): grade and unit history, each year's evaluation overall and by layer,
 * training, declarations, 公募 applications, 面談 and I・メッセージ counts. HR sees all; the person their own; the
 * current first and second evaluators their evaluatee's, without circumstances, private notes and I・メッセージ.
 * Anyone else 403, an unknown number 404; each view is audited with the viewer's relation.
 */
export async function talentProfile(db: Db, viewer: User, now: Date, staffNo: string) {
  const person = await getStaff(db, staffNo);
  if (!person) throw errors.notFound('職員');
  const relation = profileRelation(viewer, staffNo, await currentEvaluatorsOf(db, staffNo, tokyoDay(now)));
  if (!relation) throw errors.forbidden();
  const see = profileVisibility(relation);
  const [results, training, declarations, interviews, applications, counts, units] = await Promise.all([
    resultsOfStaff(db, staffNo),
    trainingOf(db, staffNo),
    declarationsOf(db, staffNo),
    interviewsOf(db, staffNo),
    applicationsOf(db, staffNo),
    see.iMessages ? iMessageCountsOf(db, staffNo) : Promise.resolve(null),
    listUnits(db),
  ]);
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const gradeName = (code: string) => gradeByCode(code)?.nameJa ?? code;
  await recordAudit(db, actorOf(viewer), now, {
    action: 'read',
    entity: 'talent_profile',
    entityId: staffNo,
    detail: { relation },
  });
  return {
    staffNo,
    name: person.name,
    nameKana: person.nameKana,
    unitCode: person.unitCode,
    unitName: unitName.get(person.unitCode) ?? person.unitCode,
    gradeCode: person.gradeCode,
    gradeName: gradeName(person.gradeCode),
    relation,
    history: results.map((r) => ({
      fiscalYear: r.fiscalYear,
      unitCode: r.unitCode,
      unitName: unitName.get(r.unitCode) ?? r.unitCode,
      gradeCode: r.gradeCode,
      gradeName: gradeName(r.gradeCode),
    })),
    evaluations: results.map((r) => ({
      fiscalYear: r.fiscalYear,
      overall: r.overall,
      layers: layerMeans(r.gradeCode, r.items),
    })),
    training: training.map((t) => ({
      course: t.course,
      layer: t.layer,
      completedOn: t.completedOn,
      hours: t.hours,
      source: t.source,
      kind: t.kind,
      subsidyYen: t.subsidyYen,
      status: t.status,
    })),
    declarations: declarations.map((d) => ({
      fiscalYear: d.fiscalYear,
      transferWish: d.transferWish,
      wishedUnits: d.wishedUnits.map((code) => ({ code, name: unitName.get(code) ?? code })),
      reason: d.reason,
      careerGoal: d.careerGoal,
      growthLayer: d.growthLayer,
      managerExamInterest: d.managerExamInterest,
      circumstances: see.circumstances ? d.circumstances : null,
    })),
    applications: applications.map((a) => ({ ...a, unitName: unitName.get(a.unitCode) ?? a.unitCode })),
    interviews: interviews.map((i) => ({
      id: i.id,
      kind: i.kind,
      heldOn: i.heldOn,
      topics: i.topics,
      actions: i.actions,
      // The one who wrote private notes keeps seeing them; otherwise HR only.
      privateNotes: see.privateNotes || i.recordedByUserId === viewer.id ? i.privateNotes : null,
      recordedByName: i.recordedByName,
      acknowledgedAt: i.acknowledgedAt,
    })),
    iMessages: counts,
  };
}

const windowClosed = () =>
  new ApiError(409, 'window_closed', 'この年度の自己申告は受付期間外です（人事課が受付期間を設定します）');

/** The person's staff record, or 403 for an account without one. */
async function declarant(db: Db, user: User) {
  const person = user.staffNo ? await getStaff(db, user.staffNo) : undefined;
  if (!person) throw errors.forbidden();
  return person;
}

/** The wished units must exist: 400 naming the field otherwise. */
async function checkUnits(db: Db, d: Declaration) {
  const known = new Set((await listUnits(db)).map((u) => u.code));
  const missing = d.wishedUnits.filter((u) => !known.has(u));
  if (missing.length)
    throw errors.badRequest(`所属コード「${missing.join('、')}」が見つかりません`, [
      { field: 'wishedUnits', message: `所属コード「${missing.join('、')}」が見つかりません` },
    ]);
}

/** What the audit log keeps of a declaration: everything but the circumstances' text (HR's alone). */
const declarationForAudit = (d: Omit<DeclarationRecord, 'submittedAt' | 'updatedAt'>) => ({
  transferWish: d.transferWish,
  wishedUnits: d.wishedUnits,
  reason: d.reason,
  careerGoal: d.careerGoal,
  growthLayer: d.growthLayer,
  managerExamInterest: d.managerExamInterest,
  circumstancesGiven: d.circumstances !== '',
});

/**
 * The person's 自己申告 (docs/interfaces.md "Talent data"): 409 when the year's window is not open today (in
 * Japan) or the year is already declared; a correction (`correct`) replaces the year's declaration within the
 * window (404 when there is none). The unit and grade of the day are kept with it.
 */
export async function submitDeclaration(db: Db, user: User, now: Date, d: Declaration, correct = false) {
  const person = await declarant(db, user);
  await checkUnits(db, d);
  const record = {
    staffNo: person.staffNo,
    fiscalYear: d.fiscalYear,
    unitCode: person.unitCode,
    gradeCode: person.gradeCode,
    transferWish: d.transferWish,
    wishedUnits: d.wishedUnits,
    reason: d.reason,
    careerGoal: d.careerGoal,
    growthLayer: d.growthLayer,
    circumstances: d.circumstances,
    managerExamInterest: d.managerExamInterest,
  };
  return audited(
    db,
    actorOf(user),
    now,
    async (trx) => {
      if (!windowIsOpen(await getDeclarationWindow(trx, d.fiscalYear), tokyoDay(now))) throw windowClosed();
      const before = await getDeclaration(trx, person.staffNo, d.fiscalYear);
      if (correct) {
        if (!before || !(await updateDeclaration(trx, record, now.toISOString())))
          throw errors.notFound('この年度の自己申告');
      } else if (before || !(await insertDeclaration(trx, record, now.toISOString()))) {
        throw errors.conflict('この年度の自己申告は提出済みです。訂正は PUT で送ってください');
      }
      return { before, after: record };
    },
    ({ before }) => ({
      action: correct ? 'update' : 'create',
      entity: 'talent_declaration',
      entityId: `${d.fiscalYear}/${person.staffNo}`,
      before: before ? declarationForAudit(before) : null,
      after: declarationForAudit(record),
    }),
  ).then(() => ({ staffNo: person.staffNo, ...d }));
}

/** The window open today, else the latest one, with the person's declaration of its year (audited as a read). */
export async function myDeclaration(db: Db, user: User, now: Date) {
  const person = await declarant(db, user);
  const today = tokyoDay(now);
  const windows = await listDeclarationWindows(db);
  const window = windows.find((w) => windowIsOpen(w, today)) ?? windows[0] ?? null;
  const declaration = window ? await getDeclaration(db, person.staffNo, window.fiscalYear) : undefined;
  await recordAudit(db, actorOf(user), now, {
    action: 'read',
    entity: 'talent_declaration',
    entityId: window ? `${window.fiscalYear}/${person.staffNo}` : person.staffNo,
  });
  return {
    window: window ? { ...window, open: windowIsOpen(window, today) } : null,
    declaration: declaration ?? null,
  };
}

/** HR opens (or moves) a year's window; audited with the window before and after. */
export async function openDeclarationWindow(db: Db, actor: Actor, now: Date, w: DeclarationWindow) {
  return audited(
    db,
    actor,
    now,
    async (trx) => {
      const before = await getDeclarationWindow(trx, w.fiscalYear);
      await setDeclarationWindow(trx, w, now.toISOString());
      return before;
    },
    (before) => ({
      action: before ? 'update' : 'create',
      entity: 'talent_declaration_window',
      entityId: String(w.fiscalYear),
      before: before ?? null,
      after: w,
    }),
  ).then(() => ({ ...w, open: windowIsOpen(w, tokyoDay(now)) }));
}

export async function declarationWindows(db: Db, now: Date) {
  const today = tokyoDay(now);
  return (await listDeclarationWindows(db)).map((w) => ({ ...w, open: windowIsOpen(w, today) }));
}

/**
 * HR's list of a year's declarations with filters (wish, unit with the units under it, interest in 管理職選考)
 * and the summary by unit: declarants by wish, and how many wish to come to the unit. Audited with the filter.
 */
export async function declarationList(
  db: Db,
  actor: Actor,
  now: Date,
  f: {
    fiscalYear: number;
    transferWish?: string | undefined;
    unit?: string | undefined;
    managerExam?: boolean | undefined;
  },
) {
  const units = await listUnits(db);
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const scope = f.unit === undefined ? undefined : [...unitAndDescendants(f.unit, units)];
  const rows = await listDeclarations(db, {
    fiscalYear: f.fiscalYear,
    ...(f.transferWish ? { transferWish: f.transferWish } : {}),
    ...(scope ? { units: scope } : {}),
    ...(f.managerExam === undefined ? {} : { managerExam: f.managerExam }),
  });
  const summary = new Map<
    string,
    { stay: number; move: number; either: number; managerExam: number; wishedIn: number }
  >();
  const of = (u: string) => {
    let s = summary.get(u);
    if (!s) summary.set(u, (s = { stay: 0, move: 0, either: 0, managerExam: 0, wishedIn: 0 }));
    return s;
  };
  for (const r of rows) {
    const s = of(r.unitCode);
    s[r.transferWish as 'stay' | 'move' | 'either']++;
    if (r.managerExamInterest) s.managerExam++;
    for (const u of r.wishedUnits) of(u).wishedIn++;
  }
  await recordAudit(db, actor, now, {
    action: 'read',
    entity: 'talent_declaration',
    detail: { search: { ...f }, shown: rows.length },
  });
  return {
    declarations: rows.map((r) => ({
      staffNo: r.staffNo,
      name: r.name,
      fiscalYear: r.fiscalYear,
      unitCode: r.unitCode,
      unitName: unitName.get(r.unitCode) ?? r.unitCode,
      gradeCode: r.gradeCode,
      gradeName: gradeByCode(r.gradeCode)?.nameJa ?? r.gradeCode,
      transferWish: r.transferWish,
      wishedUnits: r.wishedUnits.map((code) => ({ code, name: unitName.get(code) ?? code })),
      reason: r.reason,
      careerGoal: r.careerGoal,
      growthLayer: r.growthLayer,
      managerExamInterest: r.managerExamInterest,
      circumstances: r.circumstances,
    })),
    summary: [...summary]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([unitCode, s]) => ({
        unitCode,
        unitName: unitName.get(unitCode) ?? unitCode,
        total: s.stay + s.move + s.either,
        ...s,
      })),
  };
}

/**
 * An evaluator (of a sheet of a period open today) or HR records a 面談 with a person (docs/domain.md §10); the
 * person sees it and acknowledges the part that is not private.
 */
export async function recordInterview(db: Db, user: User, now: Date, input: InterviewInput) {
  const person = await getStaff(db, input.staffNo);
  if (!person) throw errors.notFound('職員');
  const relation = profileRelation(
    user,
    input.staffNo,
    await currentEvaluatorsOf(db, input.staffNo, tokyoDay(now)),
  );
  if (relation !== 'hr' && relation !== 'first' && relation !== 'second') throw errors.forbidden();
  return audited(
    db,
    actorOf(user),
    now,
    (trx) =>
      insertInterview(
        trx,
        {
          staffNo: input.staffNo,
          kind: input.kind,
          heldOn: input.heldOn,
          topics: input.topics,
          actions: input.actions,
          privateNotes: input.privateNotes,
          recordedByUserId: user.id,
          recordedByName: user.displayName,
        },
        now.toISOString(),
      ),
    (r) => ({
      action: 'create',
      entity: 'talent_interview',
      entityId: String(r.id),
      after: { staffNo: r.staffNo, kind: r.kind, heldOn: r.heldOn, privateNotesGiven: r.privateNotes !== '' },
    }),
  );
}

/** The person acknowledges a 面談 of theirs (確認しました); someone else's, or none, is 404. */
export async function acknowledge(db: Db, user: User, now: Date, id: number) {
  if (!user.staffNo) throw errors.notFound('面談記録');
  const staffNo = user.staffNo;
  const r = await audited(
    db,
    actorOf(user),
    now,
    (trx) => acknowledgeInterview(trx, id, staffNo, now.toISOString()),
    (r) =>
      r
        ? {
            action: 'update',
            entity: 'talent_interview',
            entityId: String(id),
            after: { acknowledgedAt: r.acknowledgedAt },
          }
        : null,
  );
  if (!r) throw errors.notFound('面談記録');
  return { id: r.id, acknowledgedAt: r.acknowledgedAt };
}

/** A self-development (自己啓発) the person adds; it waits for HR's approval. */
export async function addSelfDevelopment(
  db: Db,
  user: User,
  now: Date,
  s: {
    course: string;
    kind: string;
    layer: string;
    completedOn: string;
    hours: number;
    subsidyYen: number | null;
  },
) {
  const person = await declarant(db, user);
  return audited(
    db,
    actorOf(user),
    now,
    (trx) => insertSelfDevelopment(trx, { ...s, staffNo: person.staffNo }, now.toISOString()),
    (r) => ({ action: 'create', entity: 'talent_training', entityId: String(r.id), after: { ...s } }),
  );
}

/** Self-developments waiting for HR (audited as a read). */
export async function pendingSelfDevelopmentList(db: Db, actor: Actor, now: Date) {
  const rows = await pendingSelfDevelopment(db);
  await recordAudit(db, actor, now, {
    action: 'read',
    entity: 'talent_training',
    detail: { pending: rows.length },
  });
  return rows;
}

/** HR approves or rejects a pending self-development; 404 when there is no such pending record. */
export async function decideSelfDevelopmentRecord(
  db: Db,
  actor: Actor,
  now: Date,
  id: number,
  status: 'approved' | 'rejected',
) {
  const r = await audited(
    db,
    actor,
    now,
    (trx) => decideSelfDevelopment(trx, id, status, actor.loginId ?? '', now.toISOString()),
    (r) =>
      r
        ? {
            action: 'update',
            entity: 'talent_training',
            entityId: String(id),
            before: { status: 'pending' },
            after: { status },
          }
        : null,
  );
  if (!r) throw errors.notFound('承認待ちの自己啓発');
  return r;
}

export const trainingCatalogue = (db: Db) => listCourses(db);

/** HR adds or changes a course of the catalogue, audited with its before and after. */
export async function saveCourse(db: Db, actor: Actor, now: Date, c: Course) {
  await audited(
    db,
    actor,
    now,
    (trx) => upsertCourse(trx, c, now.toISOString()),
    (before) => ({
      action: before ? 'update' : 'create',
      entity: 'talent_course',
      entityId: c.code,
      before: before ?? null,
      after: c,
    }),
  );
  return c;
}
