// The unit filter's choices: the organisation tree 部 → 課 → 係 walked depth first, each unit with its depth.
import { childUnits, type TreeUnit } from '@jinzai/model';

export interface UnitChoice {
  code: string;
  name: string;
  depth: number;
}

/** The units in tree order (children after their parent, each level by code), with their depth from 0. */
export function unitChoices(units: readonly (TreeUnit & { name: string })[]): UnitChoice[] {
  const children = childUnits([...units].sort((a, b) => a.code.localeCompare(b.code)));
  const out: UnitChoice[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.code)) continue;
      seen.add(u.code);
      out.push({ code: u.code, name: u.name, depth });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
