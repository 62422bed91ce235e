// The results of a stage (docs/interfaces.md "Recruitment" results), computed incrementally and cached by
// scores version.
import {
  listCriteria,
  raterNamesById,
  roundWeights,
  scoresVersionOf,
  stageSheetRefs,
  submittedScoreRows,
  type Round,
  type ScoreRow,
  type Stage,
} from '@jinzai/db';
import {
  criterionDisagreement,
  roundResults,
  type CriterionMoments,
  type LayerCode,
  type LayerWeights,
  type RoundResults,
  type User,
} from '@jinzai/model';
import { recordAudit } from '../audit.js';
import { errors } from '../errors.js';
import {
  actorOfUser,
  canManage,
  interviewerHasSubmittedAll,
  requirePanel,
  roundFor,
  stageApplicants,
  stageOf,
  type Db,
} from './recruitment-access.service.js';

export interface StageResults extends RoundResults {
  round: {
    id: number;
    name: string;
    track: string;
    fiscalYear: number;
    weightVersion: string;
    weights: LayerWeights;
  };
  stage: { id: number; name: string };
  scoresVersion: number;
  applicants: (RoundResults['applicants'][number] & { name: string | null; nameKana: string | null })[];
  raters: (RoundResults['raters'][number] & { displayName: string })[];
  disagreement: {
    criterion: string;
    nameJa: string;
    nameEn: string;
    layer: string;
    meanSd: number;
    applicants: number;
  }[];
}

// Computed results by (round, stage, scores version). The version lives in the database and is bumped in the same
// transaction as every write that changes results, so several API processes each cache safely.
const cache = new Map<string, StageResults>();
const CACHE_SIZE = 32;

/** Forgets every cached result (tests). */
export function clearResultsCache(): void {
  cache.clear();
  sheetCache.clear();
}

/**
 * The results of a stage for a reader: recruiters always; an interviewer of its panel once they have submitted
 * every sheet of the stage (docs/domain.md §2). The read is audited.
 */
export async function resultsFor(
  db: Db,
  user: User,
  now: Date,
  roundId: number,
  stageRef: string | undefined,
): Promise<StageResults> {
  const round = await roundFor(db, user, roundId);
  const stage = await stageOf(db, round.id, stageRef);
  if (!canManage(user)) {
    await requirePanel(db, user, stage);
    if (!(await interviewerHasSubmittedAll(db, user, round.id, stage))) throw errors.scoringUnfinished();
  }
  const results = await stageResults(db, round, stage);
  await recordAudit(db, actorOfUser(user), now, {
    action: 'read',
    entity: 'recruit_results',
    entityId: `${round.id}/${stage.id}`,
  });
  return results;
}

/**
 * The results of a stage (docs/interfaces.md "Recruitment" results): aggregated in SQL by rater, applicant
 * and layer, the rules applied in the model; cached by (round, stage, scores version), so a repeated read
 * costs one small query.
 */
