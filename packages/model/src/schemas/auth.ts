import { z } from 'zod';
import { rowSpec, type RowOf } from '../import-rows.js';
import { optionalCode } from '../org.js';

/**
 * The roles of Jinzai; a user may hold several (issue: foundation, docs/interfaces.md
 * "Start, sign-in, demo").
 */
export const ROLES = ['hr', 'recruiter', 'interviewer', 'evaluator', 'staff'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  hr: { ja: '人事担当', en: 'HR' },
  recruiter: { ja: '採用担当', en: 'Recruiter' },
  interviewer: { ja: '面接官', en: 'Interviewer' },
  evaluator: { ja: '評価者', en: 'Evaluator' },
  staff: { ja: '職員', en: 'Staff' },
};

/** POST /api/auth/login body. */
export const loginSchema = z.object({
  loginId: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** A character a login id may hold. */
const LOGIN_ID_CHAR = '[A-Za-z0-9._@-]';

/** Login ids: what a clerk can type on any keyboard. */
export const loginIdSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(new RegExp(`^${LOGIN_ID_CHAR}+$`), { message: '英数字と . _ @ - のみ使えます' });

/** loginIdSchema as one pattern (of the trimmed value), for a check run on every row of a 100,000-row import. */
const LOGIN_ID = new RegExp(`^${LOGIN_ID_CHAR}{2,64}$`);

/**
 * A password a person may choose (or HR may set): at least 10 characters (ASVS asks for 8 or more), up to 200, and
 * no rules on which kinds of characters (docs/domain.md §9 "Accounts"). The API also refuses common passwords.
 */
export const passwordSchema = z
  .string()
  .min(10, { message: 'パスワードは10文字以上にしてください' })
  .max(200, { message: 'パスワードは200文字以内にしてください' });

/** POST /api/me/password: the current password and the new one. */
export const ownPasswordSchema = z.object({
  current: z.string().min(1).max(200),
  password: passwordSchema,
});

/** A new password set by HR (POST /api/users/{loginId}/password, CLI `users reset-password`). */
export const passwordResetSchema = z.object({ password: passwordSchema });

/** A new user (CLI `users add`, and HR's user administration). */
export const newUserSchema = z.object({
  loginId: loginIdSchema,
  displayName: z.string().trim().min(1).max(100),
  password: passwordSchema,
  roles: z.array(roleSchema).min(1),
  staffNo: z.string().trim().min(1).max(32).nullable().default(null),
});
export type NewUser = z.output<typeof newUserSchema>;

/** A signed-in user as the API shows them (GET /api/me). */
export interface User {
  id: number;
  loginId: string;
  displayName: string;
  roles: Role[];
  staffNo: string | null;
  /** A local account signed in with an initial or reset password: it must choose its own before anything else. */
  mustChangePassword?: boolean;
}

/** Whether the user holds one of `roles` (any user when none are named); HR holds all rights. */
export function hasRole(user: Pick<User, 'roles'>, ...roles: Role[]): boolean {
  return roles.length === 0 || user.roles.includes('hr') || user.roles.some((r) => roles.includes(r));
}

/** The columns of a users import (docs/interfaces.md "Accounts"): `login_id,staff_no,roles,email`. */
export const USER_COLUMNS = {
  required: ['login_id'],
  optional: ['staff_no', 'roles', 'email'],
} as const;

const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());
/** The pattern z.email() checks, tested directly: a nested schema per row costs more than the rest of the row. */
const EMAIL = z.regexes.email;

/**
 * One row of a users import. `roles`: `;`-separated role codes (or their Japanese labels), empty for none granted
 * beyond those the organisation gives (docs/domain.md §9 "Accounts"); `staff_no` empty for an account outside the
 * roster (an external interviewer, an administrator).
 */
export const userRowSpec = rowSpec(
  'userRowSpec',
  USER_COLUMNS,
  {
    login_id: (v, issue) => {
      const s = v.trim();
      if (!LOGIN_ID.test(s)) {
        issue(
          s === ''
            ? '値が入っていません（必須の項目です）'
            : 'ログインIDは2〜64文字の英数字と . _ @ - で指定してください',
        );
        return '';
      }
      return s;
    },
    staff_no: optionalCode,
    roles: (v, issue): Role[] | null => {
      const s = blankToNull(v);
      if (s === null) return null;
      const roles: Role[] = [];
      for (const part of s
        .split(/[;；]/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const role = ROLES.find((r) => r === part.toLowerCase() || ROLE_LABELS[r].ja === part);
        if (!role) {
          issue(`役割「${part}」はありません。使える値: ${ROLES.join(', ')}（; 区切り）`);
          continue;
        }
        if (!roles.includes(role)) roles.push(role);
      }
      return roles.sort();
    },
    email: (v, issue) => {
      const s = blankToNull(v);
      if (s !== null && !EMAIL.test(s)) issue('メールアドレスの形式が正しくありません');
      return s;
    },
  },
  { login_id: 'ログインID', staff_no: '職員番号' },
);
export const userRowSchema = userRowSpec.schema;
export type UserRow = RowOf<typeof userRowSpec.checks>;
