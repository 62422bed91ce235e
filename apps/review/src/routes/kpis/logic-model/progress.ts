import type { KpiRow } from '$lib/survey-types';

export type Band = 'none' | 'low' | 'mid' | 'done';

/** An outcome's progress: the mean of its KPIs' progress from baseline (0) to target (1); null without data. */
export function outcomeProgress(kpis: readonly KpiRow[]): number | null {
  const known = kpis.map((k) => k.progress).filter((p): p is number => p !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

/** The colour band of a progress value. */
export function bandOf(p: number | null): Band {
  if (p === null) return 'none';
  if (p >= 1) return 'done';
  return p >= 0.33 ? 'mid' : 'low';
}

/** Splits Japanese text into lines of at most `width` characters, for SVG text. */
export function wrap(text: string, width: number, maxLines = 3): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < maxLines; i += width)
    lines.push(chars.slice(i, i + width).join(''));
  if (chars.length > width * maxLines)
    lines[maxLines - 1] = `${[...(lines[maxLines - 1] ?? '')].slice(0, width - 1).join('')}…`;
  return lines;
}
