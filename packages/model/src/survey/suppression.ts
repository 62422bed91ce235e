import { MIN_GROUP_SIZE } from './kpi-figures.js';

/** A cell of a breakdown: a group's count of answers (to one question, or respondents). */
export interface Cell {
  key: string;
  n: number;
}

/**
 * The cells of one breakdown to withhold (docs/domain.md §5 anonymity): every cell under MIN_GROUP_SIZE
 * (primary), and then complementary cells, so that the total (which is published) minus the shown cells never
 * isolates a group under MIN_GROUP_SIZE. The withheld cells together must hold at least two groups with
 * answers and at least MIN_GROUP_SIZE answers; the smallest shown cell is added until they do. `forced` cells
 * are withheld whatever their size (a group withheld at respondent level withholds each of its questions).
 */
export function suppressedCells(
  cells: readonly Cell[],
  forced: ReadonlySet<string> = new Set(),
): Set<string> {
  const out = new Set<string>();
  for (const c of cells) if (c.n < MIN_GROUP_SIZE || forced.has(c.key)) out.add(c.key);
  if (out.size === 0) return out;
  const shown = cells
    .filter((c) => !out.has(c.key))
    .sort((a, b) => a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const safe = (): boolean => {
    let n = 0;
    let groups = 0;
    for (const c of cells) {
      if (!out.has(c.key)) continue;
      n += c.n;
      if (c.n > 0) groups += 1;
    }
    // Nothing answered in the withheld cells: the total minus the shown reveals only that, no figures.
    return n === 0 || (n >= MIN_GROUP_SIZE && groups >= 2);
  };
  for (const next of shown) {
    if (safe()) break;
    out.add(next.key);
  }
  return out;
}
