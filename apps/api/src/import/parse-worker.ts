// The worker thread that reads uploads (decode, CSV or .xlsx, row checks) off the server's event loop; see off-thread.ts.
import { parentPort } from 'node:worker_threads';
import * as model from '@jinzai/model';
import type { RowSpec } from '@jinzai/model';
import { ImportError } from './errors.js';
import type { ColumnSlice, WorkerJob, WorkerMessage } from './off-thread.js';
import { checkTable, parseTable, validateColumns } from './table.js';

/** Rows per message: small enough that the main thread turns each into rows in a few milliseconds. */
const CHUNK = 10_000;

const port = parentPort;
if (!port) throw new Error('parse-worker runs only as a worker thread');
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** A slice of a column: numbers go as a Float64Array, moved to the main thread instead of copied. */
function slice(values: ArrayLike<unknown>, start: number, end: number, transfer: ArrayBuffer[]): ColumnSlice {
  const part = Array.prototype.slice.call(values, start, end) as unknown[];
  if (part.length === 0 || !part.every((v) => typeof v === 'number')) return part;
  const numbers = Float64Array.from(part as number[]);
  transfer.push(numbers.buffer);
  return numbers;
}

async function run({ bytes, contentType, spec }: WorkerJob): Promise<void> {
  const table = await parseTable(bytes, contentType);
  const n = table.rowNumbers.length;
  if (spec === undefined) {
    post({ type: 'header', header: table.header, encoding: table.encoding });
    for (let start = 0; start < n; start += CHUNK) {
      const rowNumbers = Int32Array.from(table.rowNumbers.slice(start, start + CHUNK));
      const columns = Object.fromEntries(
        table.header.map((name) => [name, (table.columns[name] ?? []).slice(start, start + CHUNK)]),
      );
      post({ type: 'columns', rowNumbers, columns }, [rowNumbers.buffer]);
    }
    post({ type: 'done', details: [] });
    return;
  }
  const rowSpec = (model as Record<string, unknown>)[spec] as RowSpec;
  validateColumns(table.header, rowSpec.columns);
  const checked = checkTable(table, rowSpec);
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    const transfer: ArrayBuffer[] = [];
    const rowNumbers = Int32Array.from(table.rowNumbers.slice(start, end));
    const ok = checked.ok.slice(start, end);
    transfer.push(rowNumbers.buffer, ok.buffer);
    const values = Object.fromEntries(
      Object.entries(checked.values).map(([name, column]) => [name, slice(column, start, end, transfer)]),
    );
    post({ type: 'checked', rowNumbers, ok, values }, transfer);
  }
  post({ type: 'done', details: checked.details });
}

// One job at a time: the pool sends the next only after this one's last message.
port.on('message', (job: WorkerJob) => {
  run(job).catch((err: unknown) => {
    if (err instanceof ImportError) {
      post({
        type: 'refused',
        code: err.code,
        message: err.message,
        details: err.details,
        status: err.status,
      });
    } else {
      post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
});
