// Reads uploads in worker threads (parse-worker.ts) so that a large file never blocks other requests: the worker
// decodes, parses and checks the rows; the main thread only receives the values.
import { Worker } from 'node:worker_threads';
import * as model from '@jinzai/model';
import type { RowSpec } from '@jinzai/model';
import { ImportError, type ImportDetail } from './errors.js';
import { ImportTooLarge } from './limits.js';
import {
  checkedRows,
  checkTable,
  tableOf,
  validateColumns,
  type CheckedRows,
  type Dictionary,
  type Table,
} from './table.js';

/** One upload for a worker: its bytes (a copy), its Content-Type and, to check its rows too, the row spec's name. */
export interface WorkerJob {
  bytes: Uint8Array;
  contentType: string | undefined;
  /** The name a RowSpec is exported under from @jinzai/model. */
  spec?: string;
}

/**
 * A slice of a column as it crosses to the main thread: numbers as a typed array, a column of few values as a
 * dictionary and an index (both moved, not copied).
 */
export type ColumnSlice = unknown[] | Float64Array | Dictionary;

/**
 * What a worker sends back: the header, then the table's columns (or, with a spec, the checked values) in chunks of
 * rows, then done (with the checks' problems) or the error.
 */
export type WorkerMessage =
  | { type: 'header'; header: string[]; encoding: Table['encoding'] }
  | { type: 'columns'; rowNumbers: Int32Array; columns: Record<string, string[]> }
  | { type: 'checked'; rowNumbers: Int32Array; ok: Uint8Array; values: Record<string, ColumnSlice> }
  | { type: 'done'; details: ImportDetail[] }
  | { type: 'refused'; code: string; message: string; details: ImportDetail[]; status: 400 | 413 }
  | { type: 'failed'; message: string };

/** Uploads read at the same time; more wait their turn (each worker may take up to its memory limit). */
const MAX_WORKERS = 2;
/** The heap a worker may use; an upload that needs more is refused as too large instead of exhausting the server. */
const WORKER_HEAP_MB = 2048;

/** Uploads at least this large end their worker afterwards (see runJob). */
const RECYCLE_BYTES = 16 * 1024 * 1024;

/** Workers started and now idle: kept (unref'd, so they never hold the process open) for the next upload. */
const idle: Worker[] = [];
let started = 0;
const waiting: ((worker: Worker | undefined) => void)[] = [];

/**
 * The worker's entry: parse-worker.js beside this module in dist/, or parse-worker.ts when running from the
 * TypeScript sources (vitest, tsx), which Node then loads through ts-worker-hooks.mjs.
 */
function startWorker(): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(fromSources ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
  const execArgv = fromSources ? ['--import', new URL('./ts-worker-register.mjs', import.meta.url).href] : [];
  const worker = new Worker(url, { execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  // An idle worker that dies leaves the pool; one that dies on an upload is handled by parseOffThread.
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    const k = idle.indexOf(worker);
    if (k < 0) return;
    idle.splice(k, 1);
    started -= 1;
  });
  return worker;
}

/** An idle worker, a new one while fewer than MAX_WORKERS run, or the next one freed; `undefined` means start one. */
async function acquire(): Promise<Worker | undefined> {
  const worker = idle.pop();
  if (worker) return worker;
  if (started < MAX_WORKERS) {
    started += 1;
    return undefined;
  }
  return new Promise((resolve) => waiting.push(resolve));
}

/** Hands a worker to the next upload waiting, or parks it; a worker that died frees its place instead. */
function release(worker: Worker, alive: boolean): void {
  const next = waiting.shift();
  if (alive) {
    if (next) next(worker);
    else {
      worker.unref();
      idle.push(worker);
    }
  } else if (next) next(undefined);
  else started -= 1;
}

function tooMuchMemory(): ImportTooLarge {
  return new ImportTooLarge(
    'ファイルが大きすぎて読めません（読み込みに使えるメモリーの上限を超えました）。ファイルを分けて取り込んでください',
  );
}

