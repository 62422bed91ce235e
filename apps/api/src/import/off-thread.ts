// Reads uploads in worker threads (parse-worker.ts) so that a large file never blocks other requests.
import { Worker } from 'node:worker_threads';
import { ImportError, type ImportDetail } from './errors.js';
import { ImportTooLarge } from './limits.js';
import type { Table, TableRow } from './table.js';

/** One upload for a worker: its bytes (a copy) and its Content-Type. */
export interface WorkerJob {
  bytes: Uint8Array;
  contentType: string | undefined;
}

/** What a worker sends back: the header, rows in chunks (cells flat, in header order), then done or the error. */
export type WorkerMessage =
  | { type: 'header'; header: string[]; encoding: Table['encoding'] }
  | { type: 'rows'; numbers: number[]; cells: string }
  | { type: 'done' }
  | { type: 'refused'; code: string; message: string; details: ImportDetail[]; status: 400 | 413 }
  | { type: 'failed'; message: string };

/**
 * Between the cells of a chunk: NUL, which no cell can hold (a file with NUL is refused as binary or UTF-16, and
 * control characters in a cell are refused before the rows are sent).
 */
export const CELL_SEPARATOR = '\u0000';

/** Uploads read at the same time; more wait their turn (each worker may take up to its memory limit). */
const MAX_WORKERS = 2;
/** The heap a worker may use; an upload that needs more is refused as too large instead of exhausting the server. */
const WORKER_HEAP_MB = 2048;

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

/** The rows of the worker's chunks, one chunk per turn of the event loop. */
async function tableOf(
  header: string[],
  encoding: Table['encoding'],
  chunks: readonly { numbers: number[]; cells: string }[],
): Promise<Table> {
  const rows: TableRow[] = [];
  const width = header.length;
  for (const chunk of chunks) {
    if (rows.length > 0) await new Promise((resolve) => setImmediate(resolve));
    const { numbers } = chunk;
    const cells = chunk.cells.split(CELL_SEPARATOR);
    numbers.forEach((row, k) => {
      const values: Record<string, string> = {};
      for (let c = 0; c < width; c += 1) values[header[c] ?? ''] = cells[k * width + c] ?? '';
      rows.push({ row, values });
    });
  }
  return { header, rows, encoding };
}

/** Reads an upload as readTable does, in a worker thread: the same table, or the same ImportError. */
export async function parseOffThread(bytes: Uint8Array, contentType: string | undefined): Promise<Table> {
  const worker = (await acquire()) ?? startWorker();
  worker.ref();
  return new Promise<Table>((resolve, reject) => {
    let header: string[] = [];
    let encoding: Table['encoding'] = 'utf-8';
    // Node hands over every queued message in one turn: the chunks are kept as they come and turned into rows
    // afterwards, a chunk per turn of the event loop.
    const chunks: { numbers: number[]; cells: string }[] = [];
    const finish = (alive: boolean, settle: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (!alive) void worker.terminate();
      release(worker, alive);
      settle();
    };
    const onMessage = (message: WorkerMessage) => {
      switch (message.type) {
        case 'header':
          ({ header, encoding } = message);
          break;
        case 'rows':
          chunks.push(message);
          break;
        case 'done':
          finish(true, () => resolve(tableOf(header, encoding, chunks)));
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
      }
    };
    const onError = (err: Error & { code?: string }) =>
      finish(false, () => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuchMemory() : err));
    const onExit = (code: number) =>
      finish(false, () => reject(new Error(`the upload worker stopped (exit code ${code})`)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ bytes, contentType } satisfies WorkerJob);
  });
}
