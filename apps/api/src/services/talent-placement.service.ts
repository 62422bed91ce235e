// 公募 and 配置検討 (docs/domain.md §10): postings, applications and their outcome, HR's side-by-side view of the
// applicants, and the placement view with what-if moves. Every read of people's data is audited.
import {
  applicantsOf,
  applicationsOf,
  listDeclarationWindows,
  applyToPosting,
  createPosting,
  getPosting,
  getStaff,
  listDeclarations,
  listPostings,
  listUnits,
  resultsOfStaff,
  setApplicationOutcome,
  staffPlacements,
  trainingHoursByLayer,
  type Database,
  type Posting,
} from '@jinzai/db';
import {
  gradeByCode,
  headcountAfterMoves,
  layerMeans,
  tokyoDay,
  yearsInUnit,
  type Move,
  type User,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { audited, recordAudit } from '../audit.js';
import { errors } from '../errors.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

type Summary = Awaited<ReturnType<typeof summaries>>[number];
const blank = (staffNo: string): Summary => ({
  staffNo,
  latestOverall: null,
  latestYear: null,
  layers: [],
  yearsInUnit: 0,
  trainingHours: {},
});

/** What HR weighs of a person side by side: the latest evaluation and its layers, years in the unit, training. */
async function summaries(db: Db, people: readonly { staffNo: string; unitCode: string }[]) {
  const hours = await trainingHoursByLayer(
    db,
    people.map((p) => p.staffNo),
  );
  return Promise.all(
    people.map(async (p) => {
      const results = await resultsOfStaff(db, p.staffNo);
      const last = results[results.length - 1];
      return {
        staffNo: p.staffNo,
        latestOverall: last?.overall ?? null,
        latestYear: last?.fiscalYear ?? null,
        layers: last ? layerMeans(last.gradeCode, last.items) : [],
        yearsInUnit: yearsInUnit(results, p.unitCode),
        trainingHours: hours.get(p.staffNo) ?? {},
      };
    }),
  );
}

/** The postings, each with its applicants' number and whether the caller applied. */
export async function postings(db: Db, user: User, now: Date) {
  const [list, mine] = await Promise.all([
    listPostings(db),
    user.staffNo ? applicationsOfPerson(db, user.staffNo) : Promise.resolve(new Set<number>()),
  ]);
  const today = tokyoDay(now);
  return list.map((p) => ({ ...p, open: p.deadline >= today, applied: mine.has(p.id) }));
}

async function applicationsOfPerson(db: Db, staffNo: string): Promise<Set<number>> {
  return new Set((await applicationsOf(db, staffNo)).map((a) => a.postingId));
}

/** HR posts a position; audited. */
export async function postPosition(db: Db, actor: Actor, now: Date, p: Omit<Posting, 'id'>) {
  const units = new Set((await listUnits(db)).map((u) => u.code));
  if (!units.has(p.unitCode))
    throw errors.badRequest(`所属コード「${p.unitCode}」が見つかりません`, [
      { field: 'unitCode', message: '所属が見つかりません' },
    ]);
  return audited(
    db,
    actor,
    now,
    (trx) => createPosting(trx, p, now.toISOString()),
    (r) => ({ action: 'create', entity: 'talent_posting', entityId: String(r.id), after: p }),
  );
}

/** The person applies with a statement: 404 for no such posting, 409 past its deadline or when already applied. */
export async function apply(db: Db, user: User, now: Date, postingId: number, statement: string) {
  const person = user.staffNo ? await getStaff(db, user.staffNo) : undefined;
  if (!person) throw errors.forbidden();
  const posting = await getPosting(db, postingId);
  if (!posting) throw errors.notFound('公募');
  if (posting.deadline < tokyoDay(now)) throw errors.conflict('この公募の締切は過ぎています');
  await audited(
    db,
    { userId: user.id, loginId: user.loginId },
    now,
    async (trx) => {
      if (!(await applyToPosting(trx, { postingId, staffNo: person.staffNo, statement }, now.toISOString())))
        throw errors.conflict('この公募には応募済みです');
    },
    () => ({ action: 'create', entity: 'talent_application', entityId: `${postingId}/${person.staffNo}` }),
  );
  return { postingId, staffNo: person.staffNo };
}

/** HR's view of a posting: its applicants side by side with what the profile says of each; audited. */
export async function postingWithApplicants(db: Db, actor: Actor, now: Date, postingId: number) {
  const posting = await getPosting(db, postingId);
  if (!posting) throw errors.notFound('公募');
  const applicants = await applicantsOf(db, postingId);
  const units = new Map((await listUnits(db)).map((u) => [u.code, u.name]));
  const sums = await summaries(db, applicants);
  await recordAudit(db, actor, now, {
    action: 'read',
    entity: 'talent_posting',
    entityId: String(postingId),
    detail: { applicants: applicants.map((a) => a.staffNo) },
  });
  return {
    posting: { ...posting, unitName: units.get(posting.unitCode) ?? posting.unitCode },
    applicants: applicants.map((a, i) => ({
      ...a,
      unitName: units.get(a.unitCode) ?? a.unitCode,
      gradeName: gradeByCode(a.gradeCode)?.nameJa ?? a.gradeCode,
      ...(sums[i] ?? blank(a.staffNo)),
    })),
  };
}

/** HR records an application's outcome; 404 when there is no such application. */
export async function decideApplication(
  db: Db,
  actor: Actor,
  now: Date,
  postingId: number,
  staffNo: string,
  outcome: 'accepted' | 'declined' | 'pending',
) {
  await audited(
    db,
    actor,
    now,
    async (trx) => {
      if (!(await setApplicationOutcome(trx, postingId, staffNo, outcome, now.toISOString())))
        throw errors.notFound('応募');
    },
    () => ({
      action: 'update',
      entity: 'talent_application',
      entityId: `${postingId}/${staffNo}`,
      after: { outcome },
    }),
  );
  return { postingId, staffNo, outcome };
}

/**
 * 配置検討 for a unit (docs/domain.md §10 "Placement"): of the latest year's declarations, who wishes to come to
 * the unit and who in it wishes to leave (move or either), each with grade, years in the unit, layer scores and
 * training hours; and the headcount by grade of each unit the what-if moves touch, before and after. A move of
 * someone not on the roster, or to a unit that does not exist, is a 400 naming it. Audited.
 */
export async function placementView(
  db: Db,
  actor: Actor,
  now: Date,
  unitCode: string,
  moves: readonly Move[],
) {
  const units = await listUnits(db);
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  if (!unitName.has(unitCode)) throw errors.notFound('所属');
  const roster = await staffPlacements(db);
  const onRoster = new Set(roster.map((s) => s.staffNo));
  const bad = moves.flatMap((m, i) => [
    ...(onRoster.has(m.staffNo)
      ? []
      : [{ field: `moves.${i}.staffNo`, message: `職員番号「${m.staffNo}」の職員が見つかりません` }]),
    ...(unitName.has(m.toUnit)
      ? []
      : [{ field: `moves.${i}.toUnit`, message: `所属コード「${m.toUnit}」が見つかりません` }]),
  ]);
  if (bad.length) throw errors.badRequest('異動案に誤りがあります', bad);
  const year = Math.max(0, ...(await listDeclarationYears(db)));
  const declarations = year ? await listDeclarations(db, { fiscalYear: year }) : [];
  const current = new Map(roster.map((s) => [s.staffNo, s]));
  const incoming = declarations.filter((d) => d.wishedUnits.includes(unitCode) && d.unitCode !== unitCode);
  const outgoing = declarations.filter(
    (d) => current.get(d.staffNo)?.unitCode === unitCode && d.transferWish !== 'stay',
  );
  const people = [...incoming, ...outgoing].map((d) => ({
    staffNo: d.staffNo,
    unitCode: current.get(d.staffNo)?.unitCode ?? d.unitCode,
  }));
  const sums = new Map((await summaries(db, people)).map((s) => [s.staffNo, s]));
  const row = (d: (typeof declarations)[number]) => {
    const s = current.get(d.staffNo);
    return {
      ...(sums.get(d.staffNo) ?? blank(d.staffNo)),
      name: d.name,
      unitCode: s?.unitCode ?? d.unitCode,
      unitName: unitName.get(s?.unitCode ?? d.unitCode) ?? d.unitCode,
      gradeCode: s?.gradeCode ?? d.gradeCode,
      gradeName: gradeByCode(s?.gradeCode ?? d.gradeCode)?.nameJa ?? d.gradeCode,
      transferWish: d.transferWish,
      wishedUnits: d.wishedUnits,
    };
  };
  const headcount = headcountAfterMoves(roster, moves).map((u) => ({
    ...u,
    unitName: unitName.get(u.unitCode) ?? u.unitCode,
    grades: u.grades.map((g) => ({ ...g, gradeName: gradeByCode(g.gradeCode)?.nameJa ?? g.gradeCode })),
  }));
  await recordAudit(db, actor, now, {
    action: 'read',
    entity: 'talent_placement',
    entityId: unitCode,
    detail: { fiscalYear: year, incoming: incoming.length, outgoing: outgoing.length, moves: moves.length },
  });
  return {
    unit: { code: unitCode, name: unitName.get(unitCode) ?? unitCode },
    fiscalYear: year || null,
    incoming: incoming.map(row),
    outgoing: outgoing.map(row),
    headcount,
  };
}

async function listDeclarationYears(db: Db): Promise<number[]> {
  return (await listDeclarationWindows(db)).map((w) => w.fiscalYear);
}