export async function stageResults(db: Db, round: Round, stage: Stage): Promise<StageResults> {
  const version = (await scoresVersionOf(db, round.id)) ?? 0;
  const key = `${round.id}|${stage.id}|${version}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const [weights, aggregates, applicants, criteria] = await Promise.all([
    roundWeights(db, round),
    stageAggregates(db, stage.id),
    stageApplicants(db, round.id, stage),
    listCriteria(db, round.id),
  ]);
  const { cells, moments } = aggregates;
  const users = await raterNamesById(
    db,
    cells.map((c) => c.raterId),
  );
  const login = new Map(users.map((u) => [u.id, u]));
  const byId = new Map(applicants.map((a) => [a.id, a]));
  const byNo = new Map(applicants.map((a) => [a.applicantNo, a]));
  const results = roundResults(
    cells
      .filter((c) => byId.has(c.applicantId))
      .map((c) => ({
        applicant: byId.get(c.applicantId)?.applicantNo ?? '',
        rater: login.get(c.raterId)?.loginId ?? String(c.raterId),
        layer: c.layer,
        mean: c.mean,
      })),
    weights,
    applicants.map((a) => a.applicantNo),
  );
  const criterionById = new Map(criteria.map((c) => [c.id, c]));
  const displayName = new Map(users.map((u) => [u.loginId, u.displayName]));
  const value: StageResults = {
    round: {
      id: round.id,
      name: round.name,
      track: round.track,
      fiscalYear: round.fiscalYear,
      weightVersion: round.weightVersion,
      weights,
    },
    stage: { id: stage.id, name: stage.name },
    scoresVersion: version,
    applicants: results.applicants.map((a) => ({
      ...a,
      name: byNo.get(a.applicantNo)?.name ?? null,
      nameKana: byNo.get(a.applicantNo)?.nameKana ?? null,
    })),
    reliability: results.reliability,
    raters: results.raters.map((r) => ({ ...r, displayName: displayName.get(r.rater) ?? r.rater })),
    disagreement: criterionDisagreement(moments).map((d) => {
      const c = criterionById.get(Number(d.criterion));
      return {
        criterion: c?.code ?? d.criterion,
        nameJa: c?.nameJa ?? d.criterion,
        nameEn: c?.nameEn ?? d.criterion,
        layer: c?.layer ?? '',
        meanSd: d.meanSd,
        applicants: d.applicants,
      };
    }),
  };
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return value;
}

interface SheetScores {
  version: number;
  raterId: number;
  applicantId: number;
  /** The rater's mean per layer on this sheet (docs/interfaces.md "Recruitment": a rater's layer score). */
  layers: { layer: LayerCode; mean: number }[];
  /** criterion id and score pairs, flat: [c0, s0, c1, s1, …]. */
  scores: number[];
}

/** Summarises one sheet's scores once, when it is fetched, so that a recompute only adds numbers up. */
function summarise(
  ref: { version: number; raterId: number; applicantId: number },
  rows: readonly ScoreRow[],
): SheetScores {
  const sums = new Map<LayerCode, { sum: number; n: number }>();
  const scores: number[] = [];
  for (const r of rows) {
    const l = sums.get(r.layer);
    if (l) {
      l.sum += r.score;
      l.n += 1;
    } else sums.set(r.layer, { sum: r.score, n: 1 });
    scores.push(r.criterionId, r.score);
  }
  return {
    version: ref.version,
    raterId: ref.raterId,
    applicantId: ref.applicantId,
    layers: [...sums].map(([layer, l]) => ({ layer, mean: l.sum / l.n })),
    scores,
  };
}

// The submitted scores of each stage by sheet, kept between reads. A read asks the database for the stage's sheet
// versions (one small query), fetches the scores of the sheets whose version moved, and drops sheets no longer
// submitted: results recompute from what changed, and stay correct when another process wrote.
const sheetCache = new Map<number, Map<number, SheetScores>>();

/**
 * The aggregates of a stage's submitted sheets, brought up to date incrementally: each rater's layer means per
 * applicant (docs/interfaces.md "Recruitment" results) and, per applicant and criterion, the moments of the
 * raters' scores (disagreement).
 */
async function stageAggregates(
  db: Db,
  stageId: number,
): Promise<{
  cells: { raterId: number; applicantId: number; layer: LayerCode; mean: number }[];
  moments: CriterionMoments[];
}> {
  const refs = (await stageSheetRefs(db, stageId)).filter((r) => r.status === 'submitted');
  const cached = sheetCache.get(stageId) ?? new Map<number, SheetScores>();
  const live = new Set(refs.map((r) => r.id));
  for (const id of cached.keys()) if (!live.has(id)) cached.delete(id);
  const changed = refs.filter((r) => cached.get(r.id)?.version !== r.version);
  if (changed.length > 0) {
    // Many changes (or a first read): one pass over the stage beats thousands of small lookups.
    const rows =
      changed.length > 2000
        ? await submittedScoreRows(db, stageId)
        : await submittedScoreRows(
            db,
            stageId,
            changed.map((r) => r.id),
          );
    const bySheet = new Map<number, ScoreRow[]>(changed.map((r) => [r.id, []]));
    for (const row of rows) bySheet.get(row.sheetId)?.push(row);
    for (const r of changed) cached.set(r.id, summarise(r, bySheet.get(r.id) ?? []));
  }
  sheetCache.delete(stageId);
  sheetCache.set(stageId, cached);
  // Keep the stages read most recently: a large stage holds its scores (180,000 for 5,000 applicants).
  for (const id of sheetCache.keys()) if (sheetCache.size > 8) sheetCache.delete(id);

  const cells: { raterId: number; applicantId: number; layer: LayerCode; mean: number }[] = [];
  // Per applicant, [n, sum, sum of squares] per criterion in one flat array: small integer keys and no objects
  // in the loop that runs over every score (180,000 for a large stage).
  const criterionIndex = new Map<number, number>();
  const byApplicant = new Map<number, number[]>();
  for (const sheet of cached.values()) {
    for (const l of sheet.layers) {
      cells.push({ raterId: sheet.raterId, applicantId: sheet.applicantId, layer: l.layer, mean: l.mean });
    }
    let acc = byApplicant.get(sheet.applicantId);
    if (!acc) byApplicant.set(sheet.applicantId, (acc = []));
    const sc = sheet.scores;
    for (let k = 0; k < sc.length; k += 2) {
      const criterion = sc[k] ?? 0;
      const score = sc[k + 1] ?? 0;
      let i = criterionIndex.get(criterion);
      if (i === undefined) criterionIndex.set(criterion, (i = criterionIndex.size));
      const at = i * 3;
      acc[at] = (acc[at] ?? 0) + 1;
      acc[at + 1] = (acc[at + 1] ?? 0) + score;
      acc[at + 2] = (acc[at + 2] ?? 0) + score * score;
    }
  }
  const moments: CriterionMoments[] = [];
  for (const acc of byApplicant.values()) {
    for (const [criterion, i] of criterionIndex) {
      const n = acc[i * 3] ?? 0;
      if (n > 0)
        moments.push({
          criterion: String(criterion),
          n,
          sum: acc[i * 3 + 1] ?? 0,
          sumSq: acc[i * 3 + 2] ?? 0,
        });
    }
  }
  return { cells, moments };
}
