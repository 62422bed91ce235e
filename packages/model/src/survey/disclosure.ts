import { unitPathUp, type Unit } from '../org.js';
import { smallCut } from './class-cut.js';
import { addMoments, MIN_GROUP_SIZE, NO_MOMENTS, type AnswerMoments } from './kpi-figures.js';

/**
 * The disclosure plan of a survey (docs/domain.md §5 "One disclosure plan"): which groups' figures may be
 * published, decided once from the answers and used by every view, export and screen.
 *
 * Every figure a survey view publishes (a count, a sum of answers, a share) is a linear function of the answers of
 * one group. A reader who adds and subtracts published figures learns the same function of the answers of any
 * combination Σ λ_g · 1_g of the published groups g. The plan is safe when no such combination other than zero is
 * carried by fewer than MIN_GROUP_SIZE answers. It is built from two families of groups:
 *
 * - the organisation: the whole, every unit's subtree at every level (部, 課, 係) and each unit's reporting group
 *   (the answers counted under it in breakdowns, docs/domain.md §5). These nest (a laminar family), so a greedy
 *   top-down choice that keeps every "class" — the answers in a published group and in none of its published
 *   sub-groups — at 0 or at least MIN_GROUP_SIZE answers is exact: the span of nested groups is the span of their
 *   classes;
 * - the attributes: grade, age band and employment type, chosen the same way among themselves, so that every
 *   combination of their published groups (e.g. 主事 ∧ 30–39歳 ∧ the other employment types) holds 0 or at least
 *   MIN_GROUP_SIZE answers.
 *
 * The two families cross. Any published combination is then f(organisation class) + g(attribute class) on each
 * answer. On the bipartite graph whose nodes are the classes of both families and whose edges are the answers
 * (an answer joins its organisation class to its attribute class), such a combination is non-zero exactly on the
 * edges between nodes of different value, so its support is at least a cut of the graph, and every cut is the
 * support of one. The plan is therefore safe if and only if every connected part of that graph has no cut of fewer
 * than MIN_GROUP_SIZE answers. Where one has, the plan withholds one more group (the least important that separates
 * the two sides) and chooses again.
 */

/** Why a group's figures are withheld: it is under 5 itself, or it would let a smaller group be worked out. */
export type WithheldReason = 'small' | 'complement';

/** The names of the reasons on screen, the same on every screen (docs/domain.md §5). */
export const WITHHELD_REASON_LABELS: Record<WithheldReason, { ja: string; en: string }> = {
  small: { ja: '回答が5件未満のため非表示', en: 'Hidden: fewer than 5 answers' },
  complement: {
    ja: '他の集計との差し引きで5件未満の集団がわかるため非表示',
    en: 'Hidden: with the other figures it would reveal a group of fewer than 5',
  },
};

/** The attribute dimensions of a response, in the order the plan gives them room. */
export const ATTRIBUTE_DIMENSIONS = ['grade', 'age_band', 'employment_type'] as const;
export type AttributeDimension = (typeof ATTRIBUTE_DIMENSIONS)[number];

/**
 * A group of a survey's answers: `total`, `unit:<code>` (the unit's subtree), `reporting:<code>` (the answers
 * counted under a 部 that has 課 below it; for any other unit its reporting group is its subtree, `unit:<code>`),
 * or `<attribute>:<value>`.
 */
export type GroupId = string;

export const TOTAL: GroupId = 'total';
export const unitGroup = (code: string): GroupId => `unit:${code}`;
export const attributeGroup = (dimension: AttributeDimension, value: string): GroupId =>
  `${dimension}:${value}`;

/** The answers of one combination of attributes, as the survey's pre-aggregated cells hold them. */
export interface SurveyCell {
  unitCode: string;
  gradeCode: string;
  ageBand: string;
  employmentType: string;
  respondents: number;
  /** Moments per question (KPI code, or an item's column). */
  questions: ReadonlyMap<string, AnswerMoments>;
}

/** One family's choice, or the whole plan: the groups that may be shown, and why each other group is not. */
export interface GroupPlan {
  published: ReadonlySet<GroupId>;
  withheld: ReadonlyMap<GroupId, WithheldReason>;
}

