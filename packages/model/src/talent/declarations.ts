// 自己申告 (docs/domain.md §10): the yearly self-declaration in a window that HR opens.
import { z } from 'zod';
import { LAYER_CODES } from '../layers.js';
import { normalizeText } from '../org.js';

/** The transfer wish of a declaration. */
export const TRANSFER_WISHES = [
  { code: 'stay', nameJa: '現所属に留まりたい', nameEn: 'Stay' },
  { code: 'move', nameJa: '異動したい', nameEn: 'Move' },
  { code: 'either', nameJa: 'どちらでもよい', nameEn: 'Either' },
] as const;
export type TransferWish = (typeof TRANSFER_WISHES)[number]['code'];
export const transferWishCodes = TRANSFER_WISHES.map((w) => w.code) as [TransferWish, ...TransferWish[]];

/** At most this many wished units (docs/domain.md §10). */
export const MAX_WISHED_UNITS = 3;

const unitCode = z
  .string()
  .transform(normalizeText)
  .pipe(z.string().regex(/^[0-9A-Za-z_.-]{1,32}$/, '所属コードを指定してください'));
const longText = (max: number) => z.string().trim().max(max, `${max}文字以内で入力してください`);

/**
 * A declaration as the person sends it (docs/interfaces.md "Talent data"): a wish to stay names no unit; the
 * wished units are distinct, at most 3.
 */
export const declarationSchema = z
  .object({
    fiscalYear: z.number().int().min(2000).max(2100),
    transferWish: z.enum(transferWishCodes),
    wishedUnits: z
      .array(unitCode)
      .max(MAX_WISHED_UNITS, `希望する所属は${MAX_WISHED_UNITS}つまでです`)
      .default([]),
    reason: longText(1000).default(''),
    careerGoal: longText(1000),
    growthLayer: z.enum(LAYER_CODES).nullable().default(null),
    circumstances: longText(1000).default(''),
    managerExamInterest: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    if (new Set(d.wishedUnits).size !== d.wishedUnits.length)
      ctx.addIssue({ code: 'custom', path: ['wishedUnits'], message: '同じ所属が2回指定されています' });
    if (d.transferWish === 'stay' && d.wishedUnits.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['wishedUnits'],
        message: '「現所属に留まりたい」のときは希望する所属を指定しません',
      });
  });
export type Declaration = z.output<typeof declarationSchema>;

/** A window of a fiscal year's declarations, open from `opensOn` to `closesOn` inclusive (YYYY-MM-DD). */
export interface DeclarationWindow {
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
}

/** The default window of a fiscal year: October, the ward's 異動申告 being on 1 October (docs/domain.md §10). */
export function defaultDeclarationWindow(fiscalYear: number): DeclarationWindow {
  return { fiscalYear, opensOn: `${fiscalYear}-10-01`, closesOn: `${fiscalYear}-10-31` };
}

/** Whether the window takes declarations on `today` (a day in Japan, YYYY-MM-DD). */
export function windowIsOpen(window: DeclarationWindow | undefined, today: string): boolean {
  return !!window && window.opensOn <= today && today <= window.closesOn;
}

/** HR's window as sent: the fiscal year and its days; it must open before it closes. */
export const declarationWindowSchema = z
  .object({
    fiscalYear: z.number().int().min(2000).max(2100),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
  })
  .refine((w) => w.opensOn <= w.closesOn, {
    path: ['closesOn'],
    message: '締切は受付開始以降の日付にしてください',
  });
