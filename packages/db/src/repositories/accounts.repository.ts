// Accounts for the whole roster (docs/domain.md §9 "Accounts"): the roles that come from the organisation, the
// users import, HR's list, and the accounts of people who left the roster.
import type { Role } from '@jinzai/model';
import { PostgresAdapter, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import { bulkWrite, chunked, oneOf, type BulkColumn } from './bulk.js';
import { bumpDataVersion } from './data-versions.repository.js';

type Db = Kysely<Database>;

/**
 * The roles each of the users holds on `today` (YYYY-MM-DD), as rows of user_id and role: those granted
 * explicitly (user_roles), `staff` for an account linked to a person on the roster, and `evaluator` for one named
 * first or second evaluator on a sheet of a period that is open today. `users` restricts the users (an id
 * expression or a subquery).
 */
export function effectiveRolesQuery(
  db: Db,
  users: (id: Expression<number>) => Expression<SqlBool>,
  today: unknown,
) {
  const granted = db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where((eb) => users(eb.ref('user_roles.user_id')));
  const onRoster = db
    .selectFrom('users')
    .innerJoin('staff', 'staff.staff_no', 'users.staff_no')
    .select(['users.id as user_id', sql<string>`'staff'`.as('role')])
    .where('staff.left_on', 'is', null)
    .where((eb) => users(eb.ref('users.id')));
  const evaluating = db
    .selectFrom('users')
    .select(['users.id as user_id', sql<string>`'evaluator'`.as('role')])
    .where((eb) => users(eb.ref('users.id')))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('review_sheets')
          .innerJoin('review_periods', 'review_periods.id', 'review_sheets.period_id')
          .select(sql<number>`1`.as('one'))
          .where((w) =>
            w.or([
              w('review_sheets.first_staff_no', '=', w.ref('users.staff_no')),
              w('review_sheets.second_staff_no', '=', w.ref('users.staff_no')),
            ]),
          )
          .where('review_periods.starts_on', '<=', today as string)
          .where('review_periods.ends_on', '>=', today as string),
      ),
    );
  return granted.union(onRoster).union(evaluating);
}

/** The effective roles of the users (see effectiveRolesQuery), sorted; users with none map to []. */
export async function effectiveRolesOf(
  db: Db,
  userIds: readonly number[],
  today: string,
): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>(userIds.map((id) => [id, []]));
  const rows = await chunked(userIds, (part) =>
    effectiveRolesQuery(db, (id) => sql<SqlBool>`${id} in (${sql.join(part)})`, today).execute(),
  );
  for (const r of rows) map.get(r.user_id)?.push(r.role as Role);
  for (const roles of map.values()) roles.sort();
  return map;
}

/** An account as HR's list and the users import see it. */
export interface Account {
  id: number;
  loginId: string;
  displayName: string;
  staffNo: string | null;
  email: string | null;
  /** Granted explicitly (the import's `roles`); the effective roles add those from the organisation. */
  grantedRoles: Role[];
  authSource: 'local' | 'directory';
  active: boolean;
  disabledReason: 'left' | 'hr' | null;
  lastSignInAt: string | null;
  mustChangePassword: boolean;
}

/** The stored accounts of these login ids (any case as stored), with their granted roles. */
export async function accountsByLogin(db: Db, loginIds: readonly string[]): Promise<Map<string, Account>> {
  const rows = await chunked(loginIds, (part) =>
    db.selectFrom('users').selectAll().where('login_id', 'in', oneOf(db, part)).execute(),
  );
  const granted = await grantedRolesOf(
    db,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.login_id, toAccount(r, granted.get(r.id) ?? [])]));
}

/** The roles granted explicitly (user_roles) to each of the users, sorted; users without any are absent. */
export async function grantedRolesOf(db: Db, ids: readonly number[]): Promise<Map<number, Role[]>> {
  const rows = await chunked(ids, (part) =>
    db
      .selectFrom('user_roles')
      .select(['user_id', 'role'])
      .where('user_id', 'in', part)
      .orderBy('role')
      .execute(),
  );
  const map = new Map<number, Role[]>();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role as Role]);
  return map;
}

