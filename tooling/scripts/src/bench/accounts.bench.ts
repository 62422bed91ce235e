// Issue "Every staff member can sign in": importing 100,000 users against a raw prepared insert of the same rows.
import { join } from 'node:path';
import { upsertStaff } from '@jinzai/db';
import { importUsers } from '@jinzai/api/services';
import {
  elapsed,
  freshDb,
  perSecond,
  timeRawTransaction,
  vsRawInsert,
  work,
  type BenchRow,
  type RawInsert,
} from './harness.js';

const N = 100_000;
const units = [{ code: '10', name: '総務部', parent_code: null, level: '部' as const }];
const people = Array.from({ length: N }, (_, i) => ({
  staff_no: String(i + 1).padStart(6, '0'),
  name: `品川 職員${i}`,
  name_kana: `シナガワ ショクイン${i}`,
  unit_code: '10',
  grade_code: 'shuji',
  employment_type: 'regular' as const,
  birth_year: 1960 + (i % 45),
}));
const users = people.map((p, i) => ({
  login_id: `u${p.staff_no}`,
  staff_no: p.staff_no,
  roles: i % 50 === 0 ? 'interviewer' : '',
  email: `u${p.staff_no}@city.example.lg.jp`,
  name: p.name,
}));
const csv = new TextEncoder().encode(
  'login_id,staff_no,roles,email\r\n' +
    users.map((u) => [u.login_id, u.staff_no, u.roles, u.email].join(',')).join('\r\n'),
);

/** The raw baseline: the same accounts (and the granted roles) in one prepared-insert transaction. */
const rawInsert: RawInsert = (db) => {
  const user = db.prepare(
    "insert into users (login_id, display_name, password_hash, staff_no, email, created_at) values (?, ?, '', ?, ?, ?)",
  );
  const role = db.prepare('insert into user_roles (user_id, role) values (?, ?)');
  return () => {
    for (const u of users) {
      const { lastInsertRowid } = user.run(u.login_id, u.name, u.staff_no, u.email, '2026-04-01T00:00:00Z');
      if (u.roles) role.run(lastInsertRowid, u.roles);
    }
  };
};

export async function accountsBench(rows: BenchRow[]): Promise<void> {
  const ms = { raw: [] as number[], import: [] as number[] };
  for (let i = 0; i < 3; i++) {
    for (const step of ['raw', 'import'] as const) {
      const name = `users-${step}${i}`;
      const conn = await freshDb(name, units);
      await upsertStaff(conn.db, people, '2026-04-01T00:00:00Z');
      if (step === 'raw') {
        await conn.close();
        ms.raw.push(timeRawTransaction(join(work, `${name}.db`), rawInsert));
        continue;
      }
      try {
        ms.import.push(
          await elapsed(() =>
            importUsers(
              conn.db,
              { bytes: csv, contentType: 'text/csv' },
              { userId: null, loginId: 'bench' },
              new Date(),
              { directory: false },
            ),
          ),
        );
      } finally {
        await conn.close();
      }
    }
  }
  rows.push(
    vsRawInsert(
      'Users import, 100,000 rows (CSV parse + checks + insert + audit), rows/s',
      perSecond(N, ms.import),
      perSecond(N, ms.raw),
      '≥ 50%',
    ),
  );
}
