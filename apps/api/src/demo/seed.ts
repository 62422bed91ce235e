// The demo data a new database gets (docs/interfaces.md "Start, sign-in, demo"): the ward, its logins, and
// each area's demo.
import { seedCustomSurveyDemo } from './custom-survey.js';
import {
  countUsers,
  createUser,
  lockDatabaseSetup,
  upsertStaff,
  upsertUnits,
  writeAccounts,
  type Database,
} from '@jinzai/db';
import { DEMO_PEOPLE, generateDemoOrg } from '@jinzai/db/demo';
import type { Role } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { hashPassword } from '../passwords.js';
import { seedEvaluationDemo } from './evaluation.js';
import { seedRecruitmentDemo } from './recruitment.js';
import { seedSurveyDemo } from './survey.js';
import { seedTalentDemo } from './talent.js';

export const DEMO_PASSWORD = 'jinzai-demo';

/** The demo logins of docs/interfaces.md "Start, sign-in, demo", all with the password jinzai-demo. */
export const DEMO_LOGINS: readonly {
  loginId: string;
  displayName: string;
  roles: Role[];
  staffNo?: string;
}[] = [
  { loginId: 'hr', displayName: '人事 花子', roles: ['hr'] },
  { loginId: 'recruiter', displayName: '採用 太郎', roles: ['recruiter'] },
  { loginId: 'interviewer1', displayName: '面接 一郎', roles: ['interviewer'] },
  { loginId: 'interviewer2', displayName: '面接 二郎', roles: ['interviewer'] },
  { loginId: 'interviewer3', displayName: '面接 三子', roles: ['interviewer'] },
  {
    loginId: 'evaluator1',
    displayName: DEMO_PEOPLE.evaluator1.name,
    roles: ['evaluator', 'staff'],
    staffNo: DEMO_PEOPLE.evaluator1.staffNo,
  },
  {
    loginId: 'evaluator2',
    displayName: DEMO_PEOPLE.evaluator2.name,
    roles: ['evaluator', 'staff'],
    staffNo: DEMO_PEOPLE.evaluator2.staffNo,
  },
  {
    loginId: 'staff1',
    displayName: DEMO_PEOPLE.staff1.name,
    roles: ['staff'],
    staffNo: DEMO_PEOPLE.staff1.staffNo,
  },
];

export interface DemoSummary {
  units: number;
  staff: number;
  users: number;
}

/**
 * Loads the demo ward (about 4,000 staff) and the demo logins, in one transaction. With `ifEmpty`, only into a
 * database without users, decided under the setup lock: of several processes starting together on a new database,
 * one loads the demo and the others get null.
 */
export async function seedDemo(
  db: Kysely<Database>,
  now: Date,
  progress: (message: string) => void = () => {},
  options: { ifEmpty?: boolean } = {},
): Promise<DemoSummary | null> {
  const org = generateDemoOrg();
  const at = now.toISOString();
  const hashes = await Promise.all(DEMO_LOGINS.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction().execute(async (trx) => {
    await lockDatabaseSetup(trx);
    if (options.ifEmpty && (await countUsers(trx)) > 0) return null;
    progress(`組織 ${org.units.length} 件を登録しています…`);
    await upsertUnits(
      trx,
      org.units.map((u) => ({ code: u.code, name: u.name, parent_code: u.parentCode, level: u.level })),
      at,
    );
    progress(`職員 ${org.staff.length} 名を登録しています…`);
    await upsertStaff(
      trx,
      org.staff.map((s) => ({
        staff_no: s.staffNo,
        name: s.name,
        name_kana: s.nameKana,
        unit_code: s.unitCode,
        grade_code: s.gradeCode,
        employment_type: s.employmentType,
        birth_year: s.birthYear,
      })),
      at,
    );
    progress(`デモ用ログイン ${DEMO_LOGINS.length} 件を作成しています…`);
    for (const [i, u] of DEMO_LOGINS.entries()) {
      await createUser(
        trx,
        {
          loginId: u.loginId,
          displayName: u.displayName,
          passwordHash: hashes[i] as string,
          staffNo: u.staffNo ?? null,
          roles: u.roles,
        },
        at,
      );
    }
    // Everyone else of the demo ward signs in with their 職員番号 and the same password: one hash, shared, so that
    // 4,000 accounts cost one argon2 run (a demo convenience; real accounts get issued passwords or the directory).
    const linked = new Set(DEMO_LOGINS.flatMap((u) => (u.staffNo ? [u.staffNo] : [])));
    const others = org.staff.filter((s) => !linked.has(s.staffNo));
    progress(`職員 ${others.length} 名のデモ用アカウントを作成しています…`);
    await writeAccounts(
      trx,
      others.map((s) => ({
        loginId: s.staffNo,
        displayName: s.name,
        staffNo: s.staffNo,
        email: null,
        roles: null,
      })),
      'local',
      at,
      hashes[0] as string,
    );
    progress('人事評価のデモデータ（2021〜2026年度）を登録しています…');
    await seedEvaluationDemo(trx, now);
    progress('採用選考のデモデータを作成しています…');
    await seedRecruitmentDemo(trx, now);
    progress('職員アンケートのデモ回答を登録しています…');
    await seedSurveyDemo(trx, now);
    await seedCustomSurveyDemo(trx, now);
    progress('人材データ（研修・自己申告・公募・面談）のデモデータを登録しています…');
    await seedTalentDemo(trx, now);
    return { units: org.units.length, staff: org.staff.length, users: DEMO_LOGINS.length + others.length };
  });
}