type UserRow = {
  id: number;
  login_id: string;
  display_name: string;
  staff_no: string | null;
  email: string | null;
  auth_source: string;
  active: number;
  disabled_reason: string | null;
  last_sign_in_at: string | null;
  must_change_password: number;
};

const toAccount = (r: UserRow, grantedRoles: Role[]): Account => ({
  id: r.id,
  loginId: r.login_id,
  displayName: r.display_name,
  staffNo: r.staff_no,
  email: r.email,
  grantedRoles,
  authSource: r.auth_source === 'directory' ? 'directory' : 'local',
  active: r.active === 1,
  disabledReason: r.disabled_reason === 'left' || r.disabled_reason === 'hr' ? r.disabled_reason : null,
  lastSignInAt: r.last_sign_in_at,
  mustChangePassword: r.must_change_password === 1,
});

/** Which staff numbers already belong to an account, and to which login id. */
export async function loginsOfStaff(db: Db, staffNos: readonly string[]): Promise<Map<string, string>> {
  const rows = await chunked(staffNos, (part) =>
    db
      .selectFrom('users')
      .select(['staff_no', 'login_id'])
      .where('staff_no', 'in', oneOf(db, part))
      .execute(),
  );
  return new Map(rows.flatMap((r) => (r.staff_no ? [[r.staff_no, r.login_id] as const] : [])));
}

/** One row of a users import, checked. `roles` null: keep the granted roles as they are. */
export interface AccountRow {
  loginId: string;
  displayName: string;
  staffNo: string | null;
  email: string | null;
  roles: readonly Role[] | null;
}

/** What the audit log keeps of an account (docs/domain.md §9): never a password or its hash; roles when granted. */
export function auditedAccount(a: Pick<AccountRow, 'staffNo' | 'email' | 'displayName' | 'roles'>) {
  return {
    staffNo: a.staffNo,
    email: a.email,
    displayName: a.displayName,
    ...(a.roles ? { roles: a.roles } : {}),
  };
}

const ACCOUNT_COLUMNS = [
  { name: 'login_id', type: 'text' },
  { name: 'display_name', type: 'text' },
  { name: 'staff_no', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'password_hash', type: 'text' },
  { name: 'auth_source', type: 'text' },
  { name: 'created_at', type: 'text' },
] as const;

/**
 * Writes accounts set-based (an upsert on the login id): new accounts are created with `passwordHashOfNew` ('' for
 * none: `authSource` says how they will sign in, a directory account needs none, a local one waits for HR to issue
 * an initial password); existing ones get the row's staff number, e-mail and display name; rows with roles replace
 * the granted roles. Run it in the caller's transaction.
 */
export async function writeAccounts(
  db: Db,
  rows: readonly AccountRow[],
  authSourceOfNew: 'local' | 'directory',
  now: string,
  /** The hash new accounts get (the demo's shared one); '' for none. */
  passwordHashOfNew = '',
): Promise<void> {
  await bulkWrite(
    db,
    {
      table: 'users',
      columns: ACCOUNT_COLUMNS,
      conflict: ['login_id'],
      update: ['display_name', 'staff_no', 'email'],
    },
    rows.map((r) => [r.loginId, r.displayName, r.staffNo, r.email, passwordHashOfNew, authSourceOfNew, now]),
  );
  await replaceGrantedRoles(db, rows);
}

/** The granted roles of the rows that name roles become exactly those (user_roles), set-based. */
async function replaceGrantedRoles(
  db: Db,
  rows: readonly Pick<AccountRow, 'loginId' | 'roles'>[],
): Promise<void> {
  const withRoles = rows.filter((r) => r.roles !== null);
  if (withRoles.length === 0) return;
  const ids = await chunked(
    withRoles.map((r) => r.loginId),
    (part) =>
      db.selectFrom('users').select(['id', 'login_id']).where('login_id', 'in', oneOf(db, part)).execute(),
  );
  const idOf = new Map(ids.map((r) => [r.login_id, r.id]));
  await chunked([...idOf.values()], async (part) => {
    await db.deleteFrom('user_roles').where('user_id', 'in', part).execute();
    return [];
  });
  await bulkWrite(
    db,
    {
      table: 'user_roles',
      columns: [
        { name: 'user_id', type: 'integer' },
        { name: 'role', type: 'text' },
      ],
    },
    withRoles.flatMap((r) => [...new Set(r.roles)].map((role) => [idOf.get(r.loginId) ?? 0, role])),
  );
}

