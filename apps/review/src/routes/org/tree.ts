// The organisation tree for display: 部 → 課 → 係, with direct and total headcounts.
import { childUnits } from '@jinzai/model';

export interface UnitRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: string;
  staff: number;
}

export interface UnitNode extends UnitRow {
  total: number;
  children: UnitNode[];
}

/** Nests units under their parents (in code order) and sums headcounts up the tree. */
export function buildTree(units: readonly UnitRow[]): UnitNode[] {
  const nodes: UnitNode[] = units.map((u) => ({ ...u, total: u.staff, children: [] }));
  const children = childUnits(nodes);
  for (const node of nodes) node.children = children.get(node.code) ?? [];
  const roots = children.get(null) ?? [];
  const sum = (n: UnitNode): number => (n.total = n.staff + n.children.reduce((s, c) => s + sum(c), 0));
  roots.forEach(sum);
  return roots;
}