type OrgUnit = Pick<Unit, 'code' | 'parentCode' | 'level'>;

/** The reporting group of a unit (docs/domain.md §5: answers are counted under their 課). */
export function reportingGroupOf(code: string, units: ReadonlyMap<string, OrgUnit>): GroupId {
  const path = unitPathUp(code, units);
  const at = path.find((c) => units.get(c)?.level !== '係') ?? (path.at(-1) as string);
  return hasSubUnitsCountedApart(at, units) ? `reporting:${at}` : unitGroup(at);
}

/** Whether some unit below `code` is counted under itself rather than under `code` (a 部 with 課 below it). */
function hasSubUnitsCountedApart(code: string, units: ReadonlyMap<string, OrgUnit>): boolean {
  for (const u of units.values()) if (u.parentCode === code && u.level !== '係') return true;
  return false;
}

/** The organisation groups an answer of a unit belongs to, from the whole down to its own unit. */
function orgGroupsOf(code: string, units: ReadonlyMap<string, OrgUnit>): GroupId[] {
  const path = unitPathUp(code, units).reverse();
  const out: GroupId[] = [TOTAL];
  const reporting = reportingGroupOf(code, units);
  for (const c of path) {
    out.push(unitGroup(c));
    if (reporting === `reporting:${c}`) out.push(reporting);
  }
  return out;
}

/** The groups of every family that an answer with these attributes belongs to. */
export function groupsOfCell(
  cell: Pick<SurveyCell, 'unitCode' | 'gradeCode' | 'ageBand' | 'employmentType'>,
  units: ReadonlyMap<string, OrgUnit>,
): { org: GroupId[]; attributes: GroupId[] } {
  return {
    org: orgGroupsOf(cell.unitCode, units),
    attributes: [
      attributeGroup('grade', cell.gradeCode),
      attributeGroup('age_band', cell.ageBand),
      attributeGroup('employment_type', cell.employmentType),
    ],
  };
}

interface Atom {
  weight: number;
  org: readonly GroupId[];
  attributes: readonly GroupId[];
}

/**
 * A family's greedy choice: groups in order, each published when it holds at least MIN_GROUP_SIZE answers and
 * splitting the classes it cuts leaves no piece under MIN_GROUP_SIZE (docs/domain.md §5).
 */
function chooseInFamily(
  atoms: readonly Atom[],
  order: readonly GroupId[],
  members: ReadonlyMap<GroupId, readonly number[]>,
  banned: ReadonlySet<GroupId>,
  withheld: Map<GroupId, WithheldReason>,
): { published: GroupId[]; classOf: number[] } {
  const classOf = atoms.map(() => 0);
  const classWeight = new Map<number, number>([[0, atoms.reduce((s, a) => s + a.weight, 0)]]);
  let next = 1;
  const published: GroupId[] = [];
  for (const id of order) {
    const idx = members.get(id) ?? [];
    let weight = 0;
    for (const i of idx) weight += (atoms[i] as Atom).weight;
    if (weight < MIN_GROUP_SIZE) {
      withheld.set(id, 'small');
      continue;
    }
    if (banned.has(id)) {
      withheld.set(id, 'complement');
      continue;
    }
    // The classes this group cuts, and how much of each falls inside it.
    const inside = new Map<number, number>();
    for (const i of idx) {
      const c = classOf[i] as number;
      inside.set(c, (inside.get(c) ?? 0) + (atoms[i] as Atom).weight);
    }
    let safe = true;
    for (const [c, w] of inside) {
      const rest = (classWeight.get(c) ?? 0) - w;
      if (w < MIN_GROUP_SIZE || (rest > 0 && rest < MIN_GROUP_SIZE)) safe = false;
    }
    if (!safe) {
      withheld.set(id, 'complement');
      continue;
    }
    const renamed = new Map<number, number>();
    for (const [c, w] of inside) {
      renamed.set(c, next);
      classWeight.set(next++, w);
      classWeight.set(c, (classWeight.get(c) ?? 0) - w);
    }
    for (const i of idx) classOf[i] = renamed.get(classOf[i] as number) as number;
    withheld.delete(id);
    published.push(id);
  }
  return { published, classOf };
}