/** A new account of a users import: its display name comes from the roster (see createAccounts). */
export type NewAccountRow = Omit<AccountRow, 'displayName'>;

/**
 * Creates the new accounts of a users import set-based, in its transaction, and audits each creation
 * (docs/domain.md §9) as auditedAccount shapes it. The statement that writes the accounts also reads each display
 * name from the roster (the login id for an account without a staff number), and one INSERT … SELECT writes the
 * audit entries from the rows just written, so no row travels back and forth. The database enforces the roster
 * reference and one account per staff number: a row that breaks either fails the statement (brokenConstraint
 * tells which), the transaction rolls back, and the caller explains the file's problem.
 */
export async function createAccounts(
  db: Db,
  rows: readonly NewAccountRow[],
  authSource: 'local' | 'directory',
  now: string,
  actor: { userId: number | null; loginId: string | null },
): Promise<void> {
  if (rows.length === 0) return;
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  // SQLite has one writer: within this transaction, the rows above the highest id now are the ones it creates.
  const { top } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql<number>`0`).as('top'))
    .executeTakeFirstOrThrow();
  await bulkWrite(
    db,
    {
      table: 'users',
      columns: ACCOUNT_COLUMNS.map((c): BulkColumn<keyof Database['users'] & string> =>
        c.name === 'display_name'
          ? {
              ...c,
              value: (row) =>
                sql`coalesce((select s.name from staff s where s.staff_no = ${row('staff_no')}), ${row('login_id')})`,
            }
          : c,
      ),
    },
    rows.map((r) => [r.loginId, '', r.staffNo, r.email, '', authSource, now]),
  );
  await replaceGrantedRoles(db, rows);
  const created = pg
    ? sql`u.login_id in ${oneOf(
        db,
        rows.map((r) => r.loginId),
      )}`
    : sql`u.id > ${Number(top)}`;
  // The roles of the created accounts only: the ones granted before stay unread.
  const roles = pg
    ? sql`select user_id, json_agg(role order by role) as roles from user_roles where user_id in (select u.id from users u where ${created}) group by user_id`
    : sql`select user_id, json_group_array(role) as roles from (select user_id, role from user_roles where user_id > ${Number(top)} order by user_id, role) group by user_id`;
  const object = (withRoles: boolean) =>
    sql.raw(
      `${pg ? 'json_build_object' : 'json_object'}('staffNo', u.staff_no, 'email', u.email, 'displayName', u.display_name${
        withRoles ? `, 'roles', ${pg ? 'r.roles' : 'json(r.roles)'}` : ''
      })`,
    );
  await sql`insert into audit_log (at, user_id, login_id, action, entity, entity_id, after_json)
    select ${now}, ${actor.userId}, ${actor.loginId}, 'create', 'user', u.login_id,
      case when r.roles is null then ${object(false)} else ${object(true)} end${pg ? sql`::text` : sql``}
    from users u left join (${roles}) r on r.user_id = u.id
    where ${created}
    order by u.id`.execute(db);
}

export interface AccountFilter {
  /** A part of the login id, the display name or the staff number. */
  q?: string;
  role?: Role;
  signedIn?: boolean;
  active?: boolean;
  page: number;
  pageSize: number;
  today: string;
}

