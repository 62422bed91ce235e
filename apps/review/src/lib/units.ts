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

/**
 * Each unit's name as a list shows it: a 係 with its 課 beside it (庶務係（総務課）), so that the several 庶務係
 * of a ward can be told apart; a 部 or 課 by its name alone.
 */
export function unitLabels(
  units: readonly (TreeUnit & { name: string; level: string })[],
): Map<string, string> {
  const byCode = new Map(units.map((u) => [u.code, u]));
  return new Map(
    units.map((u) => {
      const parent = u.level === '係' && u.parentCode ? byCode.get(u.parentCode) : undefined;
      return [u.code, parent ? `${u.name}（${parent.name}）` : u.name];
    }),
  );
}
