/** A mean as the screens show it: 3 decimals (docs/domain.md §5); a dash when withheld or missing. */
export const fmt3 = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : v.toFixed(3);

/** A signed change to 3 decimals. */
export const fmtDelta = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(3)}`;

/** A share as a per-cent figure with one decimal. */
export const fmtPct = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
