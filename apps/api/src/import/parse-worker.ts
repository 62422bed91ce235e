// The worker thread that reads uploads (decode, CSV or .xlsx, row checks) off the server's event loop; see off-thread.ts.
import { parentPort } from 'node:worker_threads';
import * as model from '@jinzai/model';
import type { RowSpec } from '@jinzai/model';
import { ImportError } from './errors.js';
import type { ColumnSlice, WorkerJob, WorkerMessage } from './off-thread.js';
import { parseTable, RowChecker, validateColumns, type Table } from './table.js';

const port = parentPort;
if (!port) throw new Error('parse-worker runs only as a worker thread');
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** A column of a chunk: numbers go as a Float64Array, moved to the main thread instead of copied. */
function slice(values: readonly unknown[], transfer: ArrayBuffer[]): ColumnSlice {
  if (values.length === 0 || !values.every((v) => typeof v === 'number')) return values as unknown[];
  const numbers = Float64Array.from(values as number[]);
  transfer.push(numbers.buffer);
  return numbers;
}

async function run({ bytes, contentType, spec }: WorkerJob): Promise<void> {
  if (spec === undefined) {
    let header = false;
    const send = (part: Table) => {
      if (!header) {
        header = true;
        post({ type: 'header', header: part.header, encoding: part.encoding });
      }
      const rowNumbers = Int32Array.from(part.rowNumbers);
      post({ type: 'columns', rowNumbers, columns: part.columns }, [rowNumbers.buffer]);
    };
    send(await parseTable(bytes, contentType, send));
    post({ type: 'done', details: [] });
    return;
  }
  const rowSpec = (model as Record<string, unknown>)[spec] as RowSpec;
  // Each chunk is checked and sent as soon as it is read, so that the main thread builds its rows meanwhile and the
  // worker never holds the whole file as cells. A header that does not fit the spec is reported after the file's
  // own problems, as on the calling thread.
  const checker = new RowChecker(rowSpec);
  let columnsChecked = false;
  let badColumns: unknown = null;
  const send = (part: Table) => {
    if (!columnsChecked) {
      columnsChecked = true;
      try {
        validateColumns(part.header, rowSpec.columns);
      } catch (err) {
        badColumns = err;
      }
    }
    if (badColumns !== null || part.rowNumbers.length === 0) return;
    const checked = checker.check(part, 0, part.rowNumbers.length);
    const transfer: ArrayBuffer[] = [];
    const rowNumbers = Int32Array.from(checked.rowNumbers);
    const { ok } = checked;
    transfer.push(rowNumbers.buffer, ok.buffer as ArrayBuffer);
    const values = Object.fromEntries(
      Object.entries(checked.values).map(([name, column]): [string, ColumnSlice] => {
        if ('index' in column) {
          transfer.push(column.index.buffer as ArrayBuffer);
          return [name, column];
        }
        return [name, slice(column as unknown[], transfer)];
      }),
    );
    post({ type: 'checked', rowNumbers, ok, values }, transfer);
  };
  send(await parseTable(bytes, contentType, send));
  if (badColumns !== null) throw badColumns;
  post({ type: 'done', details: checker.details });
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
