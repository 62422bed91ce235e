// The organisation tree for display: 部 → 課 → 係, with direct and total headcounts.
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
  const nodes = new Map<string, UnitNode>(units.map((u) => [u.code, { ...u, total: u.staff, children: [] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sum = (n: UnitNode): number => (n.total = n.staff + n.children.reduce((s, c) => s + sum(c), 0));
  roots.forEach(sum);
  return roots;
}
