// The `jinzai` command line (docs/interfaces.md "Command line"): the same services the API calls, on the
// database named.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import {
  backupSqlite,
  connect,
  createUser,
  getPeriod,
  getRound,
  migrateToLatest,
  parseDatabaseUrl,
} from '@jinzai/db';
import { newUserSchema, passwordSchema } from '@jinzai/model';
import { openDatabase } from './boot.js';
import type { Env } from './env.js';
import { ApiError } from './errors.js';
import { ImportError } from './import/errors.js';
import { XLSX_CONTENT_TYPE } from './import/xlsx.js';
import { hashPassword } from './passwords.js';
import { importAssignments } from './services/evaluation-evaluators.service.js';
import { importResults } from './services/evaluation-results.service.js';
import { importStaff, importUnits } from './services/org-import.service.js';
import { importApplicantsFile, importScoresFile } from './services/recruitment-import.service.js';
import { importKpiResponses } from './services/survey.service.js';
import { importTraining } from './services/talent-import.service.js';
import type { Actor } from './services/actor.js';
import { importUsers, issueInitialPassword } from './services/accounts.service.js';
import { directoryConfigFromEnv } from './services/directory.js';
import { disableUser, enableUser, resetPassword } from './services/users.service.js';

const USAGE = `使い方: jinzai <command> [options]   (--db PATH|postgres://… または DATABASE_URL でデータベースを指定)

  migrate                                   データベースを最新のスキーマにします
  users add LOGIN --name 氏名 --role ROLE [--role ROLE…] [--staff-no 職員番号] [--password PW]
                                            ユーザーを追加します（--password 省略時は生成して表示）
  users disable LOGIN                       ユーザーを無効にし、すべてのセッションを終了します
  users enable LOGIN                        無効にしたユーザーを有効に戻します（古いセッションは戻りません）
  users reset-password LOGIN                パスワードを再設定します（標準入力の1行目、またはプロンプトから）。
                                            すべてのセッションを終了し、次のログインで変更を求めます
  users initial-password LOGIN              初期パスワード（1回限り・14日間有効）を発行して表示します
  seed-demo                                 デモデータ（約4,000名の区）を登録します
  import units|staff FILE [--roster]        CSV（UTF-8/BOM付き/CP932）または .xlsx を取り込みます。--roster: 職員ファイルを
                                            全職員の名簿として扱い、載っていない職員を退職とします（アカウントは無効）
  import users FILE                         ユーザー（login_id,staff_no,roles,email）を取り込みます
  import results FILE --period ID           過去の人事評価結果を評価期間に取り込みます
  import assignments FILE --period ID       評価期間の一次・二次評価者を一括で設定します
  import applicants|scores FILE --round ID  採用選考の応募者・評価点を取り込みます
  import training FILE                      研修の修了記録（staff_no,course,layer,completed_on,hours）を取り込みます
  import survey FILE --fiscal-year Y        職員アンケート（KPI）の回答を取り込みます（その年度の前回の取込分を置き換えます）
  backup FILE                               稼働中でも一貫したバックアップを作成します
`;

class CliError extends Error {}

/** Where the CLI writes, and how it reads a secret; tests capture and supply them. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** A password from the person at the command line (stdin or a prompt); null when it was mistyped. */
  readSecret?: (prompt: string) => Promise<string | null>;
}

function fail(message: string): never {
  throw new CliError(message);
}

