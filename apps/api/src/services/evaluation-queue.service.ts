// What a person sees of evaluation on their own screens (docs/domain.md §4): the evaluator's queue, and one's
// own sheets, results and skill pyramid.
import {
  evaluatorQueue,
  getPeriod,
  listPeriods,
  listUnits,
  resultsOfStaff,
  sheetsOfStaff,
  writeAudit,
  type Database,
} from '@jinzai/db';
import { dueDateOf, gradeByCode, layerMeans, whoMustAct, type User } from '@jinzai/model';
import type { Kysely } from 'kysely';

type Db = Kysely<Database>;

/** The sheets a user evaluates in a period (the newest when none is named), whose turn it is and when due. */
export async function evaluatorQueueView(db: Db, user: User, now: Date, periodId: number | undefined) {
  const period = periodId ? await getPeriod(db, periodId) : (await listPeriods(db))[0];
  if (!period) return { period: null, sheets: [] };
  const rows = user.staffNo ? await evaluatorQueue(db, period.id, user.staffNo) : [];
  const today = now.toISOString().slice(0, 10);
  const sheets = rows.map((r) => {
    const relation = r.firstStaffNo === user.staffNo ? 'first' : 'second';
    // The workflow's own rule of whose turn it is (an open appeal waits for HR, never for an evaluator).
    const waiting = whoMustAct({ state: r.state, goalsSubmitted: r.goalsSubmitted, appealOpen: false }, r);
    const myTurn =
      waiting !== null &&
      (waiting.relation === 'first' || waiting.relation === 'second') &&
      waiting.staffNo === user.staffNo;
    const due = dueDateOf(period, r.state);
    return {
      sheetId: r.sheetId,
      staffNo: r.staffNo,
      name: r.name,
      unitCode: r.unitCode,
      gradeCode: r.gradeCode,
      gradeName: gradeByCode(r.gradeCode)?.nameJa ?? r.gradeCode,
      state: r.state,
      relation,
      myTurn,
      due,
      overdue: myTurn && due !== null && due < today,
    };
  });
  await writeAudit(db, {
    at: now.toISOString(),
    userId: user.id,
    loginId: user.loginId,
    action: 'read',
    entity: 'review_queue',
    entityId: String(period.id),
    detail: { n: sheets.length },
  });
  return { period, sheets };
}

/** A user's own sheets, past results and skill pyramid over the years (layer means, S = 5 … D = 1). */
export async function myEvaluation(db: Db, user: User, now: Date) {
  if (!user.staffNo) return { sheets: [], results: [], pyramid: [] };
  const [sheets, results, periods, units] = await Promise.all([
    sheetsOfStaff(db, user.staffNo),
    resultsOfStaff(db, user.staffNo),
    listPeriods(db),
    listUnits(db),
  ]);
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const pyramid = results.map((r) => ({
    fiscalYear: r.fiscalYear,
    gradeCode: r.gradeCode,
    layers: layerMeans(r.gradeCode, r.items),
  }));
  await writeAudit(db, {
    at: now.toISOString(),
    userId: user.id,
    loginId: user.loginId,
    action: 'read',
    entity: 'review_results',
    entityId: user.staffNo,
  });
  return {
    sheets: sheets.map((s) => {
      const period = periodById.get(s.periodId);
      return {
        id: s.id,
        periodId: s.periodId,
        periodName: period?.name ?? '',
        fiscalYear: period?.fiscalYear ?? null,
        state: s.state,
        due: period ? dueDateOf(period, s.state) : null,
      };
    }),
    results: results.map((r) => ({
      fiscalYear: r.fiscalYear,
      periodName: r.periodName,
      overall: r.overall,
      unitCode: r.unitCode,
      unitName: unitName.get(r.unitCode) ?? r.unitCode,
      gradeCode: r.gradeCode,
      gradeName: gradeByCode(r.gradeCode)?.nameJa ?? r.gradeCode,
      source: r.source,
    })),
    pyramid,
  };
}