/** Every order of a list. */
function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** The groups a plan may not publish because a wider plan withholds them. */
function banned0(allowed: ReadonlySet<GroupId> | null, ids: readonly GroupId[]): Set<GroupId> {
  return new Set(allowed ? ids.filter((g) => !allowed.has(g)) : []);
}

/** The plan for one kind of answer count (respondents, or the answers to one question). */
function planOf(
  atoms: readonly Atom[],
  levels: ReadonlyMap<string, string>,
  allowed: ReadonlySet<GroupId> | null,
): GroupPlan {
  const live = atoms.filter((a) => a.weight > 0);
  const members = new Map<GroupId, number[]>();
  for (const [i, a] of live.entries()) {
    for (const g of [...a.org, ...a.attributes]) {
      const m = members.get(g) ?? [];
      m.push(i);
      members.set(g, m);
    }
  }
  const weights = new Map(
    [...members].map(([g, idx]) => [g, idx.reduce((s, i) => s + (live[i] as Atom).weight, 0)]),
  );
  const weightOf = (g: GroupId) => weights.get(g) ?? 0;
  const byWeight = (a: GroupId, b: GroupId) => weightOf(b) - weightOf(a) || (a < b ? -1 : a > b ? 1 : 0);
  const orgIds = [...new Set(live.flatMap((a) => a.org))];
  const depth = new Map(
    orgIds.map((g) => [g, (live[(members.get(g) ?? [0])[0] as number] as Atom).org.indexOf(g)]),
  );
  const orgOrder = orgIds.sort((a, b) => (depth.get(a) ?? 0) - (depth.get(b) ?? 0) || byWeight(a, b));
  const ofDimension = (d: AttributeDimension) =>
    [...new Set(live.flatMap((a) => a.attributes.filter((g) => g.startsWith(`${d}:`))))].sort(byWeight);
  // The attributes compete for room (a grade group split by age band may leave pieces under 5). Of two choices
  // the better shows the largest group that only one of them shows: of the orders in which the dimensions can take
  // their turn the best, then a large group left out is tried first and kept first where that is better.
  const attrIds = ATTRIBUTE_DIMENSIONS.flatMap(ofDimension).sort(byWeight);
  const shownIn = (order: readonly GroupId[], b: ReadonlySet<GroupId>) =>
    new Set(chooseInFamily(live, order, members, b, new Map()).published);
  const better = (x: ReadonlySet<GroupId>, y: ReadonlySet<GroupId>) => {
    for (const g of attrIds) if (x.has(g) !== y.has(g)) return x.has(g);
    return false;
  };
  const wider = banned0(allowed, attrIds);
  const orders = permutations(ATTRIBUTE_DIMENSIONS).map((p) => p.flatMap(ofDimension));
  let attrOrder = orders[0] as GroupId[];
  for (const o of orders) if (better(shownIn(o, wider), shownIn(attrOrder, wider))) attrOrder = o;
  for (const g of attrIds) {
    const now = shownIn(attrOrder, wider);
    if (now.has(g)) continue;
    const trial = [g, ...attrOrder.filter((x) => x !== g)];
    if (better(shownIn(trial, wider), now)) attrOrder = trial;
  }
  // Then a small group is given up wherever that is better (withholding the five 部長 may let a larger group be
  // split by age band).
  const banned = banned0(allowed, [...orgOrder, ...attrOrder]);
  for (let improved = true; improved;) {
    improved = false;
    const now = shownIn(attrOrder, banned);
    for (const g of [...now].sort((x, y) => weightOf(x) - weightOf(y))) {
      const trial = new Set([...banned, g]);
      if (better(shownIn(attrOrder, trial), now)) {
        banned.add(g);
        improved = true;
        break;
      }
    }
  }
  // Given up first when the two families must give way to each other: 係, then the attributes, then 課 and 部.
  const tierOf = (g: GroupId): number => {
    if (g === TOTAL) return 0;
    if (!g.startsWith('unit:') && !g.startsWith('reporting:')) return 3;
    const level = levels.get(g.slice(g.indexOf(':') + 1));
    return level === '部' ? 1 : level === '係' ? 4 : 2;
  };
  const priority = [...orgOrder, ...attrOrder].sort((a, b) => tierOf(a) - tierOf(b));
  const rank = new Map(priority.map((g, i) => [g, i]));
  for (;;) {
    const withheld = new Map<GroupId, WithheldReason>();
    const org = chooseInFamily(live, orgOrder, members, banned, withheld);
    const attr = chooseInFamily(live, attrOrder, members, banned, withheld);
    // The class graph: organisation classes 0…, attribute classes after them.
    const orgClasses = new Map<number, number>();
    const attrClasses = new Map<number, number>();
    for (const [i] of live.entries()) {
      const o = org.classOf[i] as number;
      if (!orgClasses.has(o)) orgClasses.set(o, orgClasses.size);
      const t = attr.classOf[i] as number;
      if (!attrClasses.has(t)) attrClasses.set(t, attrClasses.size);
    }
    const edges = new Map<string, number>();
    for (const [i, a] of live.entries()) {
      const o = orgClasses.get(org.classOf[i] as number) as number;
      const t = orgClasses.size + (attrClasses.get(attr.classOf[i] as number) as number);
      const key = `${o},${t}`;
      edges.set(key, (edges.get(key) ?? 0) + a.weight);
    }
    const side = smallCut(orgClasses.size + attrClasses.size, edges);
    const published = new Set([...org.published, ...attr.published]);
    if (!side) {
      return { published, withheld };
    }
    // The groups that tell the two sides apart: those that make up the classes on the cut's smaller side.
    const sideSet = new Set(side);
    const candidates = new Set<GroupId>();
    for (const [i, a] of live.entries()) {
      const o = orgClasses.get(org.classOf[i] as number) as number;
      const t = orgClasses.size + (attrClasses.get(attr.classOf[i] as number) as number);
      if (sideSet.has(o)) for (const g of a.org) if (published.has(g) && g !== TOTAL) candidates.add(g);
      if (sideSet.has(t)) for (const g of a.attributes) if (published.has(g)) candidates.add(g);
    }
    if (candidates.size === 0) {
      for (const [i, a] of live.entries()) {
        const o = orgClasses.get(org.classOf[i] as number) as number;
        const t = orgClasses.size + (attrClasses.get(attr.classOf[i] as number) as number);
        if (!sideSet.has(o)) for (const g of a.org) if (published.has(g) && g !== TOTAL) candidates.add(g);
        if (!sideSet.has(t)) for (const g of a.attributes) if (published.has(g)) candidates.add(g);
      }
    }
    const give = [...candidates].sort((a, b) => (rank.get(b) ?? 0) - (rank.get(a) ?? 0))[0];
    if (give === undefined) {
      // Cannot happen (a cut separates classes that some published group tells apart); stay safe regardless.
      return { published: new Set(published.has(TOTAL) ? [TOTAL] : []), withheld };
    }
    banned.add(give);
  }
}

