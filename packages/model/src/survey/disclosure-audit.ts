import type { Unit } from '../org.js';
import { groupsOfCell, type GroupId, type SurveyCell } from './disclosure.js';
import { MIN_GROUP_SIZE } from './kpi-figures.js';

/** The rank of an integer matrix, exactly (fraction-free elimination in BigInt). */
function rank(rows: readonly (readonly number[])[]): number {
  const m = rows.map((r) => r.map(BigInt));
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p] as bigint[], m[r] as bigint[]];
    const pivot = m[r] as bigint[];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const row = m[i] as bigint[];
      const f = row[c] as bigint;
      if (f === 0n) continue;
      const pc = pivot[c] as bigint;
      for (let k = 0; k < width; k++) row[k] = (row[k] as bigint) * pc - f * (pivot[k] as bigint);
    }
    r += 1;
  }
  return r;
}

/** Every set of cells holding 1 to MIN_GROUP_SIZE − 1 answers. */
function smallSets(weights: readonly number[]): number[][] {
  const out: number[][] = [];
  const walk = (from: number, chosen: number[], w: number) => {
    for (let i = from; i < weights.length; i++) {
      const wi = weights[i] as number;
      if (wi === 0 || w + wi >= MIN_GROUP_SIZE) continue;
      const next = [...chosen, i];
      out.push(next);
      walk(i + 1, next, w + wi);
    }
  };
  walk(0, [], 0);
  return out;
}

/**
 * An exact audit of a set of published groups (docs/domain.md §5 "One disclosure plan"): the cells of a group of
 * fewer than MIN_GROUP_SIZE answers whose figures some linear combination of the published groups' figures gives,
 * or null when there is none. A non-zero vector in the span of the published groups' indicator vectors (over the
 * cells that hold answers) vanishes outside a set T of cells exactly when removing T's columns lowers the rank;
 * every such T with fewer than 5 answers is tried, so the audit is exponential in the number of small cells and is
 * meant for tests and small cases, not for the plan itself (disclosure.ts explains why the plan is safe).
 */
export function derivableSmallGroup(
  cells: readonly SurveyCell[],
  units: readonly Pick<Unit, 'code' | 'parentCode' | 'level'>[],
  published: Iterable<GroupId>,
  weightOf: (c: SurveyCell) => number,
): SurveyCell[] | null {
  const tree = new Map(units.map((u) => [u.code, u]));
  const live = cells.filter((c) => weightOf(c) > 0);
  const member = live.map((c) => {
    const g = groupsOfCell(c, tree);
    return new Set([...g.org, ...g.attributes]);
  });
  const rows = [...published].map((g) => member.map((m) => (m.has(g) ? 1 : 0)));
  if (rows.length === 0) return null;
  const full = rank(rows);
  for (const t of smallSets(live.map(weightOf))) {
    const keep = rows.map((r) => r.filter((_, i) => !t.includes(i)));
    if ((keep[0]?.length === 0 ? 0 : rank(keep)) < full) return t.map((i) => live[i] as SurveyCell);
  }
  return null;
}
