import { z } from 'zod';

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

/** Login ids: what a clerk can type on any keyboard. */
export const loginIdSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, { message: '英数字と . _ @ - のみ使えます' });

/** A password a person may choose (or HR may set): at least 10 characters. */
export const passwordSchema = z
  .string()
  .min(10, { message: 'パスワードは10文字以上にしてください' })
  .max(200);

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
}

/** Whether the user holds one of `roles` (any user when none are named); HR holds all rights. */
export function hasRole(user: Pick<User, 'roles'>, ...roles: Role[]): boolean {
  return roles.length === 0 || user.roles.includes('hr') || user.roles.some((r) => roles.includes(r));
}