async function main(argv: string[], env: Env, io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      'staff-no': { type: 'string' },
      password: { type: 'string' },
      round: { type: 'string' },
      period: { type: 'string' },
      'fiscal-year': { type: 'string' },
      roster: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const databaseUrl = values.db ?? env.DATABASE_URL;
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    io.out(USAGE);
    return;
  }
  const actor = { userId: null, loginId: `cli:${userInfo().username}` };

  switch (command) {
    case 'migrate': {
      const conn = connect(parseDatabaseUrl(databaseUrl));
      const applied = await migrateToLatest(conn.db);
      io.out(applied.length ? `適用しました: ${applied.join(', ')}` : 'スキーマは最新です');
      await conn.close();
      return;
    }
    case 'seed-demo': {
      const { conn, seeded } = await openDatabase(
        { DATABASE_URL: databaseUrl, JINZAI_DEMO: true },
        { log: io.out },
      );
      if (!seeded) io.out('ユーザーが既に存在するため、デモデータは登録しませんでした');
      await conn.close();
      return;
    }
    case 'users': {
      if (rest[0] !== 'add') {
        await accountCommand(rest[0], rest[1], databaseUrl, actor, io);
        return;
      }
      if (!rest[1]) fail('使い方: jinzai users add LOGIN --name 氏名 --role ROLE');
      const generated = values.password === undefined;
      const parsed = newUserSchema.safeParse({
        loginId: rest[1],
        displayName: values.name ?? rest[1],
        password: values.password ?? randomBytes(12).toString('base64url'),
        roles: values.role ?? [],
        staffNo: values['staff-no'] ?? null,
      });
      if (!parsed.success) {
        fail(parsed.error.issues.map((i) => `${i.path.join('.') || '入力'}: ${i.message}`).join('\n'));
      }
      const conn = connect(parseDatabaseUrl(databaseUrl));
      try {
        await migrateToLatest(conn.db);
        const u = parsed.data;
        const user = await createUser(
          conn.db,
          { ...u, passwordHash: await hashPassword(u.password) },
          new Date().toISOString(),
        ).catch((e: unknown) =>
          fail(`ユーザーを作成できません（${u.loginId} は既に存在しますか？）: ${String(e)}`),
        );
        io.out(`ユーザー ${user.loginId}（${user.roles.join(', ')}）を作成しました`);
        if (generated) io.out(`初期パスワード: ${u.password}`);
      } finally {
        await conn.close();
      }
      return;
    }
    case 'import': {
      const [kind, file] = rest;
      if (!kind || !file)
        fail(
          '使い方: jinzai import <units|staff|users|results|assignments|applicants|scores|survey|training> FILE [--period ID | --round ID | --fiscal-year Y | --roster]',
        );
      if (kind === 'survey') {
        await importSurveyFile(file, values['fiscal-year'], databaseUrl, actor, io);
        return;
      }
      const periodId = Number(values.period);
      const roundId = Number(values.round);
      type Db = Parameters<typeof importUnits>[0];
      const roundOf = async (db: Db) => {
        if (!Number.isInteger(roundId) || roundId <= 0) fail(`import ${kind} には --round 選考ID が必要です`);
        return (await getRound(db, roundId)) ?? fail(`選考 ${roundId} が見つかりません`);
      };
      const periodOf = async (db: Db) => {
        if (!Number.isInteger(periodId) || periodId <= 0)
          fail(`import ${kind} には --period 評価期間ID が必要です`);
        if (!(await getPeriod(db, periodId))) fail(`評価期間 ${periodId} が見つかりません`);
        return periodId;
      };
      const runners = {
        units: importUnits,
        staff: async (...[db, file, who, now]: Parameters<typeof importUnits>) =>
          importStaff(db, file, who, now, { roster: values.roster === true }),
        users: async (...[db, file, who, now]: Parameters<typeof importUnits>) =>
          importUsers(db, file, who, now, { directory: directoryConfigFromEnv(env) !== null }),
        results: async (...[db, file, who, now]: Parameters<typeof importUnits>) =>
          importResults(db, await periodOf(db), file, who, now),
        assignments: async (...[db, file, who, now]: Parameters<typeof importUnits>) =>
          importAssignments(db, who, now, await periodOf(db), async () => file),
        applicants: async (...[db, file, who, now]: Parameters<typeof importUnits>) =>
          importApplicantsFile(db, await roundOf(db), file, who, now),
        scores: async (...[db, file, who, now]: Parameters<typeof importUnits>) =>
          importScoresFile(db, await roundOf(db), file, who, now),
        training: importTraining,
      } as const;
      if (!(kind in runners)) {
        fail(`import ${kind} はまだ利用できません（利用可能: ${Object.keys(runners).join(', ')}）`);
      }
      const upload = readImportFile(file);
      const conn = connect(parseDatabaseUrl(databaseUrl));
      try {
        await migrateToLatest(conn.db);
        const r: { rows: number; created?: number; updated?: number; sheets?: number; left?: number } =
          await runners[kind as keyof typeof runners](conn.db, upload, actor, new Date());
        const counts = [
          r.created === undefined ? '' : `新規 ${r.created}`,
          r.updated === undefined ? '' : `更新 ${r.updated}`,
          r.sheets === undefined ? '' : `評価票 ${r.sheets}`,
          r.left ? `退職 ${r.left}` : '',
        ].filter(Boolean);
        io.out(`${file}: ${r.rows} 行を取り込みました${counts.length ? `（${counts.join('、')}）` : ''}`);
      } finally {
        await conn.close();
      }
      return;
    }
    case 'backup': {
      const [file] = rest;
      if (!file) fail('使い方: jinzai backup FILE');
      const target = parseDatabaseUrl(databaseUrl);
      if (target.dialect === 'postgres') {
        try {
          execFileSync('pg_dump', ['--format=custom', `--file=${file}`, target.url], { stdio: 'inherit' });
        } catch {
          fail('pg_dump を実行できません。PostgreSQL のクライアントツールをインストールしてください');
        }
      } else {
        const conn = connect(target);
        await backupSqlite(conn, file);
        await conn.close();
      }
      io.out(`バックアップを作成しました: ${file}`);
      return;
    }
    default:
      fail(`不明なコマンドです: ${command}\n\n${USAGE}`);
  }
}