/** The moments of every group, summed from the cells, and the plan of every count (docs/domain.md §5). */
export interface SurveyDisclosure {
  /** Respondents of every group that has any. */
  respondents: ReadonlyMap<GroupId, number>;
  /** Moments of every group per question. */
  moments: ReadonlyMap<GroupId, ReadonlyMap<string, AnswerMoments>>;
  /** Which groups' respondent counts may be shown. */
  respondentPlan: GroupPlan;
  /** Which groups' figures for each question may be shown (always within the respondent plan). */
  questionPlans: ReadonlyMap<string, GroupPlan>;
}

/**
 * The disclosure plan of a survey from its cells (docs/domain.md §5 "One disclosure plan"): the respondent plan
 * first, then one plan per question within it, since blank answers make a question's groups smaller.
 */
export function surveyDisclosure(
  cells: readonly SurveyCell[],
  units: readonly OrgUnit[],
  questions: readonly string[],
  /** Sums to add up per group without a plan of their own (a cross-tab's option counts, under the respondents'). */
  alsoSum: readonly string[] = [],
  /** The plans as computed before from the same cells and units (see savedPlans), to skip choosing them again. */
  saved?: SavedPlans,
): SurveyDisclosure {
  const tree = new Map(units.map((u) => [u.code, u]));
  const member = cells.map((c) => groupsOfCell(c, tree));
  const respondents = new Map<GroupId, number>();
  const moments = new Map<GroupId, Map<string, AnswerMoments>>();
  const summed = [...questions, ...alsoSum];
  for (const [i, c] of cells.entries()) {
    const m = member[i] as { org: GroupId[]; attributes: GroupId[] };
    for (const g of [...m.org, ...m.attributes]) {
      respondents.set(g, (respondents.get(g) ?? 0) + c.respondents);
      let into = moments.get(g);
      if (!into) moments.set(g, (into = new Map<string, AnswerMoments>()));
      for (const q of summed)
        into.set(q, addMoments(into.get(q) ?? NO_MOMENTS, c.questions.get(q) ?? NO_MOMENTS));
    }
  }
  if (saved && questions.every((q) => q in saved.questions)) {
    const read = (p: SavedPlan): GroupPlan => ({
      published: new Set(p.published),
      withheld: new Map(p.withheld),
    });
    return {
      respondents,
      moments,
      respondentPlan: read(saved.respondents),
      questionPlans: new Map(questions.map((q) => [q, read(saved.questions[q] as SavedPlan)])),
    };
  }
  const atomsWith = (weight: (c: SurveyCell) => number): Atom[] =>
    cells.map((c, i) => ({ weight: weight(c), ...(member[i] as { org: GroupId[]; attributes: GroupId[] }) }));
  const levels = new Map(units.map((u) => [u.code, u.level as string]));
  const respondentPlan = planOf(
    atomsWith((c) => c.respondents),
    levels,
    null,
  );
  const questionPlans = new Map(
    questions.map((q) => [
      q,
      planOf(
        atomsWith((c) => (c.questions.get(q) ?? NO_MOMENTS).n),
        levels,
        respondentPlan.published,
      ),
    ]),
  );
  return { respondents, moments, respondentPlan, questionPlans };
}

