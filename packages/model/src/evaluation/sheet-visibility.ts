// What each relation sees of a sheet's history and metadata at each stage (docs/domain.md §4: the evaluatee sees
// the evaluators' work only once disclosed), beside the ratings rule `visibleParts`.
import { actingRelation, turnOf, visibleParts, type SheetRelation, type SheetState } from './workflow.js';

/** What a history entry says about a step: enough to tell who took it, towards whom, and why. */
export interface HistoryFacts {
  action: string;
  fromState: SheetState;
  toState: SheetState;
  loginId: string | null;
  /** The display name of whoever took the step, where known: hidden with the login id. */
  name?: string | null;
  reason: string | null;
  revision: number;
}

/** Where a sheet stands, as far as visibility goes. */
export interface SheetStage {
  state: SheetState;
  revision: number;
}

/**
 * The relation a step hands the sheet to (docs/domain.md §4 workflow): submitted goals go to the first evaluator
 * for agreement, an appeal to the adjuster; every other step to whoever acts in the state it reached.
 */
export function receivingRelation(entry: Pick<HistoryFacts, 'action' | 'toState'>): SheetRelation | null {
  if (entry.action === 'submit-goals') return 'first';
  if (entry.action === 'appeal') return 'adjuster';
  return turnOf(entry.toState);
}

/**
 * Whether a relation sees all of the sheet in a state (every part of the ratings, `visibleParts`): the adjuster
 * always, an evaluator once confirmed, the evaluatee once disclosed.
 */
export function seesAll(state: SheetState, relation: SheetRelation): boolean {
  return Object.values(visibleParts(state, relation)).every(Boolean);
}

/** The part of the ratings each relation writes: its steps are as open as that part (`visibleParts`). */
const PART_OF = { evaluatee: 'self', first: 'first', second: 'second', adjuster: 'final' } as const;

/**
 * Whether a person with these relations may read who took a history step and why (docs/domain.md §4): the
 * adjuster always; the one who took it and the one it was sent to; anyone else when they may see the ratings of
 * the relation that took it (so the evaluatee reads an evaluator's steps only once disclosed), or when the step
 * belongs to an earlier revision, which was disclosed already. An appeal stays between the evaluatee and the
 * adjuster, as the appeal reason does.
 */
export function historyEntryVisible(
  entry: HistoryFacts,
  sheet: SheetStage,
  relations: readonly SheetRelation[],
): boolean {
  const author = actingRelation(entry.action, entry.fromState);
  const parties = [author, receivingRelation(entry)];
  if (relations.some((r) => r === 'adjuster' || parties.includes(r))) return true;
  if (entry.action === 'appeal' || author === null) return false;
  if (entry.revision < sheet.revision) return true;
  return relations.some((r) => visibleParts(sheet.state, r)[PART_OF[author]]);
}

/**
 * The history as this person may see it: every step stays (the states are no secret), but a step they may not
 * read loses its reason and its author.
 */
export function visibleHistory<T extends HistoryFacts>(
  history: readonly T[],
  sheet: SheetStage,
  relations: readonly SheetRelation[],
): T[] {
  return history.map((e) =>
    historyEntryVisible(e, sheet, relations)
      ? e
      : { ...e, loginId: null, ...('name' in e ? { name: null } : {}), reason: null },
  );
}

/**
 * Who last wrote the sheet, as this person may see it (docs/domain.md §4), or null: shown to the adjuster and to
 * whoever sees the whole sheet, when it is their own name, and to the one the last step was sent to (since that
 * step only its author or they themselves have written). Otherwise it could name an evaluator at work.
 */
export function visibleUpdatedBy(
  updatedBy: string | null,
  sheet: SheetStage,
  history: readonly Pick<HistoryFacts, 'action' | 'toState'>[],
  viewer: { relations: readonly SheetRelation[]; displayName: string },
): string | null {
  if (updatedBy === null || updatedBy === viewer.displayName) return updatedBy;
  const last = history.at(-1);
  const receiver = last ? receivingRelation(last) : null;
  const open = viewer.relations.some((r) => r === 'adjuster' || r === receiver || seesAll(sheet.state, r));
  return open ? updatedBy : null;
}
