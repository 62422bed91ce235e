// The cut search behind the disclosure plan (docs/domain.md §5 "One disclosure plan"): whether the graph that joins
// the organisation's classes to the attributes' classes by their answers falls apart at fewer than 5 answers.
import { MIN_GROUP_SIZE } from './kpi-figures.js';

/**
 * A cut of fewer than MIN_GROUP_SIZE answers in some connected part of the class graph, as the set of nodes on one
 * side, or null. Nodes joined by MIN_GROUP_SIZE answers or more cannot lie on two sides of such a cut and are
 * merged first; what is left is searched with Stoer–Wagner's minimum cut.
 */
export function smallCut(nodes: number, edges: ReadonlyMap<string, number>): number[] | null {
  const parent = Array.from({ length: nodes }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  const merged = () => {
    const w = new Map<string, number>();
    for (const [k, v] of edges) {
      const [a, b] = k.split(',').map(Number) as [number, number];
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) continue;
      const key = ra < rb ? `${ra},${rb}` : `${rb},${ra}`;
      w.set(key, (w.get(key) ?? 0) + v);
    }
    return w;
  };
  let w = merged();
  for (let changed = true; changed;) {
    changed = false;
    for (const [k, v] of w) {
      if (v < MIN_GROUP_SIZE) continue;
      const [a, b] = k.split(',').map(Number) as [number, number];
      parent[find(a)] = find(b);
      changed = true;
    }
    if (changed) w = merged();
  }
  // Connected parts of what is left, each searched on its own.
  const roots = [...new Set(Array.from({ length: nodes }, (_, i) => find(i)))];
  const adj = new Map<number, Map<number, number>>(roots.map((r) => [r, new Map()]));
  for (const [k, v] of w) {
    const [a, b] = k.split(',').map(Number) as [number, number];
    adj.get(a)?.set(b, v);
    adj.get(b)?.set(a, v);
  }
  const seen = new Set<number>();
  for (const r of roots) {
    if (seen.has(r)) continue;
    const part: number[] = [];
    const stack = [r];
    seen.add(r);
    while (stack.length > 0) {
      const x = stack.pop() as number;
      part.push(x);
      for (const y of adj.get(x)?.keys() ?? []) {
        if (!seen.has(y)) {
          seen.add(y);
          stack.push(y);
        }
      }
    }
    if (part.length < 2) continue;
    const side = stoerWagner(part, adj);
    if (side) {
      const sideSet = new Set(side);
      return Array.from({ length: nodes }, (_, i) => i).filter((i) => sideSet.has(find(i)));
    }
  }
  return null;
}

/** One side of a cut of weight under MIN_GROUP_SIZE of a connected graph (Stoer & Wagner 1997), or null. */
function stoerWagner(part: readonly number[], adj: ReadonlyMap<number, ReadonlyMap<number, number>>) {
  const weight = new Map<number, Map<number, number>>();
  for (const x of part) weight.set(x, new Map(adj.get(x) ?? []));
  const members = new Map<number, number[]>(part.map((x) => [x, [x]]));
  let alive = [...part];
  while (alive.length > 1) {
    const added: number[] = [];
    const conn = new Map<number, number>(alive.map((x) => [x, 0]));
    let last = -1;
    let prev = -1;
    let lastConn = 0;
    while (conn.size > 0) {
      let best = -1;
      let bestW = -1;
      for (const [x, c] of conn) {
        if (c > bestW) {
          best = x;
          bestW = c;
        }
      }
      conn.delete(best);
      added.push(best);
      prev = last;
      last = best;
      lastConn = bestW;
      for (const [y, v] of weight.get(best) ?? []) if (conn.has(y)) conn.set(y, (conn.get(y) ?? 0) + v);
    }
    if (lastConn < MIN_GROUP_SIZE) return members.get(last) ?? [];
    // Merge the last two added.
    const wl = weight.get(last) ?? new Map<number, number>();
    const wp = weight.get(prev) ?? new Map<number, number>();
    for (const [y, v] of wl) {
      if (y === prev) continue;
      wp.set(y, (wp.get(y) ?? 0) + v);
      const wy = weight.get(y);
      if (wy) {
        wy.set(prev, (wy.get(prev) ?? 0) + v);
        wy.delete(last);
      }
    }
    wp.delete(last);
    weight.delete(last);
    members.set(prev, [...(members.get(prev) ?? []), ...(members.get(last) ?? [])]);
    members.delete(last);
    alive = alive.filter((x) => x !== last);
  }
  return null;
}