/** HR's list of accounts: filtered, ordered by login id, one page, with the total and effective roles. */
export async function listAccounts(
  db: Db,
  f: AccountFilter,
): Promise<{ accounts: (Account & { roles: Role[] })[]; total: number }> {
  let q = db.selectFrom('users');
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(
      sql<SqlBool>`(lower(users.login_id) like lower(${like}) escape '\\' or users.display_name like ${like} escape '\\' or users.staff_no like ${like} escape '\\')`,
    );
  }
  if (f.signedIn !== undefined) {
    q = q.where('users.last_sign_in_at', f.signedIn ? 'is not' : 'is', null);
  }
  if (f.active !== undefined) q = q.where('users.active', '=', f.active ? 1 : 0);
  if (f.role) {
    const holders = db
      .selectFrom(effectiveRolesQuery(db, () => sql<SqlBool>`1 = 1`, f.today).as('r'))
      .select('r.user_id')
      .where('r.role', '=', f.role);
    q = q.where('users.id', 'in', holders);
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('users')
    .orderBy('users.login_id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const ids = rows.map((r) => r.id);
  const [granted, effective] = await Promise.all([
    grantedRolesOf(db, ids),
    effectiveRolesOf(db, ids, f.today),
  ]);
  return {
    accounts: rows.map((r) => ({
      ...toAccount(r, granted.get(r.id) ?? []),
      roles: effective.get(r.id) ?? [],
    })),
    total: Number(n),
  };
}

/**
 * A full roster was imported: everyone on the roster and not in it has left today. Returns their staff numbers.
 */
export async function markLeavers(db: Db, present: readonly string[], today: string): Promise<string[]> {
  const gone = (
    await db
      .selectFrom('staff')
      .select('staff_no')
      .where('left_on', 'is', null)
      .where('staff_no', 'not in', oneOf(db, present))
      .execute()
  ).map((r) => r.staff_no);
  await chunked(gone, async (part) => {
    await db.updateTable('staff').set({ left_on: today }).where('staff_no', 'in', part).execute();
    return [];
  });
  if (gone.length > 0) await bumpDataVersion(db, 'staff');
  return gone;
}

/**
 * Brings accounts in line with the roster: the active account of a person who left is disabled (reason `left`,
 * credential generation moved on, sessions deleted); an account disabled for leaving whose person is back on the
 * roster is enabled again (no old session revives). Returns the login ids changed each way, for the audit log.
 */
export async function syncAccountsWithRoster(
  db: Db,
): Promise<{ disabled: string[]; enabled: string[]; sessionsEnded: number }> {
  const left = db.selectFrom('staff').select('staff_no').where('left_on', 'is not', null);
  const onRoster = db.selectFrom('staff').select('staff_no').where('left_on', 'is', null);
  const toDisable = await db
    .selectFrom('users')
    .select(['id', 'login_id'])
    .where('active', '=', 1)
    .where('staff_no', 'in', left)
    .execute();
  const toEnable = await db
    .selectFrom('users')
    .select(['id', 'login_id'])
    .where('active', '=', 0)
    .where('disabled_reason', '=', 'left')
    .where('staff_no', 'in', onRoster)
    .execute();
  let sessionsEnded = 0;
  await chunked(
    toDisable.map((u) => u.id),
    async (part) => {
      await db
        .updateTable('users')
        .set((eb) => ({
          active: 0,
          disabled_reason: 'left',
          credential_generation: eb('credential_generation', '+', 1),
        }))
        .where('id', 'in', part)
        .execute();
      const r = await db.deleteFrom('sessions').where('user_id', 'in', part).executeTakeFirst();
      sessionsEnded += Number(r.numDeletedRows);
      return [];
    },
  );
  await chunked(
    toEnable.map((u) => u.id),
    async (part) => {
      await db
        .updateTable('users')
        .set({ active: 1, disabled_reason: null })
        .where('id', 'in', part)
        .execute();
      return [];
    },
  );
  return {
    disabled: toDisable.map((u) => u.login_id),
    enabled: toEnable.map((u) => u.login_id),
    sessionsEnded,
  };
}

/** A person on the roster (not left) by staff number, with their name; undefined otherwise. */
export async function staffOnRoster(
  db: Db,
  staffNo: string,
): Promise<{ staffNo: string; name: string } | undefined> {
  const r = await db
    .selectFrom('staff')
    .select(['staff_no', 'name'])
    .where('staff_no', '=', staffNo)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  return r ? { staffNo: r.staff_no, name: r.name } : undefined;
}

/** The names of the staff numbers that are on the stored roster (left or not), in one query per slice. */
export async function namesByStaffNo(db: Db, staffNos: readonly string[]): Promise<Map<string, string>> {
  const rows = await chunked(staffNos, (part) =>
    db.selectFrom('staff').select(['staff_no', 'name']).where('staff_no', 'in', oneOf(db, part)).execute(),
  );
  return new Map(rows.map((r) => [r.staff_no, r.name]));
}