interface SavedPlan {
  published: GroupId[];
  withheld: [GroupId, WithheldReason][];
}

/** A survey's plans as plain data, to be kept beside its answers and read back (docs/domain.md §5). */
export interface SavedPlans {
  respondents: SavedPlan;
  questions: Record<string, SavedPlan>;
}

/** The plans of a disclosure as plain data (for surveyDisclosure's `saved`). */
export function savedPlans(d: SurveyDisclosure): SavedPlans {
  const save = (p: GroupPlan): SavedPlan => ({ published: [...p.published], withheld: [...p.withheld] });
  return {
    respondents: save(d.respondentPlan),
    questions: Object.fromEntries([...d.questionPlans].map(([q, p]) => [q, save(p)])),
  };
}

/** Whether a group's figures for a question (or its respondent count, without one) may be shown, and if not why. */
export function disclosureOf(
  d: SurveyDisclosure,
  group: GroupId,
  question?: string,
): { shown: true } | { shown: false; reason: WithheldReason } {
  const plan = question === undefined ? d.respondentPlan : d.questionPlans.get(question);
  if (plan?.published.has(group)) return { shown: true };
  return { shown: false, reason: plan?.withheld.get(group) ?? 'small' };
}

/**
 * The finest units a question's plan shows (docs/domain.md §5 evaluation against the KPIs): every shown unit
 * group with no shown group below it, so that each answer is plotted at most once.
 */
export function finestShownUnits(d: SurveyDisclosure, units: readonly OrgUnit[], question: string): string[] {
  const plan = d.questionPlans.get(question);
  if (!plan) return [];
  const shown = units.filter((u) => plan.published.has(unitGroup(u.code)));
  const tree = new Map(units.map((u) => [u.code, u]));
  const covered = new Set<string>();
  for (const u of shown) for (const up of unitPathUp(u.code, tree).slice(1)) covered.add(up);
  return shown.filter((u) => !covered.has(u.code)).map((u) => u.code);
}