/** The bytes of a file to import, and its type by extension (.xlsx, else CSV); a file that cannot be read fails. */
function readImportFile(file: string): { bytes: Uint8Array; contentType: string } {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    fail(`ファイルを読めません: ${file}`);
  }
  return { bytes, contentType: extname(file).toLowerCase() === '.xlsx' ? XLSX_CONTENT_TYPE : 'text/csv' };
}

/** Runs one jinzai command; returns the exit code. Errors become messages naming the row and column, not stacks. */
/** `jinzai users disable|enable|reset-password LOGIN` (docs/interfaces.md "Accounts"): the services HR's routes call. */
async function accountCommand(
  sub: string | undefined,
  loginId: string | undefined,
  databaseUrl: string | undefined,
  actor: Actor,
  io: CliIo,
): Promise<void> {
  if (sub === 'initial-password' && loginId) {
    const conn = connect(parseDatabaseUrl(databaseUrl));
    try {
      await migrateToLatest(conn.db);
      const r = await issueInitialPassword(conn.db, actor, new Date(), loginId).catch((e: unknown) =>
        fail(e instanceof ApiError ? `${loginId}: ${e.message}` : String(e)),
      );
      io.out(`ユーザー ${r.loginId} の初期パスワード: ${r.password}`);
      io.out(`有効期限: ${r.expiresAt}（初回ログイン時に本人が変更します。この表示は一度きりです）`);
    } finally {
      await conn.close();
    }
    return;
  }
  if (!loginId || (sub !== 'disable' && sub !== 'enable' && sub !== 'reset-password')) {
    fail('使い方: jinzai users <add|disable|enable|reset-password|initial-password> LOGIN');
  }
  let password: string | undefined;
  if (sub === 'reset-password') {
    const typed = await (io.readSecret ?? (() => Promise.resolve(null)))('新しいパスワード: ');
    if (typed === null) fail('パスワードが一致しません（または入力がありません）');
    const parsed = passwordSchema.safeParse(typed);
    if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join('\n'));
    password = parsed.data;
  }
  const conn = connect(parseDatabaseUrl(databaseUrl));
  try {
    await migrateToLatest(conn.db);
    const now = new Date();
    const r = await (
      sub === 'disable'
        ? disableUser(conn.db, actor, now, loginId)
        : sub === 'enable'
          ? enableUser(conn.db, actor, now, loginId)
          : resetPassword(conn.db, actor, now, loginId, password as string)
    ).catch((e: unknown) => fail(e instanceof ApiError ? `${loginId}: ${e.message}` : String(e)));
    const done =
      sub === 'disable'
        ? 'を無効にしました'
        : sub === 'enable'
          ? 'を有効にしました'
          : 'のパスワードを再設定しました';
    io.out(
      `ユーザー ${r.loginId} ${done}${r.sessionsEnded > 0 ? `（セッション ${r.sessionsEnded} 件を終了）` : ''}`,
    );
  } finally {
    await conn.close();
  }
}

export async function runCli(argv: string[], env: Env, io: CliIo): Promise<number> {
  try {
    await main(argv, env, io);
    return 0;
  } catch (e: unknown) {
    report(e, io);
    return 1;
  }
}

function report(e: unknown, io: CliIo): void {
  if (e instanceof ImportError) {
    io.err(`取り込めません: ${e.message}`);
    for (const d of e.details) {
      io.err(
        `  ${d.row !== undefined ? `${d.row}行目` : ''}${d.column ? ` 列「${d.column}」` : ''}: ${d.message}`,
      );
    }
  } else if (e instanceof CliError) {
    io.err(e.message);
  } else {
    io.err(String(e instanceof Error ? (e.stack ?? e.message) : e));
  }
}

/**
 * `jinzai import survey FILE --fiscal-year Y`: a year's KPI survey answers (docs/interfaces.md
 * "Survey and KPIs").
 */
async function importSurveyFile(
  file: string,
  fiscalYearText: string | undefined,
  databaseUrl: string | undefined,
  actor: { userId: null; loginId: string },
  io: CliIo,
): Promise<void> {
  const fiscalYear = Number(fiscalYearText);
  if (!fiscalYearText || !Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) {
    fail('使い方: jinzai import survey FILE --fiscal-year 年度（例: 2025）');
  }
  const upload = readImportFile(file);
  const conn = connect(parseDatabaseUrl(databaseUrl));
  try {
    await migrateToLatest(conn.db);
    const r = await importKpiResponses(conn.db, fiscalYear, upload, actor, new Date());
    io.out(`${file}: ${fiscalYear}年度の回答 ${r.rows} 件を取り込みました（置き換え ${r.replaced} 件）`);
  } finally {
    await conn.close();
  }
}