/**
 * Runs one job on a worker of the pool: each header, columns and checked message goes to `take` as it comes; resolves
 * with done's details, rejects with the worker's ImportError (or a fault).
 */
async function runJob(job: WorkerJob, take: (message: WorkerMessage) => void): Promise<ImportDetail[]> {
  const worker = (await acquire()) ?? startWorker();
  worker.ref();
  // A worker that read a large file is ended rather than kept: its heap goes back to the system at once.
  const keep = job.bytes.length < RECYCLE_BYTES;
  return new Promise<ImportDetail[]>((resolve, reject) => {
    const finish = (alive: boolean, settle: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (!alive || !keep) void worker.terminate();
      release(worker, alive && keep);
      settle();
    };
    const onMessage = (message: WorkerMessage) => {
      switch (message.type) {
        case 'done':
          finish(true, () => resolve(message.details));
          break;
        case 'refused': {
          const { code, details, status } = message;
          const error =
            status === 413
              ? new ImportTooLarge(message.message, details)
              : new ImportError(code, message.message, details);
          finish(true, () => reject(error));
          break;
        }
        case 'failed':
          finish(true, () => reject(new Error(`reading the upload failed: ${message.message}`)));
          break;
        default:
          take(message);
      }
    };
    const onError = (err: Error & { code?: string }) =>
      finish(false, () => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuchMemory() : err));
    const onExit = (code: number) =>
      finish(false, () => reject(new Error(`the upload worker stopped (exit code ${code})`)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Reads an upload as readTable does, in a worker thread: the same table, or the same ImportError. */
export async function parseOffThread(bytes: Uint8Array, contentType: string | undefined): Promise<Table> {
  let header: string[] = [];
  let encoding: Table['encoding'] = 'utf-8';
  // Node hands over every queued message in one turn: the chunks are kept as they come and joined afterwards, a
  // chunk per turn of the event loop.
  const chunks: { rowNumbers: Int32Array; columns: Record<string, string[]> }[] = [];
  await runJob({ bytes, contentType }, (message) => {
    if (message.type === 'header') ({ header, encoding } = message);
    else if (message.type === 'columns') chunks.push(message);
  });
  const rowNumbers: number[] = [];
  const columns: Record<string, string[]> = Object.fromEntries(header.map((name) => [name, []]));
  for (const [k, chunk] of chunks.entries()) {
    if (k > 0) await nextTurn();
    for (const n of chunk.rowNumbers) rowNumbers.push(n);
    for (const name of header) {
      const into = columns[name] as string[];
      for (const cell of chunk.columns[name] ?? []) into.push(cell);
    }
  }
  return tableOf(header, rowNumbers, columns, encoding);
}

/**
 * Reads and checks an upload as readRows does, in a worker thread: the worker finds the spec by its name among
 * model's exports and sends the checked values back, a chunk at a time; here they only become rows. A spec the worker cannot find is checked here, on the table the worker read.
 */
export async function checkOffThread<T>(
  bytes: Uint8Array,
  contentType: string | undefined,
  spec: RowSpec,
): Promise<CheckedRows<T>> {
  if ((model as Record<string, unknown>)[spec.name] !== spec) {
    const table = await parseOffThread(bytes, contentType);
    validateColumns(table.header, spec.columns);
    const checked = checkTable(table, spec);
    return { rows: checkedRows<T>(checked), details: checked.details };
  }
  // A chunk becomes rows as it arrives (a few milliseconds each), while the worker checks the next one.
  const rows: CheckedRows<T>['rows'] = [];
  const details = await runJob({ bytes, contentType, spec: spec.name }, (message) => {
    if (message.type !== 'checked') return;
    for (const row of checkedRows<T>({ ...message, details: [] })) rows.push(row);
  });
  return { rows, details };
}
